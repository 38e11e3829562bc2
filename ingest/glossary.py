"""Glossary senses: 名词解释 entries, inline definitions and undefined shorthand.

Three sources of a sense, each a table of general patterns:

* a 名词解释 section (术语解释, 名词释义, spaced 名  词  解  释): each numbered entry is a sense; labelled parts
  inside it (“1”是一条主线,即…; “两层”指…; 严格四项排查:…) become sub-senses with ``parent``;
* inline definitions in the body: a list followed by its shorthand (联排、联劝、联管“三联”工作机制), a quoted
  shorthand explained by a parenthesis (“1+3”工作机制(公安、卫健…)) or by 即/是指/指的是 (“四下降”:即…);
* undefined shorthand: a numeral shorthand or digit formula used but never defined in the document.

Every regular expression runs on ``normalize(text)`` (same length, “” folded to ", ，to ,), so spans index the
original text and expansions are sliced from it as printed. Senses are never merged by label: the same label
defined twice gives two senses (polysemy); an identical expansion under a variant label becomes an ``alt_label``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from plankg.ingest.facts import Document, Heading, Span, TermSense
from plankg.ingest.numerals import (
    NUMERAL_CHARS, count_options, declared_count, is_per_unit, is_quantity, parse_number,
)
from plankg.ingest.text import Sentences, normalize, normalize_label, sentences

# --- the 名词解释 section -------------------------------------------------------------------------------------

# The title line of a 名词解释 section; the whole line is the title, a heading number may stand before it:
# | layout                      | example                         |
# |-----------------------------|---------------------------------|
# | bare, spaced, with a colon  | 名词解释, 名  词  解  释, 名词释义: |
# | an annex                    | 附件3:术语解释                   |
# | a heading of the plan       | 五、名词解释, (六)有关名词解释, 第八章 名词解释 |
# | notes, a list of terms      | 注释, 释义, 术语表                |
_HEADING_NUMBER = r"(?:第?[一二三四五六七八九十\d]+\s*[、.章节部分]|\([一二三四五六七八九十\d]+\))"
_SECTION_TITLE = re.compile(
    rf"^(?:附件\s*\d*\s*:?\s*)?(?P<number>{_HEADING_NUMBER})?\s*"
    r"(?:(?:有关|相关|主要)?(?:名\s*词|术\s*语|词\s*语)(?:\s*术\s*语)?\s*(?:解\s*释|释\s*义|说\s*明|注\s*释)"
    r"|注\s*释|释\s*义|术\s*语\s*表)\s*:?$"
)
# Where a numbered title's section ends: the next heading numbered in the same style (五、名词解释 ends at 六、).
_NUMBER_STYLES = (r"第[一二三四五六七八九十\d]+\s*[章节部分]", r"[一二三四五六七八九十]+[、.]", r"\([一二三四五六七八九十]+\)",
                  r"\d+[、.]", r"\(\d+\)")
# The header of a glossary table: a name column and an explanation column, perhaps a 序号 column.
_HEADER_NAME = {"名词", "术语", "名称", "简称", "缩略语", "词条", "提法"}
_HEADER_MEANING = {"解释", "释义", "含义", "内涵", "说明", "定义", "具体内容", "主要内容"}
_HEADER_WORDS = _HEADER_NAME | _HEADER_MEANING | {"序号"}
_CELL_SEPARATOR = re.compile(r"\s*(?:\||\t|\s{2,})\s*")
_NEXT_ANNEX = re.compile(r"^附件\s*\d+")
# 一、 / (一) / 1. / 1、 before an entry's label.
_ENTRY_NUMBER_FORMS = r"(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[、.])"
_ENTRY_NUMBER = re.compile(rf"^{_ENTRY_NUMBER_FORMS}\s*")
# Generic head nouns after a shorthand in an entry title: 五查机制 -> 五查.
_TITLE_HEAD = re.compile(r"(?:工作)?(?:机制|体系|工程|模式|思路|评选|行动|建设|制度)$")

# --- parts inside a definition ---------------------------------------------------------------------------------

# “1”是… / “2”是指… / “两层”指… / “5”即… ; one stray character is forgiven (a typo such as 市指 for 是指).
_KEYED_PART = re.compile(r'(?:^|(?<=[;。,(]))\s*"([^"]{1,6})"\s*.?(?:是指|指的是|系指|是|指|即|为|:)')
# The named head of a keyed part: 一条主线,即… / 一个目标:…
_PART_NAME = re.compile(r"^([^,;:。、\"]{2,10}?)(?:,\s*即|:)")
# A headed clause: 严格四项排查:… / 6大体系:…
_HEADED_CLAUSE = re.compile(r"^([^,;:。、\"]{2,14}):(.+)$")

# --- inline definitions ----------------------------------------------------------------------------------------

_QUOTED = re.compile(r'"([^"\n]*)"')  # every pair, so that a long quotation does not shift the pairing
# An unquoted numeral shorthand: 三警, 六大领域, 4个重点建设大项, 三级监督责任.
_NUMERAL_HEAD = re.compile(rf"(?:[{NUMERAL_CHARS}]+|\d+)(?:个|大|项|类|种|条|级|位|支|张|层|方|者)?")
_CLAUSE_MARKS = ",;。:!?\n"  # what ends the clause a list stands in
# Verbs and adverbs that lead into a list: stripped from its first item (做强情报预警、… -> 情报预警). One token is
# an optional adverb and a verb; a run of tokens is the lead-in.
_LEAD_TOKEN = (
    r"(?:(?:全面|积极|深入|持续|进一步|大力|严格|有效|协同|重点|切实|着力|加快|不断|共|主要|严厉|依法)?"
    r"(?:构建|打造|营造|实施|开展|建立|建成|建设|新建|组建|制定|推进|推动|推行|实行|落实落细|落实|形成|强化|加强|深化|做强|做实|做优|做大|深耕|培育|壮大|实现|"
    r"围绕|聚焦|汇聚|压实|发挥|包括|包含|涵盖|按照|坚持|启动|部署|确定了|确定|提升|提高|畅通|打击整治|夯实|筑牢|巩固|完善|健全|优化|"
    r"编制|公布|发布|出台|印发|"
    r"内设|下设|设有|其中|即|以))"
)
_LEAD_IN = re.compile(rf"^{_LEAD_TOKEN}+")
_LEAD_TOKENS = re.compile(_LEAD_TOKEN)
# Where the shared words before a long first item end (the item starts after the match, or at ``(?=…)``):
# | cue                              | example                                   | item        |
# |----------------------------------|-------------------------------------------|-------------|
# | a verb inside the item           | 全市文化场馆建立人防                        | 人防        |
# | 的                               | 旅游景区的人防                              | 人防        |
# | a locative: 内, 之中              | 网格内派出所                               | 派出所      |
# | a manner adverb opens the action | 重大案(事)件依法办理                        | 依法办理    |
# | 从/由 … 向/到                     | 系列创建工作从农村向城市                    | 从农村向城市 |
# | a building verb after a support   | 依托县医院建设影像                          | 影像        |
_INNER_LEAD_IN = re.compile(
    r"(?:内设|下设|设有|包括|包含|确定了|分为|建立|构建|打造|推动|推进|推行|实行|实施|开展|落实|形成|实现|围绕|聚焦|的|建设|组建|"
    r"(?<=..)(?:内|之中)|(?=依法|依规|及时|从严|从快)|(?=[从由][^向到]{1,8}[向到]))"
)
# Words that introduce the items wherever they stand: 公安局内设侦查中心、… -> 侦查中心.
_LIST_INTRODUCER = re.compile(r"(?:内设|下设|设有|包括|包含|涵盖|分为|其中)")
# A quantity that opens an item: 1名带班民警, 3个专班, 两支队伍.
_QUANTITY = re.compile(rf"^(?:\d+|[{NUMERAL_CHARS}]+)[名个支家项类条人批座套台辆件]")
_QUOTED_NAME_AT_END = re.compile(r'(?<=[\u4e00-\u9fff])"([^"]{2,12})"$')
_TAIL_HEAD = re.compile(r"(?:行动|策略|工作|的|等|等等)$")
# Words after an unquoted shorthand that are not part of its name: 三警合力 -> 三警.
_NAME_TAIL = re.compile(r"(?:合力|力量|建设|工作|格局|的|为|和|与|及|等)$")
# A work verb after an unquoted shorthand's head noun ends its name: 三大新兴产业开展… -> 三大新兴产业,
# 两大领域推进… -> 两大领域.
_VERB_AFTER_NAME = re.compile(r"开展|推进|推动|实施|加快|加强|深化|提升|打造|培育|构建|落实|引进|招商|促进|带动|实现")
_UNITY = re.compile(r".{1,3}?(?:位一体|合一)")
_DIGIT = re.compile(r"\d")
# 中 ends a name (…在全市中) except as the head 中心 (三大救治中心).
_STOP_AFTER_NAME = re.compile(r"[,;。:!?、\"()\s的为和与及等在是获被]|中(?!心)")
# The words that open a definition; a bare 指 or 即 only when it is not the start of another word (指导, 即日).
_DEFINES = r"(?:是指|指的是|系指|即(?![日将可使便时刻])|指(?![导挥出定示标引南派令明向数尖纹针]))"
# A definition right after a quoted shorthand, perhaps after the head noun it names (“四个100%”要求,即…):
# | form                        | example                                  |
# |-----------------------------|------------------------------------------|
# | colon, then 即/是指          | “四下降”:即…, “三线一单”:是指…             |
# | bare 指 (a note: 注:“X”指…)  | “一网通办”指…                             |
# | head noun, comma, 即         | “两减速一停车”改造,即…, “六个到位”要求,即… |
# | a longer head phrase, 即     | “三项标准”基层安全管理体系,即…            |
# | head noun, 具体为/主要包括 …    | “技能提升”行动具体为:…, “双创”载体主要包括:… |
_INCLUDES = r"(?:具体为|具体包括|具体是|主要包括|主要有|包括)"
_EXPLAINED_BY = re.compile(
    rf'^(?:(?:[\u4e00-\u9fff]{{1,10}}\s*,\s*(?=即)|\s*[:,]?\s*)(?:{_DEFINES})|[\u4e00-\u9fff]{{0,4}}?{_INCLUDES})\s*[:,]?'
)
# The definer at the start of an entry's body: 是指…, :指…
_DEFINER = re.compile(rf"^\s*:?\s*{_DEFINES}\s*[:,]?\s*")


@dataclass
class _Context:
    text: str
    norm: str
    sentences: Sentences


_OPENING, _CLOSING = "“「『", "”」』"
_QUOTE_MARK = re.compile(f"[{_OPENING}{_CLOSING}\"＂]")


def _paired_normalize(text: str) -> str:
    """``normalize(text)`` with every quote mark that has no partner on its line turned into ', so that the
    folded " marks pair up again (a stray ” in the source would otherwise shift every quotation after it)."""
    norm = list(normalize(text))
    line_start = 0
    for line in text.split("\n"):
        opened: list[int] = []
        unpaired: list[int] = []
        for mark in _QUOTE_MARK.finditer(line):  # only quote marks matter, and most lines have none
            char, position = mark.group(), line_start + mark.start()
            if char in _OPENING or (char in '"＂' and not opened):
                opened.append(position)
            elif char in _CLOSING or char in '"＂':
                if opened:
                    opened.pop()
                else:
                    unpaired.append(position)
        for position in opened + unpaired:
            norm[position] = "'"
        line_start += len(line) + 1
    return "".join(norm)


