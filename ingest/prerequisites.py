"""Prerequisites between tasks, systems and goals, from cues, table order and builds/relies-on.

Three sources, each a general reading of how plans state that one piece of work needs another:

* cue phrases, one table row per cue (``CUES``): 依托X, 以X为基础, 在X基础上, 通过X建设, 为Y提供支撑 …;
  the prerequisite is the X phrase, the dependent is what the sentence goes on to do (or the Y of 为Y…);
  以X为契机/抓手/载体/引领/主线 name an occasion or a lever and are deliberately absent from the table;
* the order of dated sub-tasks within one item of a task table: the earlier year precedes the later;
* builds/relies-on: a task that builds a named system (建设…平台, 推进…中心建设) precedes a task that relies on it
  (依托…平台, 以…中心为依托, 通过…系统建设).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby

from plankg.ingest.facts import Document, Heading, Mention, Prerequisite, Span, Task
from plankg.ingest.text import Sentences, normalize, normalize_label, sentences

_P = r"[^,;。:!?]"  # a character inside one clause

# How the dependent is found: "y" = the y group of the match; "next" = the next clause that does not open with
# a cue of its own (依托X,以Y为基础,建设Z -> 建设Z). How the prerequisite is found: "x" = the x group; "before" =
# the sentence's first substantive clause before the cue (形成数据资源库,为研判提供支撑 -> 数据资源库); "previous" =
# the clause right before the cue, whatever it opens with (…,依据评估数据开展片区评估,作为方案编制的前提).
# An outline number in front of a heading: 6、 / 31. / (三)
_NUMBER_PREFIX = r"(?:\d{1,2}[、.]|[一二三四五六七八九十]{1,3}、|[((][一二三四五六七八九十\d]{1,3}[))])?"
_ADVERBS = r"(?:充分|积极|探索|有效|深度|主动|全面|进一步|要|并|同时|坚持|注重|重点)*"
# A run-in number: 三是, 第二, (after normalize ② reads as a bare 2, which no cue word follows otherwise).
_RUN_IN_NUMBER = r"(?:[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3},?|\d{1,2}(?![\d.、]))?"
# Who is made to rely on something: 督促企业依托…, 引导村集体利用…
_CAUSATIVE = r"(?:(?:督促|指导|引导|支持|鼓励|要求|推动)[^,;。:!?]{1,12}?)?"
_OPENING = rf"(?:^|(?<=[,;:]))\s*{_NUMBER_PREFIX}{_RUN_IN_NUMBER}\s*{_ADVERBS}"  # a cue that opens its clause
_RELIANCE_OPENING = _OPENING + _CAUSATIVE  # 依托X, 借助X, 通过X建设 … may follow a causative verb and its object


@dataclass(frozen=True)
class Cue:
    name: str  # the normalized cue, as the gold and the graph name it
    cue_class: str  # listed | listed-variant | extended
    pattern: re.Pattern
    dependent: str  # "y" | "next"
    prerequisite: str  # "x" | "before" | "previous"
    anchor: str  # a word every match contains: a sentence without it is not searched (most sentences have none)


def _cue(name: str, cue_class: str, anchor: str, pattern: str, dependent: str = "next", prerequisite: str = "x") -> Cue:
    return Cue(name, cue_class, re.compile(pattern), dependent, prerequisite, anchor)


# Verbs that finish a piece of work (建成, 完工, 投用 …), as in 待X完成后 and X建成后; a thing is built (X建成后), a
# piece of work is done (X完成后: 在项目立项审批完成后).
_BUILT = r"建成|完工|竣工|投用|投入使用|投入运行|上线运行|上线"
_DONE = r"建设完成|部署完成|完成"
_FINISHED = f"{_BUILT}|{_DONE}"
_SUPPORT_MODIFIER = r"(?:[^,;。为]{0,10}?)"  # 提供[强大的软硬件]支撑, 提供[有力数据]支撑
CUES = [
    # 以“两库一平台”为基础,固化服务模式 / 以省级系统为依托,建设市级系统
    _cue("以X为依托", "listed", "为依托", rf"以(?P<x>{_P}{{2,40}}?)为依托"),
    _cue("以X为基础", "listed", "为基础", rf"以(?P<x>{_P}{{2,40}}?)为基础(?!设施|建设|工作)"),
    _cue("以X为支撑", "listed-variant", "支撑", rf"以(?P<x>{_P}{{2,40}}?)为(?:关键|重要|有力|坚强)?支撑"),
    _cue("以X为保障", "extended", "保障", rf"以(?P<x>{_P}{{2,40}}?)为(?:主要|重要|坚强|有力)?保障"),
    # 以完成产权制度改革为前提,推进入市试点
    _cue("以X为前提", "extended", "前提", rf"以(?P<x>{_P}{{2,40}}?)为(?:基本|重要|必要)?前提"),
    # 强化数据和基层基础为支撑的规划思路
    _cue("X为支撑的Y", "listed-variant", "为支撑的", rf"{_OPENING}(?P<x>[^,;。:!?以]{{2,30}}?)为支撑的(?P<y>{_P}{{2,30}})", "y"),
    # 在全警技能提升的基础上,重点培育人才 / 在原有设备基础上新增勘查设备
    _cue("在X基础上", "listed", "基础上", rf"在(?P<x>{_P}{{2,40}}?)(?:的)?基础上(?P<y>{_P}*)", "y"),
    # 依托信息化模型,落实管控处置
    _cue("依托X", "listed", "依托", rf"{_RELIANCE_OPENING}依托(?P<x>{_P}{{2,60}})"),
    # 通过市局的态势感知平台建设,有效识别网络威胁 / 通过积极构建执法管理体系,执法质量不断提高
    _cue("通过X建设", "listed", "通过", rf"{_RELIANCE_OPENING}通过(?P<x>{_P}{{2,60}}?建设{_P}{{0,10}})(?=[,;。]|$)"),
    _cue("通过X构建", "listed-variant", "通过", rf"{_OPENING}通过(?:积极|加快|全面)?(?:构建|搭建|打造)(?P<x>{_P}{{2,60}})"),
    # 通过部署分析服务器, 通过三级研判体系, 通过老旧小区改造: a built thing or a piece of construction work
    _cue("通过X", "extended", "通过",
         rf"{_OPENING}通过(?P<x>(?:部署|建立|引入){_P}{{2,40}}|{_P}{{2,40}}(?:体系|平台|系统|改造|工程|项目))(?=[,;。]|$)"),
    # 借助新技术,完善防控体系 / 依靠党委、政府,健全机制 / 利用视频监控系统实时预警
    _cue("借助X", "extended", "借助", rf"{_RELIANCE_OPENING}借助(?P<x>{_P}{{2,60}})"),
    _cue("依靠X", "extended", "依靠", rf"{_RELIANCE_OPENING}依靠(?P<x>{_P}{{2,60}})"),
    _cue("利用X", "extended", "利用", rf"{_RELIANCE_OPENING}利用(?!率)(?P<x>{_P}{{2,60}})"),
    _cue("基于X", "extended", "基于", rf"{_OPENING}基于(?P<x>{_P}{{2,60}})"),
    # Work that waits for a thing to be finished: 待燃气管网普查完成后,实施管道更新 / 待枢纽主体工程完工后,启动片区开发
    _cue("待X后", "extended", "待", rf"{_OPENING}待(?!遇|办|岗|业|命)(?P<x>{_P}{{2,40}}?)(?:{_FINISHED})?(?:之)?后"),
    # A clause that names a thing and its completion: 监测平台建成后,实现数据共享 / 水库扩容工程完工后,联网供水
    _cue("X建成后", "extended", "后", rf"{_OPENING}(?:在|于)?(?P<x>{_P}{{2,40}}?)(?:{_BUILT})(?:之)?后"),
    # 在项目立项审批完成后,启动招标 / 片区综合评估完成后,编制更新方案
    _cue("X完成后", "extended", "后", rf"{_OPENING}(?:在|于)?(?P<x>{_P}{{2,40}}?)(?:{_DONE})(?:之)?后"),
    # Work named as the precondition of other work: 开展片区综合评估,作为片区更新方案编制的前提 / 在完成综合评估的前提下,
    # 编制更新方案 / 先完成征收补偿方案公示,再启动签约
    _cue("X作为Y的前提", "extended", "作为", rf"作为(?P<y>{_P}{{2,40}}?)的(?:重要|必要|基本)?(?:前提|先决条件)(?:条件)?",
         "y", "previous"),
    _cue("在X的前提下", "extended", "前提下", rf"在(?P<x>{_P}{{2,40}}?)的?前提下(?P<y>{_P}*)", "y"),
    _cue("先X再Y", "extended", "先", rf"{_OPENING}先(?P<x>{_P}{{2,40}}?)[,;]\s*(?:再|后|然后|之后|随后)(?P<y>{_P}{{2,40}})", "y"),
    # 建设基于5G技术的视频图传系统
    _cue("基于X的Y", "extended", "基于", rf"(?<=[建设研发构建打造开发])基于(?P<x>{_P}{{2,20}}?)的(?P<y>{_P}{{2,20}})", "y"),
    # 形成数据资源库,为研判分析提供数据支撑 / 用智慧警务方式为城市建设提供基础保障
    _cue("为X奠定基础", "listed", "奠定", rf"为(?P<y>{_P}{{2,40}}?)奠定{_SUPPORT_MODIFIER}基础", "y", "before"),
    _cue("为X打牢基础", "listed-variant", "打牢", rf"为(?P<y>{_P}{{2,40}}?)打牢{_SUPPORT_MODIFIER}基础", "y", "before"),
    _cue("为X提供支撑", "listed", "提供", rf"为(?P<y>{_P}{{2,40}}?)提供{_SUPPORT_MODIFIER}支撑", "y", "before"),
    _cue("在X方面提供支撑", "listed-variant", "方面", rf"在(?P<y>{_P}{{2,30}}?)(?:等)?方面提供{_SUPPORT_MODIFIER}支撑", "y", "before"),
    _cue("为X提供保障", "extended", "提供", rf"为(?P<y>{_P}{{2,40}}?)提供{_SUPPORT_MODIFIER}保障", "y", "before"),
    _cue("为X提供源头活水", "extended", "源头活水", rf"为(?P<y>{_P}{{2,40}}?)提供源头活水", "y", "before"),
    # 加快标准厂房建设,为承接产业转移创造条件
    _cue("为X创造条件", "extended", "创造", rf"为(?P<y>{_P}{{2,40}}?)创造{_SUPPORT_MODIFIER}条件", "y", "before"),
    # 全力加强派出所建设,…,夯实防控体系建设基础 / …,夯实防控体系的根基
    _cue("夯实X基础", "listed-variant", "夯实", rf"夯实(?P<y>{_P}{{4,30}}?)(?:的)?基础(?=[,;。]|$)", "y", "before"),
    _cue("夯实X根基", "extended", "根基", rf"夯实(?P<y>{_P}{{4,30}}?)(?:的)?根基(?=[,;。]|$)", "y", "before"),
    # 推动信息化支撑实战 (a heading or a short clause: X支撑Y)
    _cue("X支撑Y", "extended", "支撑", rf"{_OPENING}(?:大力|全面)?(?:推动|推进|强化|加强|坚持)(?P<x>{_P}{{2,8}}?)支撑(?P<y>{_P}{{2,8}})(?=[,;。]|$)", "y"),
]

# Support that is money or policy (为…提供经费保障) is a generic resource, not a prerequisite.
_GENERIC_SUPPORT = re.compile(r"(?:经费|资金|财力|政策|法律|组织)(?:保障|支撑)$")
# What is supported being the general goal of a whole place, not a piece of work or a sector, states a purpose
# (为推动全县经济社会高质量发展提供有力保障, 为全市发展大局奠定基础; not 为乡村产业发展提供水源保障): no task rests
# on the work before it.
_GENERAL_GOAL = re.compile(r"(?:经济社会|高质量|全面|可持续|跨越式|长远|健康)发展(?:大局)?$|大局$")
# 利用X relies on a thing built or gathered before (利用视频监控系统实时预警, 利用卫星遥感影像开展巡查); using land,
# space or an occasion is a means, no work that must come first (充分利用闲置厂房、边角地建设…, 利用农闲时节…).
_USE = "利用X"
_MEANS_NOT_WORK = re.compile(r"(?:边角|闲置|空闲|荒|绿|空|土|用)地|空间|厂房|楼宇|契机|机遇|时机|时节|假期|节假日|农闲")
# A clause that opens with a cue of its own is skipped when looking for the dependent.
_CUE_OPENING = re.compile(rf"\s*{_ADVERBS}(?:以{_P}+为|依托|借助|依靠|利用|基于|通过|在{_P}+基础上)")
# A clause that only dates the sentence (到2025年, 2021年底前) is skipped when looking for the prerequisite.
_DATE_CLAUSE = re.compile(
    r"^\s*(?:到|至|在)?(?:\d{4}年|\d{1,2}月|\"?十[一二三四五六七八九]五\"?)"
    r"(?:[底末初前内中上下旬半年月日号期\d]|以前|左右){0,8}$"  # not 9月底前完成系统部署: that is work
)
# Looking back from 为Y提供支撑 for the work it rests on, the nearest clause that names a built or established thing
# (it opens with a verb of building, or its last word is a system, facility, institution or a construction) wins:
# 建成停车管理系统,有效缓解停车难问题,为交通治理提供支撑 -> 停车管理系统. Failing that, the nearest clause that is
# neither a frame nor a result.
_THING_END = re.compile(
    r"(?:建设|改造|系统|平台|体系|网络|网|中心|库|机制|制度|设施|工程|项目|规划|方案|》|站|馆|室|基地|队伍|模式|"
    r"标准|清单|档案)\s*$"
)
# A clause that sets the frame of the sentence (按照…要求, 在…中, 到2025年) names no work.
_FRAME_CLAUSE = re.compile(r"^\s*(?:按照|根据|依据|围绕|聚焦|对照|针对|结合|立足|面向|着眼|在)")
# A clause that states a result or a purpose of the work before it: 实现…, 确保…, 有效缓解….
_RESULT_CLAUSE = re.compile(r"^\s*(?:实现|确保|保证|使|让|从而|进而|以便|力争|努力|有效|切实|真正)")
# Adverbs and work verbs that open a clause without being part of the thing it names: 加快建设专业实验室 -> 专业实验室.
_LEAD_ADVERBS = r"全力|全面|大力|积极|加快|充分|进一步|持续|不断|着力|特别|用好|用足"
_LEAD_VERBS = (
    r"加强|强化|深化|夯实|形成|推广应用|推广|应用|建设|建成|建立|健全|搭建|打造|做到|制定|出台|推进|推动|推行|完善|"
    r"开展|实施|构建|新建|整合|汇聚|归集|组织(?=开展|实施)"  # 组织开展管网普查, not 组织体系
)
# 全市 opens a clause as an adverb (全市推广…) but after a verb it is part of the thing (建成全市统一的信息平台).
_LEAD = re.compile(rf"(?:全市)?(?:{_LEAD_ADVERBS}|{_LEAD_VERBS})+")
# A deadline in front of the work names no part of it: 2024年底前建成信息平台 -> 信息平台.
_LEADING_DATE = re.compile(r"(?:到|至|在|于)?(?=\d)(?:\d{4}年(?:底|末|初|上半年|下半年)?)?(?:\d{1,2}月(?:底|末)?)?"
                           r"(?:前|以前|内)?")  # 2024年底前 / 9月底前
_BUILD_WORDS = "建设|建成|搭建|打造|建立|新建|构建|研发|开发"
_BUILD_VERBS = rf"(?:{_BUILD_WORDS})"
_BUILDS = re.compile(rf"^\s*{_NUMBER_PREFIX}\s*(?:全市|{_LEAD_ADVERBS})*(?:形成|{_BUILD_WORDS})")
# A work clause is named by what it completes: 全面完成第三次国土调查,为…奠定基础 -> 第三次国土调查. (The X of
# 在完成管网普查的基础上 keeps its verb: there the completion itself is the basis.)
_COMPLETE = re.compile(r"完成(?=\S{2})")
# 在上年基础上增长6%: a baseline of a comparison in time, not work to build on.
_BASELINE = re.compile(r"^(?:上|去|前|本|今)一?年度?$|^\d{4}年(?:度|底|末)?$|^\"?十[一二三四五六七八九]五\"?(?:期末|末)$")
# Work named by no more than a generic word (任务完成后, 各项工作完成后): no particular piece of work to rely on.
_GENERIC_WORK = re.compile(r"^(?:各项|相关|上述|此项|该项|本项)?(?:任务|工作|活动|整改|验收|程序|手续)$")
_NUMBER_PREFIX_RE = re.compile(_NUMBER_PREFIX)
_FOLLOWING_CLAUSE = re.compile(r"[,;:]?\s*([^,;。:!?]+)")

_RELY_VERBS = r"(?:依托|利用|通过|接入|基于|借助|依靠|对接)"
# 以X为依托/基础/支撑: the system between 以 and 为… is relied on.
_RELIED_AFTER = re.compile(r"为(?:依托|基础|支撑|载体支撑)")
# The building stated after the name: 推进街道综合养老服务中心建设, 推动区应急指挥中心二期建设.
_BUILT_AFTER = re.compile(rf"(?:[一二三四五六七八九十\d]期)?(?:{_BUILD_WORDS}|改造提升)")

# 依托X做Y in one clause: the X of an open-ended reliance cue stops where a work verb begins right after a thing
# (a system, a body, a place, a resource), and the rest of the clause is the dependent.
# 依托生态环境大数据平台实现监测数据互联共享 -> 生态环境大数据平台 / 实现监测数据互联共享;
# 依托县职业技术学校开设护理课程 -> 县职业技术学校 / 开设护理课程. Not split: 依托村级组织和驻村工作队 (no verb
# after a thing), 依托省级建设的平台 (a verb followed by 的 describes the thing).
_WORK_VERB = re.compile(
    r"(?:实现|开展|推进|推动|建设|建立|开设|打造|构建|搭建|提升|提高|加强|强化|完善|落实|促进|"
    r"拓宽|拓展|形成|发展|培育|培训|提供|满足|做好|组织|设立|设置|整合|带动)(?!的)"
)
_RELIED_THING_END = re.compile(
    r"(?:平台|系统|中心|网络|网|库|体系|设施|工程|项目|医院|学校|院|校|所|站|馆|室|基地|队伍|队|企业|园区|园|机构|"
    r"资源|技术|数据|单位|部门|组织|协会|合作社|载体|阵地|\")$"
)


def extract_prerequisites(
    document: Document, headings: list[Heading], tasks: list[Task], mentions: list[Mention]
) -> list[Prerequisite]:
    """Prerequisites stated by cues, implied by a task table's years, and implied by what tasks build and use."""
    text = normalize(document.text)
    spans = sentences(document.text)
    found = _cue_prerequisites(document.text, text, spans)
    labelled = [(task, normalize_label(task.title), normalize_label(text[task.span.start:task.span.end]))
                for task in tasks] if found else []
    for prerequisite in found:
        _resolve_tasks(prerequisite, labelled)
    found.extend(_table_order(tasks))
    found.extend(_builds_relies_on(text, spans, tasks, mentions))
    return found


