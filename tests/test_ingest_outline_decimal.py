"""Decimal outline numbering (1 / 1.1 / 2.1.1), as technical bureaus and PDFs print it: levels by the count of
parts, the same task and background rules as for 一、(一)1. outlines; quantities at a line's start stay text.
Invented text."""

from __future__ import annotations

from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.outline import extract_outline
from plankg.ingest.tasks import extract_tasks

PLAN = PlanMeta(title="某县智慧水务三年行动方案（2024—2026年）", kind="行动方案", period_start=2024, period_end=2026)

DECIMAL = (
    "某县智慧水务三年行动方案\n"
    "1 总体要求\n"
    "1.1 工作目标\n"
    "到2026年，管网监测覆盖率达到90%以上。\n"
    "2 主要任务\n"
    "2.1 完善感知网络\n"
    "2.1.1 布设管网监测点。2025年底前完成主干管网布点。（责任单位：县水利局）\n"
    "2.1.2建设水厂在线监测系统。（县城投公司牵头，各镇配合）\n"
    "2.2 提升调度能力\n"
    "2.2.1 建成调度指挥平台。2026年6月底前上线。（责任单位：县水利局）\n"
    "3 保障措施\n"
    "3.1 强化资金保障。统筹专项资金。\n"
)


def _document(text: str) -> Document:
    return Document(id="t", source="t.txt", sha256="0", format="txt", text=text)


def test_levels_follow_the_count_of_parts():
    headings = extract_outline(_document(DECIMAL))
    by_id = {h.id: h for h in headings}
    tree = [(h.level, h.number, h.title, by_id[h.parent].number if h.parent else None) for h in headings]
    assert tree == [
        (1, "1", "总体要求", None),
        (2, "1.1", "工作目标", "1"),
        (1, "2", "主要任务", None),
        (2, "2.1", "完善感知网络", "2"),
        (3, "2.1.1", "布设管网监测点", "2.1"),
        (3, "2.1.2", "建设水厂在线监测系统", "2.1"),
        (2, "2.2", "提升调度能力", "2"),
        (3, "2.2.1", "建成调度指挥平台", "2.2"),
        (1, "3", "保障措施", None),
        (2, "3.1", "强化资金保障", "3"),
    ]


def test_tasks_under_the_announcing_section_with_parents_dates_and_agencies():
    tasks = extract_tasks(_document(DECIMAL), extract_outline(_document(DECIMAL)), PLAN)
    by_id = {t.id: t for t in tasks}
    rows = [(t.number, t.title, by_id[t.parent].number if t.parent else None, t.due.year if t.due else None)
            for t in tasks]
    assert rows == [
        ("2.1", "完善感知网络", None, None),
        ("2.1.1", "布设管网监测点", "2.1", 2025),
        ("2.1.2", "建设水厂在线监测系统", "2.1", None),
        ("2.2", "提升调度能力", None, None),
        ("2.2.1", "建成调度指挥平台", "2.2", 2026),
    ]


def test_quantities_at_a_lines_start_are_no_headings():
    text = (
        "一、主要成效\n"
        "1.5亿元专项资金已下达。\n"
        "2.5 公里管网完成改造。\n"
        "3 个乡镇完成试点。\n"
        "二、重点任务\n"
        "（一）推进改造。\n"
    )
    assert [h.number for h in extract_outline(_document(text))] == ["一、", "二、", "（一）"]


def test_numbers_out_of_sequence_make_no_decimal_outline():
    # 2.3 and 4.6 open under no 2 or 4: a figure at a line's start whose unit comes later, not headings
    text = "一、现状\n2.3 全县新增接入。\n4.6 城区待改造。\n二、任务\n"
    assert [h.number for h in extract_outline(_document(text))] == ["一、", "二、"]