def glossary_sections(text: str) -> list[Span]:
    """Where the 名词解释 sections of ``text`` are: from the title line (or the header of a glossary table) to
    the end of their last entry."""
    return list(_glossary_sections(text))


@lru_cache(maxsize=4)
def _glossary_sections(text: str) -> tuple[Span, ...]:
    """``glossary_sections`` remembered: the glossary and the targets of a document both ask."""
    norm = normalize(text)
    tabbed = _with_tabs(text, norm)
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*", norm)]
    sections: list[Span] = []
    index = 0
    while index < len(lines):
        start, end = lines[index]
        title = _SECTION_TITLE.match(norm[start:end].strip())
        header = _table_header(tabbed, lines, index + 1 if title else index)
        if not title and not header:
            index += 1
            continue
        if header:
            _, last_line = _table_rows(tabbed, lines, header)
            last = lines[last_line][1]
        else:
            last_line, last = _section_end(norm, lines, index, _sibling_heading(title.group("number")))
        sections.append(Span(start, last))
        index = last_line + 1
    return tuple(sections)


def _section_end(norm: str, lines: list[tuple[int, int]], title_line: int,
                 sibling: re.Pattern[str] | None) -> tuple[int, int]:
    """The index and end of the last line of a section in running text: the section ends at the next annex or
    sibling heading, after a run of blank lines (page footers follow), or at the first paragraph after the
    entries that is not shaped like an entry (body text that follows without a heading of its own)."""
    last_line, last, blanks = title_line, lines[title_line][1], 0
    run = _EntryRun()
    for position in range(title_line + 1, len(lines)):
        line_start, line_end = lines[position]
        line = norm[line_start:line_end].strip()
        if not line:
            if line_start != line_end or line_start == last:
                continue
            blanks += 1
            if blanks >= 3 and run.began:
                break
            continue
        if _NEXT_ANNEX.match(line) or _SECTION_TITLE.match(line) or (sibling and sibling.match(line)):
            break
        if not run.accepts(line):
            break
        blanks, last_line, last = 0, position, line_end
    return last_line, last


# What the paragraphs of a glossary section look like; the first paragraph that looks like none of these, once
# the entries have begun, is body text of the plan and ends the section:
# | shape                                       | example                                   |
# |---------------------------------------------|-------------------------------------------|
# | a numbered term line, next in its sequence  | 三、“两库一平台”, 九、六查机制             |
# | a term, a separator and a definition        | “三联”:联排、联劝、联管; 1.五查:…; X是指… |
# | a keyed part of a definition                | “1”是一条主线,即…; “两层”指…              |
# | the paragraph right after a term line       | its definition, whatever its wording      |
# A term line is short and holds no sentence punctuation; one that opens with a verb and quotes nothing
# (四、加强队伍建设) is a heading of the plan. Before the first entry, two paragraphs of introduction are allowed.
_TERM_LINE_LENGTH = 40  # 五、“2个目标、4大体系、3项制度”的城市运行保障体系建设
_INTRODUCTION_PARAGRAPHS = 2
_ENTRY_SHAPED = re.compile(
    rf'^{_ENTRY_NUMBER_FORMS}?\s*(?:"[^"]{{1,14}}"[\u4e00-\u9fff]{{0,6}}\s*(?::|{_DEFINES})'
    rf'|[^\s,;。:"、()]{{1,14}}?\s*(?::|是指|指的是|系指))'
    r'|^\s*"[^"]{1,6}"\s*.?(?:是指|指的是|系指|是|指|即|为|:)'
)
_SENTENCE_MARKS = re.compile(r"[。;,!?]")


class _EntryRun:
    """The entries of a section in running text, read paragraph by paragraph: which paragraphs still belong."""

    def __init__(self) -> None:
        self.began = False  # an entry has been seen
        self.waiting = False  # the last paragraph was a term line, its definition comes next
        self.number: tuple[int, int | None] | None = None  # (style, value) of the last numbered term line
        self.introduction = 0

    def accepts(self, line: str) -> bool:
        """Whether ``line`` (normalized, stripped) belongs to the section; updates the run."""
        term = self._term_line(line)
        if term is not None:
            self.number, self.waiting, self.began = term, True, True
            return True
        if self.waiting or _ENTRY_SHAPED.match(line):
            self.waiting, self.began = False, True
            return True
        if not self.began and self.introduction < _INTRODUCTION_PARAGRAPHS:
            self.introduction += 1
            return True
        return False

    def _term_line(self, line: str) -> tuple[int, int | None] | None:
        """(style, value) of a numbered term line that may follow the run's last one, else None."""
        number = _ENTRY_NUMBER.match(line)
        title = line[number.end():].strip().rstrip(":") if number else ""
        if not title or len(title) > _TERM_LINE_LENGTH or _SENTENCE_MARKS.search(title):
            return None
        if '"' not in title and _LEAD_IN.match(title):
            return None
        printed = number.group().strip()
        style = next((i for i, pattern in enumerate(_NUMBER_STYLES) if re.fullmatch(pattern, printed)), -1)
        digits = re.search(rf"[{NUMERAL_CHARS}]+|\d+", printed)
        value = parse_number(digits.group()) if digits else None
        if self.number is not None:
            last_style, last_value = self.number
            if style != last_style or value is None or last_value is None or value != last_value + 1:
                return None
        return style, value


def _sibling_heading(number: str | None) -> re.Pattern[str] | None:
    """The numbering style of a numbered title (五、 -> 一、 style), whose next heading ends the section."""
    for style in _NUMBER_STYLES if number else ():
        if re.fullmatch(style, number.strip()):
            return re.compile(rf"^{style}")
    return None


@dataclass
class _TableHeader:
    columns: list[str]  # header words as printed: 序号 | 名词 | 解释
    lines: list[int]  # indices of the header's lines (one line, or one per cell when flattened)

    @property
    def numbered(self) -> bool:
        return self.columns[0] == "序号"


def _table_header(norm: str, lines: list[tuple[int, int]], index: int) -> _TableHeader | None:
    """The header of a glossary table at line ``index`` (blank lines before it skipped): its cells on one line
    (名词 | 解释, tab- or space-separated) or one cell per line, as tables of DOCX and HTML pages are flattened."""
    while index < len(lines) and not norm[lines[index][0]:lines[index][1]].strip():
        index += 1
    if index >= len(lines):
        return None

    def is_header(cells: list[str]) -> bool:
        words = set(cells) - {"序号"}
        return 2 <= len(cells) <= 3 and len(words) == 2 and bool(words & _HEADER_NAME) and bool(words & _HEADER_MEANING)

    first = norm[lines[index][0]:lines[index][1]].strip().strip("|")
    if not any(word in first for word in _HEADER_WORDS):
        return None  # a header's first line (or first cell) holds one of the header words
    cells = [c.strip() for c in _CELL_SEPARATOR.split(first) if c.strip()]
    if is_header(cells):
        return _TableHeader(cells, [index])
    flat = [i for i in range(index, min(index + 6, len(lines))) if norm[lines[i][0]:lines[i][1]].strip()][:3]
    cells = [norm[lines[i][0]:lines[i][1]].strip() for i in flat]
    for size in (3, 2):
        if is_header(cells[:size]) and (size == 2 or cells[0] == "序号"):
            return _TableHeader(cells[:size], flat[:size])
    return None


def _table_rows(norm: str, lines: list[tuple[int, int]], header: _TableHeader) -> tuple[list[list[Span]], int]:
    """The rows of a glossary table as cell spans, and the index of its last line: one line per row when the
    header was one line (its cells split like the header's), else one line per cell. The table ends at the first
    line that does not fit: a row of another width, a 序号 that is no number, a name cell too long to be a name."""
    width = len(header.columns)
    step = 1 if len(header.lines) == 1 else width
    filled = [i for i in range(header.lines[-1] + 1, len(lines)) if norm[lines[i][0]:lines[i][1]].strip()]
    rows: list[list[Span]] = []
    last_line = header.lines[-1]
    for at in range(0, len(filled) - step + 1, step):
        group = filled[at:at + step]
        cells = _row_cells(norm, lines[group[0]]) if step == 1 else [_stripped(norm, *lines[i]) for i in group]
        texts = [norm[c.start:c.end] for c in cells]
        if len(cells) != width or (header.numbered and not re.fullmatch(r"\d+\.?", texts[0])) \
                or len(texts[-2]) > 20 or _SECTION_TITLE.match(texts[0]) or _NEXT_ANNEX.match(texts[0]):
            break
        rows.append(cells)
        last_line = group[-1]
    return rows, last_line


def _with_tabs(text: str, norm: str) -> str:
    """``norm`` with the tabs of ``text`` put back: normalize folds them into spaces, but they separate cells."""
    if "\t" not in text:
        return norm
    return "".join("\t" if original == "\t" else char for original, char in zip(text, norm))


def _row_cells(norm: str, line: tuple[int, int]) -> list[Span]:
    """The cells of a table row printed on one line: 1 | “X” | … or tab-separated."""
    start, end = line
    cuts = [(m.start(), m.end()) for m in _CELL_SEPARATOR.finditer(norm, start, end) if m.end() > m.start()]
    bounds = [start] + [b for cut in cuts for b in cut] + [end]
    cells = [_stripped(norm, a, b) for a, b in zip(bounds[::2], bounds[1::2])]
    return [c for c in cells if len(c)]


def _stripped(norm: str, start: int, end: int) -> Span:
    while start < end and norm[start] in " \t|":
        start += 1
    while end > start and norm[end - 1] in " \t|":
        end -= 1
    return Span(start, end)


def extract_terms(document: Document, headings: list[Heading]) -> list[TermSense]:
    """Every sense of a shorthand in ``document``: glossary entries, inline definitions, undefined uses.

    ``headings`` is not needed: the 名词解释 section is found from its title line, so the glossary does not
    depend on the outline.
    """
    context = _Context(document.text, _paired_normalize(document.text), sentences(document.text))
    senses: list[TermSense] = []
    sections = glossary_sections(document.text)
    for section in sections:
        _read_section(context, section, senses)
    consumed = [s.evidence for s in senses] + sections
    _read_inline(context, Span(0, len(context.text)), senses, parent=None, skip=consumed)
    _mark_variants(senses)
    _read_undefined(context, senses, sections)
    return senses


# --- sense construction ----------------------------------------------------------------------------------------


def _add(context: _Context, senses: list[TermSense], label: str, kind: str, definition: str | None,
         expansion: list[str], evidence: Span, parent: str | None = None) -> TermSense:
    label = label.strip().strip('"“”')
    count = declared_count(label, expansion) if kind != "undefined" else declared_count(label)
    agrees = _agrees(count, expansion) if kind != "undefined" else None
    sense = TermSense(
        id=f"g{len(senses) + 1}",
        label=label,
        kind=kind,
        definition=definition,
        expansion=expansion,
        evidence=evidence,
        sentence=context.sentences.around(evidence),
        declared_count=count,
        count_agrees=agrees,
        parent=parent,
    )
    senses.append(sense)
    return sense


