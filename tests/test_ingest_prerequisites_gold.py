"""Prerequisites against the gold annotation of the sample corpus: keeps the measured figures from regressing."""

import json
from pathlib import Path

import pytest

from plankg.evaluation import prerequisites
from plankg.evaluation.run import find_documents
from plankg.ingest.pipeline import extract

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="module")
def scores():
    gold = json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))
    facts = {name: extract(path) for name, path in find_documents(gold, [SHARED / "corpus"]).items()}
    return prerequisites.score(gold, facts)


@pytest.mark.gold
def test_stated_prerequisites(scores):
    assert scores["prerequisites"].precision >= 0.90
    assert scores["prerequisites"].recall >= 0.90


@pytest.mark.gold
def test_table_order_of_dated_sub_tasks(scores):
    assert scores["prerequisites.table-order"].precision >= 0.90
    assert scores["prerequisites.table-order"].recall >= 0.90
