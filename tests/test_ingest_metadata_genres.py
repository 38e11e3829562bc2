"""Notices that hand down a plan rather than print it (关于下达…计划的通知): the plan's title, its issuer on the line
above, its kind and year. Invented text."""

from __future__ import annotations

from plankg.ingest.facts import Document
from plankg.ingest.metadata import extract_plan_meta

HANDED_DOWN = ("南岗县人民政府\n关于下达2026年全县重大项目投资计划的通知\n\n南政发〔2026〕2号\n\n"
               "各乡镇人民政府，县政府各部门：\n　　现将《南岗县2026年重大项目投资计划》下达给你们，请认真组织实施。\n")


def test_a_notice_handing_down_a_plan_gives_the_plans_title_issuer_kind_and_year():
    meta = extract_plan_meta(Document(id="t", source="t.txt", sha256="0", format="txt", text=HANDED_DOWN))
    assert (meta.title, meta.issuer, meta.doc_number) == ("2026年全县重大项目投资计划", "南岗县人民政府", "南政发〔2026〕2号")
    assert (meta.kind, meta.period_start, meta.period_end) == ("计划", 2026, 2026)
