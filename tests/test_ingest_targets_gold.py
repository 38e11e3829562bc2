"""Targets against the gold annotation of the sample corpus: keeps the measured figures from regressing."""

import json
from pathlib import Path

import pytest

from plankg.evaluation import targets
from plankg.evaluation.run import find_documents
from plankg.ingest.pipeline import extract

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="module")
def scores():
    gold = json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))
    facts = {name: extract(path) for name, path in find_documents(gold, [SHARED / "corpus"]).items()}
    return targets.score(gold, facts)


@pytest.mark.gold
def test_target_recall_and_precision(scores):
    assert scores["targets"].recall >= 0.88
    assert scores["targets"].precision >= 0.90


@pytest.mark.gold
def test_comparator_unit_and_year_agree(scores):
    assert scores["targets.full"].recall >= 0.85
    assert scores["targets.full"].precision >= 0.85


@pytest.mark.gold
def test_reported_changes_are_achieved(scores):
    assert scores["targets.achieved"].recall == 1.0
    assert scores["targets.achieved"].precision >= 0.9  # "achieved" is not said of figures the gold calls targets
