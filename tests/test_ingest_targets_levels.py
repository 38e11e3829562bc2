"""Targets that name a level to reach, on texts of our own wording: a change verb followed by 到/至 is the comparator
(never part of the indicator), a grade (级, 星级) reached is a target, and a slogan of repeated 一X clauses is none."""

import pytest

from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.targets import extract_targets

PLAN = PlanMeta(title="某县“十四五”养老服务发展规划", kind="规划", period_start=2021, period_end=2025)


def _found(text, plan=PLAN):
    document = Document(id="t", source="t.txt", sha256="", format="txt", text=text)
    return [(t.indicator, t.comparator, t.value, t.unit) for t in extract_targets(document, [], plan)]


@pytest.mark.parametrize("text, expected", [
    ("城镇居民自付费用占比下降到20%以下。", ("城镇居民自付费用占比", "≤", 20, "%")),
    ("空置房屋比例下降至8%。", ("空置房屋比例", "≤", 8, "%")),
    ("群众投诉件数减少到300件以内。", ("群众投诉件数", "≤", 300, "件")),
    ("审批时限缩减至3个工作日。", ("审批时限", "≤", 3, "工作日")),
    ("社区食堂覆盖率上升到65%。", ("社区食堂覆盖率", "=", 65, "%")),
    ("养老护理员持证率增长至90%以上。", ("养老护理员持证率", "≥", 90, "%")),
    ("护理床位占比增加至55%。", ("护理床位占比", "=", 55, "%")),
])
def test_a_change_verb_naming_the_level_to_reach_is_no_part_of_the_indicator(text, expected):
    assert _found(text) == [expected]


def test_a_planned_change_without_a_level_keeps_its_verb():
    assert _found("单位产值水耗下降12%。") == [("单位产值水耗下降", "=", 12, "%")]


@pytest.mark.parametrize("text, expected", [
    ("养老机构服务质量平均等级达到3级。", ("养老机构服务质量平均等级", "≥", 3, "级")),
    ("智慧养老平台安全防护水平达到三级以上。", ("智慧养老平台安全防护水平", "≥", 3, "级")),
    ("示范养老院评定星级不低于四星级。", ("示范养老院评定星级", "≥", 4, "星级")),
])
def test_a_grade_to_reach_is_a_target(text, expected):
    assert _found(text) == [expected]


@pytest.mark.parametrize("text", [
    "建设3级养老服务网络。",  # a grade in front of a noun names a kind of network
    "达到国家二级标准的机构给予奖励。",  # a standard's grade, the thing reached is the standard
    "启动二级应急响应。",
])
def test_a_grade_naming_a_kind_is_no_target(text):
    assert _found(text) == []


@pytest.mark.parametrize("text", [
    "确保建一处、成一处、用一处。",
    "做到改一间、验一间、交一间。",
])
def test_a_slogan_of_repeated_one_clauses_is_no_target(text):
    assert _found(text) == []


def test_a_single_counted_one_after_a_comparator_stays_a_target():
    assert _found("每个乡镇至少建成一所养老院。") == [("养老院", "≥", 1, "所")]
