"""Plan metadata: title, issuer, document number, dates, period, kind and cited documents, each with its evidence.

Sources, most reliable first: the notice that wraps a plan (…关于印发《X》的通知, its 文号, the signature and date
under it), the plan's own title line, the page header fields kept by ``plankg.ingest.clean`` (发布机构, 公开日期),
and ``Document.fields`` (HTML <meta>, DOCX/PDF properties), which have no span in the text.
A title ends in a kind of document (…实施方案, …责任分解); failing that, an opening line shaped like a title (short,
no sentence punctuation, no heading number, date or document number) is one, of a kind no list knows. A document
that prints no title gets ``title == ""``.
"""

from __future__ import annotations

import re

from plankg.ingest.agencies import FULL_ORGAN, ORGAN, is_agency, resolve_agency
from plankg.ingest.facts import CitedDocument, Document, PlanMeta, Span
from plankg.ingest.numerals import fold_years
from plankg.ingest.text import lines, normalize

# Kinds of document, as the title ends; longest first so that 实施方案 wins over 方案.
KINDS = [
    "实施方案", "工作方案", "行动方案", "行动计划", "工作计划", "工作要点", "工作总结", "工作报告", "实施意见",
    "工作思路", "工作打算", "工作安排",  # a report's plan for the next year: 2023年工作总结和2024年工作思路
    "指导意见", "实施细则", "管理办法", "规划纲要",
    "责任分解", "任务分解", "任务分工", "责任分工", "分工方案",  # a plan split into owners: 重点工作责任分解
    "任务清单", "责任清单", "工作清单", "项目清单",  # 2024年乡村振兴重点工作任务清单 / 2024年民生实事项目清单
    "若干措施", "政策措施",  # 促进民营经济发展壮大若干措施 (not bare 措施: 保障措施 is a section)
    "规划", "方案", "计划", "要点", "总结", "意见", "通知", "办法",
    "决定", "纲要", "报告", "细则", "规定", "清单",
]
_KIND_END = re.compile("(?:" + "|".join(KINDS) + r")(?:\s*\([^()]{0,20}\))?$")
# 渭政办发〔2021〕3号, 国办发[2020]12号, 公治安(2019)963号: organ abbreviation + 〔year〕 + number + 号.
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}\s*\[\s*(?:19|20)\d{2}\s*\]\s*第?\s*\d{1,5}\s*号"
                        r"|[\u4e00-\u9fff]{1,10}\s*\(\s*(?:19|20)\d{2}\s*\)\s*第?\s*\d{1,5}\s*号")
# …关于印发《X》的通知 / …印发X的通知 / 关于下达2024年重点项目建设计划的通知 (the wrapper of a plan); the issuer stands
# before 关于/印发.
_NOTICE = re.compile(r"^(?:\[[^\]]{1,10}\])?(?P<issuer>[^,.;:。]{2,40}?)?(?:关于)?(?:印发|转发|发布|下达)"
                     r"\s*(?P<title>.+?)\s*的通知$")
