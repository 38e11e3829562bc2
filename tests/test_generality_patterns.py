"""Numbering, deadline and table habits of plans outside the sample corpus, one small fixture each."""

import pytest

from plankg.ingest.dates import find_due, parse_due
from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.outline import extract_outline
from plankg.ingest.tasks import extract_tasks

ANNUAL = PlanMeta(title="某县2024年工作计划", kind="工作计划", period_start=2024, period_end=2024)


def _document(text: str) -> Document:
    return Document(id="g", source="g.txt", sha256="", format="txt", text=text)


def _outline(text: str) -> list[tuple[int, str, str]]:
    return [(h.level, h.number, h.title) for h in extract_outline(_document(text))]


def _tasks(text: str, plan: PlanMeta = ANNUAL):
    document = _document(text)
    return extract_tasks(document, extract_outline(document), plan)


def test_parts_half_parens_and_a_table_of_contents():
    text = (
        "目  录\n第一部分 发展基础……………………1\n第二部分 重点任务……………………5\n"
        "第一部分 发展基础\n全市经济平稳。\n第二部分 重点任务\n1）加强培训。内容。\n2）推进改革。内容。\n"
    )
    assert _outline(text) == [
        (1, "第一部分", "发展基础"), (1, "第二部分", "重点任务"),
        (1, "第一部分", "发展基础"), (1, "第二部分", "重点任务"), (2, "1）", "加强培训"), (2, "2）", "推进改革"),
    ]


def test_a_top_level_title_may_start_with_a_year():
    assert [h[2] for h in _outline("一、2023年工作回顾\n内容。\n二、2024年工作安排\n内容。\n")] == [
        "2023年工作回顾", "2024年工作安排",
    ]


def test_run_ins_after_commas_keep_their_sequence():
    text = "一、重点任务\n（一）加强培训。一是加强教师培训，二是完善考核制度，三是严格考核。统一是前提。\n"
    assert [h[1:] for h in _outline(text) if h[0] == 3] == [
        ("一是", "加强教师培训"), ("二是", "完善考核制度"), ("三是", "严格考核"),
    ]


@pytest.mark.parametrize("cell, date", [
    ("2024年3月—4月", "2024-04-30"),
    ("2024年3月至2025年12月", "2025-12-31"),
    ("2024年4月、9月", "2024-09-30"),
    ("2024.10", "2024-10-31"),
    ("2024.10.15", "2024-10-15"),
    ("十二月底前", "2024-12-31"),
])
def test_deadline_cells(cell, date):
    assert parse_due(cell, ANNUAL).date == date


@pytest.mark.parametrize("cell", ["每月", "每季度", "长期坚持"])
def test_recurring_cells_are_deadlines_without_a_date(cell):
    due = parse_due(cell, ANNUAL)
    assert due.text == cell and due.date is None


@pytest.mark.parametrize("sentence, printed, date", [
    ("①6月底前完成农贸市场改造", "6月底前", "2024-06-30"),  # ① is a marker, not the digit 1
    ("推进改革，2024年6月底完成", "2024年6月底", "2024-06-30"),
    ("实施六月底前完成的任务", "六月底前", "2024-06-30"),
    ("2023年11月至12月开展专项督查", "2023年11月至12月", "2023-12-31"),
])
def test_deadlines_in_running_text(sentence, printed, date):
    due = find_due(sentence, ANNUAL)
    assert (due.text, due.date) == (printed, date)
    assert sentence[due.span.start:due.span.end] == printed


def test_a_bare_date_in_running_text_is_no_deadline():
    assert find_due("2024年6月30日召开推进会", ANNUAL) is None


