"""An indicator's nature (约束性 binding / 预期性 expected): from a main-indicator table's 属性 column and from a
parenthesised mark after a target in prose; counts of the plan's own indicators are no targets."""

from __future__ import annotations

from plankg.ingest.facts import Document, PlanMeta, Target
from plankg.ingest.targets import extract_targets

PLAN = PlanMeta(title="临川市“十四五”生态环境保护规划", kind="规划", period_start=2021, period_end=2025)


def targets_of(text: str) -> list[Target]:
    return extract_targets(Document(id="t", source="t.txt", sha256="", format="txt", text=text), [], PLAN)


def by_indicator(text: str) -> dict[str, Target]:
    return {target.indicator: target for target in targets_of(text) if target.kind == "target"}


def test_a_mark_after_the_value_gives_the_nature_and_stays_out_of_the_value() -> None:
    found = by_indicator("到2025年,单位产值能耗下降14%（约束性）,地表水优良水体比例达到85%以上（预期性指标）。")
    assert found["单位产值能耗下降"].nature == "binding"
    assert found["单位产值能耗下降"].value_text == "14%"
    assert found["地表水优良水体比例"].nature == "expected"
    assert found["地表水优良水体比例"].value_text == "达到85%以上"


def test_a_mark_after_the_name_gives_the_nature_and_leaves_the_indicator_clean() -> None:
    found = by_indicator("到2025年,城镇调查失业率（预期性）控制在5.5%以内。")
    assert list(found) == ["城镇调查失业率"]
    assert found["城镇调查失业率"].nature == "expected" and found["城镇调查失业率"].comparator == "≤"


def test_a_mark_belongs_to_its_own_target_only() -> None:
    found = by_indicator("到2025年,森林覆盖率达到30%以上【约束性】、湿地保护率达到60%,村庄绿化覆盖率达到40%。")
    assert found["森林覆盖率"].nature == "binding"
    assert found["湿地保护率"].nature is None  # the list goes on after the mark: its next item is read whole
    assert found["村庄绿化覆盖率"].nature is None


def test_the_bracketed_word_must_be_a_nature() -> None:
    found = by_indicator("到2025年,污水处理率达到95%（城区）。")
    assert found["污水处理率"].nature is None


def test_binding_is_not_about() -> None:
    """约束 opens with 约 (about): it must not read as ≈ before a number."""
    assert not [t for t in targets_of("规划共设置指标20项,其中约束性指标8项、预期性指标12项。") if t.kind == "target"]


def test_the_attribute_column_gives_every_figure_of_its_row_the_nature() -> None:
    text = ("表1  主要指标\n"
            "类别\t指标\t单位\t2020年基期值\t2025年目标值\t属性\n"
            "水环境\t地表水优良水体比例\t%\t78\t≥85\t约束性\n"
            "\t城市生活污水集中收集率\t%\t60\t70\t预期性\n"
            "生态\t生态保护红线面积\t平方公里\t120\t不减少\t约束性指标\n")
    figures = targets_of(text)
    natures = {(t.indicator, t.kind): t.nature for t in figures}
    assert natures[("地表水优良水体比例", "target")] == "binding"
    assert natures[("地表水优良水体比例", "achieved")] == "binding"
    assert natures[("城市生活污水集中收集率", "target")] == "expected"
    assert natures[("生态保护红线面积", "achieved")] == "binding"  # 不减少 is no value, 120 is


def test_a_table_without_attribute_column_states_no_nature() -> None:
    text = ("序号\t指标\t单位\t2025年目标值\n"
            "1\t农村卫生厕所普及率\t%\t95\n")
    assert [t.nature for t in targets_of(text)] == [None]


def test_every_figure_of_a_blind_indicator_table_has_the_nature_its_row_prints() -> None:
    """The third blind round's water plan prints 属性 last in each tab-separated row; expectations are read from
    the rows themselves, the figures from the extractor."""
    from pathlib import Path

    from plankg.ingest.pipeline import extract

    path = Path(__file__).parent / "fixtures" / "unseen3" / "facts" / "beiyuan-14th-fyp-water-conservancy.txt"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line.endswith(("约束性", "预期性"))]
    printed = {cells[1]: {"约束性": "binding", "预期性": "expected"}[cells[-1]] for cells in rows}
    facts = extract(str(path))
    in_table = [t for t in facts.targets if facts.evidence(t.sentence).endswith(("约束性", "预期性"))]
    assert {t.indicator for t in in_table} == set(printed) and len(rows) == 5 and len(in_table) == 9
    assert all(t.nature == printed[t.indicator] for t in in_table)
    assert all(t.nature is None for t in facts.targets if t not in in_table)  # the body's figures print none