def _cue_prerequisites(original: str, text: str, sentences: Sentences) -> list[Prerequisite]:
    found: list[Prerequisite] = []
    for sentence in sentences:
        sentence_text = text[sentence.start:sentence.end]
        taken: list[Span] = []  # one reading per cue position: 以X为支撑 is not also X为支撑的Y
        for cue in CUES:
            if cue.anchor not in sentence_text:
                continue
            for match in cue.pattern.finditer(sentence_text):
                cue_span = Span(match.start(), match.end())
                if any(t.start < cue_span.end and cue_span.start < t.end for t in taken):
                    continue
                pair = _sides(cue, match, sentence_text)
                if pair is None:
                    continue
                prerequisite, dependent = pair
                taken.append(cue_span)
                start, end = min(prerequisite.start, dependent.start), max(prerequisite.end, dependent.end)
                found.append(
                    Prerequisite(
                        dependent=_printed(original, sentence.start, dependent),
                        prerequisite=_printed(original, sentence.start, prerequisite),
                        cue=cue.name,
                        cue_class=cue.cue_class,
                        evidence=Span(sentence.start + start, sentence.start + end),
                        sentence=sentence,
                    )
                )
    return found


def _sides(cue: Cue, match: re.Match, sentence: str) -> tuple[Span, Span] | None:
    """(prerequisite, dependent) spans within the sentence, or None when one side cannot be found."""
    if cue.prerequisite == "x":
        prerequisite = _trim(sentence, Span(match.start("x"), match.end("x")))
        split = _split_open_reliance(sentence, match, prerequisite)
        if split is not None:
            return _whole_quotes(sentence, split[0]), _whole_quotes(sentence, split[1])
    elif cue.prerequisite == "previous":
        prerequisite = _clause_right_before(sentence, match.start())
    else:
        prerequisite = _clause_before(sentence, match.start())
    if cue.dependent == "y" and match.group("y") and match.group("y").strip():
        dependent = _trim(sentence, Span(match.start("y"), match.end("y")))
    else:
        dependent = _clause_after(sentence, match.end()) or _clause_before(sentence, match.start())
    if prerequisite is None or dependent is None:
        return None
    prerequisite, dependent = _whole_quotes(sentence, prerequisite), _whole_quotes(sentence, dependent)
    if len(prerequisite) < 2 or len(dependent) < 2:
        return None
    if _GENERIC_SUPPORT.search(sentence[match.start():match.end()]):
        return None
    if cue.prerequisite == "before" and _GENERAL_GOAL.search(sentence, dependent.start, dependent.end):
        return None
    if cue.name == _USE and _MEANS_NOT_WORK.search(sentence, prerequisite.start, prerequisite.end):
        return None
    if _BASELINE.match(sentence[prerequisite.start:prerequisite.end]) or _GENERIC_WORK.match(
            sentence[prerequisite.start:prerequisite.end]):
        return None
    return prerequisite, dependent


