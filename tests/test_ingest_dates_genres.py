"""Deadlines as rectification plans and town plans print them: 整改时限：…, a month range without its year
(3月—5月, 4-9月), and a count 截至 a date, which is no deadline. Invented text."""

from __future__ import annotations

from plankg.ingest.dates import find_due
from plankg.ingest.facts import PlanMeta

ANNUAL = PlanMeta(title="某镇2026年工作计划", period_start=2026, period_end=2026)


def test_a_rectification_deadline_under_its_label_is_the_tasks_own():
    text = "整改措施：年内清理完毕。\n责任单位：用地股\n整改时限：2026年6月底前"
    due = find_due(text, ANNUAL)
    assert (due.date, text[due.span.start:due.span.end]) == ("2026-06-30", "2026年6月底前")


def test_a_range_of_months_without_a_year_is_due_at_its_last_month_of_the_plans_year():
    assert find_due("3月—5月组织开展隐患大排查。", ANNUAL).date == "2026-05-31"
    assert find_due("4-9月开展集中整治，挂牌督办。", ANNUAL).date == "2026-09-30"


def test_a_month_range_is_no_count_of_months():
    assert find_due("开展为期1-3个月的轮训。", ANNUAL) is None


def test_a_date_a_figure_is_counted_up_to_is_no_deadline():
    assert find_due("截至2025年底全县仍有闲置土地800亩。", ANNUAL) is None
    assert find_due("截止2025年6月已完成改造60%，年底前全部完成。", ANNUAL).date == "2026-12-31"
