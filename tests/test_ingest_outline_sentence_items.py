"""A numbered item that is one long sentence, with no title sentence of its own (5．深化…改革，发展…，年底前…。
(owners)), is titled by its first clause, as a long 一是 item is; its task keeps the whole sentence as its text.
An item with a title sentence, or a heading line without a full stop, keeps its title. Invented text."""

from __future__ import annotations

from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.outline import extract_outline
from plankg.ingest.tasks import extract_tasks

PLAN = PlanMeta(title="云岭县2025年林业重点工作安排", kind="工作安排", period_start=2025, period_end=2025)


def _document(text: str) -> Document:
    return Document(id="t", source="t.txt", sha256="0", format="txt", text=text)


def _titles(text: str) -> list[str]:
    return [heading.title for heading in extract_outline(_document(text))]


def test_a_long_one_sentence_item_is_titled_by_its_first_clause():
    text = ("一、保护森林资源\n1．推进国有林场改革，健全森林管护责任体系，年底前林区管护站点覆盖率达到90%。（县林业局、各乡镇）\n"
            "2．实施国土绿化，全年完成人工造林2万亩，修复退化林地5000亩，巩固提升生态屏障功能。\n")
    assert _titles(text) == ["保护森林资源", "推进国有林场改革", "实施国土绿化"]


def test_the_task_of_such_an_item_keeps_the_whole_sentence():
    text = "一、保护森林资源\n1．推进国有林场改革，健全森林管护责任体系，年底前林区管护站点覆盖率达到90%。（县林业局、各乡镇）\n"
    document = _document(text)
    task = extract_tasks(document, extract_outline(document), PLAN)[0]
    assert task.title == "推进国有林场改革"
    assert task.text.startswith("推进国有林场改革，健全森林管护责任体系，年底前")
    assert task.due is not None and task.due.year == 2025


def test_an_item_with_a_title_sentence_or_a_heading_line_keeps_its_title():
    text = ("一、坚持保护优先，推动林业高质量发展和生态文明建设\n"
            "1．推进国有林场改革，健全森林管护责任体系，落实护林员队伍。年底前完成改革任务。\n"
            "2．实施国土绿化。全年完成人工造林2万亩。\n"
            "3．加强防火，严防森林火灾。\n")
    assert _titles(text) == ["坚持保护优先，推动林业高质量发展和生态文明建设",
                             "推进国有林场改革，健全森林管护责任体系，落实护林员队伍", "实施国土绿化", "加强防火，严防森林火灾"]


def test_a_first_clause_that_sets_the_circumstance_is_no_title():
    text = "一、保护森林资源\n1．以国有林场为依托，建设森林防火物资储备库3个，配齐扑火机具。\n"
    assert _titles(text)[1] == "以国有林场为依托，建设森林防火物资储备库3个，配齐扑火机具"
