"""Collective subjects (各区县政府负责落实, 市级各有关部门按职责分工负责): a responsibility of a collective agency,
marked ``collective`` so that no reader takes it for one organ. Invented text."""

from __future__ import annotations

from plankg.ingest.agencies import extract_agencies, is_agency, is_collective
from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.outline import extract_outline
from plankg.ingest.tasks import extract_tasks

CITY = PlanMeta(title="北岭市城镇燃气安全整治方案", issuer="北岭市人民政府办公室", kind="实施方案")
DISTRICT = PlanMeta(title="南坪区2024年优化营商环境工作要点", issuer="南坪区人民政府办公室", kind="工作要点",
                    period_start=2024, period_end=2024)


def _facts(text: str, plan: PlanMeta):
    document = Document(id="t", source="t.txt", sha256="0", format="txt", text=text)
    headings = extract_outline(document)
    tasks = extract_tasks(document, headings, plan)
    _, duties = extract_agencies(document, headings, tasks, plan)
    return tasks, duties


def test_collective_subjects_hold_duties_marked_collective():
    _, duties = _facts("市财政局负责保障改造资金。各区县政府负责落实属地管理责任。市级各有关部门按职责分工负责。", CITY)
    held = {duty.agency.printed: (duty.agency.collective, duty.text) for duty in duties}
    assert held == {
        "市财政局": (False, "保障改造资金"),
        "各区县政府": (True, "落实属地管理责任"),
        "市级各有关部门": (True, ""),
    }


def test_a_collective_in_a_parenthesis_naming_owners_is_an_owner_of_the_task():
    text = ("一、提升政务服务效能\n"
            "（一）推进帮办代办服务。9月底前实现全覆盖。（区政务服务中心牵头，区级各有关部门按职责分工负责）\n"
            "（二）优化融资服务。组织银企对接活动。（区财政局牵头，区内各银行机构配合）\n")
    tasks, duties = _facts(text, DISTRICT)
    owners = {task.title: [(ref.printed, ref.role, ref.collective) for ref in task.agencies] for task in tasks}
    assert owners == {
        "推进帮办代办服务": [("区政务服务中心", "lead", False), ("区级各有关部门", "responsible", True)],
        "优化融资服务": [("区财政局", "lead", False), ("区内各银行机构", "supporting", True)],
    }
    assert {duty.agency.printed: duty.text for duty in duties}["区级各有关部门"] == "推进帮办代办服务"


def test_what_is_a_collective():
    for printed in ("各街道办事处", "相关街道办事处", "有关部门", "市级各有关部门", "区直各单位", "公安机关", "各县(市、区)人民政府"):
        assert is_collective(printed), printed
    for printed in ("市财政局", "南坪区人民政府", "政法委", "县安全生产委员会办公室"):
        assert not is_collective(printed), printed


def test_an_organ_with_anquan_in_its_name_is_an_agency():
    # 全 alone opens a phrase (全市, 全面) and ends no name; 安全 is part of one
    assert is_agency("北岭市安全生产委员会") and is_agency("县食品安全委员会办公室")
    assert not is_agency("全市安全生产委员会")


def test_a_county_bureau_names_its_own_gu_in_a_labelled_parenthesis():
    plan = PlanMeta(title="东岭县卫生健康局2024年工作计划", issuer="东岭县卫生健康局", kind="工作计划",
                    period_start=2024, period_end=2024)
    text = ("一、深化改革\n（一）推进医共体建设。实现检查结果互认。（责任单位：医政医管股、县人民医院；完成时限：2024年9月底）\n"
            "（二）开展卫生运动。（责任单位：县爱卫办、各乡镇人民政府；完成时限：全年）\n")
    tasks, _ = _facts(text, plan)
    assert [(ref.name, ref.role) for ref in tasks[0].agencies] == [
        ("东岭县卫生健康局医政医管股", "responsible"), ("东岭县人民医院", "responsible")]
    assert [ref.printed for ref in tasks[1].agencies] == ["县爱卫办", "各乡镇人民政府"]
    assert tasks[0].due.date == "2024-09-30" and tasks[1].due is None


def test_a_closing_parenthesis_of_organs_alone_names_the_owners():
    text = ("一、提升市容环境\n1.推进背街小巷整治。完成整治30条。（区城管局、各街道办事处）\n"
            "2.优化服务布局（城区、开发区）。\n3.建立联动机制（公安、卫健、交通）。\n责任科室（单位）\n")
    tasks, duties = _facts(text, DISTRICT)
    owners = {task.title: [(ref.name, ref.role) for ref in task.agencies] for task in tasks}
    assert owners["推进背街小巷整治"] == [("南坪区城管局", "responsible"), ("各街道办事处", "responsible")]
    assert not owners["优化服务布局（城区、开发区）"] and not owners["建立联动机制（公安、卫健、交通）"]
    assert {(duty.agency.printed, duty.text, duty.pattern) for duty in duties} == {
        ("区城管局", "推进背街小巷整治", "(X)"), ("各街道办事处", "推进背街小巷整治", "(X)")}


def test_the_manner_of_a_collective_is_its_cue_in_a_closing_parenthesis():
    text = "一、优化服务\n1.清理隐性壁垒。（各有关部门根据职责分工落实）\n2.推行告知承诺制。（市司法局牵头，市直有关部门按职责分工负责）\n"
    tasks, _ = _facts(text, CITY)
    owners = {task.title: [(ref.printed, ref.role, ref.collective) for ref in task.agencies] for task in tasks}
    assert owners == {"清理隐性壁垒": [("各有关部门", "responsible", True)],
                      "推行告知承诺制": [("市司法局", "lead", False), ("市直有关部门", "responsible", True)]}


def test_two_collectives_joined_by_ji_are_two_owners_and_an_organ_with_he_is_one():
    text = ("一、优化审批\n1.编制许可事项清单。（市政府办公室牵头，市级各有关部门及各县市区政府按职责分工负责）\n"
            "2.保障项目用地。（市自然资源和规划局负责）\n")
    tasks, _ = _facts(text, CITY)
    owners = {task.title: [(ref.printed, ref.role) for ref in task.agencies] for task in tasks}
    assert owners == {
        "编制许可事项清单": [("市政府办公室", "lead"), ("市级各有关部门", "responsible"), ("各县市区政府", "responsible")],
        "保障项目用地": [("市自然资源和规划局", "responsible")],
    }
