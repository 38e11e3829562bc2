"""Look-alikes of named systems in reports and work plans: a heading number before a name ((二)物流平台 names 物流平台),
a head word inside a longer name (省级工程技术研究中心 names no 省级工程), an owner label (责任科室：…) and a team
of people (引进科研团队) name no system. Invented text."""

from __future__ import annotations

import pytest

from plankg.ingest.facts import Document
from plankg.ingest.mentions import extract_mentions


def _systems(text: str) -> list[str]:
    document = Document(id="t", source="t.txt", sha256="0", format="txt", text=text)
    return [m.label for m in extract_mentions(document, []) if m.kind == "system"]


@pytest.mark.parametrize("text", ["（二）物流平台提档升级。全年新增入驻企业30家。", "(3)物流平台提档升级。", "2.物流平台提档升级。"])
def test_a_heading_number_is_no_part_of_a_name(text):
    assert _systems(text) == ["物流平台"]


def test_a_head_word_inside_a_longer_name_ends_no_name():
    assert _systems("新认定省级工程技术研究中心5家、县级农业科技示范工程3个。") == ["省级工程技术研究中心", "县级农业科技示范工程"]


@pytest.mark.parametrize("text", ["（责任科室：规划科）", "（责任股室：办公室）", "牵头处室：法规处"])
def test_an_owner_label_is_no_system(text):
    assert _systems(text) == []


def test_a_team_of_people_is_no_system():
    assert _systems("全年引进科研团队8个，组建应急救援队2支。") == ["应急救援队"]
