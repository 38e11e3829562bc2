"""Quantitative targets: indicator, comparator, value, unit, year.

A target is a quantity a plan commits to: 覆盖率达到95%以上 (≥ 95 %), 不高于13% (≤ 13 %), 突破300人 (> 300 人),
建成18个 (= 18 个), 按800∶1比例 (= 800 ratio). The text is scanned one clause at a time (clauses end at , ; 。);
inside a clause every quantity is read with the comparator words around it, and the indicator is the noun phrase
the quantity is about; a planned change is part of it (能耗下降 = 14 %). Figures that report results are kept
with kind "achieved": a change against last year (同比下降11.8%), a state already reached (已建成), a figure
dated before the plan's period, anything in a review section (一、发展基础), in a sentence that looks back (去年…,
截至…, 今年以来…), or in a report (工作总结, 报告) outside the part that looks ahead (二、明年工作打算).
A table row written as text is read cell by cell (a tab or | ends a clause), and a cell that wraps onto the next
lines of a | or fixed-width table is read whole; main-indicator tables are read by their columns (see below).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plankg.ingest.facts import Document, PlanMeta, Span, Target, Task
from plankg.ingest.glossary import glossary_sections
from plankg.ingest.numerals import fold_years, is_numeral_shorthand
from plankg.ingest.tables import Cell, find_task_tables
from plankg.ingest.text import lines, normalize, normalize_label

# Plan kinds that cover one year: a target without its own year belongs to the plan's year.
ANNUAL_KINDS = ("工作计划", "工作要点", "工作总结", "年度计划", "工作安排")
# Plan kinds that report results (工作总结, 工作报告, 情况报告…): their figures are achievements, not targets, except
# in the part that looks ahead (二、2024年工作打算) or where the figure is dated after the reported period.
REPORT_KINDS = ("总结", "报告")

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}

# Counting units a committed quantity is measured in (个, 家, 处 …); 万/亿 in front stay part of the unit (5万处), 余/多
# between make the number a floor (600余家, 1万多人: > 600 家, > 1 万人);
# a count of visits or events keeps its 次 (检查企业1260家次, 培训3000人次, 开展对接活动10场次, 抽检食品500批次);
# computing power counts floating-point operations per second (算力规模达到500PFlops, 新增算力2EFLOPS).
_COUNT_UNITS = (
    "[PETG](?:FLOPS|Flops|flops)|微克/立方米|毫克/升|平方米|平方公里|立方米|公里|千米|延米|米|公顷|亩|吨|千瓦时|千瓦|万元|亿元|元|人次|家次|户次|件次|车次|台次|"
    "架次|艘次|场次|批次|班次|期次|轮次|航次|小时|分钟|工作日|个百分点|个|家|"
    "处|支|名|人|起|面|座|所|台|套|辆|艘|条|部|架|张|件|户|间|场|片|项|类|次|天|"
    # a count of sessions (培训不少于6期), not the phase of a project (二期工程, 3期项目) nor a period (期间)
    "期(?!间|工程|项目|建设)"
)
# A classifier between the number and a unit that is a noun of its own: 1个工作日, 3个小时.
_CLASSIFIER = "个"
# Units that only count as a target after a comparator word (提升至1000M, 达到11.3年), because 5G or 4G name
# technologies, 2025年 a date and 3岁以下 an age group.
_WEAK_UNITS = "M|G|兆|Mbps|Gbps|年|岁"

# Grades reached: 平均级别达到4级, 不低于三星级. A grade is a target only after a comparator and where nothing but
# 以上/以下 follows it: 3级网络, 国家二级标准 and 二级响应 name a kind of thing, not a level to reach.
_GRADE_UNITS = "星级|级"
_GRADE_END = r"(?=\s*(?:及以上|以上|以下|以内)?\s*(?:[,;。)]|$))"

_NUMBER = r"\d+(?:\.\d+|、\d(?=[万亿]))?"  # 1.5; "1、1万" is a mangled decimal point (1.1万)
_CN_NUMBER = r"[零〇一二两三四五六七八九十百千万亿]+"

# One quantity: a percentage, a ratio, a rate (10/10万), or a number with a counting unit.
_QUANTITY = re.compile(
    rf"(?P<ratio>(?P<a>\d+(?:\.\d+)?)\s*[:比]\s*(?P<b>\d+(?:\.\d+|、\d(?!\d))?))"
    rf"|(?P<pct>{_NUMBER})\s*(?P<pctunit>%|‰)"
    rf"|百分之(?P<pctcn>{_CN_NUMBER})"
    rf"|(?P<rate>{_NUMBER})\s*(?P<rateunit>/\s*(?:\d+(?:\.\d+)?)?[十百千万]+(?:人口|人|户)?)"  # 10/10万: per 100,000; 3.5/万人
    rf"|(?P<count>{_NUMBER})(?:{_CLASSIFIER}(?=工作日|小时))?(?P<magnitude>万|亿)?(?P<more>余|多)?(?P<unit>{_COUNT_UNITS})"
    rf"|(?P<grade>{_NUMBER}|{_CN_NUMBER})\s*(?P<gradeunit>{_GRADE_UNITS}){_GRADE_END}"
    rf"|(?P<weak>{_NUMBER})\s*(?P<weakunit>{_WEAK_UNITS})(?![A-Za-z])"
    rf"|(?P<cncount>{_CN_NUMBER})(?P<cnunit>{_COUNT_UNITS})"
)

# What every _QUANTITY match holds (a digit, 百分之, or a Chinese numeral with its unit): a clause without it has
# no quantity, and most clauses of a plan have none.
_MAY_HOLD_QUANTITY = re.compile(rf"\d|百分之|{_CN_NUMBER}(?:{_COUNT_UNITS}|{_GRADE_UNITS})")

# A ratio is a quantity only where the words say so, before it or shortly after (else 8:30 is a time):
# 医护比达1:1.25 / 配比达1:50 / 比例为3:1 / 按照600:1比例配齐 / 按1:1的比例配套.
_RATIO_BEFORE = re.compile(r"(?:比|比例|比值)(?P<word>不低于|不高于|不少于|不超过|控制在|保持在|达到|达|为|是|按)?\s*$")
_RATIO_AFTER = re.compile(r"^[^,;。]{0,8}比")
# A ratio that 达/为 names is the level itself (gold: ratio -> =); a bound (不低于1:1.25) keeps its comparator.
_RATIO_LEVEL_WORDS = ("达", "达到", "为", "是")

# A change verb followed by 到/至 names the level to reach, so it is a comparator and never part of the indicator:
# 比重下降到27%以下 / 降至 / 压减至 / 缩短到 -> ≤; 提升至 / 提高到 / 上升到 / 增加至 -> = (the level itself). Without 到/至
# the verb states a planned change, which stays in the indicator (能耗下降14%, see _CHANGE_VERBS).
_FALL_TO = "(?:下降|降低|减少|压降|压减|压缩|缩短|缩减|缩小|降|减)(?:到|至)"
_RISE_TO = "(?:上升|增长|增加|提升|提高|扩大|增|升)(?:到|至)"
# Comparator words written before the number (a few words may sit between: 不低于公用经费5%).
# Examples: 不低于50% / 达到95% / 突破300人 / 约1.5亿元 / 提升至1000M (the level to reach) / 共计6个 / 仅为1.8%.
_BEFORE = {
    "≥": "不低于|不少于|不小于|最低|至少|保持在|维持在|保持|维持|稳定在|达到|达|确保|满足",
    "≤": f"不高于|不超过|不多于|不大于|控制在|{_FALL_TO}|低于|少于|最高|最多|上限为|上限",  # 最高奖励200万元
    ">": "突破|超过|高于|多于",
    # an approximation word stands right before its number (约1.5亿元, 近3000人), and 约 is none inside a word (签约,
    # 制约, 节约, 预约, 履约…: 签约千万元以上项目25个), nor is 近 in 附近/就近, nor 约 in 约束性 (接近3000人: ≈)
    "≈": r"(?:大约|(?<![签制节预合公履违条特相邀缔婚])约|(?<![附就])近)(?=\s*(?:[\d零〇一二两三四五六七八九十百千]|$))",
    "=": f"{_RISE_TO}|共计|合计|仅为|仅有|只有|仅占|只占",  # 强度仅为1.8%: a level stated, never in the indicator
}
_BEFORE_RE = re.compile("|".join(
    f"(?P<c{index}>{words})" for index, words in enumerate(_BEFORE.values())
))
_BEFORE_SYMBOLS = list(_BEFORE)
_BEFORE_REACH = 20  # characters before the number searched for a comparator word
# Comparator words written after the number: 95%以上 / 13%以内 / 12小时内 / 1.5亿元左右.
_AFTER = re.compile(r"^\s*(?:(?P<ge>及以上|以上|之上)|(?P<le>以内|以下|之内)|(?P<approx>左右))")
_TIME_LIMIT = re.compile(r"^内")  # 12小时内, 15分钟内: a time limit
_TIME_UNITS = ("小时", "分钟", "天", "工作日")
_NOT_A_DURATION = re.compile(r"^(?:内|后|来|以来|起|底|末|前|度)")

# A change rather than a level. A planned change is what the target measures: 能耗累计下降14% -> (能耗累计下降,
# =, 14 %), so the comparator stays one of ≥ ≤ > < = ≈ as the ontology's TargetShape asks. A change against last
# year (同比下降11.8%) is an achievement, with the change as its comparator.
_CHANGE_VERBS = "下降|降低|减少|上升|增长|增加|提升|提高|缩短"
_CHANGE = re.compile(rf"(?:{_CHANGE_VERBS})\s*$")
_REPORTED_CHANGE = re.compile(rf"(?P<base>同比|环比|较上年|较去年)(?:分别|均|共|累计)?(?P<verb>{_CHANGE_VERBS})\s*$")
# A clause that only compares with an earlier time: 比上年提高, 较2020年下降.
_COMPARED_CHANGE = re.compile(rf"(?:比|较)(?:上年|去年|上年度|上年同期|\d{{4}}年)(?:{_CHANGE_VERBS})")
# A total named by itself (总数, 总量, 累计数) is the total of what the clause before counted.
_BARE_TOTAL = re.compile(r"总数|总量|总规模|总额|累计数|存量")
# 分别 pairs the values of a clause with the figures named before it, in order: 发生事故3起、死亡3人,同比分别下降
# 25%和40% -> 事故 -25 %, 死亡 -40 %.
_RESPECTIVELY = "分别"
# An indicator that only says how its figures change (年均分别增长): 分别 names the figures before it.
# What may stand before 分别 in a clause that refers back: nothing, or the baseline of the change (同比, 年均).
_RESPECTIVE_BASE = re.compile(r"(?:年均|累计|同比|环比|(?:比|较)(?:上年|去年|上年同期))?")
_ONLY_CHANGE = re.compile(rf"(?:年均|累计|同比|环比)?(?:{_RESPECTIVELY})?(?:{_CHANGE_VERBS})?")
# A figure reached, in a report: 整改率达98.5% states the value (=); only 以上/超过 printed make it a bound.
_LEVEL_REACHED = re.compile(r"^(?:达到|达)")

# Words around a number that make it something other than a target.
# 每3000人 is the base of a rate, 第十三个 an ordinal, /1000户 the second half of a rate, 专栏1/附表2/表3 the number
# of a box or table whose title follows, 以下20件/下列5项 the size of the list that follows: not quantities to reach.
_NOT_A_QUANTITY_BEFORE = re.compile(r"(?:每|第|/|专栏|附表|附件|^\s*[表图]|以下|如下|下列)\s*$")
# A target revised: 将X目标由2.6平方米调整为2.5平方米. The new value is the target (proposed or adopted, whatever the
# section's tense); the old one is superseded, neither a target nor a figure reached.
_REVISED_FROM = re.compile(r"^\s*(?:调整|调减|调增|修改|修订|下调|上调)(?:为|到|至)")
_REVISED_TO = re.compile(r"(?:调整|调减|调增|修改|修订|下调|上调)(?:为|到|至)\s*$")
_REVISION_FROM = re.compile(r"(?:由|从)\s*$")
_REVISION = re.compile(r"(?:由|从)[^,;。由从]{1,20}?(?:调整|调减|调增|修改|修订|下调|上调)(?:为|到|至)\s*$")
_SKIP_AFTER = re.compile(r"^\s*(?:[年月日号]|周年|届|期间|种|级)")
# A session is numbered, not counted: 九届人大二次会议, 二届三次全会, 第五次党代会.
_SESSION_AFTER = re.compile(r"^(?:全体)?(?:会议|全会|大会|常委会|党代会)")

# 3个目标: … announces an enumeration, not a quantity to reach.
_ENUMERATION = re.compile(r"^[^,;。:\"]{0,10}:")
# 重点工作任务共55项, 提出20条举措, 聚焦5个方面, 其中约束性指标8项: the count of the plan's own contents, in items (采取强制措施892人
# counts people, not measures).
_OWN_CONTENTS = re.compile(r"(?:任务|措施|举措|工作|要求|原则|方面|指标)$")
_ITEM_UNITS = ("项", "条", "个")
# The same count printed before what it counts: 分解为6个方面243项工作任务, 规划确定的6项主要指标, 共12条重点举措 (a
# 工作站 or 任务书 is a thing built or issued, no content of the plan).
_OWN_CONTENTS_AFTER = re.compile(
    r"(?:重点|主要|具体|核心|工作|目标)*(?:任务|措施|举措|要求|原则|方面|指标|工作)(?![站室组队点书库单])"
)
# 完成12个村治理任务, 30个社区改造任务: the count is of places, each with its task, not of the plan's contents.
_PLACES_COUNTED = re.compile(r"(?:村|社区|乡镇|街道|县|区|市|企业|学校)")
# 每月巡查1次, 每年体检1次: how often a routine recurs, not a level to reach.
_ROUTINE = re.compile(r"每(?:年|半年|季度|季|月|旬|周|日|天)")

# The nature of an indicator (指标属性): binding (约束性, the government answers for it) or expected (预期性, the
# direction society is to take). A main-indicator table prints it in its 属性 column; prose in parentheses right
# after the value or the indicator's name:
# | where          | example                               |
# |----------------|---------------------------------------|
# | after a value  | 单位产值能耗下降14%(约束性)             |
# | after a name   | 城镇调查失业率(预期性)控制在5.5%以内    |
# | a table cell   | 约束性, 预期性, 约束性指标, 预期型        |
NATURES = {"约束": "binding", "预期": "expected"}
_NATURE = r"(?P<nature>约束|预期)[性型]?(?:指标)?"
_NATURE_CELL = re.compile(rf"^{_NATURE}$")
_NATURE_AFTER_VALUE = re.compile(rf"\s*[(\[]\s*{_NATURE}\s*[)\]]")
_NATURE_AFTER_NAME = re.compile(rf"\s*[(\[]\s*{_NATURE}\s*[)\]]\s*$")

# Words that open a clause without being part of the indicator: 确保信息采集率 -> 信息采集率; so do outline numbers
# of a run-in item: (2)病媒生物密度监测点不少于20个 -> 病媒生物密度监测点, 3./四、 alike; and the dash or bullet that
# opens a list line: ——完成农村道路硬化80公里 -> 农村道路硬化, ●/■/◆ alike (normalize makes a dash "-").
_OUTLINE_NUMBER = r"\((?:\d{1,2}|[一二三四五六七八九十]{1,3})\)|\d{1,2}[、.](?!\d)|[一二三四五六七八九十]{1,3}、"
_BULLET = r"-+|[•·●○◆◇■□▲△►▶★☆※]"
# Enclosed numbers (① ⑴ ⒈) number run-in items; normalize turns them into plain digits, which would read as values.
_ENCLOSED_NUMBER = re.compile("[\u2460-\u249b]")
# Verbs of delivery in front of what a count counts: 新建改建农村公路120公里 -> 农村公路, 培训高素质农民2000人次,
# 改造提升敬老院15个 -> 敬老院 (a run of them, also with 、 between: 新建、改扩建).
_DELIVERY_VERBS = (
    r"新建|改扩建|改建|扩建|提升|新增|建成|建设|完成|改造|培训|培育|办理|办结|引进|招聘|创建|打造|实施|整治|治理|种植|"
    r"安装|配备|开通|提供|发放|救助|帮扶|资助|组建|发展|开发|推出|认定|争创|设立|增设|举办|开设|加固|开展|组织|举行|召开"
)
# Adverbs that make the value a total (共建成…30个, 全市共有…35家, 发放…总计2000万元): they belong to the value's
# sense, never to the indicator's name, wherever they stand around it. A bare 共 only before a verb of delivery or
# 有, so 共享, 共同, 共建共治 keep theirs.
_QUANTITY_ADVERBS = rf"累计|共计|合计|总计|总共|一共|共有|共(?={_DELIVERY_VERBS})"
_LEAD_WORDS = re.compile(
    rf"^(?:{_OUTLINE_NUMBER}|{_BULLET}|[,;:、\s]|建议(?:将|把)?|拟将|和|及|并|且|即|其中|同时|确保|力争|争取|努力|实现|推进|推动|落实|做到|保证|全面|进一步|逐步|加快|"
    rf"持续|建成|建设|新建|建立|完成|全市|全区|全县|全省|全年|年内|{_QUANTITY_ADVERBS}|已经|已|规模(?!以上|以下|化)|达到)+"
)
# A generic noun of events keeps the verb before it, which says what they are: 开展招聘活动 -> 招聘活动, not 活动.
# A verb before 区/园 names a place (开发区, 建设园): a noun, no verb to strip.
_COUNT_VERBS = re.compile(
    rf"^(?:{_QUANTITY_ADVERBS})?新?(?:(?:{_DELIVERY_VERBS})(?![区园])、?)+(?!(?:活动|会议|行动|工作|项目|服务)$)"
)
# Where the work happens is no part of what it counts: 在化工等行业培育工厂10个 -> 工厂, 在人口密集的小区(村)新建充电桩
# 300个 -> 充电桩, 园区内新建厂房10万平方米 -> 厂房 (a place before 内/中 only where a verb of delivery follows: 国内生产
# 总值 keeps its 国内).
_LOCATIVE = re.compile(
    rf"^(?:在[^,;。]{{1,24}}?|[\u4e00-\u9fff]{{1,8}}?[内中])(?=(?:{_DELIVERY_VERBS}))"
)
# An agency as the subject of the work is not part of what is counted: 县财政局每年安排专项资金3000万元 ->
# 每年安排专项资金 (a recurrence stays, as in 每年评选10佳社区民警).
_AGENCY_SUBJECT = re.compile(r"^[\u4e00-\u9fff]{1,12}?(?:局|委员会|委|办公室|政府|部门)(?=每|安排|投入|统筹|筹集|下达|落实)")
# What a count counts is a noun phrase after it; it ends where a verb of reaching begins:
# 推动20家乡镇卫生院达到国家推荐标准 -> 乡镇卫生院; and where the next count of a list begins: 建成3个示范点和
# 10个示范村 -> 示范点.
_COUNTED_NOUN = re.compile(r"(?:(?!达到|实现|完成|通过|纳入|获得|建成|(?:和|及|与|以及)\s*\d)[^,;。、等的()\[\]]){2,16}")
# A count in a standard is about what the standard provisions: 按照每村不少于2名的标准配备村级后备干部 -> 村级后备干部,
# 按每百户不低于20平方米的标准配套建设养老服务用房 -> 养老服务用房.
_STANDARD_FOR = re.compile(
    r"^(?:以上|以下)?的(?:标准|比例|要求)(?:配齐|配备|配置|配套|建设|设置|安排|落实|增加)*(?P<noun>[^,;。、等的]{2,16})"
)
# A clause that provides something, whose amount the next clause bounds: 区人社局负责统筹安排就业补助资金,
# 每年不少于2000万元 -> 就业补助资金 (the object, to the clause's end, after the subject and a run of verbs).
_PROVIDED = re.compile(
    r"[\u4e00-\u9fff]{0,12}?(?:局|委员会|委|办公室|政府|部门|中心)?(?:负责|要|将|应|每年)*"
    rf"(?:统筹|安排|设立|筹集|投入|拨付|下达|落实|保障|整合|{_DELIVERY_VERBS})+(?P<object>[\u4e00-\u9fff]{{2,16}})$"
)
# Adverbs between the indicator and the comparator: 准确率动态保持在95% -> 准确率.
_TRAIL_WORDS = re.compile(
    rf"(?:按照|按|动态|始终|持续|稳定|总体|均|全部|分别|要|应|将|需|实现|达到|年均|每年|{_QUANTITY_ADVERBS}|共|最高|最多|的)+$"
)
# A year or deadline inside the indicator phrase: 2021年底前实现覆盖率 -> 覆盖率.
_DATE_WORDS = re.compile(
    r"(?:到|至|在|比|较|相比)?\d{4}年(?:底|末|初)?(?:\d{1,2}月(?:底|末|份)?)?(?:前|以前|开始|起|内)?"
    r"|(?:到|至)?年底前|\d{1,2}月底前"
)
# What joins the values of one list: 达到95%、98%, 下降25%和18.2%.
_LIST_JOINT = re.compile(r"\s*(?:、|和|及|与|以及)\s*")
# Measures whose names can share one value: 采集率、准确率达到95% gives two targets.
_MEASURE_SUFFIX = re.compile(r"(?:率|度|比例|比重|占比|数|量|时间|人数)$")

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
# "十四五"期末 / 十三五期间: the last year of a five-year-plan period.
_FIVE_YEAR_PERIOD = re.compile(r"十([一二三四五六七八九])五\"?(?:规划)?(?:期末|末|期间|时期)")
_CLAUSE_END = re.compile(r"[,;。!?\n]")
# The edge between two cells of a table row written as text (matched on the original: normalize folds a tab).
_CELL_EDGE = re.compile(r"\t+|[|｜]+|[ \u3000\u00a0]{2,}")
# The header of a text table whose cells can wrap: 序号 then cells between bars, or apart by wide spaces.
_TEXT_TABLE_HEADER = re.compile(r"^[ \u3000]*[|｜]?[ \u3000]*(?:序[号號]|编号)(?:[ \u3000]*[|｜]|[ \u3000\u00a0]{2,})",
                                re.MULTILINE)
_SENTENCE_END = re.compile(r"[。!?\n]")
_QUOTED = re.compile(r"\"[^\"\n]{0,30}\"")

# The expansion of a quoted numeral shorthand, in a parenthesis or after 即: its parts are components of the term,
# not targets: "123出行圈"(都市区1小时通达、城市群2小时通达、全国主要城市3小时覆盖), "两个15分钟"即… (to the clause's
# end: 即进社区、进园区,全年组织招聘活动200场 keeps its figure).
_EXPANSION = re.compile(r"\"(?P<label>[^\"\n]{1,20})\"\s*(?:\((?P<paren>[^()\n]{2,120})\)|[,:]?即(?P<is>[^。,;\n]{2,120}))")
# A goal section's horizon (到2025年,… / 到"十四五"末,…) dates the dash items that follow it: ——设施更加完善。里程达到
# 520公里 (until a line that is no such item, or the next horizon: 展望2035年).
_HORIZON_LINE = re.compile(r"^[ \t]*(?:到|至|力争到|展望)\s*(?:(?:19|20)\d{2}\s*年|\"?十[一二三四五六七八九]五\"?(?:期末|末))", re.MULTILINE)
_DASH_ITEM = re.compile(r"^[ \t]*(?:-{1,2}|[•·●○◆■▲►▶])", re.MULTILINE)

# Headings of a plan's review of the past period, or of the problems it faces: its figures are achievements (the
# state reached), not targets.
_HEADING_START = r"^[ ]*(?:第[一二三四五六七八九十]+[章节部分]|[一二三四五六七八九十]+、|[((][一二三四五六七八九十]+[))])"
_REVIEW_HEADING = re.compile(
    _HEADING_START + r"[^\n。]{0,30}(?:成就|成效|成绩|回顾|现状|基本情况|发展基础|工作基础|规划背景|发展环境|"
    r"开展情况|完成情况|进展情况|落实情况|工作情况|"
    # the problems a plan or report names describe the state as it is: 二、存在的问题, (三)问题与不足
    r"存在的?(?:主要|突出)?(?:问题|不足|困难|短板)|(?:问题|困难|不足)(?:和|与|及)(?:不足|困难|问题|挑战|短板))",
    re.MULTILINE,
)
# A sentence that looks back (去年…, 今年以来…, 截至2023年底…) or a clause that reports a state reached (已建成…).
_PAST_SENTENCE = re.compile(r"^\s*(?:去年|上年|上一年|过去|截至|截止|[^,;。]{0,12}以来)")
_PAST_CLAUSE = re.compile(r"(?<![不而])已(?:经)?(?=[\u4e00-\u9fff])")
# A sentence that defines a term (本方案所称中小企业是指从业人员300人以下的企业): its numbers are thresholds.
_DEFINITION = re.compile(r"所称|是指|指的是")
# A year that is the baseline of a comparison (比2020年, 在2020年基础上), not the year of the figure.
_BASELINE_YEAR_BEFORE = re.compile(r"(?:比|较|相比|与)\s*$")
_BASELINE_YEAR_AFTER = re.compile(r"^(?:底|末)?(?:的)?(?:基础上|水平|基准|基数)")
_DATED_HEADING = re.compile(_HEADING_START + r"[^\n。]{0,12}(?:19|20)\d{2}\s*年", re.MULTILINE)
# Headings of the part of a report that looks ahead: its figures are targets.
_FORWARD_HEADING = re.compile(
    _HEADING_START + r"[^\n。]{0,20}(?:思路|打算|安排|计划|工作重点|目标|下一步|总体要求)",
    re.MULTILINE,
)
_HEADING_STYLES = [
    re.compile(r"^\s*第[一二三四五六七八九十]+[章节部分]"),
    re.compile(r"^\s*[一二三四五六七八九十]+、"),
    re.compile(r"^\s*[((][一二三四五六七八九十]+[))]"),
]

# A line that reports one indicator in labelled fields (a mid-term evaluation, a progress report written as text):
#   1.人均公园绿地面积。规划目标:到2025年达到15平方米;完成情况:2023年底为13.2平方米;进度:完成目标的88%。
# The words before the first label name the indicator of every field; each label says what its figures are:
# | label                                           | its figures      |
# |-------------------------------------------------|------------------|
# | 规划目标, 目标值, 预期目标, 年度目标, 目标         | targets          |
# | 完成情况, 完成值, 实际完成, 实际值, 现状值, 现状, 基期值 | figures achieved |
# | 进度, 完成进度, 序时进度, 完成率, 完成比例         | none (progress)  |
# A label opens a field only at the start of the line or after 。/; (工作目标: is a heading, not a field).
_FIELD_KINDS = {
    "target": "规划目标值|规划目标|目标值|预期目标|年度目标|目标",
    "achieved": "完成情况|完成值|实际完成|实际值|现状值|现状|基期值",
    "progress": "完成进度|序时进度|进度|完成率|完成比例",
}
_FIELD_LABEL = re.compile(
    rf"(?:^[ \t]*(?:{_OUTLINE_NUMBER})?|(?<=[。;]))[ \t]*(?:"
    + "|".join(f"(?P<{kind}>{labels})" for kind, labels in _FIELD_KINDS.items()) + r")\s*:",
    re.MULTILINE,
)
_TITLE_EDGES = re.compile(rf"^[ \t]*(?:{_OUTLINE_NUMBER})?[ \t]*|[ \t。;:,]*$")


@dataclass
class _Field:
    """The figures of one labelled field: their span, line, kind (target | achieved) and indicator (None: read
    them)."""

    span: Span
    line: Span
    kind: str
    indicator: str | None


def _labelled_fields(text: str, original: str) -> tuple[list[Span], list[_Field]]:
    """The lines made of labelled fields, and their target and achieved fields (progress fields give none)."""
    field_lines, fields = [], []
    for line in lines(text):
        labels = list(_FIELD_LABEL.finditer(text, line.start, line.end))
        if not labels:
            continue
        title_span = _TITLE_EDGES.sub("", text[line.start:labels[0].start()])
        title = None
        if title_span and not re.search(r"\d", title_span) and len(title_span) <= 30:
            begin = text.index(title_span, line.start)
            title = original[begin:begin + len(title_span)]
        field_lines.append(line)
        for label, following in zip(labels, [*labels[1:], None]):
            if label.lastgroup != "progress":
                end = following.start() if following else line.end
                fields.append(_Field(Span(label.end(), end), line, label.lastgroup, title))
    return field_lines, fields



@dataclass
class _Quantity:
    """One number in a clause, before it becomes a Target."""

    span: Span  # the number with its unit
    value: float
    unit: str | None
    comparator: str
    phrase_start: int  # where the words that qualify it (comparator, date) begin
    end: int  # end of the value text, after 以上/以内
    word_before: bool = False  # the comparator is a word before the number, which governs a following 、-list
    reported: bool = False  # a change against last year (同比下降): an achievement
    reached: bool = False  # ≥ read from 达/达到 alone, which in a report states the value reached
    revised: bool = False  # the new value of a revised target (由A调整为B): a target whatever the section's tense


def extract_targets(document: Document, tasks: list[Task], plan: PlanMeta) -> list[Target]:
    """Every quantitative target and reported figure of ``document``, with its task and year where known."""
    text = fold_years(normalize(document.text))  # 到二〇二五年 dates a target like 到2025年
    reports = _is_report(plan)
    reviews = _sections(text, _REVIEW_HEADING)
    ahead = _sections(text, _FORWARD_HEADING) if reports else []
    glossaries = glossary_sections(document.text)  # a 名词解释 section counts components, it sets no targets
    tables = indicator_tables(document, plan)
    wrapped = _wrapped_cells(document.text)
    text = _without(text, [piece for cell in wrapped for piece in cell.pieces])  # read below, each cell whole

    def context(span: Span, sentence_text: str) -> _Context:
        return _Context(
            looks_back=bool(_PAST_SENTENCE.match(sentence_text)) or any(r.contains(span) for r in reviews),
            reporting=reports and not any(a.contains(span) for a in ahead),
            start=plan.period_start,
            end=plan.period_end,
        )

    text = _without(text, _expansions(text))  # the parts of a defined shorthand are no figures
    field_lines, fields = _labelled_fields(text, document.text) if ":" in text else ([], [])
    targets: list[Target] = []
    for field in fields:
        for target in _sentence_targets(text, document.text, field.span, context(field.span, ""), field):
            target.sentence = field.line
            targets.append(target)
    for sentence in _spans(text, _SENTENCE_END):
        sentence_text = text[sentence.start:sentence.end]
        if not _MAY_HOLD_QUANTITY.search(sentence_text):
            continue  # none of its clauses can hold one either
        if any(line.contains(sentence) for line in field_lines):
            continue  # read above, field by field
        if any(g.contains(sentence) for g in glossaries) or _DEFINITION.search(sentence_text):
            continue
        if any(table.span.start <= sentence.start < table.span.end for table in tables):
            continue  # read below, cell by cell
        targets.extend(_sentence_targets(text, document.text, sentence, context(sentence, sentence_text)))
    for cell in wrapped:
        cell_text = fold_years(normalize(cell.text))
        for sentence in _spans(cell_text, _SENTENCE_END):
            for target in _sentence_targets(cell_text, cell.text, sentence, context(cell.span, cell_text)):
                target.evidence = cell.source(target.evidence.start, target.evidence.end)
                target.sentence = cell.span
                targets.append(target)
    targets.extend(target for table in tables for target in table.targets)
    targets.sort(key=lambda target: target.evidence.start)
    dated_sections = _dated_sections(text) + _horizons(text)
    for target in targets:
        target.task = _task_at(tasks, target.evidence)
        if target.year is None:
            target.year = _fallback_year(target, tasks, plan, dated_sections)
    return _without_table_repeats(targets, tasks)


def _sentence_targets(text: str, original: str, sentence: Span, context: _Context,
                      field: _Field | None = None) -> list[Target]:
    """The figures of one sentence, clause by clause (a later clause may refer to the figures before it); in a
    labelled ``field`` of their kind, about its indicator where the line names one."""
    found: list[Target] = []
    previous = None
    for clause in _clauses(text, original, sentence):
        found.extend(_clause_targets(text, original, clause, sentence, context, found, previous, field))
        previous = clause
    return found


def _clauses(text: str, original: str, sentence: Span) -> list[Span]:
    """The clauses of a sentence: between clause marks, and between the cells of a table row, whose separators
    (tab, |, wide spaces) the original text keeps; no indicator reaches across a cell's edge into the row number
    or the task name before it."""
    clauses = _spans(text[sentence.start:sentence.end], _CLAUSE_END, offset=sentence.start)
    if not _CELL_EDGE.search(original, sentence.start, sentence.end):
        return clauses  # prose, as most sentences are
    return [cell for clause in clauses for cell in _spans(original[clause.start:clause.end], _CELL_EDGE, clause.start)]


def _wrapped_cells(original: str) -> list[Cell]:
    """The name and content cells of the document's task tables whose text wraps onto the next lines (a ``|`` or
    fixed-width text table): a figure is read from the cell's whole text, its indicator on one line and its value
    on the next (合格率达到 / 95%以上)."""
    if not _TEXT_TABLE_HEADER.search(original):
        return []  # cells wrap in text tables only, and most documents have none
    return [
        cell
        for table in find_task_tables(original)
        for item in table.items
        for cell in [item.name, *(c for group in item.groups for c in group.content)]
        if cell is not None and cell.pieces
    ]


def _without(text: str, spans: list[Span]) -> str:
    """``text`` with the characters of ``spans`` blanked (same length)."""
    if not spans:
        return text
    chars = list(text)
    for span in spans:
        chars[span.start:span.end] = " " * (span.end - span.start)
    return "".join(chars)


@dataclass
class _Context:
    """What a sentence's place in the plan says about the figures in it."""

    looks_back: bool  # in a review section, or the sentence opens with 去年/截至/…以来
    reporting: bool  # in a report (工作总结), outside the part that looks ahead
    start: int | None  # the plan's period
    end: int | None

    def achieved(self, year: int | None, reported_change: bool, past_tense: bool) -> bool:
        """A figure is achieved in a review or a report (unless dated after the reported period), as a change
        against last year, after 已 (已建成), or dated before the plan's period."""
        before = year is not None and self.start is not None and year < self.start
        after = year is not None and self.end is not None and year > self.end
        return self.looks_back or reported_change or past_tense or before or (self.reporting and not after)


