"""A notice that hands a plan down as its attachment takes the plan's kind and period; a header field that
qualifies the organ with its office names the organ; an evaluation report of a five-year plan carries the
evaluated plan's period. Invented text."""

from __future__ import annotations

from plankg.ingest.facts import Document
from plankg.ingest.metadata import extract_plan_meta

NOTICE = (
    "发布机构: 青柳县人民政府(办公室) 主题分类: 综合政务\n"
    "青柳县人民政府关于分解落实政府工作报告目标任务的通知\n"
    "各乡镇人民政府,县政府各部门:\n"
    "现将《政府工作报告》2026年5个方面120项工作任务予以分解印发。\n"
    "一、细化任务抓落实。各部门要建立工作台账。\n"
    "附件：2026年县政府工作报告目标任务分解表\n"
    "序号\t任务内容\t责任单位\n1\t新增城镇就业3000人\t县人社局\n"
)


def _meta(text: str):
    return extract_plan_meta(Document(id="t", source="t.txt", sha256="0", format="txt", text=text))


def test_a_notice_takes_kind_and_period_from_the_plan_it_attaches():
    meta = _meta(NOTICE)
    assert (meta.kind, meta.period_start, meta.period_end) == ("任务分解", 2026, 2026)
    assert NOTICE[meta.evidence["kind"].start:meta.evidence["kind"].end] == "任务分解"


def test_a_notice_without_a_plan_attached_stays_a_notice():
    meta = _meta("青柳县人民政府关于做好春季防火工作的通知\n各乡镇人民政府:\n一、加强巡查。\n附件：联系人名单\n")
    assert meta.kind == "通知"


def test_the_office_qualifying_the_organ_in_a_header_field_is_no_part_of_the_issuer():
    assert _meta(NOTICE).issuer == "青柳县人民政府"


def test_an_evaluation_report_of_a_five_year_plan_carries_the_plans_period():
    """Decision: the report is about the plan, and researchers find it among that plan's documents; the year it
    was written stays in ``issued`` (a midterm report of 2024 covers 2021–2025, not 2024)."""
    meta = _meta("青柳市“十四五”体育发展规划实施情况中期评估报告\n青柳市体育局\n2024年3月28日\n"
                 "一、规划实施总体情况\n截至2023年底，主要指标进展顺利。\n")
    assert (meta.kind, meta.period_start, meta.period_end, meta.issued) == ("报告", 2021, 2025, "2024-03-28")
