"""Scores the prerequisites category against the gold annotation.

"prerequisites": the cue-stated prerequisites (cue classes listed, listed-variant, extended); a prediction matches
a gold item in the same document when the evidence overlaps and the prerequisite texts overlap in the document.
"prerequisites.table-order": the gold's year-ordered pairs of one table item, expanded to every (earlier, later)
pair of sub-tasks; a prediction matches when its prerequisite task holds the earlier text and its dependent task
holds the later one.
"""

from __future__ import annotations

from plankg.evaluation.score import Score, gold_span, match_pairs, overlaps
from plankg.ingest.facts import DocumentFacts, Prerequisite, Span
from plankg.ingest.text import normalize_label

CUE_CLASSES = ("listed", "listed-variant", "extended")


def score(gold: dict, facts: dict[str, DocumentFacts]) -> dict[str, Score]:
    scores = {"prerequisites": Score(), "prerequisites.table-order": Score()}
    for name, document_facts in facts.items():
        text = document_facts.document.text
        stated = [p for p in document_facts.prerequisites if p.cue_class in CUE_CLASSES]
        wanted = [_located(text, item) for item in gold.get("prerequisites", []) if item["doc"] == name]
        scores["prerequisites"] += match_pairs(wanted, stated, lambda g, p: _same_prerequisite(text, g, p))

        ordered = [p for p in document_facts.prerequisites if p.cue_class == "table-order"]
        task_spans = {task.id: task.span for task in document_facts.tasks}
        pairs = [
            _ordered_pair(text, earlier, later)
            for item in gold.get("derived_prerequisites_table_order", [])
            if item["doc"] == name
            for earlier in item["earlier"]
            for later in item["later"]
        ]
        scores["prerequisites.table-order"] += match_pairs(
            pairs, ordered, lambda g, p: _same_order(g, p, task_spans)
        )
    return scores


def _ordered_pair(text: str, earlier: str, later: str) -> tuple[Span | None, Span | None]:
    """Spans of two sub-task texts; a text also printed in the body is taken where it sits next to the other."""
    later_span = gold_span(text, later)
    earlier_span = gold_span(text, earlier, near=later_span.start if later_span else 0)
    return earlier_span, gold_span(text, later, near=earlier_span.start if earlier_span else 0)


def _located(text: str, item: dict) -> tuple[dict, Span | None, Span | None]:
    """The gold item with the spans of its evidence and of its prerequisite text inside that evidence."""
    evidence = gold_span(text, item["evidence"])
    prerequisite = None
    if evidence is not None:
        position = text.find(item["prerequisite"], evidence.start, evidence.end)
        if position >= 0:
            prerequisite = Span(position, position + len(item["prerequisite"]))
    return item, evidence, prerequisite


def _same_prerequisite(text: str, gold: tuple[dict, Span | None, Span | None], predicted: Prerequisite) -> bool:
    item, evidence, prerequisite = gold
    if not overlaps(evidence, predicted.evidence):
        return False
    position = text.find(predicted.prerequisite, predicted.sentence.start, predicted.sentence.end)
    if prerequisite is not None and position >= 0:
        return overlaps(prerequisite, Span(position, position + len(predicted.prerequisite)))
    gold_label, predicted_label = normalize_label(item["prerequisite"]), normalize_label(predicted.prerequisite)
    return bool(gold_label) and (gold_label in predicted_label or predicted_label in gold_label)


def _same_order(gold: tuple[Span | None, Span | None], predicted: Prerequisite, task_spans: dict[str, Span]) -> bool:
    earlier, later = gold
    before = task_spans.get(predicted.prerequisite_task or "")
    after = task_spans.get(predicted.dependent_task or "")
    return overlaps(earlier, before) and overlaps(later, after)
