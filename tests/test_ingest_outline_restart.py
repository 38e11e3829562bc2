"""Lists numbered from above one: (四)(五)(六) right under a fresh 一、 whose first items were not line headings
(run together in one paragraph, or in a part left out), or a section that numbers its items from (四) after an
earlier list went to (八). Invented text."""

from __future__ import annotations

from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.outline import extract_outline
from plankg.ingest.tasks import extract_tasks

PLAN = PlanMeta(title="某县2024年工作要点", kind="工作要点", period_start=2024, period_end=2024)


def _document(text: str) -> Document:
    return Document(id="t", source="t.txt", sha256="0", format="txt", text=text)


def _tasks(text: str) -> list[tuple[str, str, str | None]]:
    document = _document(text)
    tasks = extract_tasks(document, extract_outline(document), PLAN)
    titles = {task.id: task.title for task in tasks}
    return [(task.number, task.title, titles.get(task.parent)) for task in tasks]


def test_a_list_that_starts_at_four_under_a_fresh_heading_is_read():
    text = ("一、深化改革\n（四）推进甲项改革。做好甲。\n（五）推进乙项改革。做好乙。\n"
            "二、优化服务\n（六）推进丙项服务。做好丙。\n")
    assert _tasks(text) == [("（四）", "推进甲项改革", None), ("（五）", "推进乙项改革", None),
                            ("（六）", "推进丙项服务", None)]


def test_items_run_together_in_a_paragraph_before_a_list_that_goes_on_from_them():
    text = ("一、总体要求\n坚持统筹推进。（一）基本原则。政府主导。（二）实施范围。全县。（三）主要目标。到2025年完成。\n"
            "二、重点行动\n（四）实施水源保障行动\n1.开展水源评估。年底前完成。\n2.建设备用水源。\n"
            "（五）实施管网延伸行动\n1.延伸城区管网。\n")
    assert _tasks(text) == [
        ("（四）", "实施水源保障行动", None), ("1", "开展水源评估", "实施水源保障行动"), ("2", "建设备用水源", "实施水源保障行动"),
        ("（五）", "实施管网延伸行动", None), ("1", "延伸城区管网", "实施管网延伸行动"),
    ]


def test_a_section_that_numbers_from_four_after_a_list_that_went_to_eight():
    first = "".join(f"（{n}）推进第{i}项。做好。\n" for i, n in enumerate("一二三四五六七八", 1))
    text = "一、深化改革\n" + first + "二、优化服务\n（四）推进子项。做好子。\n（五）推进丑项。做好丑。\n"
    found = _tasks(text)
    assert len(found) == 10
    assert found[-2:] == [("（四）", "推进子项", None), ("（五）", "推进丑项", None)]


def test_a_lone_number_out_of_sequence_is_still_no_heading():
    # (3) is followed by no (4) under its heading: a stray number, not the start of a list
    headings = extract_outline(_document("一、目标\n（3）不是标题的一行\n二、任务\n（4）也不是\n"))
    assert [h.number for h in headings] == ["一、", "二、"]


def test_numbering_on_across_sections_is_unchanged():
    text = "一、甲方面\n（一）推进甲一。\n（二）推进甲二。\n二、乙方面\n（三）推进乙一。\n（四）推进乙二。\n"
    assert [number for number, _, _ in _tasks(text)] == ["（一）", "（二）", "（三）", "（四）"]


def test_one_list_printed_with_two_delimiters_stays_one_list():
    text = "一、巩固成果\n1．健全监测机制。\n2．发展联农产业。\n3、实施道路提升工程。\n二、推进建设\n1、新建口袋公园。\n"
    headings = extract_outline(_document(text))
    assert [(h.number, h.level) for h in headings] == [
        ("一、", 1), ("1．", 2), ("2．", 2), ("3、", 2), ("二、", 1), ("1、", 2)]