def _clause_targets(text: str, original: str, clause: Span, sentence: Span, context: _Context,
                    earlier: list[Target], previous: Span | None = None, field: _Field | None = None) -> list[Target]:
    """Targets of one clause; ``text`` is the normalized form matched on, ``original`` gives what is printed,
    ``earlier`` the figures of the sentence's clauses before it (分别 refers back to them), ``previous`` the clause
    before (a bare bound may be about its object). A value whose
    indicator cannot be found is left out: a target without an indicator tells a reader nothing."""
    clause_text, printed = text[clause.start:clause.end], original[clause.start:clause.end]
    if not _MAY_HOLD_QUANTITY.search(clause_text):
        return []
    for enclosed in _ENCLOSED_NUMBER.finditer(printed):
        clause_text = clause_text[:enclosed.start()] + " " + clause_text[enclosed.end():]
    quoted = [Span(m.start(), m.end()) for m in _QUOTED.finditer(clause_text)]
    quantities: list[_Quantity] = []
    for match in _QUANTITY.finditer(clause_text):
        if any(q.start < match.start() < q.end for q in quoted):
            continue  # a number inside quotes names something: “三个100%”, “1.3.5分钟”
        quantity = _read_quantity(clause_text, match)
        if quantity is not None:
            quantities.append(quantity)
    quantities = [q for q in quantities if not _slogan_count(clause_text, q)]
    quantities = [q for i, q in enumerate(quantities) if not _is_threshold(clause_text, q, quantities[i + 1:])]
    _share_list_comparator(clause_text, quantities)

    targets: list[Target] = []
    respective = _respective_names(clause_text, quantities, earlier)
    change = ""  # the change 分别 applies to every value: 年均增长
    previous_end = 0
    for index, quantity in enumerate(quantities):
        value_start = min(quantity.phrase_start, quantity.span.start)
        indicator_span = _indicator(clause_text, previous_end, value_start, quantity)
        named = _NATURE_AFTER_NAME.search(clause_text, indicator_span.start, indicator_span.end)
        if named:  # 失业率(预期性)控制在…: the mark names the nature, it is no part of the indicator
            indicator_span = Span(indicator_span.start, named.start())
        marked = _NATURE_AFTER_VALUE.match(clause_text, quantity.end) or named
        indicator = _printed_indicator(
            clause_text[indicator_span.start:indicator_span.end], printed[indicator_span.start:indicator_span.end]
        )
        if field is not None and field.indicator:  # 完成情况:2023年底为40.2%: the figure of the line's indicator
            indicator, indicator_span = field.indicator, Span(value_start, value_start)
        if respective and _ONLY_CHANGE.fullmatch(indicator):
            # 接待游客4260万人次,实现旅游总收入386亿元,年均分别增长9.8%和11.2%: each value changes its figure
            change = indicator.replace(_RESPECTIVELY, "") or change
            indicator = respective[index] + change
        shared = targets[-1] if not indicator and targets and _LIST_JOINT.fullmatch(
            clause_text[previous_end:value_start]) else None
        if not indicator and shared is None:
            indicator_span = _between_word_and_value(clause_text, quantity) or _following_phrase(clause_text, quantity)
            indicator = printed[indicator_span.start:indicator_span.end]
        if not indicator and shared is None and quantity.word_before and previous is not None and not (
                earlier and earlier[-1].evidence.end > previous.start):
            provided = _PROVIDED.match(text, previous.start, previous.end)
            if provided:  # 安排补助资金,每年不少于2000万元: the bound is on what the clause before provides
                indicator_span = Span(provided.start("object") - clause.start, provided.end("object") - clause.start)
                indicator = original[provided.start("object"):provided.end("object")]
        same_measure = earlier and shared is None and (earlier[-1].unit == quantity.unit or quantity.reported or (
            quantity.unit == "个百分点" and earlier[-1].unit == "%"))
        if not indicator and same_measure:
            # 网办率2021年底前达到70%,2022年开始维持在75%以上: the same measure; 比重达到76.5%,同比提高2.3个百分点:
            # the change of that share, in points; 总数达到156家,同比增长21.9%: the change of that figure
            indicator = earlier[-1].indicator
        elif same_measure and _COMPARED_CHANGE.fullmatch(indicator):
            indicator = earlier[-1].indicator + indicator  # 占比18.4%,比上年提高2.3个百分点 -> 占比比上年提高
        elif same_measure and _BARE_TOTAL.fullmatch(indicator):
            indicator = earlier[-1].indicator + indicator  # 新增企业28家,总数达到156家 -> 企业总数
        previous_end = marked.end() if marked and marked.start() >= quantity.end else quantity.end
        if not indicator and shared is None:
            continue
        before = clause_text[:quantity.span.start]
        year = _printed_year(text, sentence, clause.start + quantity.span.start)
        past_tense = bool(_PAST_CLAUSE.search(before))
        kind = "achieved" if context.achieved(year, quantity.reported, past_tense) and not quantity.revised else "target"
        kind = field.kind if field is not None else kind
        evidence_start = min(indicator_span.start, value_start) if indicator else value_start
        evidence_end = max(quantity.end, indicator_span.end)
        if quantity.unit in _ITEM_UNITS and (
                _OWN_CONTENTS.search(indicator) and not _PLACES_COUNTED.match(indicator)
                or _OWN_CONTENTS_AFTER.match(clause_text, quantity.span.end)):
            continue
        if quantity.unit == "次" and _ROUTINE.search(before):
            continue
        names = _split_measures(indicator)
        comparator = "=" if kind == "achieved" and quantity.reached else quantity.comparator
        if shared is not None:  # 下降25%和18.2%: the second value of a list shares the first one's indicator
            names, comparator = [shared.indicator], shared.comparator
            evidence_start = shared.evidence.start - clause.start
        for name in names:
            targets.append(
                Target(
                    indicator=name,
                    comparator=comparator,
                    value=quantity.value,
                    unit=quantity.unit,
                    year=year,
                    value_text=printed[value_start:quantity.end],
                    evidence=Span(clause.start + evidence_start, clause.start + evidence_end),
                    sentence=sentence,
                    kind=kind,
                    nature=NATURES[marked["nature"]] if marked else None,
                )
            )
    return targets


