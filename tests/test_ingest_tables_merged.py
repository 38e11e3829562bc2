"""A 重点任务分工表 flattened one cell per line whose 重点任务 cell spans several 具体措施 rows. Invented text."""

from __future__ import annotations

from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.tables import table_tasks

PLAN = PlanMeta(title="峰口市推进数字政府建设实施方案", issuer="峰口市人民政府办公室", kind="实施方案")
TABLE = ("重点任务分工表\n序号\n重点任务\n具体措施\n牵头单位\n配合单位\n完成时限\n"
         "1\n夯实数字基础设施\n完成市级政务云扩容\n市大数据局\n市财政局\n2024年底前\n"
         "推进区县节点接入\n市大数据局\n各区县人民政府\n2025年6月底前\n"
         "2\n提升政务服务能力\n推进“一网通办”\n市政务服务中心\n市级各有关部门\n长期坚持\n")


def _rows():
    document = Document(id="t", source="t.txt", sha256="0", format="txt", text=TABLE)
    return table_tasks(document, PLAN)


def test_a_merged_task_cell_gives_one_item_with_a_sub_task_per_measure():
    rows = _rows()
    assert [(row.number, row.title, row.due.date if row.due else None) for row in rows] == [
        ("1", "夯实数字基础设施", "2025-06-30"),
        (None, "完成市级政务云扩容", "2024-12-31"),
        (None, "推进区县节点接入", "2025-06-30"),
        ("2", "提升政务服务能力", None),
        (None, "推进“一网通办”", None),
    ]
    assert rows[1].parent == rows[2].parent == rows[0].id


def test_an_agency_leading_two_measures_of_an_item_is_its_lead_once():
    item = _rows()[0]
    assert [(ref.name, ref.role) for ref in item.agencies] == [
        ("峰口市大数据局", "lead"), ("峰口市财政局", "supporting"), ("各区县人民政府", "supporting")]
    assert [ref.collective for ref in item.agencies] == [False, False, True]


def test_a_standing_deadline_keeps_its_text():
    item = _rows()[3]
    assert (item.due.text, item.due.date) == ("长期坚持", None)


TAB_ROWS = ("重点任务分工表\n序号\t重点任务\t具体措施\t牵头单位\t配合单位\t完成时限\n"
            "1\t夯实数字基础设施\t完成市级政务云扩容\t市大数据局\t市财政局\t2024年底前\n"
            "\t\t推进区县节点接入\t\t各区县人民政府\t2025年6月底前\n"
            "\t\t建设政务灾备中心\t市政务服务中心\t\t\n"
            "2\t提升政务服务能力\t推进“一网通办”\t市政务服务中心\t\t长期坚持\n")


def test_empty_fields_of_a_tab_separated_row_stay_in_their_columns():
    document = Document(id="t", source="t.txt", sha256="0", format="txt", text=TAB_ROWS)
    rows = table_tasks(document, PLAN)
    measures = {row.title: ([(ref.printed, ref.role) for ref in row.agencies], row.due.text if row.due else None)
                for row in rows if row.number is None}
    assert measures == {
        "完成市级政务云扩容": ([("市大数据局", "lead"), ("市财政局", "supporting")], "2024年底前"),
        # the lead cell merged down from the row above
        "推进区县节点接入": ([("市大数据局", "lead"), ("各区县人民政府", "supporting")], "2025年6月底前"),
        # the deadline merged down; no supporting unit is invented
        "建设政务灾备中心": ([("市政务服务中心", "lead")], "2025年6月底前"),
        "推进“一网通办”": ([("市政务服务中心", "lead")], "长期坚持"),
    }
