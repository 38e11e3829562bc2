"""The corpus-level pass: a plan's mentions of labels that other plans define, quote or name as a system."""

from __future__ import annotations

from plankg.ingest.crossdoc import DocumentLabels, Found, cross_document_mentions, known_labels
from plankg.ingest.facts import Span


def doc(name: str, text: str, *found: Found) -> DocumentLabels:
    return DocumentLabels(name, text, list(found))


def at(text: str, part: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span(start, start + len(part))


def found_in(result, name: str) -> list[tuple[str, str, str]]:
    """(label, kind, text at the span) of the mentions the pass gives ``name``."""
    texts = {d.doc: d.text for d in DOCS}
    return [(m.label, m.kind, m.span.text(texts[name])) for m in result[name]]


DOCS: list[DocumentLabels] = []


def run(*docs: DocumentLabels):
    DOCS[:] = docs
    return cross_document_mentions(list(docs))


def test_a_name_quoted_in_one_plan_is_found_unquoted_in_another_with_its_span():
    a = doc("a", "深入推进“雪亮工程”建设。", Found("雪亮工程", "term", span=Span(5, 9)))
    b = doc("b", "全面完成雪亮工程二期。雪亮工程")
    result = run(a, b)
    assert found_in(result, "b") == [("雪亮工程", "term", "雪亮工程")] * 2
    assert [m.span for m in result["b"]] == [Span(4, 8), Span(11, 15)]
    assert result["b"][0].sentence == Span(0, 11)
    assert result["a"] == []  # a's own mentions are its extractor's


def test_a_defined_label_is_matched_without_its_quotes_and_mapped_back_to_the_original_text():
    a = doc("a", "“1+5”中心即一个中心五个平台。", Found("1+5中心", "term", defined=True))
    b = doc("b", "依托 “１＋５”中心 开展工作。")
    assert found_in(run(a, b), "b") == [("1+5中心", "term", "１＋５”中心")]


def test_a_longer_known_label_wins_over_a_shorter_one_inside_it():
    a = doc("a", "建设“反诈骗中心”。", Found("反诈骗中心", "system", span=Span(3, 8), system_kind="中心"))
    c = doc("c", "“反诈”宣传。")
    d = doc("d", "“反诈”进社区。")
    b = doc("b", "依托反诈骗中心推进反诈工作。")
    assert found_in(run(a, b, c, d), "b") == [("反诈骗中心", "system", "反诈骗中心"), ("反诈", "term", "反诈")]


def test_two_characters_count_only_when_defined_or_quoted_by_two_plans():
    quoted_once = run(doc("a", "加强“预警”工作。"), doc("b", "完善预警机制。"))
    assert quoted_once["b"] == []
    quoted_twice = run(doc("a", "“智安”小区。"), doc("c", "“智安”系列。"), doc("b", "推进智安建设。"))
    assert found_in(quoted_twice, "b") == [("智安", "term", "智安")]
    # a two-character name is the pass's own find, so the quoting plans get its unquoted uses too
    assert found_in(run(doc("a", "“智安”小区，智安校园。"), doc("c", "“智安”系列。")), "a") == [("智安", "term", "智安")] * 2
    defined = run(doc("a", "义警即义务巡逻队员。", Found("义警", "term", defined=True)), doc("b", "发展义警队伍。"))
    assert found_in(defined, "b") == [("义警", "term", "义警")]


def test_an_unquoted_system_name_counts_from_three_characters_and_stays_a_system():
    a = doc("a", "建设执法办案管理中心。", Found("执法办案管理中心", "system", span=Span(2, 10), system_kind="中心"))
    b = doc("b", "依托执法办案管理中心规范执法。")
    [mention] = run(a, b)["b"]
    assert (mention.label, mention.kind, mention.system_kind) == ("执法办案管理中心", "system", "中心")
    assert "执法办案管理中心" in known_labels([a])


def test_a_count_is_no_shorthand_unless_quoted_where_it_stands():
    a = doc("a", "“三级”指县、乡、村三级。", Found("三级", "term", defined=True))
    assert run(a, doc("b", "市、县、乡三级联动。"))["b"] == []
    assert found_in(run(a, doc("b", "形成“三级”体系。")), "b") == [("三级", "term", "三级")]


def test_a_label_inside_a_longer_number_is_not_found():
    a = doc("a", "“三联”指联排、联劝、联管。", Found("三联", "term", defined=True))
    assert run(a, doc("b", "第十三联络组。"))["b"] == []
    b = doc("b", "“123”机制。", Found("123", "term", defined=True))
    assert run(b, doc("c", "编号1234。"))["c"] == []


def test_the_plans_own_mentions_and_labels_are_left_to_its_extractor():
    a = doc("a", "“雪亮工程”建设。", Found("雪亮工程", "term", span=Span(1, 5)))
    covered = doc("b", "建设雪亮工程指挥中心。", Found("雪亮工程指挥中心", "system", span=Span(2, 10)))
    assert run(a, covered)["b"] == []
    crossing = doc("b", "推进雪亮工程建设。", Found("工程建设", "term", span=Span(4, 8)))
    assert run(a, crossing)["b"] == []
    own = doc("b", "雪亮工程。雪亮工程", Found("雪亮工程", "term", span=Span(0, 4)))
    assert run(a, own)["b"] == []
    inside = doc("b", "推进雪亮工程。", Found("雪亮", "agency", span=Span(2, 4)))
    assert found_in(run(a, inside), "b") == [("雪亮工程", "term", "雪亮工程")]  # the name is longer than the own one


def test_a_short_name_quoted_in_a_paragraph_two_plans_copied_is_not_quoted_independently():
    copied = "各地要做好“预警”工作。"
    result = run(doc("a", copied), doc("c", "通知:" + copied), doc("b", "完善预警机制。"))
    assert result["b"] == []


def test_a_quoted_enumeration_is_a_named_principle_found_quoted_or_not_in_every_plan():
    a = doc("a", "按照“统一规划、分级负责、共建共享”的原则推进。")
    b = doc("b", "坚持统一规划、分级负责、共建共享，加快建设。")
    result = run(a, b)
    assert found_in(result, "a") == [("统一规划、分级负责、共建共享", "term", "统一规划、分级负责、共建共享")]
    assert found_in(result, "b") == [("统一规划、分级负责、共建共享", "term", "统一规划、分级负责、共建共享")]


def test_a_quoted_pair_of_qualities_is_no_principle():
    a = doc("a", "打造“安全、高效”的服务体系。")
    b = doc("b", "提供安全、高效服务。")
    assert run(a, b) == {"a": [], "b": []}
