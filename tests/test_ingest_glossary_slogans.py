"""A slogan (a list of short subject + predicate clauses) is no shorthand: neither it nor its items are flagged
undefined, and so they get no term mentions; counted items and abbreviations in a list still are."""

from __future__ import annotations

import pytest

from plankg.ingest.facts import Document
from plankg.ingest.glossary import _is_slogan, extract_terms
from plankg.ingest.mentions import extract_mentions


def undefined(text: str) -> list[str]:
    document = Document(id="t", source="t.txt", sha256="", format="txt", text=text)
    return [sense.label for sense in extract_terms(document, []) if sense.kind == "undefined"]


@pytest.mark.parametrize("text", [
    "推动力量下沉，形成“街道强、社区活、网格实”的工作格局。",  # subject + a quality
    "坚持“小事不出组、大事不出社区、矛盾不出街道”，就地化解纠纷。",  # subject + a negated verb
    "努力实现“天更蓝、水更清、地更净”。",  # subject + degree adverb + quality
    "推行“数据多跑路、群众少跑腿”。",  # more or less of an action
    "做到“有诉必应、有难必帮”。",  # a modal and its verb
    "坚持“警力向下、资源向下”，做强基层。",  # a direction
    "坚持“城区强，镇街活，村居实”的思路。",  # clauses apart by ，
])
def test_a_quoted_slogan_is_not_flagged_whole_or_item_by_item(text: str) -> None:
    assert undefined(text) == []


def test_an_unquoted_slogan_is_not_a_list_of_abbreviations() -> None:
    assert undefined("形成街道强、社区活、网格实，打造基层治理样板。") == []


def test_a_slogan_gives_no_term_mentions() -> None:
    text = "形成“街道强、社区活、网格实”的格局，巩固“街道强、社区活、网格实”成果。"
    document = Document(id="t", source="t.txt", sha256="", format="txt", text=text)
    assert [m for m in extract_mentions(document, extract_terms(document, [])) if m.kind == "term"] == []


@pytest.mark.parametrize("text, flagged", [
    ("严打“盗抢骗、黄赌毒”等违法犯罪。", ["盗抢骗", "黄赌毒"]),  # abbreviations, no predicate
    ("落实“双随机、一公开”监管。", ["双随机、一公开"]),  # numeral items that count together
    ("确保“门前三包、路面两清”落实到位。", ["门前三包", "路面两清"]),  # a counted item is shorthand of its own
])
def test_shorthand_in_a_list_is_still_flagged(text: str, flagged: list[str]) -> None:
    assert undefined(text) == flagged


@pytest.mark.parametrize("items, slogan", [
    (["街道强", "社区活"], True),
    (["小事不出组", "大事不出社区"], True),
    (["街道强"], False),  # one clause is no list
    (["盗抢骗", "黄赌毒"], False),
    (["三不出门", "两不见面"], False),  # numerals: counted shorthand
    (["无诈", "无访"], False),  # no subject, two characters
    (["街道强", "黄赌毒"], False),  # every item must be a clause
])
def test_what_makes_a_slogan(items: list[str], slogan: bool) -> None:
    assert _is_slogan(items) is slogan
