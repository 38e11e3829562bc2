"""Agencies: recognized, normalized within the plan's jurisdiction, linked to tasks and responsibilities.

Recognition is by form, not by a list of names: a jurisdiction (市, 县, 区…, or a place the plan itself names)
followed by a department and an organ word (局, 委, 办, 厅, 部, 院, 中心, 政府, 领导小组…), plus bare organs
(政法委, 派出所) and collective subjects (各相关部门, 公安机关, 牵头单位主要负责同志) where they state a duty.

Responsibilities are read clause by clause from explicit statements (the cue is kept in ``Responsibility.pattern``):

| cue                  | example                                         |
|----------------------|-------------------------------------------------|
| X负责Y               | 县水利局负责农村供水工程建设                     |
| 由X牵头(, Y配合)     | 由县财政局牵头,县发展改革局配合                  |
| X牵头 / 发挥牵头作用  | 卫健委牵头的联防机制; 公安机关要发挥牵头作用      |
| 由X + verb           | 由区应急办制定考核办法                           |
| X组织协调            | 安委会组织协调                                   |
| X按照职责分工…       | 各有关单位要按照职责分工,抓好落实                |
| (X根据职责分工…)     | …壁垒。(各有关部门根据职责分工落实)             |
| X是/为…责任人        | 各乡镇主要领导为第一责任人                       |
| 领导小组办公室       | 领导小组下设办公室,办公室设在县应急局             |
| X落实…责任           | 各县区政府要落实属地管理责任                      |
| X要/应/须 + work     | 各乡镇要结合实际制定配套措施 (X an organ or a collective) |
| (X牵头, Y配合)       | …全覆盖。(县政务服务中心牵头,县公安局配合)        |
| (X、Y) / (X, 6月底前) | …整治30条。(区城管局、各街道办事处)              |
| 牵头单位：X (label)  | 1.新建口袋公园3个。\n牵头单位：县住建局           |

A parenthesis naming owners and a labelled line (牵头/责任/配合单位：…; 责任领导：<person> names no agency) state
who does the work before them, not the work: their text is that task's title, or the words before them outside a
task. Labels give the role: 牵头 lead, 配合/协办/协助/参与 supporting, others responsible. The group's office named
bare (领导小组办公室负责…) is the office of the group set up before it; a department's own offices named bare (局办公室)
belong to the issuing department, also where its party group (中共某局党组) signs the plan.

Principles without an agency (属地负责, 谁主管、谁负责) and roles (发挥骨干作用) are not responsibilities.

A collective subject (各区县政府负责落实…, 市级各有关部门按职责分工负责, (X牵头，区级各有关部门按职责分工负责)) does
hold a responsibility: it names who answers for the work, as the gold's 各相关部门 and 各牵头单位 do. Its agency is
marked ``collective`` (``is_collective``), since it stands for every organ of a kind, not for one organ; the
collective keeps its printed name (各街道办事处 is not resolved to one place's offices).
"""

from __future__ import annotations

import re

from plankg.ingest.dates import parse_due
from plankg.ingest.facts import AgencyRef, Document, Heading, PlanMeta, Responsibility, Span, Task
from plankg.ingest.outline import LINE_STYLES
from plankg.ingest.text import normalize, sentences

_CJK = "\u4e00-\u9fff"
# Characters that never sit inside an organ's name: particles and prepositions that end or start a phrase.
_STOP = "的在对由为是要了将把被向从按以与及等并或各全负、,;:。\"'()《》"
# 安全 is one word of a name (安全生产委员会, 食品安全办公室) although 全 alone opens a phrase (全市, 全面).
_BODY = rf"(?:安全|[{_CJK}](?<![{_STOP}]))"
# A place name does not end right before another level (the 市 of 某市县区 is no place), but a city's market
# regulator follows its name: 某市市场监督管理局 is 某市 + 市场监督管理局.
_NOT_PLACE_END = r"(?![县区]|市(?!场))"
# A one-character jurisdiction (市财政局); not the 市 of 全市, 城市, 县市区 …
_SHORT_PLACE = r"(?<![全本我该此各城都超门上郊县市区省镇乡州])[省市县区镇乡]"
_PLACE = rf"{_BODY}{{1,5}}?(?:省|自治区|市|自治州|州|盟|县|区|旗|镇|乡|街道){_NOT_PLACE_END}"
_SUFFIX = (
    # X委会 is X委员会 in short (管委会, 安委会); the 部 of 有关部门 is no organ word
    r"(?:人民政府|政府|人大常委会|人大|政协|委员会|领导小组|办公室|办公厅|办事处|委会|管理委员会|指挥部|工作专班|"
    r"党委|党组|纪委|监委|法院|检察院|分局|局|委|办|厅|署|院|部(?!门)|中心|派出所|所|支队|大队|中队"
    # people's organizations: 市工商联, 县妇联, 区科协, 市总工会
    r"|工商联|妇联|残联|侨联|文联|社科联|科协|总工会|红十字会)"
)
# Units under an organ: 市公安局治安支队, 市人民政府办公室, 县政府督查室, 市委政法委, 市委网信办. An organ's offices
# named …室 are those of its work (督查室, 研究室, 信访室), never a room (会议室, 档案室).
_OFFICE_ROOM = r"(?:督查|督察|督办|政策研究|研究|信访|参事|法制|机要|保密)室"
_UNIT = (rf"(?:办公室|办公厅|{_OFFICE_ROOM}|政法委|宣传部|组织部|统战部|网信办|编办"
         rf"|{_BODY}{{1,4}}?(?:分局|支队|大队|中队|派出所))")
# An organ after a one-character jurisdiction: 市公安局, 县人民政府办公室, 区委.
ORGAN = rf"{_SHORT_PLACE}{_BODY}{{0,10}}?{_SUFFIX}{_UNIT}?"
# Organs printed without a jurisdiction: types of organ every jurisdiction has (政法委, 派出所), and X委 standing alone.
BARE_ORGANS = [
    "政法委", "禁毒委", "纪委", "监委", "编委", "网信委", "安委会", "综治委", "卫健委", "发改委", "教委", "农委", "住建委",
    "减灾委", "防指", "防汛办", "安委办", "防控办", "综治办", "网信办", "编办", "平安办", "妇联", "团委", "总工会",
    "残联", "科协", "派出所", "公安分局", "交警大队", "消防救援大队",
]
# Verbs that set up or act on an organ: 成立县医共体建设工作领导小组 is an act, 成立县 no place.
_VERBS = r"成立|组建|设立|建立|健全|推动|推进|加强|支持|督促|依托|落实|开展|指导|协调|组织"
# Where a name without a jurisdiction may start: after no character of a word, never at a verb (推动口岸海关 and
# 组建应急救援大队 name no organ).
_WORD_START = rf"(?:(?<![{_CJK}])|(?<=[{_STOP}]))(?!{_VERBS})"
# Local offices of national organs, printed without a jurisdiction of the plan: 人民银行某市分行 / 中国人民银行某县支行,
# 国家金融监督管理总局某监管分局 / 国家税务总局某市税务局, 某海关.
_BRANCH = (rf"(?:中国)?人民银行{_BODY}{{0,8}}?(?:中心支行|分行|支行)"
           rf"|国家{_BODY}{{2,12}}?总局{_BODY}{{1,10}}?(?:分局|局)")
