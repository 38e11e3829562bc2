"""A system name never starts at a date or runs over a verb of reporting, and an organ's office is no system.
Invented text."""

import pytest

from plankg.ingest.facts import Document
from plankg.ingest.mentions import extract_mentions


def _systems(text: str) -> list[str]:
    document = Document(id="t", source="t.txt", sha256="0", format="txt", text=text)
    return [m.label for m in extract_mentions(document, []) if m.kind == "system"]


@pytest.mark.parametrize("text, label", [
    ("各镇于9月底前报送区防汛调度中心。", "区防汛调度中心"),
    ("监测数据按月上报省水质监测平台。", "省水质监测平台"),
    ("2025年6月底前建成市政务数据中心。", "市政务数据中心"),
])
def test_a_name_starts_after_a_date_or_a_reporting_verb(text, label):
    assert _systems(text) == [label]


def test_an_organ_s_office_is_no_system_but_a_service_room_is():
    assert _systems("工作进展情况报送县政府督查室，11月10日前报县政府办公室。") == []
    assert _systems("在各村设立调解工作室和社区警务室。") == ["调解工作室", "社区警务室"]
