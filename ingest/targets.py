"""Quantitative targets: indicator, comparator, value, unit, year."""

from __future__ import annotations

from plankg.ingest.facts import Document, PlanMeta, Target, Task


def extract_targets(document: Document, tasks: list[Task], plan: PlanMeta) -> list[Target]:
    return []  # placeholder until the target extractor lands