def _read_quantity(clause: str, match: re.Match) -> _Quantity | None:
    before, after = clause[:match.start()], clause[match.end():]
    if _NOT_A_QUANTITY_BEFORE.search(before) or _SKIP_AFTER.match(after) or _ENUMERATION.match(after):
        return None
    if _REVISION_FROM.search(before) and _REVISED_FROM.match(after):
        return None  # 由2.6平方米调整为…: the superseded value
    groups = match.groupdict()
    comparator, phrase_start = _comparator_before(before)
    revision = _REVISION.search(before)
    if revision:  # 目标由2.6平方米调整为2.5平方米: the level itself; the indicator ends before 由
        comparator, phrase_start = "=", revision.start()
    reported = _REPORTED_CHANGE.search(before)
    if reported:
        comparator, phrase_start = reported.group("base") + reported.group("verb"), reported.start()
    elif _CHANGE.search(before):  # 达到…下降14%: no comparator word further back governs a change
        comparator, phrase_start = None, len(before)
    if groups["ratio"]:
        a, b = _number(groups["a"]), _number(groups["b"])
        named = _RATIO_BEFORE.search(before)
        if not b or not (named or _RATIO_AFTER.match(after)):
            return None
        if named and named.group("word"):
            phrase_start = min(phrase_start, named.start("word"))  # 比例为1:200: 为 is no part of the indicator
        if comparator is None or before[phrase_start:].strip() in _RATIO_LEVEL_WORDS:
            comparator = "="
        value, unit = a / b, "ratio"
    elif groups["pct"] or groups["pctcn"]:
        value = _number(groups["pct"]) if groups["pct"] else _chinese_number(groups["pctcn"])
        unit = groups["pctunit"] or "%"
    elif groups["rate"]:
        value, unit = _number(groups["rate"]), groups["rateunit"].replace(" ", "")
    elif groups["count"]:
        value, unit = _number(groups["count"]), (groups["magnitude"] or "") + groups["unit"]
        if unit == "次" and _SESSION_AFTER.match(after):
            return None
        if groups["more"] and comparator in (None, "=", "≥"):
            comparator = ">"  # 600余家, 3万多人: more than the number printed
    elif groups["grade"]:
        if comparator is None:
            return None  # 3级网络: a kind of network
        grade = groups["grade"]
        value = _number(grade) if grade[0].isdigit() else _chinese_number(grade)
        unit = groups["gradeunit"]
    elif groups["weak"]:
        if comparator is None:
            return None  # 5G, 4G: a technology, not a quantity
        value, unit = _number(groups["weak"]), groups["weakunit"]
        if unit == "年" and (1900 <= value <= 2100 or _NOT_A_DURATION.match(after)):
            return None  # 确保2025年底前: a date; 3年内, 5年后: a time limit or a date
    else:
        if comparator is None:
            return None  # 一村一辅警, 三星: Chinese numerals only count after a comparator (不低于两万元)
        value, unit = _chinese_number(groups["cncount"]), groups["cnunit"]
        if value is None or (unit == "次" and _SESSION_AFTER.match(after)):
            return None
    if value is None:
        return None
    end = match.end()
    after_match = _AFTER.match(after)
    if after_match:
        end += after_match.end()
        if comparator in (None, "≥", "≤", "="):  # 突破300人以上 stays >, 同比下降10%以上 stays a reported change
            comparator = "≥" if after_match.group("ge") else "≤" if after_match.group("le") else "≈"
    elif unit in _TIME_UNITS and _TIME_LIMIT.match(after):
        end += 1
        comparator = "≤"
    if comparator is None:
        if unit in _TIME_UNITS:
            return None  # 24小时网上巡查 is an operating regime; a time target has 内 or a comparator
        comparator = "="
    word_before = phrase_start < match.start()
    reached = comparator == "≥" and not after_match and bool(_LEVEL_REACHED.match(before[phrase_start:]))
    return _Quantity(
        Span(match.start(), match.end()), value, unit, comparator, phrase_start, end, word_before, bool(reported),
        reached, bool(revision),
    )


