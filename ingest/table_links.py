"""Task-table rows that repeat outline tasks: one task per piece of work, with the table's agencies and deadline.

Many 实施方案 describe their tasks in the body and list them again in an annex table (任务分工, 责任分工, 重点任务清单)
with 牵头单位, 责任单位 and 完成时限. A row repeats an outline task when its task cell

| the cell …          | row cell                       | outline task                                             |
|---------------------|--------------------------------|----------------------------------------------------------|
| quotes the title    | 建设医共体信息平台             | 6.建设医共体信息平台。2024年底前建成…                   |
| adds the number     | （三）6.建设医共体信息平台      | 6.建设医共体信息平台。…                                 |
| shortens the title  | “洁净家园”行动                 | （1）开展“洁净家园”行动。…                              |
| extends the title   | 急弯陡坡路段整治               | （1）急弯陡坡路段。增设警告标志…完成整治。              |
| quotes the body     | 实现综合窗口全覆盖             | 2.推行“综合窗口”服务。…上半年实现综合窗口全覆盖。     |

Matching runs on keys without quotes, brackets, punctuation and leading number markers (``_key``). The strength of
a (row, task) pair is the largest of: the share of the cell covered by runs of three or more characters of the
task's title; the share of the title covered by runs of the cell; the longest run of the cell in the task's own
text, as a share of the cell. A number printed in the cell that is the task's number path lifts the strength.
The row's 序号 is not used: annex tables number their rows afresh (row 3 may repeat outline task 5).

Links are one to one, strongest first, and need ``MIN_STRENGTH``. Only a table that as a whole repeats the outline
(at least half of its items find a task) links by likeness: a 任务分工 table restates the outline's tasks, while a
重大项目清单 lists work of its own whose names share words with the tasks (城北街道综合养老服务中心 is one project
of 建设街道综合养老服务中心, not that task). In such a list only a row that names an outline task exactly is it.

The outline task is the piece of work: it takes the row's agencies (their spans stay in the table's cells, so the
row is their evidence) and the later of its own and the row's deadline. A plain 责任单位 column says less than the
task's own words: an agency the text marks as 牵头 or 配合 (由市交通运输局牵头，市公安局交警支队配合) keeps that role. The row stays a ``Task`` (source "table")
whose ``parent`` is the outline task: its number, wording, cells and sub-rows remain the table's own record, and
nothing is rewritten that a reader could not trace back to the text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from plankg.ingest.facts import AgencyRef, Due, Task
from plankg.ingest.outline import LINE_STYLES, chinese_number
from plankg.ingest.text import normalize, normalize_label

MIN_STRENGTH = 0.75
MIN_RUN = 3  # shorter common runs (建设, 推进, 加强) say nothing about identity
NUMBER_BONUS = 0.25  # a printed number path that agrees with the task's
REPEATING_SHARE = 0.5  # share of a table's items that find a task when the table repeats the outline
_NUMBER_STYLES = [pattern for style, pattern in LINE_STYLES if style not in ("annex", "article")]
_NOT_KEY = re.compile(r"[^\w%+]")
# The role a task's text gives an agency right after its name: 市交通运输局牵头 / 区大数据中心配合.
_STATED_ROLE = re.compile(r"(?:要|负责)?(?P<mark>牵头|主责|配合|协助|协同|协办|参与)")
_ROLE_OF_MARK = {"牵头": "lead", "主责": "lead", "配合": "supporting", "协助": "supporting", "协同": "supporting",
                 "协办": "supporting", "参与": "supporting"}


def link_table_rows(outline: list[Task], rows: list[Task]) -> None:
    """Link the items of one task table to the outline tasks they repeat (see the module docstring), in place."""
    items = [row for row in rows if row.parent is None]
    candidates = [(strength, by_title, row, task) for row in items for task in outline
                  for strength, by_title in [_strength(row, task, outline)] if strength >= MIN_STRENGTH]
    repeating = len({id(row) for _, _, row, _ in candidates}) >= REPEATING_SHARE * len(items)
    linked_rows: set[int] = set()
    linked_tasks: set[int] = set()
    for strength, by_title, row, task in sorted(candidates, key=lambda c: (c[0], c[1]), reverse=True):
        if id(row) in linked_rows or id(task) in linked_tasks:
            continue
        if not repeating and _split_number(row.title)[1] != _key(task.title):
            continue
        linked_rows.add(id(row))
        linked_tasks.add(id(task))
        _take_over(task, row)


def _take_over(task: Task, row: Task) -> None:
    """The outline task takes the row's agencies and deadline; the row becomes its table record."""
    row.parent = task.id
    named = {ref.name for ref in task.agencies}
    own_words = normalize(task.text)
    for ref in row.agencies:
        if ref.name not in named:
            task.agencies.append(replace(ref, role=_stated_role(ref, own_words) or ref.role))
    task.due = _later(task.due, row.due)


