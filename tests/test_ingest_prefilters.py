"""The speed-ups of extraction (cheap tests before a regular expression, remembered results) change no result."""

from __future__ import annotations

import dataclasses

import pytest

from plankg.ingest import agencies, mentions, prerequisites
from plankg.ingest.clean import INLINE_PATTERNS, clean_text
from plankg.ingest.facts import PlanMeta
from plankg.ingest.numerals import count_options
from plankg.ingest.text import Sentences, normalize, sentences

# One sentence per cue of prerequisites.CUES (the examples of its comments), plus sentences with no cue.
CUE_SENTENCES = [
    "以省级系统为依托,建设市级系统。",
    "以“两队一室”为基础,固化勤务模式。",
    "以大数据为有力支撑,提升研判能力。",
    "以完善的制度为重要保障,推进改革。",
    "以完成产权制度改革为前提,推进入市试点。",
    "强化数据和基层基础为支撑的规划思路。",
    "在全警技能提升的基础上,重点培育人才。",
    "依托信息化模型,落实管控处置。",
    "通过市局的态势感知平台建设,有效识别网络威胁。",
    "通过积极构建执法管理体系,执法质量不断提高。",
    "通过三级研判体系,提升预警能力。",
    "借助新技术,完善防控体系。",
    "依靠党委、政府,健全机制。",
    "利用视频监控系统,实时预警。",
    "基于统一的数据底座,开展分析。",
    "待燃气管网普查完成后,实施管道更新改造。",
    "城市体检信息平台建成后,开展更新项目生成。",
    "在招标采购完成后,启动设备安装调试。",
    "编制片区风险评估报告,作为片区改造方案审批的前提。",
    "在完成土地权属核查的前提下,推进宅基地整理。",
    "先完成管线普查,再启动道路改造。",
    "建设基于5G技术的视频图传系统。",
    "全面完成第三次国土调查,为空间规划奠定坚实基础。",
    "健全网格体系,为基层治理打牢基础。",
    "形成数据资源库,为研判分析提供数据支撑。",
    "建成共享平台,在数据共享等方面提供有力支撑。",
    "用智慧警务方式为城市建设提供基础保障。",
    "培育创新主体,为产业发展提供源头活水。",
    "加快标准厂房建设,为承接产业转移创造条件。",
    "全力加强派出所建设,夯实防控体系建设基础。",
    "全力加强派出所建设,夯实防控体系的根基。",
    "推动信息化支撑实战。",
    "加强队伍建设,提升执法水平。",
]


def _cue_facts(text: str) -> list[dict]:
    found = prerequisites._cue_prerequisites(text, normalize(text), Sentences(text))
    return [dataclasses.asdict(p) for p in found]


def test_every_cue_has_an_example_here():
    text = "\n".join(CUE_SENTENCES)
    assert {p["cue"] for p in _cue_facts(text)} == {cue.name for cue in prerequisites.CUES}


def test_cue_anchors_skip_only_sentences_the_cue_cannot_match(monkeypatch):
    text = "\n".join(CUE_SENTENCES)
    filtered = _cue_facts(text)
    unfiltered = [dataclasses.replace(cue, anchor="") for cue in prerequisites.CUES]  # "" is in every sentence
    monkeypatch.setattr(prerequisites, "CUES", unfiltered)
    assert _cue_facts(text) == filtered


@pytest.mark.parametrize("clause", [
    "市财政局负责资金保障", "县人民政府办公室牵头", "各相关部门主要负责同志", "相关部门主要负责", "政法委牵头",
    "各乡镇人民政府负责", "市、县两级党政领导要带头", "公安机关作为主力军", "县委宣传部负责宣传", "加强队伍建设",
    "各县(市、区)教育局负责", "市公安局治安支队负责", "安委会组织协调", "妇联牵头", "有关单位负责人为成员",
])
def test_leading_subject_is_the_longest_prefix_that_is_a_subject(clause):
    reader = agencies._StatementReader(clause, PlanMeta(title="某市工作方案"))
    folded = normalize(clause)[:24]
    longest = next((stop for stop in range(len(folded), 1, -1) if agencies._is_subject(folded[:stop])), None)
    assert reader._leading_subject(0, len(clause)) == ((0, longest) if longest else None)


def test_count_options_hands_out_a_copy_of_what_it_remembers():
    options = count_options("四联三防")
    options.append(99)
    assert count_options("四联三防") == [7]


def test_long_texts_normalize_like_short_ones():
    text = "“四联三防”（试行）：臺灣　計劃，１２３。\n" * 300
    assert normalize(text) == "".join(normalize(line + "\n") for line in text.split("\n")[:-1])
    assert normalize(text) == normalize(text + "")  # remembered, and still right


def test_sentences_of_one_text_are_split_once():
    text = "第一句。第二句!\n第三句"
    assert sentences(text) is sentences(text)
    assert [s.text(text) for s in sentences(text)] == ["第一句。", "第二句!", "第三句"]


def test_clean_anchors_are_found_in_what_their_pattern_removes():
    for pattern in INLINE_PATTERNS:
        if pattern.anchor is not None:
            removed = pattern.regex.search(normalize(pattern.example))
            assert removed and pattern.anchor.search(removed.group()), pattern.name


def test_text_without_spam_comes_through_cleaning_unchanged_and_spam_still_goes():
    plain = "一、工作目标\n到2025年,建成平台3个,网址www.example.gov.cn。\n"
    assert clean_text(plain).text == plain
    spammed = "澳门金沙城中心:印发工作方案的通知\n注册送38元彩金 正文第一句。\n访问 www.amjs888.com 了解\n"
    cleaned = clean_text(spammed)
    assert "金沙" not in cleaned.text and "彩金" not in cleaned.text and "amjs888" not in cleaned.text
    assert "正文第一句。" in cleaned.text


@pytest.mark.parametrize("text, head, start", [
    ("加强市级指挥中心", 6, 2),  # after the verb 加强
    ("建设系统\n中心建设", 5, 5),  # a line break ends the name: nothing before the head
    ("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳中心", 16, 2),  # at most 14 characters back
])
def test_a_system_name_starts_after_the_left_edge(text, head, start):
    assert mentions._left_edge(text, head) == start


def test_a_group_named_as_subject_without_a_duty_cue_still_names_its_office():
    text = "县防汛抗旱领导小组统筹调度。领导小组下设办公室,办公室设在县水利局。"
    reader = agencies._StatementReader(text, PlanMeta(title="某县防汛工作方案"))
    for sentence in Sentences(text):
        reader.read(sentence)
    assert [duty.agency.name for duty in reader.responsibilities] == ["县防汛抗旱领导小组办公室"]
