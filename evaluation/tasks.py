"""Scores the tasks category against the gold annotation.

* ``tasks.workplan``: the numbered tasks of a work plan under its actions; a task matches when its number, its
  title and the title of the action (the heading that holds it) agree. Every non-table task of that document counts.
* ``tasks.table-items``: the items of each gold task table (序号 + name, in the table whose caption carries the gold
  table's label, e.g. 附表1 … 重大改革清单); every table task that is not under another table task counts (an item
  that repeats an outline task has that task as its parent).
* ``tasks.table-subtasks``: the (content, year) rows under the items; a row matches when its text and the year of
  its deadline agree; every table task under a table item counts.
"""

from __future__ import annotations

import re

from plankg.evaluation.score import Score, match_pairs, same_label
from plankg.ingest.facts import DocumentFacts, Task
from plankg.ingest.text import normalize_label


def score(gold: dict, facts: dict[str, DocumentFacts]) -> dict[str, Score]:
    scores = {"tasks.workplan": Score(), "tasks.table-items": Score(), "tasks.table-subtasks": Score()}
    tables_by_doc: dict[str, list[tuple[list[str], list[dict]]]] = {}
    for key, entry in gold.get("tasks", {}).items():
        doc = entry.get("doc")
        if doc not in facts:
            continue
        if "actions" in entry:
            scores["tasks.workplan"] += _workplan(entry, facts[doc])
        else:
            labels = key.split("_")[1:]  # 000_附表1_重大改革清单 -> [附表1, 重大改革清单]
            tables_by_doc.setdefault(doc, []).append((labels, entry.get("reforms") or entry.get("projects") or []))
    for doc, tables in tables_by_doc.items():
        items, subtasks = _tables(tables, facts[doc])
        scores["tasks.table-items"] += items
        scores["tasks.table-subtasks"] += subtasks
    return scores


def _number(printed: str | int | None) -> int | None:
    found = re.search(r"\d+", str(printed or ""))
    return int(found.group()) if found else None


def _workplan(entry: dict, facts: DocumentFacts) -> Score:
    headings = {h.id: h for h in facts.headings}
    gold = [(task, action["title"]) for action in entry["actions"] for task in action["tasks"]]
    predicted = [t for t in facts.tasks if t.source != "table"]

    def matches(item: tuple[dict, str], task: Task) -> bool:
        gold_task, action = item
        holder = headings.get(task.heading or "")
        return (
            _number(task.number) == int(gold_task["number"])
            and same_label(task.title, gold_task["title"])
            and holder is not None
            and same_label(holder.title, action)
        )

    return match_pairs(gold, predicted, matches)


def _tables(tables: list[tuple[list[str], list[dict]]], facts: DocumentFacts) -> tuple[Score, Score]:
    table_tasks = [t for t in facts.tasks if t.source == "table"]
    by_id = {t.id: t for t in table_tasks}
    gold_items = [(labels, item) for labels, items in tables for item in items]
    gold_rows = [
        (labels, item, row) for labels, items in tables for item in items
        for row in item.get("subtasks") or item.get("sub_items") or []
    ]

    def in_table(task: Task, labels: list[str]) -> bool:
        return all(normalize_label(label) in normalize_label(task.table or "") for label in labels)

    def item_matches(gold_item: tuple[list[str], dict], task: Task) -> bool:
        labels, item = gold_item
        return in_table(task, labels) and _number(task.number) == item["seq"] and same_label(task.title, item["name"])

    def row_matches(gold_row: tuple[list[str], dict, dict], task: Task) -> bool:
        labels, item, row = gold_row
        parent = by_id.get(task.parent or "")
        return (
            in_table(task, labels)
            and parent is not None
            and _number(parent.number) == item["seq"]
            and same_label(task.text, row["text"])
            and task.due is not None
            and task.due.year == row["year"]
        )

    items = match_pairs(gold_items, [t for t in table_tasks if t.parent not in by_id], item_matches)
    rows = match_pairs(gold_rows, [t for t in table_tasks if t.parent in by_id], row_matches)
    return items, rows
