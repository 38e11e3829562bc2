"""A shorthand's count checks its expansion but never chooses it: a split that leaves items joined is no
candidate, and a count that disagrees is recorded, on texts of our own."""

import pytest

from plankg.ingest.facts import Document
from plankg.ingest.glossary import extract_terms


def _sense(text, label):
    document = Document(id="c", source="c.txt", sha256="", format="txt", text=text)
    found = [t for t in extract_terms(document, []) if t.label == label and t.kind != "undefined"]
    assert found, f"no sense of {label} in {text}"
    return found[0]


@pytest.mark.parametrize("text, label, expansion", [
    ("“双服务”载体主要包括创客空间、共享工坊和中试基地。", "双服务", ["创客空间", "共享工坊", "中试基地"]),
    ("“两张网”具体为:水网、路网和电网。", "两张网", ["水网", "路网", "电网"]),
])
def test_a_count_too_small_for_the_list_is_recorded_as_disagreeing(text, label, expansion):
    sense = _sense(text, label)
    assert sense.expansion == expansion
    assert sense.declared_count == 2
    assert sense.count_agrees is False


def test_a_list_the_count_fits_still_agrees():
    sense = _sense("“三张网”具体为:水网、路网和电网。", "三张网")
    assert sense.expansion == ["水网", "路网", "电网"]
    assert sense.count_agrees is True


@pytest.mark.parametrize("text, label, expansion", [
    # every item repeats the counted word (同期) and the words after 和 do not: 和 is inside the last item
    ("落实“三同期”要求,即同期规划、同期建设、同期投入运行和维护。", "三同期", ["同期规划", "同期建设", "同期投入运行和维护"]),
    # the words after 和 carry a counted word of their own (停放): they are an item
    ("推进“两清理一停放”,即清理杂物、清理堆料和停放规范。", "两清理一停放", ["清理杂物", "清理堆料", "停放规范"]),
])
def test_and_joins_items_unless_it_joins_words_inside_the_last_one(text, label, expansion):
    assert _sense(text, label).expansion == expansion


@pytest.mark.parametrize("text", [
    # a head phrase longer than a word between the shorthand and 即
    "构建“三项规范”基层河湖管护体系,即巡查规范、保洁规范和考核规范。",
    # the list quoted whole after 即
    "构建“三项规范”体系,即“巡查规范、保洁规范、考核规范”。",
])
def test_a_definition_after_a_head_phrase_or_quoted_whole_is_split_into_its_items(text):
    sense = _sense(text, "三项规范")
    assert sense.kind == "inline"
    assert sense.expansion == ["巡查规范", "保洁规范", "考核规范"]
    assert sense.count_agrees is True


def test_an_unquoted_counted_set_followed_by_its_members_is_defined_when_the_count_agrees():
    sense = _sense("打造三大共享中心，包括血液检测中心、远程会诊中心和物资配送中心。", "三大共享中心")
    assert sense.kind == "inline"
    assert sense.expansion == ["血液检测中心", "远程会诊中心", "物资配送中心"]
    document = Document(id="c", source="c.txt", sha256="", format="txt", text="打造两大共享中心，包括血液检测中心、远程会诊中心和物资配送中心。")
    assert not [t for t in extract_terms(document, []) if t.kind == "inline"]
