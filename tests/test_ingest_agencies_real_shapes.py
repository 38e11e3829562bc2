"""Owner lines in the shapes real provincial and municipal plans print them: roles written after a group of units
(A、B牵头，C配合), a list closed by how all take part (…按职责分工负责), the member units of a body, units of an
organ (…大队), local offices of national organs (人民银行…分行, 国家…总局…分局, …海关) and 由A会同B负责.
Invented text."""

from __future__ import annotations

from plankg.ingest.agencies import extract_agencies, find_agencies, is_agency, is_collective
from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.outline import extract_outline
from plankg.ingest.tasks import extract_tasks

CITY = PlanMeta(title="青梧市2025年数字经济工作要点", kind="工作要点", period_start=2025, period_end=2025)


def _facts(text: str, plan: PlanMeta = CITY):
    document = Document(id="t", source="t.txt", sha256="0", format="txt", text=text)
    headings = extract_outline(document)
    tasks = extract_tasks(document, headings, plan)
    _, duties = extract_agencies(document, headings, tasks, plan)
    return tasks, duties


def _owners(text: str, plan: PlanMeta = CITY) -> dict[str, list[tuple[str, str]]]:
    tasks, _ = _facts(text, plan)
    return {task.title: [(ref.printed, ref.role) for ref in task.agencies] for task in tasks}


def test_a_role_after_a_group_of_units_is_the_role_of_each():
    owners = _owners("一、重点任务\n1．建设算力中心。年内投运。〔责任单位：市发改委、市数据局牵头，市财政局、市电力公司配合〕\n"
                     "2．培育数据企业。（责任单位：市工信局、市科技局牵头，市商务局配合）\n")
    assert owners["建设算力中心"] == [("市发改委", "lead"), ("市数据局", "lead"),
                                   ("市财政局", "supporting"), ("市电力公司", "supporting")]
    assert owners["培育数据企业"] == [("市工信局", "lead"), ("市科技局", "lead"), ("市商务局", "supporting")]


def test_every_item_of_a_list_closed_by_how_all_take_part_is_an_agency():
    owners = _owners("一、重点任务\n1．推进数据开放。〔责任单位：市数据局、市政务服务中心、市信息中心按职责分工负责〕\n")
    assert owners["推进数据开放"] == [("市数据局", "responsible"), ("市政务服务中心", "responsible"),
                                   ("市信息中心", "responsible")]


def test_the_member_units_of_a_body_and_a_unit_of_an_organ_close_a_task():
    owners = _owners("一、重点任务\n1．压实监管责任。厘清职责边界。（市消委会各成员单位）\n"
                     "2．整治占道经营。（市城管局、公安分局巡警大队、综合执法大队）\n")
    assert owners["压实监管责任"] == [("市消委会各成员单位", "responsible")]
    assert owners["整治占道经营"] == [("市城管局", "responsible"), ("公安分局巡警大队", "responsible"),
                                   ("综合执法大队", "responsible")]


def test_local_offices_of_national_organs_are_agencies():
    for name in ("人民银行青梧市分行", "中国人民银行南溪县支行", "国家金融监督管理总局青梧监管分局",
                 "国家税务总局青梧市税务局", "青梧海关"):
        assert is_agency(name), name
    assert not is_agency("全市海关")
    owners = _owners("一、重点任务\n1．完善普惠金融服务。（责任单位：市金融办、人民银行青梧市分行、"
                     "国家金融监督管理总局青梧监管分局）\n")
    assert [name for name, _ in owners["完善普惠金融服务"]] == [
        "市金融办", "人民银行青梧市分行", "国家金融监督管理总局青梧监管分局"]


def test_the_member_units_of_a_body_are_a_collective():
    assert is_collective("县防指各成员单位")


def test_a_lead_joined_by_another_organ_and_supporters_own_the_item_before_them():
    tasks, duties = _facts("一、重点任务\n1．加强人才引进。由市人社局会同市科技局负责，各有关单位配合。\n")
    assert [(ref.printed, ref.role) for ref in tasks[0].agencies] == [
        ("市人社局", "lead"), ("市科技局", "supporting"), ("各有关单位", "supporting")]
    assert {duty.text for duty in duties} == {"加强人才引进"}


def test_work_stated_after_the_owner_stays_the_duty():
    _, duties = _facts("一、重点任务\n1．加强人才引进。由市人社局负责，制定引才目录。\n")
    assert [(duty.agency.printed, duty.text) for duty in duties] == [("市人社局", "制定引才目录")]


def test_the_holders_of_a_post_are_people_not_a_collective_of_organs():
    _, duties = _facts("市、县两级党政领导是本地建设的第一责任人，相关部门负责人为具体责任人。各相关部门按职责分工负责。\n")
    kinds = {duty.agency.printed: (duty.agency.person, duty.agency.collective) for duty in duties}
    assert kinds == {"市、县两级党政领导": (True, False), "相关部门负责人": (True, False), "各相关部门": (False, True)}


def test_a_province_plans_department_printed_without_the_province_is_the_provinces():
    province = PlanMeta(title="南川省“十四五”现代物流发展实施方案", issuer="南川省发展和改革委员会", kind="实施方案",
                        period_start=2021, period_end=2025)
    owners = _owners("一、重点任务\n（一）完善物流网络。〔责任单位：省发展改革委、交通运输厅牵头，商务厅配合〕\n", province)
    assert [(ref, role) for ref, role in owners["完善物流网络"]] == [
        ("省发展改革委", "lead"), ("交通运输厅", "lead"), ("商务厅", "supporting")]
    tasks, _ = _facts("一、重点任务\n（一）完善物流网络。〔责任单位：交通运输厅〕\n", province)
    assert [ref.name for ref in tasks[0].agencies] == ["南川省交通运输厅"]


def test_an_organ_without_a_jurisdiction_starts_a_word_never_a_verb():
    plan = PlanMeta(title="某项工作方案")
    assert [name for name in ("推动口岸海关", "组建应急救援大队") if is_agency(name)] == []
    assert is_agency("青梧海关") and is_agency("综合执法大队")
    text = "加强与青梧海关协作，推动口岸海关通关便利。"
    assert [text[s:e] for s, e in find_agencies(text, plan)] == ["青梧海关"]