def _is_threshold(clause: str, quantity: _Quantity, later: list[_Quantity]) -> bool:
    """A count before 的 that qualifies the noun of a later figure's indicator sets no figure of its own:
    营业收入500万元以上的企业达到80家, 存栏100头以上的养殖场占比达到70% (the threshold stays in the indicator).
    A share before its subject is a figure (70%以上的事项…), and a list (建设5个以上的站点和10个…) counts each."""
    if quantity.unit in ("%", "‰", "ratio") or not later or not later[0].word_before:
        return False
    if not clause.startswith("的", quantity.end) or not _starts_noun(clause[quantity.end + 1:]):
        return False
    return not _LIST_JOINT.search(clause, quantity.end, later[0].phrase_start)


def _slogan_count(clause: str, quantity: _Quantity) -> bool:
    """A count in Chinese numerals printed twice or more in one clause beats a slogan's rhythm, it sets no figure:
    建一处、成一处、用一处 / 改一间、验一间 (a figure is printed once)."""
    printed = clause[quantity.span.start:quantity.span.end]
    return not any(char.isdigit() for char in printed) and clause.count(printed) > 1


def _comparator_before(before: str) -> tuple[str | None, int]:
    """The last comparator word shortly before a number, with no other number between, and where it starts."""
    last_digit = max((m.end() for m in re.finditer(r"\d", before)), default=0)
    window_start = max(len(before) - _BEFORE_REACH, last_digit)
    best = None
    for match in _BEFORE_RE.finditer(before, window_start):
        best = match
    if best is None:
        return None, len(before)
    symbol = _BEFORE_SYMBOLS[int(best.lastgroup[1:])]
    return symbol, best.start()


