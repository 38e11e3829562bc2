"""Text tables (a web page saved as text, a fixed-width export) whose cells wrap onto the next line: the line that
holds only the rest of a cell continues that cell, in the ``|`` and the wide-space layouts. Invented text."""

from __future__ import annotations

import unicodedata

from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.tables import find_task_tables, table_tasks

PLAN = PlanMeta(title="某区2025年道路养护工作计划", issuer="某区交通运输局", period_start=2025, period_end=2025)

BARS = (
    "附件\n"
    "某区2025年道路养护重点任务表\n"
    "序号 | 项目名称   | 建设内容                 | 牵头单位       | 完成时间\n"
    "1    | 城区主干道 | 完成主干道路面大修，同步 | 区交通运输局   | 2025年9月底前\n"
    "     | 路面修复   | 更换破损井盖             |                |\n"
    "2    | 桥梁检测   | 完成全区桥梁定期检测     | 区交通运输局、 | 2025年6月底前\n"
    "     |            |                          | 区住房城乡建设局 |\n"
    "     |            | 建立桥梁健康档案         | 区城管局       | 2025年12月底前\n"
    "3    | 公交站亭改造 | 改造公交站亭40座       | 区公交公司     | 2025年10月\n"
    "     |            |                          |                | 底前\n"
    "相关链接：区交通运输局 | 区城管局\n"
    "主办：某区人民政府办公室  技术支持：某区信息中心\n"
)


def _tasks(text: str):
    return table_tasks(Document(id="t", source="t.txt", sha256="0", format="txt", text=text), PLAN)


def test_a_line_with_the_rest_of_wrapped_cells_continues_them():
    tasks = _tasks(BARS)
    items = [t for t in tasks if t.parent is None]
    assert [(t.number, t.title) for t in items] == [("1", "城区主干道路面修复"), ("2", "桥梁检测"), ("3", "公交站亭改造")]
    first_rows = [t.title for t in tasks if t.parent == items[0].id]
    assert first_rows == ["完成主干道路面大修，同步更换破损井盖"]


def test_a_wrapped_agency_list_and_a_wrapped_deadline_are_joined():
    tasks = _tasks(BARS)
    checks = next(t for t in tasks if t.title == "完成全区桥梁定期检测")
    assert [(a.printed, a.role) for a in checks.agencies] == [("区交通运输局", "lead"), ("区住房城乡建设局", "lead")]
    for ref in checks.agencies:  # the wrapped name points at its own characters, on the next line
        assert BARS[ref.span.start:ref.span.end] == ref.printed
    shelters = next(t for t in tasks if t.title == "公交站亭改造")
    assert shelters.due.date == "2025-10-31"


def test_a_line_without_number_but_with_its_own_deadline_is_a_row_of_the_item_above():
    tasks = _tasks(BARS)
    bridges = next(t for t in tasks if t.title == "桥梁检测")
    rows = [(t.title, t.due.date, [a.printed for a in t.agencies]) for t in tasks if t.parent == bridges.id]
    assert rows == [("完成全区桥梁定期检测", "2025-06-30", ["区交通运输局", "区住房城乡建设局"]),
                    ("建立桥梁健康档案", "2025-12-31", ["区城管局"])]


def test_the_site_footer_after_a_bar_table_is_not_a_row():
    (table,) = find_task_tables(BARS)
    assert len(table.items) == 3
    assert BARS[table.span.start:table.span.end].endswith("底前")
    assert not any("相关链接" in task.text or "主办" in task.text for task in _tasks(BARS))


def _fixed(*cells: str, widths=(6, 16, 28, 14)) -> str:
    """A line of a fixed-width text table: each cell padded to its column, a wide character counting two."""
    padded = [cell + " " * (width - sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in cell))
              for cell, width in zip(cells, widths)]
    return ("".join(padded) + cells[-1]).rstrip() + "\n"


SPACES = (
    "表1 重大项目清单\n"
    + _fixed("序号", "项目名称", "建设内容", "责任单位", "完成时限")
    + _fixed("1", "智慧停车平台", "建设停车诱导系统，接入全", "市交通局", "2025年底前")
    + _fixed("", "", "市停车场", "", "")
    + _fixed("2", "应急指挥中心", "建成指挥大厅", "市应急局", "2025年6月底前")
    + _fixed("", "", "完善应急通信", "市应急局", "2025年12月底前")
    + "    以上项目按季度调度，市发展改革委负责汇总进展情况并报市政府。\n"
)


def test_a_fixed_width_table_joins_a_wrapped_cell_by_the_column_it_stands_in():
    tasks = _tasks(SPACES)
    assert [(t.number, t.title) for t in tasks if t.parent is None] == [("1", "智慧停车平台"), ("2", "应急指挥中心")]
    rows = [(t.title, t.due.date) for t in tasks if t.parent is not None]
    assert rows == [("建设停车诱导系统，接入全市停车场", "2025-12-31"), ("建成指挥大厅", "2025-06-30"),
                    ("完善应急通信", "2025-12-31")]
    assert not any("按季度调度" in task.text for task in tasks)


def test_a_markdown_rule_between_header_and_rows_is_no_row():
    text = "| 序号 | 工作任务 | 牵头部门 | 时间节点 |\n|---|:---|---|---|\n| 1 | 完成普查 | 区统计局 | 2024年3月底前 |\n"
    (task,) = _tasks(text)
    assert (task.number, task.title, task.due.date) == ("1", "完成普查", "2024-03-31")
