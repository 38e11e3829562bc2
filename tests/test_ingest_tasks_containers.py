"""A heading announces tasks when its title is the announcement (重点任务, 2024年工作计划, 重点项目清单), not when a
task's own words hold a container word (保障重点项目用地, 落实年度任务). Invented text."""

from __future__ import annotations

from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.outline import extract_outline
from plankg.ingest.tasks import extract_tasks

PLAN = PlanMeta(title="某区2024年工作要点", kind="工作要点", period_start=2024, period_end=2024)


def _titles(text: str) -> list[str]:
    document = Document(id="t", source="t.txt", sha256="0", format="txt", text=text)
    return [task.title for task in extract_tasks(document, extract_outline(document), PLAN)]


def test_a_task_holding_a_container_word_is_a_task_beside_its_siblings():
    text = ("一、优化服务\n（一）推行帮办代办。年内全覆盖。\n（二）规范事项清单。\n"
            "二、强化要素保障\n（三）保障重点项目用地。新增3宗。\n（四）落实年度任务考核。\n")
    assert _titles(text) == ["推行帮办代办", "规范事项清单", "保障重点项目用地", "落实年度任务考核"]


def test_announcing_headings_with_the_form_of_their_list():
    for heading in ("二、重点任务", "二、2024年工作计划", "二、重点任务及分工", "二、重点项目清单", "二、主要任务分解表"):
        text = f"一、总体要求\n（一）指导思想。坚持。\n{heading}\n（一）推进甲项。\n（二）推进乙项。\n"
        assert _titles(text) == ["推进甲项", "推进乙项"], heading
