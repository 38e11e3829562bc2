"""Metadata and agency responsibilities against the gold annotation of the sample corpus: no regression."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def scores(gold_scores):
    return gold_scores


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
