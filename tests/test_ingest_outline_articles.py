"""Measures written as articles (第一条…) whose clauses (一)(二) run on in the article's paragraph, with the owners
on a line after it. Invented text."""

from __future__ import annotations

from plankg.ingest.agencies import extract_agencies
from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.outline import extract_outline
from plankg.ingest.tasks import extract_tasks

PLAN = PlanMeta(title="南岗市支持外贸稳增长若干措施", kind="若干措施", period_start=2026, period_end=2027)
TEXT = (
    "一、稳定外贸主体\n"
    "　　第一条　支持企业开拓市场。（一）对参加境外展会的企业给予展位费补助。（二）2026年9月底前建成外贸综合服务平台。\n"
    "　　责任单位：市商务局、市财政局\n"
    "　　第二条　强化出口信保支持。扩大短期险覆盖面，保费补助比例不低于50%。\n"
    "　　责任单位：市商务局\n"
)


def _facts(text: str = TEXT):
    document = Document(id="t", source="t.txt", sha256="", format="txt", text=text)
    headings = extract_outline(document)
    tasks = extract_tasks(document, headings, PLAN)
    extract_agencies(document, headings, tasks, PLAN)
    return headings, tasks


def test_clauses_run_on_after_an_article_title_are_its_children():
    headings, _ = _facts()
    by_id = {h.id: h for h in headings}
    rows = [(h.number, h.title, by_id[h.parent].number if h.parent else None) for h in headings]
    assert rows[1:4] == [("第一条", "支持企业开拓市场", "一、"), ("（一）", "对参加境外展会的企业给予展位费补助", "第一条"),
                         ("（二）", "2026年9月底前建成外贸综合服务平台", "第一条")]


def test_a_run_on_clause_ends_with_its_paragraph_and_the_owners_after_it_are_the_articles():
    _, tasks = _facts()
    owners = {t.number + t.title[:4]: [a.printed for a in t.agencies] for t in tasks}
    assert owners["第一条支持企业"] == ["市商务局", "市财政局"]
    assert owners["（二）2026"] == []
    assert [t.due.date if t.due else None for t in tasks if t.number == "（二）"] == ["2026-09-30"]


def test_a_lone_parenthesised_numeral_after_a_sentence_is_no_heading():
    headings, _ = _facts("一、总体要求\n　　按照省里部署。（一）号文件要求各地抓好落实。\n")
    assert [h.number for h in headings] == ["一、"]
