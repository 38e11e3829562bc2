"""Named systems whose words are interrupted or led in: a name never spans a closing parenthesis (the list in the
brackets ends the text before the head), and never starts with a preposition or verb of manner (按照, 根据…).
Invented text."""

from __future__ import annotations

import pytest

from plankg.ingest.facts import Document
from plankg.ingest.mentions import extract_mentions


def _systems(text: str) -> list[str]:
    document = Document(id="t", source="t.txt", sha256="0", format="txt", text=text)
    return [m.label for m in extract_mentions(document, []) if m.kind == "system"]


def test_a_name_never_spans_a_closing_parenthesis():
    labels = _systems("落实“两站联动”（警务站、调解工作室）机制。")
    assert not any(")" in label or "）" in label for label in labels)


@pytest.mark.parametrize("text, label", [
    ("按照“双随机”抽查机制开展检查。", "双随机抽查机制"),
    ("根据应急调度平台数据研判。", "应急调度平台"),
    ("依照联合惩戒机制处置。", "联合惩戒机制"),
])
def test_a_name_never_starts_with_a_preposition(text, label):
    assert _systems(text) == [label]
