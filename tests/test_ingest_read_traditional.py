"""Traditional Chinese: a Big5 (or UTF-8) plan in traditional characters is read and matched like a simplified one,
while the text and the evidence keep the characters as printed."""

from __future__ import annotations

from pathlib import Path

from plankg.ingest.pipeline import extract
from plankg.ingest.text import normalize

PLAN = """北嶺縣農業農村局2024年工作計劃

一、工作目標
全縣糧食播種面積穩定在50萬畝以上。

二、重點任務
（一）穩定糧食生產。落實糧食安全責任制，3月底前完成春播備耕物資儲備。由縣農業農村局牽頭，縣財政局配合。
（二）推進高標準農田建設。新建高標準農田2萬畝，2024年10月底前完成項目主體工程。
（三）發展鄉村特色產業。培育特色產業專業村8個，年內完成認定。

北嶺縣農業農村局
2024年1月10日
"""


def test_normalize_maps_traditional_characters_one_for_one():
    assert normalize("工作計劃（二〇二四年）：開展戰略") == '工作计划(二〇二四年):开展战略'
    assert normalize("於乾淨") == "於乾净"  # 於 and 乾 are also written in simplified text: they stay
    simplified = "县财政局负责落实资金，于年底前完成。"
    assert normalize(simplified) == "县财政局负责落实资金,于年底前完成。"


def test_a_big5_plan_in_traditional_characters_yields_its_metadata_and_tasks(tmp_path: Path):
    path = tmp_path / "plan-big5.txt"
    path.write_bytes(PLAN.encode("big5"))
    facts = extract(path)
    assert facts.document.encoding == "big5"
    assert facts.document.text.startswith("北嶺縣農業農村局2024年工作計劃")  # the text keeps its characters
    plan = facts.plan
    assert (plan.title, plan.issuer, plan.kind) == ("北嶺縣農業農村局2024年工作計劃", "北嶺縣農業農村局", "工作计划")
    assert (plan.period_start, plan.period_end, plan.issued) == (2024, 2024, "2024-01-10")
    assert [(t.number, t.title, t.due.date) for t in facts.tasks] == [
        ("（一）", "穩定糧食生產", "2024-03-31"),
        ("（二）", "推進高標準農田建設", "2024-10-31"),
        ("（三）", "發展鄉村特色產業", "2024-12-31"),
    ]
    assert [(a.name, a.role) for a in facts.tasks[0].agencies] == [("北嶺縣農業農村局", "lead"), ("北嶺縣財政局", "supporting")]


def test_the_same_plan_in_utf8_traditional_reads_the_same(tmp_path: Path):
    path = tmp_path / "plan-utf8.txt"
    path.write_text(PLAN, encoding="utf-8")
    facts = extract(path)
    assert (facts.plan.kind, facts.plan.period_start) == ("工作计划", 2024)
    assert len(facts.tasks) == 3


def test_a_big5_task_table_of_tab_separated_rows_links_its_rows_to_the_outline_tasks(tmp_path: Path):
    annex = "附件\n任務分工表\n序號\t重點任務\t牽頭單位\t配合單位\t完成時限\n１\t穩定糧食生產\t縣農業農村局\t縣財政局\t２０２４年６月底前\n"
    path = tmp_path / "plan-with-table.txt"
    path.write_bytes(PLAN.replace("北嶺縣農業農村局\n2024年1月10日\n", annex).encode("big5"))
    facts = extract(path)
    by_id = {t.id: t for t in facts.tasks}
    (row,) = [t for t in facts.tasks if t.source == "table"]
    assert (row.table, by_id[row.parent].title) == ("附件 任務分工表", "穩定糧食生產")
    assert by_id[row.parent].due.date == "2024-06-30"  # the row's later deadline
    assert [(a.printed, a.role) for a in row.agencies] == [("縣農業農村局", "lead"), ("縣財政局", "supporting")]