def _split_open_reliance(sentence: str, match: re.Match, x: Span) -> tuple[Span, Span] | None:
    """(X, Y) of 依托X做Y when the cue's X is open-ended (依托X, 借助X: it runs on to the clause's end) and a work
    verb starts inside it; else None."""
    if match.end("x") != match.end() or sentence.endswith("建设", x.start, x.end):
        return None  # 通过X建设 is closed: its X ends with the building (通过工程建设项目审批系统建设)
    for verb in _WORK_VERB.finditer(sentence, x.start + 2, x.end - 2):
        prerequisite = Span(x.start, verb.start())
        if _open_quote(sentence, prerequisite):
            continue  # a verb inside a quoted name: 依托“数据共享”平台
        if _RELIED_THING_END.search(sentence, x.start, verb.start()):
            return prerequisite, _trim(sentence, Span(verb.start(), x.end), strip_lead=False)
    return None


def _open_quote(sentence: str, span: Span) -> bool:
    return sentence.count('"', span.start, span.end) % 2 == 1


def _whole_quotes(sentence: str, span: Span) -> Span:
    """A side never ends inside a quoted name: it runs on to the closing quote in its clause (…“五大中心”), or,
    without one, stops before the opening quote."""
    if not _open_quote(sentence, span):
        return span
    clause_end = min((i for i in (sentence.find(mark, span.end) for mark in ",;。:!?") if i >= 0), default=len(sentence))
    closing = sentence.find('"', span.end, clause_end)
    if closing >= 0:
        return Span(span.start, closing + 1)
    return _trim(sentence, Span(span.start, sentence.rfind('"', span.start, span.end)), strip_lead=False)


