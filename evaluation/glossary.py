"""Scores the glossary category against the gold annotation.

| score                 | a gold item counts as found when …                                                     |
|-----------------------|----------------------------------------------------------------------------------------|
| glossary.senses       | a defined sense (section or inline) of its document has its label and overlapping evidence |
| glossary.expansions   | … and that sense's expansion equals the gold's item by item (normalized labels)          |
| glossary.undefined    | an ``undefined`` sense of its document has its label (one per label and document)       |
| mentions              | a term mention of its label overlaps the gold evidence (outside the 名词解释 section)     |
| mentions.cross_doc    | the label is mentioned in every document the gold lists, the cross-document pass included (recall only) |

Labels compare with ``normalize_label``; a gold label may name alternatives ("7+X / 4+X", "一室/两队"), and its
``full_label`` counts too. Predicted senses count as false positives only in documents the gold annotates.
"""

from __future__ import annotations

import re

from plankg.evaluation.score import Score, gold_span, match_pairs, overlaps
from plankg.ingest.facts import DocumentFacts, TermSense
from plankg.ingest.glossary import glossary_sections
from plankg.ingest.text import normalize_label


def _labels(item: dict) -> set[str]:
    labels = {normalize_label(part) for part in re.split(r"\s*/\s*", item["term"])}
    if item.get("full_label"):
        labels.add(normalize_label(item["full_label"]))
    return labels


def _evidence_spans(text: str, item: dict) -> list:
    pieces = [item["evidence"], *item.get("evidence_more", [])]
    return [span for span in (gold_span(text, piece) for piece in pieces) if span is not None]


def _sense_matches(text: str):
    def matches(item: dict, sense: TermSense) -> bool:
        return normalize_label(sense.label) in _labels(item) and any(
            overlaps(span, sense.evidence) for span in _evidence_spans(text, item)
        )

    return matches


def _same_expansion(gold: list[str], predicted: list[str]) -> bool:
    return [normalize_label(i) for i in gold] == [normalize_label(i) for i in predicted]


def score(gold: dict, facts: dict[str, DocumentFacts]) -> dict[str, Score]:
    senses, expansions, undefined, mentions, cross = Score(), Score(), Score(), Score(), Score()
    for doc, doc_facts in sorted(facts.items()):
        text = doc_facts.document.text
        gold_senses = [g for g in gold.get("glossary", []) if g["doc"] == doc]
        defined = [t for t in doc_facts.terms if t.kind != "undefined"]
        matches = _sense_matches(text)
        senses += match_pairs(gold_senses, defined, matches)
        used: set[int] = set()
        for item in gold_senses:
            for index, sense in enumerate(defined):
                if index not in used and matches(item, sense):
                    used.add(index)
                    ok = _same_expansion(item["expansion"], sense.expansion)
                    expansions += Score(tp=int(ok), fp=int(not ok), fn=int(not ok))
                    break
            else:
                expansions += Score(fn=1)

        gold_undefined = [g for g in gold.get("undefined_shorthand", []) if g["doc"] == doc]
        predicted_undefined = [t for t in doc_facts.terms if t.kind == "undefined"]
        undefined += match_pairs(
            gold_undefined, predicted_undefined, lambda item, sense: normalize_label(sense.label) in _labels(item)
        )
        mentions += _score_mentions(gold, doc, doc_facts)

    for item in gold.get("cross_doc_terms", []):
        docs = [d for d in item["docs"] if d in facts]
        if len(docs) < 2:
            continue
        key = normalize_label(item["term"])
        found = all(any(normalize_label(m.label) == key for m in facts[d].mentions) for d in docs)
        cross += Score(tp=int(found), fn=int(not found))
    return {
        "glossary.senses": senses,
        "glossary.expansions": expansions,
        "glossary.undefined": undefined,
        "mentions": mentions,
        "mentions.cross_doc": cross,
    }


def _score_mentions(gold: dict, doc: str, doc_facts: DocumentFacts) -> Score:
    """Mentions of the gold's annotated terms in the body (the 名词解释 section defines, it does not mention)."""
    text = doc_facts.document.text
    sections = glossary_sections(text)
    total = Score()
    for entry in gold.get("term_mentions", []):
        if entry["doc"] != doc:
            continue
        labels = {normalize_label(entry["term"])} | {normalize_label(m["matched"]) for m in entry["mentions"]}
        gold_items = [
            span for span in (gold_span(text, m["evidence"], near=m.get("start", 0)) for m in entry["mentions"]) if span
        ]
        predicted = [
            m.span for m in doc_facts.mentions
            if m.kind == "term" and normalize_label(m.label) in labels and not any(s.contains(m.span) for s in sections)
        ]
        total += match_pairs(gold_items, predicted, overlaps)
    return total