_CUSTOMS = rf"{_WORD_START}{_BODY}{{2,6}}?海关"
# A bare organ with its unit (公安分局交警大队), X委 standing alone, a brigade named by its work (综合执法大队).
# Each starts with the first character of a bare organ, of (中国)人民银行 or of 国家, or else after no Chinese
# character (X委): tested first, so that the alternatives are not all tried at every position of a text.
_BARE_FIRST = "".join(sorted({organ[0] for organ in BARE_ORGANS} | set("中人国")))
_BARE_NAMED = (rf"(?:(?=[{_BARE_FIRST}])|(?<![{_CJK}]))"
               rf"(?:(?:{'|'.join(BARE_ORGANS)})(?:{_UNIT})?|(?<![{_CJK}]){_BODY}{{2}}委|{_BRANCH})")
_BARE_AT_WORD_START = rf"{_CUSTOMS}|{_WORD_START}{_BODY}{{2,8}}?(?:大队|支队|中队)"
_BARE = f"{_BARE_NAMED}|{_BARE_AT_WORD_START}"
# Collective subjects that take duties: 各相关部门, 公安机关, 牵头单位主要负责同志, 市、县两级党政领导.
# A level may lead a collective: 市级各有关部门, 区直各单位, 区内各银行机构.
_LEVEL = r"(?:[省市县区乡镇](?:级|直|内))?"
_ROLE = (
    rf"{_LEVEL}(?:各|相关|有关|各相关|各有关|各级)?{_BODY}{{0,4}}?(?:部门|单位|机关|机构)(?:主要)?(?:负责人|负责同志)?"
    r"|各?(?:[省市县区乡镇]、)*[省市县区乡镇]+(?:[两三四五]级)?[\u4e00-\u9fff]{0,4}?(?:领导|负责人|负责同志)"
    # the organs of every lower jurisdiction: 各县区政府, 各乡镇人民政府, 各街道办事处, 各县(市、区)教育局
    rf"|各(?:{_BODY}|\([^()]{{1,8}}\)){{1,8}}?{_SUFFIX}"
    # the member units of a body: 区安委会各成员单位, 领导小组成员单位
    rf"|{_BODY}{{2,16}}?各?成员单位"
    # every lower jurisdiction named bare stands for its government: 各县(市、区), 各县区, 各乡镇, 各街道; a town's
    # villages and communities: 各村(社区), 各社区
    r"|各(?:[省市县区乡镇村]|街道|社区)+(?:\([^()]{1,8}\))?"
    # every place and every department at once: 各地各部门, 各地区各有关部门
    r"|各地区?、?各(?:相关|有关)?(?:部门|单位)"
)
# The last character of anything _FULL_ORGAN_RE, _BARE_RE or _ROLE_RE can match (局 of 市财政局, 门 of 各相关部门):
# a prefix ending in another character is no subject, which spares most regular-expression tries. Besides the
# organ words: X委 (_BARE), and the collectives' 部门, 单位, 机关, 机构, 主要, 负责人, 负责同志, 领导 (_ROLE).
_SUBJECT_ENDINGS = frozenset(
    word[-1] for word in re.findall(r"[\u4e00-\u9fff]+", "|".join([_SUFFIX, _UNIT.replace(_BODY, ""), *BARE_ORGANS]))
) | set("委门位关构要人志导行") | set("省市县区乡镇道)")
_SUBJECT_END = re.compile(f"[{''.join(sorted(_SUBJECT_ENDINGS))}]")
_ORGAN_RE = re.compile(ORGAN)
# The organ of a development zone, named by the zone (某某高新区管委会, 某某经济开发区党工委): not 区管委会 alone.
# It starts at a word's start, after 和 or after a verb (推动|某某高新区管委会…).
_ZONE_ORGAN_RE = re.compile(
    rf"(?:(?<![{_CJK}])|(?<=[{_STOP}和])|(?<={_VERBS}))(?!{_VERBS}){_BODY}{{2,8}}?"
    r"(?:高新技术产业开发区|经济技术开发区|开发区|高新区|新区|园区|示范区|试验区)(?:管委会|管理委员会|党工委|工委)")
# A centre, institution or station that is built is a facility, no organ: 建成|乡镇综合养老服务中心, 新建3所|敬老院.
_BUILT = re.compile(r"(?:建成|建设|新建|改建|扩建|改扩建|建好|打造|布局)(?:[\d一二三四五六七八九十百]+[个所家座处])?$")
_FACILITY_END = ("中心", "院", "所", "站")
_BARE_RE = re.compile(_BARE)
# Scanning a whole text, the forms that may start at any word's start (…海关, …大队, …开发区管委会) cost most, as
# they are tried at every position. A text without their last words cannot hold them, so it is scanned without
# those forms: the same matches, found faster.
_BARE_NAMED_RE = re.compile(_BARE_NAMED)
_AT_WORD_START_ENDINGS = re.compile("海关|大队|支队|中队")
_ZONE_ORGAN_ENDINGS = re.compile(r"(?:开发区|高新区|新区|园区|示范区|试验区)(?:管委会|管理委员会|党工委|工委)")
_ROLE_RE = re.compile(_ROLE)
# An organ with its full jurisdiction (临江市教育局, 北岭市南坪区人民政府) or a one-character one (市教育局).
FULL_ORGAN = rf"(?:(?:{_PLACE}){{1,2}}|[省市县区镇乡]){_BODY}{{0,12}}?{_SUFFIX}{_UNIT}?"
_FULL_ORGAN_RE = re.compile(FULL_ORGAN)

# A subject followed by a modal and its work states a duty (X要 + verb): 各县(区)人民政府要把…纳入年度考核,
# 各乡镇要结合实际制定…, 市有关部门应加强协作; not 要求/要点/要素 (nouns and "to ask"), 应用/应急/应对 (words of 应).
_MODAL_DUTY = r"(?:要(?![求点素件害闻是])|应当|应(?![用急对收届运])|须|必须)"
# A unit named by its role in the plan (牵头单位要定期报送…) is whoever holds it, no organ the text names.
_ROLE_NAME = re.compile(r"(?:牵头|责任|配合|协办|主责)(?:单位|部门)$")
# Modal and adverbial words between a subject and its cue: 市公安局要负责…, 各部门主要负责…
_MODAL = r"(?:要|应|应当|须|必须|主要|具体|统一|共同|分别|积极|切实|继续|将|可)*"
_MODAL_ADVERB = r"(?:切实|务必|进一步|积极|主动|认真|全力|继续)"
# Adverbials that may open a clause without a subject: 全年牵头开展…, 同时负责…
_ADVERBIAL = r"(?:全年|今年|年内|同时|此外|另外|先后|累计|主动|积极|还|并|又|共)+"
_CLAUSE = re.compile(r"[^,;:。!?]+")
# Labelled lines after a task, or a labelled parenthesis closing it: 牵头单位：县发改局、县财政局 / 配合单位：… /
# (责任单位：省能源局、省发展改革委) / 【牵头单位：X；配合单位：Y】 / a bureau's own offices: (责任股室：人事股),
# 责任科室：… The label gives the role; a leader or contact person (责任领导：王某某) is no agency.
_UNIT_LABELS = ("单位", "部门", "股室", "科室", "处室")
_LABEL = (r"(?:牵头|责任|主责|主办|承办|配合|协办|协助|参与)(?:单位|部门|股室|科室|处室)|(?:牵头|责任|分管)领导|责任人|联系人"
          r"|(?:完成|办结|整改)(?:时限|时间|期限)")
