"""A Word table whose 序号 and 重点任务 cells are merged down over two 具体措施 rows: each cell is written once, where
it starts, one row per line with the fields a merge covers left empty, so the table reads as one item with two
measures and each cell stays in its column. Invented text."""

from __future__ import annotations

import io

import docx

from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.read import docx_text
from plankg.ingest.tables import table_tasks


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
        "重点任务分工表",
        "序号\t重点任务\t具体措施\t牵头单位\t完成时限",
        "1\t夯实数字基础设施\t完成市级政务云扩容\t市大数据局\t2024年底前",
        "\t\t推进区县节点接入\t市大数据局\t2025年6月底前",
        "2\t提升政务服务能力\t推进“一网通办”\t市政务服务中心 长期坚持\t",  # merged across: its two paragraphs
    ]


def test_a_lead_merged_down_leads_every_row_it_covers():
    document = docx.Document()
    document.add_paragraph("任务分工表")
    table = document.add_table(rows=3, cols=5)
    rows = [["序号", "重点任务", "具体措施", "牵头单位", "配合单位"],
            ["1", "建设数字乡村", "建成益农信息社20个", "县农业农村局", "县商务局"],
            ["", "", "培育农村电商带头人50名", "", "县人社局"]]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value:
                table.cell(r, c).text = value
    for column in (0, 1, 3):
        table.cell(1, column).merge(table.cell(2, column))
    buffer = io.BytesIO()
    document.save(buffer)
    text, _ = docx_text(buffer.getvalue())
    doc = Document(id="t", source="t.docx", sha256="0", format="docx", text=text)
    rows = table_tasks(doc, PlanMeta(title="t"))
    second = rows[2]
    assert second.title == "培育农村电商带头人50名"
    assert [(ref.printed, ref.role) for ref in second.agencies] == [("县农业农村局", "lead"), ("县人社局", "supporting")]
