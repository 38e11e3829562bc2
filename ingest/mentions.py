"""Mentions of terms and named systems (…中心, …平台, …系统, …工程, …机制, …队).

Two kinds, both matched on the normalized text so that quotes and full-/half-width forms do not matter:

* ``term``: every occurrence of a sense label of this document (三联两防, “1+6”中心 -> 1+6), except inside a
  longer numeral (123456 inside 1234567) and except a part's label inside its parent's (两层 inside 两层三级);
  and of every quoted name (“公安大脑”, “枫桥经验”, “雪亮工程”): what a plan puts in quotes it names, so two plans
  quoting the same name meet on one concept even when neither defines it;
* ``system``: a noun phrase ending in a system word (执法办案管理中心, “雪亮工程”). Its left edge is the last
  verb, function word or jurisdiction word before the head (建设|执法办案管理中心, 全市|执法办案管理中心), so that
  two plans naming the same system give the same label, and a task that builds it meets a task that relies on it.

Labels are ``normalize_label`` keys: the graph keys one concept node per label, shared by every plan.
"""

from __future__ import annotations

import re

from plankg.ingest.agencies import is_agency
from plankg.ingest.facts import Document, Mention, Span, TermSense
from plankg.ingest.numerals import NUMERAL_CHARS
from plankg.ingest.text import Sentences, normalize, normalize_label, sentences

# The head words of a named system, longest first so that 工作站 wins over 站; the kind is the head.
SYSTEM_HEADS = ("实验室", "工作室", "工作站", "指挥部", "数据库", "中心", "平台", "系统", "工程", "机制", "体系",
                "专班", "队", "室", "站")
_HEAD = re.compile("|".join(SYSTEM_HEADS))
# Words that end the name on its left: verbs, function words and jurisdiction words (examples in comments).
_LEFT_EDGE = re.compile(
    r"(?:建设|建立|建成|建强|新建|打造|构建|完善|健全|推进|推动|依托|利用|深化|加强|强化|提升|优化|升级|落实|发挥|"
    r"组建|成立|设立|整合|运用|开发|搭建|形成|实现|围绕|通过|依靠|借助|入驻|纳入|接入|融入|"
    r"加快|全面|深入|持续|积极|不断|进一步|探索|启动|完成|做强|做优|做实|迭代|配备|用好|开展|实施|"
    r"组织|设置|印发|执行|严格|推行|实行|指导|增设|增配|理顺|突出|夯实|坚持|注重|挖掘|拓展|贯通|选树|加速|改造|"
    r"规范|引领|参与|一批|一系列|多个|简称|包括|包含|涵盖|"  # 以下简称|城市运管服平台, 包括|医学检验中心
    r"认定|引进|新增|培育|"  # a report's counts: 新认定|省级工程技术研究中心5家
    r"报送|上报|呈报|抄送|提交|报(?=[省市县区乡镇])|"  # 进展情况报送|县应急指挥中心, 3月15日前报|县…
    # delivery and cooperation: 信息推送至|信用信息公示系统, 数据回传|指挥平台, 配合|城市大脑运营中心
    r"(?:推送|上传|回传|传送|传输|汇聚|报送|转送)(?:至|到|给)?|配合|协助|会同|"
    r"(?<=[省市县区乡镇村])[两二三四五]级|"  # levels counted: 市、县、乡三级|应急物资储备体系
    r"\d{1,4}(?:年|月|日)(?:底|初|末)?(?:前|后|起)?|"  # a date: 6月底前|市数据中心
    r"全市|全县|全区|全省|全国|各级|各地|本市|我市|"  # 全市|执法办案管理中心
    r"[以和与及对为的将把由向从等了着是到于其各]|(?<![接招款优厚善期对])待|"  # 待|集成服务系统部署完成后, not 接待中心
    r"在(?!线)|"  # 在|乡镇, but 在线审批监管平台 is one name
    rf"第[{NUMERAL_CHARS}\d]+[批期轮届]|"  # 第二批|社会治安防控体系
    # a count: 建成2家|街道综合养老服务中心, 组建一支|专职消防队, but not inside a numeral name (3个目标6大体系)
    r"\d+(?:家|个|座|处|所|支|条|批|类)(?![^\d,;。]{0,6}\d)|"
    rf"[{NUMERAL_CHARS}]+(?:家|个|座|处|所|支|条|批|类)(?![^,;。]{{0,6}}[{NUMERAL_CHARS}\d]))(?!化)"  # 规范化 is a quality
)
# A preposition or verb of manner never opens a name: 按照|“三同步”工作机制, 依托|…平台 (left edges above), 根据|….
_LEADING_PREPOSITION = re.compile(r"按照|依照|依据|根据|遵照|对照|参照|结合|针对|围绕|通过|依托|借助|利用")
# Qualities before a name are not part of it: 立体化智能化|社会治安防控体系 meets 社会治安防控体系. A quality
# led by a numeral classifies the thing instead (一体化政务服务平台 is another platform than 政务服务平台): kept.
_QUALITY = re.compile(rf"(?![{NUMERAL_CHARS}])(?:[\u4e00-\u9fff]{{2}}化)+")
# Look-alikes of a head: 队伍/队员 (people), 网站/一站式, 中心工作 (central task), 系统谋划 (systematically).
# An owner label's unit (责任科室, 牵头处室, 责任股室) and a team of people (科研团队) are no systems either, nor is a
# head word that qualifies the noun after it: 工程技术研究中心 (engineering research), 工程师, 平台经济.
_NOT_A_SYSTEM = re.compile(r".(?:队[伍员]|站[式点位稳])|网站|一站|.中心(?:工作|任务|城区|城市)|.系统(?:观念|思维|治理|谋划|推进|集成)"
                           r"|[科股处]室|团队|.工程(?:技术|师|学|咨询|造价|监理)|.平台(?:经济|企业|公司)")
