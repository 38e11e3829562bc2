"""A quoted numeral shorthand followed, in its sentence, by the list it abbreviates (“三防并举”，以人防、物防、技防为
基础): the list is its inline expansion only when the count agrees and every item holds the shorthand's head
character; on texts of our own wording."""

import pytest

from plankg.ingest.facts import Document
from plankg.ingest.glossary import extract_terms


def _senses(text):
    document = Document(id="l", source="l.txt", sha256="", format="txt", text=text)
    return extract_terms(document, [])


def _kinds(text, label):
    return [(s.kind, s.expansion, s.count_agrees) for s in _senses(text) if s.label == label]


@pytest.mark.parametrize("text, label, expansion", [
    ("落实“三防并举”，以人防、物防、技防为基础，守住安全底线。", "三防并举", ["人防", "物防", "技防"]),
    ("深化“五育并举”，坚持德育、智育、体育、美育和劳育协调发展。", "五育并举", ["德育", "智育", "体育", "美育", "劳育"]),
    ("推行“两化协同”，推动标准化、数字化深度融合。", "两化协同", ["标准化", "数字化"]),
])
def test_a_list_after_the_shorthand_sharing_its_head_character_expands_it(text, label, expansion):
    assert _kinds(text, label) == [("inline", expansion, True)]


def test_the_evidence_runs_from_the_shorthand_to_the_end_of_its_list():
    text = "落实“三防并举”，以人防、物防、技防为基础，守住安全底线。"
    sense = next(s for s in _senses(text) if s.label == "三防并举")
    assert text[sense.evidence.start:sense.evidence.end] == "“三防并举”，以人防、物防、技防为基础"


@pytest.mark.parametrize("text, label", [
    # the count disagrees: four items for 三
    ("落实“三防并举”，以人防、物防、技防、心防为基础。", "三防并举"),
    # the items do not share the head character 防
    ("落实“三防并举”，加强巡逻、值守、检查等工作。", "三防并举"),
    # the list is in the next sentence, not the shorthand's
    ("落实“三防并举”。以人防、物防、技防为基础。", "三防并举"),
    # the list is too far: two clauses stand between
    ("落实“三防并举”，压实属地责任，强化督导检查，统筹人防、物防、技防。", "三防并举"),
])
def test_a_list_that_does_not_fit_leaves_the_shorthand_undefined(text, label):
    assert [kind for kind, *_ in _kinds(text, label)] == ["undefined"]
