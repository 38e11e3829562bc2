"""Task tables (重大改革清单, 重大项目清单, 任务分工, 责任分工 …) read into items and their dated sub-tasks.

A task table is recognised by its header: a 序号 column plus a name or content column. Columns are told apart by
the words of their header cells, not by one document's exact header (see ``COLUMN_WORDS``), so 改革名称/改革任务/
完成时间 and 重点任务/牵头单位/配合单位/完成时限 both work.

Two layouts are read:

* flattened, one cell per line, as web pages and PDF text layers often give tables: the header cells (split over
  lines: 完成 / 时间), category rows (一、信息化项目), then per item its 序号, its name and one or more
  (content, agencies, deadline) groups. The deadline cell closes a group, so merged cells (one 序号 and name over
  several rows) come out right;
* one row per line with cells separated by tabs, ``|`` or wide spaces, as DOCX tables are written out. A row
  without a 序号 continues the item above (its 序号 and name cells merged down); a tab-separated row keeps its
  empty fields in place, and an empty lead or deadline there is the merged cell above it. In a text table (``|``
  or fixed-width columns, see ``_Layout``) a line without 序号 or deadline of its own that holds only the rest of
  unfinished cells above is their wrapped text: its pieces are joined to them (``_continue_wrapped``).

Header words, category rows and cell kinds are matched on ``normalize``d text (序號 and 完成時限 are 序号 and 完成时限,
２０２４年 is 2024年); cells keep their printed text and spans.

Each item becomes a ``Task`` (source "table"); each group below an item with a name column becomes a sub-task whose
``parent`` is the item, carrying its own deadline and agencies.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from plankg.ingest.agencies import is_collective, resolve_agency
from plankg.ingest.dates import parse_due
from plankg.ingest.facts import AgencyRef, Document, Due, PlanMeta, Span, Task
from plankg.ingest.outline import LINE_STYLES
from plankg.ingest.text import lines, normalize

# Header words -> column kind, checked in this order (a cell is the first kind whose words it contains).
# Examples: 序号 | 编号; 牵头单位 | 牵头部门; 配合单位 | 协同部门; 责任单位 | 主责部门 | 承办单位;
# 完成时限 | 完成时间 | 建设年限 | 时间节点 | 进度安排; 项目名称 | 改革名称 | 事项; 改革任务 | 项目内容 | 工作措施.
COLUMN_WORDS: list[tuple[str, re.Pattern[str]]] = [
    ("number", re.compile(r"序号|编号")),
    ("lead", re.compile(r"牵头")),
    ("supporting", re.compile(r"配合|协同|协办|参与")),
    ("responsible", re.compile(r"责任(?:单位|部门|主体|领导|科室|处室)|主责|承办|负责(?:单位|部门)|实施主体")),
    ("due", re.compile(r"时限|时间|期限|年限|节点|进度|时序|年度")),
    ("name", re.compile(r"名称")),
    ("content", re.compile(r"内容|措施|举措|目标|要求|标准|成果")),
    ("task", re.compile(r"任务|事项|项目|工作")),  # the name column when no 名称 column precedes it, else content
]
AGENCY_KINDS = ("lead", "responsible", "supporting")
# A header cell split over two lines: the second line is one of these words (项目 / 名称, 牵头 / 单位).
_HEADER_SUFFIXES = {"名称", "内容", "时间", "时限", "单位", "部门", "任务", "节点", "期限"}
# Cell separators of a row line, matched on the original text: ``normalize`` folds a tab to a space. Full-width ｜
# and ideographic or no-break spaces separate like their ASCII forms.
_ROW_SEPARATOR = re.compile(r"\t+|\s*[|｜]\s*|[ \u3000\u00a0]{2,}")
_BAR = re.compile(r"[|｜]")
# A rule between rows of a text table: |---|:---| (Markdown), +-----+-----+ (a grid), ───── (box drawing).
_RULE_LINE = re.compile(r"[|｜+:\s]*[-=─━═]{3,}[-=─━═|｜+:\s┼╋┬┴├┤┌┐└┘│┃]*")
# A 序号 field: 1, 1., 1、, （1）, ①… after normalize.
_ROW_NUMBER = re.compile(r"\(?\d{1,3}\)?[.、]?")
# A category row: 一、基础设施 / （二）民生保障, a title without a full stop (（二）加强监管。…。 is the text's next item).
_CATEGORY = re.compile(r"(?P<n>[一二三四五六七八九十]{1,3})\s*[、.]\s*(?P<title>[^\s。;!?][^。;!?]{0,40})$"
                       r"|\(\s*(?P<pn>[一二三四五六七八九十]{1,3})\s*\)\s*(?P<ptitle>[^\s。;!?][^。;!?]{0,40})$")
# A 专栏 box's title line (专栏3  重大交通项目 / 专栏一：… / 专栏2-1 …) as a table's caption, or above it: the table's
# rows stand in the box, as the box's items do (``Heading.box``), and carry its title as their category.
_BOX_TITLE = re.compile(r"专栏\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})?(?:\s*-\s*\d{1,2})?\s*:?\s*(?P<title>[^。;!?]{2,60}?)")
# An indicator table (主要指标) names its indicators in one column and their values in others; it yields targets
# (``targets.indicator_tables`` reads it), never tasks, though its 目标值 column reads like a task table's 目标:
#   序号 | 指标 | 单位 | 2020年基期值 | 2025年目标值 | 属性
#   类别 | 指标名称 | 计量单位 | 现状值 | 规划目标值 | 指标属性
#   序号 | 主要指标 | 2023年 | 2025年 (a bare year heads the column of that year's values)
_INDICATOR_NAME = re.compile(r"(?:主要|具体|核心|关键)?指标(?:名称|内容|项)?")
_INDICATOR_VALUE = re.compile(r".{0,6}(?:基期|基准|现状|目标|预期|规划|实际|完成)值|(?:19|20)\d{2}年?(?:值|底|末)?|(?:指标)?属性")
_ANNEX = dict(LINE_STYLES)["annex"]
_TABLE_END = [pattern for style, pattern in LINE_STYLES if style in ("annex", "chapter", "section")]
# A note under a table (注：[ ]内为五年累计数。/ 备注1：… / 说明：…) ends it: it is no cell of the last row.
_NOTE = re.compile(r"(?:注|备注|说明|资料来源)\s*\d{0,2}\s*:")
_SEQUENCE = re.compile(r"\d{1,3}")
# A cell that is only a figure (总投资 120000, 资金 3.5亿元, 1,200万元) is an amount column's value, never a task.
_BARE_FIGURE = re.compile(r"[\d.,]+\s*(?:万元|亿元|元|万|亿)?")
# An agency cell: short organ names (县民政局, 市委政法委, 各乡镇人民政府) separated by 、，/ or spaces. A name does not
# begin with the verb of a task (完善…布局 ends in 局 but is work, not an organ).
# Organ suffixes include 处 (街道办事处, 法规处), 科 (社会救助科: a department's own office, as its work plans assign
# rows), 会 (总工会), 站, 联 (妇联), 社 (供销社), 学校 (县职业技术学校); a cell with a
# quantity (200项) or an action verb (实现…全程网办) is work, whatever its last character.
_TASK_VERB = (
    r"完善|建设|推进|加强|开展|建立|健全|实施|落实|深化|提升|强化|推动|打造|优化|构建|制定|组织|调整|形成|实现|完成|推行"
    r"|推广|召开|举办|创建|新建|改造|整治|压缩|提高|扩大|培育|开发|编制|出台|规范|严格|全面|持续|做好|抓好|确保"
)
_AGENCY = re.compile(
    rf"(?![^\s、，,;；/]{{0,3}}(?:{_TASK_VERB}))(?![^\s、，,;；/]*\d+[项个件家所条次户人万亿%])"
    r"[^\s、，,;；/]{1,20}?(?:局|委|办|院|部|厅|所|队|处|科|会|站|联|社|中心|政府|单位|部门|公司|银行|集团|办公室|委员会"
    r"|街道|乡镇|镇|乡|组|学校)"
    r"(?=$|[\s、，,;；/及和])"
)
_AGENCY_CELL = re.compile(rf"^(?:{_AGENCY.pattern}(?:各|及|和)?[\s、，,;；/]*)+$")
# A role stated inside an agency cell: 市教育局（牵头）、市财政局 / 市发展改革委牵头，市直有关部门配合.
_ROLE_MARK = re.compile(
    r"\(\s*(?P<boxed>牵头|配合|协办|参与|负责|主责)\s*(?:单位|部门)?\s*\)|(?P<bare>牵头|配合|协办|参与|负责)(?=$|[\s、，,;；/])"
)
_ROLE_OF_MARK = {"牵头": "lead", "主责": "lead", "配合": "supporting", "协办": "supporting", "参与": "supporting",
                 "负责": "responsible"}


@dataclass
class Cell:
    text: str
    span: Span
    # a cell wrapped onto the next lines of a text table: the spans of its pieces (its text is theirs joined)
    pieces: tuple[Span, ...] = ()

    def joined(self, more: Cell) -> Cell:
        """This cell with the next piece of its wrapped text."""
        pieces = (self.pieces or (self.span,)) + (more.pieces or (more.span,))
        return Cell(self.text + more.text, Span(self.span.start, more.span.end), pieces)

    def source(self, start: int, end: int) -> Span:
        """Where the cell's characters ``start:end`` are in the document (from the first piece to the last one
        they touch, for a wrapped cell)."""
        if not self.pieces:
            return Span(self.span.start + start, self.span.start + end)
        offset, first, last = 0, None, None
        for piece in self.pieces:
            if first is None and start < offset + len(piece):
                first = piece.start + start - offset
            if end <= offset + len(piece):
                last = piece.start + end - offset
                break
            offset += len(piece)
        return Span(first if first is not None else self.span.end, last if last is not None else self.span.end)


@dataclass
class Group:
    """One (content, agencies, deadline) row under a table item."""

    content: list[Cell] = field(default_factory=list)
    agencies: list[tuple[str, Cell]] = field(default_factory=list)  # (column kind, cell)
    due: Cell | None = None
    last_column: int = -1  # flattened tables: the header position of the group's last cell


@dataclass
class Item:
    number: Cell | None
    name: Cell | None
    category: str | None
    groups: list[Group] = field(default_factory=list)


@dataclass
class TaskTable:
    caption: str | None
    columns: list[str]  # column kinds in order: number, name, content, lead, responsible, supporting, due, other
    span: Span
    items: list[Item] = field(default_factory=list)


def find_task_tables(text: str) -> list[TaskTable]:
    """Every task table in ``text``, flattened or row by row."""
    spans = lines(text)
    folded = normalize(text)
    tables: list[TaskTable] = []
    index = 0
    while index < len(spans):
        table, index = _read_table(text, folded, spans, index)
        if table is not None:
            tables.append(table)
    return tables


def is_task_header(cells: list[str]) -> bool:
    """Whether ``cells`` (one line's fields) are the header of a task table: 序号 first, then column words only
    (序号 项目名称 责任单位 完成时限), so that a reader can keep the cell boundaries of the rows below it."""
    words = [_squash(normalize(cell)) for cell in cells]
    return (all(len(word) <= 10 and _kind(word) for word in words) and _is_task_header(_columns(words))
            and not is_indicator_header(cells))


def is_indicator_header(cells: list[str]) -> bool:
    """Whether header cells (one per column, or a header's lines) are an indicator table's: a column naming the
    indicator and one of its values or its 属性. Such a table is no task table; ``targets`` reads its figures."""
    words = [_squash(normalize(cell)) for cell in cells]
    return any(_INDICATOR_NAME.fullmatch(word) for word in words) and any(
        _INDICATOR_VALUE.fullmatch(word) for word in words)


def table_tasks(
    document: Document, plan: PlanMeta, first_id: int = 1, tables: list[TaskTable] | None = None
) -> list[Task]:
    """The items and sub-tasks of the document's task tables (found when not given), numbered from t{first_id}."""
    tasks: list[Task] = []
    for table in find_task_tables(document.text) if tables is None else tables:
        for item in table.items:
            tasks.extend(_item_tasks(document.text, table, item, plan, first_id + len(tasks)))
    return tasks


def _read_table(text: str, folded: str, spans: list[Span], index: int) -> tuple[TaskTable | None, int]:
    """Read a table whose header starts at line ``index``; (None, index + 1) when there is none."""
    line = _squash(folded[spans[index].start:spans[index].end]).lstrip("|")
    if not COLUMN_WORDS[0][1].match(line):
        return None, index + 1
    cells = _split_row(text, spans[index])
    if len(cells) > 1:
        columns, body = _row_header(text, spans, index, cells)
        if _is_task_header(columns) and not is_indicator_header([cell.text for cell in cells]):
            return _read_rows(text, spans, index, columns, body)
        return None, index + 1
    header: list[str] = []
    cursor = index
    while cursor < len(spans) and len(header) < 12:
        cell = _squash(folded[spans[cursor].start:spans[cursor].end])
        if len(cell) > 10 or re.search(r"[。,;:]", cell) or _SEQUENCE.fullmatch(cell) or _CATEGORY.match(cell):
            break
        header.append(cell)
        cursor += 1
    columns = _columns(header)
    if not _is_task_header(columns) or is_indicator_header(header):
        return None, index + 1
    return _read_flattened(text, folded, spans, index, cursor, columns)


def _row_header(text: str, spans: list[Span], index: int, cells: list[Cell]) -> tuple[list[str], int]:
    """Column kinds of a one-row-per-line header, and the index of its first body line. A tab-separated header
    keeps its empty fields: a field left empty beside a cell is that cell spanning two columns, and a second header
    row under it names the columns it spans (责任单位 over 牵头单位 / 配合单位):
        序号⇥重点任务⇥具体措施⇥责任单位⇥⇥完成时限
        ⇥⇥⇥牵头单位⇥配合单位⇥
    """
    fields = _line_fields(text, spans[index])
    if len(fields) < 2 or fields[0] is None:
        return _columns([_squash(normalize(c.text)) for c in cells]), index + 1
    words: list[str] = []
    for field in fields:  # a spanned field is named by the cell on its left
        words.append(_squash(normalize(field.text)) if field is not None else words[-1])
    body = index + 1
    below = _line_fields(text, spans[body]) if body < len(spans) else []
    if len(below) == len(fields) and below[0] is None and any(below) and all(
            field is None or (len(_squash(field.text)) <= 10 and _kind(_squash(normalize(field.text))))
            for field in below):
        words = [_squash(normalize(field.text)) if field is not None else word for word, field in zip(words, below)]
        body += 1
    kinds: list[str] = []
    for word in words:
        kind = _kind(word) or "other"
        kinds.append(("content" if "name" in kinds else "name") if kind == "task" else kind)
    return kinds, body


def _line_fields(text: str, span: Span) -> list[Cell | None]:
    """The tab-separated fields of the whole line around ``span`` (None where a field is empty); [] for a line
    without tabs."""
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    line = text[start:len(text) if end < 0 else end]
    if "\t" not in line:
        return []
    fields: list[Cell | None] = []
    for field in line.split("\t"):
        stripped = field.strip()
        offset = start + field.find(stripped) if stripped else start
        fields.append(Cell(stripped, Span(offset, offset + len(stripped))) if stripped else None)
        start += len(field) + 1
    return fields


def _squash(cell: str) -> str:
    return re.sub(r"\s+", "", cell)


def _columns(header_cells: list[str]) -> list[str]:
    """Column kinds from header cells, joining cells split over two lines (完成 / 时间, 项目 / 名称)."""
    merged: list[str] = []
    pending = ""
    for cell in header_cells:
        if merged and not pending and cell in _HEADER_SUFFIXES and merged[-1][-2:] not in _HEADER_SUFFIXES:
            merged[-1] += cell
            continue
        candidate = pending + cell
        if _kind(candidate) is None and not pending:
            pending = cell
            continue
        merged.append(candidate)
        pending = ""
    kinds: list[str] = []
    for cell in merged:
        kind = _kind(cell) or "other"
        if kind == "task":
            kind = "content" if "name" in kinds else "name"
        kinds.append(kind)
    return kinds


def _kind(cell: str) -> str | None:
    for kind, words in COLUMN_WORDS:
        if words.search(cell):
            return kind
    return None


def _is_task_header(columns: list[str]) -> bool:
    return columns[:1] == ["number"] and len(columns) >= 2 and ("name" in columns or "content" in columns)


def _caption(text: str, spans: list[Span], header_index: int) -> str | None:
    """The table's caption: the short line above the header, led by its annex label (附表1 重大改革清单)."""
    if header_index == 0:
        return None
    above = spans[header_index - 1].text(text).strip()
    if len(above) > 80 or above.endswith(("。", "；", ";")):
        return None
    label_line = spans[header_index - 2].text(text).strip() if header_index >= 2 else ""
    if _ANNEX.fullmatch(normalize(label_line)):
        return f"{label_line} {above}"
    return above


def _box_title(text: str, spans: list[Span], header_index: int) -> str | None:
    """The title of the 专栏 box whose title line is the table's caption or the line above its caption."""
    for above in (1, 2):
        if header_index < above:
            return None
        line = spans[header_index - above].text(text).strip()
        match = _BOX_TITLE.fullmatch(normalize(line))
        if match:
            return line[match.start("title"):match.end("title")]
        if len(line) > 40 or re.search(r"[。;；]", line):
            return None  # a sentence: the table stands in the text, not under a box line
    return None


def _read_flattened(
    text: str, folded: str, spans: list[Span], header_index: int, cursor: int, columns: list[str]
) -> tuple[TaskTable, int]:
    table = TaskTable(_caption(text, spans, header_index), columns, Span(spans[header_index].start, spans[cursor - 1].end))
    has_name = "name" in columns
    agency_columns = [kind for kind in columns if kind in AGENCY_KINDS]
    category = _box_title(text, spans, header_index)
    item: Item | None = None
    last_number = 0
    header = _header_words(text, spans, header_index, cursor)
    while cursor < len(spans):
        span = spans[cursor]
        raw = span.text(text).strip()
        cell_text = _squash(folded[span.start:span.end])
        cell = Cell(raw, span)
        if _header_words(text, spans, cursor, cursor + len(header)) == header:
            cursor += len(header)  # the header again, where the table goes on after a page break
            continue
        if any(pattern.match(cell_text) for pattern in _TABLE_END) or COLUMN_WORDS[0][1].fullmatch(cell_text) or (
                _NOTE.match(cell_text)):
            break  # the next annex, chapter or table, or a note under this one
        if _SEQUENCE.fullmatch(cell_text) and (int(cell_text) == last_number + 1 or int(cell_text) == 1):
            last_number = int(cell_text)
            item = Item(number=cell, name=None, category=category)
            table.items.append(item)
            if has_name and cursor + 1 < len(spans):
                cursor += 1
                item.name = Cell(spans[cursor].text(text).strip(), spans[cursor])
        elif _CATEGORY.match(cell_text) and (item is None or _group_closed(item, "due" in columns)):
            category = raw
        elif item is None:
            break  # text after a header that no item follows
        elif _BARE_FIGURE.fullmatch(cell_text):
            pass  # an amount (总投资): part of the row, no content of its own
        elif parse_due(raw) is not None or _is_due_like(cell_text):
            group = _open_group(item, _position(columns, "due"), _position(columns, "due"))
            group.due = cell
        elif agency_columns and _AGENCY_CELL.match(_squash(_agency_text(raw))):
            group = _open_group(item, _position(columns, agency_columns[0]), _position(columns, "due"))
            group.agencies.append((agency_columns[min(len(group.agencies), len(agency_columns) - 1)], cell))
        else:  # a content cell; without a deadline column each one is a row of its own
            group = _open_group(item, _position(columns, "content" if "content" in columns else "name"),
                                _position(columns, "due"), new_content="due" not in columns)
            group.content.append(cell)
        table.span = Span(table.span.start, span.end)
        cursor += 1
    return _drop_unfinished_rows(table, spans, cursor, "due" in columns, "content" in columns or has_name)


def _drop_unfinished_rows(
    table: TaskTable, spans: list[Span], cursor: int, has_due: bool, has_content: bool
) -> tuple[TaskTable, int]:
    """End the table at its last finished row. What follows a flattened table without a break (a signature:
    organ + date; a footer line) reads like trailing cells of the last item, but it never forms a row: it has no
    content, or no deadline where the table has a deadline column. Those lines go back to the text."""
    if not table.items:
        return table, cursor
    last = table.items[-1]
    while len(last.groups) > 1 and (
        (has_content and not last.groups[-1].content) or (has_due and last.groups[-1].due is None)
    ):
        last.groups.pop()
    cells = [c for c in (last.number, last.name) if c] + [c for g in last.groups for c in _group_cells(g)]
    end = max(c.span.end for c in cells)
    if end < table.span.end:
        table.span = Span(table.span.start, end)
        cursor = next((i for i, span in enumerate(spans) if span.start >= end), len(spans))
    return table, cursor


def _is_due_like(cell: str) -> bool:
    """Deadline cells naming several years (2021年、2022年; 2021,2023): the last one counts."""
    return bool(re.fullmatch(r"(?:(?:19|20)\d{2}\s*年?[、,至\-~〜]?)+", cell))  # after normalize: — and ～ are - and ~


def _group_closed(item: Item, has_due: bool) -> bool:
    """Whether the item's last row is complete, so that a category row may follow."""
    return bool(item.groups) and (item.groups[-1].due is not None or not has_due)


def _open_group(item: Item, column: int, due_column: int, new_content: bool = False) -> Group:
    """The group a cell belongs to: the current one until a cell of an earlier column comes, or a cell up to the
    deadline's column once the deadline is filled (项目名称 / 建设内容 / 建设年限 / 责任单位: the agency after the
    deadline is the same row's, the content after it starts the next); without a deadline column each content
    cell is a row of its own."""
    last = item.groups[-1] if item.groups else None
    if last is None or column < last.last_column or (last.due is not None and column <= due_column) or (
            new_content and last.content):
        item.groups.append(Group())
    group = item.groups[-1]
    group.last_column = max(group.last_column, column)
    return group


def _position(columns: list[str], kind: str) -> int:
    """Where a kind of cell stands in the header; a deadline the header lacks counts as after the last column, any
    other kind as the first (a content cell in a table without a content column starts a row)."""
    if kind in columns:
        return columns.index(kind)
    return len(columns) if kind == "due" else 0


def _read_rows(
    text: str, spans: list[Span], header_index: int, columns: list[str], body: int
) -> tuple[TaskTable, int]:
    table = TaskTable(_caption(text, spans, header_index), columns, Span(spans[header_index].start, spans[body - 1].end))
    header = _header_words(text, spans, header_index, body)
    layout = _layout(text, spans[header_index], len(columns))
    category = _box_title(text, spans, header_index)
    item: Item | None = None
    cursor = body
    while cursor < len(spans):
        span = spans[cursor]
        if _header_words(text, spans, cursor, cursor + len(header)) == header:
            # the header again, where the table goes on after a page break
            table.span = Span(table.span.start, spans[cursor + len(header) - 1].end)
            cursor += len(header)
            continue
        if _RULE_LINE.fullmatch(span.text(text)):  # |---|---| or +----+----+ between rows
            cursor += 1
            continue
        cells = _split_row(text, span)
        placed = _row_fields(text, span, layout)
        if len(cells) == 1 and _CATEGORY.match(_squash(normalize(cells[0].text))) and (
                placed is None or placed[0] is not None or placed[1] is not None):
            category = cells[0].text  # the table reaches over it only with a row under it
            cursor += 1
            continue
        elif placed is None and (len(cells) < 2 or (layout.kind == "bar" and _BAR.search(span.text(text)))):
            break  # a paragraph after the table, or a line of bars that is not one of its rows
        elif layout.kind in ("bar", "space") and placed is not None and not _is_row_number(placed[0]):
            break  # a first field that is no 序号: a footer line (主办：…  技术支持：…), not a row
        elif layout.kind in ("bar", "space") and placed is not None and _continue_wrapped(item, columns, placed):
            pass  # a line of a cell (or cells) wrapped: its pieces are joined to the cells above
        else:
            if placed is None:  # cells left out by a merge are the first ones: the others are right-aligned
                placed = [None] * (len(columns) - len(cells)) + cells if len(cells) < len(columns) else cells
            by_kind: dict[str, Cell] = {}
            agencies: list[tuple[str, Cell]] = []
            for kind, cell in zip(columns, placed):
                if cell is None:
                    continue
                if kind in AGENCY_KINDS:
                    agencies.append((kind, cell))
                else:
                    by_kind.setdefault(kind, cell)
            if "number" in by_kind or item is None:
                item = Item(number=by_kind.get("number"), name=by_kind.get("name"), category=category)
                table.items.append(item)
            elif item.groups:  # a continuation row: the lead and the deadline every row has, if empty, are merged
                above = item.groups[-1]
                if "lead" in columns and not any(kind == "lead" for kind, _ in agencies):
                    agencies = [(kind, cell) for kind, cell in above.agencies if kind == "lead"] + agencies
                if "due" not in by_kind and above.due is not None:
                    by_kind["due"] = above.due
            group = Group(content=[by_kind["content"]] if "content" in by_kind else [], agencies=agencies,
                          due=by_kind.get("due"))
            item.groups.append(group)
        table.span = Span(table.span.start, span.end)
        cursor += 1
    return table, cursor


@dataclass
class _Layout:
    """How the rows of a one-row-per-line table place their cells, as its header line shows:

    * "tab": fields apart by tabs, empty ones kept (merged cells, as ``read`` writes them);
    * "bar": fields between ``|`` bars, empty ones kept, bars at the line's ends or not (a page saved as text);
    * "space": cells apart by runs of spaces, each in the column under whose header cell it starts, counting a
      wide character as two columns (a fixed-width text table);
    * "plain": header cells that do not map one to one to columns (完成 / 时限 joined): cells in order.
    """

    kind: str
    width: int
    borders: tuple[bool, bool] = (False, False)  # "bar": the header opens / closes with a bar
    starts: tuple[int, ...] = ()  # "space": display column where each header cell starts


def _layout(text: str, header: Span, width: int) -> _Layout:
    line_start, line = _whole_line(text, header)
    if "\t" in line:
        return _Layout("tab", width)
    if _BAR.search(line):
        stripped = line.strip()
        borders = (bool(_BAR.match(stripped)), bool(_BAR.fullmatch(stripped[-1:])))
        layout = _Layout("bar", width, borders)
        return layout if _bar_fields(text, header, layout) is not None else _Layout("plain", width)
    cells = _split_row(text, header)
    if len(cells) != width:
        return _Layout("plain", width)
    return _Layout("space", width, starts=tuple(_display_width(text[line_start:c.span.start]) for c in cells))


def _row_fields(text: str, span: Span, layout: _Layout) -> list[Cell | None] | None:
    """The row's cells by column, None where a field is empty; None when the layout cannot place them."""
    if layout.kind == "tab":
        return _tab_fields(text, span, layout.width)
    if layout.kind == "bar":
        return _bar_fields(text, span, layout)
    if layout.kind == "space":
        return _space_fields(text, span, layout)
    return None


def _bar_fields(text: str, span: Span, layout: _Layout) -> list[Cell | None] | None:
    """Fields between bars, when the line has one per column:
        1    | 农村供水规模化建设 | 新建…，日供水能力 | 区水利局 | 2024年12月底前
             |                  | 达到2万吨         |          |
    """
    start, line = _whole_line(text, span)
    bounds = [0] + [m.end() for m in _BAR.finditer(line)]
    ends = [m.start() for m in _BAR.finditer(line)] + [len(line)]
    fields = [(start + a, start + b) for a, b in zip(bounds, ends)]
    if layout.borders[0] and fields and not text[fields[0][0]:fields[0][1]].strip():
        fields = fields[1:]
    if layout.borders[1] and fields and not text[fields[-1][0]:fields[-1][1]].strip():
        fields = fields[:-1]
    if len(fields) != layout.width:
        return None
    return [_stripped_cell(text, a, b) if text[a:b].strip() else None for a, b in fields]


def _space_fields(text: str, span: Span, layout: _Layout) -> list[Cell | None] | None:
    """Cells placed under the header cell where they start (within a column of it), when each fits its column:
        序号  任务名称      工作内容              完成时限
        1     智慧停车平台  建设停车诱导系统，接  2024年底前
                            入全市停车场
    """
    cells = _split_row(text, span)
    if len(cells) == layout.width:
        return list(cells)
    line_start, _ = _whole_line(text, span)
    placed: list[Cell | None] = [None] * layout.width
    last = -1
    for cell in cells:
        begin = _display_width(text[line_start:cell.span.start])
        column = max((i for i, start in enumerate(layout.starts) if start <= begin + 1), default=0)
        end = begin + _display_width(cell.text)
        if column <= last or (column + 1 < layout.width and end > layout.starts[column + 1] + 1):
            return None  # two cells in one column, or a cell wider than its column: no row of this table
        placed[column] = cell
        last = column
    return placed


def _whole_line(text: str, span: Span) -> tuple[int, str]:
    """The start and the text of the line around ``span``, its leading spaces included."""
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    return start, text[start:len(text) if end < 0 else end]


def _display_width(text: str) -> int:
    """Columns a fixed-width editor gives ``text``: two for a wide (CJK) character, one for any other."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _is_row_number(cell: Cell | None) -> bool:
    """Whether a row's first field is empty or a 序号 (1, 1., （1）)."""
    return cell is None or bool(_ROW_NUMBER.fullmatch(_squash(normalize(cell.text))))


def _continue_wrapped(item: Item | None, columns: list[str], placed: list[Cell | None]) -> bool:
    """Join a line without 序号 to the cells above it, when it is their wrapped rest: each of its pieces stands
    under a cell of the row above that is not finished (no full stop), and it has no deadline of its own.
    A line that brings its own deadline, or a cell where the row above has none, is a row of its own (the item's
    序号 and name merged down). Returns whether the line was joined."""
    if item is None or not item.groups or placed[0] is not None:
        return False
    group = item.groups[-1]
    pieces: list[tuple[str, Cell, Cell | None]] = []
    for kind, cell in zip(columns, placed):
        if cell is None:
            continue
        if kind == "due" and (parse_due(cell.text) is not None or _is_due_like(_squash(normalize(cell.text)))):
            return False
        above = _cell_above(item, group, kind)
        if kind != "other" and (above is None or normalize(above.text).endswith(("。", "!", "?"))):
            return False
        pieces.append((kind, cell, above))
    for kind, cell, above in pieces:
        if above is None:
            continue  # a column the table does not read (备注)
        joined = above.joined(cell)
        if kind == "name":
            item.name = joined
        elif kind == "content":
            group.content[-1] = joined
        elif kind == "due":
            group.due = joined
        else:
            index = max(i for i, (k, c) in enumerate(group.agencies) if c is above)
            group.agencies[index] = (kind, joined)
    return bool(pieces)


def _cell_above(item: Item, group: Group, kind: str) -> Cell | None:
    """The cell of column ``kind`` in the last row of ``item``: the one a wrapped piece continues."""
    if kind == "name":
        return item.name
    if kind == "content":
        return group.content[-1] if group.content else None
    if kind == "due":
        return group.due
    return next((cell for k, cell in reversed(group.agencies) if k == kind), None)


def _header_words(text: str, spans: list[Span], start: int, end: int) -> list[str]:
    """The squashed words of the header lines ``start:end``, to know a header repeated further down."""
    return [_squash(normalize(span.text(text))) for span in spans[start:min(end, len(spans))]]


def _tab_fields(text: str, span: Span, width: int) -> list[Cell | None] | None:
    """The cells of a tab-separated row by position, None where a field is empty (merged with the row above), when
    the row has a field per column: 1⇥任务⇥措施⇥县财政局 then ⇥⇥措施⇥⇥2024年 (the same lead, merged)."""
    fields = _line_fields(text, span)
    return fields if len(fields) == width else None


def _split_row(text: str, span: Span) -> list[Cell]:
    cells = []
    start = span.start
    for separator in [*_ROW_SEPARATOR.finditer(text, span.start, span.end), None]:
        end = separator.start() if separator else span.end
        if text[start:end].strip():
            cells.append(_stripped_cell(text, start, end))
        start = separator.end() if separator else end
    return cells


def _stripped_cell(text: str, start: int, end: int) -> Cell:
    """The cell of ``text[start:end]`` without its surrounding spaces, its span on its printed characters."""
    stripped = text[start:end].strip()
    offset = start + text[start:end].find(stripped)
    return Cell(stripped, Span(offset, offset + len(stripped)))


def _item_tasks(text: str, table: TaskTable, item: Item, plan: PlanMeta, first_id: int) -> list[Task]:
    groups = [g for g in item.groups if g.content or g.due or g.agencies]
    title_cell = item.name or next((c for g in groups for c in g.content), None)
    if title_cell is None:
        return []
    cells = [c for c in (item.number, item.name) if c] + [c for g in groups for c in _group_cells(g)]
    item_task = Task(
        id=f"t{first_id}",
        number=_number(item.number),
        title=title_cell.text,
        text="\n".join(c.text for g in groups for c in g.content),
        span=Span(min(c.span.start for c in cells), max(c.span.end for c in cells)),
        due=_latest(_dues(groups, plan)),
        agencies=_agencies(groups, plan),
        source="table",
        table=table.caption,
        category=item.category,
    )
    tasks = [item_task]
    if item.name is None and len(groups) <= 1:
        return tasks
    for group in groups:
        if not group.content:
            continue
        cells = _group_cells(group)
        content = "\n".join(c.text for c in group.content)
        tasks.append(Task(
            id=f"t{first_id + len(tasks)}",
            number=None,
            title=_first_clause(content),
            text=content,
            span=Span(min(c.span.start for c in cells), max(c.span.end for c in cells)),
            parent=item_task.id,
            due=_dues([group], plan)[0] if group.due else None,
            agencies=_agencies([group], plan),
            source="table",
            table=table.caption,
            category=item.category,
        ))
    return tasks


def _group_cells(group: Group) -> list[Cell]:
    return group.content + [cell for _, cell in group.agencies] + ([group.due] if group.due else [])


def _number(cell: Cell | None) -> str | None:
    return cell.text if cell is not None else None


def _dues(groups: list[Group], plan: PlanMeta) -> list[Due]:
    dues = []
    for group in groups:
        if group.due is None:
            continue
        due = parse_due(group.due.text, plan) or Due(text=group.due.text, year=_last_year(group.due.text))
        due.span = group.due.span
        dues.append(due)
    return dues


def _last_year(cell: str) -> int | None:
    years = re.findall(r"(?:19|20)\d{2}", normalize(cell))
    return int(years[-1]) if years else None


def _latest(dues: list[Due]) -> Due | None:
    dated = [d for d in dues if d.year is not None]
    return max(dated, key=lambda d: (d.date or "", d.year)) if dated else (dues[0] if dues else None)


def _agency_text(cell: str) -> str:
    """The matching form of an agency cell (same length): separators inside brackets do not split a name
    (各县(市、区)人民政府 is one organ), and role marks (（牵头）, 牵头, 配合) separate names like a comma."""
    folded = re.sub(r"\([^()]*\)", lambda m: re.sub(r"[、，,;；/\s]", "·", m.group()), normalize(cell))
    return _ROLE_MARK.sub(lambda m: " " * len(m.group()), folded)


def _agencies(groups: list[Group], plan: PlanMeta) -> list[AgencyRef]:
    """The agencies of the groups' cells; a role mark in the cell (X牵头，Y、Z配合) overrides the column's role for
    the names before it. An agency in the same role on several rows of one item is listed once (its first cell)."""
    once: dict[tuple[str, str], AgencyRef] = {}
    for ref in _cell_agencies(groups, plan):
        once.setdefault((ref.name, ref.role), ref)
    return list(once.values())


def _cell_agencies(groups: list[Group], plan: PlanMeta) -> list[AgencyRef]:
    refs: list[AgencyRef] = []
    for group in groups:
        for kind, cell in group.agencies:
            column_role = "lead" if kind == "lead" else "supporting" if kind == "supporting" else "responsible"
            folded = normalize(cell.text)
            pending: list[AgencyRef] = []
            for match in _AGENCY.finditer(_agency_text(cell.text)):
                printed = cell.text[match.start():match.end()]
                ref = AgencyRef(name=resolve_agency(printed, plan), printed=printed, collective=is_collective(printed),
                                span=cell.source(match.start(), match.end()), role=column_role)
                refs.append(ref)
                pending.append(ref)
                mark = _ROLE_MARK.match(folded, match.end())
                if mark:
                    for marked in pending:
                        marked.role = _ROLE_OF_MARK[mark.group("boxed") or mark.group("bare")]
                    pending = []
    return refs


def _first_clause(content: str) -> str:
    """A sub-task's title: its content up to the first full stop."""
    match = re.search(r"[。；;]", content)
    return content[:match.start()] if match and match.start() > 0 else content