# A heading number before a name is none of it: (二)物流平台提档升级 names 物流平台.
_HEADING_NUMBER = re.compile(rf"\([{NUMERAL_CHARS}\d]{{1,3}}\)")
# Searched up to a head (endpos): the run of name characters right before it.
_NAME_RUN = re.compile(r"[\u4e00-\u9fff0-9A-Za-z+\"()]*\Z")
_MAX_NAME = 14
# Names that are only the head with a generic modifier: no particular system.
_GENERIC = {"工作机制", "长效机制", "运行机制", "体制机制", "工作体系", "管理体系", "制度体系", "工作室", "指挥室",
            "服务站", "检查站", "系统", "平台", "中心", "办公室"}
# A head after a word that ranks or sorts, not names: 重点工程, 重大工程, 各类平台, 相关系统.
_GENERIC_MODIFIER = re.compile(rf"(?:重点|重大|重要|主要|相关|有关|各类|各项|专项)(?:{_HEAD.pattern})")
# A verb that also names an activity, so that a noun before it and a noun after it make one name with it:
# | verb | example (the name)                         |
# |------|--------------------------------------------|
# | 建设 | 推进|工程建设项目审批管理系统, 建立|党风廉政建设责任体系 |
# | 改造 | 依托|城镇更新改造项目管理平台                 |
# | 开发 | 完善|旅游资源开发信息平台                    |
# | 执行 | 健全|案件执行联动机制                       |
# | 指导 | 建设|家庭教育指导服务中心                    |
# | 实施 | 依托|项目实施监管平台                        |
# | 提升 | 建设|治理能力提升信息系统                     |
# | 升级 | 推进|设备升级服务平台                         |
_NOUN_VERB = re.compile(r"建设|改造|开发|执行|指导|实施|提升|升级")
# What ends a subject or a setting rather than a noun inside a name: an organ, a place (but 城市, 城镇, 乡村 are
# common nouns), a time: 市公安局|建设执法办案管理中心, 在乡镇|建设综合服务中心, 到2026年|建设农机调度平台.
_SUBJECT_OR_SETTING = re.compile(
    r"(?:[局委办府厅部院所处校省县区乡组会年月日前后底内中上下里间]|(?<!城)[市镇]|(?<![乡农])村|单位|部门|企业|机关|"
    r"街道|社区|公司|集团)$"
)
# A named system before the verb is what the new one is built on (依托调度中心|建设指挥平台), unless the rest is
# generic (数据资源体系建设重点工程 is one box title); 工程 alone is a noun (工程建设项目).
_NAMED_SYSTEM = re.compile(rf"..(?:{_HEAD.pattern})$")


def extract_mentions(document: Document, terms: list[TermSense]) -> list[Mention]:
    """Every mention of this document's term labels and of the named systems it speaks of, in text order."""
    text = document.text
    norm = normalize(text)
    spans = sentences(text)
    mentions = _term_mentions(norm, terms, _quoted_names(norm), spans) + _system_mentions(norm, spans)
    return sorted(mentions, key=lambda m: (m.span.start, m.span.end, m.kind))