def _agrees(count: int | None, expansion: list[str]) -> bool | None:
    """Whether the expansion has as many items as the label counts; a count of one (一条主线) is not checkable."""
    return None if count is None or count == 1 else len(expansion) == count


# --- the section -----------------------------------------------------------------------------------------------


def _read_section(context: _Context, section: Span, senses: list[TermSense]) -> None:
    """One sense per numbered entry or table row; labelled parts inside become sub-senses."""
    norm = context.norm
    lines = [(section.start + m.start(), section.start + m.end())
             for m in re.finditer(r"[^\n]*", norm[section.start:section.end])]
    titled = bool(_SECTION_TITLE.match(norm[lines[0][0]:lines[0][1]].strip()))
    cells_norm = _with_tabs(context.text, norm)
    header = _table_header(cells_norm, lines, 1 if titled else 0)
    if header:
        for cells in _table_rows(cells_norm, lines, header)[0]:
            _read_entry(context, cells[-2], cells[-1], senses)
        return
    entries: list[tuple[Span, Span]] = []  # (title, body)
    for match in re.finditer(r"[^\n]+", norm[section.start:section.end]):
        start, end = section.start + match.start(), section.start + match.end()
        line = norm[start:end]
        if _SECTION_TITLE.match(line.strip()):
            continue
        number = _ENTRY_NUMBER.match(line.strip())
        stripped_start = start + len(line) - len(line.lstrip())
        if number:
            title_start = stripped_start + number.end()
            entries.append((Span(title_start, _rstrip(norm, title_start, end)), Span(end, end)))
        elif re.match(r'^\s*"[^"]{1,14}"\s*(?::|是指|指的是|指)', line) and not entries_open(entries):
            label_end = norm.index('"', stripped_start + 1) + 1
            entries.append((Span(stripped_start, label_end), Span(label_end, end)))
        elif entries:
            title, body = entries[-1]
            body_start = body.start if body.start != body.end else start + len(line) - len(line.lstrip())
            entries[-1] = (title, Span(body_start, _rstrip(norm, body_start, end)))
    for title, body in entries:
        _read_entry(context, title, body, senses)


def entries_open(entries: list[tuple[Span, Span]]) -> bool:
    """Whether the last numbered entry still waits for its body (a quoted line then belongs to it)."""
    return bool(entries) and entries[-1][1].start == entries[-1][1].end


def _read_entry(context: _Context, title: Span, body: Span, senses: list[TermSense]) -> None:
    norm = context.norm
    title_text = norm[title.start:title.end].rstrip(":").strip()
    # a definition on the title line itself: “X”:… or X:…
    inline_def = re.match(rf'^(.{{1,20}}?)\s*(?::\s*(?:{_DEFINES})?|{_DEFINES})\s*(.+)$', title_text)
    if inline_def and not len(body):
        label = _entry_label(inline_def.group(1))
        body = Span(title.start + inline_def.start(2), title.end)
    else:
        label = _entry_label(title_text)
    definer = _DEFINER.match(norm, body.start, body.end)
    if definer and definer.end() < body.end:
        body = Span(definer.end(), body.end)
    if not label or not len(body):
        return
    definition = context.text[body.start:body.end].rstrip("。;；")
    entry = _add(context, senses, label, "glossary-section", definition, [], body)
    entry.expansion = _read_parts(context, body, entry, senses)
    entry.declared_count = declared_count(label, entry.expansion)
    if entry.declared_count is not None:
        # 两层三级 = 两层 + 三级: the count may also be of the parts' own items (2 + 3 = 5)
        parts = [s for s in senses if s.parent == entry.id]
        items = sum(len(s.expansion) for s in parts)
        if len(entry.expansion) != entry.declared_count and items and items in count_options(label):
            entry.declared_count = items
        entry.count_agrees = entry.declared_count in (len(entry.expansion), items if parts else -1)


def _entry_label(title: str) -> str:
    """The shorthand of an entry title: the quoted part (禁毒“三联两防” -> 三联两防), else the title less its head
    noun when what is left is still a numeral shorthand (五查机制 -> 五查)."""
    quoted = _QUOTED.search(title)
    if quoted:
        return quoted.group(1).strip()
    title = title.strip().rstrip(":")
    shorter = _TITLE_HEAD.sub("", title)
    if shorter != title and count_options(shorter) and not re.search(r"[个大项类种]$", shorter):
        return shorter
    return title


def _read_parts(context: _Context, body: Span, owner: TermSense, senses: list[TermSense]) -> list[str]:
    """The expansion of a definition, creating sub-senses for labelled parts; falls back to a plain list."""
    norm = context.norm
    text = norm[body.start:body.end]
    keyed = list(_KEYED_PART.finditer(text))
    if keyed and keyed[0].start() == len(text) - len(text.lstrip()):
        expansion: list[str] = []
        for index, match in enumerate(keyed):
            part_end = keyed[index + 1].start() if index + 1 < len(keyed) else len(text)
            part = Span(body.start + match.start(), _rstrip(norm, body.start, body.start + part_end))
            rest = Span(body.start + match.end(), part.end)
            key = match.group(1).strip()
            named = _PART_NAME.match(norm[rest.start:rest.end])
            if named:
                name = named.group(1).strip()
                definition = Span(rest.start + named.end(), rest.end)
                _sub_sense(context, senses, name, part, definition, owner)
                expansion.append(context.text[rest.start:rest.start + named.end(1)].strip())
            elif not re.fullmatch(r"[0-9A-Za-z]+", key):
                _sub_sense(context, senses, key, part, rest, owner)
                expansion.append(key)
            else:
                expansion.extend(_split_list(context, _first_clause(norm, rest), None))
        return expansion
    clauses = _clauses(norm, body, r"[;。]")
    headed = [_HEADED_CLAUSE.match(norm[c.start:c.end]) for c in clauses]
    if len(clauses) >= 2 and any(headed):
        expansion = []
        for clause, head in zip(clauses, headed):
            if head:
                name = head.group(1).strip()
                definition = Span(clause.start + head.start(2), clause.end)
                label = _shorthand_in(name)
                _sub_sense(context, senses, label, clause, definition, owner)
                expansion.append(context.text[clause.start:clause.start + head.end(1)].strip())
            else:
                expansion.append(context.text[clause.start:clause.end].strip())
                _read_inline(context, clause, senses, parent=owner.id, skip=[])
        return expansion
    closed = _count_closed_list(context, body, owner.label)
    _read_inline(context, body, senses, parent=owner.id, skip=[closed[0]] if closed else [])
    return closed[1] if closed else _split_list(context, body, owner.label)


def _count_closed_list(context: _Context, body: Span, label: str) -> tuple[Span, list[str]] | None:
    """The list inside a definition closed by its own count word, as (span, items): in 指社区服务站、警务工作站两类站点之间的
    资源共享 the items are the two 站 and the rest is frame; the list is the entry's expansion, not a sense of its
    own labelled by what follows the count. Only for a label that counts, and the counts must agree: a label
    that counts nothing may name a part of the list (…两类人员中的失能老人)."""
    options = count_options(label)
    if not options or _formula_clauses(context.norm, body, label):
        return None  # a formula's parts are its clauses (see ``_formula_clauses``)
    for name, _, items, evidence, quoted in _inline_candidates(context, body):
        closes = not quoted and _NUMERAL_HEAD.match(name) and context.text[evidence.end - len(name):evidence.end] == name
        if closes and len(items) in count_options(name) and len(items) in options:
            return evidence, items
    return None


def _sub_sense(context: _Context, senses: list[TermSense], label: str, part: Span, definition: Span,
               owner: TermSense) -> None:
    sub = _add(context, senses, label, "glossary-section", context.text[part.start:part.end].rstrip("。;；,，"),
               [], part, parent=owner.id)
    # parts of a part (3个目标: 聚焦…3项任务, 汇聚…3方资源) are inline definitions inside it
    before = len(senses)
    _read_inline(context, definition, senses, parent=sub.id, skip=[])
    for nested in senses[before:]:
        if normalize_label(nested.label) == normalize_label(label):  # the part restating its own label
            senses.remove(nested)
    sub.expansion = _split_list(context, definition, label)
    sub.declared_count = declared_count(label, sub.expansion)
    sub.count_agrees = _agrees(sub.declared_count, sub.expansion)


def _shorthand_in(name: str) -> str:
    """The shorthand inside a part's head: 严格四项排查 -> 四项排查."""
    match = re.search(rf"[{NUMERAL_CHARS}\d]", name)
    if match and match.start() > 0 and count_options(name[match.start():]):
        return name[match.start():]
    return name


# --- splitting a definition into its items ---------------------------------------------------------------------


def _split_list(context: _Context, span: Span, label: str | None) -> list[str]:
    """Items of an enumeration, choosing among the natural splits the one the label's numerals agree with:
    the first clause by 、, the whole by 、, the whole by ，, the first N clauses."""
    norm = context.norm
    span = Span(span.start, _rstrip(norm, span.start, span.end))
    if len(span) > 2 and norm[span.start] == '"' and norm.find('"', span.start + 1) == span.end - 1:
        span = Span(span.start + 1, span.end - 1)  # a list quoted whole: 即“A、B、C” is A, B and C
    if not len(span):
        return []
    options = count_options(label) if label else []
    if label is not None and not options:
        return _plain_enumeration(context, span)
    if options == [1]:
        options = []  # 一条主线: one thing, described by as many clauses as it takes
    formula = _formula_clauses(norm, span, label)
    if formula:
        return _clean_items(context, formula, label)
    first = _first_clause(norm, span)
    candidates = [
        _enumeration(context, first, split_and=False),
        _enumeration(context, first, split_and=True, label=label),
        _enumeration(context, span, split_and=True, label=label),
        [context.text[c.start:c.end] for c in _clauses(norm, span, r"[,;]")],
    ]
    candidates = [_clean_items(context, items, label) for items in candidates]
    grouped = _clean_items(context, _counted_groups(norm, first), label)
    # 众创空间、孵化器和加速器 is three items: a count of two does not make 孵化器和加速器 one (the split that leaves
    # items joined is no candidate); the count that disagrees is recorded (count_agrees False), not forced
    joined = candidates[0] if len(candidates[1]) > len(candidates[0]) else None
    for items in [grouped, *candidates]:  # a count that closes a group outweighs a split by 、 alone
        if items is joined:
            continue
        if len(items) in options:
            return items
    clauses = candidates[3]
    if options and len(clauses) > options[0] and len(clauses) - options[0] <= 1:
        return clauses[:options[0]]  # a trailing purpose clause (…,推动…) is not an item
    for items in candidates[2], candidates[1], clauses:
        if len(items) > 1:
            return items
    return candidates[0]


# A part of a formula (1+3+N) carries its numeral or letter before a measure word: 建强1个服务中心, …3类服务站点.
_MEASURE_AFTER_KEY = "个大项类种条家支批名张层级方所座"