def _share_list_comparator(clause: str, quantities: list[_Quantity]) -> None:
    """A comparator governs the whole 、-list it opens: 达到A3000个、B300处 -> both ≥; so does a change against
    last year: 同比分别下降25%和40% -> both 同比下降."""
    for previous, current in zip(quantities, quantities[1:]):
        between = clause[previous.end:current.span.start]
        if current.comparator == "=" and previous.word_before and between.startswith("、"):
            current.comparator, current.word_before, current.reached = previous.comparator, True, previous.reached
        elif current.comparator == "=" and previous.reported and _LIST_JOINT.fullmatch(between):
            current.comparator, current.reported = previous.comparator, True


def _starts_noun(text: str) -> bool:
    return bool(text) and "\u4e00" <= text[0] <= "\u9fff"


def _indicator(clause: str, start: int, end: int, quantity: _Quantity) -> Span:
    """The noun phrase a quantity is about: before it (覆盖率达到100%), or after a count (建设72家智安校园)."""
    after = clause[quantity.end:]
    standard = _STANDARD_FOR.match(after)
    if standard:
        return Span(quantity.end + standard.start("noun"), quantity.end + standard.end("noun"))
    follows = _COUNTED_NOUN.match(after)
    if quantity.unit not in ("%", "ratio") and follows and _starts_noun(after):
        noun = follows.group(0)
        return Span(quantity.end, quantity.end + len(noun))
    start = max(start, clause.rfind(":", start, end) + 1)  # 呈现“四下降”:即刑事立案数下降… -> 刑事立案数
    phrase = clause[start:end]
    lead = _LEAD_WORDS.match(phrase)
    offset = lead.end() if lead else 0
    phrase = _DATE_WORDS.sub(lambda m: " " * len(m.group(0)), phrase)
    words = phrase[offset:]
    stripped = words.strip()
    lead = _LEAD_WORDS.match(stripped)
    stripped = stripped[lead.end():] if lead else stripped
    stripped = _TRAIL_WORDS.sub("", stripped).strip()
    subject = _AGENCY_SUBJECT.match(stripped) or _LOCATIVE.match(stripped)
    if subject:
        stripped = stripped[subject.end():]
    verbs = _COUNT_VERBS.match(stripped) if quantity.unit not in ("%", "ratio") else None
    if verbs and quantity.word_before and "的" in stripped[verbs.end():]:
        verbs = None  # 开设托班的幼儿园达到800所: the verb opens a relative clause of the subject, it is no predicate
    if verbs and len(stripped) - verbs.end() >= 2:
        stripped = stripped[verbs.end():]
    if not stripped:  # 建成3个以上的示范村: nothing before names it, the noun after 的 does
        noun = _COUNTED_NOUN.match(clause, quantity.end + 1) if clause.startswith("的", quantity.end) else None
        if quantity.unit not in ("%", "ratio") and noun and _starts_noun(noun.group(0)):
            return Span(noun.start(), noun.end())
        return Span(end, end)
    begin = start + phrase.index(stripped, offset)
    return Span(begin, begin + len(stripped))