def _clause_after(sentence: str, position: int) -> Span | None:
    """The first clause after ``position`` that does not open with a cue of its own."""
    while position < len(sentence):
        match = _FOLLOWING_CLAUSE.match(sentence, position)
        if match is None:
            return None
        clause = Span(match.start(1), match.end(1))
        if not _CUE_OPENING.match(match.group(1)):
            return _trim(sentence, clause, strip_lead=False)
        position = match.end()
    return None


def _clause_before(sentence: str, position: int) -> Span | None:
    """What the cue at ``position`` rests on: the words before it in its own clause (用智慧警务方式为…提供保障),
    else the nearest clause before it that names a built thing (形成数据资源库,为研判提供支撑), else the nearest
    one that names work rather than a frame, a date or a result (整合信息资源,实现…转变,为…提供保障)."""
    clause_start = max(sentence.rfind(mark, 0, position) for mark in ",;:") + 1
    own = _trim(sentence, Span(clause_start, position))
    if len(own) >= 2:
        return own
    work = [
        match for match in re.finditer(r"[^,;:]+", sentence[:max(clause_start - 1, 0)])
        if match.group().strip() and not any(p.match(match.group()) for p in (_DATE_CLAUSE, _FRAME_CLAUSE, _RESULT_CLAUSE))
    ]
    things = [match for match in work if _THING_END.search(match.group()) or _BUILDS.match(match.group())]
    chosen = things[-1] if things else work[-1] if work else None
    if chosen is None:
        return None
    span = _trim(sentence, Span(chosen.start(), chosen.end()))
    completed = _COMPLETE.match(sentence, span.start, span.end)
    return Span(completed.end(), span.end) if completed else span


