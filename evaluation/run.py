"""Score the extractor against a gold annotation file (``plankg evaluate``).

Each category has a module here with ``score(gold, facts_by_file) -> dict[str, Score]``; ``facts_by_file`` maps
a corpus file name (as the gold's ``doc`` field names it) to the facts extracted from that file.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Iterable

from plankg.evaluation.score import Score
from plankg.ingest.crossdoc import cross_document_mentions, document_labels
from plankg.ingest.facts import DocumentFacts
from plankg.ingest.pipeline import extract

CATEGORY_MODULES = ["metadata", "tasks", "glossary", "agencies", "targets", "prerequisites"]


def find_documents(gold: dict, corpus_dirs: list[Path]) -> dict[str, Path]:
    """Map every document the gold names to a file in one of ``corpus_dirs``."""
    names = {plan["doc"] for plan in gold["plans"]}
    found: dict[str, Path] = {}
    for name in sorted(names):
        for directory in corpus_dirs:
            if (directory / name).is_file():
                found[name] = directory / name
                break
        else:
            raise FileNotFoundError(
                f"gold names {name!r} but no such file in {', '.join(map(str, corpus_dirs))}; pass --corpus DIR"
            )
    return found


def evaluate(gold_path: Path, corpus_dirs: list[Path]) -> dict[str, Score]:
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    facts: dict[str, DocumentFacts] = {name: extract(path) for name, path in find_documents(gold, corpus_dirs).items()}
    add_cross_document_mentions(facts.values())
    scores: dict[str, Score] = {}
    for module_name in CATEGORY_MODULES:
        module = importlib.import_module(f"plankg.evaluation.{module_name}")
        scores.update(module.score(gold, facts))
    return scores


def add_cross_document_mentions(facts: Iterable[DocumentFacts]) -> None:
    """Give each document the mentions of labels other documents define, quote or name, as the build's links do."""
    facts = list(facts)
    extra = cross_document_mentions([document_labels(doc) for doc in facts])
    for doc in facts:
        doc.mentions = sorted(doc.mentions + extra[doc.document.id], key=lambda m: (m.span.start, m.span.end, m.kind))


def format_table(scores: dict[str, Score]) -> str:
    rows = ["| category | P | R | F1 | tp | fp | fn |", "|---|---|---|---|---|---|---|"]
    for name, s in scores.items():
        rows.append(f"| {name} | {s.precision:.2f} | {s.recall:.2f} | {s.f1:.2f} | {s.tp} | {s.fp} | {s.fn} |")
    return "\n".join(rows)
