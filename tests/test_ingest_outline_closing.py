"""A closing paragraph after the last numbered item speaks of the whole plan (…确保各项任务按期完成): it ends the
item, so the item keeps neither its words nor the agency it names. Invented text."""

from __future__ import annotations

from plankg.ingest.agencies import extract_agencies
from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.outline import extract_outline
from plankg.ingest.tasks import extract_tasks

PLAN = PlanMeta(title="某县交通运输局2025年工作要点", issuer="某县交通运输局", kind="工作要点",
                period_start=2025, period_end=2025)
TEXT = (
    "一、重点工作\n"
    "　　1．推进农村公路提档升级。完成改造80公里。（牵头科室：规划建设科）\n"
    "　　2．加强运输安全监管。开展“两客一危”专项检查。（牵头科室：运输管理科）\n"
    "\n"
    "　　各科室要对照本要点细化措施，局办公室负责跟踪督办，确保各项任务按期完成。\n"
    "\n"
    "某县交通运输局\n"
    "2025年1月20日\n"
)


def _tasks(text: str):
    document = Document(id="t", source="t.txt", sha256="0", format="txt", text=text)
    headings = extract_outline(document)
    tasks = extract_tasks(document, headings, PLAN)
    extract_agencies(document, headings, tasks, PLAN)
    return tasks


def test_the_closing_paragraph_ends_the_last_item():
    last = _tasks(TEXT)[-1]
    assert last.text == "开展“两客一危”专项检查。（牵头科室：运输管理科）"
    assert [ref.printed for ref in last.agencies] == ["运输管理科"]


def test_a_heading_alone_on_its_line_keeps_its_paragraph_about_every_task():
    text = "一、重点工作\n（一）强化考核督办\n　　将各项任务纳入年度考核，局办公室负责跟踪督办。\n"
    tasks = _tasks(text)
    assert tasks[-1].text == "将各项任务纳入年度考核，局办公室负责跟踪督办。"


def test_a_paragraph_between_items_stays_with_its_item():
    text = ("一、重点工作\n1．推进甲项。完成改造。\n　　各项任务要同步推进，规划建设科负责汇总。\n"
            "2．推进乙项。完成验收。\n")
    assert "各项任务要同步推进" in _tasks(text)[0].text
