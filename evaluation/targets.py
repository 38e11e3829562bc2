"""Scores the targets category against the gold annotation.

A predicted target matches a gold one in the same document when their evidence overlaps and the value is the
same ("targets"); "targets.full" also asks for the same comparator, unit and year. Gold targets of type
"achieved" (同比下降11.8%) are scored apart, against predictions of kind "achieved" ("targets.achieved"). The gold
annotates only some of a report's figures, so an achieved prediction counts only where the gold annotated a figure
(its evidence overlaps a gold item of either kind): precision then says how often "achieved" is said of a figure the
gold calls a target.
"""

from __future__ import annotations

import re

from plankg.evaluation.score import Score, gold_span, match_pairs, overlaps
from plankg.ingest.facts import DocumentFacts, Target
from plankg.ingest.text import normalize

_TOLERANCE = 0.01


def score(gold: dict, facts: dict[str, DocumentFacts]) -> dict[str, Score]:
    scores = {"targets": Score(), "targets.full": Score(), "targets.achieved": Score()}
    for name, document_facts in facts.items():
        text = document_facts.document.text
        items = [item for item in gold.get("targets", []) if item["doc"] == name]
        for kind, keys in (("target", ("targets", "targets.full")), ("achieved", ("targets.achieved",))):
            wanted = [item for item in items if item.get("type", "target") == kind]
            predicted = [target for target in document_facts.targets if target.kind == kind]
            if kind == "achieved":
                annotated = [gold_span(text, item["evidence"]) for item in items]
                predicted = [p for p in predicted if any(overlaps(span, p.evidence) for span in annotated)]
            spans = [gold_span(text, item["evidence"]) for item in wanted]
            pairs = list(zip(wanted, spans))
            scores[keys[0]] += match_pairs(pairs, predicted, lambda g, p: _same_target(g, p))
            if len(keys) > 1:
                scores[keys[1]] += match_pairs(pairs, predicted, lambda g, p: _same_target(g, p, full=True))
    return scores


def _same_target(gold_item: tuple[dict, object], predicted: Target, full: bool = False) -> bool:
    item, span = gold_item
    if not overlaps(span, predicted.evidence) or not same_value(item["value"], predicted.value):
        return False
    if not full:
        return True
    return (
        item["comparator"] == predicted.comparator
        and _same_unit(item.get("unit"), predicted.unit)
        and _same_year(item.get("year"), predicted.year)
    )


def same_value(gold_value: float | int | str, predicted: float) -> bool:
    """Numbers within 1%; a gold ratio printed as "800∶1" or "1:1、5" is compared as its quotient."""
    if isinstance(gold_value, str):
        parts = re.split(r"[:]", normalize(gold_value).replace("、", "."))
        if len(parts) != 2:
            return False
        gold_number = float(parts[0]) / float(parts[1])
    else:
        gold_number = float(gold_value)
    return abs(gold_number - predicted) <= _TOLERANCE * max(abs(gold_number), 1e-9)


def _same_unit(gold_unit: str | None, predicted: str | None) -> bool:
    """The gold unit may carry a gloss ("名/社区", "级 (一级技术室)"): its first word decides."""
    if gold_unit is None or predicted is None:
        return gold_unit == predicted
    head = re.split(r"[/\s(]", normalize(gold_unit))[0]
    return normalize(predicted) == head or normalize(predicted) == normalize(gold_unit)


def _same_year(gold_year: int | str | None, predicted: int | None) -> bool:
    """A gold year range ("2023-2025") accepts any year inside it."""
    if isinstance(gold_year, str):
        first, _, last = gold_year.partition("-")
        return predicted is not None and int(first) <= predicted <= int(last or first)
    return gold_year == predicted
