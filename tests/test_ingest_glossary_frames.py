"""The frame around a definition's items (lead-in, count phrase, title, document number) is not an item, on texts
of our own."""

import pytest

from plankg.ingest.facts import Document
from plankg.ingest.glossary import extract_terms


def _terms(text):
    document = Document(id="f", source="f.txt", sha256="", format="txt", text=text)
    return extract_terms(document, [])


def _defined(text, label):
    found = [t for t in _terms(text) if t.label == label and t.kind != "undefined"]
    assert found, f"no sense of {label} in {text}"
    return found[0]


_SECTION = "名词解释\n1.两站合一：指{}\n2.五员共管：指{}\n"


@pytest.mark.parametrize("definition, expansion", [
    # the count word closes the list; what follows it is frame
    ("社区服务站、警务工作站两类站点之间的资源共享和统一调度。", ["社区服务站", "警务工作站"]),
    # a lead-in 为…提供的 before the first item and the count phrase after the last
    ("为辖区企业提供的政策咨询、融资对接两项专门服务。", ["政策咨询", "融资对接"]),
])
def test_a_count_closed_list_inside_an_entry_is_its_expansion(definition, expansion):
    text = _SECTION.format(definition, "网格员、调解员、信息员、巡防员、宣传员五类人员共同管理。")
    terms = _terms(text)
    entry = next(t for t in terms if t.label == "两站合一")
    assert entry.kind == "glossary-section"
    assert entry.expansion == expansion
    assert entry.count_agrees is True
    # the counted list gives no second sense labelled by the words after its count
    assert [t.label for t in terms if t.kind == "inline"] == []
    assert next(t for t in terms if t.label == "五员共管").expansion == ["网格员", "调解员", "信息员", "巡防员", "宣传员"]


@pytest.mark.parametrize("text, expansion", [
    # split at 、 the whole also gives three items: the clauses, not the 、, make the parts
    ("构建“1+3+N”服务体系，即：建强1个区级服务中心，做优社区、园区、校区3类服务站点，培育N个特色服务品牌。",
     ["建强1个区级服务中心", "做优社区、园区、校区3类服务站点", "培育N个特色服务品牌"]),
    # a clause without a numeral of the formula is not a part
    ("推行“2+N”模式，即：建好2个平台，联动N家机构，全面提升效率。", ["建好2个平台", "联动N家机构"]),
])
def test_the_parts_of_a_formula_are_the_clauses_carrying_its_numerals(text, expansion):
    label = text[text.index("“") + 1:text.index("”")]
    sense = _defined(text, label)
    assert sense.expansion == expansion
    assert sense.count_agrees is True


@pytest.mark.parametrize("text, label", [
    ("本办法所称“互联网+监管”，是指以信息技术支撑监管方式创新、提高监管效能的新机制新手段。", "互联网+监管"),
    ("本意见所称“绿色工厂”，是指实现用地集约化、原料无害化的示范工厂。", "绿色工厂"),
])
def test_a_definition_that_is_one_noun_phrase_has_no_components(text, label):
    assert _defined(text, label).expansion == []


def test_a_plain_list_definition_still_has_components():
    text = "本办法所称“三化服务”，是指标准化服务、便利化服务、智能化服务。"
    assert _defined(text, "三化服务").expansion == ["标准化服务", "便利化服务", "智能化服务"]


def test_a_quoted_term_inside_a_title_defines_nothing():
    text = "依据《青川县农业发展“十五五”专项规划》（青政发〔2025〕12号）和《“三农”工作要点》（青办〔2024〕3号），制定本方案。"
    assert [t for t in _terms(text) if t.kind != "undefined"] == []


def test_a_document_number_in_parentheses_is_no_expansion():
    text = "落实“三零”工作机制（青政办发〔2023〕5号）要求，推进基层治理。"
    assert all(t.expansion == [] for t in _terms(text))


@pytest.mark.parametrize("text, label", [
    ("围绕集成电路、生物医药、新能源汽车三大新兴产业开展精准招商。", "三大新兴产业"),
    ("聚焦智慧交通、智慧安防两大领域推进场景开放。", "两大领域"),
])
def test_an_unquoted_count_shorthand_ends_at_its_head_noun(text, label):
    inline = [t for t in _terms(text) if t.kind == "inline"]
    assert [t.label for t in inline] == [label]


def test_a_run_of_short_verb_phrases_is_no_shorthand():
    labels = [t.label for t in _terms("推动园区项目快审批、快建设、快投用，确保年内见效。") if t.kind == "undefined"]
    assert labels == []


def test_unquoted_abbreviations_that_differ_in_form_are_still_flagged():
    labels = {t.label for t in _terms("严打涉黑涉恶和枪爆毒、偷抢骗等犯罪。") if t.kind == "undefined"}
    assert {"枪爆毒", "偷抢骗"} <= labels


@pytest.mark.parametrize("text, label", [
    ("组织开展“工改商转”专项核查。", "工改商转"),
    ("推进“油改电换”试点。", "油改电换"),
])
def test_a_quoted_pair_of_two_character_abbreviations_is_undefined_shorthand(text, label):
    assert label in [t.label for t in _terms(text) if t.kind == "undefined"]


@pytest.mark.parametrize("text", ["推进“转型升级”工作。", "弘扬“揭榜挂帅”精神。", "实施“腾笼换鸟”工程。"])
def test_an_ordinary_quoted_four_character_phrase_is_not_flagged(text):
    assert [t.label for t in _terms(text) if t.kind == "undefined"] == []


@pytest.mark.parametrize("text, label, expansion", [
    ("深耕文旅、康养、体育三大板块。", "三大板块", ["文旅", "康养", "体育"]),
    ("培育新型储能、氢能两大产业。", "两大产业", ["新型储能", "氢能"]),
])
def test_a_verb_of_growth_before_a_list_leads_into_it(text, label, expansion):
    assert _defined(text, label).expansion == expansion


@pytest.mark.parametrize("text, expansion", [
    ("推行“两站合一”，即社区服务站、警务工作站两类站点之间的资源共享和统一调度。", ["社区服务站", "警务工作站"]),
    ("本办法所称“两站合一”，是指为辖区企业提供的政策咨询、融资对接两项专门服务。", ["政策咨询", "融资对接"]),
])
def test_a_count_closed_list_inside_an_inline_definition_is_its_expansion(text, expansion):
    terms = [t for t in _terms(text) if t.kind != "undefined"]
    assert [(t.label, t.expansion) for t in terms] == [("两站合一", expansion)]


def test_an_entry_that_counts_nothing_is_not_expanded_by_a_counted_list_it_qualifies():
    # the entry names the 失能老人 among the two groups: one noun phrase, no components
    text = "名词解释\n1.困难群体：指低保对象、特困人员两类人员中的失能老人。\n"
    entry = next(t for t in _terms(text) if t.label == "困难群体")
    assert entry.expansion == []
