"""Deadlines as printed (2022年6月底前, 年底前, 到2025年, 第三季度, 长期) resolved to the last day they allow.

Two entry points for every extractor:

* ``parse_due(cell, plan)``: a text that is *only* a deadline, such as a table's 完成时限 cell (``2021年``,
  ``2022年6月底前``, ``长期``); ``None`` when the text is anything else.
* ``find_due(text, plan)``: the deadline stated in running text (``确保到年底前…``, ``11月底前完成…``). Only
  expressions marked as deadlines count (…前, 到…, 年内, 年底, a range's end); a bare year in a sentence is usually a
  target's year, not a deadline. A label marks one too, and says it is the task's own: ``完成时限：2024年6月``
  (read like a table cell) comes before the first marked expression. The span is relative to ``text``.
* ``find_default_due(text, plan)``: the deadline a plan sets for every task that states none (未明确完成时限的，
  均须于2024年12月底前完成).

Deadlines without a year (年底前, 6月底前, 上半年) take the plan's year when the plan covers one year (an annual
work plan), else keep ``year=None``.
"""

from __future__ import annotations

import calendar
import re

from plankg.ingest.facts import Due, PlanMeta, Span
from plankg.ingest.numerals import fold_years, parse_number
from plankg.ingest.text import normalize

# A month and a day as printed: 6 or 六 (六月底前, 十二月), 30 or 三十 (十二月三十一日). Years in Chinese numerals
# (二〇二四年) are spelled in digits before matching, see ``_fold``.
_MONTH = r"(?P<month>\d{1,2}|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?P<day>\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_YEAR = r"(?P<year>(?:19|20)\d{2})\s*年?"
_BEFORE = r"(?:之前|以前|前)"
# A month's part: 上旬 ends on the 10th, 中旬 on the 20th, 下旬 with the month (``_PART_DAYS``); 月底/月末 with it too.
_PART = r"(?:份|底|末|(?P<part>上旬|中旬|下旬))"
_PART_DAYS = {"上旬": 10, "中旬": 20, "下旬": None}
# The year after the plan's: 次年3月底前, 明年6月底前, 翌年年底前 (plan year + 1; no year when the plan has none).
_NEXT = r"(?P<next>次年|明年|翌年|来年)"
# The text is matched after ``normalize`` (dashes are -, tildes and wave dashes ~), so only variants it keeps are
# listed: 於 (traditional 于, which normalize leaves alone: it is simplified too).
_BY = r"(?:到|至|于|於)"
_TO = r"(?:至|到|-|~)"

