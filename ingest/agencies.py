"""Agencies: recognized, normalized within the plan's jurisdiction, linked to tasks and responsibilities."""

from __future__ import annotations

from plankg.ingest.facts import AgencyRef, Document, Heading, PlanMeta, Responsibility, Task


def extract_agencies(
    document: Document, headings: list[Heading], tasks: list[Task], plan: PlanMeta
) -> tuple[list[AgencyRef], list[Responsibility]]:
    return [], []  # placeholder until the agency extractor lands


def resolve_agency(printed: str, plan: PlanMeta) -> str:
    """The full name of an agency as printed (市财政局) within the plan's jurisdiction (渭南市财政局)."""
    return printed  # placeholder until the agency extractor lands
