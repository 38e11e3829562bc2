"""Prerequisites stated by the completion of a thing: 待X完成后 and X建成后 (blind round 3 found them missing)."""

import pytest

from plankg.ingest.facts import Document
from plankg.ingest.prerequisites import extract_prerequisites


def cues_of(text):
    document = Document(id="d", source="d.txt", sha256="", format="txt", text=text)
    return [(p.cue, p.prerequisite, p.dependent) for p in extract_prerequisites(document, [], [], [])]


@pytest.mark.parametrize("text, expected", [
    ("待市域排水管网普查完成后，实施老化管道更新改造。", ("待X后", "市域排水管网普查", "实施老化管道更新改造")),
    ("待物流园区一期工程完工后，启动二期招商。", ("待X后", "物流园区一期工程", "启动二期招商")),
    ("待“一码通”系统部署完成后，将医保结算纳入集成办理。", ("待X后", "“一码通”系统", "将医保结算纳入集成办理")),
    ("县级农产品检测中心建成后，实现主要农产品批批检测。", ("X建成后", "县级农产品检测中心", "实现主要农产品批批检测")),
    ("二号水厂投入使用后，向南部三个镇联网供水。", ("X建成后", "二号水厂", "向南部三个镇联网供水")),
    ("在县级冷链物流中心建成后，开展农产品统配统送。", ("X建成后", "县级冷链物流中心", "开展农产品统配统送")),
])
def test_completion_cues(text, expected):
    assert cues_of(text) == [expected]


@pytest.mark.parametrize("text", [
    "落实优抚对象待遇后，开展走访慰问。",  # 待遇 is a benefit, not a wait
    "全面完成年度目标任务。",  # no 后: nothing waits
])
def test_look_alikes_of_completion_cues(text):
    assert cues_of(text) == []


def test_a_closed_building_phrase_is_not_split_at_a_verb_inside_the_name():
    """通过X建设: X ends with its 建设; 工程建设项目审批管理系统 is one name with 建设 inside."""
    assert cues_of("通过工程建设项目审批管理系统建设，实现审批事项全程网办。") == [
        ("通过X建设", "工程建设项目审批管理系统建设", "实现审批事项全程网办")]


@pytest.mark.parametrize("text", ["各项任务完成后，及时总结经验。", "整改完成后，组织复查验收。"])
def test_a_generic_word_of_work_is_no_prerequisite(text):
    assert cues_of(text) == []
