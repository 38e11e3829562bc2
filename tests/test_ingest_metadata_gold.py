"""Metadata and agency responsibilities against the gold annotation of the sample corpus: no regression."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from plankg.evaluation import agencies as agency_scorer
from plankg.evaluation import metadata as metadata_scorer
from plankg.ingest.agencies import extract_agencies
from plankg.ingest.facts import DocumentFacts
from plankg.ingest.metadata import extract_plan_meta
from plankg.ingest.read import read_document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def scores():
    gold = json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))
    facts = {}
    for plan in gold["plans"]:
        document = read_document(CORPUS / plan["doc"])
        meta = extract_plan_meta(document)
        mentions, duties = extract_agencies(document, [], [], meta)
        facts[plan["doc"]] = DocumentFacts(document=document, plan=meta, agencies=mentions, responsibilities=duties)
    return {**metadata_scorer.score(gold, facts), **agency_scorer.score(gold, facts)}


@pytest.mark.gold
@pytest.mark.parametrize("field", ["plan.title", "plan.issuer", "plan.doc_number", "plan.issued", "plan.published",
                                   "plan.period", "plan.kind"])
def test_every_metadata_field_is_right(scores, field):
    assert scores[field].fn == 0 and scores[field].fp == 0, scores[field]


@pytest.mark.gold
def test_cited_documents(scores):
    assert scores["plan.cited"].precision >= 0.95 and scores["plan.cited"].recall >= 0.95, scores["plan.cited"]


@pytest.mark.gold
def test_agency_responsibilities(scores):
    score = scores["agency.responsibilities"]
    assert score.precision >= 0.95 and score.recall >= 0.92, score