def _respective_names(clause: str, quantities: list[_Quantity], earlier: list[Target]) -> list[str]:
    """The indicators 分别 refers the clause's values to: the last figures of the sentence before it, one per
    value (发生事故3起、死亡3人,同比分别下降25%和40%); none when the numbers do not pair up or when the clause
    names its indicator before 分别 (两项收入分别增长5%和7%: both values are its)."""
    if _RESPECTIVELY not in clause or len(quantities) < 2 or len(earlier) < len(quantities):
        return []
    head = _DATE_WORDS.sub("", clause[:clause.index(_RESPECTIVELY)])
    lead = _LEAD_WORDS.match(head)
    if not _RESPECTIVE_BASE.fullmatch(head[lead.end() if lead else 0:].strip()):
        return []  # 居民人均消费支出分别增长4.5%和6%: the clause names its own indicator
    return [target.indicator for target in earlier[-len(quantities):]]


def _between_word_and_value(clause: str, quantity: _Quantity) -> Span | None:
    """The words between a comparator word and its number, when nothing before the word names the measure:
    建成规模达到高清探头2000个 -> 高清探头."""
    word = _BEFORE_RE.match(clause, quantity.phrase_start)
    if word is None:
        return None
    start, end = word.end(), quantity.span.start
    while start < end and not _starts_noun(clause[start:end]):
        start += 1
    while end > start and not _starts_noun(clause[end - 1]):
        end -= 1
    if end - start < 2 or _DATE_WORDS.fullmatch(clause[start:end]):
        return None
    return Span(start, end)


# Where the phrase after a share ends: at the next comparator word, number or clause mark.
_PHRASE_END = re.compile(rf"{_BEFORE_RE.pattern}|\d|[,;。]")


def _following_phrase(clause: str, quantity: _Quantity) -> Span:
    """What a share printed before its subject is a share of: 70%以上网上申办事项到现场办理次数不超过1次 ->
    网上申办事项到现场办理次数; 60%的村建成… -> 村建成…. Empty when no noun phrase follows."""
    start = quantity.end + (1 if clause[quantity.end:quantity.end + 1] == "的" else 0)
    if quantity.unit not in ("%", "‰") or not _starts_noun(clause[start:]):
        return Span(quantity.end, quantity.end)
    stop = _PHRASE_END.search(clause, start)
    phrase = _TRAIL_WORDS.sub("", clause[start:stop.start() if stop else len(clause)]).rstrip()
    return Span(start, start + len(phrase))


def _printed_indicator(normalized: str, printed: str) -> str:
    """The printed indicator without the dates and spaces its normalized form shows (both have one length)."""
    dropped = {i for match in _DATE_WORDS.finditer(normalized) for i in range(match.start(), match.end())}
    return "".join(c for i, c in enumerate(printed) if i not in dropped and not normalized[i].isspace())


def _split_measures(indicator: str) -> list[str]:
    """采集率、准确率 names two measures that share a value; 城市、城镇设置率 names one."""
    parts = indicator.split("、")
    if len(parts) > 1 and all(_MEASURE_SUFFIX.search(part) for part in parts):
        return parts
    return [indicator]


def _printed_year(text: str, sentence: Span, position: int) -> int | None:
    """The last year printed before the quantity in its sentence: 2021年底前实现… / 到2025年… / “十四五”期末."""
    before = text[sentence.start:position]
    candidates = [
        (m.end(), int(m.group(1))) for m in _YEAR.finditer(before)
        if not _BASELINE_YEAR_BEFORE.search(before, 0, m.start()) and not _BASELINE_YEAR_AFTER.match(before, m.end())
    ]
    for match in _FIVE_YEAR_PERIOD.finditer(before):
        number = _CN_DIGITS[match.group(1)] + 10
        candidates.append((match.end(), 1981 + 5 * (number - 6) + 4))
    return max(candidates)[1] if candidates else None


def _without_table_repeats(targets: list[Target], tasks: list[Task]) -> list[Target]:
    """``targets`` less those a task table repeats from the body: a figure in a table row that restates an outline
    task (``table_links`` made the task its parent) with the same indicator, comparator, value, unit, year and kind
    as a figure of that task (or of a task inside it) in the body. The body's figure stays: it comes first, its
    sentence says more than a cell, and its task is the piece of work itself rather than the table's record of it.
    A figure a table states for another task, or for another year, is a target of its own and stays."""
    by_id = {task.id: task for task in tasks}
    body_figures: dict[tuple, list[Target]] = {}
    for target in targets:
        task = by_id.get(target.task or "")
        if task is not None and task.source != "table":
            body_figures.setdefault(_figure(target), []).append(target)
    kept = []
    for target in targets:
        work = _repeated_work(by_id.get(target.task or ""), by_id)
        if work is None or not any(_is_within(by_id.get(body.task or ""), work, by_id)
                                   and _same_indicator(body.indicator, target.indicator)
                                   for body in body_figures.get(_figure(target), [])):
            kept.append(target)
    return kept


