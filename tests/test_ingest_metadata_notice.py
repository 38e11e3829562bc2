"""A notice whose plan title quotes another document (印发2023年区《政府工作报告》确定的…方案的通知): the title is the
whole plan title, the quoted report is cited, and the plan quoted without its year is no citation. Invented text."""

from __future__ import annotations

from plankg.ingest.facts import Document
from plankg.ingest.metadata import extract_plan_meta

NOTICE = ("南坪区人民政府办公室关于印发2023年区《政府工作报告》确定的主要目标任务责任分解方案的通知\n南政办〔2023〕1号\n"
          "各街道办事处，区人民政府各部门：\n2023年《区〈政府工作报告〉确定的主要目标任务责任分解方案》已经区人民政府同意，"
          "现印发给你们。\n南坪区人民政府办公室\n2023年1月3日\n\n2023年区《政府工作报告》确定的主要目标任务责任分解方案\n"
          "一、主要预期目标\n")


def test_a_title_that_quotes_a_document_is_the_whole_title():
    meta = extract_plan_meta(Document(id="t", source="t.txt", sha256="0", format="txt", text=NOTICE))
    assert meta.title == "2023年区《政府工作报告》确定的主要目标任务责任分解方案"
    assert (meta.issuer, meta.doc_number, meta.issued) == ("南坪区人民政府办公室", "南政办〔2023〕1号", "2023-01-03")
    assert [cited.title for cited in meta.cited] == ["政府工作报告"]


def test_a_quoted_title_between_yinfa_and_de_tongzhi_is_the_title():
    text = "南坪区人民政府关于印发《南坪区2024年政务公开工作要点》的通知\n各街道：\n现印发给你们。\n"
    meta = extract_plan_meta(Document(id="t", source="t.txt", sha256="0", format="txt", text=text))
    assert (meta.title, meta.kind, meta.cited) == ("南坪区2024年政务公开工作要点", "工作要点", [])
