"""Cues of a precondition and of finished work (X作为Y的前提, 在X的前提下, 先X再Y, X完成后), and look-alikes that
name a means or a purpose (利用 land or space, 为…高质量发展提供保障). Invented text."""

from __future__ import annotations

import pytest

from plankg.ingest.facts import Document
from plankg.ingest.prerequisites import extract_prerequisites


def cues_of(text: str) -> list[tuple[str, str, str]]:
    document = Document(id="t", source="t.txt", sha256="0", format="txt", text=text)
    return [(p.cue, p.prerequisite, p.dependent) for p in extract_prerequisites(document, [], [], [])]


@pytest.mark.parametrize("text, expected", [
    ("组织开展管网普查，作为老旧管网改造计划编制的前提。",
     ("X作为Y的前提", "管网普查", "老旧管网改造计划编制")),
    ("完成安全鉴定，作为危房改造的先决条件。", ("X作为Y的前提", "安全鉴定", "危房改造")),
    # the clause right before the cue, also where it opens like a frame (依据…)
    ("年内，依据普查数据开展片区评估，作为更新方案编制的前提。",
     ("X作为Y的前提", "依据普查数据开展片区评估", "更新方案编制")),
    ("在完成土地权属调查的前提下，稳妥推进宅基地流转。",
     ("在X的前提下", "完成土地权属调查", "稳妥推进宅基地流转")),
    ("先完成群众意愿征询，再启动加装电梯施工。", ("先X再Y", "完成群众意愿征询", "启动加装电梯施工")),
    ("在可行性研究审批完成后，启动项目招标。", ("X完成后", "可行性研究审批", "启动项目招标")),
    ("充分利用卫星遥感数据，开展耕地非农化巡查。", ("利用X", "卫星遥感数据", "开展耕地非农化巡查")),
])
def test_precondition_cues(text, expected):
    assert cues_of(text) == [expected]


def test_a_thing_built_keeps_its_own_cue():
    assert [cue for cue, _, _ in cues_of("县级物流中心建成后，开展统配统送。")] == ["X建成后"]


@pytest.mark.parametrize("text", [
    "充分利用闲置厂房、城市边角地建设便民市场，新增摊位200个。",  # land and buildings used: a means
    "利用农闲时节组织技能培训。",  # an occasion
    "深化研究型审计，为推动全县经济社会高质量发展提供有力保障。",  # the purpose of a whole plan
    "强化监督执纪，为全市发展大局奠定坚实基础。",
])
def test_means_and_purposes_are_no_prerequisites(text):
    assert cues_of(text) == []


def test_support_for_a_sectors_development_stays_a_prerequisite():
    assert cues_of("实施城乡供水一体化工程，为乡村产业发展提供水源保障。") == [
        ("为X提供保障", "城乡供水一体化工程", "乡村产业发展")]
