"""A task table in a PDF text layer: its cells one space apart keep their boundaries (as tabs), while letter-spaced
Chinese and the gaps a layer puts into prose are still taken out. Invented text."""

from __future__ import annotations

from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.read import _table_cells, _unspace, reflow
from plankg.ingest.tables import table_tasks

LAYER = [
    "附件：沙岭县2024年林业重点项目表",
    "序号 项目名称 牵头单位 配合单位 完成时限",
    "1 林区防火道路新建 县林业局 县交通运输局 2024年10月底前",
    "2 国有林场管护用房改造 县林业局 县财政局 2024年12月底前",
    "完成护林站改造 县林业局 2025年6月底前",  # a row under the merged 序号 and name
    "以 上 项 目 由 县 林 业 局 统 筹 调 度 。",  # letter-spaced prose after the table
    "全县 森林覆盖率 稳定 提升。",
]


def _read(lines: list[str]) -> list[str]:
    return reflow([_unspace(line) for line in _table_cells(lines)])


def test_rows_under_a_task_table_header_keep_their_cells_apart():
    lines = _read(LAYER)
    assert lines[1] == "序号\t项目名称\t牵头单位\t配合单位\t完成时限"
    assert lines[2] == "1\t林区防火道路新建\t县林业局\t县交通运输局\t2024年10月底前"
    assert lines[4] == "完成护林站改造\t县林业局\t2025年6月底前"


def test_prose_after_the_table_is_still_unspaced():
    lines = _read(LAYER)
    assert lines[5] == "以上项目由县林业局统筹调度。"
    assert lines[6] == "全县森林覆盖率稳定提升。"


def test_without_a_task_table_header_single_spaces_between_chinese_go():
    lines = ["项目 名称 说明", "1 林区防火道路新建 县林业局 2024年10月底前"]  # no 序号 header: not a task table
    assert _read(lines) == ["项目名称说明", "1 林区防火道路新建县林业局 2024年10月底前"]


def test_the_kept_rows_are_read_as_table_tasks():
    text = "\n".join(_read(LAYER)) + "\n"
    tasks = table_tasks(Document(id="t", source="t.pdf", sha256="0", format="pdf", text=text), PlanMeta(title="t"))
    items = [(t.number, t.title, t.due.date) for t in tasks if t.parent is None]
    assert items == [("1", "林区防火道路新建", "2024-10-31"), ("2", "国有林场管护用房改造", "2025-06-30")]
    first = tasks[0]
    assert [(a.printed, a.role) for a in first.agencies] == [("县林业局", "lead"), ("县交通运输局", "supporting")]


def test_a_long_row_is_not_joined_to_the_next_by_reflow():
    wide = "1 " + "林区防火道路新建" * 4 + " 县林业局 县交通运输局 2024年10月底前"
    lines = _read(["序号 项目名称 牵头单位 配合单位 完成时限", wide, "2 林场道路 县林业局 县财政局 2024年底前"])
    assert len(lines) == 3 and lines[2].startswith("2\t")
