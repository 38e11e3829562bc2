"""A deadline under its label (完成时限：2024年6月, 时间节点：2024年10月) is the task's own, whatever its form. Invented text."""

from __future__ import annotations

from plankg.ingest.dates import find_due
from plankg.ingest.facts import PlanMeta

ANNUAL = PlanMeta(title="某县2024年工作计划", period_start=2024, period_end=2024)


def test_a_labelled_month_without_a_marker_is_the_deadline():
    text = "开展违法建设治理。（责任单位：区城管局；完成时限：2024年6月）"
    due = find_due(text, ANNUAL)
    assert (due.date, text[due.span.start:due.span.end]) == ("2024-06-30", "2024年6月")


def test_the_label_comes_before_an_earlier_milestone_in_the_text():
    due = find_due("3月底前完成摸排，全面推进整改。时间节点：2024年10月。", ANNUAL)
    assert due.date == "2024-10-31"


def test_a_labelled_open_deadline_gives_way_to_a_dated_one_in_the_text():
    assert find_due("年底前建成预警平台。（完成时限：持续推进）", ANNUAL).date == "2024-12-31"
    open_only = find_due("组织集中行动。（完成时限：长期坚持）", ANNUAL)
    assert (open_only.text, open_only.date) == ("长期坚持", None)


def test_a_labelled_value_that_is_no_deadline_is_ignored():
    assert find_due("落实集采结果。（完成时限：全年）", ANNUAL) is None
    assert find_due("完成时间：按上级要求", ANNUAL) is None
