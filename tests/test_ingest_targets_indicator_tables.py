"""Main-indicator tables (指标 / 单位 / 基期值 / 目标值 / 属性) and quantity adverbs (共, 累计, 总计, 合计), on small
texts of our own wording."""

import pytest

from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.targets import extract_targets

FIVE_YEARS = PlanMeta(title="某县“十四五”卫生健康规划", kind="规划", period_start=2021, period_end=2025)


def figures(text, plan=FIVE_YEARS):
    document = Document(id="d", source="d.txt", sha256="", format="txt", text=text)
    return [(t.kind, t.indicator, t.comparator, t.value, t.unit, t.year, t.value_text)
            for t in extract_targets(document, [], plan)]


def test_a_table_with_one_row_per_line_gives_targets_and_base_values_of_its_columns_years():
    text = ("表1 主要指标\n"
            "类别\t指标\t单位\t2020年基期值\t2025年目标值\t属性\n"
            "医疗资源\t每千人口执业医师数\t人\t2.6\t≥3.2\t预期性\n"
            "\t孕产妇死亡率\t1/10万\t12\t<10\t约束性\n"
            "健康水平\t居民健康素养水平\t%\t—\t[30]\t预期性\n"
            "注：[ ]内为五年累计数。\n")
    assert figures(text) == [
        ("achieved", "每千人口执业医师数", "=", 2.6, "人", 2020, "2.6"),
        ("target", "每千人口执业医师数", "≥", 3.2, "人", 2025, "≥3.2"),
        ("achieved", "孕产妇死亡率", "=", 12, "1/10万", 2020, "12"),
        ("target", "孕产妇死亡率", "<", 10, "1/10万", 2025, "<10"),
        ("target", "居民健康素养水平", "=", 30, "%", 2025, "[30]"),
    ]


def test_a_table_flattened_one_cell_per_line_reads_rows_by_their_number():
    text = "\n".join(["序号", "指标名称", "计量单位", "现状值", "规划目标值", "指标属性",
                      "1", "二级以上医院数量", "家", "4", "6", "预期性",
                      "2", "县域就诊率", "%", "85", "90以上", "约束性",
                      "3", "急救平均反应时间", "分钟", "15", "≤12", "预期性",
                      "注：数据来源于县卫生健康局。"])
    assert [(kind, indicator, comparator, value, unit, year) for kind, indicator, comparator, value, unit, year, _
            in figures(text)] == [
        ("achieved", "二级以上医院数量", "=", 4, "家", 2020),  # a base column without a year: the year before the period
        ("target", "二级以上医院数量", "=", 6, "家", 2025),  # a target column without a year: the period's end
        ("achieved", "县域就诊率", "=", 85, "%", 2020),
        ("target", "县域就诊率", "≥", 90, "%", 2025),
        ("achieved", "急救平均反应时间", "=", 15, "分钟", 2020),
        ("target", "急救平均反应时间", "≤", 12, "分钟", 2025),
    ]


def test_a_row_that_lost_its_empty_cell_keeps_its_target_and_a_unitless_coefficient_has_no_unit():
    text = "\n".join(["序号", "指标", "单位", "2020年", "2025年", "属性",
                      "1", "新建乡镇卫生院", "所", "[5]", "预期性",  # the base cell (—) was dropped by the page
                      "2", "基层医疗机构诊疗量占比系数", "0.55", "0.6", "预期性"])  # no unit cell
    assert [(kind, indicator, value, unit, year) for kind, indicator, _, value, unit, year, _ in figures(text)] == [
        ("target", "新建乡镇卫生院", 5, "所", 2025),
        ("achieved", "基层医疗机构诊疗量占比系数", 0.55, None, 2020),
        ("target", "基层医疗机构诊疗量占比系数", 0.6, None, 2025),
    ]


def test_a_task_table_is_no_indicator_table():
    text = "\n".join(["序号", "重点任务", "牵头单位", "完成时限", "1", "建成县级胸痛中心", "县卫生健康局", "2024年底前"])
    assert all(kind != "achieved" for kind, *_ in figures(text))


@pytest.mark.parametrize("text, indicator, comparator, value", [
    ("共建成党群服务中心15个。", "党群服务中心", "=", 15),
    ("全市共有养老机构35家。", "养老机构", "=", 35),
    ("全年共培训农民工1.2万人次。", "农民工", "=", 1.2),
    ("发放消费券总计2000万元。", "消费券", "=", 2000),
    ("服务企业合计500家以上。", "服务企业", "≥", 500),
    ("累计建成充电桩1260个。", "充电桩", "=", 1260),
    # 共 of 共享 / 共同 is a word of the name
    ("共享单车投放量控制在5000辆以内。", "共享单车投放量", "≤", 5000),
    ("共同富裕示范村达到20个。", "共同富裕示范村", "≥", 20),
])
def test_quantity_adverbs_belong_to_the_value_not_the_indicator(text, indicator, comparator, value):
    assert [(i, c, v) for _, i, c, v, *_ in figures(text, PlanMeta(title="x", kind="实施方案"))] == [
        (indicator, comparator, value)]


def test_a_plan_titled_with_one_year_dates_its_figures_with_that_year_whatever_its_kind():
    titled = PlanMeta(title="某市2024年稳就业实施方案", kind="实施方案", period_start=2024, period_end=2024)
    untitled = PlanMeta(title="某市稳就业实施方案", kind="实施方案", period_start=2024, period_end=2024)
    text = "新增技能人才3000人。"
    assert [year for *_, year, _ in figures(text, titled)] == [2024]
    assert [year for *_, year, _ in figures(text, untitled)] == [None]


def test_columns_of_growth_rates_and_remarks_are_read_past():
    text = ("指标名称 | 单位 | 2020年 | 2025年 | 年均增长(%) | 责任单位\n"
            "地区生产总值 | 亿元 | 320 | 450 | 7 | 县发展改革局\n")
    assert [(kind, indicator, value, unit, year) for kind, indicator, _, value, unit, year, _ in figures(text)] == [
        ("achieved", "地区生产总值", 320, "亿元", 2020),  # 2020 is before the period: a base column
        ("target", "地区生产总值", 450, "亿元", 2025),
    ]


REPORT = PlanMeta(title="某区2023年工作总结", kind="工作总结", period_start=2023, period_end=2023)


def test_a_change_in_points_after_a_share_is_the_change_of_that_share():
    assert [(k, i, c, v, u) for k, i, c, v, u, *_ in figures("农业科技进步贡献率达到62.5%，同比提高1.5个百分点。", REPORT)] == [
        ("achieved", "农业科技进步贡献率", "=", 62.5, "%"),
        ("achieved", "农业科技进步贡献率", "同比提高", 1.5, "个百分点"),
    ]
    assert [(i, v) for _, i, _, v, *_ in figures("城镇化率提高到58.1%，比上年提高1.2个百分点。", REPORT)] == [
        ("城镇化率", 58.1), ("城镇化率比上年提高", 1.2)]


def test_a_share_of_a_whole_loses_its_de():
    """完成年度目标任务的102%: the indicator is the whole the share is of."""
    assert [i for _, i, *_ in figures("完成年度目标任务的102%。", REPORT)] == ["年度目标任务"]