def _clause_right_before(sentence: str, position: int) -> Span | None:
    """The words before the cue in its clause, else the whole clause before it; named by what it completes
    (完成安全鉴定 -> 安全鉴定) as in ``_clause_before``."""
    clause_start = max(sentence.rfind(mark, 0, position) for mark in ",;:") + 1
    span = _trim(sentence, Span(clause_start, position))
    if len(span) < 2 and clause_start > 0:
        previous = max(sentence.rfind(mark, 0, clause_start - 1) for mark in ",;:") + 1
        span = _trim(sentence, Span(previous, clause_start - 1))
    if len(span) < 2:
        return None
    completed = _COMPLETE.match(sentence, span.start, span.end)
    return Span(completed.end(), span.end) if completed else span


def _trim(sentence: str, span: Span, strip_lead: bool = True) -> Span:
    """Drop white space, and the opening verbs that are not part of the named thing."""
    start, end = span.start, span.end
    while start < end and sentence[start] == " ":
        start += 1
    while end > start and sentence[end - 1] in " ":
        end -= 1
    number = _NUMBER_PREFIX_RE.match(sentence, start, end)
    if number:
        start = number.end()
    date = _LEADING_DATE.match(sentence, start, end)
    if date and end - date.end() >= 2:
        start = date.end()
    if strip_lead:
        lead = _LEAD.match(sentence, start, end)
        if lead and end - lead.end() >= 2:
            start = lead.end()
    return Span(start, end)


