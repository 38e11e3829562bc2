"""An HTML task table with rowspan and colspan is written one row per line, tab-separated, each merged cell where it
starts and the places it covers left empty; the table reader then gives every measure its lead and deadline.
Invented text."""

from __future__ import annotations

from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.read import html_text
from plankg.ingest.tables import table_tasks

PAGE = """<html><body><div class="content"><p>任务分工表</p><table border="1">
<tr><td rowspan="2">序号</td><td rowspan="2">重点任务</td><td rowspan="2">具体措施</td><td colspan="2">责任单位</td>
<td rowspan="2">完成时限</td></tr>
<tr><td>牵头单位</td><td>配合单位</td></tr>
<tr><td rowspan="2">1</td><td rowspan="2">发展林下经济</td><td>新建林下种植基地3个</td><td rowspan="2">县林业局</td>
<td>县财政局</td><td rowspan="2">2025年6月底前</td></tr>
<tr><td>培育林下经济合作社</td><td>县供销社</td></tr>
</table></div></body></html>"""


def test_merged_cells_are_written_once_and_their_places_left_empty():
    text, _ = html_text(PAGE.encode())
    assert text.split("\n")[1:5] == [
        "序号\t重点任务\t具体措施\t责任单位\t\t完成时限",
        "\t\t\t牵头单位\t配合单位\t",
        "1\t发展林下经济\t新建林下种植基地3个\t县林业局\t县财政局\t2025年6月底前",
        "\t\t培育林下经济合作社\t\t县供销社\t",
    ]


def test_a_row_under_merged_lead_and_deadline_cells_takes_them_and_a_second_header_row_names_the_roles():
    text, _ = html_text(PAGE.encode())
    rows = table_tasks(Document(id="t", source="t.html", sha256="0", format="html", text=text), PlanMeta(title="t"))
    assert [(row.title, row.due.date if row.due else None) for row in rows] == [
        ("发展林下经济", "2025-06-30"), ("新建林下种植基地3个", "2025-06-30"), ("培育林下经济合作社", "2025-06-30")]
    assert [(ref.printed, ref.role) for ref in rows[2].agencies] == [("县林业局", "lead"), ("县供销社", "supporting")]


def test_a_table_without_merges_keeps_one_cell_per_line():
    text, _ = html_text("<table><tr><td>序号</td><td>名词</td></tr><tr><td>1</td><td>林长制</td></tr></table>".encode())
    assert text.split("\n")[:-1] == ["序号", "名词", "1", "林长制"]
