"""Unnumbered items opened by a bullet glyph (★ group, ● item, ■ sub-item), 一要…二要… run-ins, and owners named
after a list that belong to the item holding it. Invented text."""

from __future__ import annotations

from plankg.ingest.facts import Document
from plankg.ingest.metadata import extract_plan_meta
from plankg.ingest.outline import extract_outline
from plankg.ingest.tasks import extract_tasks

POINTS = (
    "青柳县统计局2026年工作要点\n"
    "　　全年工作一要抓质量；二要抓服务；三要抓队伍。\n"
    "★夯实统计基础，提高数据质量\n"
    "　　●开展经济普查。一要摸清单位底数；二要6月底前完成登记；三要做好数据审核。（责任股室：普查中心）\n"
    "　　●规范统计执法。全年开展执法检查20次。（责任股室：法规股）\n"
    "★优化统计服务\n"
    "　　●完善数据发布制度。\n"
    "　　■编制发布日历，3月底前完成。\n"
    "　　■每季度召开一次新闻发布会。\n"
    "　　（责任股室：综合股）\n"
)


def _read(text: str):
    document = Document(id="t", source="t.txt", sha256="0", format="txt", text=text)
    plan = extract_plan_meta(document)
    headings = extract_outline(document)
    return headings, extract_tasks(document, headings, plan)


def test_bullet_glyphs_nest_in_the_order_they_first_appear():
    headings, _ = _read(POINTS)
    bullets = [(h.number, h.level, h.title) for h in headings if h.style.startswith("bullet-")]
    assert bullets == [
        ("★", 1, "夯实统计基础，提高数据质量"), ("●", 2, "开展经济普查"), ("●", 2, "规范统计执法"),
        ("★", 1, "优化统计服务"), ("●", 2, "完善数据发布制度"), ("■", 3, "编制发布日历，3月底前完成"),
        ("■", 3, "每季度召开一次新闻发布会"),
    ]


def test_items_under_unnumbered_groups_are_tasks_with_run_ins_and_sub_items_below():
    _, tasks = _read(POINTS)
    by_id = {t.id: t for t in tasks}
    got = [(t.number, t.title[:6], by_id[t.parent].title[:6] if t.parent else None) for t in tasks]
    assert got == [
        ("●", "开展经济普查", None), ("一要", "摸清单位底数", "开展经济普查"), ("二要", "6月底前完成", "开展经济普查"),
        ("三要", "做好数据审核", "开展经济普查"), ("●", "规范统计执法", None), ("●", "完善数据发布", None),
        ("■", "编制发布日历", "完善数据发布"), ("■", "每季度召开一", "完善数据发布"),
    ]
    assert (tasks[2].due.year, tasks[2].due.month) == (2026, 6)


def test_run_ins_of_the_preamble_are_no_tasks():
    _, tasks = _read(POINTS)
    assert not [t for t in tasks if "抓服务" in t.title or "抓队伍" in t.title]


def test_owners_after_a_list_whose_entries_name_none_are_the_holders():
    headings, _ = _read(POINTS)
    text = POINTS
    by_title = {h.title: h for h in headings}
    holder, last = by_title["完善数据发布制度"], by_title["每季度召开一次新闻发布会"]
    assert "综合股" in text[holder.body.start:holder.body.end]
    assert "综合股" not in text[last.span.start:last.body.end]


def test_owners_closing_a_paragraph_of_run_ins_are_the_holders():
    headings, _ = _read(POINTS)
    third = next(h for h in headings if h.number == "三要" and "数据审核" in h.title)
    assert "普查中心" not in POINTS[third.span.start:third.body.end]


def test_web_menu_dots_are_no_items():
    headings, _ = _read("• 首页\n• 信息公开\n某县2026年工作要点\n一、加强监管\n")
    assert [h.number for h in headings] == ["一、"]


def test_the_numbered_paragraphs_of_a_notice_handing_down_a_plan_are_no_headings():
    text = ("青柳市人民政府办公厅关于印发2026年重点工作责任分解的通知\n各区、县(市)人民政府,市政府各部门:\n"
            "《2026年重点工作责任分解》已经市政府同意,现印发给你们,请结合以下要求认真贯彻执行。\n"
            "一、各级各部门要提高站位,强化责任。\n二、责任分解中,列第一位的责任单位为牵头单位。\n"
            "青柳市人民政府办公厅\n2026年5月20日\n2026年重点工作责任分解\n"
            "一、稳住经济大盘\n1.全面落实减税降费政策。（责任单位：市财政局）\n")
    headings, tasks = _read(text)
    assert [h.number for h in headings] == ["一、", "1."]
    assert [t.title for t in tasks] == ["稳住经济大盘", "全面落实减税降费政策"]
