"""Deadlines real plans print beside the common ones: a month's part (上旬/中旬/下旬), a month and day without a
year, a bare month as a table cell, the year after the plan's (次年/明年) and an immediate one (立行立改).
Invented text."""

from __future__ import annotations

import pytest

from plankg.ingest.dates import find_due, parse_due
from plankg.ingest.facts import PlanMeta

ANNUAL = PlanMeta(title="某县2025年工作要点", period_start=2025, period_end=2025)
FIVE_YEARS = PlanMeta(title="某县“十四五”规划", period_start=2021, period_end=2025)


@pytest.mark.parametrize("cell, date", [
    ("8月上旬前", "2025-08-10"),
    ("8月中旬", "2025-08-20"),
    ("2月下旬", "2025-02-28"),
    ("2026年3月中旬", "2026-03-20"),
    ("12月31日前", "2025-12-31"),
    ("6月底", "2025-06-30"),
    ("10月份", "2025-10-31"),
    ("4-6月", "2025-06-30"),
    ("次年3月底前", "2026-03-31"),
    ("明年6月底前", "2026-06-30"),
    ("明年底前", "2026-12-31"),
])
def test_cells_resolve_in_the_plan_year_or_the_next(cell, date):
    due = parse_due(cell, ANNUAL)
    assert due is not None and due.date == date and due.text == cell


def test_the_next_year_of_a_plan_without_one_year_is_unknown():
    due = parse_due("次年3月底前", FIVE_YEARS)
    assert due is not None and due.year is None and due.date is None


def test_an_immediate_deadline_keeps_its_words_without_a_date():
    due = parse_due("立行立改", ANNUAL)
    assert due is not None and due.text == "立行立改" and due.year is None and due.date is None


@pytest.mark.parametrize("sentence, printed, date", [
    ("9月中旬前完成摸底排查。", "9月中旬前", "2025-09-20"),
    ("11月30日前全部完成验收。", "11月30日前", "2025-11-30"),
    ("次年3月底前完成审计。", "次年3月底前", "2026-03-31"),
    ("9月下旬完成验收。", "9月下旬", "2025-09-30"),
])
def test_running_text(sentence, printed, date):
    due = find_due(sentence, ANNUAL)
    assert due is not None and (due.text, due.date) == (printed, date)


def test_a_bare_month_in_running_text_is_no_deadline():
    assert find_due("预计10月份开工建设。", ANNUAL) is None
