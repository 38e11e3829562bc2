"""The tasks of the sample corpus against the gold annotation: the figures must not regress."""

import json
from pathlib import Path

import pytest

from plankg.evaluation.run import find_documents
from plankg.evaluation.tasks import score
from plankg.ingest.pipeline import extract

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# Measured: every work-plan task, table item and dated sub-task of the gold is found, nothing else is.
MINIMUM = {
    "tasks.workplan": (1.0, 1.0),
    "tasks.table-items": (1.0, 1.0),
    "tasks.table-subtasks": (1.0, 1.0),
}


@pytest.fixture(scope="module")
def scores():
    gold = json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))
    documents = {entry["doc"] for entry in gold["tasks"].values()}
    paths = find_documents({"plans": [{"doc": d} for d in documents]}, [SHARED / "corpus"])
    return score(gold, {name: extract(path) for name, path in paths.items()})


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
