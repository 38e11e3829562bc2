"""Deadlines in running text that earlier rounds did not read: a range of years (due at its end, the range kept
as printed) and a year followed by the completion it sets (2024年建成)."""

from __future__ import annotations

import pytest

from plankg.ingest.dates import find_due
from plankg.ingest.facts import PlanMeta

FIVE_YEAR = PlanMeta(title="某市“十四五”规划", period_start=2021, period_end=2025)


@pytest.mark.parametrize(("text", "printed", "date"), [
    ("强化协同控制，2023—2025年持续推进超低排放改造。", "2023—2025年", "2025-12-31"),
    ("推进综合治理，2024-2025年完成排污口整治。", "2024-2025年", "2025-12-31"),
    ("2022年至2024年分批实施改造。", "2022年至2024年", "2024-12-31"),
    # the range comes first, the later 到2025年 is the goal's year
    ("2023～2024年完成改造，到2025年，覆盖率达到90%以上。", "2023～2024年", "2024-12-31"),
])
def test_a_range_of_years_in_running_text_is_due_at_its_end(text, printed, date):
    due = find_due(text, FIVE_YEAR)
    assert (due.text, due.date, due.year) == (printed, date, int(date[:4]))
    assert text[due.span.start:due.span.end] == printed


@pytest.mark.parametrize("text", [
    "落实三年行动（2024—2026年）。",  # the period of a named plan
    "2021—2025年期间，全市累计投入资金20亿元。",
    "明确2021-2025年的发展目标。",
])
def test_a_range_naming_a_period_is_no_deadline(text):
    assert find_due(text, FIVE_YEAR) is None


@pytest.mark.parametrize(("text", "printed", "date"), [
    ("新建污水处理厂2座，2024年建成。", "2024年", "2024-12-31"),
    ("建设监测井30眼，2025年全部完成。", "2025年", "2025-12-31"),
    ("新建物资储备库1个，2023年6月投入使用。", "2023年6月", "2023-06-30"),
])
def test_a_date_followed_by_its_completion_is_a_deadline(text, printed, date):
    due = find_due(text, FIVE_YEAR)
    assert (due.text, due.date) == (printed, date)


def test_a_date_followed_by_a_start_is_no_deadline():
    assert find_due("新建储备库1个，2024年开工建设。", FIVE_YEAR) is None
