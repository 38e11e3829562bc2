"""Tasks of documents whose kind is unusual or unknown, and of work plans whose top headings mix actions with
plain sections: invented text in the shapes of real 责任分解 lists and 工作要点."""

from __future__ import annotations

from plankg.ingest.facts import Document
from plankg.ingest.metadata import extract_plan_meta
from plankg.ingest.outline import extract_outline
from plankg.ingest.tasks import extract_tasks


def _read(text: str):
    document = Document(id="t", source="t.txt", sha256="0", format="txt", text=text)
    plan = extract_plan_meta(document)
    return plan, extract_tasks(document, extract_outline(document), plan)


def test_a_responsibility_split_has_its_title_kind_and_tasks():
    plan, tasks = _read(
        "东岭县2026年政府工作报告重点工作责任分解\n\n"
        "各乡镇人民政府,县政府各部门:\n现将有关分工印发给你们,请认真落实。\n\n"
        "一、稳住经济基本盘\n1.全年地区生产总值增长5.5%左右。\n牵头单位:县发改局\n"
        "二、办好民生实事\n2.新建口袋公园3个。\n牵头单位:县住建局\n"
    )
    assert (plan.title, plan.kind) == ("东岭县2026年政府工作报告重点工作责任分解", "责任分解")
    assert (plan.period_start, plan.period_end) == (2026, 2026)
    # the groups of a plan that divides work among owners are tasks too, each the parent of its items (round 6)
    by_id = {t.id: t for t in tasks}
    assert [(t.number, t.title, by_id[t.parent].number if t.parent else None) for t in tasks] == [
        ("一", "稳住经济基本盘", None), ("1", "全年地区生产总值增长5.5%左右", "一"),
        ("二", "办好民生实事", None), ("2", "新建口袋公园3个", "二"),
    ]


def test_a_target_split_is_a_kind_of_its_own():
    plan, _ = _read("南溪区2026年经济社会发展目标任务分解\n一、主要指标\n")
    assert plan.kind == "任务分解"


def test_a_document_of_no_known_kind_takes_its_opening_line_as_title_and_still_has_tasks():
    plan, tasks = _read(
        "南溪区2026年为民办实事项目汇编\n"
        "一、总体要求\n坚持尽力而为、量力而行。\n"
        "二、教育医疗\n(一)新建幼儿园2所。年底前投入使用。\n(二)改造社区卫生服务站5个。\n"
        "三、交通出行\n(三)新增公交线路3条。\n"
    )
    assert (plan.title, plan.kind) == ("南溪区2026年为民办实事项目汇编", None)
    assert [t.title for t in tasks] == ["新建幼儿园2所", "改造社区卫生服务站5个", "新增公交线路3条"]


def test_an_opening_sentence_or_document_number_is_no_title():
    assert _read("为做好今年各项工作,制定本清单。\n一、重点事项\n")[0].title == ""
    assert _read("南政办发〔2026〕7号\n一、重点事项\n")[0].title == ""
    assert _read("2026年3月2日\n一、重点事项\n")[0].title == ""
    assert _read("首页 > 信息公开 > 重点领域\n一、重点事项\n")[0].title == ""


def test_plain_top_headings_beside_action_headings_hold_tasks_too():
    _, tasks = _read(
        "北渠县2026年生态环境保护工作要点\n"
        "一、强化源头防控\n(一)落实分区管控。6月底前完成动态更新。\n(二)推进清洁生产审核。\n"
        "二、打好碧水保卫攻坚战\n(三)整治入河排污口。\n"
        "三、保障措施\n(四)加强督查考核。\n"
    )
    assert [t.title for t in tasks] == ["落实分区管控", "推进清洁生产审核", "整治入河排污口"]


def test_a_heading_that_announces_tasks_still_keeps_the_other_top_headings_out():
    _, tasks = _read(
        "北渠县2026年生态环境保护工作要点\n"
        "一、工作目标\n(一)水质稳定达标。\n"
        "二、重点任务\n(二)整治入河排污口。\n"
        "三、强化宣传引导\n(三)开展环保宣传周活动。\n"
    )
    assert [t.title for t in tasks] == ["整治入河排污口"]


def test_an_action_plans_schedule_is_no_task_container():
    _, tasks = _read(
        "北渠县2026年燃气安全整治行动方案\n"
        "一、实施燃气管网更新改造行动\n(一)改造老旧管网20公里。\n"
        "二、时间安排\n(一)动员部署阶段。3月底前完成。\n(二)集中整治阶段。\n"
        "三、方法步骤\n(一)自查自纠。\n"
    )
    assert [t.title for t in tasks] == ["改造老旧管网20公里"]
