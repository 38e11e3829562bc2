"""Targets in table rows written as text and in list lines, on texts of our own wording: an indicator never crosses
a cell's edge, a wrapped cell is read whole, a dash or a verb of delivery opens no indicator, a threshold stays in
the indicator it qualifies, counts of events keep their 场次/批次, and the figures of a problems section are the
state as it is."""

import pytest

from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.outline import extract_outline
from plankg.ingest.targets import extract_targets
from plankg.ingest.tasks import extract_tasks

PLAN = PlanMeta(title="某区2024年道路养护工作计划", kind="工作计划", period_start=2024, period_end=2024)
REPORT = PlanMeta(title="某局2023年工作总结和2024年工作计划", kind="工作总结和工作计划", period_start=2023,
                  period_end=2024)


def _targets(text, plan=PLAN):
    document = Document(id="r", source="r.txt", sha256="", format="txt", text=text)
    tasks = extract_tasks(document, extract_outline(document), plan)
    return {task.id: task for task in tasks}, extract_targets(document, tasks, plan)


def _found(text, plan=PLAN):
    return [(t.indicator, t.comparator, t.value, t.unit) for t in _targets(text, plan)[1]]


TAB_TABLE = (
    "附件\n重点任务表\n"
    "序号\t工作任务\t具体内容\t牵头单位\t完成时间\n"
    "1\t提升道路通行能力\t改造破损人行道12公里\t区市政中心\t2024年9月底前\n"
    "\t\t路灯亮灯率达到98%以上\t区城管局\t2024年12月底前\n"
)


def test_a_tab_row_gives_the_indicator_of_its_content_cell_alone():
    tasks, found = _targets(TAB_TABLE)
    by_value = {t.value: t for t in found}
    assert by_value[12].indicator == "破损人行道"
    assert by_value[98].indicator == "路灯亮灯率"
    assert tasks[by_value[12].task].title == "改造破损人行道12公里"  # the row's sub-task, not the item


BAR_TABLE = (
    "附件\n重点任务清单\n"
    "序号 | 任务名称     | 工作内容                 | 责任单位   | 完成时限\n"
    "1    | 停车设施建设 | 新建公共停车场，泊位     | 区交通局   | 2024年11月底前\n"
    "     |              | 达到600个                |            |\n"
    "2    | 绿道贯通     | 建成滨河绿道8公里        | 区园林局   | 2024年10月底前\n"
    "3    | 公厕提升     | 城区公厕达标率达到       | 区城管局   | 2024年12月底前\n"
    "     |              | 90%以上                  |            |\n"
)


def test_a_bar_table_never_puts_a_bar_or_the_row_number_in_an_indicator():
    found = _found(BAR_TABLE)
    assert ("泊位", "≥", 600, "个") in found
    assert ("滨河绿道", "=", 8, "公里") in found
    assert ("城区公厕达标率", "≥", 90, "%") in found
    assert not any("|" in indicator for indicator, *_ in found)


def test_a_wrapped_cell_keeps_its_evidence_on_its_own_pieces():
    _, found = _targets(BAR_TABLE)
    share = next(t for t in found if t.value == 90)
    evidence = share.evidence.text(BAR_TABLE)
    assert evidence.startswith("城区公厕达标率达到") and evidence.endswith("90%以上")


@pytest.mark.parametrize(
    "text, indicator, value, unit",
    [
        ("——新建乡村道路45公里；", "乡村道路", 45, "公里"),
        ("—完成危桥改造6座；", "危桥改造", 6, "座"),
        ("●新改建候车亭30个；", "候车亭", 30, "个"),
        ("■路面平整度合格率达到92%；", "路面平整度合格率", 92, "%"),
    ],
)
def test_a_list_dash_or_bullet_and_a_verb_of_delivery_open_no_indicator(text, indicator, value, unit):
    assert [(f[0], f[2], f[3]) for f in _found(text)] == [(indicator, value, unit)]


@pytest.mark.parametrize(
    "text, indicator, comparator, value, unit",
    [
        ("年底前年营业收入500万元以上的商户占比达到40%。", "年营业收入500万元以上的商户占比", "≥", 40, "%"),
        ("日均客流1000人次以上的站点达到20个。", "日均客流1000人次以上的站点", "≥", 20, "个"),
    ],
)
def test_a_threshold_before_its_noun_stays_in_the_indicator(text, indicator, comparator, value, unit):
    assert _found(text) == [(indicator, comparator, value, unit)]


def test_counts_in_a_list_before_their_nouns_are_each_a_target():
    found = _found("建成3个以上的示范路段和10个示范站点。")
    assert [f[:3] for f in found] == [("示范路段", "≥", 3), ("示范站点", "=", 10)]


@pytest.mark.parametrize(
    "text, indicator, value, unit",
    [
        ("开展交通安全宣传活动12场次以上。", "交通安全宣传活动", 12, "场次"),
        ("抽检沥青混合料800批次以上。", "抽检沥青混合料", 800, "批次"),
    ],
)
def test_counts_of_events_keep_their_unit(text, indicator, value, unit):
    assert _found(text) == [(indicator, "≥", value, unit)]


def test_a_generic_event_noun_keeps_the_verb_that_names_it():
    assert _found("组织招聘活动不少于15场。")[0][0] == "招聘活动"


def test_a_problems_section_states_the_state_as_it_is():
    text = (
        "一、2023年工作完成情况\n全年养护道路300公里。\n"
        "二、存在的问题\n道路养护资金保障率仅为65%，低于全省平均水平。\n"
        "三、2024年工作计划\n道路养护资金保障率达到80%以上。\n"
    )
    _, found = _targets(text, REPORT)
    status = next(t for t in found if t.value == 65)
    assert (status.indicator, status.comparator, status.kind) == ("道路养护资金保障率", "=", "achieved")
    planned = next(t for t in found if t.value == 80)
    assert (planned.indicator, planned.kind) == ("道路养护资金保障率", "target")


SUMMARY = PlanMeta(title="某局2023年工作总结", kind="工作总结", period_start=2023, period_end=2023)


def test_a_bare_total_and_a_bare_change_continue_the_figure_before():
    found = _found("全年新增注册养老机构12家，总数达到86家，同比增长16.2%。", SUMMARY)
    assert found == [("注册养老机构", "=", 12, "家"), ("注册养老机构总数", "=", 86, "家"),
                     ("注册养老机构总数", "同比增长", 16.2, "%")]


@pytest.mark.parametrize(
    "text, indicator, value, unit",
    [
        ("全年接待来访群众800余人次。", "接待来访群众", 800, "人次"),
        ("发放助学贷款1.5万多元。", "助学贷款", 1.5, "万元"),
    ],
)
def test_a_number_with_yu_or_duo_is_a_floor(text, indicator, value, unit):
    assert _found(text, SUMMARY) == [(indicator, ">", value, unit)]


FIXED_WIDTH_TABLE = (
    "附件\n重点任务清单\n"
    "序号  任务名称      工作内容                完成时限\n"
    "1     充电设施建设  新建公共充电桩，车桩比  2024年底前\n"
    "                    达到3:1\n"
    "2     慢行系统      建成自行车道15公里      2024年10月底前\n"
)


def test_a_fixed_width_table_reads_a_wrapped_cell_whole():
    tasks, found = _targets(FIXED_WIDTH_TABLE)
    assert [(t.indicator, t.comparator, t.value, t.unit) for t in found] == [
        ("车桩比", "=", 3, "ratio"), ("自行车道", "=", 15, "公里")]
    assert tasks[found[0].task].title == "新建公共充电桩，车桩比达到3:1"
