"""Prerequisites on two plans written for this test in the genre's usual wording (tests/fixtures/unseen/): a county's
three-year 乡村振兴 实施方案 with a project table, and a city's 卫生健康 工作要点. The expected pairs were written
down from the documents before the extractor was run on them."""

from functools import lru_cache
from pathlib import Path

import pytest

from plankg.ingest.facts import DocumentFacts
from plankg.ingest.pipeline import extract

UNSEEN = Path(__file__).resolve().parent / "fixtures" / "unseen"
RURAL = "qingshi-2024-rural-revitalization-belt-plan.txt"
HEALTH = "liuhe-2024-health-work-points.txt"

# (cue, prerequisite, dependent); builds and table order name the tasks' titles
EXPECTED = {
    RURAL: [
        ("以X为基础", "现有茶园", "新建标准化生态茶园1.2万亩"),
        ("依托X", "县电子商务公共服务中心", "培育农村电商带头人"),
        ("在X基础上", "完成全县农村污水设施摸底排查", "分片推进污水管网建设"),
        ("为X提供支撑", "农业生产、农村管理、市场流通数据", "精准施策和产业监测"),
        ("通过X建设", "县级农业农村大数据平台建设", "实现主要农产品产量、价格实时监测"),
        ("builds", "建设县级农业农村大数据平台", "推广智慧农业应用"),
        ("table-order", "新建标准化生态茶园0.5万亩", "扩建茶叶加工车间2处"),
        ("table-order", "扩建茶叶加工车间2处", "建成茶叶精深加工园区"),
        ("table-order", "完成12个村污水治理", "完成20个村污水治理"),
    ],
    HEALTH: [
        ("在X基础上", "乡镇卫生院标准化建设", "推动20家乡镇卫生院达到国家推荐标准"),
        ("依托X", "市急救中心", "建设全市统一的急救调度平台"),
        ("通过X建设", "全民健康信息平台建设", "实现检查检验结果在全市二级以上医院互认共享"),
        ("为X提供支撑", "全市统一的全民健康信息平台", "分级诊疗和远程医疗"),
        ("builds", "夯实卫生健康信息化基础", "推进智慧医院建设"),
    ],
}


@lru_cache(maxsize=None)
def facts(name: str) -> DocumentFacts:
    return extract(UNSEEN / name)


def found(name):
    return {(p.cue, p.prerequisite, p.dependent) for p in facts(name).prerequisites}


CASES = [(name, row) for name, rows in EXPECTED.items() for row in rows]


@pytest.mark.parametrize("name, row", CASES, ids=[f"{name[:6]}-{row[0]}-{row[1]}" for name, row in CASES])
def test_expected_prerequisite(name, row):
    assert row in found(name), sorted(found(name))


@pytest.mark.parametrize("name", EXPECTED)
def test_no_prerequisite_beyond_the_expected(name):
    """以X为契机 (an occasion), 以X为抓手 (a lever) and 以X为龙头 (a leader) state no prerequisite."""
    assert sorted(found(name) - set(EXPECTED[name])) == []


# ------------------------------------------------ failures once found on the other unseen plans, now held fixed


def test_reliance_and_its_use_in_one_clause_on_a_plan():
    assert ("依托X", "生态环境大数据平台", "实现监测数据互联共享") in found("qinghe-14th-fyp-ecology.txt")


def test_no_side_ends_inside_a_quote():
    pairs = found("yunxi-2023-county-medical-alliance-plan.txt")
    assert ("依托X", "县人民医院", "建设影像、检验、心电诊断、病理诊断、消毒供应“五大中心”") in pairs
    assert all(side.count("“") == side.count("”") for _, *sides in pairs for side in sides)


def test_parallel_outline_items_and_repeated_rows_give_no_table_order():
    for name in ("dongshan-2024-rural-road-safety-plan.txt", "pingchuan-2024-home-care-service-plan.txt",
                 "yunxi-2023-county-medical-alliance-plan.txt"):
        assert [p for p in facts(name).prerequisites if p.cue == "table-order"] == []
