"""A plan made of numbered items with no group above them (1.…，9月底前完成。（县X局） 2.…): each item with a
deadline or closing owners is a task, whatever its kind; its closing requirements (一、…) are none. Invented text."""

from __future__ import annotations

from plankg.ingest.facts import Document
from plankg.ingest.metadata import extract_plan_meta
from plankg.ingest.outline import extract_outline
from plankg.ingest.tasks import extract_tasks

LIST = (
    "青柳县2026年为民办实事项目清单\n"
    "　　县政府决定2026年办好以下3件实事。\n"
    "　　1.新建城区公办幼儿园2所，9月底前投入使用。（县教育局）\n"
    "　　2.实施县医院急救能力提升工程，年底前完成。（县卫生健康局、县财政局）\n"
    "　　3.聚焦农民工讨薪等重点领域，为困难群众提供法律援助。（县司法局）\n"
    "　　工作要求：\n"
    "　　一、各牵头单位要制定实施方案。\n"
    "　　二、县财政局负责落实资金。\n"
)


def _tasks(text: str):
    document = Document(id="t", source="t.txt", sha256="0", format="txt", text=text)
    plan = extract_plan_meta(document)
    return plan, extract_tasks(document, extract_outline(document), plan)


def test_a_flat_list_of_dated_or_owned_items_is_a_task_list():
    plan, tasks = _tasks(LIST)
    assert plan.kind == "项目清单"
    assert [(t.number, t.parent) for t in tasks] == [("1", None), ("2", None), ("3", None)]
    assert [t.due.date if t.due else None for t in tasks] == ["2026-09-30", "2026-12-31", None]


def test_an_item_opening_with_its_focus_is_titled_by_its_work():
    _, tasks = _tasks(LIST)
    assert "法律援助" in tasks[2].title


def test_top_headings_that_neither_date_nor_own_their_work_stay_no_tasks():
    _, tasks = _tasks("青柳县2026年工作要点\n一、提高认识\n思想是行动的先导。\n二、转变作风\n作风建设永远在路上。\n")
    assert tasks == []