# One table of deadline forms, most specific first. Groups: year, month, day, end_year, half, quarter, open.
_FORMS = [
    # 2023年至2025年, 2021-2025年: the end of the range
    ("range", rf"(?P<start>(?:19|20)\d{{2}})\s*年?\s*{_TO}\s*(?P<end_year>(?:19|20)\d{{2}})\s*年(?:底|末)?{_BEFORE}?"),
    # 2024年3月-4月, 2024年3月至2025年12月, 2024年4月、9月: the last month named
    ("month-range", rf"{_YEAR}\s*\d{{1,2}}\s*月(?:份|底|中旬|下旬)?\s*(?:{_TO}|、)\s*"
                    rf"(?:(?P<end_year>(?:19|20)\d{{2}})\s*年)?\s*(?P<month>\d{{1,2}})\s*月(?:份|底|末|中旬|下旬)?{_BEFORE}?"),
    # 3月-5月, 4—9月: a range of months of the plan's year, due at the last
    ("month-range", rf"(?:\d{{1,2}}\s*月(?:份|底|中旬|下旬)?|\d{{1,2}})\s*{_TO}\s*(?P<month>\d{{1,2}})\s*月(?:份|底|末|中旬|下旬)?{_BEFORE}?"),
    # 2022年6月30日前, 2024年十二月三十一日前
    ("day", rf"{_BY}?{_YEAR}\s*{_MONTH}\s*月\s*{_DAY}\s*日{_BEFORE}?"),
    # 2024.10, 2024.10.31 (table cells)
    ("day", rf"(?P<year>(?:19|20)\d{{2}})\.(?P<month>\d{{1,2}})(?:\.(?P<day>\d{{1,2}}))?(?!\d){_BEFORE}?"),
    # 2022年6月底前, 2022年6月
    ("month", rf"{_BY}?{_YEAR}\s*{_MONTH}\s*月{_PART}?{_BEFORE}?"),
    # 2022年上半年, 2022年第三季度
    ("half", rf"{_BY}?{_YEAR}(?P<half>上半年|下半年)(?:底|末)?{_BEFORE}?"),
    ("quarter", rf"{_BY}?{_YEAR}(?:第)?(?P<quarter>[一二三四1-4])季度(?:末)?{_BEFORE}?"),
    # 2021年底前, 2021年年底, 到2025年, 2021年前, 2021年
    ("year", rf"{_BY}?{_YEAR}(?:年底|年末|底|末|内)?{_BEFORE}?"),
    # 12月31日前, 次年3月15日前 (the plan's year, or the next)
    ("day", rf"{_BY}?{_NEXT}?{_MONTH}\s*月\s*{_DAY}\s*日{_BEFORE}?"),
    # 6月底前, 9月中旬, 10月份, 明年6月底前 (the plan's year, or the next); in running text only where marked
    ("month", rf"{_BY}?{_NEXT}?{_MONTH}\s*月{_PART}?{_BEFORE}?"),
    # 年底前, 年内, 今年底 (the plan's year); 明年底前, 次年年底 (the next)
    ("year", rf"(?:(?:今年|本年|当年)?(?:年底|年末|年内)|{_NEXT}年?(?:底|末|内)){_BEFORE}?"),
    ("half", r"(?P<half>上半年|下半年)(?:底|末)?" + _BEFORE + "?"),
    ("quarter", r"(?:第)?(?P<quarter>[一二三四])季度(?:末)?" + _BEFORE + "?"),
    # 长期, 持续推进, 每季度: no date, the text is kept
    # 立行立改, 立即整改, 即知即改: at once, no date either
    ("open", r"(?P<open>长期(?:坚持|推进)?|持续(?:推进|开展)?|常态化(?:推进|开展)?|每(?:年|半年|季度?|月|周)"
             r"|立行立改|立即(?:整改|落实|执行|办理)|即(?:知|查)即改)"),
]
# No form starts inside a number: 12月 is not 2月, and ①6月底前 (① folds to 1) is 6月底前.
_PATTERNS = [(kind, re.compile(r"(?<!\d)" + pattern)) for kind, pattern in _FORMS]
_CIRCLED = re.compile("[\u2460-\u2473\u24f5-\u24fe\u2776-\u2793]")  # ①-⑳ ⓵-⓾ ❶-➓
_CELL_FILLER = re.compile(r"[\s。;；,，]+")
# Every form but the open ones holds a digit, 年, 月 or 季: running text without any holds no marked deadline, and
# is spared a scan per form.
_DATE_CHARACTER = re.compile(r"[\d年月季]")

# In running text a deadline is marked: it ends in …前 or begins with 到/至, or it is 年内/年底 or a range of months
# or of years (2023—2025年持续推进: due at the range's end, the range kept as the printed deadline).
_MARKED = re.compile(rf"(?:前$|^{_BY}|年内|年底|年末|月底|月末|[上中下]旬$|季度|半年|(?:月|^\d+)\s*{_TO}\s*(?:\d+\s*年)?\s*\d+\s*月"
                     rf"|^(?:19|20)\d{{2}}\s*年?\s*{_TO}\s*(?:19|20)\d{{2}})")
# A date followed by the completion it sets is marked too: 2024年建成, 2025年全部完成, 2023年6月投入使用 (not
# 2024年开工: a start is no deadline).
_COMPLETES = re.compile(r"\s*(?:全面|基本|全部|如期)?(?:建成|完成|竣工|投用|投运|投入使用|上线)")


def plan_year(plan: PlanMeta | None) -> int | None:
    """The single year an annual plan covers (a 2024 work plan -> 2024), else None."""
    if plan and plan.period_start and plan.period_start == plan.period_end:
        return plan.period_start
    return None


def _fold(text: str) -> str:
    """``normalize`` with circled numbers blanked (① is a list marker, not the digit NFKC makes of it) and years
    in Chinese numerals spelled in digits (二〇二四年底前 -> 2024年底前); same length as ``text``."""
    return fold_years(normalize(_CIRCLED.sub(" ", text)))


def parse_due(cell: str, plan: PlanMeta | None = None) -> Due | None:
    """A cell that holds only a deadline (2021年, 2022年6月底前, 长期), else None."""
    folded = _fold(cell)
    for kind, pattern in _PATTERNS:
        match = pattern.search(folded)
        if match and not _CELL_FILLER.sub("", folded[:match.start()] + folded[match.end():]):
            return _due(kind, match, cell, plan)
    return None


# A deadline under its label is one whatever its form: (责任单位：…；完成时限：2024年6月) / 时间节点：2024年10月 /
# a rectification's 整改时限：2024年6月底前.
_LABELLED = re.compile(r"(?:(?:完成|办结|整改)(?:时限|时间|期限)|时间节点|时限要求|截止(?:时间|日期))\s*:\s*(?P<value>[^;,。)\n]+)")


