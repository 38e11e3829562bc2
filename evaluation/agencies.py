"""Scores the agencies category against the gold annotation."""

from __future__ import annotations

from plankg.evaluation.score import Score
from plankg.ingest.facts import DocumentFacts


def score(gold: dict, facts: dict[str, DocumentFacts]) -> dict[str, Score]:
    return {}  # placeholder until the agencies scorer lands
