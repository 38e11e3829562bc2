"""A task table inside a 专栏 box: its rows are table tasks carrying the box's title as their category, and the
text's next item after the table is no category row of it. Invented text."""

from __future__ import annotations

import pytest

from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.tables import find_task_tables, table_tasks

PLAN = PlanMeta(title="某县“十四五”交通发展规划", period_start=2021, period_end=2025)
ROWS = [["序号", "项目名称", "建设内容", "建设年限"],
        ["1", "乡道提档升级", "改造乡道20公里", "2024—2025年"],
        ["2", "村内道路硬化", "硬化村内道路50公里", "2025年"]]
BEFORE = "（一）完善农村路网。实现较大人口规模自然村通硬化路。\n专栏1  农村道路重点工程\n"
AFTER = "（二）提升运输服务水平。推进城乡客运一体化。\n三、保障措施\n"
LAYOUTS = {
    "tabs": "".join("\t".join(row) + "\n" for row in ROWS),
    "bars": "".join(" | ".join(row) + "\n" for row in ROWS),
    "spaces": "".join("  ".join(row) + "\n" for row in ROWS),
    "one cell per line": "".join(cell + "\n" for row in ROWS for cell in row),
}


def _tasks(text: str):
    return table_tasks(Document(id="t", source="t.txt", sha256="0", format="txt", text=text), PLAN)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_rows_of_a_table_in_a_box_carry_the_box_title(layout):
    tasks = _tasks(BEFORE + LAYOUTS[layout] + AFTER)
    assert [(t.number, t.title) for t in tasks if t.parent is None] == [("1", "乡道提档升级"), ("2", "村内道路硬化")]
    assert {t.category for t in tasks} == {"农村道路重点工程"}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_table_under_a_caption_under_the_box_line_is_the_box_s_and_a_plain_table_has_no_box(layout):
    tasks = _tasks("专栏3：重大交通项目\n表3 农村道路项目表\n" + LAYOUTS[layout])
    assert {t.category for t in tasks} == {"重大交通项目"}
    tasks = _tasks("附件\n农村道路项目表\n" + LAYOUTS[layout])
    assert {t.category for t in tasks} == {None}


def test_a_construction_period_column_gives_the_rows_their_deadlines():
    tasks = _tasks(BEFORE + LAYOUTS["tabs"])
    assert [t.due.date for t in tasks if t.parent is None] == ["2025-12-31", "2025-12-31"]


@pytest.mark.parametrize("layout", ["tabs", "bars", "spaces"])
def test_the_text_s_next_item_after_a_table_is_not_a_category_row_of_it(layout):
    text = BEFORE + LAYOUTS[layout] + AFTER
    (table,) = find_task_tables(text)
    assert text[table.span.start:table.span.end].endswith("2025年")