def _figure(target: Target) -> tuple:
    return target.comparator, target.value, target.unit, target.year, target.kind


def _same_indicator(one: str, other: str) -> bool:
    """Equal indicators, or one the other less words before it (a cell drops 全市 or a verb: 全市覆盖率 / 覆盖率)."""
    one, other = normalize_label(one), normalize_label(other)
    return bool(one and other) and (one.endswith(other) or other.endswith(one))


def _repeated_work(task: Task | None, by_id: dict[str, Task]) -> Task | None:
    """The outline task a table row (or a sub-row of one) repeats; None for a row of work of its own, or for a
    task that is no table row."""
    if task is None or task.source != "table":
        return None
    while task is not None and task.source == "table":
        task = by_id.get(task.parent or "")
    return task


def _is_within(task: Task | None, outer: Task, by_id: dict[str, Task]) -> bool:
    while task is not None:
        if task is outer:
            return True
        task = by_id.get(task.parent or "")
    return False


def _task_at(tasks: list[Task], evidence: Span) -> str | None:
    """The innermost task whose text holds the evidence."""
    holders = [task for task in tasks if task.span.contains(evidence)]
    return min(holders, key=lambda task: len(task.span)).id if holders else None


def _fallback_year(target: Target, tasks: list[Task], plan: PlanMeta, dated: list[tuple[Span, int]]) -> int | None:
    """The due year of the task (or of an enclosing task, within a box), else the year in the heading of the section
    (三、2024年工作计划), else for an annual plan: its year, the year before for what it looks back on, the year
    after for what a year's report looks ahead to."""
    by_id = {task.id: task for task in tasks}
    task = by_id.get(target.task) if target.task else None
    while task is not None:
        if task.due is not None and task.due.year is not None:
            return task.due.year
        parent = by_id.get(task.parent) if task.parent else None
        if _boxed(task) and parent is not None and parent.category != task.category:
            break  # a box (专栏) item takes no year from outside its box, such as the item printed before the box
        task = parent
    holders = [(span, year) for span, year in dated if span.contains(target.evidence)]
    if holders:
        return min(holders, key=lambda holder: len(holder[0]))[1]
    if not _is_annual(plan):
        return None
    if _is_report(plan):
        return plan.period_start + (1 if target.kind == "target" else 0)
    return plan.period_start - (1 if target.kind == "achieved" else 0)


def _boxed(task: Task) -> bool:
    """An item of a box (专栏N title): an outline task that carries the box title as its category."""
    return task.source == "outline" and task.category is not None


def _is_annual(plan: PlanMeta) -> bool:
    """A plan of one year: of an annual kind (工作计划, 年度…), or whose title names that one year whatever its kind
    (2024年稳就业实施方案); a 实施方案 dated only by its issue is no year's plan."""
    one_year = plan.period_start is not None and plan.period_start == (plan.period_end or plan.period_start)
    annual = plan.kind in ANNUAL_KINDS or (plan.kind is not None and "年度" in plan.kind)
    titled = {int(year) for year in _YEAR.findall(normalize(plan.title or ""))} == {plan.period_start}
    return one_year and (annual or titled)


def _is_report(plan: PlanMeta) -> bool:
    return plan.kind is not None and any(plan.kind.endswith(kind) for kind in REPORT_KINDS)


def _expansions(text: str) -> list[Span]:
    """The expansions of the quoted numeral shorthands of ``text`` (the parenthesis or 即 clause after them)."""
    spans = []
    for match in _EXPANSION.finditer(text):
        if is_numeral_shorthand(match.group("label")):
            body = "paren" if match.group("paren") else "is"
            spans.append(Span(match.start(body), match.end(body)))
    return spans


def _horizons(text: str) -> list[tuple[Span, int]]:
    """The dash items under a goal section's horizon line, with its year (到2025年 -> 2025; "十四五"末 -> 2025)."""
    horizons, spans = [], lines(text)
    for index, line in enumerate(spans):
        head = _HORIZON_LINE.match(text, line.start, line.end)
        if head is None:
            continue
        year = _printed_year(text, Span(line.start, head.end()), head.end())
        end = index + 1
        while end < len(spans) and _DASH_ITEM.match(text, spans[end].start, spans[end].end):
            end += 1
        if year is not None and end > index + 1:
            horizons.append((Span(spans[index + 1].start, spans[end - 1].end), year))
    return horizons


def _dated_sections(text: str) -> list[tuple[Span, int]]:
    """Sections whose heading names one year (三、2024年工作计划), with that year; 二、"十三五"(2016年至2020年)…
    names a period, not a year."""
    dated = []
    for section in _sections(text, _DATED_HEADING):
        line_end = text.find("\n", section.start)
        years = {int(year) for year in _YEAR.findall(text, section.start, line_end if line_end >= 0 else len(text))}
        if len(years) == 1:
            dated.append((section, years.pop()))
    return dated


def _sections(text: str, heading: re.Pattern) -> list[Span]:
    """Sections whose heading matches (一、主要成就与面临形势): from their heading to the next sibling."""
    sections = []
    for match in heading.finditer(text):
        style = next((s for s in _HEADING_STYLES if s.match(match.group(0))), None)
        end = len(text)
        line_end = text.find("\n", match.end())
        if style is not None and line_end >= 0:
            sibling = re.compile(style.pattern, re.MULTILINE).search(text, line_end)
            end = sibling.start() if sibling else len(text)
        sections.append(Span(match.start(), end))
    return sections


def _spans(text: str, separator: re.Pattern, offset: int = 0) -> list[Span]:
    spans, start = [], 0
    for match in separator.finditer(text):
        if match.start() > start:
            spans.append(Span(offset + start, offset + match.start()))
        start = match.end()
    if start < len(text):
        spans.append(Span(offset + start, offset + len(text)))
    return spans


def _number(printed: str | None) -> float | None:
    if printed is None:
        return None
    return float(printed.replace("、", "."))


def _chinese_number(printed: str) -> float | None:
    """两万 -> 20000, 十五 -> 15, 三百 -> 300; None for strings that are not a plain numeral (亿 of 亿元 alone is
    a magnitude without its number)."""
    if not printed.strip("万亿"):
        return None
    total, section, digit = 0, 0, None
    for char in printed:
        if char in _CN_DIGITS:
            if digit is not None:
                return None  # 一二: a list of digits, not a number
            digit = _CN_DIGITS[char]
        elif char in ("十", "百", "千"):
            section += (1 if digit is None else digit) * _CN_UNITS[char]
            digit = None
        else:  # 万, 亿
            total += (section + (digit or 0)) * _CN_UNITS[char]
            section, digit = 0, None
    return float(total + section + (digit or 0))


# --- main-indicator tables ---------------------------------------------------------------------------------------
# A plan's table of main indicators (主要指标) lists one measure per row with its unit, its value at the start of
# the period and the value to reach, often with the indicator's nature (预期性/约束性):
#   序号 | 指标 | 单位 | 2020年基期值 | 2025年目标值 | 属性
#   类别 | 指标名称 | 计量单位 | 现状值 | 规划目标值 | 指标属性
# written one row per line (cells between tabs, | or wide spaces) or one cell per line. Each target-value cell is a
# target of the column's year (else the period's end); each base-value cell a figure achieved in the column's year
# (else the year before the period). A value cell prints its comparator (≥98, ≤1, 95以上) or none (=); [500] and
# 〔16〕 are totals over the period, still = 500. The 属性 cell gives every figure of its row the indicator's nature.
_INDICATOR_COLUMNS: list[tuple[str, re.Pattern[str]]] = [
    ("number", re.compile(r"^(?:序号|编号)$")),
    ("category", re.compile(r"^(?:类别|分类|领域|维度|类型)$")),
    ("attribute", re.compile(r"属性|性质")),
    ("unit", re.compile(r"^(?:计量)?单位$")),
    ("base", re.compile(r"基期|基准|基数|现状|现值|实际值|完成值")),
    ("target", re.compile(r"目标|预期值|规划值")),
    ("year", re.compile(r"^(?:19|20)\d{2}年?(?:值|底|末)?$")),  # a bare year: base before the period, else target
    ("indicator", re.compile(r"^(?:主要|具体|核心)?指标(?:名称|内容|项)?$")),
    # columns read past: 年均增长 | 增速 | 备注 | 责任单位 | 牵头部门 | 数据来源
    ("other", re.compile(r"年均|增速|增幅|增长|备注|说明|责任|牵头|来源")),
]
_INDICATOR_ROW_SEPARATOR = re.compile(r"\t+|\s*[|｜]\s*|[ \u3000\u00a0]{2,}")
_VALUE_CELL = re.compile(
    r"^(?P<before>≥|≤|>|<|≈|约|不低于|不少于|不高于|不超过)?\s*[\[〔【(]?\s*(?P<number>-?\d+(?:\.\d+)?)\s*[\]〕】)]?"
    r"\s*(?P<unit>%|‰)?\s*(?P<after>以上|以下|以内|左右)?$"
)
_CELL_COMPARATORS = {"≥": "≥", "不低于": "≥", "不少于": "≥", "以上": "≥", "≤": "≤", "不高于": "≤", "不超过": "≤",
                     "以下": "≤", "以内": "≤", ">": ">", "<": "<", "≈": "≈", "约": "≈", "左右": "≈"}
