"""A Word table whose 序号 and 重点任务 cells are merged down over two 具体措施 rows: each cell is written once, where
it starts, so the table reads as one item with two measures. Invented text."""

from __future__ import annotations

import io

import docx

from plankg.ingest.read import docx_text


def _merged_table() -> bytes:
    document = docx.Document()
    document.add_paragraph("重点任务分工表")
    table = document.add_table(rows=4, cols=5)
    rows = [["序号", "重点任务", "具体措施", "牵头单位", "完成时限"],
            ["1", "夯实数字基础设施", "完成市级政务云扩容", "市大数据局", "2024年底前"],
            ["", "", "推进区县节点接入", "市大数据局", "2025年6月底前"],
            ["2", "提升政务服务能力", "推进“一网通办”", "市政务服务中心", "长期坚持"]]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value:
                table.cell(r, c).text = value
    table.cell(1, 0).merge(table.cell(2, 0))
    table.cell(1, 1).merge(table.cell(2, 1))
    table.cell(3, 3).merge(table.cell(3, 4))  # merged across: written once too
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_cells_merged_down_or_across_are_written_once_where_they_start():
    text, _ = docx_text(_merged_table())
    assert text.split("\n")[:-1] == [
        "重点任务分工表", "序号", "重点任务", "具体措施", "牵头单位", "完成时限",
        "1", "夯实数字基础设施", "完成市级政务云扩容", "市大数据局", "2024年底前",
        "推进区县节点接入", "市大数据局", "2025年6月底前",
        "2", "提升政务服务能力", "推进“一网通办”", "市政务服务中心", "长期坚持",  # merged cell: its two paragraphs
    ]
