"""Indicator tables (主要指标) are no task tables, and a note line under a flattened table is no cell of it."""

from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.tables import find_task_tables, is_indicator_header, is_task_header, table_tasks

PLAN = PlanMeta(title="某县“十四五”文化发展规划", period_start=2021, period_end=2025)

# One cell per line, as web pages give a 主要指标 table; its 目标值 column reads like a task table's 目标 column.
FLAT_INDICATORS = """表2　某县“十四五”文化发展主要指标
序号
指标名称
单位
2020年基期值
2025年目标值
属性
1
公共图书馆人均藏书量
册
1.2
≥1.5
预期性
2
村级文化服务中心覆盖率
%
90
100
约束性
注：[ ]内为五年累计数。
"""


def _doc(text: str) -> Document:
    return Document(id="t", source="t.txt", sha256="", format="txt", text=text)


def test_a_flattened_indicator_table_yields_no_task():
    assert find_task_tables(FLAT_INDICATORS) == []
    assert table_tasks(_doc(FLAT_INDICATORS), PLAN) == []


def test_an_indicator_table_one_row_per_line_yields_no_task():
    text = ("序号\t主要指标\t现状值\t规划目标值\t指标属性\n"
            "1\t5G基站数\t120\t300\t预期性\n"
            "2\t农村电商服务站点\t40\t80\t预期性\n")
    assert find_task_tables(text) == []


def test_indicator_header_needs_an_indicator_column_and_a_value_column():
    assert is_indicator_header(["序号", "指标", "单位", "2020年", "2025年"])
    assert is_indicator_header(["类别", "指标名称", "计量单位", "现状值", "规划目标值", "指标属性"])
    # a task table whose content column is a work target: still a task table
    assert not is_indicator_header(["序号", "重点任务", "工作目标", "责任单位", "完成时限"])
    assert not is_indicator_header(["序号", "指标名称", "牵头单位"])
    assert is_task_header(["序号", "重点任务", "工作目标", "责任单位", "完成时限"])
    assert not is_task_header(["序号", "主要指标", "目标值", "完成时间"])


def test_a_note_line_ends_a_flattened_task_table():
    text = ("序号\n项目名称\n建设内容\n"
            "1\n乡村书屋提升工程\n更新图书两万册\n"
            "2\n非遗传习所建设\n改造传习场所三处\n"
            "注：项目名称以立项批复为准。\n")
    (table,) = find_task_tables(text)
    assert [item.name.text for item in table.items] == ["乡村书屋提升工程", "非遗传习所建设"]
    contents = [cell.text for item in table.items for group in item.groups for cell in group.content]
    assert contents == ["更新图书两万册", "改造传习场所三处"]
    assert table.span.end == text.index("\n注")