def _stated_role(ref: AgencyRef, own_words: str) -> str | None:
    """The role the task's text states for an agency of a plain 责任单位 column, if any."""
    if ref.role != "responsible":
        return None
    for found in re.finditer(re.escape(normalize(ref.printed)), own_words):
        mark = _STATED_ROLE.match(own_words, found.end())
        if mark:
            return _ROLE_OF_MARK[mark.group("mark")]
    return None


def _later(own: Due | None, listed: Due | None) -> Due | None:
    """The later of two deadlines; a dated one over an open one (长期坚持), the task's own when neither is dated."""
    dated = [due for due in (own, listed) if due is not None and due.year is not None]
    if dated:
        return max(dated, key=lambda due: (due.date or f"{due.year:04d}-12-31", due is own))
    return own or listed


def _strength(row: Task, task: Task, outline: list[Task]) -> tuple[float, bool]:
    """How surely ``row`` repeats ``task`` (0..1, more with an agreeing number), and whether the title says so."""
    numbers, cell = _split_number(row.title)
    title = _key(task.title)
    if not cell or not title:
        return 0.0, False
    by_title = max(_covered(cell, title), _covered(title, cell) if len(title) > MIN_RUN else 0.0)
    by_text = _longest_run(cell, _key(task.text)) / len(cell)
    bonus = NUMBER_BONUS if numbers and _path_ends_with(task, outline, numbers) else 0.0
    return max(by_title, by_text) + bonus, by_title >= by_text


def _key(text: str) -> str:
    return _NOT_KEY.sub("", normalize_label(text))


def _split_number(cell: str) -> tuple[list[int], str]:
    """Leading number markers of a cell as values, and the key of the rest: （三）6.建设… -> ([3, 6], 建设…)."""
    folded = normalize_label(cell)
    numbers: list[int] = []
    matched = True
    while matched:
        matched = False
        for pattern in _NUMBER_STYLES:
            found = pattern.match(folded)
            if found and found.end() < len(folded) and found.group("n"):
                value = chinese_number(found.group("n"))
                if value is None:
                    continue
                numbers.append(value)
                folded = folded[found.end():]
                matched = True
                break
    return numbers, _key(folded)


def _path_ends_with(task: Task, outline: list[Task], numbers: list[int]) -> bool:
    """Whether the task's number path (its ancestors' numbers and its own) ends with ``numbers``."""
    by_id = {t.id: t for t in outline}
    path: list[int | None] = []
    node: Task | None = task
    while node is not None:
        path.insert(0, _value(node.number))
        node = by_id.get(node.parent or "")
    return path[-len(numbers):] == numbers


def _value(number: str | None) -> int | None:
    found = re.search(r"\d+|[零〇一二两三四五六七八九十百]+", normalize(number or ""))
    return chinese_number(found.group()) if found else None


def _covered(needle: str, haystack: str) -> float:
    """Share of ``needle`` covered by runs of at least ``MIN_RUN`` characters (or the whole needle) of ``haystack``."""
    if needle in haystack:
        return 1.0
    covered = 0
    start = 0
    while start < len(needle):
        run = _run_at(needle, start, haystack)
        if run >= MIN_RUN:
            covered += run
            start += run
        else:
            start += 1
    return covered / len(needle)


def _run_at(needle: str, start: int, haystack: str) -> int:
    """Length of the longest prefix of ``needle[start:]`` found in ``haystack``."""
    low, high = 0, len(needle) - start
    while low < high:  # a prefix found implies every shorter prefix is found: binary search
        middle = (low + high + 1) // 2
        if needle[start:start + middle] in haystack:
            low = middle
        else:
            high = middle - 1
    return low


def _longest_run(needle: str, haystack: str) -> int:
    return max((_run_at(needle, start, haystack) for start in range(len(needle))), default=0)