def test_report_sections_review_is_background_and_plan_holds_tasks():
    text = (
        "一、2023年工作开展情况\n（一）粮食增产。全年增产。\n"
        "二、存在的问题\n一是链条短；二是人才少。\n"
        "三、2025年工作打算\n（一）稳定生产。3月底前完成备耕。\n（二）建设农田。年内新建3万亩。\n"
    )
    report = PlanMeta(title="某局2023年工作总结", kind="工作总结", period_start=2023, period_end=2023)
    tasks = _tasks(text, report)
    assert [(t.title, t.due.date) for t in tasks] == [("稳定生产", "2025-03-31"), ("建设农田", "2025-12-31")]


def test_a_heading_of_one_sentence_is_a_task_with_text():
    text = "二、主要任务\n（一）加强防制\n1.春季开展一次集中消杀，区疾控中心负责技术指导。\n2.健全监测网络\n"
    tasks = {t.number: t for t in _tasks(text)}
    assert tasks["1"].source == "outline" and "集中消杀" in tasks["1"].text
    assert tasks["2"].source == "list" and tasks["2"].text == ""


def _table_agencies(text: str) -> list[list[tuple[str, str]]]:
    return [[(a.printed, a.role) for a in t.agencies] for t in _tasks(text) if t.source == "table"]


ROLE_CELLS = [
    ("市教育局（牵头），市财政局、市人社局", [("市教育局", "lead"), ("市财政局", "responsible"), ("市人社局", "responsible")]),
    ("市发展改革委牵头，市直有关部门配合", [("市发展改革委", "lead"), ("市直有关部门", "supporting")]),
    ("各县（市、区）人民政府", [("各县（市、区）人民政府", "responsible")]),
    ("各街道办事处、区总工会", [("各街道办事处", "responsible"), ("区总工会", "responsible")]),
]


@pytest.mark.parametrize("cell, expected", ROLE_CELLS)
def test_agency_cells_in_row_tables(cell, expected):
    text = f"任务分工\n序号\t重点任务\t责任单位\t完成时限\n1\t完善学前教育布局\t{cell}\t2024年12月\n"
    assert _table_agencies(text) == [expected]


@pytest.mark.parametrize("cell, expected", ROLE_CELLS)
def test_agency_cells_in_flattened_tables(cell, expected):
    text = f"任务分工\n序号\n重点任务\n责任单位\n完成时限\n1\n完善学前教育布局\n{cell}\n2024年12月\n"
    assert _table_agencies(text) == [expected]


def test_work_that_ends_like_an_organ_is_content_not_an_agency():
    text = "序号\n任务内容\n牵头单位\n完成时间\n1\n实现200项高频事项全程网办\n区行政审批服务局\n2024年9月底前\n"
    (row,) = [t for t in _tasks(text) if t.source == "table"]
    assert row.title == "实现200项高频事项全程网办"
    assert [(a.printed, a.role) for a in row.agencies] == [("区行政审批服务局", "lead")]


def test_a_signature_after_a_flattened_table_is_not_a_row():
    text = (
        "序号\n任务内容\n牵头单位\n完成时间\n1\n实现综合窗口全覆盖\n区行政审批服务局\n2024年6月底前\n"
        "2\n企业开办一日办结\n区市场监管局\n2024年3月底前\n某区人民政府办公室\n2024年2月16日\n"
    )
    rows = [t for t in _tasks(text) if t.source == "table"]
    assert [(t.title, t.due.date) for t in rows] == [("实现综合窗口全覆盖", "2024-06-30"), ("企业开办一日办结", "2024-03-31")]
    assert [a.printed for a in rows[1].agencies] == ["区市场监管局"]
    assert "某区人民政府办公室" not in text[rows[1].span.start:rows[1].span.end]


def test_work_content_sections_hold_tasks_and_work_goals_do_not():
    text = (
        "一、工作目标\n（一）总量目标。全年新增就业1万人。\n"
        "二、工作内容\n（一）开展技能培训。全年培训5000人次。\n（二）落实就业补贴。\n"
    )
    assert [t.title for t in _tasks(text)] == ["开展技能培训", "落实就业补贴"]
