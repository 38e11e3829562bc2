"""Targets on wordings that blind round 7 and the third batch of real pages read wrong, in texts of our own:
labelled fields of an evaluation line (目标/完成情况/进度), progress ratios, a revised target, new counting units,
the size of an announced list, counts of a plan's own contents, a leading place, a verb inside a relative clause,
a goal section's horizon year and the parts of a defined numeral shorthand."""

import pytest

from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.targets import extract_targets

PLAN = PlanMeta(title="某市“十四五”文化发展规划", kind="规划", period_start=2021, period_end=2025)
REPORT = PlanMeta(title="某市“十四五”文化发展规划中期评估报告", kind="报告")
ANNUAL = PlanMeta(title="某县2024年工作要点", kind="工作要点", period_start=2024, period_end=2024)


def _targets(text, plan=PLAN):
    document = Document(id="t", source="t.txt", sha256="", format="txt", text=text)
    return extract_targets(document, [], plan)


def _found(text, plan=PLAN):
    return [(t.indicator, t.comparator, t.value, t.unit, t.year, t.kind) for t in _targets(text, plan)]


EVALUATION = (
    "一、主要指标完成情况\n"
    "1.人均公共文化设施面积。规划目标：到2025年达到0.45平方米；完成情况：2023年底为0.38平方米；进度：完成目标的84.4%。\n"
    "2.文化产业增加值占比。规划目标：不低于5%；完成情况：2023年为4.6%；进度：基本达到序时进度。\n"
)


def test_a_labelled_field_line_gives_a_target_and_an_achievement_of_its_title():
    found = _found(EVALUATION, REPORT)
    assert ("人均公共文化设施面积", "≥", 0.45, "平方米", 2025, "target") in found
    assert ("人均公共文化设施面积", "=", 0.38, "平方米", 2023, "achieved") in found
    assert ("文化产业增加值占比", "≥", 5, "%", None, "target") in found
    assert ("文化产业增加值占比", "=", 4.6, "%", 2023, "achieved") in found


def test_a_progress_field_gives_no_figure():
    assert 84.4 not in [t.value for t in _targets(EVALUATION, REPORT)]


def test_a_revised_target_keeps_the_new_value_only():
    found = _found("调整建议：建议将人均公园绿地面积目标由16平方米调整为15平方米。", REPORT)
    assert [(i, c, v, u, k) for i, c, v, u, _, k in found] == [("人均公园绿地面积目标", "=", 15, "平方米", "target")]


@pytest.mark.parametrize("text, expected", [
    ("全年新增渔政执法船3艘。", ("渔政执法船", 3, "艘")),
    ("全年举办非遗传承人研修班不少于4期。", ("非遗传承人研修班", 4, "期")),
    ("年底前实现医保、民政等6类数据共享。", ("数据共享", 6, "类")),
])
def test_new_counting_units(text, expected):
    indicator, value, unit = expected
    found = _found(text, ANNUAL)
    assert any(i.endswith(indicator) and v == value and u == unit for i, _, v, u, _, _ in found), found


def test_a_project_phase_is_no_count():
    assert _found("推进产业园二期工程建设。", ANNUAL) == []


def test_a_list_of_counts_joined_by_a_pause_mark_gives_one_target_each():
    found = _found("2024年新建篮球场12片、绿道30公里。", ANNUAL)
    assert [(i, v, u) for i, _, v, u, _, _ in found] == [("篮球场", 12, "片"), ("绿道", 30, "公里")]


@pytest.mark.parametrize("text", [
    "区政府决定2024年集中办好以下15件民生实事。",
    "现将2024年5个方面120项重点任务分解如下。",
    "规划确定的8项主要指标总体进展顺利。",
])
def test_the_size_of_a_list_or_of_the_plans_own_contents_is_no_target(text):
    assert not any(t.value in (15, 5, 120, 8) for t in _targets(text, ANNUAL))


def test_a_leading_place_with_a_parenthesis_is_no_part_of_the_indicator():
    found = _found("在人员密集的小区（院落）新建充电桩300个。", ANNUAL)
    assert ("充电桩", "=", 300, "个", 2024, "target") in found


def test_a_verb_inside_the_subjects_relative_clause_stays():
    found = _found("到2025年，全市开办老年大学的街道达到60个。")
    assert [i for i, *_ in found] == ["开办老年大学的街道"]


def test_a_goal_sections_horizon_dates_its_dash_items():
    text = ("第三节 发展目标\n到2025年，基本建成现代水网。\n——供水保障更加有力。城乡供水保证率达到95%。\n"
            "展望2035年，全面建成现代水网。\n")
    assert [(t.value, t.year) for t in _targets(text)] == [(95, 2025)]


def test_the_parts_of_a_defined_numeral_shorthand_are_no_targets():
    text = "打造“135健身圈”（社区1公里可达、街道3公里覆盖、城区5公里通达），健身步道长度达到300公里。"
    found = _found(text)
    assert [(i, v) for i, _, v, *_ in found] == [("健身步道长度", 300)]
    assert not any(")" in t.indicator or "）" in t.indicator for t in _targets(text))


def test_an_expansion_after_ji_ends_with_its_clause():
    found = _found("实施“两下沉”行动。“两下沉”即人员下沉、服务下沉，全年组织送医下乡活动不少于50场。", ANNUAL)
    assert [(v, u) for _, _, v, u, *_ in found] == [(50, "场")]
