"""Owners named after a task rather than in a sentence of their own: labelled lines (牵头单位：X) and a closing
parenthesis ((X牵头，Y配合), (责任单位：X、Y)). Invented text in the shapes of real 责任分解 and 工作要点."""

from __future__ import annotations

from plankg.ingest.agencies import extract_agencies
from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.mentions import extract_mentions
from plankg.ingest.outline import extract_outline
from plankg.ingest.tasks import extract_tasks

COUNTY = PlanMeta(title="东岭县2026年重点工作责任分解", kind="工作要点", period_start=2026, period_end=2026)


def _facts(text: str, plan: PlanMeta = COUNTY):
    document = Document(id="t", source="t.txt", sha256="0", format="txt", text=text)
    headings = extract_outline(document)
    tasks = extract_tasks(document, headings, plan)
    mentions, duties = extract_agencies(document, headings, tasks, plan)
    return {task.title: task for task in tasks}, mentions, duties


def _owners(task):
    return [(ref.name, ref.role) for ref in task.agencies]


LABELLED = (
    "一、稳住经济基本盘\n"
    "1.全年地区生产总值增长5.5%左右。\n"
    "责任领导：李某某\n"
    "牵头领导:各乡镇主要领导\n"
    "牵头单位：县发改局、县统计局\n"
    "2.完成固定资产投资80亿元以上。\n"
    "牵头单位 ： 县发改局\n"
    "配合单位:县经信局,各乡镇(街道)\n"
    "责任单位：县工业园区管委会、税务局\n"
    "二、办好民生实事\n"
    "3.新建口袋公园3个。\n"
    "牵头单位：县住建局(县城管局)\n"
)


def test_labelled_lines_after_a_task_give_its_owners_with_the_labels_roles():
    tasks, _, _ = _facts(LABELLED)
    assert _owners(tasks["全年地区生产总值增长5.5%左右"]) == [("东岭县发改局", "lead"), ("东岭县统计局", "lead")]
    assert _owners(tasks["完成固定资产投资80亿元以上"]) == [
        ("东岭县发改局", "lead"), ("东岭县经信局", "supporting"), ("各乡镇(街道)", "supporting"),
        ("东岭县工业园区管委会", "responsible"), ("税务局", "responsible"),
    ]
    assert _owners(tasks["新建口袋公园3个"]) == [("东岭县住建局(县城管局)", "lead")]


def test_a_leader_named_under_a_label_is_a_person_not_an_agency():
    _, _, duties = _facts(LABELLED)
    assert all("李某某" not in duty.agency.printed and "领导" not in duty.agency.printed for duty in duties)


def test_a_labelled_owner_is_responsible_for_the_task_itself():
    _, _, duties = _facts(LABELLED)
    first = next(duty for duty in duties if duty.agency.printed == "县统计局")
    assert (first.pattern, first.text) == ("牵头单位:X", "全年地区生产总值增长5.5%左右")
    assert LABELLED[first.evidence.start:first.evidence.end] == "牵头单位：县发改局、县统计局"


def test_a_label_list_ends_where_prose_begins():
    tasks, _, _ = _facts("一、强化保障\n1.改造老旧小区12个。责任单位：县住建局,确保年底前全部完工。\n")
    assert _owners(tasks["改造老旧小区12个"]) == [("东岭县住建局", "responsible")]


def test_a_labelled_parenthesis_closing_a_task():
    text = "一、优化能源结构\n1.推进清洁能源替代。以特色风电基地为依托，建设储能电站。（责任单位：县能源局、县发改局）\n"
    tasks, _, duties = _facts(text)
    assert _owners(tasks["推进清洁能源替代"]) == [("东岭县能源局", "responsible"), ("东岭县发改局", "responsible")]
    assert all("（" not in duty.text and "）" not in duty.text for duty in duties)


def test_a_parenthesis_with_leads_and_supporters():
    text = (
        "一、深化放管服改革\n"
        "1.推行证照联办。年底前实现高频事项全覆盖。（县政务服务中心、县市场监管局牵头，县公安局、县税务局配合）\n"
        "2.公开权责清单。动态调整清单内容。(县编办负责)\n"
    )
    tasks, _, duties = _facts(text)
    assert _owners(tasks["推行证照联办"]) == [
        ("东岭县政务服务中心", "lead"), ("东岭县市场监管局", "lead"),
        ("东岭县公安局", "supporting"), ("东岭县税务局", "supporting"),
    ]
    assert _owners(tasks["公开权责清单"]) == [("东岭县编办", "responsible")]
    assert {duty.text for duty in duties} == {"推行证照联办", "公开权责清单"}  # the task, not 县公安局…配合）


