"""Prerequisites against the gold annotation of the sample corpus: keeps the measured figures from regressing."""

import pytest


@pytest.fixture(scope="module")
def scores(gold_scores):
    return gold_scores


@pytest.mark.gold
def test_stated_prerequisites(scores):
    assert scores["prerequisites"].precision >= 0.90
    assert scores["prerequisites"].recall >= 0.90


@pytest.mark.gold
def test_table_order_of_dated_sub_tasks(scores):
    assert scores["prerequisites.table-order"].precision >= 0.90
    assert scores["prerequisites.table-order"].recall >= 0.90