def _printed(original: str, offset: int, span: Span) -> str:
    return original[offset + span.start:offset + span.end]


def _resolve_tasks(prerequisite: Prerequisite, labelled: list[tuple[Task, str, str]]) -> None:
    """The dependent is the innermost task holding the evidence; the prerequisite is a task that builds or names
    the prerequisite phrase (建设数字法治系统 for 依托数字法治系统). ``labelled``: each task with the
    ``normalize_label`` of its title and of its text, computed once per document."""
    holders = [task for task, _, _ in labelled if task.span.contains(prerequisite.evidence)]
    if holders:
        prerequisite.dependent_task = min(holders, key=lambda task: len(task.span)).id
    label = normalize_label(prerequisite.prerequisite)
    if len(label) < 4:
        return
    builds = re.compile(_BUILD_VERBS + re.escape(label))
    for task, title, body in labelled:
        if task.id == prerequisite.dependent_task:
            continue
        if label == title or (label in body and builds.search(body)):
            prerequisite.prerequisite_task = task.id
            return


def _table_order(tasks: list[Task]) -> list[Prerequisite]:
    """Within one table item, every sub-task due in an earlier year precedes those due in the next later year.
    Only rows of a task table under a table item count: parallel outline items ((1), (2)) with different deadlines,
    or table rows that repeat outline tasks, are not steps of one piece of work."""
    found: list[Prerequisite] = []
    items = {task.id for task in tasks if task.source == "table"}
    dated = [
        task for task in tasks
        if task.source == "table" and task.parent in items and task.due is not None and task.due.year is not None
    ]
    dated.sort(key=lambda task: (task.parent, task.due.year, task.span.start))
    for _, siblings in groupby(dated, key=lambda task: task.parent):
        by_year = [list(group) for _, group in groupby(siblings, key=lambda task: task.due.year)]
        for earlier, later in zip(by_year, by_year[1:]):
            for before in earlier:
                for after in later:
                    found.append(
                        Prerequisite(
                            dependent=after.title or after.text,
                            prerequisite=before.title or before.text,
                            cue="table-order",
                            cue_class="table-order",
                            evidence=after.span,
                            sentence=after.span,
                            dependent_task=after.id,
                            prerequisite_task=before.id,
                        )
                    )
    return found


