"""Deadlines as printed, resolved to the last day they allow."""

import pytest

from plankg.ingest.dates import find_due, parse_due
from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.metadata import extract_plan_meta

ANNUAL = PlanMeta(title="某局2025年工作要点", period_start=2025, period_end=2025)
FIVE_YEAR = PlanMeta(title="某市“十四五”规划", period_start=2021, period_end=2025)


@pytest.mark.parametrize(
    ("cell", "year", "month", "date"),
    [
        ("2021年", 2021, None, "2021-12-31"),
        ("２０２２年６月底前", 2022, 6, "2022-06-30"),
        ("2022年2月28日前", 2022, 2, "2022-02-28"),
        ("2024年2月底", 2024, 2, "2024-02-29"),
        ("到2025年", 2025, None, "2025-12-31"),
        ("2023年至2025年", 2025, None, "2025-12-31"),
        ("2021-2023年", 2023, None, "2023-12-31"),
        ("2026年第二季度", 2026, 6, "2026-06-30"),
        ("年底前", 2025, None, "2025-12-31"),
        ("年内", 2025, None, "2025-12-31"),
        ("上半年", 2025, 6, "2025-06-30"),
        ("第三季度", 2025, 9, "2025-09-30"),
        ("9月底前", 2025, 9, "2025-09-30"),
    ],
)
def test_deadline_cells_in_an_annual_plan(cell, year, month, date):
    due = parse_due(cell, ANNUAL)
    assert (due.year, due.month, due.date) == (year, month, date)
    assert due.text == cell


def test_a_deadline_without_year_stays_open_in_a_multi_year_plan():
    due = parse_due("年底前", FIVE_YEAR)
    assert due.text == "年底前" and due.year is None and due.date is None


@pytest.mark.parametrize("cell", ["长期", "持续推进", "常态化开展"])
def test_standing_deadlines_keep_their_text_without_a_date(cell):
    due = parse_due(cell, ANNUAL)
    assert due.text == cell and due.date is None and due.year is None


@pytest.mark.parametrize("cell", ["市财政局", "建成平台，2022年投入使用", "按照统一标准推进"])
def test_cells_that_are_not_only_a_deadline(cell):
    assert parse_due(cell, ANNUAL) is None


def test_find_due_takes_the_first_marked_deadline_with_its_span():
    text = "完善机制，确保6月底前全面推广，2026年覆盖率达到90%。"
    due = find_due(text, ANNUAL)
    assert due.date == "2025-06-30"
    assert text[due.span.start:due.span.end] == "6月底前"


def test_find_due_ignores_a_bare_year_in_running_text():
    assert find_due("2022年更新率达到80%以上，落实三年行动(2024-2026年)。", FIVE_YEAR) is None
    assert find_due("力争到2023年底前建成。", FIVE_YEAR).date == "2023-12-31"


@pytest.mark.parametrize(("simplified", "variant"), [
    ("于2024年完成改造。", "於２０２４年完成改造。"),  # 於 is the traditional 于; normalize keeps it (simplified too)
    ("年内完成认定。", "年內完成認定。"),
    ("2023-2025年底前分步实施。", "2023〜2025年底前分步實施。"),  # wave dash
    ("2024年3月-4月开展排查。", "２０２４年３月—４月開展排查。"),
    ("11月底前出台办法。", "１１月底前出臺辦法。"),
])
def test_find_due_reads_traditional_and_full_width_deadlines_like_simplified(simplified, variant):
    expected, found = find_due(simplified, FIVE_YEAR), find_due(variant, FIVE_YEAR)
    assert expected is not None and found is not None
    assert (found.year, found.month, found.date, found.span) == (expected.year, expected.month, expected.date, expected.span)
    assert found.text == variant[found.span.start:found.span.end]  # printed as in the text


@pytest.mark.parametrize(("cell", "date"), [("長期堅持", None), ("持續推進", None), ("２０２３年〜２０２５年", "2025-12-31")])
def test_traditional_and_full_width_cells(cell, date):
    due = parse_due(cell, ANNUAL)
    assert due.text == cell and due.date == date


@pytest.mark.parametrize(
    ("cell", "year", "month", "date"),
    [
        ("二〇二四年底前", 2024, None, "2024-12-31"),
        ("二〇二五年六月底前", 2025, 6, "2025-06-30"),
        ("二零二三年", 2023, None, "2023-12-31"),
        ("二O二六年十二月", 2026, 12, "2026-12-31"),  # a letter O printed for 〇
        ("二〇二四年十一月三十日前", 2024, 11, "2024-11-30"),
        ("二〇二三年至二〇二五年", 2025, None, "2025-12-31"),
        ("十二月底前", 2025, 12, "2025-12-31"),
    ],
)
def test_years_in_chinese_numerals_keep_their_year(cell, year, month, date):
    due = parse_due(cell, ANNUAL)
    assert (due.year, due.month, due.date, due.text) == (year, month, date, cell)


def test_find_due_reads_a_chinese_numeral_year_in_running_text():
    text = "加快平台建设，确保二〇二四年底前投入使用。"
    due = find_due(text, FIVE_YEAR)
    assert due.date == "2024-12-31"
    assert text[due.span.start:due.span.end] == "二〇二四年底前"


def test_plan_metadata_reads_a_title_year_in_chinese_numerals():
    text = "某县农业农村局二〇二四年工作要点\n\n一、总体要求\n年底前完成。\n\n某县农业农村局\n二〇二四年一月十二日\n"
    plan = extract_plan_meta(Document(id="d", source="d.txt", sha256="", format="txt", text=text))
    assert (plan.period_start, plan.period_end, plan.issued) == (2024, 2024, "2024-01-12")
    assert parse_due("年底前", plan).date == "2024-12-31"


def test_a_year_before_reads_as_by_the_end_of_that_year_and_the_first_deadline_of_a_text_is_its_own():
    """Decision (round 6, D3): 2024年前 in a plan means "by 2024", the end of that year, as 到2024年 and 2024年底前
    do; an office meaning "before 2024" writes 2023年底前. Of two dated clauses the first stated is the task's
    deadline (the later one is often a further milestone, not the end of the first work)."""
    due = find_due("支持企业研发，2024年前培育骨干企业5家以上。实施改造，到2025年完成改造1000户。", FIVE_YEAR)
    assert (due.text, due.date) == ("2024年前", "2024-12-31")
    assert parse_due("2024年以前", FIVE_YEAR).date == parse_due("2024年底前", FIVE_YEAR).date == "2024-12-31"
