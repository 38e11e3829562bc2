"""Kinds of plan read from the end of their titles: task lists (任务清单) and sets of measures (若干措施), and the
notice that wraps a plan whose period sits on the title's second line. Invented text."""

from __future__ import annotations

import pytest

from plankg.ingest.facts import Document
from plankg.ingest.metadata import extract_plan_meta


def _meta(text: str):
    return extract_plan_meta(Document(id="t", source="t.txt", sha256="0", format="txt", text=text))


@pytest.mark.parametrize("title, kind", [
    ("青梧县2024年乡村振兴重点工作任务清单", "任务清单"),
    ("峰口市促进民营经济发展壮大若干措施", "若干措施"),
    ("峰口市稳就业政策措施", "政策措施"),
])
def test_kinds_of_lists_and_measures(title, kind):
    meta = _meta(f"{title}\n为推动发展，制定本文件。\n一、总体要求\n二、保障措施\n")
    assert (meta.title, meta.kind) == (title, kind)


def test_a_section_titled_with_measures_is_no_title():
    assert _meta("为推动发展，制定如下措施。\n保障措施\n加强领导。\n").kind is None


def test_a_notice_wrapping_a_three_year_plan():
    meta = _meta("峰口市人民政府关于印发峰口市算力网络节点三年攻坚行动方案（2024—2026年）的通知\n峰政发〔2024〕7号\n"
                 "各区县人民政府：\n现将《峰口市算力网络节点三年攻坚行动方案（2024—2026年）》印发给你们。\n"
                 "峰口市人民政府\n2024年4月2日\n峰口市算力网络节点三年攻坚行动方案\n（2024—2026年）\n为加快建设，制定本方案。\n")
    assert (meta.title, meta.issuer, meta.doc_number, meta.issued, meta.kind, meta.period_start, meta.period_end) == (
        "峰口市算力网络节点三年攻坚行动方案（2024—2026年）", "峰口市人民政府", "峰政发〔2024〕7号", "2024-04-02", "行动方案",
        2024, 2026)