_NO_UNIT = {"", "-", "—", "--", "——", "/", "无", "－"}  # a cell left empty
_TABLE_STOP = re.compile(r"^(?:注|说明|备注|资料来源)\s*[:：]|^第[一二三四五六七八九十]+[章节]|^[一二三四五六七八九十]+、")


@dataclass
class _IndicatorTable:
    span: Span  # header to last row
    targets: list[Target]


def indicator_tables(document: Document, plan: PlanMeta) -> list[_IndicatorTable]:
    """The main-indicator tables of ``document`` with their figures."""
    text = fold_years(normalize(document.text))
    spans = lines(document.text)
    tables, index = [], 0
    while index < len(spans):
        table, index = _read_indicator_table(document.text, text, spans, index, plan)
        if table is not None:
            tables.append(table)
    return tables


def _column_of(cell: str) -> str | None:
    cell = re.sub(r"\s+", "", cell)
    return next((kind for kind, pattern in _INDICATOR_COLUMNS if pattern.search(cell)), None) if len(cell) <= 12 else None


def _is_indicator_header(columns: list[str | None]) -> bool:
    return None not in columns and columns.count("indicator") == 1 and bool({"target", "base", "year"} & set(columns))


def _read_indicator_table(original: str, text: str, spans: list[Span], index: int,
                          plan: PlanMeta) -> tuple[_IndicatorTable | None, int]:
    """The table whose header starts at line ``index``, and the line after it; (None, index + 1) for other lines."""
    line = text[spans[index].start:spans[index].end]
    cells = [c for c in _INDICATOR_ROW_SEPARATOR.split(original[spans[index].start:spans[index].end]) if c.strip()]
    if len(cells) >= 3 and _is_indicator_header([_column_of(c) for c in cells]):  # one row per line
        header = [normalize(c) for c in cells]
        rows, end = [], index + 1
        while end < len(spans) and not _TABLE_STOP.match(text[spans[end].start:spans[end].end]):
            row = _row_cells(original, spans[end])
            if len(row) < 3:
                break
            rows.append(row)
            end += 1
        return _indicator_figures(original, header, rows, plan, spans[index].start), end
    if _column_of(line) is None:
        return None, index + 1
    end = index  # one cell per line: the header is the run of lines that name columns
    while end < len(spans) and _column_of(text[spans[end].start:spans[end].end]) is not None:
        end += 1
    header = [text[s.start:s.end] for s in spans[index:end]]
    if not _is_indicator_header([_column_of(c) for c in header]):
        return None, index + 1
    # A numbered table's rows start at the next 序号 (1, 2, 3 …); else every len(header) cells make a row.
    rows, row, numbered, next_number = [], [], _column_of(header[0]) == "number", 1
    while end < len(spans):
        cell_text = text[spans[end].start:spans[end].end]
        if _TABLE_STOP.match(cell_text) or len(cell_text) > 40:
            break
        if numbered and cell_text == str(next_number) and (not row or len(row) >= len(header) - 1):
            next_number += 1
            if row:
                rows.append(row)
                row = []
        row.append(spans[end])
        if not numbered and len(row) == len(header):
            rows.append(row)
            row = []
        end += 1
    if row:
        rows.append(row)
    return _indicator_figures(original, header, rows, plan, spans[index].start), end


def _row_cells(original: str, line: Span) -> list[Span]:
    """The cells of a row line as spans of the original text."""
    cells, start = [], line.start
    for separator in _INDICATOR_ROW_SEPARATOR.finditer(original, line.start, line.end):
        if separator.start() > start:
            cells.append(Span(start, separator.start()))
        start = separator.end()
    if start < line.end:
        cells.append(Span(start, line.end))
    return cells


def _indicator_figures(original: str, header: list[str], rows: list[list[Span]], plan: PlanMeta,
                       start: int) -> _IndicatorTable:
    columns = [_column_of(cell) for cell in header]
    years = [_header_year(cell, kind, plan) for cell, kind in zip(header, columns)]
    columns = [("base" if plan.period_start is not None and year is not None and year < plan.period_start else "target")
               if kind == "year" else kind for kind, year in zip(columns, years)]
    targets: list[Target] = []
    end = start
    for row in rows:
        end = max(end, row[-1].end)
        cells = _aligned(original, columns, row)
        if "indicator" not in cells:
            continue
        indicator = _cell_text(original, cells["indicator"])
        unit = _cell_text(original, cells["unit"]) if "unit" in cells else ""
        attribute = _NATURE_CELL.match(normalize(_cell_text(original, cells["attribute"]))) if "attribute" in cells else None
        row_span = Span(row[0].start, row[-1].end)
        for position, kind in enumerate(columns):
            cell = cells.get((kind, position)) if kind in ("target", "base") else None
            if cell is None:
                continue
            printed = _cell_text(original, cell)
            value = _VALUE_CELL.match(normalize(printed))
            if value is None:
                continue  # — : no value
            comparator = _CELL_COMPARATORS.get(value.group("before") or value.group("after") or "", "=")
            targets.append(Target(
                indicator=indicator, comparator=comparator if kind == "target" else "=",
                value=float(value.group("number")),
                unit=value.group("unit") or (None if normalize(unit) in _NO_UNIT else unit),
                year=years[position], value_text=printed, evidence=cell, sentence=row_span,
                kind="target" if kind == "target" else "achieved",
                nature=NATURES[attribute["nature"]] if attribute else None,
            ))
    return _IndicatorTable(Span(start, end), targets)


def _cell_text(original: str, cell: Span) -> str:
    return original[cell.start:cell.end].strip()


def _is_value(original: str, cell: Span) -> bool:
    """A value cell: a number with its comparator, or the dash of a value not given."""
    printed = normalize(_cell_text(original, cell))
    return bool(_VALUE_CELL.match(printed)) or printed in _NO_UNIT


def _aligned(original: str, columns: list[str | None], row: list[Span]) -> dict:
    """The row's cells by column: ``{kind: cell}`` for the text columns, ``{(kind, position): cell}`` for the value
    columns. A row with a cell per column is read by position. Rows often print fewer cells than the header names:
    a category spanning several rows, an empty value (— for a new indicator) or unit that the page dropped. So the
    text columns before the values are matched from
    the right (the category is what goes missing; a short cell at the end is the unit), the values from the right
    (the base value is what goes missing) and the columns after them (属性) from the left."""
    value_positions = [i for i, kind in enumerate(columns) if kind in ("target", "base")]
    if not value_positions:
        return {}
    if len(row) == len(columns):  # every cell printed: by position
        return {(kind, i) if i in value_positions else kind: cell for i, (kind, cell) in enumerate(zip(columns, row))}
    first_value = next((i for i, cell in enumerate(row) if _is_value(original, cell)
                        and not (i == 0 and columns[0] == "number")), len(row))
    last_value = first_value
    while last_value < len(row) and _is_value(original, row[last_value]):
        last_value += 1
    lead, values, tail = row[:first_value], row[first_value:last_value], row[last_value:]
    cells: dict = {}
    lead_columns = columns[:value_positions[0]]
    if lead and lead_columns and lead_columns[0] == "number" and re.fullmatch(r"\d{1,3}", _cell_text(original, lead[0])):
        lead = lead[1:]
    text_columns = [kind for kind in lead_columns if kind in ("category", "indicator", "unit")]
    if "unit" in text_columns and len(lead) < len(text_columns) and lead and not _looks_like_unit(original, lead[-1]):
        text_columns.remove("unit")  # the unit cell is the one missing
    for kind, cell in zip(reversed(text_columns), reversed(lead)):
        cells[kind] = cell
    for position, cell in zip(reversed(value_positions), reversed(values)):
        cells[(columns[position], position)] = cell
    for kind, cell in zip(columns[value_positions[-1] + 1:], tail):
        cells.setdefault(kind, cell)
    return cells


def _looks_like_unit(original: str, cell: Span) -> bool:
    """万条, 工作日, 年一遇, %, 微克/立方米: short, and no name of a measure (…率, …量, …数, …时间)."""
    printed = normalize(_cell_text(original, cell))
    return len(printed) <= 6 and not re.search(r"(?:率|量|数|时间|比例|比重|占比|指数|系数|面积|总额|总值)$", printed)


def _header_year(cell: str, kind: str | None, plan: PlanMeta) -> int | None:
    """The year a value column is for: printed in its header (2025年目标值), else the period's end for targets and
    the year before the period for base values."""
    printed = re.search(r"(?:19|20)\d{2}", cell)
    if printed:
        return int(printed.group(0))
    if kind in ("target", "year"):
        return plan.period_end
    if kind == "base" and plan.period_start is not None:
        return plan.period_start - 1
    return None