def test_a_parenthesis_outside_any_task_is_responsible_for_the_words_before_it():
    text = "全面公开财政预决算信息。（县财政局负责）\n"
    _, _, duties = _facts(text)
    assert [(d.agency.name, d.text) for d in duties] == [("东岭县财政局", "全面公开财政预决算信息")]


def test_no_agency_or_named_body_starts_with_an_opening_parenthesis():
    text = "1.建设县民生服务中心。（县民政局牵头）\n2.升级便民服务平台。(县数据中心负责)\n"
    document = Document(id="t", source="t.txt", sha256="0", format="txt", text=text)
    _, mentions, duties = _facts(text)
    printed = [ref.printed for ref in mentions] + [duty.agency.printed for duty in duties]
    printed += [mention.label for mention in extract_mentions(document, [])]
    assert printed and not [name for name in printed if name.startswith(("(", "（"))]


def test_owners_in_parentheses_on_the_heading_line_even_when_a_semicolon_cuts_them():
    text = (
        "一、重点任务\n"
        "(一)整治违法建筑(县城管局牵头;各乡镇配合)\n"
        "(二)整治黑臭水体(县水利局牵头,经开区、各街道配合,2026年6月底前完成)\n"
        "(三)推进清洁能源替代(牵头单位:县能源局;配合单位:县财政局)\n"
    )
    tasks, _, duties = _facts(text)
    assert {title: _owners(task) for title, task in tasks.items()} == {
        "整治违法建筑": [("东岭县城管局", "lead"), ("各乡镇", "supporting")],
        "整治黑臭水体": [("东岭县水利局", "lead"), ("经开区", "supporting"), ("各街道", "supporting")],
        "推进清洁能源替代": [("东岭县能源局", "lead"), ("东岭县财政局", "supporting")],
    }
    assert {duty.text for duty in duties} == set(tasks)


def test_a_role_marked_on_one_unit_of_a_labelled_list():
    tasks, _, _ = _facts("一、重点任务\n1.建设城市信息模型平台。\n责任单位:县发改局(牵头)、县数据局、各乡镇(街道)\n")
    assert _owners(tasks["建设城市信息模型平台"]) == [
        ("东岭县发改局", "lead"), ("东岭县数据局", "responsible"), ("各乡镇(街道)", "responsible"),
    ]


def test_a_parenthesis_naming_owners_may_hold_parentheses_of_its_own():
    tasks, _, _ = _facts("一、重点任务\n1.整治农村人居环境。年底前完成。(县农业农村局牵头,各乡(镇、街道)配合)\n")
    assert _owners(tasks["整治农村人居环境"]) == [("东岭县农业农村局", "lead"), ("各乡(镇、街道)", "supporting")]


def test_owners_labelled_under_an_item_that_is_no_task_take_its_words_without_its_number():
    text = "一、主要预期目标\n1.地区生产总值增长6%左右。\n牵头单位：县发改局\n二、重点工作任务\n2.推进园区扩能。\n"
    _, _, duties = _facts(text)
    assert [(d.agency.name, d.text) for d in duties] == [("东岭县发改局", "地区生产总值增长6%左右")]


def test_owners_in_square_brackets():
    text = ("一、巩固成果\n1.健全监测机制。【牵头单位：县乡村振兴局；配合单位：县民政局、各乡镇人民政府】\n"
            "2.实施道路提升工程。[县交通运输局]\n3.推进园区扩能。【县工信局牵头，县财政局配合】\n")
    tasks, _, _ = _facts(text)
    assert _owners(tasks["健全监测机制"]) == [
        ("东岭县乡村振兴局", "lead"), ("东岭县民政局", "supporting"), ("各乡镇人民政府", "supporting")]
    assert _owners(tasks["实施道路提升工程"]) == [("东岭县交通运输局", "responsible")]
    assert _owners(tasks["推进园区扩能"]) == [("东岭县工信局", "lead"), ("东岭县财政局", "supporting")]