# A list ends before the next label in the same parenthesis: (牵头单位：X，配合单位：Y，完成时限：…).
_LABELLED = re.compile(
    rf"[(\[【]?\s*(?P<label>{_LABEL})"
    rf"\s*:\s*(?P<list>(?:(?!,\s*(?:{_LABEL})\s*:)(?:[^()\[\]【】\s;。:]|\([^()]*\)|\s+(?=[、,])|(?<=[、,])\s+))+)"
)
_LABEL_ROLES = (("牵头", "lead"), ("配合", "supporting"), ("协办", "supporting"), ("协助", "supporting"),
                ("参与", "supporting"), ("", "responsible"))  # the first word in the label gives its role
# A unit listed under a label or in a parenthesis naming owners, also where its form is no organ's: 经济开发区,
# 各街道, 经济运行专班, 税务局, 县教育局(体育局), a town's 各村(社区) and 各社区, a bureau's 登记注册科 and 督察处.
_LISTED_UNIT = re.compile(rf"[^,;:。、]{{1,20}}?(?:区|县|专班|街道|乡镇|镇|乡|村|社区|单位|部门|公司|集团|协会|站|队|股|科|处"
                          rf"|{_SUFFIX})"
                          r"(?:\([^()]*\))?")
# A parenthesis naming owners: (县生态环境局牵头，县自然资源局配合), (市编办负责), 【区发改局牵头】; cut by a
# sentence end, only its opening or its closing half is in the sentence.
_OWNER_WORDS = "牵头|负责|配合|协助|协办|参与|职责分工"
_IN_PARENTHESIS = r"(?:[^()]|\([^()]*\))*?"  # 各县(市、区)政府配合: one level of parentheses inside
_ATTRIBUTION = re.compile(
    rf"(?P<open>[(\[【]|^)(?P<inner>{_IN_PARENTHESIS}(?:{_OWNER_WORDS}){_IN_PARENTHESIS})(?P<close>[)\]】]|\s*$)")
# A parenthesis of organs alone closing a task's sentence names its owners without a cue: …整治30条。(区城管局、
# 各街道办事处) / 推进X(县发改局)。 / …50公里。【县交通运输局】 Every item must be an organ or a collective (城区、
# 开发区 are places, 公安、卫健 fields), and no owner word may be inside (those are read as clauses: (X牵头，Y配合)).
# A deadline may stand beside them (县水务局，9月底前): it is the task's deadline (``plankg.ingest.tasks``), no owner.
_BARE_OWNERS = re.compile(r"[(\[【](?P<list>[^()\[\]【】]{2,80})[)\]】][。;]*$")
_CLOSINGS = (")", "]", "】", "。", ";")
_GENERIC_UNIT = re.compile(r"(?:部门|单位|机关|机构)")  # 责任科室（单位）: a header's alternative word, no owner
# An enterprise beside an organ among the owners: (县应急管理局、国网某县供电公司), (市住建局、市城投集团).
_ENTERPRISE = re.compile(rf"{_BODY}{{2,16}}?(?:有限责任公司|有限公司|公司|集团)")
# A plan-wide convention naming the lead of every owner list by its place: 括号内第一个单位为牵头单位 / 列第一位的
# 责任单位为牵头单位 / 排在第一位的为牵头单位 (see ``lead_listed_first``).
_FIRST_IS_LEAD = re.compile(r"(?:第一|首)(?:位|个)的?(?:责任)?(?:单位|部门)?(?:为|是)(?:牵头|主责)(?:单位|部门)")
# The number opening an item: 1. (一) 一、 (1).
_ITEM_NUMBERS = [pattern for style, pattern in LINE_STYLES if style not in ("annex", "circled")]
# A role marked on one unit of a labelled list: 责任单位：市发改委(牵头)、市财政局 / 责任单位：X股，各乡镇人民政府配合.
_MARKED_ROLE = re.compile(rf"(?P<name>.+?)\s*(?:\((?P<mark>{_OWNER_WORDS})\)|(?P<trailing>牵头|配合|协助|协办|参与))")
_LIST_ITEM = re.compile(r"(?:[^、,()]|\([^()]*\))+")
# How every unit of a labelled list takes part, after its last item: 责任单位：A、B按职责分工负责 / …分别负责.
_LISTED_MANNER = re.compile(r"(?:按照?|根据|依据)(?:各自)?职(?:责|能)(?:分工)?(?:负责|落实)?$|(?:分别|共同)?负责$")
# Right after a clause's subject: the subject states a duty of its own (…，各县区政府负责…).
_OWN_DUTY = re.compile(rf"{_MODAL}(?:负责(?!人|同志)|牵头(?!单位|部门))")
_LIST_SEPARATOR = re.compile(r"、|和|与|及|以及|会同")
_JOINED_BY = re.compile("会同")  # 由A会同B负责: A leads, B joins

# Party departments printed bare belong to the party committee of the jurisdiction (政法委 -> X市委政法委).
_PARTY_DEPARTMENTS = re.compile(r"政法委|宣传部|组织部|统战部|政法委员会")
_PLACE_PREFIX = re.compile(rf"(?:{_BODY}{{1,5}}?(?:省|自治区){_NOT_PLACE_END})?(?:{_BODY}{{1,5}}?(?:市|自治州|州|盟){_NOT_PLACE_END})?"
                           rf"(?:{_BODY}{{1,5}}?(?:县|区|旗){_NOT_PLACE_END})?")

# The cues of a clause (see the module's table); each regular expression runs only on clauses holding its words.
# A sentence without any of these words holds no statement (each cue below, 由X…, and a 领导小组 as subject).
_STATEMENT_WORD = re.compile(
    rf"负责|责任|牵头|组织协调|职责分工|按照?职|由|配合|协助|参与|领导小组|{_SUBJECT_END.pattern}{_MODAL_DUTY}")
_HOLDER = re.compile(r"(?P<x>.+?)(?:是|为)[^,]{0,20}?(?:责任人|负责人)$")
# A subject taking on a kind of responsibility: 各县区政府要落实属地管理责任 / 行业部门履行监管责任 / 企业承担主体责任.
_OWN_RESPONSIBILITY = r"(?:落实|履行|承担|扛起|压实)好?(?:属地|主体|监管|管理|属地管理|行业监管|主管|领导)+责任"
_OWN_RESPONSIBILITY_RE = re.compile(_OWN_RESPONSIBILITY)
_DUTY_CUE = re.compile(r"负责(?!人|同志|制(?!定)|任)|牵头(?!单位|部门|领导)|组织协调|(?:按照?|根据|依据)职(?:责|能)分工(?:负责)?"
                       rf"|{_OWN_RESPONSIBILITY}")
