"""Precision/recall arithmetic and matching used by every category scorer."""

from plankg.evaluation.score import Score, gold_span, match_pairs, overlaps
from plankg.ingest.facts import Span


def test_precision_recall_f1():
    score = Score(tp=8, fp=2, fn=8)
    assert score.precision == 0.8
    assert score.recall == 0.5
    assert round(score.f1, 4) == round(2 * 0.8 * 0.5 / 1.3, 4)


def test_empty_score_is_not_a_division_error():
    assert Score().precision == 1.0 and Score().recall == 1.0


def test_gold_span_picks_the_nearest_occurrence():
    text = "甲乙。甲乙。甲乙。"
    assert gold_span(text, "甲乙", near=4) == Span(3, 5)
    assert gold_span(text, "甲乙", near=5) == Span(6, 8)
    assert gold_span(text, "丙") is None


def test_overlap_is_strict():
    assert overlaps(Span(0, 3), Span(2, 5))
    assert not overlaps(Span(0, 3), Span(3, 5))
    assert not overlaps(None, Span(0, 1))


def test_matching_is_one_to_one():
    gold = ["a", "a", "b"]
    predicted = ["a", "c"]
    score = match_pairs(gold, predicted, lambda g, p: g == p)
    assert (score.tp, score.fp, score.fn) == (1, 1, 2)
