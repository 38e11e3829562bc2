"""The issuer of a report that prints none: the subject of its opening sentence, also after the 在…领导下 clause that
often comes first, resolved within the place its title names. Invented text."""

from __future__ import annotations

import pytest

from plankg.ingest.facts import Document
from plankg.ingest.metadata import extract_plan_meta


def _meta(text: str):
    return extract_plan_meta(Document(id="t", source="t.txt", sha256="0", format="txt", text=text))


TITLE = "云岭县2024年工作总结和2025年工作计划"


@pytest.mark.parametrize("opening, printed", [
    # the subject after the leadership clause
    ("2024年，在县委、县政府的正确领导下，县水务局认真贯彻落实上级部署，取得了明显成效。", "县水务局"),
    # two clauses before it, and no year opening the sentence
    ("一年来，在市委、市政府的坚强领导下，在上级部门的大力支持下，县文旅局聚焦全年目标，各项工作稳步推进。", "县文旅局"),
    # no year: the clause alone opens the sentence
    ("在县委、县政府的坚强领导下，县水务局紧扣年度目标，完成了各项任务。", "县水务局"),
    # the subject before the clause
    ("2024年，县水务局在县委、县政府的领导下，扎实推进各项工作，完成了年度任务。", "县水务局"),
])
def test_the_subject_of_a_reports_opening_is_its_issuer_within_the_titles_place(opening, printed):
    text = f"{TITLE}\n{opening}\n一、2024年工作完成情况\n"
    meta = _meta(text)
    assert meta.issuer == "云岭" + printed
    evidence = meta.evidence["issuer"]
    assert text[evidence.start:evidence.end] == printed


def test_a_clause_without_an_organ_after_it_gives_no_issuer():
    meta = _meta("云岭县2024年工作总结\n2024年，在县委、县政府的正确领导下，全县上下团结一心，经济运行稳中向好。\n")
    assert meta.issuer is None


def test_an_untitled_report_keeps_its_subject_as_printed():
    meta = _meta("2024年，在区委、区政府的坚强领导下，区水务局紧紧围绕年度目标，完成了各项任务。\n一、主要工作\n")
    assert meta.issuer == "区水务局"