def _formula_clauses(norm: str, span: Span, label: str | None) -> list[Span]:
    """The parts of a formula label (“1+3+N”), when consecutive clauses carry its keys in order:
    即:建强1个服务中心,做优社区、园区、校区3类站点,培育N个品牌 -> three parts, whatever the 、 inside them."""
    keys = normalize_label(label or "").split("+")
    if len(keys) < 2 or not all(re.fullmatch(r"[0-9A-Za-z]+", key) for key in keys):
        return []
    clauses = _clauses(norm, span, r"[,;]")
    carries = [[bool(re.search(rf"(?<![0-9A-Za-z.]){re.escape(key)}[{_MEASURE_AFTER_KEY}]", norm[c.start:c.end]))
                for key in keys] for c in clauses]
    for first in range(len(clauses) - len(keys) + 1):
        if all(carries[first + index][index] for index in range(len(keys))):
            return clauses[first:first + len(keys)]
    return []


# A list gathered by a count that closes it, then joined to the next part: 山水休闲、乡村度假、红色研学3大主导产业和
# N个新业态 is two parts of a “3+N”, the first of three items.
_COUNTED_GROUP = re.compile(rf"[^,;。]+、[^,;。、]+?(?:\d+|[{NUMERAL_CHARS}]+)[个大项类种条级名家所支]\S*?(?=[和及与])")


def _counted_groups(norm: str, span: Span) -> list[Span]:
    """The two parts of a list whose first part is a counted group (see ``_COUNTED_GROUP``), else none."""
    group = _COUNTED_GROUP.match(norm, span.start, span.end)
    if not group or not _outside_quotes(norm, span.start, group.end()):
        return []
    return [Span(span.start, group.end()), Span(group.end() + 1, span.end)]


def _plain_enumeration(context: _Context, span: Span) -> list[str]:
    """The items of a definition that is nothing but a list (“放管服”是指简政放权、放管结合、优化服务), else none:
    a label that counts nothing (“无废城市”:是指以…为引领,…的城市发展模式) is described, not enumerated."""
    norm = context.norm
    if _clauses(norm, span, r"[,;。:]") != [span]:
        return []
    items = _clean_items(context, _enumeration(context, span, split_and=True), None)
    if _under_one_head(items):
        return []
    return items if all(len(normalize_label(item)) <= 15 for item in items) else []


def _under_one_head(items: list[str]) -> bool:
    """Whether a list is the modifier of one noun phrase: only its last item holds 的, and the head noun after
    it belongs to them all (实现用地集约化、原料无害化的示范工厂 is one 工厂, not two components)."""
    *others, last = [normalize(item) for item in items] or [""]
    return bool(others) and "的" in last[2:] and not any("的" in other for other in others)


def _enumeration(context: _Context, span: Span, split_and: bool, label: str | None = None) -> list[Span]:
    """Items separated by 、 (and 和/及/与 before the last one), outside quotes and parentheses."""
    norm = context.norm
    cuts, depth, quoted = [span.start], 0, False
    for position in range(span.start, span.end):
        char = norm[position]
        if char == '"':
            quoted = not quoted
        elif char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif char == "、" and not depth and not quoted:
            cuts.append(position)
    items = [Span(a + (1 if a != span.start else 0), b) for a, b in zip(cuts, cuts[1:] + [span.end])]
    if split_and and items:
        last = items[-1]
        joint = [m for m in re.finditer(r"[和及与]", norm[last.start:last.end])
                 if 2 <= m.start() and len(last) - m.end() >= 2 and _outside_quotes(norm, last.start, last.start + m.start())]
        if joint and _joins_inside(norm, items, last.start + joint[-1].start(), label):
            joint = []
        if joint:
            cut = last.start + joint[-1].start()
            items[-1:] = [Span(last.start, cut), Span(cut + 1, last.end)]
    return [i for i in items if len(i)]


# The words a numeral shorthand counts: 三同时 -> 同时, 两减速一停车 -> 减速, 停车.
_COUNTED_UNIT = re.compile(rf"(?:[{NUMERAL_CHARS}]+|\d+)[个大项类种条]?|\+")


def _joins_inside(norm: str, items: list[Span], joint: int, label: str | None) -> bool:
    """Whether 和/及/与 at ``joint`` joins words inside the last item rather than two items: every item repeats
    a word the label counts and the words after the joint do not (三同时: 同时设计、同时施工、同时投入生产和使用;
    but 两减速一停车: 减速带、减速标线和停车让行标志 is three items, 停车 is counted too)."""
    words = [w for w in _COUNTED_UNIT.split(normalize_label(label or "")) if w]
    if not words or len(items) < 2:  # A和B alone is two items
        return False
    last = items[-1]
    texts = [norm[i.start:i.end] for i in items[:-1]] + [norm[last.start:joint]]
    return all(any(w in t for w in words) for t in texts) and not any(w in norm[joint:last.end] for w in words)


def _outside_quotes(norm: str, start: int, position: int) -> bool:
    return norm.count('"', start, position) % 2 == 0


def _clean_items(context: _Context, items: list[Span] | list[str], label: str | None) -> list[str]:
    """Items as printed, without the verb that leads into the list, the shorthand or head noun after it."""
    texts = [i if isinstance(i, str) else context.text[i.start:i.end] for i in items]
    texts = [t.strip().strip("。;；,，").strip() for t in texts]
    texts = [t for t in texts if t]
    if not texts:
        return []
    if label and len(texts) > 1:
        key = normalize_label(label)
        last = normalize_label(texts[-1])
        if last.endswith(key) and len(last) > len(key):
            texts[-1] = texts[-1][: len(texts[-1]) - len(label)].rstrip()
    named = [_QUOTED_NAME_AT_END.search(normalize(t)) for t in texts]
    if len(texts) > 1 and all(named):
        # 涉黄赌打击“风潮”、维稳创安“风浪”: each item is the name it ends with, the words before describe it
        return [t[m.start(1):m.end(1)] for t, m in zip(texts, named)]
    if len(texts) > 1:
        texts[0] = _strip_lead_in(texts[0], texts[1:])
        texts[-1] = _strip_shared_tail(texts[-1], texts[:-1], label)
        tail = _TAIL_HEAD.search(texts[-1])
        if tail and len(texts[-1]) > len(tail.group()) + 1 and not any(t.endswith(tail.group()) for t in texts[:-1]):
            texts[-1] = texts[-1][: tail.start()]
        if '"' not in normalize(texts[-1]) and normalize(texts[-1]).endswith("的"):
            texts[-1] = texts[-1][:-1]
    return [_unquote(t) for t in texts if t]


# What the last item of a list carries for all of them, as a table (stripped only when no other item has it):
# | tail                                  | example                                   | item         |
# |---------------------------------------|-------------------------------------------|--------------|
# | the label's head, perhaps after 的     | 水质监测、信息公开的全覆盖 (五个全覆盖)       | 信息公开     |
# | a predicate shared with 均/都/全部      | 保安配备率、视频监控联网率均达到100%          | 视频监控联网率 |
_SHARED_PREDICATE = re.compile(
    r"(?<![平人])(?:均|都|全部|一律)(?:要|应|须|需|已|将)?(?:达到|达|实现|不低于|不少于|不高于|不超过|低于|高于|超过|"
    r"保持|控制|为|在|有|得到|纳入|覆盖|完成).*$"
)
_COUNT_PREFIX = re.compile(rf"^(?:[{NUMERAL_CHARS}]+|\d+)[个大项类种条]?")


def _strip_shared_tail(last: str, others: list[str], label: str | None) -> str:
    """The last item without the words that belong to the whole list (see the table above)."""
    norm = normalize(last)
    predicate = _SHARED_PREDICATE.search(norm)
    if predicate and predicate.start() >= 2 and not any(_SHARED_PREDICATE.search(normalize(o)) for o in others):
        return last[:predicate.start()]
    head = _COUNT_PREFIX.sub("", normalize_label(label)) if label and count_options(label) else ""
    if len(head) >= 2 and norm.endswith(head) and not any(normalize(o).endswith(head) for o in others):
        kept = norm[:-len(head)]
        kept = kept[:-1] if kept.endswith("的") else kept
        if len(kept) >= 2:
            return last[:len(kept)]
    return last


def _strip_lead_in(first: str, others: list[str]) -> str:
    """The first item of a list carries the words that lead into the list: 做强情报预警 -> 情报预警.

    Items written in parallel keep what they share: of 全面深化改革、全面构建体系 or 构建以A为目标的X、以B为目标的Y
    only the lead-in tokens most others lack are stripped, and 1名民警、3名辅警 keeps its quantity. A first item far
    longer than the others, or shaped unlike them, loses the shared words before the cue where its item starts
    (see ``_INNER_LEAD_IN``); 专业化、规范化 cut a longer first item to their common shape.
    """
    norm = normalize(first)
    introducer = [m.end() for m in _LIST_INTRODUCER.finditer(norm) if 0 < m.start() and m.end() < len(norm)]
    if introducer:
        first, norm = first[introducer[-1]:], norm[introducer[-1]:]
    lead = _LEAD_IN.match(norm)
    if lead and lead.end() < len(norm):
        own = len(_LEAD_TOKENS.findall(lead.group()))
        counts = [len(_LEAD_TOKENS.findall(lead_of.group())) if (lead_of := _LEAD_IN.match(normalize(o))) else 0
                  for o in others]
        shared = max(counts, key=lambda c: (counts.count(c), c))  # what most others open with
        cut = sum(len(m.group()) for m in list(_LEAD_TOKENS.finditer(lead.group()))[:own - shared])
        first, norm = first[cut:], norm[cut:]
    if _parallel(norm, others):
        return first
    opening = _shared_opening(norm, others)
    if opening:
        return first[norm.find(opening):]  # 财政资金优先保障…、优先保障…: the others' opening starts the item
    uniform = _uniform_shape(others)
    if uniform and len(norm) > uniform[0] and norm.endswith(uniform[1]):
        return first[len(first) - uniform[0]:]
    longest = max(len(o) for o in others)
    if len(norm) > 1.5 * longest + 1:
        shared_de = "的" in "".join(others)
        cuts = [m.end() for m in _INNER_LEAD_IN.finditer(norm)
                if 0 < m.end() < len(norm) and not (shared_de and m.group() == "的")]
        if cuts:
            first = first[max(cuts):]
    return first


def _parallel(first: str, others: list[str]) -> bool:
    """Whether every item opens the same way as the first: with a lead-in verb, 以, or a quantity."""
    def opening(item: str) -> str | None:
        item = normalize(item)
        if _QUANTITY.match(item):
            return "quantity"
        lead = _LEAD_IN.match(item)
        if not lead or lead.end() == len(item):
            return None
        return "以" if lead.group().endswith("以") else "verb"

    shape = opening(first)
    return shape is not None and all(opening(o) == shape for o in others)


