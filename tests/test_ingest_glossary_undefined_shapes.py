"""Undefined shorthand shapes from blind round 7, on texts of our own: two quoted 融合 shorthands side by side are
two candidates; unquoted verb-object phrases sharing their modifier (保大堤、排大涝、救大灾) are no abbreviations."""

from plankg.ingest.facts import Document
from plankg.ingest.glossary import extract_terms
from plankg.ingest.outline import extract_outline


def undefined(text):
    document = Document(id="d", source="d.txt", sha256="", format="txt", text=text)
    return [s.label for s in extract_terms(document, extract_outline(document)) if s.kind == "undefined"]


def test_two_merged_fields_quoted_side_by_side_are_each_undefined_shorthand():
    assert undefined("“农旅融合”“林草融合”机制尚不完善。") == ["农旅融合", "林草融合"]
    assert undefined("推进“的确融合”工作。") == []  # a function word is no field


def test_parallel_phrases_with_one_modifier_are_no_abbreviations():
    assert undefined("汛期立足保大堤、排大涝、救大灾，做好准备。") == []
    assert undefined("重点整治：盗抢骗、黄赌毒、食药环等犯罪。") == ["盗抢骗", "黄赌毒", "食药环"]  # abbreviations still are
