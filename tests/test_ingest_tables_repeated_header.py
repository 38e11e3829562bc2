"""A task table that goes on after a page break prints its header again; the rows after it belong to the same
table, in both layouts. Invented text."""

from __future__ import annotations

from plankg.ingest.tables import find_task_tables

FLAT = ("年度任务表\n序号\n工作任务\n责任单位\n完成时限\n1\n修订村规民约\n县民政局\n2024年6月底前\n"
        "序号\n工作任务\n责任单位\n完成时限\n2\n建设村级议事厅\n县民政局\n2024年9月底前\n")
ROWS = ("年度任务表\n序号\t工作任务\t责任单位\t完成时限\n1\t修订村规民约\t县民政局\t2024年6月底前\n\n"
        "序号\t工作任务\t责任单位\t完成时限\n2\t建设村级议事厅\t县民政局\t2024年9月底前\n")


def test_a_repeated_header_continues_a_flattened_table():
    tables = find_task_tables(FLAT)
    assert len(tables) == 1
    assert [item.name.text for item in tables[0].items] == ["修订村规民约", "建设村级议事厅"]
    assert tables[0].caption == "年度任务表"


def test_a_repeated_header_continues_a_table_of_rows():
    tables = find_task_tables(ROWS)
    assert len(tables) == 1
    assert [item.name.text for item in tables[0].items] == ["修订村规民约", "建设村级议事厅"]
