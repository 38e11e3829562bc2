"""A plan that divides work among owners (分工方案): its top groups are tasks holding the items numbered on across
them, and an unnumbered closing title (有关要求) ends the items: its (一)… are requirements, no tasks. Invented text."""

from __future__ import annotations

import pytest

from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.outline import extract_outline
from plankg.ingest.tasks import extract_tasks

DIVISION = PlanMeta(title="某县2025年重点工作任务分工方案", kind="分工方案", period_start=2025, period_end=2025)
POINTS = PlanMeta(title="某县2025年工作要点", kind="工作要点", period_start=2025, period_end=2025)
TEXT = (
    "一、坚持创新驱动，加快培育新兴产业\n"
    "1.实施甲行动，全年培育企业10家。\n牵头单位：县甲局\n"
    "2.推进乙建设。\n牵头单位：县乙局\n完成时限：2025年6月底前\n"
    "\n二、坚持民生优先，提升公共服务水平\n"
    "3.新建丙学校2所。\n牵头单位：县丙局\n"
    "\n有关要求\n\n"
    "　　（一）压实责任。各牵头单位要制定方案，3月15日前报县政府办公室备案。\n"
    "　　（二）加强督办。县丁局负责跟踪督办。\n"
)


def _tasks(text: str, plan: PlanMeta):
    document = Document(id="t", source="t.txt", sha256="", format="txt", text=text)
    tasks = extract_tasks(document, extract_outline(document), plan)
    by_id = {t.id: t for t in tasks}
    return [(t.number, t.title, by_id[t.parent].number if t.parent else None) for t in tasks]


def test_the_groups_of_a_division_plan_are_tasks_and_parents_of_the_items_numbered_on_across_them():
    assert _tasks(TEXT, DIVISION) == [
        ("一", "坚持创新驱动，加快培育新兴产业", None), ("1", "实施甲行动，全年培育企业10家", "一"),
        ("2", "推进乙建设", "一"), ("二", "坚持民生优先，提升公共服务水平", None), ("3", "新建丙学校2所", "二"),
    ]


def test_the_groups_of_a_work_plan_without_task_headings_stay_containers():
    assert [(number, parent) for number, _, parent in _tasks(TEXT, POINTS)] == [("1", None), ("2", None), ("3", None)]


def test_an_action_group_of_a_division_plan_stays_a_container():
    text = "一、实施甲提升行动\n1.推进甲。\n二、坚持民生优先，提升公共服务水平\n2.新建丙学校2所。\n"
    assert _tasks(text, DIVISION) == [("1", "推进甲", None), ("二", "坚持民生优先，提升公共服务水平", None),
                                      ("2", "新建丙学校2所", "二")]


@pytest.mark.parametrize("title", ["有关要求", "工作要求", "保障措施", "组织保障", "相关要求："])
def test_an_unnumbered_closing_title_ends_the_items_and_its_paragraphs_are_no_tasks(title):
    text = TEXT.replace("有关要求", title)
    headings = extract_outline(Document(id="t", source="t.txt", sha256="", format="txt", text=text))
    closing = next(h for h in headings if h.title == title.rstrip("："))
    assert closing.level == 1 and closing.parent is None
    assert [h.parent for h in headings if h.number.startswith("（")] == [closing.id, closing.id]
    assert [number for number, _, _ in _tasks(text, DIVISION)] == ["一", "1", "2", "二", "3"]


def test_a_closing_title_inside_a_sentence_or_numbered_is_no_closing_part():
    text = TEXT.replace("\n有关要求\n", "\n各单位落实有关要求\n")
    assert "（一）" in [number for number, _, _ in _tasks(text, DIVISION)]


def test_the_top_numbering_goes_on_beside_a_closing_title_and_a_restart_stays_under_it():
    text = "一、甲\n（一）做甲。\n保障措施\n一、加强领导。\n二、落实责任。\n"
    tree = [(h.level, h.number) for h in
            extract_outline(Document(id="t", source="t.txt", sha256="", format="txt", text=text))]
    assert tree == [(1, "一、"), (2, "（一）"), (1, ""), (2, "一、"), (2, "二、")]
    text = "一、甲\n（一）做甲。\n有关要求\n（一）压实责任。\n二、乙\n（一）做乙。\n"
    tree = [(h.level, h.number) for h in
            extract_outline(Document(id="t", source="t.txt", sha256="", format="txt", text=text))]
    assert tree == [(1, "一、"), (2, "（一）"), (1, ""), (2, "（一）"), (1, "二、"), (2, "（一）")]
