"""Tasks from task headings, task lists and task tables, with due dates.

Which outline items are tasks, decided by the words of the headings above them:

* a *task container* is a heading that announces tasks (主要任务, 重点任务, 重点工作, 工作措施, 任务分工 …, the
  words ending its title: 保障重点项目用地 is a task) or a top-level action of a work plan (实施…行动, 开展…专项行动,
  推进…工程). Every numbered heading below a container is a task, nested tasks get their enclosing task as
  ``parent``; an action heading inside a container is a task too;
* background sections (主要成就, 形势, 指导思想, 基本原则, 发展目标, 保障措施, 组织领导, 工作要求 …) hold no tasks,
  not even 保障措施: their items are safeguards of the plan rather than work with an owner and a deadline; a task
  heading inside them (保障措施 > 细化工作任务) is no container either;
* a plan without a heading in its body that announces tasks (工作要点 often number their tasks straight under 一、二、;
  an annex titled 重点工作任务分解表 does not count, nor does an action: 一、强化源头管控 beside 二、打好…攻坚战 holds
  tasks as well) treats its non-background top-level headings as containers, whatever its kind (…责任分解 or no
  kind read at all), unless it is a report (工作总结), whose items are achievements. In a plan that divides work
  among owners (分工方案, 任务分解) those top-level headings are tasks as well, each the parent of its items;
* an unnumbered closing title (有关要求, 保障措施: style ``closing`` of the outline) is background.

The items of a 专栏 box (``plankg.ingest.outline``) are tasks like the numbered items around them, under the section
the box follows, with the box's title as ``category``; an unnumbered item (名称：内容) has no number.

A plan that first lists its tasks (number + title per line) and repeats them later with bodies gives one task per
number: the title from the list, the text from the body. Task tables are read by ``plankg.ingest.tables``; a table
row that repeats an outline task (任务分工 annexes) is linked to it by ``plankg.ingest.table_links``, so the outline
task carries the row's agencies and deadline.

A deadline is the task's own, read from its own words or its row, or the plan's default stated in words for every
task without one (未明确完成时限的，均须于2024年12月底前完成: its span points at that sentence, outside the task).
A sub-task that states none keeps ``due=None`` under a dated parent (or takes that default). Inheriting would
invent a date the text does not give (a part is often due before the whole), and every consumer could no longer
tell a stated deadline from a guessed one. Schedules that need a date for every task make that assumption
themselves and say so (``plankg.analysis.durations``: "a task without its own deadline takes its enclosing
task's").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from plankg.ingest.dates import find_default_due, find_due
from plankg.ingest.facts import Document, Heading, PlanMeta, Span, Task
from plankg.ingest.outline import CLOSING, chinese_number, own_text_end
from plankg.ingest.outline import RUN_IN_STYLES as _RUN_IN_PATTERNS
from plankg.ingest.table_links import link_table_rows
from plankg.ingest.tables import find_task_tables, table_tasks
from plankg.ingest.text import normalize, normalize_label

# Every pattern below runs on ``normalize(title)`` (simplified characters, half-width forms), so 重點任務 and
# 三、２０２４年工作計劃 read like 重点任务 and 三、2024年工作计划; titles and numbers keep their printed form.

# Headings that announce tasks: 三、重点任务 / 五、主要任务 / (三)重点工作 / 四、工作措施 / 附件 任务分工.
# A report's forward-looking part holds tasks too: 三、2024年工作计划 / 四、下一步工作打算 / 明年工作思路.
CONTAINER = re.compile(
    r"(?:主要|重点|工作|具体|核心|重大|年度)任务|任务(?:分工|清单|措施)|(?:重点|主要|年度)工作|工作(?:措施|举措|安排)"
    r"|(?:主要|重点|具体)(?:举措|措施)|工作重点|(?:重点|主要|专项)行动"
    r"|工作(?:计划|打算|思路|部署)|下一步|(?:工作|主要|实施|建设)内容|建设任务|重点项目"
    # a rectification plan's problems with their fixes: 三、存在问题及整改措施 / 整改任务 / 问题清单及整改措施
    r"|整改(?:措施|任务|事项)"
)
# The announcement ends the heading, or only the form of its list follows (重点任务分工表, 重点项目清单, 主要任务及分工):
# a task whose words hold a container word (保障重点项目用地, 完成年度任务) announces nothing.
_ANNOUNCES = re.compile(rf"(?:{CONTAINER.pattern})(?:(?:及|和|与)?(?:责任)?(?:任务)?(?:分解|分工|清单|一览)?表?)$")
# Top-level actions of a work plan: 一、实施…提升行动 / 二、开展…专项行动 / 三、推进…工程.
ACTION = re.compile(r"^(?:实施|开展|推进|推动|深化|打好|打赢|组织)\S{2,30}(?:行动|攻坚战|工程|计划)$")
# Sections that describe rather than assign: achievements, situation, principles, goals, safeguards, requirements.
# A report's review of the year is background too: 一、2023年工作开展情况 / 二、存在的问题 / 主要成效.
BACKGROUND = re.compile(
    r"成就|回顾|形势|背景|现状|指导思想|基本原则|工作原则|总体要求|(?:发展|总体|主要|工作|具体)目标|目标要求"
    r"|保障措施|组织(?:领导|实施|保障)|工作要求|有关要求|名词解释|附则"
    # the schedule of the plan itself: 四、实施步骤 / 时间安排 / 进度安排 / 方法步骤 / 阶段安排
    r"|(?:实施|工作|方法|推进)步骤|(?:步骤|时间|进度|阶段)安排"
    r"|(?:开展|进展|完成|落实|推进|执行)情况|存在(?:的)?(?:问题|不足)(?![及和与]整改)|(?:主要|工作)(?:成效|成绩|做法)|取得(?:的)?成效"
)
# Plans that divide work among owners (…重点工作任务分工方案, …责任分解): the title announces the tasks, so the top
# groups of such a plan without a task heading (二、坚持工业强县，加快构建…产业体系, items 2.–6. below) are tasks too,
# each holding its items; an action (一、实施…行动) stays a container, as in any plan.
DIVISION_KINDS = re.compile(r"(?:任务|责任)(?:分工|分解)$|分工方案$")
RUN_IN_STYLES = tuple(style for style, _ in _RUN_IN_PATTERNS)  # 一是…, 第一，…, …；②…, …，1．…
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(?!\s*(?:[-—至到~]|以来|以前))")
REPORT_KINDS = ("工作总结", "总结", "报告")
_TRAILING_DELIMITER = re.compile(r"[\s、.,:]+$")  # after normalize: 1. 1． 一、 一， 问题1：


def extract_tasks(document: Document, headings: list[Heading], plan: PlanMeta) -> list[Task]:
    """Tasks of the outline and of the task tables, in text order of their kind (outline first)."""
    tables = find_task_tables(document.text)
    outline_headings = [h for h in headings if not any(t.span.contains(h.span) for t in tables)]
    tasks = outline_tasks(document.text, outline_headings, plan)
    outline = list(tasks)
    for table in tables:
        holder = next((h for h in reversed(outline_headings) if h.span.start < table.span.start), None)
        rows = table_tasks(document, plan, first_id=len(tasks) + 1, tables=[table])
        for row in rows:
            row.heading = holder.id if holder else None
        link_table_rows(outline, rows)
        tasks.extend(rows)
    default = find_default_due(document.text, plan)
    for task in tasks if default else ():
        task.due = task.due or replace(default)
    return tasks


def outline_tasks(text: str, headings: list[Heading], plan: PlanMeta) -> list[Task]:
    """Tasks from the numbered headings under task containers, list and body of one number merged."""
    by_id = {h.id: h for h in headings}
    containers, holding_tasks = _containers(text, headings, plan)
    tasks: list[Task] = []
    task_of_heading: dict[str, Task] = {}
    seen: dict[tuple, Task] = {}
    for heading in headings:
        container = heading if heading.id in holding_tasks else _container_of(heading, by_id, containers)
        if container is None or heading.id in containers - holding_tasks or heading.style == "annex":
            continue
        parent_heading = by_id.get(heading.parent) if heading.parent else None
        parent_task = task_of_heading.get(parent_heading.id) if parent_heading else None
        # an item is known by its number; an unnumbered one (a 专栏 box's 名称：内容 line, a ● bullet) by its title
        value = _value(heading.number) if heading.number else None
        key = (normalize_label(container.title), heading.style,
               value if value is not None else normalize_label(heading.title),
               parent_task.id if parent_task else None)
        own = Span(heading.body.start, max(heading.body.start, own_text_end(headings, heading)))
        body = _trim(text, own)
        if key in seen:  # the same number again: the list gave the title, this is its body
            task = seen[key]
            if not task.text and len(heading.body):
                task.text, task.span, task.source = body, Span(heading.span.start, heading.body.end), "outline"
                task.due = task.due or _due(text, heading, own, _section_plan(heading, by_id, plan), headings)
            task_of_heading[heading.id] = task
            continue
        listed = not len(heading.body) and heading.style not in RUN_IN_STYLES and not _is_sentence(text, heading)
        task = Task(
            id=f"t{len(tasks) + 1}",
            number=_bare_number(heading.number),
            title=heading.title,
            text=_clause_title_sentence(text, heading, own) or body or ("" if listed else heading.title),
            span=Span(heading.span.start, max(heading.span.end, heading.body.end)),
            heading=heading.parent,
            parent=parent_task.id if parent_task else None,
            due=_due(text, heading, own, _section_plan(heading, by_id, plan), headings),
            source="list" if listed else "outline",
            category=heading.box,
        )
        tasks.append(task)
        seen[key] = task
        task_of_heading[heading.id] = task
    return tasks


def _containers(text: str, headings: list[Heading], plan: PlanMeta) -> tuple[set[str], set[str]]:
    """Ids of the headings whose numbered descendants are tasks, and of those among them that are tasks too."""
    by_id = {h.id: h for h in headings}
    found: set[str] = set()
    announced: set[str] = set()  # containers by a CONTAINER word, not merely by an action's shape
    titles = {h.id: normalize(h.title) for h in headings}
    background = {h.id for h in headings if h.style == CLOSING or BACKGROUND.search(titles[h.id])}
    for heading in headings:
        if heading.id in background or _under(heading, by_id, found | background):
            continue
        if _ANNOUNCES.search(titles[heading.id]):
            announced.add(heading.id)
            found.add(heading.id)
        elif heading.parent is None and ACTION.match(titles[heading.id]):
            found.add(heading.id)
    in_body = {h for h in announced if not _in_annex(by_id[h], by_id)}
    if in_body or normalize(plan.kind or "").endswith(REPORT_KINDS):
        return found, set()
    # an annex's 重点工作任务分解表 is no container of the body: the body's tasks still sit under its top headings
    top = {h.id for h in headings if h.level == 1 and h.style != "annex" and h.id not in background}
    divided = top - found if DIVISION_KINDS.search(normalize(plan.kind or "")) else set()
    return found | top, divided | _lone_items(text, headings, top - announced, plan)


# An item closes with its owners: …，9月底前投入使用。（县教育体育局） / …。(牵头单位：县住建局)
_OWNERS_CLOSE = re.compile(r"[。;]\s*(?:\([^()]{2,80}\)|【[^【】]{2,80}】)[。;]?\s*$")


def _lone_items(text: str, headings: list[Heading], top: set[str], plan: PlanMeta) -> set[str]:
    """Top headings without items that read as tasks: each names a deadline or closes with its owners. A plan
    made of such items only (1.新建…幼儿园3所，9月底前投入使用。（县教育体育局） 2.… 20.…) is a task list, whatever
    its kind, and an action among them (3.实施…提升工程，…年底前完成。) holds no items but is one; a top heading that groups nothing and assigns nothing (一、总体要求 read as prose) stays none. A
    run-in 一是… above the first group stands in the preamble: it is no task."""
    parents = {h.parent for h in headings}
    lone = set()
    for heading in headings:
        if heading.id not in top or heading.id in parents or heading.style in RUN_IN_STYLES:
            continue
        words = text[heading.span.start:max(heading.span.end, heading.body.end)]
        if _OWNERS_CLOSE.search(normalize(words)) or find_due(words, plan) is not None:
            lone.add(heading.id)
    return lone


def _in_annex(heading: Heading, by_id: dict[str, Heading]) -> bool:
    return heading.style == "annex" or any(by_id[parent].style == "annex" for parent in _ancestors(heading, by_id))


def _ancestors(heading: Heading, by_id: dict[str, Heading]):
    """The ids above ``heading``, nearest first; the chain stops at a heading left out of ``by_id`` (one inside a
    task table is not part of the outline)."""
    parent = heading.parent
    while parent in by_id:
        yield parent
        parent = by_id[parent].parent


def _under(heading: Heading, by_id: dict[str, Heading], ids: set[str]) -> bool:
    return any(parent in ids for parent in _ancestors(heading, by_id))


def _container_of(heading: Heading, by_id: dict[str, Heading], containers: set[str]) -> Heading | None:
    """The nearest container above ``heading``."""
    return next((by_id[parent] for parent in _ancestors(heading, by_id) if parent in containers), None)


def _bare_number(printed: str) -> str:
    """The number as printed without its delimiter: 1. -> 1, 一、 -> 一, (3) stays (3), 一是 stays 一是."""
    stripped = printed.strip()
    return stripped[:len(_TRAILING_DELIMITER.sub("", normalize(stripped)))] or printed


def _value(printed: str) -> int | None:
    """The value of a heading number: (三) -> 3, 12. -> 12, 二是 -> 2, 2.1.3 -> 3 (its last part)."""
    numeral = re.search(r"\d+(?=[^\d]*$)|[零〇一二两三四五六七八九十百]+|[①-⑳]", normalize(printed))
    return chinese_number(numeral.group()) if numeral else None


def _trim(text: str, span: Span) -> str:
    return text[span.start:span.end].strip()


def _clause_title_sentence(text: str, heading: Heading, own: Span) -> str:
    """The words of an item titled by its first clause (一是加强监管，将…纳入…；, 5．深化…改革，发展…。): the whole
    sentence with what follows it, which the title alone would cut; "" for an item with a title of its own."""
    start = text.find(heading.title, heading.span.start, heading.span.end) if heading.title else -1
    if start < 0 or normalize(text[start + len(heading.title):start + len(heading.title) + 1]) != ",":
        return ""
    return text[start:max(own.end, heading.span.end)].strip()


def _is_sentence(text: str, heading: Heading) -> bool:
    """A heading line that is a whole sentence (（1）春季开展一次集中消杀。) is a task of one sentence, not a
    list entry waiting for its body."""
    return heading.span.end > heading.span.start and text[heading.span.end - 1] in "。；;！!"


def _section_plan(heading: Heading, by_id: dict[str, Heading], plan: PlanMeta) -> PlanMeta:
    """The plan as seen from ``heading``: a section naming one year (三、2024年工作计划 in a report on 2023) sets
    the year of deadlines without one (3月底前, 年内) below it."""
    for parent in _ancestors(heading, by_id):
        years = set(_YEAR.findall(normalize(by_id[parent].title)))
        if len(years) == 1:
            year = int(years.pop())
            return replace(plan, period_start=year, period_end=year)
    return plan


def _due(text: str, heading: Heading, own: Span, plan: PlanMeta, headings: list[Heading]):
    """The first deadline in a task's own words (title and body before its sub-tasks), else in the words after its
    last sub-task (an owner line closing a list: (县水务局，10月底前完成), see ``outline``)."""
    index = bisect_left(headings, heading.body.end, key=lambda h: h.span.start) - 1 if own.end < heading.body.end else -1
    last = headings[index] if index >= 0 and headings[index].span.start >= heading.body.start else None
    for start, end in ((heading.span.start, own.end), (last.body.end if last else own.end, heading.body.end)):
        due = find_due(text[start:end], plan) if end > start else None
        if due is not None:
            if due.span is not None:
                due.span = Span(start + due.span.start, start + due.span.end)
            return due
    return None
