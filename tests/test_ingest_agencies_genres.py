"""Owners as the genres of round 5 name them: a bureau's own offices under 责任股室：, a town's villages under
责任单位：, and a role written after a unit without parentheses (…，各乡镇人民政府配合). Invented text."""

from __future__ import annotations

from plankg.ingest.agencies import extract_agencies
from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.outline import extract_outline
from plankg.ingest.tasks import extract_tasks

BUREAU = PlanMeta(title="南岗县林业局2026年工作计划", issuer="南岗县林业局", kind="工作计划", period_start=2026,
                  period_end=2026)
TOWN = PlanMeta(title="柳塘镇2026年工作计划", kind="工作计划", period_start=2026, period_end=2026)


def _owners(text: str, plan: PlanMeta) -> dict[str, list[tuple[str, str]]]:
    document = Document(id="t", source="t.txt", sha256="0", format="txt", text=text)
    headings = extract_outline(document)
    tasks = extract_tasks(document, headings, plan)
    extract_agencies(document, headings, tasks, plan)
    return {task.title: [(ref.printed, ref.role) for ref in task.agencies] for task in tasks}


def test_a_bureau_names_its_own_offices_under_a_label_of_offices():
    owners = _owners("南岗县林业局2026年工作计划\n一、重点工作\n（一）完成造林1.2万亩。（责任股室：营林股、资源管理股）\n"
                     "（二）建成林长制信息平台。（责任科室：信息中心）\n", BUREAU)
    assert owners["完成造林1.2万亩"] == [("营林股", "responsible"), ("资源管理股", "responsible")]
    assert owners["建成林长制信息平台"] == [("信息中心", "responsible")]


def test_a_towns_villages_and_communities_are_listed_units():
    owners = _owners("柳塘镇2026年工作计划\n一、重点工作\n（一）改善人居环境\n1.完成改厕200户。（责任单位：镇农业办、各村（社区））\n"
                     "2.开展文明创建。（责任单位：镇宣传办、各社区）\n", TOWN)
    assert owners["完成改厕200户"] == [("镇农业办", "responsible"), ("各村（社区）", "responsible")]
    assert owners["开展文明创建"] == [("镇宣传办", "responsible"), ("各社区", "responsible")]


def test_a_role_written_after_a_listed_unit_is_that_units_role():
    owners = _owners("南岗县林业局整改方案\n一、整改措施\n1.清理闲置土地。\n责任单位：用地股、规划股，各乡镇人民政府配合\n"
                     "2.整治违建。\n责任单位：执法大队、县住建局协助\n", BUREAU)
    assert owners["清理闲置土地"] == [("用地股", "responsible"), ("规划股", "responsible"),
                                 ("各乡镇人民政府", "supporting")]
    assert owners["整治违建"] == [("执法大队", "responsible"), ("县住建局", "supporting")]


def test_a_peoples_organization_is_an_organ():
    owners = _owners("南岗县2026年工作计划\n一、重点工作\n（一）召开民营企业座谈会。（责任单位：县工商联、县妇联）\n", TOWN)
    assert owners["召开民营企业座谈会"] == [("县工商联", "responsible"), ("县妇联", "responsible")]


def test_supporting_units_listed_together_in_an_owner_parenthesis():
    owners = _owners("南岗市2026年工作计划\n一、重点工作\n（一）整治危险路段。（市交通运输局牵头，市公安局、各县（市、区）人民政府配合）\n",
                     TOWN)
    assert owners["整治危险路段"] == [("市交通运输局", "lead"), ("市公安局", "supporting"),
                                 ("各县（市、区）人民政府", "supporting")]


def _duties(text: str, plan: PlanMeta) -> list[tuple[str, str]]:
    document = Document(id="t", source="t.txt", sha256="0", format="txt", text=text)
    headings = extract_outline(document)
    _, duties = extract_agencies(document, headings, extract_tasks(document, headings, plan), plan)
    return [(duty.agency.name, duty.text) for duty in duties]


def test_a_departments_party_group_speaks_for_the_department_whose_offices_it_names_bare():
    plan = PlanMeta(title="整改方案", issuer="中共南岗县林业局党组", kind="工作方案")
    assert _duties("四、工作要求\n（一）强化督查。局办公室负责每月调度整改进展。\n", plan) == [
        ("南岗县林业局办公室", "每月调度整改进展")]


def test_the_office_of_the_group_set_up_earlier_named_bare_holds_a_duty():
    text = ("一、组织机构\n成立南岗市河湖整治领导小组，由副市长李某任组长。领导小组办公室设在市水利局。\n"
            "二、工作要求\n（一）强化督导。领导小组办公室负责定期通报整治进展。\n")
    assert ("南岗市河湖整治领导小组办公室", "定期通报整治进展") in _duties(text, TOWN)


def test_a_subject_taking_on_a_kind_of_responsibility_states_a_duty():
    duties = _duties("四、工作要求\n（一）压实责任。各县（市、区）人民政府要落实属地管理责任，主要领导亲自调度。\n", TOWN)
    assert duties == [("各县（市、区）人民政府", "落实属地管理责任，主要领导亲自调度")]
    assert _duties("四、工作要求\n（一）压实责任。要压实属地管理责任。\n", TOWN) == []


def test_member_units_listed_after_their_label_are_the_groups_members():
    text = ("一、组织机构\n成立南岗市河湖整治领导小组，由副市长李某任组长，成员单位为市水利局、市生态环境局、"
            "各县（市、区）人民政府。领导小组办公室设在市水利局。\n")
    document = Document(id="t", source="t.txt", sha256="0", format="txt", text=text)
    headings = extract_outline(document)
    mentions, _ = extract_agencies(document, headings, extract_tasks(document, headings, TOWN), TOWN)
    members = [(ref.printed, ref.collective) for ref in mentions if ref.role == "member"]
    assert members == [("市水利局", False), ("市生态环境局", False), ("各县（市、区）人民政府", True)]
    assert not any("李某" in ref.printed for ref in mentions)


def test_labels_side_by_side_in_one_parenthesis_each_end_the_list_before_them():
    owners = _owners("南岗县林业局2026年工作要点\n一、重点工作\n1.开展林地执法检查。（牵头单位：资源管理科，配合单位：各林业站、"
                     "县公安局，完成时限：2026年6月底前）\n", BUREAU)
    assert owners["开展林地执法检查"] == [("资源管理科", "lead"), ("各林业站", "supporting"), ("县公安局", "supporting")]
