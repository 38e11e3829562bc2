"""Round 7 agency shapes: working groups with duties, collectives with 要, posts held by persons, owners named after
an item, enterprises among owners, and a plan-wide statement that the first listed owner leads. Invented text."""

from __future__ import annotations

import pytest

from plankg.ingest.agencies import extract_agencies, lead_listed_first
from plankg.ingest.facts import Document, PlanMeta, Span, Task

TOWN = PlanMeta(title="青禾镇2025年防汛工作方案", issuer="青禾镇人民政府", kind="工作方案",
                period_start=2025, period_end=2025)


def _extract(text: str, tasks: list[Task] | None = None):
    document = Document(id="t", source="t.txt", sha256="0", format="txt", text=text)
    return extract_agencies(document, [], tasks or [], TOWN)


def _duties(text: str) -> list[tuple[str, str, str]]:
    return [(d.agency.printed, d.agency.role, d.text) for d in _extract(text)[1]]


def test_a_working_group_named_as_a_label_holds_the_duty_of_its_line():
    text = "（二）物资保障组：由镇经发办牵头，镇财政所、镇农技站组成，负责防汛物资采购和调运。"
    mentions, duties = _extract(text)
    assert [(d.agency.printed, d.text) for d in duties] == [("物资保障组", "防汛物资采购和调运")]
    members = {ref.printed for ref in mentions if ref.role == "member"}
    assert members == {"镇经发办", "镇财政所", "镇农技站"}  # its make-up, no duty-holders


def test_a_group_made_up_by_one_organ_still_holds_the_duty():
    assert _duties("交通管控专班：由镇派出所负责，负责道路封控和车辆疏导。") == [
        ("交通管控专班", "responsible", "道路封控和车辆疏导")]


@pytest.mark.parametrize("text, holder", [
    ("各地各部门要把防灾减灾纳入年度重点工作。", "各地各部门"),
    ("各地区各有关部门要加强协同配合，形成工作合力。", "各地区各有关部门"),
    ("各村（社区）要落实巡查值守责任。", "各村（社区）"),
    ("三、各乡镇人民政府要做好征地协调等工作。", "各乡镇人民政府"),  # behind a heading's number
])
def test_collectives_with_a_modal_state_duties(text, holder):
    assert [printed for printed, _, _ in _duties(text)] == [holder]


@pytest.mark.parametrize("text", [
    "成立镇防汛指挥部，由镇党委书记王某任政委。",
    "由县委副书记李某任常务副指挥长。",
])
def test_a_post_held_by_a_person_is_no_duty(text):
    assert _duties(text) == []


def test_duty_holders_inside_an_item_are_not_its_owners_when_owners_close_it():
    text = ("（一）推进社区养老设施建设。各县（市、区）人民政府要将设施建设纳入城市更新。民政部门负责日常监管。"
            "（省民政厅、省住房城乡建设厅按职责分工负责）")
    task = Task(id="t1", number="（一）", title="推进社区养老设施建设", text=text, span=Span(0, len(text)))
    _, duties = _extract(text, [task])
    assert {d.agency.printed for d in duties} >= {"各县（市、区）人民政府", "民政部门", "省民政厅"}
    assert [ref.printed for ref in task.agencies] == ["省民政厅", "省住房城乡建设厅"]


def test_an_item_without_closing_owners_takes_the_holders_inside_it():
    text = "（二）完善养老服务补贴。县民政局负责制定补贴办法。"
    task = Task(id="t2", number="（二）", title="完善养老服务补贴", text=text, span=Span(0, len(text)))
    _extract(text, [task])
    assert [ref.printed for ref in task.agencies] == ["县民政局"]


def test_an_enterprise_beside_an_organ_closes_an_item_as_an_owner():
    assert [(p, r) for p, r, _ in _duties("新建公共充电桩300个，年底前完成。（县发展改革局、国网某县供电公司）")] == [
        ("县发展改革局", "responsible"), ("国网某县供电公司", "responsible")]


def test_enterprises_alone_or_places_close_no_item():
    assert _duties("新建公共充电桩300个。（某某科技有限公司）") == []


@pytest.mark.parametrize("statement", [
    "括号内第一个单位为牵头单位。",
    "责任分解中，列第一位的责任单位为牵头单位。",
    "排在第一位的为牵头单位，其他为责任单位。",
])
def test_a_plan_wide_convention_makes_the_first_listed_owner_the_lead(statement):
    assert lead_listed_first(statement)
    text = f"{statement}\n1.新建口袋公园3个。（县住建局、县财政局）\n2.新建道路5公里。\n责任单位：县交通局、县财政局"
    assert [(p, r) for p, r, _ in _duties(text)] == [
        ("县住建局", "lead"), ("县财政局", "responsible"), ("县交通局", "lead"), ("县财政局", "responsible")]


def test_without_the_convention_listed_owners_are_all_responsible():
    assert not lead_listed_first("各单位要按照职责分工抓好落实。第一责任人为主要负责同志。")
    assert [r for _, r, _ in _duties("1.新建口袋公园3个。（县住建局、县财政局）")] == ["responsible", "responsible"]


def test_marked_roles_win_over_the_convention():
    text = "括号内第一个单位为牵头单位。\n1.新建口袋公园3个。\n责任单位：县住建局、县财政局（牵头）"
    assert [(p, r) for p, r, _ in _duties(text)] == [("县住建局", "responsible"), ("县财政局", "lead")]


def test_a_departments_office_listed_bare_under_a_label_is_its_own():
    bureau = PlanMeta(title="青禾县审计局2025年工作要点", issuer="青禾县审计局", kind="工作要点")
    text = "●加强干部培训。全年组织业务培训不少于4期。（责任股室：办公室）"
    document = Document(id="t", source="t.txt", sha256="0", format="txt", text=text)
    _, duties = extract_agencies(document, [], [], bureau)
    assert [(d.agency.name, d.pattern) for d in duties] == [("青禾县审计局办公室", "责任股室:X")]
