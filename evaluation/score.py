"""Precision, recall and F1, and the matching helpers every category scorer shares."""

from __future__ import annotations

from dataclasses import dataclass

from plankg.ingest.facts import Span
from plankg.ingest.text import normalize_label


@dataclass
class Score:
    """Counts of one category: true positives, false positives, false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Score") -> "Score":
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


def gold_span(text: str, evidence: str, near: int = 0) -> Span | None:
    """Where a gold evidence string sits in the document text (the occurrence nearest ``near``)."""
    starts = []
    position = text.find(evidence)
    while position >= 0:
        starts.append(position)
        position = text.find(evidence, position + 1)
    if not starts:
        return None
    start = min(starts, key=lambda s: abs(s - near))
    return Span(start, start + len(evidence))


def overlaps(a: Span | None, b: Span | None) -> bool:
    return a is not None and b is not None and a.start < b.end and b.start < a.end


def same_label(a: str, b: str) -> bool:
    return normalize_label(a) == normalize_label(b)


def match_pairs(gold: list, predicted: list, matches) -> Score:
    """Greedy one-to-one matching of gold items to predictions with ``matches(gold_item, predicted_item)``."""
    used: set[int] = set()
    tp = 0
    for item in gold:
        for index, candidate in enumerate(predicted):
            if index not in used and matches(item, candidate):
                used.add(index)
                tp += 1
                break
    return Score(tp=tp, fp=len(predicted) - len(used), fn=len(gold) - tp)
