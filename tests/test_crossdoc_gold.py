"""The cross-document pass against the gold's shared terms: what it adds is kept, and it costs no mention precision."""

from pathlib import Path

import pytest

from plankg.evaluation.run import evaluate

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.mark.gold
def test_evaluate_counts_the_mentions_other_plans_make_of_a_label():
    scores = evaluate(SHARED / "gold" / "seeds.json", [SHARED / "corpus"])
    assert scores["mentions.cross_doc"].recall >= 0.29  # 22/74 with the pass; 18/74 (0.24) per document alone
    assert scores["mentions"].precision >= 0.90
