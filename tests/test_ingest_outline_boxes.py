"""专栏 boxes: the title line is no heading, its items are (numbered or not), marked with the box's title, and
become tasks under the section the box follows; long run-in items (一是…) are titled by their first clause."""

from __future__ import annotations

import pytest

from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.outline import extract_outline
from plankg.ingest.tasks import extract_tasks

PLAN = PlanMeta(title="某市“十四五”某某规划", period_start=2021, period_end=2025, kind="规划")


def _doc(text: str) -> Document:
    return Document(id="t", source="t.txt", sha256="", format="txt", text=text)


def _tree(text: str):
    return [(h.level, h.number, h.title, h.box) for h in extract_outline(_doc(text))]


def _tasks(text: str):
    document = _doc(text)
    tasks = extract_tasks(document, extract_outline(document), PLAN)
    by_id = {t.id: t for t in tasks}
    return [(t.number, t.title, by_id[t.parent].title if t.parent else None, t.category,
             t.due.date if t.due else None) for t in tasks]


SECTION = "一、主要任务\n（一）建设某某平台\n推进平台建设。\n"


@pytest.mark.parametrize("marker", ["专栏1", "专栏 1", "专栏一", "专栏2-1", "专栏１－２", "专栏："])
def test_a_box_title_line_of_any_numbering_is_no_heading_and_names_its_items(marker):
    text = SECTION + f"{marker}  某某重点工程\n1.甲工程。建设甲。\n2.乙工程。建设乙。\n（二）完善某某机制\n"
    assert _tree(text) == [
        (1, "一、", "主要任务", None), (2, "（一）", "建设某某平台", None),
        (3, "1.", "甲工程", "某某重点工程"), (3, "2.", "乙工程", "某某重点工程"),
        (2, "（二）", "完善某某机制", None),
    ]


def test_unnumbered_items_one_per_line_are_tasks_named_before_their_separator():
    text = SECTION + ("专栏1  某某重点工程\n"
                      "甲基地：在某地建设甲基地，2024年建成。\n"
                      "乙中心，新建乙中心1个。\n"
                      "丙库。改造丙库。\n"
                      "丁站\n"
                      "二、保障措施\n")
    assert _tasks(text) == [
        ("（一）", "建设某某平台", None, None, None),
        ("", "甲基地", "建设某某平台", "某某重点工程", "2024-12-31"),
        ("", "乙中心", "建设某某平台", "某某重点工程", None),
        ("", "丙库", "建设某某平台", "某某重点工程", None),
        ("", "丁站", "建设某某平台", "某某重点工程", None),
    ]


def test_a_box_after_run_in_items_stands_under_the_section_not_the_last_item():
    text = ("一、主要任务\n（一）推进某某治理\n一是加强甲；二是完善乙。\n"
            "专栏2  某某治理工程\n（1）甲工程。建设甲。\n（2）乙工程。建设乙。\n（二）完善某某机制\n")
    parents = {number: parent for number, _, parent, _, _ in _tasks(text)}
    assert parents["（1）"] == parents["（2）"] == parents["一是"] == "推进某某治理"


def test_a_box_numbered_like_the_section_items_restarts_under_the_section():
    text = ("一、主要任务\n（一）推进某某治理\n1.加强甲。内容。\n2.完善乙。内容。\n"
            "专栏1  某某工程\n1.丙工程。建设丙。\n2.丁工程。建设丁。\n（二）完善某某机制\n")
    assert [(level, number, box) for level, number, _, box in _tree(text)] == [
        (1, "一、", None), (2, "（一）", None), (3, "1.", None), (3, "2.", None),
        (3, "1.", "某某工程"), (3, "2.", "某某工程"), (2, "（二）", None),
    ]


def test_boxes_back_to_back_each_name_their_own_items():
    text = SECTION + "专栏1  甲类工程\n1.甲一。内容。\n专栏2  乙类工程\n（1）乙一。内容。\n（二）完善某某机制\n"
    boxes = {title: box for _, _, title, box in _tree(text)}
    assert boxes["甲一"] == "甲类工程" and boxes["乙一"] == "乙类工程" and boxes["完善某某机制"] is None


def test_a_box_without_items_leaves_the_next_section_alone():
    text = SECTION + "专栏1  主要指标\n（二）完善某某机制\n推进机制建设。\n"
    assert (2, "（二）", "完善某某机制", None) in _tree(text)


def test_a_sentence_about_a_box_is_no_box():
    text = SECTION + "专栏1所列项目由各地组织实施。\n（二）完善某某机制\n"
    assert [title for _, _, title, _ in _tree(text)] == ["主要任务", "建设某某平台", "完善某某机制"]


@pytest.mark.parametrize(("item", "title"), [
    # long: the first clause names the action
    ("一是严格建设用地准入管理，将污染地块纳入规划，未经调查评估的地块不得开发利用；", "严格建设用地准入管理"),
    # short: the whole item
    ("一是加强监管，防范新增污染；", "加强监管，防范新增污染"),
    # long, but the first clause is too short to name an action
    ("一是对标，全面梳理本地区各类政务服务事项的办理流程和材料清单；", "对标，全面梳理本地区各类政务服务事项的办理流程和材料清单"),
])
def test_a_long_run_in_item_is_titled_by_its_first_clause(item, title):
    text = "一、主要任务\n（一）推进某某工作。" + item + "二是完善某某机制。\n"
    assert [t for _, number, t, _ in _tree(text) if number == "一是"] == [title]


def test_the_rows_of_a_table_in_a_box_are_no_items():
    text = SECTION + "专栏1  某某重大项目\n项目名称\t建设内容\t建设年限\n甲项目\t新建甲\t2023-2024\n（二）完善某某机制\n"
    assert [h.title for h in extract_outline(_doc(text)) if h.box] == []


def test_an_unnumbered_box_ends_where_the_sections_prose_goes_on():
    indented = SECTION + ("专栏1  某某重点工程\n甲基地：建设甲基地。\n乙中心：新建乙中心1个。\n"
                          "　　加强要素保障，优先保障专栏项目用地。\n二、保障措施\n")
    long_named = SECTION + ("专栏1  某某重点工程\n甲基地：建设甲基地。\n"
                            "各地要把专栏所列项目纳入年度计划统筹推进并加强调度，按月报送进展。\n二、保障措施\n")
    assert [title for _, title, _, box, _ in _tasks(indented) if box] == ["甲基地", "乙中心"]
    assert [title for _, title, _, box, _ in _tasks(long_named) if box] == ["甲基地"]
    last = [h for h in extract_outline(_doc(indented)) if h.title == "乙中心"][0]
    assert indented[last.body.start:last.body.end] == "新建乙中心1个。"


def test_a_box_closes_the_line_item_whose_words_run_on_after_its_title():
    """Items numbered on across sections (一、 二、 under 第一节) are items, not sections: a box after one stands
    under the section, beside the item; a heading alone on its line ((一)X above) is the section itself."""
    text = ("第一章  主要任务\n第一节  完善某某体系\n　　一、推进甲改革。内容甲。\n　　二、推进乙联动。内容乙。\n\n"
            "专栏1　某某重点工程\n1.丙工程。建设丙。\n2.丁工程。建设丁。\n\n第二节  提升某某能力\n　　三、推进戊。内容戊。\n")
    parents = {title: parent for _, title, parent, _, _ in _tasks(text)}
    assert parents["丙工程"] == parents["丁工程"] == parents["推进乙联动"] == "完善某某体系"
    assert parents["推进戊"] == "提升某某能力"
