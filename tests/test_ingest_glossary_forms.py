"""Glossary forms that broke on unseen plans, each on a text of our own: numbered section titles, definitions
after a head noun and 即, lead-in words, shared tails, described (not enumerated) terms, quoted lists."""

import pytest

from plankg.ingest.facts import Document
from plankg.ingest.glossary import extract_terms, glossary_sections


def _terms(text):
    return extract_terms(Document(id="f", source="f.txt", sha256="", format="txt", text=text), [])


def _sense(text, label, kind=None):
    found = [t for t in _terms(text) if t.label == label and t.kind != "undefined" and kind in (None, t.kind)]
    assert found, f"no sense of {label}: {[(t.label, t.kind) for t in _terms(text)]}"
    return found[0]


PLAN = """某市“十四五”水利发展规划

四、保障措施
加强组织领导，落实“三个一”工作要求。

五、名词解释

1.“两个清单”：是指问题清单和责任清单。

2.“四个到位”是指人员、经费、设备、制度的到位。

3.“海绵城市”：是指通过加强城市规划建设管理，充分发挥建筑、道路和绿地、水系等生态系统对雨水的吸纳、蓄渗和缓释作用的城市发展方式。

六、附则
本规划由市水利局负责解释。
"""


@pytest.mark.parametrize("title", ["五、名词解释", "（三）有关名词解释", "第八章 名词解释", "3.术语解释", "名词释义：", "释义"])
def test_a_section_title_may_carry_a_heading_number(title):
    text = f"正文。\n{title}\n1.“两清单”：指问题清单和责任清单。\n"
    sections = glossary_sections(text)
    assert len(sections) == 1 and text[sections[0].start:].startswith(title)


@pytest.mark.parametrize("line", ["五、名词解释说明会议纪要", "名词解释工作由市水利局负责。"])
def test_a_line_that_only_mentions_the_title_is_no_section(line):
    assert glossary_sections(f"正文。\n{line}\n1.“两清单”：指问题清单和责任清单。\n") == []


def test_a_numbered_section_ends_at_the_next_heading_of_its_style():
    section = glossary_sections(PLAN)[0]
    assert PLAN[section.start:section.end].startswith("五、名词解释")
    assert PLAN[section.start:section.end].endswith("城市发展方式。")
    assert not [t for t in _terms(PLAN) if t.kind == "glossary-section" and "附则" in (t.definition or "")]


def test_entries_under_a_numbered_title_are_section_senses_without_their_definer():
    terms = _terms(PLAN)
    lists = _sense(PLAN, "两个清单", "glossary-section")
    assert lists.expansion == ["问题清单", "责任清单"] and lists.count_agrees is True
    assert not [t for t in terms if t.label == "两个清单" and t.kind == "inline"]


def test_the_head_of_the_label_after_the_last_item_belongs_to_the_whole_list():
    sense = _sense(PLAN, "四个到位", "glossary-section")
    assert sense.expansion == ["人员", "经费", "设备", "制度"] and sense.count_agrees is True
    text = "落实“五个全覆盖”，即河长制、巡查、监测、执法、公开的全覆盖。"
    assert _sense(text, "五个全覆盖").expansion == ["河长制", "巡查", "监测", "执法", "公开"]
    text = "建设“四大基地”，即育苗基地、加工基地、物流基地、研发基地。"  # every item has the head: it stays
    assert _sense(text, "四大基地").expansion == ["育苗基地", "加工基地", "物流基地", "研发基地"]


def test_a_term_without_a_count_defined_by_a_description_has_no_expansion():
    sense = _sense(PLAN, "海绵城市", "glossary-section")
    assert sense.expansion == [] and sense.declared_count is None
    assert sense.definition.startswith("通过加强城市规划建设管理")


def test_a_term_without_a_count_defined_by_a_bare_list_keeps_it():
    text = "名词解释\n1.“放管服”：是指简政放权、放管结合、优化服务。\n"
    assert _sense(text, "放管服").expansion == ["简政放权", "放管结合", "优化服务"]


@pytest.mark.parametrize("text, label, expansion", [
    ("落实校园食品“三个100%”要求，即陪餐率、留样率、公示率均达到100%。", "三个100%", ["陪餐率", "留样率", "公示率"]),
    ("实施“一减两增”改造，即减少弯道、增设护栏和增设警示桩。", "一减两增", ["减少弯道", "增设护栏", "增设警示桩"]),
    ("注：“一网通办”指线上办理、线下办理。", "一网通办", ["线上办理", "线下办理"]),
])
def test_definitions_after_a_head_noun_and_ji_or_a_bare_zhi(text, label, expansion):
    sense = _sense(text, label, "inline")
    assert sense.expansion == expansion
    assert not [t for t in _terms(text) if t.label == label and t.kind == "undefined"]


def test_ji_that_opens_another_word_defines_nothing():
    assert not [t for t in _terms("落实“双随机”要求，即日起全面执行。") if t.kind == "inline"]


@pytest.mark.parametrize("text, label, expansion", [
    ("依托市中心医院建设急救、创伤、卒中“三大中心”。", "三大中心", ["急救", "创伤", "卒中"]),
    ("集团内实行人员、资金、物资“三统一”管理。", "三统一", ["人员", "资金", "物资"]),
])
def test_words_that_lead_into_the_list_leave_its_first_item(text, label, expansion):
    sense = _sense(text, label, "inline")
    assert sense.expansion == expansion and sense.count_agrees is True


def test_items_of_a_quoted_list_are_flagged_whole():
    undefined = [t.label for t in _terms("落实食堂“一餐一消毒、一周一大扫”制度。") if t.kind == "undefined"]
    assert undefined == ["一餐一消毒", "一周一大扫"]


def test_five_year_plans_are_periods_not_undefined_shorthand():
    assert not [t for t in _terms("总结“十三五”成效，谋划“十四五”发展。") if t.kind == "undefined"]


@pytest.mark.parametrize("table", [
    "名词\t解释\n“两清单”\t问题清单、责任清单。\n三到位\t人员、经费、设备到位。\n",  # tab-separated rows
    "| 序号 | 名词 | 解释 |\n| 1 | “两清单” | 问题清单、责任清单。 |\n| 2 | 三到位 | 人员、经费、设备到位。 |\n",
    "序号\n术语\n含义\n1\n“两清单”\n问题清单、责任清单。\n2\n三到位\n人员、经费、设备到位。\n",  # one cell per line
])
def test_a_glossary_table_without_a_title_is_a_section(table):
    text = f"一、附则\n本方案自印发之日起施行。\n{table}"
    terms = [t for t in _terms(text) if t.kind == "glossary-section"]
    assert [(t.label, t.expansion) for t in terms] == [("两清单", ["问题清单", "责任清单"]), ("三到位", ["人员", "经费", "设备"])]
    assert text[terms[0].evidence.start:terms[0].evidence.end] == "问题清单、责任清单。"  # the cell as printed


def test_a_glossary_table_ends_at_the_first_row_that_does_not_fit():
    text = "名词解释\n序号\n名词\n解释\n1\n两清单\n问题清单、责任清单。\n六、保障措施\n加强组织领导。\n"
    section = glossary_sections(text)[0]
    assert text[section.start:section.end].endswith("责任清单。")