_NUMBER_AFTER = re.compile(rf"\s*\(\s*(?P<n>{DOC_NUMBER.pattern})\s*\)")
_QUOTED_TITLE = re.compile(r"《(?P<title>[^《》]{2,80})》")
_CN_DIGITS = {"〇": 0, "零": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
_CN_DATE = re.compile(r"(?P<y>[〇零一二三四五六七八九O]{4}|\d{4})年(?P<m>[一二三四五六七八九十]{1,2})月(?P<d>[一二三四五六七八九十]{1,3})日")
_ISO_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})")
_PUBLISHED_LABELS = ("公开日期", "发布日期", "发布时间", "公开时间")
_ISSUED_LABELS = ("成文日期", "印发日期", "发文日期")
_ISSUER_LABELS = ("发布机构", "发文机关", "发文单位")
_NUMBER_LABELS = ("发文字号", "文号")
# Five-year plans: “十四五” or 第十四个五年规划; the n-th plan starts in 1966 + 5·(n−3) (the 3rd began in 1966).
_FYP = re.compile(r"十(?P<n>[一二三四五六七八九])五|第(?P<m>[一二三四五六七八九十]{1,3})个五年")
_RANGE = re.compile(r"(?P<a>(?:19|20)\d{2})\s*年?\s*(?:-|~|至|到)\s*(?P<b>(?:19|20)\d{2})\s*年")
_YEAR = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年")
_BY_YEAR = re.compile(r"(?:到|至)(?P<y>(?:19|20)\d{2})\s*年")
# A deadline with its year: 2024年底前, 2025年6月底前, 2024年9月30日前 (not 2019年以来).
_DEADLINE_YEAR = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年(?:\d{1,2}\s*月)?(?:\d{1,2}\s*日)?(?:底|末)?(?:前|以前)")
# The date a document was printed, at the end of its 印发 line: 某局办公室    2024年1月26日印发.
_PRINTED_ON = re.compile(r"(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印发\s*$")
# The opening of a report on a past year: 2022年,… / 一年来,… followed by what was achieved (…了).
_SUMMARY_OPENING = re.compile(r"^(?:(?P<y>(?:19|20)\d{2})年|一年来|今年以来|过去一年)\s*,[^\n]{0,200}?(?:了)")
# The first of two kinds joined in one title, right before the second: 工作总结和(2024年)工作计划.
_KIND_PAIR = re.compile("(?P<kind>" + "|".join(KINDS) + r")(?:和|及|与|暨|以及)(?:(?:19|20)\d{2}年(?:度)?)?$")
# The span a title states: 三年行动, 五年规划, 两年攻坚 (not the 三年 of 2023年 or 二〇二三年).
_SPAN = re.compile(r"(?<![\d〇零一二三四五六七八九十])(?P<n>[两二三四五六七八九十])年(?!度|底|内|前|末)")
# An opening line that is no title: a document number, a date, a breadcrumb left by a page (首页 > 政务公开).
_NO_OPENING_TITLE = (DOC_NUMBER, _DATE, _CN_DATE, re.compile(r"[>›»|]"))
# How far from the top the notice and the title are looked for.
_HEAD_LINES = 25


def extract_plan_meta(document: Document) -> PlanMeta:
    """Everything the document says about itself; each field found has its span in ``PlanMeta.evidence``."""
    text = document.text
    folded = fold_years(normalize(text))  # 二〇二四年 reads as 2024年
    all_lines = lines(text)
    head = all_lines[:_HEAD_LINES]
    meta = PlanMeta(title="")
    notice = _find_notice(folded, head)
    _title(meta, text, folded, head, all_lines, notice, document.fields)
    _doc_number(meta, text, folded, head, document.fields)
    _dates(meta, text, folded, all_lines, document.fields)
    _issuer(meta, text, folded, head, all_lines, notice, document.fields)
    _kind(meta, folded, notice)
    annex = _annexed_plan(meta, folded)
    _period(meta, text, folded, all_lines, annex)
    meta.cited = cited_documents(text, exclude=meta.title)
    return meta


# ------------------------------------------------------------------------------------------------------- title


def _find_notice(folded: str, head: list[Span]) -> tuple[Span, re.Match] | None:
    for span in head:
        match = _NOTICE.match(folded[span.start:span.end])
        if match:
            return span, match
    return None


def _title(meta, text, folded, head, all_lines, notice, fields) -> None:
    candidates: list[str] = []
    if notice:
        span, match = notice
        printed = text[span.start + match.start("title"):span.start + match.end("title")]
        # 印发《X》的通知 quotes the title; 印发2023年区《政府工作报告》确定的…方案的通知 quotes a document it cites
        quoted = _QUOTED_TITLE.fullmatch(normalize(printed).strip())
        candidates.append(printed.strip()[1:-1] if quoted else printed)
        body = _QUOTED_TITLE.search(text, span.end, head[-1].end) if head else None  # 现将《X》印发给你们
        if body:
            candidates.append(body.group("title"))
    for candidate in candidates:  # the plan's own title line, when it is printed under the notice
        for span in all_lines:
            if normalize(text[span.start:span.end]) == normalize(candidate):
                _set(meta, "title", text[span.start:span.end], span)
                return
    if candidates:
        start = text.find(candidates[0], notice[0].start)
        _set(meta, "title", candidates[0], Span(start, start + len(candidates[0])))
        return
    for span in all_lines:
        line = folded[span.start:span.end]
        if _looks_like_title(line):
            _set(meta, "title", text[span.start:span.end], span)
            return
    if fields.get("标题"):
        match = _NOTICE.match(normalize(fields["标题"]))
        meta.title = fields["标题"][match.start("title"):match.end("title")].strip("《》") if match else fields["标题"]
        return
    first = next((span for span in all_lines if span.end > span.start), None)
    opening = folded[first.start:first.end] if first else ""
    if _could_be_title(opening) and not any(pattern.search(opening) for pattern in _NO_OPENING_TITLE):
        _set(meta, "title", text[first.start:first.end], first)  # a kind no list knows: the opening line


