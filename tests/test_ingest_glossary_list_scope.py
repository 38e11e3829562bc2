"""An alias declared for a list (以下简称) takes the list without its lead verb and without the place that scopes
every item (blind round 8): 建成全县A、B和C（以下简称“…”） expands to A, B, C; a single name keeps its place."""

from plankg.ingest.facts import Document
from plankg.ingest.glossary import extract_terms
from plankg.ingest.outline import extract_outline


def senses(text):
    document = Document(id="d", source="d.txt", sha256="", format="txt", text=text)
    return {s.label: s for s in extract_terms(document, extract_outline(document))}


def test_a_built_lists_verb_and_scope_are_no_part_of_its_first_item():
    found = senses("（一）夯实数据底座。建成全县户籍信息库、企业信息库和地理信息一张图（以下简称“两库一图”），供各部门调用。")
    assert found["两库一图"].expansion == ["户籍信息库", "企业信息库", "地理信息一张图"]
    assert found["两库一图"].definition == "户籍信息库、企业信息库和地理信息一张图"


def test_a_single_name_keeps_its_place():
    assert senses("打造全区数字底座（以下简称“底座”）。")["底座"].definition == "全区数字底座"
