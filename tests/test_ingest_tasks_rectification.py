"""A rectification plan (整改方案): its 存在问题及整改措施 section holds tasks, each 问题N：… item one, with the
problem group as parent and its 整改时限 as deadline. Invented text."""

from __future__ import annotations

from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.outline import extract_outline
from plankg.ingest.tasks import extract_tasks

PLAN = PlanMeta(title="南岗县林业局关于审计反馈问题的整改方案", kind="整改方案")

TEXT = (
    "一、总体要求\n　　坚持问题导向，立行立改。\n"
    "二、存在问题及整改措施\n"
    "（一）资金管理不规范\n"
    "　　问题1：造林补助资金拨付滞后，部分资金闲置超过一年。\n"
    "　　整改措施：建立资金拨付台账，逐笔核实。\n"
    "　　责任单位：财务股\n"
    "　　整改时限：2026年4月底前\n"
    "　　问题2：项目验收资料不全。\n"
    "　　整改措施：补齐验收资料。\n"
    "　　整改时限：立行立改\n"
    "（二）制度执行不到位\n"
    "　　问题3：公务接待审批手续不全。\n"
    "　　整改措施：修订公务接待管理办法。\n"
    "　　整改时限：2026年6月底前\n"
    "三、工作要求\n（一）加强督促检查。\n"
)


def _tasks():
    document = Document(id="t", source="t.txt", sha256="", format="txt", text=TEXT)
    return extract_tasks(document, extract_outline(document), PLAN)


def test_each_problem_item_is_a_task_under_its_problem_group():
    tasks = _tasks()
    by_id = {t.id: t for t in tasks}
    rows = [(t.number, t.title[:8], by_id[t.parent].title if t.parent else None) for t in tasks]
    assert rows == [("（一）", "资金管理不规范", None), ("问题1", "造林补助资金拨付", "资金管理不规范"),
                    ("问题2", "项目验收资料不全", "资金管理不规范"), ("（二）", "制度执行不到位", None),
                    ("问题3", "公务接待审批手续", "制度执行不到位")]


def test_a_problem_item_is_due_by_its_rectification_deadline():
    due = {t.number: t.due.date if t.due else None for t in _tasks()}
    assert (due["问题1"], due["问题2"], due["问题3"]) == ("2026-04-30", None, "2026-06-30")


def test_a_review_of_problems_without_their_fixes_still_holds_no_tasks():
    text = "一、2025年工作完成情况\n（一）完成造林。\n二、存在的问题\n（一）资金拨付滞后。\n三、2026年工作打算\n（一）推进造林。\n"
    document = Document(id="t", source="t.txt", sha256="", format="txt", text=text)
    tasks = extract_tasks(document, extract_outline(document), PlanMeta(title="x", kind="工作总结"))
    assert [t.title for t in tasks] == ["推进造林"]