def _looks_like_title(line: str) -> bool:
    """A short line without sentence punctuation that ends in a kind of document (…规划, …工作计划)."""
    return _could_be_title(line) and bool(_KIND_END.search(line))


def _could_be_title(line: str) -> bool:
    """A short line without sentence punctuation that is no heading or annex label."""
    return (4 <= len(line) <= 60 and not re.search(r"[。,;:!?]", line)
            and not re.match(r"[一二三四五六七八九十\d]+[、.]|\(|第[一二三四五六七八九十]+[章节条]|附件", line))


# ------------------------------------------------------------------------------------------------------ issuer


# An organ that opens the title and is followed by the year, the subject or the kind: 临江市教育局2023年工作要点,
# 县卫生健康局关于…, 市公安局“十四五”…, 区应急管理局工作要点 (not 青山县教育发展中心建设方案: a subject, not an organ).
_TITLE_ORGAN = re.compile(rf"{FULL_ORGAN}(?=\s*(?:(?:19|20)\d{{2}}|关于|[\"'《]|十[一二三四五六七八九]五|第[一二三四五六七八九十]+个五年"
                          r"|工作(?:计划|要点|总结|方案|报告|安排)))")


# The subject of a report's opening sentence speaks for the report, which prints no issuer: after the year
# (2022年, / 一年来, / 今年以来,) or clauses of whose guidance or support (在县委、县政府的坚强领导下,
# 在上级部门的大力支持下,), or both, an organ followed by what it did (…在, 坚持, 紧紧围绕, 认真, 聚焦, 扎实…).
_GUIDANCE_CLAUSE = r"在[^,。;]{2,40}?(?:领导|指导|支持|关心|帮助|关怀|部署)下\s*,\s*"
_OPENING_SUBJECT = re.compile(
    rf"(?:(?:(?:19|20)\d{{2}}年(?:以来)?|一年来|今年以来|过去一年)\s*,\s*(?:{_GUIDANCE_CLAUSE})*|(?:{_GUIDANCE_CLAUSE})+)"
    rf"(?P<organ>{ORGAN})"
    r"(?=在|坚持|始终|紧紧|紧扣|围绕|聚焦|认真|深入|全面|积极|扎实|持续|全力|立足|按照|以)")


# Organs signing together (a 党委 office and a 政府 office) are printed side by side, apart by spaces or 、, or one
# per line above the date; the plan keeps them all in order, joined with 、 (``PlanMeta.issuer`` is one string):
# 中共某市委办公室  某市人民政府办公室 -> 中共某市委办公室、某市人民政府办公室.
_JOINT = "、"
_MAX_JOINT_LINES = 4


def _organs(printed: str) -> list[str] | None:
    """The organs of a line that holds only organs (one, or several apart by spaces or 、), else None."""
    parts = [part for part in re.split(r"[\s、,，]+", printed.strip()) if part]
    return parts if parts and all(is_agency(part) for part in parts) else None


def _issuer(meta, text, folded, head, all_lines, notice, fields) -> None:
    field = _labelled(text, folded, head, _ISSUER_LABELS)
    if field:
        value, span = field
        bare = _QUALIFIER.sub("", value)  # 某县人民政府(办公室): the government, through its office
        _set(meta, "issuer", bare or value, Span(span.start, span.end - (len(value) - len(bare) if bare else 0)))
        return
    if notice and notice[1].group("issuer"):
        span, match = notice
        start, end = span.start + match.start("issuer"), span.start + match.end("issuer")
        printed = text[start:end].strip()
        organs = _organs(printed)
        if organs:
            _set(meta, "issuer", _JOINT.join(organs), Span(start, start + len(printed)))
            return
    if notice:  # the organs on the line above 关于印发…的通知
        above = [span for span in head if span.end <= notice[0].start][-1:]
        organs = _organs(folded[above[0].start:above[0].end]) if above else None
        if organs:
            printed = text[above[0].start:above[0].end].strip()
            _set(meta, "issuer", _JOINT.join(_organs(printed) or organs), above[0])
            return
    organ = _TITLE_ORGAN.match(folded, meta.evidence["title"].start) if "title" in meta.evidence else None
    if organ:  # 市公安局2024年工作计划
        _set(meta, "issuer", text[organ.start():organ.end()], Span(organ.start(), organ.end()))
        return
    for span in head[:3]:  # a report's opening: 2022年,市公安局在…领导下 / 2022年,在…领导下,区水务局紧紧围绕…
        match = _OPENING_SUBJECT.match(folded[span.start:span.end])
        if match:
            start, end = span.start + match.start("organ"), span.start + match.end("organ")
            _set(meta, "issuer", resolve_agency(text[start:end], meta), Span(start, end))
            return
    cover = _under_title(folded, all_lines, meta.evidence.get("title"))
    if cover:  # 某县“十四五”文化和旅游发展规划 / 某县文化和旅游局 / 二〇二一年十一月
        _set(meta, "issuer", text[cover.start:cover.end], cover)
        return
    signature = _signature(folded, all_lines, meta.evidence.get("issued"))
    if signature:  # 南峰区人民政府办公室 / 2023年2月16日 at the end of the page
        organs = [organ for span in signature for organ in _organs(text[span.start:span.end]) or []]
        _set(meta, "issuer", _JOINT.join(organs), Span(signature[0].start, signature[-1].end))
        return
    for label in _ISSUER_LABELS:
        if fields.get(label):
            meta.issuer = _QUALIFIER.sub("", fields[label]) or fields[label]
            return


