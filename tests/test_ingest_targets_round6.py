"""Targets on wordings that blind round 6 read wrong, in texts of our own: 约 inside a word, numbered sessions, box
and table numbers, 分别 after a named indicator, computing-power units, ceilings (最高), a bound on the object of the
clause before, runs of work verbs and leading places, a box item's year, and an indicator table's period total."""

import pytest

from plankg.ingest.facts import Document, Due, PlanMeta, Span, Task
from plankg.ingest.pipeline import extract
from plankg.ingest.targets import extract_targets

PLAN = PlanMeta(title="某市“十四五”产业发展规划", kind="规划", period_start=2021, period_end=2025)


def _targets(text, tasks=(), plan=PLAN):
    document = Document(id="t", source="t.txt", sha256="", format="txt", text=text)
    return extract_targets(document, list(tasks), plan)


def _found(text):
    return [(t.indicator, t.comparator, t.value, t.unit) for t in _targets(text)]


@pytest.mark.parametrize("text, expected", [
    ("全年新签约千万元以上合作项目25个。", ("千万元以上合作项目", "=", 25, "个")),
    ("履约保证金缴纳率达到98%。", ("履约保证金缴纳率", "≥", 98, "%")),
])
def test_yue_inside_a_word_is_no_approximation(text, expected):
    indicator, comparator, value, unit = expected
    found = _found(text)
    assert [(c, v, u) for i, c, v, u in found] == [(comparator, value, unit)]
    assert found[0][0].endswith(indicator)


@pytest.mark.parametrize("text, expected", [
    ("项目总投资约3.2亿元。", ("≈", 3.2, "亿元")),
    ("年接待游客近800万人次。", ("≈", 800, "万人次")),
])
def test_an_approximation_word_before_its_number_stays(text, expected):
    assert [(c, v, u) for _, c, v, u in _found(text)] == [expected]


@pytest.mark.parametrize("text", [
    "为确保区五届人大四次会议部署的目标落到实处，制定本方案。",
    "确保市委二届五次全会部署落地见效。",
])
def test_a_numbered_session_is_no_quantity(text):
    assert _found(text) == []


@pytest.mark.parametrize("text", [
    "专栏3　人才引进重点工程",
    "附表2　人员配备情况",
])
def test_a_box_or_table_number_before_its_title_is_no_target(text):
    assert _found(text) == []


def test_respectively_after_a_named_indicator_binds_both_values_to_it():
    found = _found("工业产值增长9%，投资增长7%，城乡居民人均消费支出分别增长4.5%和6%。")
    assert [(i, v) for i, _, v, _ in found[2:]] == [("城乡居民人均消费支出分别增长", 4.5), ("城乡居民人均消费支出分别增长", 6)]


def test_respectively_after_a_baseline_still_refers_back():
    found = _found("发生火灾8起、受伤5人，同比分别下降20%和30%。")
    assert [(i, c, v) for i, c, v, _ in found[2:]] == [("发生火灾", "同比下降", 20), ("受伤", "同比下降", 30)]


def test_computing_power_units():
    found = _found("到2025年，全区算力规模达到50EFlops，新增通用算力20PFLOPS。")
    assert [(v, u) for _, _, v, u in found] == [(50, "EFlops"), (20, "PFLOPS")]


@pytest.mark.parametrize("text, expected", [
    ("对每家企业最高奖励300万元。", (300, "万元")),
    ("单笔贷款贴息上限为50万元。", (50, "万元")),
    ("每户最多补贴2000元。", (2000, "元")),
])
def test_a_highest_amount_is_a_ceiling(text, expected):
    assert [(c, v, u) for _, c, v, u in _found(text)] == [("≤", *expected)]


def test_a_bare_bound_is_on_the_object_of_the_clause_before():
    found = _found("区人力资源局负责统筹安排就业创业补助资金，每年不少于2000万元。")
    assert found == [("就业创业补助资金", "≥", 2000, "万元")]


@pytest.mark.parametrize("text, indicator", [
    ("新建、改扩建社区卫生服务站15个。", "社区卫生服务站"),
    ("改造提升老旧农贸市场8个。", "老旧农贸市场"),
    ("开发区外贸进出口额突破50亿元。", "开发区外贸进出口额"),
    ("产业园内新建研发用房5万平方米。", "研发用房"),
    ("在食品、化工等行业培育智能工厂12个。", "智能工厂"),
    ("国内生产总值增长5%。", "国内生产总值增长"),
])
def test_work_verbs_and_places_before_what_is_counted_are_no_part_of_it(text, indicator):
    assert [i for i, *_ in _found(text)] == [indicator]


def test_a_box_item_takes_no_year_from_the_item_printed_before_the_box():
    text = "三、发展智慧养老。2024年前完成。\n专栏1　智慧养老工程\n1.平台建设。智慧养老平台接入率达到80%。"
    box_start = text.index("专栏1")
    item = Task(id="t1", number="三", title="发展智慧养老", text=text[:box_start], span=Span(0, len(text)),
                due=Due(text="2024年前", year=2024))
    boxed = Task(id="t2", number="1", title="平台建设", text=text[text.index("1.平台"):],
                 span=Span(text.index("1.平台"), len(text)), parent="t1", category="智慧养老工程")
    [target] = [t for t in _targets(text, tasks=[item, boxed]) if t.value == 80]
    assert (target.task, target.year) == ("t2", None)


def test_a_period_total_and_the_last_row_before_the_note_of_an_indicator_table(tmp_path):
    cells = ["表1　某市养老服务主要指标", "序号", "指标名称", "单位", "2020年基期值", "2025年目标值", "属性",
             "1", "新增社区助餐点", "个", "—", "[120]", "预期性",
             "2", "养老机构消防达标率", "%", "75", "≥95", "约束性",
             "注：[ ]内为五年累计数。"]
    text = ("某市“十四五”养老服务规划\n一、新增社区助餐点。五年新增社区助餐点120个。\n"
            "二、提升消防安全。养老机构消防达标率达到95%以上。\n" + "\n".join(cells) + "\n")
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    found = {(t.indicator, t.comparator, t.value, t.unit, t.year) for t in extract(path).targets
             if t.kind == "target" and t.evidence.start > text.index("表1")}
    assert ("新增社区助餐点", "=", 120, "个", 2025) in found
    assert ("养老机构消防达标率", "≥", 95, "%", 2025) in found