def _shared_opening(first: str, others: list[str]) -> str:
    """The words (two characters or more) every other item opens with, found inside the first item after words
    of its own: 优先保障 in 财政资金优先保障A、优先保障B. Empty when the first item opens with them too."""
    norms = [normalize(i) for i in others]
    opening = norms[0]
    for item in norms[1:]:
        while not item.startswith(opening):
            opening = opening[:-1]
    while len(opening) >= 2 and (first.find(opening) < 2 or first.find(opening) + len(opening) >= len(first)):
        opening = opening[:-1]
    return opening if len(opening) >= 2 and not first.startswith(opening) else ""


def _uniform_shape(items: list[str]) -> tuple[int, str] | None:
    """(length, last character) when two or more short items share both: 规范化、智能化、协同化 -> (3, 化)."""
    norms = [normalize(i) for i in items]
    if len(norms) < 2 or len({len(n) for n in norms}) != 1 or len({n[-1] for n in norms}) != 1 or len(norms[0]) > 4:
        return None
    return len(norms[0]), norms[0][-1]


def _unquote(item: str) -> str:
    """A wholly quoted item loses its quotes (“健康宣教” -> 健康宣教); quotes inside an item stay."""
    norm = normalize(item)
    if len(norm) > 2 and norm[0] == '"' and norm[-1] == '"' and '"' not in norm[1:-1]:
        return item[1:-1]
    return item


def _first_clause(norm: str, span: Span) -> Span:
    for match in re.finditer(r"[,;。]", norm[span.start:span.end]):
        if _outside_quotes(norm, span.start, span.start + match.start()) and match.start() > 0:
            return Span(span.start, span.start + match.start())
    return span


def _clauses(norm: str, span: Span, separators: str) -> list[Span]:
    result, start = [], span.start
    for match in re.finditer(separators, norm[span.start:span.end]):
        position = span.start + match.start()
        if _outside_quotes(norm, span.start, position) and norm.count("(", span.start, position) <= norm.count(")", span.start, position):
            if position > start:
                result.append(Span(start, position))
            start = position + 1
    if span.end > start:
        result.append(Span(start, span.end))
    return [s for s in result if norm[s.start:s.end].strip()]


def _rstrip(norm: str, start: int, end: int) -> int:
    while end > start and norm[end - 1] in " 。;,:\n":
        end -= 1
    return end


# --- inline definitions ----------------------------------------------------------------------------------------


def _read_inline(context: _Context, area: Span, senses: list[TermSense], parent: str | None,
                 skip: list[Span]) -> None:
    """Inline definitions inside ``area``: list + shorthand, parenthesis, 即/是指. A definition nested in an
    earlier one (网上、网下两大防控体系 inside the list of “1123”) becomes its sub-sense."""
    taken: list[TermSense] = []
    for label, definition, items, evidence, quoted in _inline_candidates(context, area):
        if any(_overlaps(evidence, s) for s in skip):
            continue
        options = count_options(label)
        if options and len(items) not in options and not quoted:
            continue  # a list followed by a count defines it only when the count agrees
        enclosing = [t for t in taken if t.evidence.contains(evidence)]
        if enclosing and not quoted and enclosing[-1].expansion == items:
            continue  # the count-closed list of a definition is its expansion, not a sense of its own
        if any(_overlaps(evidence, t.evidence) for t in taken) and not enclosing:
            continue
        owner = enclosing[-1].id if enclosing else parent
        taken.append(_add(context, senses, label, "inline", definition, items, evidence, parent=owner))


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _inline_candidates(context: _Context, area: Span):
    """(label, definition, items, evidence, quoted) for every inline pattern in ``area``, in text order."""
    norm = context.norm
    segment = norm[area.start:area.end]
    # 0. a shorthand declared for the words before it: …(以下简称“X”); its quotes are read here and nowhere else
    found = _alias_candidates(context, area)
    declared = [Span(f[3].start, f[3].end) for f in found]
    quoted_spans = []
    # 1. a quoted shorthand: explained after it (parenthesis, 即/是指) or preceded by its list
    for match in _QUOTED.finditer(segment):
        start, end = area.start + match.start(), area.start + match.end()
        quoted_spans.append(Span(start, end))
        label = match.group(1).strip()
        if not 2 <= len(label) <= 14 or any(d.contains(Span(start, end)) for d in declared) \
                or _inside_title(norm, start, end):
            continue
        after = _explained_after(context, label, end, area.end) or _keyed_after(context, label, end, area.end)
        if after:
            items, definition_end = after
            evidence = Span(start, definition_end)
            found.append((label, context.text[start:definition_end], items, evidence, True))
            continue
        options = count_options(label)
        if not options and not _open_list_before(norm, start):
            continue
        before = _list_before(context, start, area.start, label)
        if before and (len(before[1]) in options or not options and norm.count('"', before[0], start) >= 2 * len(before[1])):
            list_start, items = before
            evidence = Span(list_start, end)
            found.append((label, context.text[list_start:end], items, evidence, True))
            continue
        listed = _listed_after(context, label, end, area.end)
        if listed:
            items, definition = listed
            evidence = Span(start, definition.end)
            found.append((label, context.text[definition.start:definition.end], items, evidence, True))
    # 2. an unquoted numeral shorthand right after a list: 派出所、交警、巡特警三警
    quoted_starts = [q.start for q in quoted_spans]
    for match in _NUMERAL_HEAD.finditer(segment):
        start = area.start + match.start()
        head = match.group()
        quote = bisect_right(quoted_starts, start) - 1  # quoted spans are in order and disjoint
        if start == area.start or quote >= 0 and start < quoted_spans[quote].end:
            continue
        previous = norm[start - 1]
        if previous in NUMERAL_CHARS or previous.isdigit() or previous in '第、,;。:\n双' or head[0] in "双二":
            continue  # counts of items say 两, not 二 (二代, 二维码 are no counts)
        if head.isdigit() or (head[-1].isdigit() is False and head[0].isdigit() and len(head) == len(head.rstrip("个大项类种方"))):
            continue  # 88.73%, 4.2万: a digit counts only with a measure word (4个重点建设大项, 3方资源)
        name_limit = min(area.end, start + len(head) + 7)  # the name: up to 7 characters after the count
        stop = _STOP_AFTER_NAME.search(norm, start + len(head), name_limit)
        name = norm[start:stop.start() if stop else name_limit]
        verb = _VERB_AFTER_NAME.search(name, len(head) + 2)
        label = _NAME_TAIL.sub("", name[:verb.start()] if verb else name)
        unity = _UNITY.match(label)
        label = unity.group() if unity else label  # 四位一体校园安全 -> 四位一体
        if len(label) <= len(head) or _DIGIT.search(label, len(head)) or not count_options(label):
            continue
        if head.endswith("个") and len(label) - len(head) <= 2:
            continue  # 四个应用, 两个方面: 个 counting a bare noun is arithmetic, not the name of a set
        before = _list_before(context, start, area.start, label)
        if before and not _scale(before[1], norm[before[0]:start]):
            list_start, items = before
            evidence = Span(list_start, start + len(label))
            found.append((context.text[start:start + len(label)], context.text[list_start:start + len(label)],
                          items, evidence, False))
    # 3. an unquoted term defined where its sentence or note begins: 注:1.零就业家庭,是指…; 困难人员主要包括:…
    for match in _TERM_DEFINED.finditer(norm, area.start, area.end):
        label = match.group("label")
        if match.group("includes") and not _CATEGORY_NOUN.search(label):
            continue  # 建设内容主要包括:… announces a list of work, not what a term means
        sentence = context.sentences.at(match.end())
        definition = Span(match.end(), _rstrip(norm, match.end(), min(sentence.end, area.end)))
        if len(definition) < 2 or any(q.start < match.end("label") and match.start("label") < q.end for q in quoted_spans):
            continue
        items = _split_list(context, definition, label)
        evidence = Span(match.start("label"), definition.end)
        found.append((context.text[match.start("label"):match.end("label")], context.text[definition.start:definition.end],
                      items if len(items) > 1 else [], evidence, False))
    # 4. an unquoted counted set followed by its members: 五大服务中心,包括甲中心、乙中心…
    for match in _COUNTED_SET_INCLUDES.finditer(norm, area.start, area.end):
        if any(q.start <= match.start() < q.end for q in quoted_spans):
            continue
        sentence = context.sentences.at(match.end())
        definition = Span(match.end(), _rstrip(norm, match.end(), min(sentence.end, area.end)))
        items = _split_list(context, _first_clause(norm, definition), match.group("label"))
        if len(items) >= 2:
            evidence = Span(match.start("label"), definition.end)
            found.append((context.text[match.start("label"):match.end("label")],
                          context.text[definition.start:definition.end], items, evidence, False))
    found.sort(key=lambda f: (f[3].start, -f[3].end))
    return found


# An unquoted counted set named, then listed (kept only when the count agrees, see ``_read_inline``):
# | form                                | example                                   |
# |-------------------------------------|-------------------------------------------|
# | N大/N个/N项 name, 包括/主要包括/即 … | 五大共享中心,包括检验中心、影像中心…         |
# | N类 name 分别是 …                    | 三类人员分别是甲、乙和丙                    |
_COUNTED_SET_INCLUDES = re.compile(
    rf"(?<![{NUMERAL_CHARS}\d第])(?P<label>[{NUMERAL_CHARS}]+[大个项类种支][\u4e00-\u9fff]{{2,8}}?)\s*,?\s*"
    rf"(?:{_INCLUDES}|分别是|分别为|即(?![日将可使便时刻]))\s*:?"
)


# An unquoted term defined at the start of a sentence, a note or a numbered line, as a table of forms:
# | form                                  | example                                         |
# |---------------------------------------|-------------------------------------------------|
# | X,是指… / X是指… / X指的是… / X系指…   | 注:1.零就业家庭,是指…; 2.新就业形态劳动者,是指…  |
# | X:指…                                 | ①一网通办:指企业和群众办事只需…                  |
# | 本…所称X是指…                          | 本方案所称小微企业是指…                          |
# | a category, then 主要包括: / 包括:      | 就业困难人员主要包括:大龄失业人员、残疾人…        |
_TERM_DEFINED = re.compile(
    r"(?:^|(?<=[。;:\n]))[ \t]*(?:\d{1,2}\s*[.、]?\s*|\(\d{1,2}\)\s*)?(?:本[\u4e00-\u9fff]{1,4}所称)?"
    r"(?P<label>[\u4e00-\u9fffA-Za-z0-9]{2,14}?)\s*,?\s*"
    r"(?:(?:是指|指的是|系指)(?![导挥出定示标引南派令明向数尖纹针])|:\s*指(?![导挥出定示标引南派令明向数尖纹针])"
    r"|(?P<includes>主要包括|具体包括|包括|主要有)\s*:)\s*:?",
    re.MULTILINE,
)
# What a term that 包括 its members names: a group of people, bodies or things of one kind.
_CATEGORY_NOUN = re.compile(r"(?:人|人员|人群|群体|群众|对象|家庭|主体|载体|机构|组织|企业|单位|设施)$")


