"""Glossary senses on small texts of our own: 名词解释 entries, inline definitions, undefined shorthand."""

from plankg.ingest.facts import Document
from plankg.ingest.glossary import extract_terms, glossary_sections

TEXT = """某县平安建设三年行动方案

一、总体要求
坚持治理、服务、宣传“三位协同”,推进巡查、走访、回访“三访”工作机制。
建立“2+3”联动机制(综治、司法、信访、民政、团委)。全面推行街巡、楼巡、网巡三巡模式。
主要指标实现“两降”:即盗窃案件下降10%,诈骗案件下降8%。
深化“三化”建设,落实“四清两到位”要求,推进“1+6+N”体系,完成“三化”任务。
推进走访、研判、处置“三同步”机制。后文又推进登记、核验、回访“三同步”制度。
落实巡查、走访、回访的“三仿”要求。

附件

名  词  解  释

一、“三访一评”

“三访”指入户走访、电话回访、网上寻访;“一评”指群众满意度评议。

二、六严机制

严查、严管、严控、严防、严打、严惩。

三、“1+2”中心

“1”是指县级指挥中心;“2”是指乡级分中心和村级工作站。
"""


def _terms(text=TEXT):
    document = Document(id="t", source="t.txt", sha256="", format="txt", text=text)
    return extract_terms(document, [])


def _by_label(terms, label, kind=None):
    return [t for t in terms if t.label == label and (kind is None or t.kind == kind)]


def test_section_is_found_from_its_spaced_title_without_headings():
    sections = glossary_sections(TEXT)
    assert len(sections) == 1
    assert TEXT[sections[0].start:sections[0].end].startswith("名  词  解  释")
    assert TEXT[sections[0].start:sections[0].end].rstrip().endswith("村级工作站。")


def test_section_entries_and_their_labelled_parts():
    terms = _terms()
    entry = _by_label(terms, "三访一评", "glossary-section")[0]
    assert entry.expansion == ["三访", "一评"]
    assert entry.declared_count == 4 and entry.count_agrees  # 三访 (3 items) + 一评 (1 item)
    part = [t for t in _by_label(terms, "三访", "glossary-section") if t.parent == entry.id][0]
    assert part.expansion == ["入户走访", "电话回访", "网上寻访"]
    assert part.count_agrees is True
    assert TEXT[part.evidence.start:part.evidence.end].startswith("“三访”指入户走访")


def test_entry_title_loses_its_head_noun_and_plain_lists_split():
    terms = _terms()
    entry = _by_label(terms, "六严", "glossary-section")[0]
    assert entry.expansion == ["严查", "严管", "严控", "严防", "严打", "严惩"]
    assert (entry.declared_count, entry.count_agrees) == (6, True)


def test_formula_entry_flattens_unnamed_parts_and_splits_on_he():
    entry = _by_label(_terms(), "1+2", "glossary-section")[0]
    assert entry.expansion == ["县级指挥中心", "乡级分中心", "村级工作站"]
    assert (entry.declared_count, entry.count_agrees) == (3, True)


def test_inline_list_before_quoted_shorthand_drops_the_lead_verb():
    sense = _by_label(_terms(), "三位协同", "inline")[0]
    assert sense.expansion == ["治理", "服务", "宣传"]
    assert sense.definition == "治理、服务、宣传“三位协同”" or sense.definition.endswith("“三位协同”")


def test_inline_parenthesis_and_ji():
    terms = _terms()
    formula = _by_label(terms, "2+3", "inline")[0]
    assert formula.expansion == ["综治", "司法", "信访", "民政", "团委"]
    assert (formula.declared_count, formula.count_agrees) == (5, True)
    drops = _by_label(terms, "两降", "inline")[0]
    assert drops.expansion == ["盗窃案件下降10%", "诈骗案件下降8%"]


def test_unquoted_count_after_a_list_needs_an_agreeing_count():
    terms = _terms()
    assert _by_label(terms, "三巡模式", "inline")[0].expansion == ["街巡", "楼巡", "网巡"]
    text = "推进街巡、楼巡三巡模式。"  # two items cannot be three
    assert not [t for t in _terms(text) if t.kind == "inline"]


def test_same_label_twice_in_one_plan_keeps_two_senses():
    senses = _by_label(_terms(), "三同步", "inline")
    assert [s.expansion for s in senses] == [["走访", "研判", "处置"], ["登记", "核验", "回访"]]
    assert senses[0].evidence != senses[1].evidence


def test_polysemy_between_section_and_body_is_kept_apart():
    terms = _terms()
    inline = _by_label(terms, "三访", "inline")[0]
    section = _by_label(terms, "三访", "glossary-section")[0]
    assert inline.expansion == ["巡查", "走访", "回访"] and inline.id != section.id


def test_variant_spelling_with_the_same_items_is_an_alt_label():
    terms = _terms()
    variant = _by_label(terms, "三仿", "inline")[0]
    assert "三访" in variant.alt_labels
    assert "三仿" in _by_label(terms, "三访", "inline")[0].alt_labels


def test_undefined_shorthand_once_per_label_at_its_first_use():
    undefined = [t for t in _terms() if t.kind == "undefined"]
    labels = [t.label for t in undefined]
    assert labels.count("三化") == 1 and "四清两到位" in labels and "1+6+N" in labels
    first = [t for t in undefined if t.label == "三化"][0]
    assert TEXT[first.evidence.start:first.evidence.end] == "“三化”"
    assert TEXT.index("“三化”") == first.evidence.start
    assert not {"三访", "三同步", "2+3", "三访一评"} & set(labels)  # defined ones are not undefined