# A site's header field qualifies the organ with the office that published the page: 某县人民政府(办公室) /
# 某市人民政府（办公厅）. The organ is the issuer; the office in the parenthesis only handled the page.
_QUALIFIER = re.compile(r"\s*[(（][^()（）]{1,10}[)）]\s*$")


def _under_title(folded: str, all_lines: list[Span], title: Span | None) -> Span | None:
    """The organ printed alone on the line right under the title, as on a plan's cover page."""
    following = [span for span in all_lines if title is not None and span.start >= title.end][:1]
    if following and is_agency(folded[following[0].start:following[0].end]):
        return following[0]
    return None


def _signature(folded: str, all_lines: list[Span], date: Span | None) -> list[Span]:
    """The lines of organs right above the date line that closes a document or a notice, in order: one organ, or
    several signing together (中共某县委办公室 / 某县人民政府办公室 / 2024年3月1日)."""
    if date is None or date not in all_lines:
        return []
    index = all_lines.index(date)
    found: list[Span] = []
    for above in reversed(all_lines[max(0, index - _MAX_JOINT_LINES):index]):
        if not _organs(folded[above.start:above.end]):
            break
        found.insert(0, above)
    return found


# ---------------------------------------------------------------------------------------------- number, dates


def _doc_number(meta, text, folded, head, fields) -> None:
    field = _labelled(text, folded, head, _NUMBER_LABELS)
    if field and DOC_NUMBER.search(normalize(field[0])):
        _set(meta, "doc_number", *field)
        return
    for span in head:  # the plan's own number stands on a line of its own under the notice title
        match = DOC_NUMBER.fullmatch(folded[span.start:span.end])
        if match:
            _set(meta, "doc_number", text[span.start:span.end], span)
            return
    for label in _NUMBER_LABELS:
        if fields.get(label):
            meta.doc_number = fields[label]
            return


def _dates(meta, text, folded, all_lines, fields) -> None:
    field = _labelled(text, folded, all_lines[:_HEAD_LINES], _PUBLISHED_LABELS)
    if field and _iso(normalize(field[0])):
        meta.published = _iso(normalize(field[0]))
        meta.evidence["published"] = field[1]
    else:
        meta.published = next((_iso(normalize(fields[label])) for label in _PUBLISHED_LABELS if fields.get(label)),
                              None)
    field = _labelled(text, folded, all_lines[:_HEAD_LINES], _ISSUED_LABELS)
    if field and _iso(normalize(field[0])):
        meta.issued = _iso(normalize(field[0]))
        meta.evidence["issued"] = field[1]
        return
    # The date under the signature: a line that is only a date; the notice's near the top, else the last one.
    dated = [span for span in all_lines if _date_line(folded[span.start:span.end])]
    top = [span for span in dated if span in all_lines[:_HEAD_LINES]]
    chosen = top[0] if top else (dated[-1] if dated else None)
    if chosen:
        meta.issued = _iso(folded[chosen.start:chosen.end])
        meta.evidence["issued"] = chosen
        return
    for span in reversed(all_lines):  # no signed date: the date the footer says it was printed (…日印发)
        printed = _PRINTED_ON.search(folded, span.start, span.end)
        if printed:
            meta.issued = _iso(printed["date"])
            meta.evidence["issued"] = Span(printed.start("date"), printed.end("date"))
            return


