"""A list followed by an unquoted count of centres (甲、乙、丙三大服务中心): the shorthand keeps its head 中心, and a
building verb before the list (建设, 新建, 组建) is no part of the first item. Texts of our own wording."""

import pytest

from plankg.ingest.facts import Document
from plankg.ingest.glossary import extract_terms


def _senses(text):
    document = Document(id="c", source="c.txt", sha256="", format="txt", text=text)
    return [(s.label, s.kind, s.expansion) for s in extract_terms(document, [])]


@pytest.mark.parametrize("text, label, expansion", [
    ("年内建设烧伤、骨伤、眼科三大诊疗中心，提升县级医院服务能力。", "三大诊疗中心", ["烧伤", "骨伤", "眼科"]),
    ("新建物流、冷链、快递三个分拨中心。", "三个分拨中心", ["物流", "冷链", "快递"]),
])
def test_a_counted_set_of_centres_keeps_its_head_and_drops_the_building_verb(text, label, expansion):
    assert (label, "inline", expansion) in _senses(text)


def test_zhong_still_ends_a_name_where_it_is_no_part_of_a_centre():
    labels = [label for label, _, _ in _senses("推动甲、乙、丙三大产业中高端发展。")]
    assert "三大产业中高端" not in labels