# A shorthand declared for the phrase right before it, in parentheses or after a comma:
# | form                            | example                                           |
# |---------------------------------|---------------------------------------------------|
# | (以下简称“X”), (简称“X”)          | “甲标准、乙标准和丙清单”(以下简称“两标一单”)            |
# | (下称X), (以下称“X”)             | 市城市管理和综合执法局(下称市城管局)                    |
# | (以下简称为X), (以下统称“X”)      | 教育、卫健、民政部门(以下统称“责任部门”)                |
# | ,以下简称“X”                     | 制定甲办法和乙细则,以下简称“两个办法”                  |
# Words after the label inside the parenthesis (,下同) are part of the declaration.
_ALIAS = re.compile(
    r'(?:(?P<paren>\()\s*(?:(?:以下|下文|下)?(?:简称|统称)|(?:以下|下文|下)称)|,\s*(?:以下|下文)(?:简称|统称|称))为?\s*'
    r'(?:"(?P<quoted>[^"\n]{1,14})"|《(?P<titled>[^》\n]{1,40})》|(?P<bare>[^\s,;。:()"《、]{2,14}))'
    r'(?P<close>[^()\n]{0,12}\))?'
)
# A document's alias names a cited document, not a term: 《…条例》(以下简称《条例》), (以下简称“本办法”).
_DOCUMENT_ALIAS = re.compile(r"^本[\u4e00-\u9fff]{1,4}$")


def _alias_candidates(context: _Context, area: Span) -> list[tuple]:
    """Inline definitions declared by 以下简称/简称/下称 (see ``_ALIAS``): the label, the phrase before it as the
    definition, and its items as the expansion when the label counts them or the phrase is a list."""
    norm = context.norm
    found = []
    for match in _ALIAS.finditer(norm, area.start, area.end):
        if match.group("paren") and not match.group("close"):
            continue  # (简称… with no closing parenthesis on the line: no declaration
        label = match.group("quoted") or match.group("bare")
        phrase = _alias_phrase(context, match.start(), area.start)
        if not label or phrase is None or _DOCUMENT_ALIAS.match(label.strip()):
            continue
        label = label.strip()
        items = _alias_items(context, phrase, label)
        if not items:
            phrase = _abbreviated_phrase(norm, phrase, label)
        evidence = Span(phrase.start - (1 if norm[phrase.start - 1:phrase.start] == '"' else 0), match.end())
        found.append((label, context.text[phrase.start:phrase.end], items, evidence, True))
    return found


def _alias_phrase(context: _Context, opening: int, floor: int) -> Span | None:
    """The phrase an alias is declared for: the quotation right before it, else its clause less the outline
    number and the verbs that lead into it. None for a document's title (《…》) or an empty phrase."""
    norm = context.norm
    end = opening
    while end > floor and norm[end - 1] == " ":
        end -= 1
    if end <= floor or norm[end - 1] == "》":
        return None
    if norm[end - 1] == '"':
        open_quote = norm.rfind('"', floor, end - 1)
        if open_quote >= floor and norm.count('"', max(floor, end - 200), end) % 2 == 0:
            return Span(open_quote + 1, end - 1) if end - 1 - open_quote > 2 else None
    reach = max(floor, end - 150)
    start = max(reach, max(norm.rfind(mark, reach, end) for mark in _CLAUSE_MARKS) + 1)
    text = norm[start:end]
    number = _ENTRY_NUMBER.match(text.lstrip())
    start += len(text) - len(text.lstrip()) + (number.end() if number else 0)
    lead = _LEAD_IN.match(norm[start:end])
    if lead and end - start - lead.end() >= 2:
        start += lead.end()
    scope = _LIST_SCOPE.match(norm, start, end)
    if scope and "、" in norm[scope.end():end]:
        start = scope.end()  # 全市|人口库、法人库和…: the place is the whole list's, not its first item's
    return Span(start, end) if end - start >= 2 else None


# A jurisdiction before a list of things (全市人口综合库、法人综合库…) scopes every item; a single name keeps it
# (建设全省网上办事大厅(以下简称网上大厅) names the province's hall).
_LIST_SCOPE = re.compile(r"(?:全|本)[市县区省镇乡]|全国")


def _alias_items(context: _Context, phrase: Span, label: str) -> list[str]:
    """The items of the phrase: split as the label's count asks (三线一单 = 4 items), or by 、 when the phrase is
    a list of two or more words (教育、卫健、民政部门); else none (市住房和城乡建设局 is one name)."""
    options = count_options(label)
    if options:
        items = _split_list(context, phrase, label)
        if len(items) <= 1:  # “河湖长+检察长”“河湖长+警长”协作机制(以下简称“两长协作”)
            items = _adjacent_quotes(context, phrase)
        return items if len(items) > 1 and (len(items) in options or "、" in context.norm[phrase.start:phrase.end]) else []
    spans = _enumeration(context, phrase, split_and=True)
    if "、" not in context.norm[phrase.start:phrase.end] or any(len(s) < 2 for s in spans):
        return []
    return _clean_items(context, spans, None)


def _adjacent_quotes(context: _Context, phrase: Span) -> list[str]:
    """Items written as quotes side by side, perhaps followed by the head noun they share: “甲”“乙”协作机制."""
    norm = context.norm
    quotes = list(_QUOTED.finditer(norm, phrase.start, phrase.end))
    gaps = [norm[a.end():b.start()] for a, b in zip(quotes, quotes[1:])]
    if len(quotes) < 2 or not all(re.fullmatch(r"\s*[、和及与]?\s*", gap) for gap in gaps):
        return []
    return [context.text[q.start(1):q.end(1)] for q in quotes]


def _abbreviated_phrase(norm: str, phrase: Span, label: str) -> Span:
    """The shortest tail of a phrase, starting after one of its verbs, that still holds every character of the
    label in order: an abbreviation takes its characters from the full name (省政府决定建设全省网上办事大厅
    (以下简称网上大厅) -> 全省网上办事大厅), and 住房和城乡建设局 is not cut at its 建设 (市住建局 needs 住)."""
    starts = [m.end() for m in _INNER_LEAD_IN.finditer(norm, phrase.start, phrase.end) if m.end() < phrase.end - 1]
    key = normalize_label(label)
    for start in sorted(starts, reverse=True):
        if _holds_in_order(norm[start:phrase.end], key):
            return Span(start, phrase.end)
    return phrase


def _holds_in_order(text: str, characters: str) -> bool:
    rest = iter(text)
    return all(char in rest for char in characters)


# One administrative level as an item of a list: 市, 县(区), 乡镇 (省、市、县三级 is no set to define).
_LEVEL = re.compile(r"^[省市县区乡镇村街组州盟旗]{1,2}(?:\([^)]*\))?$")


def _scale(items: list[str], printed: str) -> bool:
    """A scale, not a set to define: administrative levels (市、县两级; 联通省、市、县(区)三级) or single characters
    listed with 、 (红、黄、绿三色)."""
    levels = all(_LEVEL.match(normalize(item)) for item in items[1:]) and normalize(items[0])[-1:] in "省市县区乡镇村"
    return levels or ("、" in printed and all(len(normalize(item)) == 1 for item in items))


def _inside_title(norm: str, start: int, end: int) -> bool:
    """Whether a quotation stands inside a document's title: 《…“十四五”规划》 cites, it does not define."""
    line_start, line_end = norm.rfind("\n", 0, start) + 1, norm.find("\n", end)
    line_end = len(norm) if line_end < 0 else line_end
    if norm.rfind("《", line_start, start) <= norm.rfind("》", line_start, start):
        return False  # no title open before the quotation
    closing, next_opening = norm.find("》", end, line_end), norm.find("《", end, line_end)
    return closing >= 0 and (next_opening < 0 or closing < next_opening)


def _open_list_before(norm: str, quote_start: int) -> bool:
    """A non-numeral quoted label defines a list only when it closes an open list: …等“风系列”."""
    return norm[max(0, quote_start - 2):quote_start].endswith("等")


def _list_before(context: _Context, label_start: int, floor: int, label: str) -> tuple[int, list[str]] | None:
    """The enumeration that ends just before a shorthand (optionally followed by 的/等): its start and items."""
    norm = context.norm
    end = label_start
    connector = re.search(r"(?:的|等|等等)\s*$", norm[max(floor, end - 3):end])
    if connector:
        end -= len(connector.group())
    if end <= floor:
        return None
    options = count_options(label)
    if norm[end - 1] == '"':
        open_quote = norm.rfind('"', floor, end - 1)
        inner = Span(open_quote + 1, end - 1)
        inner_text = norm[inner.start:inner.end]
        if open_quote >= floor and "、" in inner_text:  # “环省、环市、环县”三级治安防控圈
            return open_quote, _clean_items(context, _enumeration(context, inner, split_and=True), label)
        if open_quote >= floor and options and len(inner) == options[0] and re.fullmatch(r"[\u4e00-\u9fff]+", inner_text):
            return open_quote, list(context.text[inner.start:inner.end])  # “家校社政”四位一体: a character each
        if open_quote >= floor and count_options(inner_text):
            return None  # “2个目标”“4大体系”“3项制度”: sibling shorthands, not a list of items
    reach = max(floor, end - 150)  # the clause before, at most 150 characters back
    clause_start = max(reach, max(norm.rfind(mark, reach, end) for mark in _CLAUSE_MARKS) + 1)
    opening = norm[clause_start:end]
    number = _ENTRY_NUMBER.match(opening.lstrip())  # 三、推行“两个清单”: the heading's number is no list item
    if number:
        clause_start += len(opening) - len(opening.lstrip()) + number.end()
    clause = Span(clause_start, end)
    spans = _enumeration(context, clause, split_and=True)
    if options and len(spans) > options[0] > 1:
        # 文化场馆、旅游景区的人防、物防、技防“三防”: the list of the count starts after the 的 in its first item
        first = spans[-options[0]]
        de = norm.rfind("的", first.start, first.end - 1)
        if de > first.start and not any("的" in norm[s.start:s.end] for s in spans[-options[0] + 1:]):
            clause_start, spans = de + 1, [Span(de + 1, first.end), *spans[-options[0] + 1:]]
    items = _clean_items(context, spans, label)
    if "、" not in norm[clause_start:end]:
        items = _quoted_run(context, clause)  # 和 alone does not make a list
    if any(_QUOTED.search(normalize(i)) and count_options(_QUOTED.search(normalize(i)).group(1)) for i in items):
        return None  # 城区“一社区一民警”、农村“一村一辅警”: parallel shorthands, not the parts of one
    if options and len(items) not in options and label.isdigit() and _substantive(norm[clause_start:end]):
        # one digit per clause: …一条主线,全面深化…,…,全面强化…为支撑的“1123”规划思路
        sentence = context.sentences.at(label_start)
        clauses = _clauses(norm, Span(max(sentence.start, floor), end), r"[,;]")
        if len(clauses) >= options[0] > 1:
            chosen = clauses[-options[0]:]
            return chosen[0].start, _clean_items(context, [context.text[c.start:c.end] for c in chosen], label)
    if len(items) < 2:
        return None
    return clause_start + (len(norm[clause_start:end]) - len(norm[clause_start:end].lstrip())), items


def _substantive(clause: str) -> bool:
    """Whether a clause is an item in its own right, not just the verb that governs the shorthand (围绕“…”)."""
    lead = _LEAD_IN.match(clause.strip())
    return len(clause.strip()) - (lead.end() if lead else 0) >= 4


