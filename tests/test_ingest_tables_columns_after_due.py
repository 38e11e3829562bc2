"""A flattened project table whose deadline column is not the last one (建设年限 before 总投资 and 责任单位): the cells
after the deadline belong to the same row, and an amount is no task. Invented text."""

from __future__ import annotations

from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.tables import table_tasks

PLAN = PlanMeta(title="某县2025年重点项目计划", issuer="某县人民政府", period_start=2025, period_end=2025)
TABLE = ("某县2025年重点项目表\n序号\n项目名称\n建设内容\n建设年限\n总投资（万元）\n责任单位\n"
         "一、产业类\n"
         "1\n食品产业园\n新建厂房8万平方米\n2024—2025年\n56000\n县工信局\n"
         "2\n冷链物流中心\n新建冷库2万立方米\n2025年\n1.2亿元\n县商务局\n"
         "二、民生类\n"
         "3\n县第二中学扩建\n新建教学楼1栋\n2025—2026年\n8800\n县教育局\n")


def _tasks():
    return table_tasks(Document(id="t", source="t.txt", sha256="0", format="txt", text=TABLE), PLAN)


def test_an_amount_cell_is_no_task_and_a_category_after_the_agency_opens_a_new_category():
    tasks = _tasks()
    assert [(task.number, task.title) for task in tasks] == [
        ("1", "食品产业园"), (None, "新建厂房8万平方米"),
        ("2", "冷链物流中心"), (None, "新建冷库2万立方米"),
        ("3", "县第二中学扩建"), (None, "新建教学楼1栋"),
    ]
    assert [task.category for task in tasks if task.number] == ["一、产业类", "一、产业类", "二、民生类"]


def test_the_agency_after_the_deadline_column_is_the_rows_own():
    tasks = _tasks()
    sub_tasks = [task for task in tasks if task.parent]
    assert [([ref.name for ref in task.agencies], task.due.year) for task in sub_tasks] == [
        (["某县工信局"], 2025), (["某县商务局"], 2025), (["某县教育局"], 2026)]