_MODAL_DUTY_RE = re.compile(rf"(?:{_MODAL_ADVERB})*{_MODAL_DUTY}(?:{_MODAL_ADVERB})*")
_BY = re.compile(rf"由(?P<x>[^由]+?){_MODAL}$")  # 由X牵头 / 由X负责, searched in the words before the cue
# How a subject takes its part, between it and the cue: 各有关部门按职责分工负责 / 根据各自职责负责.
_MANNER = r"(?:按照?|根据|依据)(?:各自)?职(?:责|能)(?:分工)?"
_ADVERBIAL_OR_MODAL = re.compile(rf"^{_ADVERBIAL}|(?:{_MODAL}{_MANNER})?{_MODAL}$")
_SUPPORTING_WORD = re.compile("配合|协助|参与")
_SUPPORTING = re.compile(rf"(?P<x>[^,]+?)(?:{_SUPPORTING_WORD.pattern})$")

# Bodies set up to steer a plan: 领导小组, 工作专班 (专班), 指挥部.
_GROUP_WORD = r"(?:领导小组|工作专班|指挥部)"
_GROUP = re.compile(rf"(?:成立|组建|设立|成立了|的)(?P<name>[^,;:。的]{{2,40}}?{_GROUP_WORD})")
# 领导小组下设办公室, 领导小组设置“十三五”规划实施办公室, 领导小组办公室设在县卫生健康局, 专班办公室设在县交通运输局.
_OFFICE = re.compile(r"(?:领导小组|专班|指挥部)(?:(?:下设|设置|设立)(?P<office>[^,;:。]{0,30}?办公室)"
                     r"|(?P<seat>办公室)(?=设在))")
# The office of the group set up earlier, named bare: 领导小组办公室负责定期通报…
_GROUP_OFFICE = re.compile(rf"{_GROUP_WORD}办公室")
# A person's post in a group is no duty of the organ before it: 由县政府分管副县长任组长.
_POST = re.compile(r"[^,;:。]{0,12}?(?:担任|兼任|任)(?:常务)?副?(?:组长|召集人|总指挥|指挥长|主任|政委|政治委员|秘书长|队长"
                   r"|站长|书记)|[^,;:。]{0,12}?(?:担任|兼任|任)成员")
# A department's own offices, named without the department in the plans it issues: 局办公室, 督察处, 食品安全协调科,
# a county bureau's 人事股, its 办公室 listed bare under a label (责任股室：办公室).
_OWN_UNIT = re.compile(rf"(?:局|委|厅)(?:办公室|机关)|办公室|{_BODY}{{2,10}}?(?:处|科|股)")
_DEPARTMENT_END = ("局", "委", "厅")
_MEMBERS = re.compile(r"(?P<list>[^,;:。]*?)(?:主要)?负责(?:同志|人)为成员")
# Member organs listed after their label: 成员单位为市公安局、市交通运输局… / 成员单位包括… / 成员单位：…
_MEMBER_UNITS = re.compile(r"成员单位(?:为|包括|有|:)\s*(?P<list>[^;。]+)")
# A working group named as the label of its line holds the duty the line states; the organs that make it up are its
# members, no duty-holders: （一）综合协调组：由镇党政办牵头，镇应急办、镇财政所组成，负责信息报送 -> 综合协调组
# 负责信息报送 (镇党政办 leads it, 镇应急办 and 镇财政所 are in it); 宣传专班：由县委宣传部负责，负责舆情引导.
_WORKING_GROUP = re.compile(r"\s*(?P<name>[^,;:。()\s]{1,12}?(?:组|专班|指挥部))\s*:")
_MAKE_UP = re.compile(r"由(?P<lead>[^,;。]+?)(?:牵头|负责)(?=,|$)|(?P<members>[^,;。]+?)(?:组成|参加|参与)(?=,|$)")
_GROUP_DUTY = re.compile(r"(?:主要)?负责(?!人|同志)")


# --------------------------------------------------------------------------------------------------- resolution


def jurisdiction(plan: PlanMeta) -> dict[str, str]:
    """The plan's places by level, from its issuer or title: 临江市人民政府办公室 -> {'市': '临江市'}."""
    for source in (plan.issuer or "", plan.title or ""):
        if source.startswith("关于"):
            continue
        match = _PLACE_PREFIX.match(normalize(source))
        if match and match.group():
            return _levels(source[: match.end()])
    return {}


def _levels(place: str) -> dict[str, str]:
    """北岭市南坪区 -> {'市': '北岭市', '区': '北岭市南坪区'}; each level's name includes the levels above it."""
    levels: dict[str, str] = {}
    for match in re.finditer(r".+?(自治区|自治州|省|市|州|盟|县|区|旗)" + _NOT_PLACE_END, normalize(place)):
        level = {"自治区": "省", "自治州": "市", "州": "市", "盟": "市", "旗": "县"}.get(match[1], match[1])
        levels[level] = place[: match.end()]
    return levels


def resolve_agency(printed: str, plan: PlanMeta) -> str:
    """The full name of an agency as printed (市财政局) within the plan's jurisdiction (临江市财政局)."""
    name = re.sub(r"\s+", "", printed)
    name = re.sub(r"(?<!人民)政府", "人民政府", name)  # 市政府 -> 市人民政府
    places = jurisdiction(plan)
    if not places:
        return name
    folded = normalize(name)  # 縣財政局 resolves like 县财政局
    if folded[0] in "省市县区镇乡" and not _LIST_START.match(folded) and not _LEVEL_COLLECTIVE.match(folded):
        level = {"镇": None, "乡": None}.get(folded[0], folded[0])
        if level in places:
            return places[level] + name[1:]
        return name
    if _PARTY_DEPARTMENTS.fullmatch(folded):
        lowest = list(places.values())[-1]
        return f"{lowest}委{name}"
    if list(places) == ["省"] and _PROVINCIAL_DEPARTMENT.fullmatch(folded):
        return places["省"] + name  # a province plan's 商务厅 is the province's
    return name


# A department only a province has, printed without the province: 商务厅, 交通运输厅 (not 办公厅, which cities have).
_PROVINCIAL_DEPARTMENT = re.compile(rf"{_BODY}{{2,10}}?(?<!办公)厅")
# 市、县两级… and 市县两级… are not one place's organ.
_LIST_START = re.compile(r"[省市县区乡镇](?:、|[省市县区乡镇][两三四五]级)")
# 区直有关部门, 市直各单位, 县级相关部门: the departments of a level, not an organ named 区直…
_LEVEL_COLLECTIVE = re.compile(r"[省市县区乡镇](?:直|级)")


# ---------------------------------------------------------------------------------------------------- recognition


_SPACE = re.compile(r"\s")
_VERB_OPENING = re.compile(_VERBS)


def is_agency(text: str) -> bool:
    """Whether ``text`` as a whole names an organ (临江市人民政府办公室, 市财政局, 政法委)."""
    return _is_folded_agency(normalize(text).strip())