def _quoted_run(context: _Context, clause: Span) -> list[str]:
    """Items written as adjacent quotes: “交通秩序提升”“机动车礼让斑马线” or 涉黄赌打击“风潮”、…“风雷”."""
    norm = context.norm
    text = norm[clause.start:clause.end]
    quotes = list(_QUOTED.finditer(text))
    if len(quotes) < 2 or text[quotes[-1].end():].strip():
        return []
    gaps = [text[a.end():b.start()] for a, b in zip(quotes, quotes[1:])]
    if all(re.fullmatch(r"\s*(?:[、和及与]|)\s*", gap) for gap in gaps) or all("、" in gap for gap in gaps):
        return [context.text[clause.start + q.start(1):clause.start + q.end(1)] for q in quotes]
    return []


def _explained_after(context: _Context, label: str, quote_end: int, limit: int) -> tuple[list[str], int] | None:
    """A parenthesis (“1+3”工作机制(公安、…)) or 即/是指 (“四下降”:即…) right after a quoted shorthand."""
    norm = context.norm
    window = norm[quote_end:min(limit, quote_end + 14)]
    paren = re.match(r"([^\s,;。:\"()]{0,10})\(", window)
    if paren and re.search(rf"[{NUMERAL_CHARS}\d]", label):
        open_at = quote_end + paren.end() - 1
        close_at = _matching_paren(norm, open_at, limit)
        if close_at is None:
            return None
        inner = Span(open_at + 1, close_at)
        content = norm[inner.start:inner.end]
        if len(content.strip()) < 2 or re.match(r"\s*(?:以下简称|简称|试行|暂行|草案|征求意见稿)", content) \
                or re.fullmatch(r"[\d\s]+", content) or _DOCUMENT_NUMBER.fullmatch(content.strip()):
            return None
        items = _keyed_items(context, inner, label) or _split_list(context, inner, label)
        return items, close_at + 1
    explained = _EXPLAINED_BY.match(norm[quote_end:min(limit, quote_end + 16)])
    if explained and (count_options(label) or len(label) <= 8):
        start = quote_end + explained.end()
        sentence = context.sentences.at(start)
        end = min(sentence.end, limit)
        definition = Span(start, _rstrip(norm, start, end))
        if len(definition) < 2:
            return None
        closed = _count_closed_list(context, definition, label)
        return (closed[1] if closed else _split_list(context, definition, label)), definition.end
    return None


# A shorthand of one count and one head character: 三防并举 (3, 防), 五育并举 (5, 育), 两化协同 (2, 化).
_COUNTED_HEAD = re.compile(rf"^(?:[{NUMERAL_CHARS}]+|\d+)[大个项]?(?P<head>[\u4e00-\u9fff])[^{NUMERAL_CHARS}\d]*$")
# A document number, never an expansion: (青政办发〔2023〕5号), folded by normalize to [2023].
_DOCUMENT_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}\[(?:19|20)\d{2}\]\s*第?\d+\s*号")
_LISTED_AFTER_CLAUSES = 2  # the list stands in the shorthand's clause or the next one
_LISTED_ITEM_LENGTH = 6


def _listed_after(context: _Context, label: str, quote_end: int, limit: int) -> tuple[list[str], Span] | None:
    """The list a quoted numeral shorthand abbreviates, printed right after it in its sentence:
    “三防并举”,以人防、物防、技防为基础 -> 人防, 物防, 技防. Strict, since many a list follows a shorthand without
    spelling it out: the list stands in the shorthand's clause or the next, has as many items as the shorthand
    counts, and every item is short and holds the shorthand's head character (防). Returns the items and the
    clause that holds them."""
    head = _COUNTED_HEAD.match(normalize_label(label))
    options = count_options(label)
    if head is None or len(options) != 1 or options[0] < 2:
        return None
    sentence = context.sentences.at(quote_end)
    end = min(sentence.end, limit)
    for clause in _clauses(context.norm, Span(quote_end, end), r"[,;:]")[:_LISTED_AFTER_CLAUSES]:
        if "、" not in context.norm[clause.start:clause.end]:
            continue
        items = _split_list(context, clause, label)
        character = head.group("head")
        if len(items) > 1 and all(normalize_label(item).endswith(character) for item in items[:-1]):
            # the last item carries the rest of its clause: 技防为基础 -> 技防, as the others end with 防
            last = normalize(items[-1])
            if character in last:
                items[-1] = items[-1][:last.index(character) + 1]
        if len(items) == options[0] and all(
                character in item and len(normalize_label(item)) <= _LISTED_ITEM_LENGTH for item in items):
            return items, Span(clause.start, _rstrip(context.norm, clause.start, clause.end))
        return None  # the first list after the shorthand is the only candidate
    return None


def _keyed_after(context: _Context, label: str, quote_end: int, limit: int) -> tuple[list[str], int] | None:
    """A formula explained part by part later in its sentence: “1+N+X”体系,其中,“1”是指…,“N”是指…,“X”是指….
    Every part of the formula must be explained, in order; each explanation's first clause is its item."""
    norm = context.norm
    keys = normalize_label(label).split("+")
    if len(keys) < 2:
        return None
    sentence = context.sentences.at(quote_end)
    end = min(sentence.end, limit)
    keyed = list(_KEYED_PART.finditer(norm, quote_end, end))
    if [m.group(1).strip() for m in keyed] != keys:
        return None
    items = []
    for index, match in enumerate(keyed):
        part_end = keyed[index + 1].start() if index + 1 < len(keyed) else end
        item = _first_clause(norm, Span(match.end(), _rstrip(norm, match.end(), part_end)))
        items.append(context.text[item.start:item.end].strip())
    last = _first_clause(norm, Span(keyed[-1].end(), _rstrip(norm, keyed[-1].end(), end)))
    return items, last.end


def _matching_paren(norm: str, open_at: int, limit: int) -> int | None:
    depth = 0
    for position in range(open_at, min(limit, open_at + 300)):
        if norm[position] == "(":
            depth += 1
        elif norm[position] == ")":
            depth -= 1
            if depth == 0:
                return position
        elif norm[position] == "\n":
            return position if depth == 1 else None
    return None


def _keyed_items(context: _Context, inner: Span, label: str) -> list[str]:
    """Items of a parenthesis written as keyed parts of a formula: (“5”即…,“10”即…) for “5+10”."""
    norm = context.norm
    text = norm[inner.start:inner.end]
    keyed = list(_KEYED_PART.finditer(text))
    keys = set(re.split(r"[+]", normalize_label(label)))
    if not keyed or not all(m.group(1).strip() in keys for m in keyed):
        return []
    items: list[str] = []
    for index, match in enumerate(keyed):
        part_end = keyed[index + 1].start() if index + 1 < len(keyed) else len(text)
        rest = Span(inner.start + match.end(), _rstrip(norm, inner.start, inner.start + part_end))
        items.extend(_clean_items(context, _enumeration(context, _first_clause(norm, rest), split_and=True), None))
    return items


# --- variants and undefined shorthand ---------------------------------------------------------------------------


def _mark_variants(senses: list[TermSense]) -> None:
    """A sense whose expansion equals an earlier one's under another label records that label as a variant.
    Both senses stay (each keeps its evidence); they are never merged by label."""
    by_expansion: dict[tuple[str, ...], list[TermSense]] = {}
    for sense in senses:
        if len(sense.expansion) >= 2:
            key = tuple(sorted(normalize_label(i) for i in sense.expansion))
            by_expansion.setdefault(key, []).append(sense)
    for group in by_expansion.values():
        labels = list(dict.fromkeys(s.label for s in group))
        if len(labels) > 1:
            for sense in group:
                sense.alt_labels = [label for label in labels if label != sense.label]


# An unquoted counting phrase that names a set: 五大体系, 十三类重点人员, 两客一危一重.
_UNQUOTED_SHORTHAND = re.compile(
    rf"(?<![{NUMERAL_CHARS}\d第])(?:[{NUMERAL_CHARS}]+[大类](?![队批])[\u4e00-\u9fff]{{1,4}}?(?=[的和与及等在中为,;。、\s\d(]|建设|工作)"
    rf"|(?:[{NUMERAL_CHARS}][\u4e00-\u9fff](?![{NUMERAL_CHARS}]{{2}})){{1}}(?:[{NUMERAL_CHARS}][\u4e00-\u9fff]){{1,3}}(?![\u4e00-\u9fff]{{0}}\")(?!化))"
)
# A region named with a numeral, where no shorthand may start at the numeral: 珠三角九市 is the nine cities of the
# Pearl River Delta, not a shorthand 三角九市; 长三角三省一市 alike. The character before the numeral names the
# region: a river (长江, 珠江) or a province's one-character abbreviation (闽三角, 湘东三县). Characters that
# also end place names or common words (京 of 北京, 苏 of 江苏, 台 of 平台, 东西南北) are left out: a shorthand
# may follow a place's name (北京“三城一区”).
_REGION_PREFIX = set("长珠闽浙皖赣鲁豫鄂湘粤桂琼蜀黔滇陇冀晋辽沪渝")
# A quote nested in a quotation: “打造‘四港联动’枢纽”.
_NESTED_QUOTED = re.compile(r"'([^'\"\n]{2,10})'")

# Shorthand that counts nothing, as a table of shapes (each matched on the quoted label):
# | shape                                      | example            |
# |--------------------------------------------|--------------------|
# | three characters, each one item            | 黄赌毒, 情指行, 民转刑 (see ``_is_abbreviation``) |
# | a topic before a numeral shorthand         | 政治三力, 全警三能  |
# | a priority called number one               | 一号工程, 一号文件  |
# | one thing for each unit                    | 一村一品, 一案一策  |
# | a radius in time or distance               | 三十分钟, 15分钟生活圈 |
# | two abbreviations of a topic and its change | 油改电换 (a 油改 and a 电换), 工改商转 |
# | two fields' first characters merged         | 农旅融合, 林草融合 |
# A five-year plan (十四五, 十三五) is a period, not shorthand to define: see ``numerals`` and plan metadata.
_TOPIC_COUNT = re.compile(rf"^[\u4e00-\u9fff]{{2}}([{NUMERAL_CHARS}][\u4e00-\u9fff]{{1,2}})$")
_NUMBER_ONE = re.compile(r"^一号[\u4e00-\u9fff]{2}$")
_CHANGE_VERBS = "改转升换提联融"
# (融合 only: before 联动, 协同, 结合, 一体 two characters are mostly one word: 部门联动, 警种协同, 平战结合)
_JOINED_FIELDS = re.compile(r"^[\u4e00-\u9fff]{2}融合$")
_ABBREVIATION_PAIR = re.compile(rf"^(?:[\u4e00-\u9fff][{_CHANGE_VERBS}]){{2}}$")
# Characters that make a three-character label an ordinary word or a name rather than three items: function
# words, word-forming prefixes (金点子, 大平安, 微…, 全链条), the heads of compound nouns (身份码, 枫桥式, 技防网,
# 热力图, 回头看, 警易拍, 升级版, 巡特警), and the verbs and results of a slogan, a verb with its object (保安全,
# 防爆炸, 边复盘, 谁管理, 成体系, 控住线, 坚持好, 基础牢).
_FUNCTION_CHARS = set("的之了不是和与及或在为于把被就也都很最更等其此该各每某本这那个们所以而且并住得")
_WORD_PREFIXES = set("金银微全总大老无非超云智第副准亚新旧高多少双单出入"
                     "防保护促压遏控打铲劝抓强严稳治管谁边成按对封守看提降增减创建推")
