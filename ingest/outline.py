"""The heading hierarchy: 第一章, 一、, (一), 1., 1、, (1), ①, 一是 …

Chinese official documents nest numbering styles in a customary order (一、 > (一) > 1. > (1) > ①), but plans
deviate from it, so no order is hard-coded: a stack of open headings decides. A style already open on the stack
closes everything below it (a sibling); a style not on the stack opens one level deeper (a child). Levels are the
depth on that stack, so they follow the order in which styles appear in the document.

Two kinds of headings are recognised:

* line headings, at the start of a line: ``一、总体要求`` or the run-in ``(一)主要成就。body…``;
* run-in enumerations inside a paragraph, after a sentence break: ``…。一是加强…；二是完善…`` and ``第一，…``.

Annex markers (``附件2``, ``附表1``) always start a new top-level heading, so an annex's own numbering begins a
fresh hierarchy below it. The list of attachments in a covering notice (``附件：1．…方案`` / ``2．…台账`` above the
notice's signature and date) names the annexes but is none: its lines are no headings. Matching runs on ``normalize(text)`` (full-/half-width folded, same length), so every
offset is valid in the original text.

A 专栏 box (``专栏1  监测预警能力建设重点工程``, ``专栏一``, ``专栏2-1``, ``专栏：…``) is no heading: its items are,
each marked with the box's title (``Heading.box``). They are numbered (``1.名称。…``, ``（1）名称。…``) or not, one
per line (``名称：内容…``, ``名称，内容…``: the title is the name). A box stands in the section it follows: its items
are children of the section's line heading, a heading alone on its line (never of an item before it: a
run-in 一是, or 五、推进某某。在… whose words run on after its title), and the box ends at the next
heading of a numbering open outside it, at the next box, or at an annex; unnumbered items end earlier, at the
first line that reads as the section's prose (indented otherwise than the items, or a name too long).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plankg.ingest.facts import Document, Heading, Span
from plankg.ingest.text import normalize

CN_DIGITS = "零〇一二三四五六七八九十百两"
_CN_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Line-heading styles: (style key, pattern on the normalized text at the start of a line). The pattern's group
# "n" is the number; the whole match is the number as printed. Examples in the comments.
_N = f"[{CN_DIGITS}]{{1,4}}"
LINE_STYLES: list[tuple[str, re.Pattern[str]]] = [
    ("annex", re.compile(r"附\s*[件表录]\s*(?P<n>\d{1,2}|" + _N + r")?(?=\s*(?:[:：]|$|\s))")),  # 附件2 / 附表1
    ("chapter", re.compile(rf"第\s*(?P<n>{_N}|\d{{1,3}})\s*(?:[章篇](?!程)|部分)")),  # 第一章 第二篇 第三部分
    ("section", re.compile(rf"第\s*(?P<n>{_N}|\d{{1,3}})\s*节")),  # 第一节
    ("article", re.compile(rf"第\s*(?P<n>{_N}|\d{{1,3}})\s*条(?![件例])")),  # 第一条
    ("cn-dun", re.compile(rf"(?P<n>{_N})\s*(?:、(?!、)|\.(?!\d))")),  # 一、 一． 三、2024年工作计划
    ("paren-cn", re.compile(rf"\(\s*(?P<n>{_N})\s*\)")),  # (一) （一）
    ("arabic-dot", re.compile(r"(?P<n>\d{1,3})\s*\.(?!\d)")),  # 1. 1． 13 .
    ("arabic-dun", re.compile(r"(?P<n>\d{1,3})\s*、")),  # 1、
    # decimal numbering of technical bureaus and PDFs: 1 总体要求 / 2.1 加强… / 2.1.1推进…; the level is the count of
    # parts (style decimal-1, decimal-2 …, see ``_decimal``). A lone number needs a space after it (1 总体要求).
    ("decimal", re.compile(r"(?P<n>\d{1,2}(?:\.\d{1,2}){1,3}(?=[ \t]*[\u4e00-\u9fff])|\d{1,2}(?=[ \t]+[\u4e00-\u9fff]))")),
    ("paren-arabic", re.compile(r"\(\s*(?P<n>\d{1,3})\s*\)")),  # (1) （1）
    ("arabic-paren", re.compile(r"(?P<n>\d{1,3})\s*\)")),  # 1） 1)
    ("circled", re.compile(rf"(?P<n>[{CIRCLED}])")),  # ① (matched on the original text: NFKC folds ① to 1)
    # a numbered item named by its kind, as rectification plans list what they fix: 问题1：… / 任务2: / 措施3：
    ("labelled", re.compile(r"(?:问题|任务|措施|举措|事项)\s*(?P<n>\d{1,3})\s*:")),
    # an unnumbered item opened by a bullet glyph: ★聚焦…(group) / ●…审计。(item) / ■建立…台账 (sub-item); each glyph
    # is a style of its own (see ``_bullet_style``), so nesting follows first appearance as for numbers. Not • or ·,
    # which web pages print before their menu entries.
    ("bullet", re.compile(r"(?P<glyph>[★☆●◆◇■▲△])(?P<n>)")),
]
# Bullet glyphs drawn alike are one style: ★ and ☆, ◆ and ◇, ▲ and △.
_BULLET_STYLES = {"★": "star", "☆": "star", "●": "dot", "◆": "diamond", "◇": "diamond", "■": "square",
                  "▲": "triangle", "△": "triangle"}


BULLET = "bullet-"  # the prefix of every bullet style: a bullet prints no number, so it never restarts a list


def _bullet_style(glyph: str) -> str:
    """The style key of a bullet glyph: ● -> bullet-dot."""
    return BULLET + _BULLET_STYLES[glyph]

# Styles that are one numbering printed two ways: a list going 1． 2． 3、 is one list, not a 3、 list inside it.
_SAME_NUMBERING = {"arabic-dun": "arabic-dot"}


def _numbering(style: str) -> str:
    """The numbering a style prints (1、 and 1. are one), which its sequence and its level follow."""
    return _SAME_NUMBERING.get(style, style)


# Run-in enumerations: at the start of a line or after a sentence break, inside a paragraph.
_RUN_IN_BREAK = r"(?:(?<=^)|(?<=[。;:!?；：！？\n]))\s*"
RUN_IN_STYLES: list[tuple[str, re.Pattern[str]]] = [
    # 一是…；二是… and 一是…，二是…: after a comma too, the sequence check keeps 统一是 and the like out; 一要…；二要…
    # ("first must…") runs in the same way
    ("run-in", re.compile(r"(?:(?<=^)|(?<=[。;:!?,；：！？，\n]))\s*" + rf"(?P<num>(?P<n>{_N})[是要])", re.M)),
    ("ordinal", re.compile(_RUN_IN_BREAK + rf"(?P<num>第(?P<n>{_N})[,，、])", re.M)),  # 第一，…第二，…
    ("circled-run-in", re.compile(_RUN_IN_BREAK + rf"(?P<num>(?P<n>[{CIRCLED}]))", re.M)),  # …；②…
    # an article's clauses run on in its paragraph: 第三条 降低用地成本。(一)工业用地可…。(二)对…
    ("paren-run-in", re.compile(rf"(?<=[。;])\s*(?P<num>\(\s*(?P<n>{_N})\s*\))")),
    # …为主线，1．持续推进…；2．6月底前完成…: after a comma too, never a decimal (1.5亿, 2.6万) or a date (2024.3)
    ("arabic-run-in", re.compile(r"(?<=[。;:,])\s*(?P<num>(?P<n>\d{1,2})\s*[.、](?!\d+(?![\d年月])))")),
]
# Styles whose numbers count only where the paragraph goes on to the next one (1．… 2．…): a lone "1." after a comma
# or a lone (一) after a sentence is too often something else.
_PAIRED_RUN_INS = {"arabic-run-in", "paren-run-in"}

# A heading's title ends at the first full stop or colon (run-in heading), else at the end of its line; a table of
# contents line ends in leader dots and a page number (第二章 主要任务……………5); a parenthesis naming the owners
# is no part of the title: (三)开展燃气安全整治(县应急局牵头，县市场监管局配合) / …(牵头单位：县住建局).
_TITLE_END = re.compile(r"[。:!?：！？]|\s*(?:[.…·•．]{3,}|[.…·•．]{2,}\s*\d+\s*$)"
                        r"|\s*\((?=[^()]*(?:牵头|负责|配合|协助|协办|责任单位|责任部门)[^()]*(?:\)|$))")
_TRAILING = "。,;:、，；：！？!? \t"
# A number followed by these is a quantity or a date, not a heading: 1.5亿, 3.2万, 2.0版.
_NOT_AFTER_NUMBER = re.compile(r"\s*(?:[年月日号亿万元%]|$)")
# A decimal number followed by a unit or measure word is a quantity: 1.5亿元, 2.5 公里, 3 个乡镇, 1.2倍.
_QUANTITY_UNIT = re.compile(r"\s*(?:[个倍米吨亩户家人名所座项件条次台辆套只头株棵届期批类级度岁天周小千百]|公[里顷斤]|平方)")


def chinese_number(numeral: str) -> int | None:
    """Value of a numeral as printed in a heading: 一 -> 1, 十二 -> 12, 二十 -> 20, 12 -> 12, １２ -> 12, ③ -> 3."""
    numeral = numeral.strip()
    if len(numeral) != 1 or numeral not in CIRCLED:
        numeral = normalize(numeral)  # full-width digits (１２) and traditional 兩 read as 12 and 两
    if numeral.isdigit() and numeral.isascii():
        return int(numeral)
    if len(numeral) == 1 and numeral in CIRCLED:
        return CIRCLED.index(numeral) + 1
    total, current = 0, 0
    for char in numeral:
        if char in _CN_VALUES:
            current = _CN_VALUES[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


@dataclass
class _Candidate:
    style: str
    number: str  # as printed
    value: int
    start: int  # of the number
    title_start: int
    title_end: int
    end: int  # of the heading span


def extract_outline(document: Document) -> list[Heading]:
    """The headings of ``document`` in text order, each with its level, parent and the body it governs."""
    text = document.text
    folded = normalize(text)
    boxes = _boxes(text, folded)
    skipped = _attachment_lists(folded) + _covering_notice(folded) + [(box.start, box.end) for box in boxes]
    candidates = _line_candidates(text, folded) + _closing_titles(folded)
    candidates = sorted((c for c in candidates if not any(s <= c.start < e for s, e in skipped)), key=lambda c: c.start)
    candidates = _with_box_items(text, folded, boxes, candidates)
    candidates = _with_run_ins(text, folded, candidates)
    return _build(text, _plausible(candidates), boxes)


# An unnumbered title alone on its line that opens a plan's closing part, which assigns no work: 有关要求 /
# 工作要求 / 保障措施 / 组织保障 / 组织领导 / 附则. Printed after the last numbered item (…30.加强…。 then 有关要求
# then (一)压实工作责任…), it closes every open heading; its own items stand under it (style ``closing``).
CLOSING = "closing"
_CLOSING_TITLE = re.compile(r"^[ \t]*(?P<title>(?:有关|相关|工作|其他|具体)要求|(?:保障|支撑)(?:措施|机制)"
                            r"|(?:工作|组织|政策|要素)保障|组织(?:领导|实施)|附\s*则)[ \t]*:?[ \t]*$", re.M)


def _closing_titles(folded: str) -> list[_Candidate]:
    """The unnumbered titles of closing parts (see ``_CLOSING_TITLE``)."""
    return [_Candidate(CLOSING, "", 1, m.start("title"), m.start("title"), m.end("title"), m.end())
            for m in _CLOSING_TITLE.finditer(folded)]


# A box's title line: 专栏1  X / 专栏一 X / 专栏 2-1 X / 专栏：X (normalized: ： is :, dashes are -); the title has no
# sentence punctuation (专栏1所列项目由…负责。 is a sentence about a box, not one).
_BOX_LINE = re.compile(rf"^[ \t]*专栏\s*(?:(?:\d{{1,2}}|[{CN_DIGITS}]{{1,3}})(?:\s*-\s*\d{{1,2}})?\s*:?|:)"
                       r"\s*(?P<title>[^\n。;!?]{2,60}?)\s*$", re.M)
# An unnumbered box item's name ends at its first separator: 名称：内容 / 名称，内容 / 名称。内容.
_BOX_ITEM_NAME_END = re.compile(r"[:,;。]")
_LINE = re.compile(r"[^\n]+")
_TABLE_ROW = re.compile(r"\t|[ \u3000]{2,}")  # on the original text: normalize makes a tab a space


@dataclass
class _Box:
    title: str
    start: int  # of the title line
    end: int


def _boxes(text: str, folded: str) -> list[_Box]:
    if "专栏" not in folded:
        return []
    return [_Box(text[m.start("title"):m.end("title")], m.start(), m.end()) for m in _BOX_LINE.finditer(folded)]


# An unnumbered box item's name is short (5G网络覆盖工程, 城镇污水处理提质增效); a line whose words before the first
# separator run longer reads as a paragraph of the section, not as an item.
_MAX_BOX_ITEM_NAME = 20


def _with_box_items(text: str, folded: str, boxes: list[_Box], candidates: list[_Candidate]) -> list[_Candidate]:
    """Add the unnumbered items of each box: its lines up to the next heading or box, one item per line. A table's
    row (cells apart by a tab or a run of spaces: 项目名称\t建设内容\t建设年限) is no item: tables are read apart.

    The items of a box are indented as its first is, or not at all, and named in few words. The box ends at the
    first line indented otherwise or with a longer name: the section's prose goes on after the box (items
    flush left, then 　　加强水源地保护，严格……。 indented as a paragraph)."""
    limits = sorted([c.start for c in candidates] + [box.start for box in boxes] + [len(folded)])
    found = []
    for box in boxes:
        limit = next(limit for limit in limits if limit >= box.end)
        first_shape = None
        for line in _LINE.finditer(folded, box.end, limit):
            if not line.group().strip() or _TABLE_ROW.search(text[line.start():line.end()].strip()):
                continue
            start = line.start() + len(line.group()) - len(line.group().lstrip())
            stop = _BOX_ITEM_NAME_END.search(folded, start, line.end())
            title_end, end = (stop.start(), stop.end()) if stop else (line.end(), line.end())
            shape = start > line.start()  # indented
            if title_end - start > _MAX_BOX_ITEM_NAME or first_shape not in (None, shape):
                break
            first_shape = shape
            found.append(_Candidate("box-item", "", 1, start, start, title_end, end))
    return sorted(candidates + found, key=lambda c: c.start)


# A covering notice's list of attachments: 附件：1．X (the name on the marker's line), then up to a few short lines
# (2．Y, the signing organ) and the notice's date alone on its line (2024年2月20日 / 二〇二四年二月二十日).
_ATTACHMENT_LIST = re.compile(r"^[ ]*附\s*件\s*:[ ]*\S[^\n]{0,60}\n(?:[ ]*[^\n。;]{0,40}\n){0,6}?"
                              rf"[ ]*(?:\d{{4}}|[{CN_DIGITS}]{{4}})\s*年[^\n]{{1,8}}日[ ]*$", re.M)


def _attachment_lists(folded: str) -> list[tuple[int, int]]:
    """Spans of the attachment lists of covering notices (see ``_ATTACHMENT_LIST``)."""
    if "附" not in folded:
        return []
    return [(m.start(), m.end()) for m in _ATTACHMENT_LIST.finditer(folded)]


# A notice that hands a plan down (…现印发给你们 / 予以分解印发 / 转发 / 下达) speaks to its addressees from the
# salutation (各区、县(市)人民政府,市政府各部门: — a line ending in a colon that names 各…) to its signature date or
# its list of attachments (附件：…); its own 一、各级各部门要提高站位… 二、… are requirements on the plan that follows,
# not the plan's outline.
_SALUTATION = re.compile(r"^[ \t]*(?=[^\n]*各)[^\n。;]{2,80}:[ \t]*$", re.M)
_NOTICE_END = re.compile(rf"^[ \t]*(?:(?:\d{{4}}|[{CN_DIGITS}]{{4}})\s*年[^\n]{{1,8}}日[ \t]*$|附\s*件)", re.M)
_HANDS_DOWN = re.compile(r"印发|转发|下达")


def _covering_notice(folded: str) -> list[tuple[int, int]]:
    """The span of the body of a notice that hands down the plan after it (see ``_SALUTATION``), if any."""
    salutation = _SALUTATION.search(folded)
    end = _NOTICE_END.search(folded, salutation.end()) if salutation else None
    if end is None or not _HANDS_DOWN.search(folded, salutation.end(), end.start()) or not folded[end.end():].strip():
        return []
    return [(salutation.end(), end.start())]


def _line_candidates(text: str, folded: str) -> list[_Candidate]:
    candidates = []
    for line in re.finditer(r"[^\n]+", folded):
        offset = line.start() + len(line.group()) - len(line.group().lstrip())
        head = folded[offset:line.end()]
        for style, pattern in LINE_STYLES:
            source = text[offset:line.end()] if style == "circled" else head
            match = pattern.match(source)
            if not match:
                continue
            rest = head[match.end():]
            if style not in ("annex",) and (_NOT_AFTER_NUMBER.match(rest) or not rest.strip()):
                break  # "1.5亿", a bare "1." cell or a date is not a heading
            if style == "bullet":
                style = _bullet_style(match.group("glyph"))
            if style == "decimal":
                if _QUANTITY_UNIT.match(rest):
                    break  # 1.5亿元, 2.5 公里, 3 个: a quantity
                parts = match.group("n").split(".")
                style, value = f"decimal-{len(parts)}", int(parts[-1])
            else:
                value = chinese_number(match.group("n")) if match.group("n") else 1
            if value is None:
                break
            title_start = offset + match.end()
            while title_start < line.end() and folded[title_start] == " ":
                title_start += 1
            title_end, end = _title_bounds(folded, title_start, line.end())
            if folded[title_end:end] in _FULL_STOPS and _owners_only(folded[end:line.end()]):
                title_end = _first_clause_end(folded, title_start, title_end)  # an item of one sentence, no title
            if style == "annex":
                title_start, title_end = _annex_title(folded, title_start, line.end())
                end = line.end()
            candidates.append(
                _Candidate(style, text[offset:offset + match.end()].strip(), value, offset, title_start, title_end, end)
            )
            break
    return candidates


_FULL_STOPS = ("。", "!", "?")


def _owners_only(rest: str) -> bool:
    """Whether the rest of an item's line after its first sentence is nothing or only its owners (县林业局、各乡镇)."""
    return not rest.strip() or bool(_OWNER_LINE.fullmatch(rest.strip()))