def _date_line(line: str) -> bool:
    return bool(_DATE.fullmatch(line.strip()) or _CN_DATE.fullmatch(line.replace(" ", "")))


def _iso(value: str) -> str | None:
    """2021年1月12日, 二〇二一年一月十二日, 2022-04-06 15:01 -> 2021-01-12 …; None when there is no date."""
    value = value.replace(" ", "")
    match = _DATE.search(value) or _ISO_DATE.search(value)
    if match:
        year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    else:
        match = _CN_DATE.search(value)
        if not match:
            return None
        year = int(match["y"]) if match["y"].isdigit() else int("".join(str(_CN_DIGITS[c]) for c in match["y"]))
        month, day = _cn_small(match["m"]), _cn_small(match["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _cn_small(numeral: str) -> int:
    """一 … 三十一."""
    if "十" not in numeral:
        return _CN_DIGITS[numeral]
    tens, _, ones = numeral.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


# ------------------------------------------------------------------------------------------------ kind, period


def _kind(meta, folded, notice) -> None:
    title = fold_years(normalize(meta.title))
    match = _KIND_END.search(title)
    if match:
        meta.kind = next(kind for kind in KINDS if match.group().startswith(kind))
        start = end = match.start()
        end += len(meta.kind)
        first = _KIND_PAIR.search(title, 0, match.start())
        if first:  # 2023年工作总结和2024年工作计划: a report and a plan in one document
            meta.kind = f"{first['kind']}和{meta.kind}"
            start = first.start("kind")
        if "title" in meta.evidence:
            offset = meta.evidence["title"].start
            meta.evidence["kind"] = Span(offset + start, offset + end)
        return
    opening = _SUMMARY_OPENING.match(folded.lstrip())
    if not meta.title and opening:
        meta.kind = "工作总结"


# A notice's list of attachments names the plan it hands down: 附件：2023年县政府工作报告目标任务分解表 / 附件1：…清单;
# a table's title names its kind before 表 (…任务分解表 is a 任务分解).
_ANNEX_TITLE = re.compile(r"^[ \t]*附\s*件\s*\d{0,2}\s*:?\s*(?P<title>[^\n:]{4,60}?)表?[ \t]*$", re.M)
_NOTICE_KINDS = (None, "通知")


def _annexed_plan(meta: PlanMeta, folded: str) -> Span | None:
    """The title of the plan a notice hands down as its attachment, when the notice is the document's title
    (…关于分解落实…的通知): the plan's kind replaces 通知 (see ``_ANNEX_TITLE``); its span, for the period."""
    if meta.kind not in _NOTICE_KINDS:
        return None
    for match in _ANNEX_TITLE.finditer(folded):
        kind = _KIND_END.search(match["title"])
        found = kind and next(k for k in KINDS if kind.group().startswith(k))
        if found and found not in _NOTICE_KINDS:
            meta.kind = found
            meta.evidence["kind"] = Span(match.start("title") + kind.start(), match.start("title") + kind.end())
            return Span(match.start("title"), match.end("title"))
    return None


def _period(meta, text, folded, all_lines, annex: Span | None = None) -> None:
    title = fold_years(normalize(meta.title))
    title_start = meta.evidence["title"].start if "title" in meta.evidence else None
    if annex is not None and not any(p.search(title) for p in (_RANGE, _FYP, _YEAR)):
        title, title_start = folded[annex.start:annex.end], annex.start  # the annexed plan's title names its period
    for pattern, years in ((_RANGE, _range_years), (_FYP, _fyp_years), (_YEAR, _single_year)):
        match = pattern.search(title)
        if match:
            meta.period_start, meta.period_end = years(match)
            last = match
            if pattern is _YEAR:  # 2023年工作总结和2024年工作计划 covers both years
                last = list(_YEAR.finditer(title))[-1]
                meta.period_end = max(meta.period_end, int(last["y"]))
            if title_start is not None:
                meta.evidence["period"] = Span(title_start + match.start(), title_start + last.end())
            return
    for pattern, years in ((_FYP, _fyp_years), (_RANGE, _range_years)):  # a five-year plan named in the text
        match = pattern.search(folded)
        if match and meta.kind in {"规划", "规划纲要", "纲要"}:
            meta.period_start, meta.period_end = years(match)
            meta.evidence["period"] = Span(match.start(), match.end())
            return
    opening = _SUMMARY_OPENING.match(folded, all_lines[0].start) if all_lines else None
    if opening and opening["y"]:  # 2022年,市公安局…: the year a report covers
        year = int(opening["y"])
        meta.period_start = meta.period_end = year
        meta.evidence["period"] = Span(opening.start("y"), opening.end("y") + 1)
        return
    span = _SPAN.search(title)
    length = _cn_small(span["n"].replace("两", "二")) if span else None
    issued = int(meta.issued[:4]) if meta.issued else None
    match = _BY_YEAR.search(folded)  # 到2021年,实现…: from the year of issue (or the title's span) to the target year
    if match:
        end = int(match["y"])
        meta.period_start = end - length + 1 if length else min(issued, end) if issued else None
        meta.period_end = end
        meta.evidence["period"] = Span(match.start(), match.end())
    elif length and issued:  # a 三年行动 plan issued in 2023 without a target year: 2023-2025
        meta.period_start, meta.period_end = issued, issued + length - 1
        if title_start is not None:
            meta.evidence["period"] = Span(title_start + span.start(), title_start + span.end())
    elif issued:  # no period stated: from the year of issue to the last dated deadline (2024年底前, 2025年6月底前)
        deadlines = [m for m in _DEADLINE_YEAR.finditer(folded) if int(m["y"]) >= issued]
        if deadlines:
            last = max(deadlines, key=lambda m: int(m["y"]))
            meta.period_start, meta.period_end = issued, int(last["y"])
            meta.evidence["period"] = Span(last.start(), last.end())


def _range_years(match: re.Match) -> tuple[int, int]:
    return int(match["a"]), int(match["b"])


def _single_year(match: re.Match) -> tuple[int, int]:
    return int(match["y"]), int(match["y"])


def _fyp_years(match: re.Match) -> tuple[int, int]:
    numeral = match["n"] and "十" + match["n"] or match["m"]
    ordinal = _cn_small(numeral)
    start = {1: 1953, 2: 1958}.get(ordinal, 1966 + 5 * (ordinal - 3))
    return start, start + 4


# ------------------------------------------------------------------------------------------------------- cited


def cited_documents(text: str, exclude: str = "") -> list[CitedDocument]:
    """Every distinct 《title》 the text cites, with the number printed right after it: 《X》(公发〔2015〕12号)."""
    folded = normalize(text)
    own = _title_key(exclude)
    seen: set[str] = set()
    cited: list[CitedDocument] = []
    for match in _QUOTED_TITLE.finditer(text):
        title = match.group("title").strip()
        key = _title_key(title)
        if key in seen or own and (key == own or len(key) >= _MIN_OWN_TAIL and own.endswith(key)):
            continue  # the plan itself, also quoted without its year: 《区〈政府工作报告〉确定的…方案》
        seen.add(key)
        after = _NUMBER_AFTER.match(folded, match.end())
        end = after.end() if after else match.end()
        doc_number = text[after.start("n"):after.end("n")] if after else None
        cited.append(CitedDocument(title=title, doc_number=doc_number, evidence=Span(match.start(), end)))
    return cited


_MIN_OWN_TAIL = 8  # a quoted title this long that ends the plan's own title is the plan
_INNER_QUOTES = re.compile(r"[《》〈〉<>]")


def _title_key(title: str) -> str:
    """A title for comparison: normalized, without the book-title marks a title inside it takes (〈〉 inside 《》)."""
    return _INNER_QUOTES.sub("", normalize(title).strip())


# ----------------------------------------------------------------------------------------------------- helpers


def _labelled(text: str, folded: str, head: list[Span], labels: tuple[str, ...]) -> tuple[str, Span] | None:
    """The value of the first header field with one of ``labels`` (索 引 号: … may be spaced), and its span."""
    spaced = "|".join(r"\s?".join(label) for label in labels)
    pattern = re.compile(rf"(?<![\u4e00-\u9fff])(?:{spaced})\s*:\s*(?P<value>\S.*?)"
                         rf"(?=\s+[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){{1,4}}\s*:|\s*$)")
    for span in head:
        match = pattern.search(folded, span.start, span.end)
        if match:
            return text[match.start("value"):match.end("value")], Span(match.start(), match.end("value"))
    return None


def _set(meta: PlanMeta, name: str, value: str, span: Span) -> None:
    setattr(meta, name, value.strip())
    meta.evidence[name] = span