def _builds_relies_on(text: str, sentences: Sentences, tasks: list[Task], mentions: list[Mention]) -> list[Prerequisite]:
    """Task B builds a named system (建设…中心) that task A relies on (依托…中心): B precedes A."""
    builders: dict[str, list[Task]] = {}
    users: list[tuple[str, Task, Mention]] = []
    for mention in mentions:
        if mention.kind != "system":
            continue
        holders = [task for task in tasks if task.span.contains(mention.span)]
        if not holders:
            continue
        task = min(holders, key=lambda t: len(t.span))
        clause_start = max(text.rfind(mark, 0, mention.span.start) for mark in ",;。:\n") + 1
        lead = text[clause_start:mention.span.start]
        label = normalize_label(mention.label)
        relied = re.search(_RELY_VERBS, lead) or (lead.endswith("以") and _RELIED_AFTER.match(text, mention.span.end))
        if re.search(_BUILD_VERBS, lead) or (not relied and _BUILT_AFTER.match(text, mention.span.end)):
            builders.setdefault(label, []).append(task)
        elif relied:
            users.append((label, task, mention))
    found = []
    for label, user, mention in users:
        builder = next((task for task in _builders_of(label, builders) if task.id != user.id
                        and not _encloses(task, user) and not _encloses(user, task)), None)
        if builder is None:
            continue
        found.append(
            Prerequisite(
                dependent=user.title,
                prerequisite=builder.title,
                cue="builds",
                cue_class="builds",
                evidence=mention.span,
                sentence=sentences.around(mention.span),
                dependent_task=user.id,
                prerequisite_task=builder.id,
            )
        )
    return found


def _builders_of(label: str, builders: dict[str, list[Task]]) -> list[Task]:
    """The tasks that build the system ``label`` names, in text order: under that name, or under a longer one
    ending in it (建设食品安全“两个责任”信息系统 builds what 通过“两个责任”信息系统建设 relies on)."""
    if label in builders:
        return builders[label]
    if len(label) < 4:
        return []
    return [task for built, tasks in builders.items() if built.endswith(label) for task in tasks]


def _encloses(outer: Task, inner: Task) -> bool:
    return outer.span.contains(inner.span)
