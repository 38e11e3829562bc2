"""Named systems whose name holds a verb that names an activity (…建设项目…系统), and generic names that name no
particular system (重点工程), on texts of our own."""

import pytest

from plankg.ingest.facts import Document
from plankg.ingest.mentions import extract_mentions


def systems(text):
    document = Document(id="n", source="n.txt", sha256="", format="txt", text=text)
    return [m.label for m in extract_mentions(document, []) if m.kind == "system"]


@pytest.mark.parametrize("text, label", [
    # a noun, the verb, a noun: the verb is a word of the name when another verb leads into it
    ("加快推进水利建设项目监管服务系统升级。", "水利建设项目监管服务系统"),
    ("健全交通执行协同机制。", "交通执行协同机制"),
    ("依托林业改造项目调度平台开展巡查。", "林业改造项目调度平台"),
    ("建设青少年成长指导服务中心。", "青少年成长指导服务中心"),
    # two activity verbs in a row: both stay
    ("完善旅游开发建设信息平台。", "旅游开发建设信息平台"),
])
def test_a_verb_between_two_nouns_inside_a_name_stays_in_it(text, label):
    assert systems(text) == [label]


@pytest.mark.parametrize("text, label", [
    # an organ, a place or a time before the verb is its subject or setting, not part of the name
    ("区水务局建设雨情监测中心。", "雨情监测中心"),
    ("推动各街道建设邻里服务中心。", "邻里服务中心"),
    ("在每个乡镇建设便民服务中心。", "便民服务中心"),
    ("到2026年建设农机调度平台。", "农机调度平台"),
    ("依托应急指挥中心建设防汛会商平台。", "防汛会商平台"),
    # the verb opens the sentence or follows an adverb: nothing before it belongs to the name
    ("大力建设数字乡村服务平台。", "数字乡村服务平台"),
    # a quoted name after the verb is the name itself
    ("实施养老设施改造“双达标”工程。", "双达标工程"),
])
def test_a_verb_after_a_subject_or_before_a_quoted_name_still_ends_the_name(text, label):
    assert systems(text)[-1] == label


@pytest.mark.parametrize("text", [
    "实施一批重点工程和重大工程。",
    "加快建设重点工程。",
    "整合各类平台和相关系统。",
])
def test_a_head_after_a_word_that_ranks_or_sorts_is_no_system(text):
    assert systems(text) == []


def test_a_box_title_ending_in_a_generic_name_is_named_whole():
    text = "专栏5 应急救援能力建设重点工程\n建设区级救援物资储备中心。"
    assert systems(text) == ["应急救援能力建设重点工程", "区级救援物资储备中心"]


@pytest.mark.parametrize("text, label", [
    # after 、 the noun before the verb is another object of the list, not a subject
    ("完善渔业信息平台、港口建设项目调度系统。", "港口建设项目调度系统"),
    # a name alone on its line is a title: the noun before the verb belongs to it
    ("专栏2 物流枢纽能力提升工程\n建设冷链物流平台。", "物流枢纽能力提升工程"),
    ("序号\n项目名称\n1\n山地果业升级工程\n新建果园。", "山地果业升级工程"),
    ("二、重点项目\n2.村级河道巡护能力提升工程。\n", "村级河道巡护能力提升工程"),
    # 在 in 在线 is no function word
    ("建设全市农资在线交易平台。", "农资在线交易平台"),
    # 以下简称 ends the name before the short form
    ("建设森林防火监测平台(以下简称防火平台)。", "防火平台"),
    # 包括 leads into a list of names
    ("打造三大共享中心，包括血液检测中心、远程会诊中心和物资配送中心。", "血液检测中心"),
])
def test_names_led_in_by_a_list_a_line_or_a_short_form(text, label):
    assert label in systems(text)


@pytest.mark.parametrize("text, labels", [
    # in running text a noun, then the verb right before the head, is no name of its own (依照县级|指导中心)
    ("深化改革。依照县级指导中心、镇级服务站的布局推进。", ["镇级服务站"]),
    ("着力提升工程质量。", []),
])
def test_a_verb_right_before_the_head_in_running_text_names_nothing(text, labels):
    assert systems(text) == labels


@pytest.mark.parametrize("text, label", [
    ("每个街道组建一支义务巡河队。", "义务巡河队"),
    ("新建两个片区污水处理中心。", "片区污水处理中心"),
])
def test_a_count_in_chinese_numerals_ends_the_name(text, label):
    assert systems(text) == [label]