def _title_bounds(folded: str, start: int, limit: int) -> tuple[int, int]:
    """End of a heading's title and of its span: the first 。/： before ``limit``, else ``limit``."""
    stop = _TITLE_END.search(folded, start, limit)
    if stop:
        return stop.start(), stop.end()
    return limit, limit


def _annex_title(folded: str, start: int, line_end: int) -> tuple[int, int]:
    """An annex's title: the rest of its line, or the short next line when the marker stands alone (附表1 / 名称)."""
    if folded[start:line_end].strip(" :"):
        return start, line_end
    following = re.compile(r"\s*([^\n]{1,60})(?=\n|$)").match(folded, line_end)
    if following and not any(pattern.match(following.group(1)) for _, pattern in LINE_STYLES):
        return following.start(1), following.end(1)
    return line_end, line_end


def _with_run_ins(text: str, folded: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Add run-in enumerations (一是…二是…) found in the text, each numbered run starting at 一."""
    found: list[_Candidate] = []
    line_starts = {c.start for c in candidates}
    for style, pattern in RUN_IN_STYLES:
        source = text if style == "circled-run-in" else folded
        if not pattern.search(source):
            continue  # a match inside a paragraph is one in the whole text: most styles are absent from a document
        for paragraph in re.finditer(r"[^\n]+", folded):
            expected = 1
            matches = list(pattern.finditer(source, paragraph.start(), paragraph.end()))
            if style in _PAIRED_RUN_INS:
                matches = _paired(matches)
            for index, match in enumerate(matches):
                start = match.start("num")
                value = chinese_number(match.group("n"))
                if value != expected and value != 1 or start in line_starts:
                    continue
                expected = value + 1
                title_start = match.end("num")
                limit = matches[index + 1].start("num") if index + 1 < len(matches) else paragraph.end()
                title_end, end = _title_bounds(folded, title_start, limit)
                while title_end > title_start and folded[title_end - 1] in _TRAILING:
                    title_end -= 1
                title_end = _first_clause_end(folded, title_start, title_end)
                found.append(_Candidate(style, text[start:match.end("num")], value, start, title_start, title_end, end))
    return sorted(candidates + found, key=lambda c: c.start)


# A run-in item runs to its 。 or ；, often a long sentence of clauses; its title is then its first clause, the
# action: 一是严格建设用地准入管理，将污染地块纳入…，未经调查评估的地块不得开发利用； -> 严格建设用地准入管理. A short
# item keeps its clauses (三是加强监管，防范新增污染； -> 加强监管，防范新增污染), and so does one whose first clause is
# too short to name an action (一是对标，… ). So does a numbered line item that is one sentence and nothing else but
# its owners (5．深化…改革，发展…，年底前…。(县X局)): it prints no title sentence. A line item followed by more
# sentences, or without a full stop, keeps its first sentence or its line as its title.
_LONG_RUN_IN_TITLE = 20
_MIN_CLAUSE = 4
# A first clause that sets the circumstance names no action: 以…为依托，建设… / 在…基础上，… / 按照…要求，… / 围绕…，…
# / 聚焦…等重点领域，为…提供…
_CIRCUMSTANCE = re.compile(r"(?:以|在|按照?|依照|依据|根据|围绕|聚焦|依托|通过|针对|结合|对照|对标|立足|借助)")


def _first_clause_end(folded: str, start: int, end: int) -> int:
    """End of a long item's title: its first clause when the item is long (see ``_LONG_RUN_IN_TITLE``) and the
    clause names an action."""
    if end - start <= _LONG_RUN_IN_TITLE:
        return end
    comma = folded.find(",", start, end)
    return comma if comma - start >= _MIN_CLAUSE and not _CIRCUMSTANCE.match(folded, start) else end


def _paired(matches: list[re.Match]) -> list[re.Match]:
    """The matches that begin or continue a run of consecutive numbers of at least two (1．… 2．…)."""
    values = [chinese_number(m.group("n")) for m in matches]
    return [match for index, match in enumerate(matches)
            if (index + 1 < len(values) and values[index + 1] == values[index] + 1)
            or (index > 0 and values[index - 1] == values[index] - 1)]


def _plausible(candidates: list[_Candidate]) -> list[_Candidate]:
    """Drop numbers out of sequence: a style starts at 1 and goes on by one (a gap of two is forgiven).

    A list may also start above 1 right under a heading of another style, when its next number follows:
    ``二、重点行动`` then ``(四)…`` ``(五)…`` goes on with a numbering whose first items were not line headings
    (run together in one paragraph, or in a part left out), or numbers its items across sections."""
    last: dict[str, int] = {}
    kept = []
    candidates = _consistent_decimals(candidates)
    for index, candidate in enumerate(candidates):
        if candidate.style.startswith("decimal-"):
            kept.append(candidate)  # checked as a whole by _consistent_decimals
            continue
        previous = last.get(_numbering(candidate.style))
        in_sequence = candidate.value == 1 or (previous is not None and previous < candidate.value <= previous + 3)
        if candidate.style in ("annex", CLOSING) or in_sequence or _starts_run(candidates, index):
            kept.append(candidate)
            last[_numbering(candidate.style)] = candidate.value
    return kept


def _consistent_decimals(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the decimal numbers that form an outline: each is the first child of the number open above it
    (2 then 2.1, 2.1 then 2.1.1) or follows the last of its siblings (2.1.1 then 2.1.2, a gap of two forgiven);
    a lone number (1 总体要求) follows the last lone one. A document whose numbers make no two such nested headings
    has no decimal outline at all: 1.5亿元 or a count at a line's start stays text."""
    last: dict[tuple[int, ...], int] = {}  # the last kept number under each prefix: (2, 1) -> 3 after 2.1.3
    kept: list[_Candidate] = []
    for candidate in candidates:
        if not candidate.style.startswith("decimal-"):
            kept.append(candidate)
            continue
        parts = tuple(int(part) for part in normalize(candidate.number).split("."))
        prefix, value = parts[:-1], parts[-1]
        previous = last.get(prefix)
        opened = not prefix or last.get(prefix[:-1]) == prefix[-1]
        if (value == 1 and opened) or (previous is not None and previous < value <= previous + 3):
            last[prefix] = value
            for deeper in [key for key in last if len(key) > len(prefix) and key[:len(prefix)] == prefix]:
                if deeper[len(prefix)] != value:
                    del last[deeper]
            kept.append(candidate)
    nested = sum(1 for c in kept if c.style.startswith("decimal-") and c.style != "decimal-1")
    return [c for c in kept if not c.style.startswith("decimal-") or nested >= 2]


def _starts_run(candidates: list[_Candidate], index: int) -> bool:
    """Whether candidate ``index`` follows a heading of another style and the next one of its style is its
    successor: the start of a list numbered from above 1."""
    numbering = _numbering(candidates[index].style)
    if index == 0 or _numbering(candidates[index - 1].style) == numbering or numbering in _RUN_IN_STYLE_KEYS:
        return False
    above = _numbering(candidates[index - 1].style)
    for following in candidates[index + 1:]:
        if _numbering(following.style) == numbering:
            return following.value == candidates[index].value + 1
        if _numbering(following.style) == above:  # a sibling of the heading above: a list of one item ended
            return False
    return False


_RUN_IN_STYLE_KEYS = {style for style, _ in RUN_IN_STYLES}


@dataclass
class _OpenBox:
    title: str
    depth: int  # of the stack outside the box
    outer: set[str]  # numberings open outside the box: a heading of one of them ends it


def _open_box(text: str, stack: list, box: _Box, current: _OpenBox | None,
              first: _Candidate) -> tuple[list, _OpenBox | None]:
    """The stack under which the items of ``box`` stand, and the box; ``None`` for a box without items (the next
    heading goes on with a numbering open outside it). The box closes the item open before it: a run-in 一是, or
    a line item whose words run on after its title (五、推进某某。在…): its items stand beside that item, under
    the section. A heading alone on its line ((一)深入打好蓝天保卫战 / 第二节 X) is that section."""
    if current is not None:
        stack = stack[:current.depth]
    while stack and stack[-1][0] in _RUN_IN_STYLE_KEYS:
        stack = stack[:-1]
    if stack and not _alone_on_line(text, stack[-1][1]):
        stack = stack[:-1]
    styles = [style for style, _ in stack]
    if _numbering(first.style) in styles:
        if first.value != 1:
            return stack, None
        stack = stack[:styles.index(_numbering(first.style))]  # the box's own 1. 2. under a section's 1. 2.
    return stack, _OpenBox(box.title, len(stack), {style for style, _ in stack})


def _alone_on_line(text: str, heading: Heading) -> bool:
    """Whether a heading's line holds its number and title only, as a section's does: no sentence ends it and no
    words follow it (五、推进某某。在… is an item; (一)深入打好蓝天保卫战 is a section)."""
    line_end = text.find("\n", heading.span.start)
    line_end = len(text) if line_end < 0 else line_end
    return not text[heading.span.end:line_end].strip() and normalize(text[heading.span.end - 1]) not in _FULL_STOPS


def _build(text: str, candidates: list[_Candidate], boxes: list[_Box]) -> list[Heading]:
    headings: list[Heading] = []
    stack: list[tuple[str, Heading]] = []  # (style, heading) of the open headings, outermost first
    pending = list(boxes)
    box: _OpenBox | None = None
    closed_top: str | None = None  # the outermost numbering a closing title closed: its next number (not a new 1)
    # goes on beside the title, at the top
    for index, candidate in enumerate(candidates):
        if box is not None and (candidate.style in ("annex", CLOSING) or _numbering(candidate.style) in box.outer):
            box = None
        while pending and pending[0].start < candidate.start:
            stack, box = _open_box(text, stack, pending.pop(0), box, candidate)
        styles = [style for style, _ in stack]
        if candidate.style == CLOSING:
            closed_top = styles[0] if styles and styles[0] != CLOSING else closed_top
            stack = []
        elif candidate.style == "annex" or _numbering(candidate.style) == closed_top and candidate.value > 1:
            stack, closed_top = [], None
        elif _numbering(candidate.style) == closed_top:
            closed_top = None  # numbered afresh: the closing part's own list
        elif _numbering(candidate.style) in styles:
            stack = stack[:styles.index(_numbering(candidate.style))]
        title = text[candidate.title_start:candidate.title_end].strip(" :：\t").rstrip(_TRAILING).strip()
        heading = Heading(
            id=f"h{index + 1}",
            level=len(stack) + 1,
            style=candidate.style,
            number=candidate.number,
            title=title,
            span=Span(candidate.start, max(candidate.end, candidate.title_end)),
            body=Span(candidate.end, candidate.end),
            parent=stack[-1][1].id if stack else None,
            box=box.title if box else None,
        )
        headings.append(heading)
        stack.append((_numbering(candidate.style), heading))
    _set_bodies(text, headings)
    _end_lists_before_restart(text, headings)
    _end_before_closing(text, headings)
    _end_list_before_owner_line(text, headings)
    return headings


_RUN_IN_STYLE_KEYS = frozenset(style for style, _ in RUN_IN_STYLES)


def _set_bodies(text: str, headings: list[Heading]) -> None:
    """A heading governs the text up to the next heading of the same or a higher level. An item run in after
    other words of its line ends with its paragraph: the 责任单位：… line after an article's (一)…(二)… belongs to
    the article, not to its last clause; so does an unnumbered box item, one per line."""
    for index, heading in enumerate(headings):
        end = len(text)
        for following in headings[index + 1:]:
            if following.level <= heading.level:
                end = following.span.start
                break
        line_start = text.rfind("\n", 0, heading.span.start) + 1
        if heading.style == "box-item" or (heading.style in _RUN_IN_STYLE_KEYS
                                           and text[line_start:heading.span.start].strip()):
            line_end = text.find("\n", heading.span.start)
            end = min(end, len(text) if line_end < 0 else line_end)
        start = heading.span.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:  # no body: it stays at the heading's end, not past the white space before the next one
            start = end = heading.span.end
        heading.body = Span(start, end)


def _end_lists_before_restart(text: str, headings: list[Heading]) -> None:
    """A list of headings without bodies (a table of contents, a task list) that the outline then repeats with
    bodies ends at its last line: the text before the repeat (a title, a preamble) belongs to none of its items."""
    run_start = 0
    for index, heading in enumerate(headings):
        restarts = heading.level == 1 and not heading.style.startswith(BULLET) and any(
            h.level == 1 and h.style == heading.style and normalize(h.number) == normalize(heading.number)
            for h in headings[run_start:index]
        )
        if not restarts:
            continue
        run = headings[run_start:index]
        leaves = [h for h in run if not any(other.parent == h.id for other in run)]
        if len(leaves) > 1 and all(not len(h.body) for h in leaves[:-1]):
            line_end = text.find("\n", leaves[-1].span.end)
            line_end = len(text) if line_end < 0 else line_end
            for listed in run:
                end = min(listed.body.end, line_end)
                listed.body = Span(min(listed.body.start, end), end)
        run_start = index


# A closing paragraph speaks of the whole plan: 各科室要对照本要点细化措施…确保各项任务按期完成 / 以上任务由… /
# 上述工作… / 本方案自印发之日起施行.
_WHOLE_PLAN = re.compile(r"各项(?:任务|工作|措施)|(?:以上|上述)(?:各项)?(?:任务|工作|措施)|本(?:方案|计划|要点|规划|意见|通知)")
_PARAGRAPH = re.compile(r"(?<=\n)[ \t\u3000]*(?P<words>\S[^\n]*)")


def _end_before_closing(text: str, headings: list[Heading]) -> None:
    """The paragraph after the last item of a list that speaks of the whole plan (…确保各项任务按期完成) closes the
    plan, not the item: it ends the item's body and the bodies of the headings above it. Only a paragraph after
    the item's own words counts (a heading alone on its line keeps its first paragraph), and only where no sibling
    item follows."""
    for index, heading in enumerate(headings):
        following = headings[index + 1] if index + 1 < len(headings) else None
        if following is not None and following.span.start < heading.body.end:
            continue  # not a leaf: its last descendant decides
        line_end = text.find("\n", heading.span.start)
        if line_end < 0 or line_end >= heading.body.end:
            continue
        paragraphs = list(_PARAGRAPH.finditer(text, line_end, heading.body.end))
        if not text[heading.span.end:line_end].strip():
            paragraphs = paragraphs[1:]  # the heading's own first paragraph
        cut = next((p.start("words") for p in paragraphs
                    if _WHOLE_PLAN.search(p["words"]) and not _numbered(normalize(p["words"]))), None)
        if cut is None or following is not None and following.level == heading.level:
            continue
        for other in headings[:index + 1]:
            if other.body.start <= cut < other.body.end:
                end = cut
                while end > other.body.start and text[end - 1].isspace():
                    end -= 1
                other.body = Span(other.body.start, end)


# A line that names owners only: a whole line in parentheses (县水务局、县林业局，各乡镇按职责分工负责) or a labelled
# list (责任单位：县水务局).
_OWNER_LINE = re.compile(r"(?:\([^()]{2,80}\)|\[[^\[\]]{2,80}\]|【[^【】]{2,80}】"
                         r"|(?:牵头|责任|主责|配合|协办)(?:单位|部门|股室|科室|处室)\s*:[^\n]+)[。;]?")
# The end of an item that goes on in the next (①…；②…；③…。): the list is one sentence of the item holding it.
_LIST_ITEM_GOES_ON = (";", ",", "、")
# Owners closing a paragraph after its last sentence: …；三要揭示…，及时提出审计建议。（责任股室：财政审计股）
_CLOSING_OWNERS = re.compile(r"(?<=[。;!?])\s*(?P<owners>\([^()]{2,80}\)|\[[^\[\]]{2,80}\]|【[^【】]{2,80}】)[。;]?\s*$")


def _end_list_before_owner_line(text: str, headings: list[Heading]) -> None:
    """The owners named after the last entry of a list, on the next line (then (县住建局、各乡镇按职责分工负责)) or
    closing the paragraph of run-in entries (…；三要…。（责任股室：X）), are the owners of the item holding the list,
    not of its last entry, when the list is one sentence (3．整治人居环境。①改厕…；②清洁…；③收运…。) or when no
    entry before the last names owners of its own (●健全…机制。 then ■建立…。 ■对…。 ■每半年…。 then （责任股室：X）):
    they end the last entry's body, so that they stay in the holder's alone. A list whose entries end in full stops
    and name their own owners is of separate items: an owner line after the last is that item's."""
    children: dict[str, list[Heading]] = {}
    for heading in headings:
        if heading.parent is not None:
            children.setdefault(heading.parent, []).append(heading)
    for entries in children.values():
        last = entries[-1]
        if len(entries) < 2 or children.get(last.id):
            continue
        owners = _owners_after(text, last)
        if owners is None:
            continue
        earlier = [normalize(text[entry.span.start:entry.body.end]).rstrip() for entry in entries[:-1]]
        one_sentence = all(words.endswith(_LIST_ITEM_GOES_ON) for words in earlier)
        unowned = not any(_CLOSING_OWNERS.search(words) or _owner_line_after(words) for words in earlier)
        if one_sentence or unowned:
            end = owners
            while end > last.body.start and text[end - 1].isspace():
                end -= 1
            last.body = Span(min(last.body.start, end), end)


def _owners_after(text: str, last: Heading) -> int | None:
    """Where the owners named after a list's last entry start: the line after the entry's line when it names owners
    only, or the parenthesis that closes the paragraph of a run-in entry; None when no owners follow it."""
    line_start = text.rfind("\n", 0, last.span.start) + 1
    line_end = text.find("\n", last.span.start)
    if last.style in _RUN_IN_STYLE_KEYS and text[line_start:last.span.start].strip():
        closing = _CLOSING_OWNERS.search(normalize(text[last.span.start:last.body.end]))
        return last.span.start + closing.start("owners") if closing else None
    if line_end < 0 or line_end >= last.body.end:
        return None
    following = _PARAGRAPH.match(text, line_end + 1)
    if following and following.start("words") < last.body.end and _OWNER_LINE.fullmatch(
            normalize(following["words"]).rstrip()):
        return following.start("words")
    return None


def _owner_line_after(words: str) -> bool:
    """Whether an entry's words end in a line that names owners only."""
    lines = words.rsplit("\n", 1)
    return len(lines) == 2 and bool(_OWNER_LINE.fullmatch(lines[1].strip()))


def _numbered(folded: str) -> bool:
    """Whether a paragraph opens with a heading number of any style."""
    return any(pattern.match(folded) for style, pattern in LINE_STYLES if style not in ("annex", "circled"))


def own_text_end(headings: list[Heading], heading: Heading) -> int:
    """Where a heading's own text ends: at its first child heading, else at the end of its body."""
    for other in headings:
        if other.parent == heading.id:
            return other.span.start
    return heading.body.end
