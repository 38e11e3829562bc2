"""Left edges of system names from blind round 8 and real pages, on texts of our own: verbs of delivery and
cooperation end a name, a count of levels ends it, a numeral-led quality stays in it, and 站位 is no 站."""

import pytest

from plankg.ingest.facts import Document
from plankg.ingest.mentions import extract_mentions


def _doc(text):
    return Document(id="d", source="d.txt", sha256="", format="txt", text=text)


def systems(text):
    return [m.label for m in extract_mentions(_doc(text), []) if m.kind == "system"]


@pytest.mark.parametrize("text, label", [
    ("在5个工作日内推送至国家食品安全追溯系统。", "国家食品安全追溯系统"),
    ("处罚信息上传至省信用监管平台。", "省信用监管平台"),
    ("巡检图像实时回传河湖监管平台。", "河湖监管平台"),
    ("预警信息同步推送区防汛指挥中心。", "区防汛指挥中心"),
    ("配合县乡村振兴服务中心做好培训。", "县乡村振兴服务中心"),
    ("会同区综合执法指挥中心开展巡查。", "区综合执法指挥中心"),
    ("完善省、市、县三级农产品质量追溯体系。", "农产品质量追溯体系"),
    ("健全市县两级公共法律服务体系。", "公共法律服务体系"),
])
def test_delivery_and_cooperation_verbs_and_counted_levels_end_a_name(text, label):
    assert systems(text) == [label]


def test_a_quality_led_by_a_numeral_classifies_the_name_and_stays():
    assert systems("依托一体化在线监管平台开展检查。") == ["一体化在线监管平台"]
    assert systems("建设智能化在线监管平台。") == ["在线监管平台"]  # an ordinary quality is still left out


def test_taking_a_stand_is_no_station():
    assert systems("各级各部门要提高站位，压实责任。") == []
