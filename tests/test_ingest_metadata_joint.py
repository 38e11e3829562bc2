"""Organs signing a plan together (a 党委 office and a 政府 office) are all its issuers, in order, joined with 、."""

from __future__ import annotations

from plankg.ingest.facts import Document
from plankg.ingest.metadata import extract_plan_meta

BODY = "某市“十四五”某某规划\n一、发展基础\n全市某某工作取得明显成效。\n"
JOINT = "中共某市委办公室、某市人民政府办公室"


def _meta(text: str):
    return extract_plan_meta(Document(id="t", source="t.txt", sha256="0", format="txt", text=text))


def test_organs_side_by_side_above_the_notice_title():
    text = ("中共某市委办公室  某市人民政府办公室\n关于印发《某市“十四五”某某规划》的通知\n某委办发〔2022〕3号\n"
            "各县（区）党委和人民政府：\n现将《某市“十四五”某某规划》印发给你们，请认真贯彻落实。\n"
            "2022年3月1日\n" + BODY)
    meta = _meta(text)
    assert meta.issuer == JOINT
    assert text[meta.evidence["issuer"].start:meta.evidence["issuer"].end] == "中共某市委办公室  某市人民政府办公室"


def test_organs_in_the_notice_title_line():
    text = ("中共某市委办公室 某市人民政府办公室关于印发《某市“十四五”某某规划》的通知\n"
            "现将《某市“十四五”某某规划》印发给你们。\n2022年3月1日\n" + BODY)
    assert _meta(text).issuer == JOINT


def test_organs_one_per_line_above_the_date():
    text = ("关于印发《某市“十四五”某某规划》的通知\n各县（区）人民政府：\n现将《某市“十四五”某某规划》印发给你们。\n"
            "中共某市委办公室\n某市人民政府办公室\n2022年3月1日\n" + BODY)
    meta = _meta(text)
    assert meta.issuer == JOINT
    assert text[meta.evidence["issuer"].start:meta.evidence["issuer"].end] == "中共某市委办公室\n某市人民政府办公室"


def test_one_organ_above_the_date_stays_one():
    text = ("关于印发《某市“十四五”某某规划》的通知\n各县（区）人民政府：\n现将《某市“十四五”某某规划》印发给你们。\n"
            "某市人民政府办公室\n2022年3月1日\n" + BODY)
    assert _meta(text).issuer == "某市人民政府办公室"