# A quoted name: three to eight characters of a name, no function word (a quoted slogan or sentence is no name;
# two quoted characters are mostly an ordinary word set off: “预警”, “增量”).
_QUOTED_NAME = re.compile(r'"([\u4e00-\u9fff0-9A-Za-z+]{3,8})"')
_NOT_IN_A_NAME = re.compile(r"[的了不是和与及或在为把被就也都很更其此该这那们着过吗呢吧啊]")


def _quoted_names(norm: str) -> set[str]:
    return {m.group(1) for m in _QUOTED_NAME.finditer(norm)
            if not _NOT_IN_A_NAME.search(m.group(1)) and re.search(r"[\u4e00-\u9fff]", m.group(1))}


def _term_mentions(norm: str, terms: list[TermSense], names: set[str], sentences: Sentences) -> list[Mention]:
    by_id = {t.id: t for t in terms}
    parents: dict[str, set[str]] = {}
    for term in terms:
        parent = by_id.get(term.parent or "")
        if parent is not None:
            parents.setdefault(normalize_label(term.label), set()).add(normalize(parent.label))
    found: dict[tuple[int, int], Mention] = {}
    for label in sorted({normalize(t.label).strip('"') for t in terms} | names, key=len, reverse=True):
        if len(normalize_label(label)) < 2:
            continue
        key = normalize_label(label)
        for match in re.finditer(re.escape(label), norm):
            start, end = match.start(), match.end()
            if _inside_longer_number(norm, start, end) or _inside_parent(norm, start, end, parents.get(key, set())):
                continue
            span = Span(start, end)
            found.setdefault((start, end), Mention(key, "term", span, sentences.around(span)))
    return list(found.values())


def _inside_longer_number(norm: str, start: int, end: int) -> bool:
    """123456 inside 1234567, 三级 inside 十三级: the match is part of another number."""
    digits = NUMERAL_CHARS + "0123456789"
    before = norm[start - 1] if start else ""
    after = norm[end] if end < len(norm) else ""
    return (norm[start] in digits and before != "" and before in digits) or (
        norm[end - 1].isdigit() and after.isdigit()
    )


def _inside_parent(norm: str, start: int, end: int, parent_labels: set[str]) -> bool:
    for parent in parent_labels:
        window_start = max(0, end - len(parent))
        window = norm[window_start:start + len(parent)]
        offset = window.find(parent)
        if offset >= 0 and window_start + offset <= start and window_start + offset + len(parent) >= end:
            return True
    return False


def _system_mentions(norm: str, sentences: Sentences) -> list[Mention]:
    found: list[Mention] = []
    last_end = -1
    for match in _HEAD.finditer(norm):
        head_end = match.end()
        if _NOT_A_SYSTEM.match(norm, match.start() - 1):
            continue
        if head_end <= last_end:
            continue
        start = _left_edge(norm, match.start())
        label_text = norm[start:head_end]
        label = normalize_label(label_text)
        if len(label) < len(match.group()) + 2 or _is_generic(label) \
                or not re.search(r"[\u4e00-\u9fff]", label[:-len(match.group())]) \
                or match.group() == "室" and is_agency(label_text):
            continue  # an organ's office (县政府督查室) is an agency, no system
        span = Span(start, head_end)
        found.append(Mention(label, "system", span, sentences.around(span), system_kind=match.group()))
        last_end = head_end
    return found


