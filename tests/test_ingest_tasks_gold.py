"""The tasks of the sample corpus against the gold annotation: the figures must not regress."""

import pytest


# Measured: every work-plan task, table item and dated sub-task of the gold is found, nothing else is.
MINIMUM = {
    "tasks.workplan": (1.0, 1.0),
    "tasks.table-items": (1.0, 1.0),
    "tasks.table-subtasks": (1.0, 1.0),
}


@pytest.fixture(scope="module")
def scores(gold_scores):
    return gold_scores


@pytest.mark.gold
@pytest.mark.parametrize("category", sorted(MINIMUM))
def test_task_figures_do_not_regress(scores, category):
    precision, recall = MINIMUM[category]
    assert scores[category].precision >= precision, scores[category]
    assert scores[category].recall >= recall, scores[category]
    assert scores[category].tp > 0


@pytest.mark.gold
def test_gold_counts_are_all_scored(scores):
    assert scores["tasks.workplan"].tp + scores["tasks.workplan"].fn == 54
    assert scores["tasks.table-items"].tp + scores["tasks.table-items"].fn == 19 + 25
    assert scores["tasks.table-subtasks"].tp + scores["tasks.table-subtasks"].fn == 39 + 49