def _is_folded_agency(folded: str) -> bool:
    """``is_agency`` for text already normalized and stripped (normalizing twice changes nothing, but costs)."""
    if _VERB_OPENING.match(folded):
        return False
    return bool(_FULL_ORGAN_RE.fullmatch(folded) or _BARE_RE.fullmatch(folded))


def _is_subject(folded: str) -> bool:
    """An organ or a collective that can hold a duty (各相关部门, 相关部门负责人); ``folded`` is normalized text."""
    return _is_folded_agency(folded.strip()) or bool(_ROLE_RE.fullmatch(folded))


# A collective names every organ of a kind (各街道办事处, 相关街道办事处, 有关部门, 市级各有关部门, 区内各银行机构):
# it holds duties like an organ, but is no one organ, and is marked so (``AgencyRef.collective``).
_COLLECTIVE = re.compile(rf"{_LEVEL}(?:各|相关|有关)")


def is_collective(printed: str) -> bool:
    """Whether ``printed`` names a set of organs rather than one (各区县人民政府, 市级各有关部门, 公安机关); the
    holders of a post are people, not organs (``is_person``)."""
    folded = normalize(printed).strip()
    if is_person(folded):
        return False
    return bool(_COLLECTIVE.match(folded)) or bool(_ROLE_RE.fullmatch(folded)) and not _is_folded_agency(folded)


# A post named by its organ takes duties as people do: 牵头单位主要负责同志, 相关部门负责人, 市、县两级党政领导.
_POST_HOLDER = re.compile(r"(?:负责人|负责同志|领导)$")


def is_person(printed: str) -> bool:
    """Whether ``printed`` names the holders of a post (各乡镇主要负责人, 党政领导) rather than an organ."""
    folded = normalize(printed).strip()
    return bool(_POST_HOLDER.search(folded)) and bool(_ROLE_RE.fullmatch(folded))


def find_agencies(text: str, plan: PlanMeta) -> list[tuple[int, int]]:
    """Spans of organs named in ``text``: short forms (市公安局), bare organs (政法委) and the plan's own places."""
    folded = normalize(text)
    patterns = [_ORGAN_RE, _BARE_RE if _AT_WORD_START_ENDINGS.search(folded) else _BARE_NAMED_RE]
    if _ZONE_ORGAN_ENDINGS.search(folded):
        patterns.insert(0, _ZONE_ORGAN_RE)
    places = sorted(set(jurisdiction(plan).values()), key=len, reverse=True)
    if places:
        patterns.insert(0, re.compile("(?:" + "|".join(map(re.escape, places)) + rf"){_BODY}{{0,10}}?{_SUFFIX}{_UNIT}?"))
    found: list[tuple[int, int]] = []
    for pattern in patterns:
        for match in pattern.finditer(folded):
            if match.group().endswith(_FACILITY_END) and _BUILT.search(folded, max(0, match.start() - 6), match.start()):
                continue
            if not any(start < match.end() and match.start() < end for start, end in found):
                found.append((match.start(), match.end()))
    return sorted(found)


# ------------------------------------------------------------------------------------------------- responsibilities


def extract_agencies(
    document: Document, headings: list[Heading], tasks: list[Task], plan: PlanMeta
) -> tuple[list[AgencyRef], list[Responsibility]]:
    """Every organ mentioned, and every explicit responsibility statement; tasks get the agencies stated in them."""
    text = document.text
    mentions = [AgencyRef(name=resolve_agency(text[s:e], plan), printed=text[s:e], span=Span(s, e), role="mentioned",
                          collective=is_collective(text[s:e]), person=is_person(text[s:e]))
                for s, e in find_agencies(text, plan)]
    reader = _StatementReader(text, plan)
    for sentence in sentences(text):
        reader.read(sentence)
    members = {ref.span for ref in reader.members}
    mentions = [ref for ref in mentions if ref.span not in members] + reader.members
    mentions.sort(key=lambda ref: ref.span)
    _attach_to_tasks(reader.responsibilities, tasks, reader.attributions)
    titles = {task.id: task.title for task in tasks}
    for duty in reader.attributions:  # (X牵头) or 牵头单位：X after a task assigns the task itself
        duty.text = titles.get(duty.task) or duty.text
    return mentions, reader.responsibilities


