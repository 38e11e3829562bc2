"""One document in, all its facts out: the stages in the order the data flows."""

from __future__ import annotations

from pathlib import Path

from plankg.ingest.agencies import extract_agencies
from plankg.ingest.facts import DocumentFacts
from plankg.ingest.glossary import extract_terms
from plankg.ingest.mentions import extract_mentions
from plankg.ingest.metadata import extract_plan_meta
from plankg.ingest.outline import extract_outline
from plankg.ingest.prerequisites import extract_prerequisites
from plankg.ingest.read import read_document
from plankg.ingest.targets import extract_targets
from plankg.ingest.tasks import extract_tasks


def extract(path: str | Path) -> DocumentFacts:
    """Read ``path`` and extract its plan metadata, outline, tasks, agencies, terms, prerequisites and targets."""
    document = read_document(path)
    plan = extract_plan_meta(document)
    headings = extract_outline(document)
    tasks = extract_tasks(document, headings, plan)
    agencies, responsibilities = extract_agencies(document, headings, tasks, plan)
    terms = extract_terms(document, headings)
    mentions = extract_mentions(document, terms)
    prerequisites = extract_prerequisites(document, headings, tasks, mentions)
    targets = extract_targets(document, tasks, plan)
    return DocumentFacts(
        document=document,
        plan=plan,
        headings=headings,
        tasks=tasks,
        responsibilities=responsibilities,
        agencies=agencies,
        terms=terms,
        mentions=mentions,
        prerequisites=prerequisites,
        targets=targets,
    )
