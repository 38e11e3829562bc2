"""Scores plan metadata against the gold annotation, one row per field.

A single-valued field is a true positive when prediction and gold agree (labels compared after normalization:
quotes, full-/half-width and spaces do not count), a false positive when something is predicted that the gold does
not have (or a different value), a false negative when the gold value is missed. A gold ``null`` asks for nothing:
predicting a value there is a false positive. Cited documents match by title and, where the gold prints one, by
document number.
"""

from __future__ import annotations

from plankg.evaluation.score import Score, match_pairs, same_label
from plankg.ingest.facts import CitedDocument, DocumentFacts, PlanMeta

# Score row -> (gold key, how to read the prediction from PlanMeta)
FIELDS = {
    "plan.title": ("title", lambda plan: plan.title or None),
    "plan.issuer": ("issuer", lambda plan: plan.issuer),
    "plan.doc_number": ("doc_number", lambda plan: plan.doc_number),
    "plan.issued": ("date", lambda plan: plan.issued),
    "plan.published": ("publication_date", lambda plan: plan.published),
    "plan.period": ("period", lambda plan: period_label(plan)),
    "plan.kind": ("kind", lambda plan: plan.kind),
}


def score(gold: dict, facts: dict[str, DocumentFacts]) -> dict[str, Score]:
    scores = {name: Score() for name in [*FIELDS, "plan.cited"]}
    for item in gold.get("plans", []):
        document_facts = facts.get(item["doc"])
        if document_facts is None:
            continue
        plan = document_facts.plan
        for name, (key, read) in FIELDS.items():
            scores[name] += field_score(item.get(key), read(plan))
        scores["plan.cited"] += match_pairs(item.get("cited_documents", []), plan.cited, _same_cited)
    return scores


def field_score(gold_value: str | None, predicted: str | None) -> Score:
    if gold_value is None:
        return Score(fp=int(predicted is not None))
    if predicted is None:
        return Score(fn=1)
    if same_label(str(gold_value), str(predicted)):
        return Score(tp=1)
    return Score(fp=1, fn=1)


def period_label(plan: PlanMeta) -> str | None:
    """2021-2025, or 2024 for a plan of one year, as the gold writes periods."""
    if plan.period_start is None:
        return None
    end = plan.period_end or plan.period_start
    return str(plan.period_start) if end == plan.period_start else f"{plan.period_start}-{end}"


def _same_cited(item: dict, cited: CitedDocument) -> bool:
    if not same_label(item["title"], cited.title):
        return False
    return item.get("doc_number") is None or same_label(item["doc_number"], cited.doc_number or "")