class _StatementReader:
    """Reads responsibility statements sentence by sentence, clause by clause (see the module's table)."""

    def __init__(self, text: str, plan: PlanMeta) -> None:
        self.text = text
        self.folded = normalize(text)
        self.plan = plan
        self.responsibilities: list[Responsibility] = []
        self.members: list[AgencyRef] = []
        # Statements that name a task's owners without stating the work (labelled lines, a closing parenthesis):
        # their text is the work before them, or the task's title once tasks are known.
        self.attributions: list[Responsibility] = []
        self._previous = ""  # the last sentence with words of its own, before a labelled line or parenthesis
        self.group: str | None = None  # the leadership group set up most recently
        self._seen: set[tuple[str, Span]] = set()
        # In a report or work plan by one organ, a duty without a subject is the issuer's (牵头做好…).
        # A department issuing the plan names its own offices bare (局办公室负责…, 由督察处牵头).
        self.department = _department(plan.issuer)
        self.speaker = plan.issuer if plan.issuer and is_agency(plan.issuer) and plan.kind and plan.kind.startswith(
            ("工作", "总结", "要点")) else None
        self.first_leads = lead_listed_first(text)

    def read(self, sentence: Span) -> None:
        folded = self.folded[sentence.start:sentence.end]
        group = _WORKING_GROUP.match(self.folded, self._past_number(sentence.start, sentence.end), sentence.end)
        if group:
            self._working_group(sentence, group)
            return
        office = self._leadership(sentence, folded)
        labels = list(_LABELLED.finditer(folded))
        for label in labels:
            self._labelled(sentence, label)
        bare = _BARE_OWNERS.search(folded.rstrip()) if not labels and folded.rstrip().endswith(_CLOSINGS) else None
        if bare and not re.search(_OWNER_WORDS, bare["list"]):
            self._bare_owners(sentence, bare)
        words = self.text[sentence.start:sentence.start + labels[0].start() if labels else sentence.end]
        if not _STATEMENT_WORD.search(folded):
            self._remember(words)
            return  # no clause of it can state a duty or name a group (and there is no office: it needs 领导小组)
        limit = min(sentence.start + office.start() if office else sentence.end,
                    sentence.start + labels[0].start() if labels else sentence.end)
        clauses = [(self._past_number(start, end), end, opening)
                   for start, end, opening in _clauses(folded, sentence.start) if end <= limit]
        leads = [self._leading_subject(start, end) for start, end, _ in clauses]
        subject: tuple[int, int] | None = None
        for index, ((start, end, opening), leading) in enumerate(zip(clauses, leads)):
            subject = leading or subject
            if leading and self.folded[leading[0]:leading[1]].endswith("领导小组"):
                self.group = self.text[leading[0]:leading[1]]
            # A duty runs to the next clause that names its own holder and duty (X负责…，Y负责…); inside a
            # parenthesis that names owners, (X牵头，Y配合), no further than its own clause.
            stop = end if opening is not None else next(
                (clauses[later][0] - 1 for later in range(index + 1, len(clauses))
                 if leads[later] and _OWN_DUTY.match(self.folded, leads[later][1])), limit)
            found = len(self.responsibilities)
            self._clause(sentence, start, end, leading, subject, stop, attribution=opening is not None)
            if opening is not None:
                self._attribute(self.responsibilities[found:], self.text[sentence.start:opening].strip())
        if office:
            self._office(sentence, office)
        self._remember(words)

    def _past_number(self, start: int, end: int) -> int:
        """Where a clause's words begin after the item number opening it: 四、各乡镇要… -> 各乡镇要…"""
        for pattern in _ITEM_NUMBERS:
            number = pattern.match(self.folded, start, end)
            if number:
                return number.end() + len(self.folded[number.end():end]) - len(self.folded[number.end():end].lstrip())
        return start

    def _working_group(self, sentence: Span, group: re.Match) -> None:
        """综合协调组：由X牵头，Y、Z组成，负责…: X, Y and Z are the group's members, the duty is the group's."""
        position = group.end()
        for part in _CLAUSE.finditer(self.folded, position, sentence.end):
            make_up = _MAKE_UP.fullmatch(part.group().strip())
            if not make_up:
                break
            offset = part.start() + len(part.group()) - len(part.group().lstrip())
            which = "lead" if make_up["lead"] else "members"
            for s, e in self._agents(offset + make_up.start(which), offset + make_up.end(which), owners=True):
                self.members.append(AgencyRef(resolve_agency(self.text[s:e], self.plan), self.text[s:e], Span(s, e),
                                              role="member", collective=is_collective(self.text[s:e])))
            position = part.end()
        duty = _GROUP_DUTY.search(self.folded, position, sentence.end)
        if duty:
            name = group.span("name")
            ref = AgencyRef(name=self.text[name[0]:name[1]], printed=self.text[name[0]:name[1]], span=Span(*name))
            self._add_ref(ref, "X组:负责", duty.end(), sentence.end, sentence)
        self._remember(self.text[sentence.start:sentence.end])

    def _remember(self, words: str) -> None:
        if words.strip(" ,，;；。()（）"):
            self._previous = words.strip()

    def _labelled(self, sentence: Span, label: re.Match) -> None:
        """牵头单位：X、Y / 责任单位：X / 配合单位：X: the units listed, with the label's role."""
        name = label["label"]
        if not name.endswith(_UNIT_LABELS):  # 责任领导, 牵头领导, 联系人: a person
            return
        role = _role_of(name)
        agents: list[tuple[tuple[int, int], str]] = []
        unmarked: list[int] = []  # the items since the last comma or mark: a trailing mark covers them all
        roles_marked = False
        base = sentence.start + label.start("list")
        listed = label["list"]
        for item in _LIST_ITEM.finditer(listed):
            piece = item.group().strip()
            if not piece:
                continue
            if item.start() == 0 or listed[item.start() - 1] != "、":
                unmarked = []
            s = base + item.start() + item.group().index(piece)
            manner = _LISTED_MANNER.search(piece)
            if manner and manner.start():  # 省大数据中心按职责分工负责: the list's last item and how all take part
                piece = piece[:manner.start()]
            marked = _MARKED_ROLE.fullmatch(piece)
            if marked:
                piece = marked["name"]
            if not (_is_subject(piece) or _LISTED_UNIT.fullmatch(piece) or self._is_own_unit(piece)):
                break  # the list has ended; prose follows
            agents.append(((s, s + len(piece)), _role_of(marked["mark"] or marked["trailing"]) if marked else role))
            if marked and marked["trailing"] and (marked["trailing"] == "牵头" or roles_marked):
                # A、B牵头，C、D配合: the mark after B is A's too, and so is D's C's once the list is split by roles
                # (责任单位：X、Y协助 alone leaves X responsible)
                agents[-1 - len(unmarked):] = [(span, agents[-1][1]) for span, _ in agents[-1 - len(unmarked):]]
            if marked:
                roles_marked, unmarked = True, []
            else:
                unmarked.append(len(agents) - 1)
        if self.first_leads and agents and not roles_marked and role == "responsible":
            agents[0] = (agents[0][0], "lead")  # the plan names the first unit of each list its lead
        at = sentence.start + label.start("label")
        found = len(self.responsibilities)
        for agent, agent_role in agents:
            self._add([agent], f"{name}:X", at, at, sentence, agent_role)
        self._attribute(self.responsibilities[found:], "")

    def _bare_owners(self, sentence: Span, owners: re.Match) -> None:
        """(X、Y) closing a sentence: X and Y are responsible for the work before it, when each is an organ."""
        base = sentence.start + owners.start("list")
        items = []
        for item in _LIST_ITEM.finditer(owners["list"]):
            name = item.group().strip()
            if name:
                start = base + item.start() + item.group().index(name)
                items.append((start, start + len(name)))
        items = [(s, e) for s, e in items if not _is_deadline(self.text[s:e])]
        named = [self.folded[s:e] for s, e in items]
        organs = [(_is_subject(name) or self._is_own_unit(name)) and not _GENERIC_UNIT.fullmatch(name)
                  for name in named]
        if not any(organs) or not all(organ or _ENTERPRISE.fullmatch(name) for organ, name in zip(organs, named)):
            return
        found = len(self.responsibilities)
        opening = sentence.start + owners.start()
        for index, item in enumerate(items):
            self._add([item], "(X)", opening, opening, sentence, "lead" if index == 0 and self.first_leads else
                      "responsible")
        self._attribute(self.responsibilities[found:], self.text[sentence.start:opening].strip())

    def _attribute(self, duties: list[Responsibility], words: str) -> None:
        """Duties that name owners only: their work is the words before them (or the sentence before)."""
        for duty in duties:
            if not duty.text:
                duty.text = words or _without_number(self._previous)
            self.attributions.append(duty)

    # -- one clause -----------------------------------------------------------------------------------------

    def _clause(self, sentence: Span, start: int, end: int, leading, subject, stop: int,
                attribution: bool = False) -> None:
        clause = self.folded[start:end]
        holder = _HOLDER.match(clause) if "责任人" in clause or "负责人" in clause else None
        if holder and _ROLE_RE.fullmatch(holder["x"]) or holder and is_agency(holder["x"]):
            self._add([(start, start + holder.end("x"))], "X为…责任人", start + holder.end("x"), end, sentence)
            return
        for cue in _DUTY_CUE.finditer(clause):
            position = start + cue.start()
            by = _BY.search(clause, 0, cue.start()) if "由" in clause else None
            if by:  # 由X牵头 / 由X负责
                agents = self._agents(start + by.start("x"), start + by.end("x"))
                pattern = f"由X{cue.group()}"
            else:
                before = _ADVERBIAL_OR_MODAL.sub("", clause[: cue.start()])
                agents = self._agents(start, start + len(before), attribution) if before else []
                if not agents and before:
                    agents = self._agents_ending_at(start, start + len(before))
                if not agents and not before:  # 负责…, 牵头… without a subject of its own
                    agents = [subject] if subject else [self._speaker_span(position)] if self.speaker else []
                    agents = [agent for agent in agents if agent]
                pattern = f"X{cue.group()}" if cue.group() in ("负责", "牵头", "组织协调") else "X按照职责分工"
            owning = _OWN_RESPONSIBILITY_RE.fullmatch(cue.group())
            if owning:
                pattern = "X落实…责任"
            if agents:
                role = "lead" if "牵头" in pattern else "responsible"
                duty = (position if owning else position + len(cue.group()), stop)
                if by and by.start() >= 2 and not clause[cue.end():].strip():  # 督察整改工作由督察处牵头: the topic
                    duty = (start, start + by.start())
                roles = [role] * len(agents)
                joined = _JOINED_BY.search(by["x"]) if by else None
                if joined:  # 由A会同B负责: A leads, B supports
                    split = start + by.start("x") + joined.start()
                    roles = ["lead" if e <= split else "supporting" for _, e in agents]
                found = len(self.responsibilities)
                if by and by.start() < 2 and not clause[cue.end():].strip() and _only_support(self.folded[end:stop]):
                    duty = (position, position)  # 由A负责(，B配合)。 after an item: the work is the item before it
                for agent, agent_role in zip(agents, roles):
                    self._add([agent], pattern, *duty, sentence, agent_role)
                if duty[0] == duty[1]:
                    self._attribute(self.responsibilities[found:], "")
                return
        if "发挥牵头作用" in clause and subject:
            self._add([subject], "X发挥牵头作用", start, stop, sentence, "lead")
            return
        if clause.startswith("由"):  # 由X完善考核指标: the agency is whoever stands after 由
            found = [(s, e) for s, e in find_agencies(self.text[start:end], self.plan) if s == 1]
            if found and found[0][1] < len(clause) and not _POST.match(clause, found[0][1]):
                stop = start + found[0][1]
                self._add([(start + 1, stop)], "由X", stop, end, sentence)
                return
        supporting = _SUPPORTING.search(clause) if _SUPPORTING_WORD.search(clause) else None
        if supporting:
            agents = self._agents(start + supporting.start("x"), start + supporting.end("x"), attribution)
            if agents:
                bare = supporting.start() == 0  # X配合 and nothing else: it joins the work named before
                found = len(self.responsibilities)
                self._add(agents, "X配合", end if attribution or bare else start, end, sentence, "supporting")
                if bare and not attribution:
                    self._attribute(self.responsibilities[found:], self.text[sentence.start:start].strip(" ,，"))
                return
        modal = _MODAL_DUTY_RE.match(self.folded, leading[1]) if leading and leading[0] == start else None
        if modal and not is_person(self.folded[leading[0]:leading[1]]) and not _ROLE_NAME.search(
                self.folded[leading[0]:leading[1]]):
            self._add([leading], "X要", modal.end(), stop, sentence)
            return
        if attribution:  # (X、Y，各乡镇按职责分工负责): units listed bare beside a cue are owners as well
            agents = self._agents(start, end, owners=True)
            if agents and all(_is_subject(self.folded[s:e]) for s, e in agents):
                self._add(agents, "(X)", end, end, sentence)

    def _leadership(self, sentence: Span, folded: str) -> re.Match | None:
        """Note a leadership group and its member agencies; the match of the office it sets up, if any."""
        group = _GROUP.search(folded)
        if group:
            self.group = self.text[sentence.start + group.start("name"): sentence.start + group.end("name")]
        if group or self.group and "成员" in folded:
            members = _MEMBERS.search(folded)
            listed = None if members else _MEMBER_UNITS.search(folded)
            base = sentence.start + (members or listed).start("list") if members or listed else 0
            if members:
                spans = find_agencies(self.text[base:sentence.start + members.end("list")], self.plan)
            else:  # a list of units, collectives too (各县(市、区)人民政府), up to the first item that is none
                spans = []
                for item in _LIST_ITEM.finditer(listed["list"]) if listed else ():
                    piece = item.group().strip()
                    if not (_is_subject(piece) or _LISTED_UNIT.fullmatch(piece)):
                        break
                    start = item.start() + item.group().index(piece)
                    spans.append((start, start + len(piece)))
            for s, e in spans:
                s, e = base + s, base + e
                self.members.append(AgencyRef(resolve_agency(self.text[s:e], self.plan), self.text[s:e],
                                              Span(s, e), role="member", collective=is_collective(self.text[s:e])))
        return _OFFICE.search(folded)

    def _office(self, sentence: Span, office: re.Match) -> None:
        """The group's office and what follows it: where it sits and what it does."""
        group = "office" if office["office"] else "seat"
        s, e = sentence.start + office.start(group), sentence.start + office.end(group)
        printed = self.text[s:e]
        name = printed if printed != "办公室" or not self.group else self.group + printed
        ref = AgencyRef(name=name, printed=printed, span=Span(s, e), role="responsible")
        self._add_ref(ref, "领导小组办公室", sentence.start + office.end(), sentence.end, sentence)

    # -- agents ---------------------------------------------------------------------------------------------

    def _agents(self, start: int, end: int, owners: bool = False) -> list[tuple[int, int]]:
        """The agencies of a subject that is a list of them (市教育局、市体育局; 市级各有关部门及各县市区政府) or
        wholly one (市自然资源和规划局); in a parenthesis naming owners (``owners``) any listed unit counts (各乡镇配合)."""
        def named(folded: str) -> bool:
            return (_is_subject(folded) or self._is_own_unit(folded) or owners and bool(_LISTED_UNIT.fullmatch(folded))
                    or bool(self.group and _GROUP_OFFICE.fullmatch(folded)))

        subject = self.folded[start:end]
        parts = [(start + s, start + e) for s, e in _list_parts(subject)]
        if len(parts) > 1 and all(named(self.folded[s:e]) for s, e in parts):
            return parts
        return [(start, end)] if named(subject) else []

    def _is_own_unit(self, folded: str) -> bool:
        return bool(self.department and _OWN_UNIT.fullmatch(folded))

    def _resolve(self, printed: str) -> str:
        """The full name of an agency as printed; a department's own office gets the department's name."""
        if self.group and _GROUP_OFFICE.fullmatch(normalize(printed)):
            return self.group + "办公室"
        if self._is_own_unit(normalize(printed)):
            department = self.department or ""
            return department + (printed[1:] if normalize(printed)[0] == normalize(department)[-1] else printed)
        return resolve_agency(printed, self.plan)

    def _agents_ending_at(self, start: int, end: int) -> list[tuple[int, int]]:
        """An organ that ends right before a cue inside a longer phrase: 推动构建政法委|牵头."""
        for s, e in find_agencies(self.text[start:end], self.plan):
            if start + e == end:
                return [(start + s, end)]
        return []

    def _leading_subject(self, start: int, end: int) -> tuple[int, int] | None:
        """The organ or collective a clause begins with (公安机关作为主力军, 市公安局负责…)."""
        head = self.folded[start:min(end, start + 24)]
        if _SPACE.search(head):  # the slow, general form: each prefix stripped
            stops = (stop for stop in range(len(head), 1, -1) if _is_subject(head[:stop]))
        else:  # _is_subject on each prefix that ends like a subject, without copying it: endpos ends the string
            ends = [match.end() for match in _SUBJECT_END.finditer(head, 1)]
            stops = (stop for stop in reversed(ends)
                     if not _VERB_OPENING.match(head, 0, stop)
                     and (_FULL_ORGAN_RE.fullmatch(head, 0, stop) or _BARE_RE.fullmatch(head, 0, stop))
                     or _ROLE_RE.fullmatch(head, 0, stop))
        stop = next(stops, None)
        office = _GROUP_OFFICE.match(head) if stop is None and self.group else None
        if office and _OWN_DUTY.match(head, office.end()):
            stop = office.end()
        if stop is None and self.department:
            unit = _OWN_UNIT.match(head)
            stop = unit.end() if unit and _OWN_DUTY.match(head, unit.end()) else None
        return (start, start + stop) if stop else None

    def _speaker_span(self, position: int) -> tuple[int, int] | None:
        return (position, position) if self.speaker else None

    # -- output ---------------------------------------------------------------------------------------------

    def _add(self, agents, pattern: str, start: int, end: int, sentence: Span, role: str = "responsible") -> None:
        for s, e in agents:
            printed = self.text[s:e] if e > s else self.speaker or ""
            name = self._resolve(printed)
            self._add_ref(AgencyRef(name=name, printed=printed, span=Span(s, e), role=role,
                                    collective=is_collective(printed), person=is_person(printed)),
                          pattern, start, end, sentence)

    def _add_ref(self, agency: AgencyRef, pattern: str, start: int, end: int, sentence: Span) -> None:
        key = (normalize(agency.name), sentence)
        if key in self._seen:
            return
        self._seen.add(key)
        duty = self.text[start:end].strip(" ,，;；。")
        evidence = Span(min(agency.span.start, start) if agency.span.end > agency.span.start else sentence.start,
                        max(end, agency.span.end))
        self.responsibilities.append(
            Responsibility(agency=agency, text=duty, pattern=pattern, evidence=evidence, sentence=sentence)
        )