_WORD_HEADS = set(
    "式型化性码网版图度铃哨墙片书事者家员站点岗队室所局区圈链库台端器机卡证单表法案线层级类格道路场馆园户门窗"
    "云脑眼剑盾钉办看管排检拍查通子头手心力感率量值项警官长师生人民群众会组班营部处科股厅院校村社街镇乡县市省"
    "列潮浪雷风光星火灯旗牌章证照好牢少准车房船"
)
# The commonest surnames: an unquoted list of three-character items that open with one is a list of people.
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)


def _is_abbreviation(label: str) -> bool:
    """Three characters that stand for three words (黄赌毒 = 黄, 赌, 毒; 情指行 = 情报, 指挥, 行动; 民转刑): no
    function word, no word-forming prefix, no head noun of a compound. Two characters are too often a word, four
    an idiom or a slogan."""
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{3}", label)) and not set(label) & set(NUMERAL_CHARS) \
        and not (set(label) & _FUNCTION_CHARS) and label[0] not in _WORD_PREFIXES and label[-1] not in _WORD_HEADS


# A slogan is a list of two or more short clauses, each a subject and its predicate (主谓): it names no set, so
# neither the list nor its items are shorthand. A clause holds no numeral (a counted item is shorthand of its own:
# 门前三包) and its predicate is recognised by what it is or how it opens:
# | predicate                                  | clause of a slogan       |
# |--------------------------------------------|--------------------------|
# | a quality after a subject of 2-4 characters | 街道强, 网格实, 服务优     |
# | a negation and its verb                    | 小事不出村, 服务不缺位     |
# | a degree adverb and a quality              | 天更蓝, 水更清            |
# | more or less of an action                  | 数据多跑路, 群众少跑腿     |
# | a direction or a place                     | 警力向下, 人往基层走, 服务到家 |
# | a modal and its verb                       | 有警必出, 难事有人帮       |
_QUALITIES = "强活实优好美稳安畅净绿蓝清亮富兴旺严紧快准精细硬新顺齐全足高深广靓真明正廉勤和佳灵"
_PREDICATE_OPENERS = "不无没未莫勿更最越再多少向往到在必能要有"
_CLAUSE = re.compile(
    rf"^(?:[\u4e00-\u9fff]{{2,4}}[{_QUALITIES}]|[\u4e00-\u9fff]{{1,4}}?[{_PREDICATE_OPENERS}][\u4e00-\u9fff]{{1,4}})$"
)
_SLOGAN_SEPARATOR = re.compile(r"\s*[、,]\s*")


def _is_slogan(items: list[str]) -> bool:
    """Whether ``items`` (a quoted or listed run, split at 、 and ,) are the clauses of a slogan:
    “县级强、乡级活” or “小事不出村、矛盾不上交”, but not “黄赌毒、盗抢骗” (abbreviations) nor “双随机、一公开”."""
    return len(items) >= 2 and all(
        3 <= len(item) <= 8 and _CLAUSE.match(item) and not re.search(rf"[{NUMERAL_CHARS}\d]", item) for item in items
    )


_SHORTHAND_LABEL = re.compile(r"^(?:[0-9A-Za-z]+(?:[+.][0-9A-Za-z]+)+[\u4e00-\u9fff]{0,3}|\d{3,}|[0-9A-Za-z]+\+[0-9A-Za-z]+)$")


def _read_undefined(context: _Context, senses: list[TermSense], sections: list[Span]) -> None:
    """Quoted numeral shorthand and digit formulas, and unquoted counting sets, that no sense of this document
    defines: one ``undefined`` sense per label, at its first use; a slogan (see ``_is_slogan``) is none."""
    defined = {normalize_label(s.label) for s in senses} | {normalize_label(a) for s in senses for a in s.alt_labels}
    covered = [s.evidence for s in senses] + sections
    seen: set[str] = set()
    candidates: list[tuple[int, int, str]] = []
    quotations = list(_QUOTED.finditer(context.norm))
    for match in [*quotations, *_NESTED_QUOTED.finditer(context.norm)]:
        label = match.group(1).strip()
        if _is_slogan(_SLOGAN_SEPARATOR.split(label)):
            continue
        if _is_shorthand(label) or _is_named_shorthand(label):
            candidates.append((match.start(), match.end(), label))
        elif "、" in label:
            candidates += _quoted_list_shorthand(match)
    quoted = [Span(start, end) for start, end, _ in candidates]
    candidates += _abbreviation_lists(context.norm, quoted)
    for match in _UNQUOTED_SHORTHAND.finditer(context.norm):
        span = Span(match.start(), match.end())
        if _is_shorthand(match.group()) and not any(_overlaps(span, q) for q in quoted) \
                and not _cut_inside_quotation(context.norm, span, quotations) \
                and not _inside_region_name(context.norm, span):
            candidates.append((match.start(), match.end(), match.group()))
    for start, end, label in sorted(candidates):
        key = normalize_label(label)
        span = Span(start, end)
        if key in defined or key in seen or any(c.contains(span) for c in covered):
            continue
        seen.add(key)
        _add(context, senses, context.text[start:end].strip('"“”‘’\''), "undefined", None, [], span)


def _quoted_list_shorthand(quotation: re.Match[str]) -> list[tuple[int, int, str]]:
    """The shorthand of a quoted list, as a table of shapes:

    | quoted list                 | shorthand                          | why                                        |
    |-----------------------------|------------------------------------|--------------------------------------------|
    | “一日一清洗、一周一消毒”    | each item                          | every item is shorthand on its own         |
    | “双随机、一公开”            | the whole list                     | numeral items that count only together     |
    | “微改造、精提升”            | none                               | parallel phrases: one item is a plain word |
    | “日管控、周排查、月调度”    | none                               | (周排查, 月调度 are verb phrases)          |
    | “一户一档、规范建档”        | 一户一档                           | a counted or per-unit shape stands alone   |
    """
    items = [(quotation.start(1) + m.start(), quotation.start(1) + m.end(), m.group())
             for m in re.finditer(r"[^、]+", quotation.group(1))]
    counted = [_is_shorthand(label) for _, _, label in items]
    if all(c or _is_named_shorthand(label) for c, (_, _, label) in zip(counted, items)):
        return items
    if any(counted) and all(re.match(f"[{NUMERAL_CHARS}]", label) for _, _, label in items):
        return [(quotation.start(1), quotation.end(1), quotation.group(1))]
    # beside a plain phrase, a three-character item is a phrase of the slogan too; counted shapes stand alone
    return [item for item, c in zip(items, counted) if c or _is_named_shorthand(item[2]) and not _is_abbreviation(item[2])]


def _inside_region_name(norm: str, span: Span) -> bool:
    """Whether an unquoted run of numeral pairs (三角九市) opens inside a region's name (珠三角): right after a
    character of ``_REGION_PREFIX``."""
    before = norm[span.start - 1] if span.start else ""
    pairs = re.fullmatch(rf"(?:[{NUMERAL_CHARS}][\u4e00-\u9fff])+", norm[span.start:span.end])
    return bool(pairs) and before in _REGION_PREFIX


def _cut_inside_quotation(norm: str, span: Span, quotations: list[re.Match[str]]) -> bool:
    """Whether an unquoted match stops inside a word of a quotation (一日一清 of “一日一清洗、…”): within quotes
    a shorthand runs to the end of its item."""
    return any(q.start(1) <= span.start and span.end < q.end(1) and norm[span.end] != "、" for q in quotations)


@lru_cache(maxsize=8192)  # a pure test of a label, asked again for every use of it
def _is_named_shorthand(label: str) -> bool:
    """A quoted label that abbreviates without a count of its own (see the table above ``_TOPIC_COUNT``)."""
    topic = _TOPIC_COUNT.match(label)
    pair = _ABBREVIATION_PAIR.match(label) and not set(label) & (set(NUMERAL_CHARS) | _FUNCTION_CHARS)
    return (_is_abbreviation(label) or bool(_NUMBER_ONE.match(label)) or bool(topic and _is_shorthand(topic.group(1)))
            or bool(pair) or bool(_JOINED_FIELDS.match(label) and not set(label[:2]) & _FUNCTION_CHARS)
            or (2 < len(label) <= 10 and (is_per_unit(label) or is_quantity(label) and not label[-1].isdigit()
                                          and not label.endswith("%"))))


_GLUED = re.compile(r"[^\W和及与或等]")  # a character that joins a list item to the word beside it


def _abbreviation_lists(norm: str, quoted: list[Span]) -> list[tuple[int, int, str]]:
    """Unquoted abbreviations where two or more stand side by side in a list: 盗抢骗、黄赌毒、食药环等犯罪; two of
    them must not open with a surname (张明华、李建国 are people)."""
    found = []
    for run in re.finditer(r"[\u4e00-\u9fff]{3}(?:、[\u4e00-\u9fff]{3})+", norm):
        items = [(run.start() + m.start(), run.start() + m.end()) for m in re.finditer(r"[^、]+", run.group())]
        # an item glued to the word before or after the list (权益盗抢骗) is not whole: only whole items count
        whole = items if run.start() == 0 or not _GLUED.match(norm[run.start() - 1]) else items[1:]
        whole = whole if run.end() == len(norm) or not _GLUED.match(norm[run.end()]) else whole[:-1]
        if _is_slogan([norm[a:b] for a, b in items]):
            continue  # 县级强、乡级活、村级实: clauses of a slogan
        if len({norm[a] for a, _ in items}) == 1 or len({norm[a + 1] for a, _ in items}) == 1:
            continue  # 快审批、快建设、快投用 (one adverb), 保大堤、排大涝 (one modifier): parallel phrases
        abbreviations = [(a, b) for a, b in whole if _is_abbreviation(norm[a:b])]
        if sum(norm[a] not in _SURNAMES for a, _ in abbreviations) >= 2 and not any(_overlaps(Span(a, b), q) for a, b in abbreviations for q in quoted):
            found += [(a, b, norm[a:b]) for a, b in abbreviations]
    return found


@lru_cache(maxsize=8192)  # a pure test of a label, asked again for every use of it
def _is_shorthand(label: str) -> bool:
    """A label that promises a count of at least two (一体化, 一把手 promise none) or is a digit formula;
    十九大, 二十大 are ordinals of a congress, and a number above thirty counts no items."""
    if len(label) < 2 or len(label) > 10 or re.fullmatch(r"\d{1,3}(?:\.\d+)?%?|(?:19|20)\d\d|\d+\.\d+%?", label):
        return False
    if re.match(rf"^[十二三四五六七八九]*十[{NUMERAL_CHARS}]*大", label):
        return False
    options = count_options(label)
    if options:
        return 2 <= options[0] <= 30
    return bool(_SHORTHAND_LABEL.match(normalize_label(label)))