def _left_edge(norm: str, head_start: int) -> int:
    """Where the name that ends at ``head_start`` begins: after the last left-edge word within reach."""
    start = _NAME_RUN.search(norm, max(0, head_start - _MAX_NAME), head_start).start()
    reach = max(0, start - 3)  # a verb cut in half by the reach limit (推|进新一代…) still ends the name
    edges = [(reach + m.start(), reach + m.end()) for m in _LEFT_EDGE.finditer(norm[reach:head_start])
             if reach + m.end() > start]
    if len(edges) >= 2 and head_start - edges[-1][1] < 2 and edges[-1][1] - edges[-1][0] >= 2 \
            and edges[-1][0] - edges[-2][1] >= 2:
        # a verb right before the head, after a noun, is a word of the name: 实施|县城防洪提升工程,
        # 推进|老旧小区改造工程 (but 全面|提升中心 and 建成2家|中心 name nothing)
        edges.pop()
    while edges and (inside := _activity_verbs(norm, edges, start, head_start)):
        del edges[-inside:]
    if edges:
        start = max(end for _, end in edges)
    preposition = _LEADING_PREPOSITION.match(norm, start, head_start)
    if preposition and head_start - preposition.end() >= 2:
        start = preposition.end()
    number = _HEADING_NUMBER.match(norm, start, head_start)
    if number and head_start - number.end() >= 2:
        start = number.end()
    quality = _QUALITY.match(norm, start, head_start)
    if quality and head_start - quality.end() >= 4:
        start = quality.end()
    # an unbalanced quote or parenthesis at the edge belongs to the text before: 模式(1个|中心 -> no name
    while start < head_start and norm[start] in ")":
        start += 1
    # a parenthesis closed inside the run ends the name before it: “三所联调”(派出所、律师事务所)|机制
    closing = norm.rfind(")", start, head_start)
    if closing >= 0 and "(" not in norm[start:closing]:
        start = closing + 1
    opening = norm.rfind("(", start, head_start)
    if opening >= 0 and ")" not in norm[opening:head_start]:
        start = opening + 1
    if norm[start:head_start].count('"') % 2:
        start = norm.index('"', start) + 1 if norm[start] != '"' else start + 1
    return start


def _is_generic(label: str) -> bool:
    return label in _GENERIC or bool(_GENERIC_MODIFIER.fullmatch(label))


def _activity_verbs(norm: str, edges: list[tuple[int, int]], run_start: int, head_start: int) -> int:
    """How many of the last left edges are verbs inside the name (see ``_NOUN_VERB``; a run of them counts as
    one: 旅游开发建设信息平台), 0 when they end it. They are inside when a noun stands right before them, itself after
    another left edge or a 、 (推进|工程建设项目…系统: 工程 is an object, not a subject), and a noun right after them.
    Otherwise only a generic rest (应急救援能力建设重点工程 names more than 重点工程) or a line that is nothing but
    the noun, the verb and the head (a box or item title such as 应急救援能力提升工程) makes the noun part of the
    name."""
    verbs = 0
    while verbs < len(edges) and _NOUN_VERB.fullmatch(norm, *edges[-verbs - 1]) \
            and (verbs == 0 or edges[-verbs - 1][1] == edges[-verbs][0]):
        verbs += 1
    if not verbs:
        return 0
    verb_start, verb_end = edges[-verbs][0], edges[-1][1]
    if verb_end < head_start and not re.match(r"[\u4e00-\u9fff]{2}", norm[verb_end:head_start]):
        return 0  # a quoted name after the verb is the name: 适老化改造|“双提升”工程
    noun_start = edges[-verbs - 1][1] if len(edges) > verbs else run_start
    noun = norm[noun_start:verb_start]
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,}", noun) or _SUBJECT_OR_SETTING.search(noun):
        return 0
    head = _HEAD.match(norm, head_start)
    generic = head is not None and verb_end < head_start and _is_generic(norm[verb_end:head.end()])
    if _NAMED_SYSTEM.search(noun) and not generic:
        return 0
    # the noun is an object, not a subject, after another left edge or after 、 (A平台、工程建设项目审批管理系统)
    led_in = len(edges) > verbs or norm[noun_start - 1:noun_start] == "、"
    # an activity named by a whole line: 专栏2 政务云网支撑能力提升工程 (but 大力建设|数字乡村服务平台。)
    titled = head is not None and verb_end == head_start and _is_title(norm, noun_start, head.end())
    return verbs if led_in or generic or titled else 0


# What may stand around a name that is a whole line: a box or item number before, a full stop after
# (专栏2 政务云网支撑能力提升工程 / 1.乡镇应急管理站标准化建设工程。).
_TITLE_PREFIX = re.compile(r"(?:专栏|附表)?[\s\d一二三四五六七八九十、.:()\-]*")
_TITLE_SUFFIX = re.compile(r"[。;]?\s*")


def _is_title(norm: str, start: int, end: int) -> bool:
    """Whether the name from ``start`` to ``end`` is all its line holds, but for a number before and a full stop."""
    line_start = norm.rfind("\n", 0, start) + 1
    line_end = norm.find("\n", end)
    line_end = len(norm) if line_end < 0 else line_end
    return bool(_TITLE_PREFIX.fullmatch(norm, line_start, start) and _TITLE_SUFFIX.fullmatch(norm, end, line_end))