def lead_listed_first(text: str) -> bool:
    """Whether the plan states that the first unit of each owner list leads (括号内第一个单位为牵头单位): then
    (A、B) and 责任单位：A、B make A the lead and B responsible."""
    return bool(_FIRST_IS_LEAD.search(normalize(text)))


def _without_number(words: str) -> str:
    """An item's words without its number and full stop: 1.地区生产总值增长6%左右。 -> 地区生产总值增长6%左右."""
    folded = normalize(words)
    for pattern in _ITEM_NUMBERS:
        number = pattern.match(folded)
        if number:
            words = words[number.end():].lstrip()
            break
    return words.rstrip("。;；")


# A deadline beside the owners in one parenthesis, completion word and all: (X，6月底前) / (X、Y，2025年底前完成).
_COMPLETION = re.compile(r"(?:完成|办结|落实到位|见效)$")


def _is_deadline(item: str) -> bool:
    """Whether an item of a closing parenthesis is its deadline, not an owner (6月底前, 年底前完成)."""
    return parse_due(_COMPLETION.sub("", normalize(item).strip())) is not None


def _only_support(rest: str) -> bool:
    """Whether the clauses after a duty only add who supports it (，各有关单位配合): no work of their own."""
    return all(_SUPPORTING.fullmatch(clause.group().strip()) for clause in _CLAUSE.finditer(rest)
               if clause.group().strip())


