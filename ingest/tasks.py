"""Tasks from task headings, task lists and task tables, with due dates."""

from __future__ import annotations

from plankg.ingest.facts import Document, Heading, PlanMeta, Task


def extract_tasks(document: Document, headings: list[Heading], plan: PlanMeta) -> list[Task]:
    return []  # placeholder until the task extractor lands
