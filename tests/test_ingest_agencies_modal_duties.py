"""Round 6 agency shapes: an organ's …室 offices, duties stated as X要 + work, members who are persons, names not
cut, facilities that are built. Invented text."""

from __future__ import annotations

import pytest

from plankg.ingest.agencies import extract_agencies, find_agencies, is_agency
from plankg.ingest.facts import Document, PlanMeta

COUNTY = PlanMeta(title="青杉县2025年重点工作任务分工方案", issuer="青杉县人民政府", kind="分工方案",
                  period_start=2025, period_end=2025)


def _extract(text: str):
    document = Document(id="t", source="t.txt", sha256="0", format="txt", text=text)
    return extract_agencies(document, [], [], COUNTY)


def _duties(text: str) -> list[tuple[str, str, str]]:
    return [(d.agency.printed, d.pattern, d.text) for d in _extract(text)[1]]


def test_an_office_of_a_government_named_by_its_work_is_an_organ():
    assert is_agency("县政府督查室")
    assert is_agency("市人民政府研究室")
    assert not is_agency("县政府会议室")  # a room, no organ
    assert _duties("县政府督查室负责跟踪督办重点任务。") == [("县政府督查室", "X负责", "跟踪督办重点任务")]


@pytest.mark.parametrize("text, holder, work", [
    ("各乡镇人民政府要把河湖管护纳入年度考核。", "各乡镇人民政府", "把河湖管护纳入年度考核"),
    ("各县（市、区）要结合实际制定配套措施。", "各县（市、区）", "结合实际制定配套措施"),
    ("县农业农村局要切实加强技术指导。", "县农业农村局", "加强技术指导"),
])
def test_an_organ_or_a_collective_with_a_modal_and_its_work_states_a_duty(text, holder, work):
    assert _duties(text) == [(holder, "X要", work)]


@pytest.mark.parametrize("text", [
    "县财政局要求各乡镇上报数据。",  # 要求: it asks others
    "牵头单位要定期报送进展。",  # a role, no organ named
    "各牵头领导要亲自部署。",  # persons
])
def test_a_modal_after_no_organ_or_in_another_word_states_no_duty(text):
    assert _duties(text) == []


def test_a_bare_collective_of_jurisdictions_is_marked_collective():
    (duty,) = _extract("各县区要抓好督促落实。")[1]
    assert duty.agency.collective


def test_members_who_are_persons_of_a_collective_give_no_member_and_no_cut_name():
    mentions, _ = _extract("成立县乡村振兴工作领导小组，县长任组长，县有关部门主要负责同志为成员。")
    assert [ref.printed for ref in mentions if ref.role == "member"] == []
    assert not any(ref.printed.endswith("有关部") for ref in mentions)


def test_agency_mentions_keep_their_whole_names():
    mentions, _ = _extract("推动青杉高新区管委会和白沙经济开发区管委会对接，县安委会各成员单位配合，县委网信办指导。")
    assert [ref.printed for ref in mentions] == ["青杉高新区管委会", "白沙经济开发区管委会", "县安委会", "县委网信办"]


def test_a_centre_that_is_built_is_a_facility_not_an_organ():
    text = "建成村级综合服务中心30个，新建县级冷链物流中心，县民政中心负责运营。"
    assert [text[s:e] for s, e in find_agencies(text, COUNTY)] == ["县民政中心"]