def _role_of(words: str) -> str:
    """The role a label or a mark gives: 牵头单位 / (牵头) lead, 配合单位 supporting, 责任单位 responsible."""
    return next(role for word, role in _LABEL_ROLES if word in words)


def _clauses(folded: str, offset: int) -> list[tuple[int, int, int | None]]:
    """The clauses of a sentence (``folded``, at ``offset`` in the text), each with where the parenthesis naming
    owners that holds it opens (None outside one): …整治(县应急局牵头，县市场监管局配合) gives …整治, then
    县应急局牵头 and 县市场监管局配合 opened at the parenthesis. A sentence end (;) may cut such a parenthesis."""
    pieces: list[tuple[int, int, int | None]] = []
    position = 0
    groups = [group for group in _ATTRIBUTION.finditer(folded) if group["open"] or group["close"].strip()]
    for group in [*groups, None]:
        start, end = (group.start(), group.end()) if group else (len(folded), len(folded))
        pieces += [(offset + c.start(), offset + c.end(), None) for c in _CLAUSE.finditer(folded, position, start)]
        if group:
            pieces += [(offset + c.start(), offset + c.end(), offset + group.start("open"))
                       for c in _CLAUSE.finditer(folded, group.start("inner"), group.end("inner"))]
        position = end
    return [piece for piece in pieces if folded[piece[0] - offset:piece[1] - offset].strip()]


# A department's party group issues in the department's name: 中共某县自然资源局党组 -> 某县自然资源局.
_PARTY_GROUP = re.compile(r"^(?:中共|中国共产党)?(?P<organ>.+?)(?:党组|党委|党总支)$")


def _department(issuer: str | None) -> str | None:
    """The department issuing a plan (局, 委, 厅), also where its party group signs it; None for other issuers."""
    if not issuer:
        return None
    party = _PARTY_GROUP.match(normalize(issuer))
    organ = issuer[party.start("organ"):party.end("organ")] if party else issuer
    return organ if is_agency(organ) and normalize(organ).endswith(_DEPARTMENT_END) else None


def _list_parts(subject: str) -> list[tuple[int, int]]:
    """The items of a list of agencies (市教育局、市体育局和各县区), apart at separators outside parentheses:
    各县(市、区)人民政府 is one item."""
    parts, position = [], 0
    for separator in _LIST_SEPARATOR.finditer(subject):
        before = subject[:separator.start()]
        if before.count("(") > before.count(")"):
            continue
        parts.append((position, separator.start()))
        position = separator.end()
    return parts + [(position, len(subject))]


def _attach_to_tasks(responsibilities: list[Responsibility], tasks: list[Task],
                     attributions: list[Responsibility]) -> None:
    """A statement inside a task's text makes its agency one of the task's agencies. Where owners are named after
    the task's work (a closing parenthesis, a labelled line: ``attributions``), they alone own it: a duty-holder
    inside its text (…。各县（市、区）人民政府要…。（省住房城乡建设厅负责）) holds that duty, not the task."""
    for duty in responsibilities:
        holders = [task for task in tasks if task.span.start <= duty.evidence.start < task.span.end]
        if holders:
            duty.task = min(holders, key=lambda t: len(t.span)).id
    attributed = {id(duty) for duty in attributions}
    owned = {duty.task for duty in attributions if duty.task}
    by_id = {task.id: task for task in tasks}
    for duty in responsibilities:
        if duty.task is None or duty.task in owned and id(duty) not in attributed:
            continue
        task = by_id[duty.task]
        if duty.agency.role != "member" and all(ref.name != duty.agency.name for ref in task.agencies):
            task.agencies.append(duty.agency)
