"""A plan-wide default deadline stated in words (未明确完成时限的，均须于…前完成): read by ``find_default_due``, given
to every task that states none, its span on the date in that sentence. Invented text."""

from __future__ import annotations

import pytest

from plankg.ingest.dates import find_default_due
from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.outline import extract_outline
from plankg.ingest.tasks import extract_tasks

ANNUAL = PlanMeta(title="某县2025年重点工作任务分工方案", kind="分工方案", period_start=2025, period_end=2025)


@pytest.mark.parametrize("sentence, date", [
    ("未明确完成时限的，均须于2025年12月底前完成；已明确完成时限的，要按时限要求完成。", "2025-12-31"),
    ("没有标明时间节点的任务，原则上于年底前完成。", "2025-12-31"),
    ("无具体完成时间要求的，统一在10月底前办结。", "2025-10-31"),
    ("凡未注明完成期限的事项，均应于2025年9月30日前完成。", "2025-09-30"),
])
def test_a_default_deadline_sentence_gives_its_date(sentence, date):
    text = "（四）其他事项。" + sentence
    due = find_default_due(text, ANNUAL)
    assert due is not None and due.date == date
    assert text[due.span.start:due.span.end] == due.text and text.index(sentence) < due.span.start


@pytest.mark.parametrize("sentence", [
    "已明确完成时限的，要按时限要求完成。",  # the dated tasks, no default
    "未明确完成时限的，作为长期工作持续推进。",  # open: no date to give
    "未明确责任单位的，由县政府办公室协调。",  # no deadline at all
    "各牵头单位于2025年3月15日前报送方案。",  # a date, but no default
])
def test_sentences_that_set_no_default_give_none(sentence):
    assert find_default_due(sentence, ANNUAL) is None


def test_every_task_without_its_own_deadline_takes_the_default_and_the_dated_ones_keep_theirs():
    sentence = "未明确完成时限的，均须于2025年12月底前完成。"
    text = ("一、坚持创新驱动，加快培育新兴产业\n1.实施甲行动。\n牵头单位：县甲局\n"
            "2.推进乙建设。\n牵头单位：县乙局\n完成时限：2025年6月底前\n"
            f"有关要求\n（一）压实责任。各单位3月15日前报送方案。\n（二）其他事项。{sentence}\n")
    document = Document(id="t", source="t.txt", sha256="", format="txt", text=text)
    tasks = extract_tasks(document, extract_outline(document), ANNUAL)
    assert {t.number: t.due.date for t in tasks} == {"一": "2025-12-31", "1": "2025-12-31", "2": "2025-06-30"}
    default = next(t for t in tasks if t.number == "1").due
    assert text.index(sentence) < default.span.start < default.span.end <= text.index(sentence) + len(sentence)
    assert "2025年12月底前" in text[default.span.start:default.span.end]


def test_a_plan_without_a_default_leaves_undated_tasks_without_a_deadline():
    text = "一、坚持创新驱动\n1.实施甲行动。\n牵头单位：县甲局\n"
    document = Document(id="t", source="t.txt", sha256="", format="txt", text=text)
    assert [t.due for t in extract_tasks(document, extract_outline(document), ANNUAL)] == [None, None]
