"""Closing parentheses that name a task's owners in the shapes county plans print them: owners beside a deadline
((X，6月底前)), a bare list of owners beside collectives with a cue ((X、Y，各乡镇按职责分工负责)), and such a line
after a ①②③ list, which is the numbered item's that holds the list. Invented text."""

from __future__ import annotations

from plankg.ingest.agencies import extract_agencies
from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.outline import extract_outline
from plankg.ingest.tasks import extract_tasks

COUNTY = PlanMeta(title="青峦县2025年水利重点工作安排", kind="工作安排", period_start=2025, period_end=2025)


def _facts(text: str):
    document = Document(id="t", source="t.txt", sha256="0", format="txt", text=text)
    headings = extract_outline(document)
    tasks = extract_tasks(document, headings, COUNTY)
    _, duties = extract_agencies(document, headings, tasks, COUNTY)
    return tasks, duties


def _owners(text: str) -> dict[str, list[tuple[str, str]]]:
    tasks, _ = _facts(text)
    return {task.number: [(ref.printed, ref.role) for ref in task.agencies] for task in tasks}


def test_owners_beside_a_deadline_in_one_parenthesis_are_the_tasks():
    tasks, duties = _facts("一、保障供水\n1．建设应急水源。新建蓄水池12座。（县水利局，9月底前）\n"
                           "2．整治病险水库。（县水利局、县应急局，2025年11月底前完成）\n")
    assert [(ref.name, ref.role) for ref in tasks[0].agencies] == [("青峦县水利局", "responsible")]
    assert tasks[0].due is not None and tasks[0].due.month == 9
    assert [ref.printed for ref in tasks[1].agencies] == ["县水利局", "县应急局"]
    assert {duty.text for duty in duties} == {"建设应急水源", "整治病险水库"}


def test_a_deadline_alone_in_parentheses_names_no_owner():
    owners = _owners("一、保障供水\n1．建设应急水源。（9月底前）\n2．疏浚河道。（县水利局，各乡镇人民政府）\n")
    assert owners["1"] == []
    assert owners["2"] == [("县水利局", "responsible"), ("各乡镇人民政府", "responsible")]


def test_a_bare_list_of_owners_beside_a_cue_clause_is_responsible_too():
    owners = _owners("一、保障供水\n1．推进河湖长制。全面落实巡河制度。（县水利局、县林业局，各乡镇按职责分工负责）\n")
    assert owners["1"] == [("县水利局", "responsible"), ("县林业局", "responsible"), ("各乡镇", "responsible")]


def test_an_owner_line_after_a_circled_list_is_the_items_that_holds_the_list():
    tasks, duties = _facts("一、改善水环境\n1．开展水环境综合治理。\n①清理河道垃圾；\n②整治入河排污口；\n"
                           "③建设生态缓冲带。\n（县水利局、县生态环境分局，各乡镇按职责分工负责）\n"
                           "2．加强水土保持。新增治理面积5平方公里。（县林业局）\n")
    by_number = {task.number: task for task in tasks}
    assert [ref.printed for ref in by_number["1"].agencies] == ["县水利局", "县生态环境分局", "各乡镇"]
    assert all(not by_number[number].agencies for number in "①②③")
    assert [task.parent for task in tasks if task.number in "①②③"] == [by_number["1"].id] * 3
    assert {duty.text for duty in duties if duty.agency.printed != "县林业局"} == {"开展水环境综合治理"}


def test_items_that_name_their_own_owners_keep_the_line_after_the_last():
    owners = _owners("一、改善水环境\n1．开展水环境综合治理。\n（1）清理河道垃圾。\n（县城管局）\n（2）整治入河排污口。\n"
                     "（县生态环境分局）\n2．加强水土保持。\n")
    assert owners["（1）"] == [("县城管局", "responsible")]
    assert owners["（2）"] == [("县生态环境分局", "responsible")]
    assert owners["1"] == []


def test_a_deadline_in_the_owner_line_after_a_list_is_the_holders():
    tasks, _ = _facts("一、改善水环境\n1．开展水环境综合治理。\n①清理河道垃圾；\n②整治入河排污口。\n"
                      "（县水利局，10月底前完成）\n2．加强水土保持。\n")
    by_number = {task.number: task for task in tasks}
    assert by_number["1"].due is not None and (by_number["1"].due.year, by_number["1"].due.month) == (2025, 10)
    assert by_number["②"].due is None
    assert [ref.printed for ref in by_number["1"].agencies] == ["县水利局"]