def find_due(text: str, plan: PlanMeta | None = None) -> Due | None:
    """The deadline of running text, span relative to ``text``: a labelled one (完成时限：2024年6月) if dated, else
    the first marked one (到年底前, 6月底前, 2023年至2025年, 2024年建成), else a labelled open one (完成时限：长期)."""
    folded = _fold(text)
    labelled_open = None
    for label in _LABELLED.finditer(folded):
        due = parse_due(text[label.start("value"):label.end("value")], plan)
        if due is None:
            continue
        due.span = Span(label.start("value") + due.span.start, label.start("value") + due.span.end)
        if due.year is not None:
            return due
        labelled_open = labelled_open or due
    found: list[tuple[int, Due]] = []
    for kind, pattern in _PATTERNS if _DATE_CHARACTER.search(folded) else []:
        if kind == "open":
            continue
        for match in pattern.finditer(folded):
            if _names_period(kind, folded, match) or _STATUS_BEFORE.search(folded[max(0, match.start() - 3):match.start()]):
                continue
            if _MARKED.search(match.group()) or _COMPLETES.match(folded, match.end()):
                found.append((match.start(), _due(kind, match, text, plan)))
                break
    return min(found, key=lambda item: (item[0], -len(item[1].text)))[1] if found else labelled_open


# A plan-wide default deadline stated in words, for every task that states none: 未明确完成时限的，均须于2024年12月底
# 前完成 / 没有标明时间节点的任务，原则上于年底前完成 / 无具体完成时间要求的，统一在6月底前完成. The deadline is the
# first one of the rest of the clause.
_DEFAULT_FOR = re.compile(r"(?:未|没有|无)(?:明确|标明|注明|列明|载明|规定|标注)?(?:具体)?(?:完成|办结)?"
                          r"(?:时限|时间|期限|时间节点)(?:要求)?的(?:任务|工作|事项|项目)?")
_CLAUSE_END = re.compile(r"[。;\n]")


def find_default_due(text: str, plan: PlanMeta | None = None) -> Due | None:
    """The deadline a plan sets for every task without its own (see ``_DEFAULT_FOR``), span relative to ``text``
    (on the date in that sentence); None when the plan states none."""
    folded = _fold(text)
    for match in _DEFAULT_FOR.finditer(folded):
        end = _CLAUSE_END.search(folded, match.end())
        end = end.start() if end else len(text)
        due = find_due(text[match.end():end], plan)
        if due is not None and due.date is not None:
            due.span = Span(match.end() + due.span.start, match.end() + due.span.end)
            return due
    return None


# A range of years in parentheses or before 期间/时期/的 names a period, not a deadline: 三年行动(2024-2026年),
# 2021—2025年期间, 2021-2025年的目标.
_PERIOD_AFTER = re.compile(r"\s*(?:\)|期间|时期|的)")


# A date a figure is counted up to is no deadline: 截至2023年底全县仍有…, 截止2024年6月已完成….
_STATUS_BEFORE = re.compile(r"截(?:至|止)?(?:到)?$")


def _names_period(kind: str, folded: str, match: re.Match[str]) -> bool:
    before = folded[:match.start()].rstrip()
    return kind == "range" and (before.endswith("(") or bool(_PERIOD_AFTER.match(folded, match.end())))


def _due(kind: str, match: re.Match[str], text: str, plan: PlanMeta | None) -> Due:
    groups = match.groupdict()
    printed = text[match.start():match.end()]
    span = Span(match.start(), match.end())
    if kind == "open":
        return Due(text=printed, year=None, span=span)
    year_text = groups.get("end_year") or groups.get("year")
    year = int(year_text) if year_text else plan_year(plan)
    if groups.get("next") and year is not None:
        year += 1
    month, day = 12, None
    if groups.get("month"):
        month = parse_number(groups["month"])
        if not 1 <= month <= 12:
            return Due(text=printed, year=year, span=span)
    if groups.get("day"):
        day = parse_number(groups["day"])
    if groups.get("part"):
        day = _PART_DAYS[groups["part"]]
    if groups.get("half"):
        month = 6 if groups["half"] == "上半年" else 12
    if groups.get("quarter"):
        month = 3 * parse_number(groups["quarter"])
    if year is None:
        return Due(text=printed, year=None, month=month if groups.get("month") else None, span=span)
    last = calendar.monthrange(year, month)[1]
    day = day if day and day <= last else last
    explicit_month = month if (groups.get("month") or groups.get("half") or groups.get("quarter")) else None
    return Due(text=printed, year=year, month=explicit_month, date=f"{year:04d}-{month:02d}-{day:02d}", span=span)
