"""Definition shapes blind round 3 found missing, each on a text of our own: notes under a table (注:1.X,是指…),
a category's members (X主要包括:…), a quoted term's 具体为/包括, a formula explained part by part later in its
sentence, an alias for adjacent quoted items, and a heading's number before a quoted shorthand."""

import pytest

from plankg.ingest.facts import Document
from plankg.ingest.glossary import extract_terms


def terms(text):
    return extract_terms(Document(id="f", source="f.txt", sha256="", format="txt", text=text), [])


def defined(text):
    return [(t.label, t.kind, t.expansion, t.declared_count, t.count_agrees) for t in terms(text) if t.kind != "undefined"]


def test_numbered_notes_define_unquoted_terms_with_or_without_a_comma():
    text = ("注：1.[ ]内为五年累计数。2.人均耕地保有量，是指耕地面积与常住人口之比。3.高标准农田是指集中连片、"
            "旱涝保收的耕地。\n")
    assert [(label, kind) for label, kind, *_ in defined(text)] == [("人均耕地保有量", "inline"), ("高标准农田", "inline")]


def test_a_note_that_describes_a_term_gives_no_expansion():
    assert defined("注：1.零碳园区，是指通过节能减排和碳汇抵消实现碳排放净零的产业园区。") == [
        ("零碳园区", "inline", [], None, None)]


def test_a_category_lists_its_members_after_mainly_including():
    text = "二、重点帮扶。困难老年人主要包括：特困老人、低保老人、失能老人。对困难老年人实行分类帮扶。"
    assert defined(text) == [("困难老年人", "inline", ["特困老人", "低保老人", "失能老人"], None, None)]


@pytest.mark.parametrize("text", [
    "建设内容主要包括：道路硬化、路灯安装、绿化提升。",  # a list of work, not what a term means
    "工作重点是指导企业开展自查。",  # 是指导 is 是 + 指导
])
def test_lists_of_work_and_look_alikes_define_nothing(text):
    assert defined(text) == []


def test_a_quoted_term_explained_by_ju_ti_wei_after_its_head_noun():
    text = "（五）开展“数字赋能”行动。“数字赋能”行动具体为：推广工业互联网、建设智能车间、培育数字服务商。"
    assert ("数字赋能", "inline", ["推广工业互联网", "建设智能车间", "培育数字服务商"], None, None) in defined(text)


def test_a_formula_explained_part_by_part_later_in_its_sentence():
    text = "构建“1+N+X”养老服务网络，其中，“1”是指1个县级养老服务中心，“N”是指N个乡镇养老服务站，“X”是指X个村级互助点。"
    assert defined(text) == [
        ("1+N+X", "inline", ["1个县级养老服务中心", "N个乡镇养老服务站", "X个村级互助点"], 3, True)]


def test_a_formula_whose_parts_are_not_all_explained_is_not_defined_by_them():
    text = "构建“1+N+X”养老服务网络，其中，“1”是指1个县级养老服务中心。"
    assert [label for label, *_ in defined(text)] == []


def test_an_alias_for_adjacent_quoted_items_expands_to_them():
    text = "推行“林长+警长”“林长+检察长”联动机制（以下简称“两长联动”）。"
    assert defined(text) == [("两长联动", "inline", ["林长+警长", "林长+检察长"], 2, True)]


def test_the_number_of_a_heading_is_no_item_of_a_list_before_a_shorthand():
    text = "三、落实“两个清单”。编制公布权力清单和责任清单（以下简称“两个清单”）。"
    assert defined(text) == [("两个清单", "inline", ["权力清单", "责任清单"], 2, True)]


def test_a_note_with_a_colon_and_a_bare_zhi():
    text = "①一网通办：指企业和群众办事只需登录一个网上平台即可办理全部事项。\n工作目标：指导各地开展试点。"
    assert [label for label, *_ in defined(text)] == ["一网通办"]
