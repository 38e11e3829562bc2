"""Seventh blind round (shapes no round has used): five documents written for this test (tests/fixtures/unseen7/),
1,500–4,000 characters each, invented places, agencies and people, scored against facts written down from the
documents BEFORE the extractor was run on them (commit "blind round 7: expectations before the first run").

| document  | genre and shape |
|-----------|-----------------|
| cenchuan  | 省级 实施意见 (婴幼儿照护): 一、总体要求 with goals and past figures, 二、…四、 groups of (一)…(九) items each closed by (省X、省Y按职责分工负责), 五、保障措施 (十)…(十二) numbered on (no tasks), 各地各部门要… / X要… / X负责… duties, 是指 and 即 definitions, X、Y、Z“三大体系”, 依托X, 在X的基础上 |
| tanxi     | 市 “十四五” 专项规划 中期评估报告 (体育): 1.…6. indicators each with 规划目标：… / 完成情况：… / 进度：… (targets vs achieved vs progress), an 调整建议 that restates a target, 主要任务推进情况 (achievements, no tasks), 一是… problems, 下一步工作举措 (一)…(四) with (责任单位：…) |
| guichuan  | 县 年度 民生实事项目清单 wrapped in a 印发 notice: prose items 1.…20. each with figures, a deadline in words (9月底前投入使用, 年底前完成) and owners in a closing parenthesis, the first of which the text declares the lead (括号内第一个单位为牵头单位); a 工作要求 一、…五、 (no tasks) |
| yuling    | 局 工作要点 (审计): unnumbered ★ groups, ● items (tasks) closed by (责任股室：…), 一要…二要…三要… run-ins inside an item (sub-tasks) and in the preamble (no tasks), ■ sub-items whose owner line follows them |
| shinan    | 乡镇 防汛抗旱 工作方案 (预案-like): 指挥部 with persons in posts, 工作职责 (一)…(六) per 小组 (综合协调组：由X牵头，Y、Z组成，负责…) — groups as agencies with duties, no tasks; 工作措施 1.…8. with (责任单位：…) and dates without a year |

Figures (precision / recall over all five; ``python tests/test_blind_unseen7.py [name]`` prints them). No
extractor fix is in them: the round is scored before anyone fixes anything.

| category                   | first run, as written | same run, expectations corrected | after the fixes |
|----------------------------|-----------------------|----------------------------------|-----------------|
| metadata                   | 1.00 / 0.96           | 1.00 / 0.96                      | 1.00 / 1.00     |
| metadata.cited             | 1.00 / 1.00           | 1.00 / 1.00                      | 1.00 / 1.00     |
| tasks                      | 1.00 / 0.36           | 1.00 / 0.36                      | 1.00 / 1.00     |
| tasks.parent               | 1.00 / 1.00           | 1.00 / 1.00                      | 1.00 / 1.00     |
| tasks.due                  | 1.00 / 1.00           | 1.00 / 1.00                      | 1.00 / 1.00     |
| tasks.agencies             | 0.96 / 0.53           | 0.96 / 0.53                      | 1.00 / 1.00     |
| agency.responsibilities    | 0.92 / 0.82           | 0.92 / 0.82                      | 1.00 / 1.00     |
| persons not agencies       | 1.00 / 1.00           | 1.00 / 1.00                      | 1.00 / 1.00     |
| targets                    | 0.91 / 0.72           | 0.93 / 0.74                      | 1.00 / 1.00     |
| targets.year               | 1.00 / 1.00           | 1.00 / 1.00                      | 1.00 / 1.00     |
| targets.achieved           | 0.53 / 0.53           | 0.53 / 0.53                      | 1.00 / 0.94     |
| glossary.senses            | 0.75 / 1.00           | 0.75 / 1.00                      | 1.00 / 1.00     |
| glossary.expansions        | 0.50 / 0.50           | 0.50 / 0.50                      | 0.67 / 0.67     |
| glossary.counts            | 1.00 / 1.00           | 1.00 / 1.00                      | 1.00 / 1.00     |
| glossary.undefined         | 0.60 / 0.60           | 0.60 / 0.60                      | 1.00 / 1.00     |
| mentions.terms             | 1.00 / 1.00           | 1.00 / 1.00                      | 1.00 / 1.00     |
| mentions.systems (recall)  | – / 1.00              | – / 1.00                         | – / 1.00        |
| prerequisites              | 0.75 / 1.00           | 0.75 / 1.00                      | 1.00 / 1.00     |

Corrected after the first run (one expectation, marked "corrected"): yuling's 培训人员不少于120人次 accepts the
indicator 人员, 培训 being the verb, as round 6 accepted 养老护理员 for 每年培训养老护理员. One more with the fixes:
guichuan's 胸痛、卒中、创伤三大救治中心 is an inline sense (a list followed by its numeral shorthand), as round 6
settled for 三大主导产业; the "after the fixes" column counts it.

Every miss below was then fixed with a general rule and a unit test on invented text (``outline``: ★/●/■ bullets and
一要… run-ins, owners after a list go to the item that holds it; ``tasks``: a flat list item that names a deadline or
closes with its owners is a task; ``metadata``: 清单 kinds; ``agencies``: 组：负责 working groups, 各地各部门要…,
owners named after an item are its only owners, 括号内第一个单位为牵头单位; ``targets``: 规划目标/完成情况/进度 fields,
由A调整为B; ``glossary``: 三大…中心 keeps its head, adjacent quoted shorthand; ``prerequisites``: 利用 a place is no
cue), except two: 托育服务政策法规、… keeps the modifier the three items share (no convention settled), and one
achieved figure (金牌38枚: 枚 is no unit yet).

What the first run missed, in short (the full list, grouped by module with input, expected, got and a guessed rule,
is in the round's notes kept outside the repository):

- guichuan's 1.…20. prose items give no task at all (so no deadline and no owner of a task), its kind is not read
  (…清单), 建设胸痛、卒中、创伤三大救治中心 is read as an inline sense 三大救治 with the verb in its first part;
- yuling's ● items, their 一要… run-ins and ■ sub-items give no task, and the (责任股室：…) owners state no duty
  for most items; 为…提供有力保障 in the preamble is read as a prerequisite;
- tanxi's 规划目标：到2025年达到42% lines give no target, their 完成情况 figures are achievements of the indicator
  为 or 目标, 进度 (完成目标的88.8%) and the 调整建议's old value are read as achievements, 2024年新建社区多功能运动场
  20片、健身步道50公里 glues the two indicators; “体医融合”“体教融合” are not flagged undefined; 利用X is read as
  a prerequisite cue;
- shinan's 小组 (综合协调组：由X牵头，…组成，负责…) duties go to the town government instead of the group;
  各村（社区）要落实…属地责任 states no duty; 抗大旱、抢大险 are flagged undefined; 冲锋舟2艘 gives no target;
- cenchuan: 开设托班的幼儿园 loses its verb (托班的幼儿园), 至少建成1所具有示范带动作用的… takes the modifier as
  indicator, 各地各部门要… states no duty, the duty-holders inside an item (各县（市、区）人民政府要…, 卫生健康部门
  负责…) become the item's owners, 托育服务政策法规、标准规范、服务供给“三大体系” keeps the shared modifier in its
  first part.

Expectations that follow a decision rather than the text alone (each is a fact a researcher reading the document
would write down):

- the groups of an 意见 or a 工作要点 (一、…, ★…) are no tasks, their items are (round 2 lanshan, round 3 tinglan);
  a 保障措施 part holds no tasks even when its (十)… number on (round 6 mingchuan);
- 一要…二要… inside an item are its sub-tasks, as 一是…二是… (round 2 lanshan); in a preamble they are no tasks;
- an item whose only deadline sits in one of its sub-tasks has none of its own (round 2 lanshan);
- owners in a closing parenthesis are responsible (round 3 tinglan), X牵头，Y配合 gives lead and supporting (round 5
  xuchuan); guichuan states that the first owner in its parentheses is the lead, so there it is;
- an 实施意见 whose title names no year is no annual plan: a figure without a printed year keeps none (round 3);
- a 规划目标 value is a target (its year the printed one), a 完成情况 value an achievement, a 进度 (完成目标的88.8%)
  neither; the 调整建议 (由2.6平方米调整为2.5平方米) states the target the office proposes, a target;
- a working group (综合协调组) with 负责… is an agency with that duty; the organ 由…牵头 inside the group's sentence is
  neither rewarded nor counted against there.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest

from blind import norm, summed, table
from plankg.evaluation.score import Score
from plankg.ingest.facts import DocumentFacts
from plankg.ingest.pipeline import extract
from plankg.ingest.text import normalize, normalize_label

UNSEEN7 = Path(__file__).resolve().parent / "fixtures" / "unseen7"

OPINIONS = "cenchuan-infant-care-implementation-opinions.txt"
EVALUATION = "tanxi-14th-fyp-sports-midterm-evaluation.txt"
PROJECTS = "guichuan-2024-livelihood-projects-list.txt"
POINTS = "yuling-2024-audit-work-points.txt"
FLOOD = "shinan-town-2024-flood-control-work-scheme.txt"
DOCUMENTS = (OPINIONS, EVALUATION, PROJECTS, POINTS, FLOOD)

# ------------------------------------------------------------------------------------------------ expectations
# Metadata: field -> accepted value, or a tuple of accepted values; a field left out is not scored; None: nothing
# may be found. A value starting with * matches any value ending in the rest.
META = {
    OPINIONS: dict(title="岑川省人民政府办公厅关于促进3岁以下婴幼儿照护服务发展的实施意见", issuer="岑川省人民政府办公厅",
                   doc_number="岑政办发〔2023〕27号", issued="2023-08-16", kind="*意见"),
    EVALUATION: dict(title="檀溪市“十四五”体育发展规划实施情况中期评估报告", issuer="檀溪市体育局", doc_number=None,
                     issued="2024-03-28", kind="*报告"),
    PROJECTS: dict(title="桂川县2024年民生实事项目清单", issuer="桂川县人民政府", doc_number="桂政发〔2024〕3号",
                   issued="2024-02-06", period_start=2024, period_end=2024, kind="*清单"),
    POINTS: dict(title="榆岭县审计局2024年工作要点", issuer="榆岭县审计局", doc_number=None, issued="2024-01-22",
                 period_start=2024, period_end=2024, kind="工作要点"),
    FLOOD: dict(title="石楠镇2024年防汛抗旱工作方案", issuer="石楠镇人民政府", doc_number=None, issued="2024-04-08",
                period_start=2024, period_end=2024, kind="*方案"),
}
CITED = {
    OPINIONS: [("国务院办公厅关于促进3岁以下婴幼儿照护服务发展的指导意见", "国办发〔2019〕15号"),
               ("岑川省人口与计划生育条例", None)],
    EVALUATION: [("檀溪市“十四五”体育发展规划", "檀政办发〔2021〕33号")],
    PROJECTS: [],
    POINTS: [],
    FLOOD: [("中华人民共和国防洪法", None)],
}
OPTIONAL_CITED = {OPINIONS: [], EVALUATION: [], PROJECTS: ["桂川县2024年民生实事项目清单"], POINTS: [], FLOOD: []}


@dataclass(frozen=True)
class T:
    """An expected task: number as printed (alternatives apart by |; "" for an unnumbered bullet item), a phrase of
    its title, a phrase of its parent's title (None for a top task), its deadline (an ISO date, "" for none, None
    when not scored), and the 专栏 box it stands in (None: not scored)."""

    number: str
    title: str
    parent: str | None
    due: str | None
    box: str | None = None


TASKS_OPINIONS = [
    T("（一）", "大力发展普惠托育服务", None, "2024-12-31"),
    T("（二）", "支持用人单位办托", None, ""),
    T("（三）", "推进托幼一体化", None, "2025-12-31"),
    T("（四）", "发展社区嵌入式托育", None, ""),
    T("（五）", "加强托育从业人员队伍建设", None, "2025-12-31"),
    T("（六）", "强化托育机构监管", None, "2023-12-31"),
    T("（七）", "推进“托育+医育”融合", None, ""),
    T("（八）", "落实财政补助政策", None, ""),
    T("（九）", "落实用地用房和税费优惠", None, ""),
]
TASKS_EVALUATION = [
    T("（一）", "加快补齐场地设施短板", None, None),  # 2024年新建… and 2025年底前…全覆盖: left open
    T("（二）", "做大做强体育产业", None, "2025-12-31"),
    T("（三）", "深化体教融合", None, "2024-09-30"),
    T("（四）", "加强规划实施监测", None, None),  # 每年12月底前: a recurring date
]
_PROJECTS = [  # (number, a phrase of its title, deadline)
    ("1", "新建改扩建城区公办幼儿园", "2024-09-30"), ("2", "护眼灯具", "2024-08-31"),
    ("3", "急诊急救能力提升工程", "2024-12-31"), ("4", "免费开展健康体检", "2024-12-31"),
    ("5", "村级卫生室标准化改造", "2024-12-31"), ("6", "社区老年助餐点", "2024-12-31"),
    ("7", "适老化改造", "2024-12-31"), ("8", "城镇新增就业", "2024-12-31"), ("9", "老旧小区", "2024-11-30"),
    ("10", "公共停车泊位", "2024-12-31"), ("11", "农村供水管网", "2024-12-31"), ("12", "农村公路提档升级", "2024-12-31"),
    ("13", "城乡公交线路", "2024-06-30"), ("14", "口袋公园", "2024-10-31"), ("15", "智慧书房", "2024-12-31"),
    ("16", "村级综合文化广场", "2024-12-31"), ("17", "食品安全抽检", "2024-12-31"), ("18", "法律援助", "2024-12-31"),
    ("19", "电动自行车集中充电设施", "2024-07-31"), ("20", "困难职工帮扶资金", "2024-12-31"),
]
TASKS_PROJECTS = [T(f"{n}|{n}.", title, None, due) for n, title, due in _PROJECTS]
_ITEM, _SUB = "|●", "|■"  # an unnumbered bullet item: its number as printed is empty or the bullet
STABILIZE, RECTIFY = "稳经济政策落实情况跟踪审计", "健全审计整改长效机制"
TASKS_POINTS = [
    T(_ITEM, STABILIZE, None, ""),
    T("一要|一", "聚焦减税降费", STABILIZE, ""),
    T("二要|二", "专项债券资金使用绩效", STABILIZE, "2024-06-30"),
    T("三要|三", "揭示政策执行中的堵点难点", STABILIZE, ""),
    T(_ITEM, "乡村振兴政策和资金审计", None, "2024-09-30"),
    T(_ITEM, "重大项目跟踪审计", None, ""),
    T(_ITEM, "党政主要领导干部经济责任审计", None, ""),
    T(_ITEM, "自然资源资产离任审计", None, "2024-10-31"),
    T(_ITEM, "县级预算执行和决算草案审计", None, "2024-07-31"),
    T(_ITEM, "国有企业领导人员经济责任审计", None, ""),
    T(_ITEM, "社会保险基金审计", None, "2024-12-31"),
    T(_ITEM, "教育经费审计", None, ""),
    T(_ITEM, RECTIFY, None, ""),
    T(_SUB, "建立审计整改台账", RECTIFY, "2024-03-31"),
    T(_SUB, "整改不到位", RECTIFY, ""),
    T(_SUB, "每半年向县委审计委员会报告", RECTIFY, ""),
    T(_ITEM, "推进审计信息化", None, "2024-12-31"),
    T(_ITEM, "加强审计干部培训", None, ""),
]
TASKS_FLOOD = [
    T("1|1.", "开展汛前隐患排查", None, "2024-04-30"),
    T("2|2.", "修订完善应急预案", None, "2024-05-15"),
    T("3|3.", "储备防汛物资", None, "2024-05-31"),
    T("4|4.", "组织应急演练", None, None),  # 6月上旬前: left open
    T("5|5.", "严格值班值守", None, ""),
    T("6|6.", "做好抗旱保供水", None, ""),
    T("7|7.", "加强宣传培训", None, "2024-05-31"),
    T("8|8.", "做好灾后恢复重建", None, ""),
]
TASKS = {OPINIONS: TASKS_OPINIONS, EVALUATION: TASKS_EVALUATION, PROJECTS: TASKS_PROJECTS, POINTS: TASKS_POINTS,
         FLOOD: TASKS_FLOOD}

# Agencies of tasks: (number as in TASKS, a phrase of the task's title, agency as printed, role).
_LEAD, _RESP, _SUPP = "lead", "responsible", "supporting"


def _owners(number: str, title: str, lead: list[str], responsible: list[str], supporting: list[str] = ()):
    return ([(number, title, a, _LEAD) for a in lead] + [(number, title, a, _RESP) for a in responsible]
            + [(number, title, a, _SUPP) for a in supporting])


def _listed(number: str, title: str, owners: list[str]):
    """guichuan: 括号内第一个单位为牵头单位 — the first owner is the lead, the others are responsible."""
    return _owners(f"{number}|{number}.", title, owners[:1], owners[1:])


AGENCIES = {
    OPINIONS: [
        *_owners("（一）", "普惠托育服务", [], ["省卫生健康委", "省发展改革委", "省财政厅"]),
        *_owners("（二）", "用人单位办托", [], ["省总工会", "省教育厅", "省卫生健康委"]),
        *_owners("（三）", "托幼一体化", [], ["省教育厅"]),
        *_owners("（四）", "社区嵌入式托育", [], ["省住房城乡建设厅", "省自然资源厅", "省卫生健康委"]),
        *_owners("（五）", "从业人员队伍", [], ["省人力资源社会保障厅", "省教育厅"]),
        *_owners("（六）", "托育机构监管", [], ["省卫生健康委", "省市场监管局", "省公安厅"]),
        *_owners("（七）", "托育+医育", [], ["省卫生健康委"]),
        *_owners("（八）", "财政补助", [], ["省财政厅", "省卫生健康委"]),
        *_owners("（九）", "税费优惠", [], ["省自然资源厅", "省税务局", "省发展改革委"]),
    ],
    EVALUATION: [
        *_owners("（一）", "场地设施短板", [], ["市体育局", "市自然资源和规划局", "市住房和城乡建设局"]),
        *_owners("（二）", "体育产业", [], ["市体育局", "市商务局"]),
        *_owners("（三）", "体教融合", [], ["市教育局", "市体育局"]),
        *_owners("（四）", "规划实施监测", [], ["市体育局"]),
    ],
    PROJECTS: [
        *_listed("1", "公办幼儿园", ["县教育体育局"]),
        *_listed("2", "护眼灯具", ["县教育体育局", "县财政局"]),
        *_listed("3", "急诊急救", ["县卫生健康局"]),
        *_owners("4|4.", "健康体检", ["县卫生健康局"], [], ["各乡镇人民政府"]),
        *_listed("5", "村级卫生室", ["县卫生健康局"]),
        *_listed("6", "助餐点", ["县民政局"]),
        *_listed("7", "适老化改造", ["县民政局", "县残联"]),
        *_listed("8", "城镇新增就业", ["县人力资源社会保障局"]),
        *_listed("9", "老旧小区", ["县住房和城乡建设局"]),
        *_listed("10", "停车泊位", ["县住房和城乡建设局", "县公安局交警大队"]),
        *_listed("11", "供水管网", ["县水利局"]),
        *_listed("12", "农村公路", ["县交通运输局"]),
        *_listed("13", "公交线路", ["县交通运输局"]),
        *_listed("14", "口袋公园", ["县城市管理局"]),
        *_listed("15", "智慧书房", ["县文化旅游局"]),
        *_listed("16", "文化广场", ["县文化旅游局", "各乡镇人民政府"]),
        *_listed("17", "食品安全抽检", ["县市场监督管理局"]),
        *_listed("18", "法律援助", ["县司法局"]),
        *_listed("19", "充电设施", ["县应急管理局", "国网桂川县供电公司"]),
        *_listed("20", "帮扶资金", ["县总工会"]),
    ],
    POINTS: [
        *_owners(_ITEM, STABILIZE, [], ["财政审计股"]),
        *_owners(_ITEM, "乡村振兴", [], ["农业农村审计股"]),
        *_owners(_ITEM, "重大项目", [], ["固定资产投资审计股"]),
        *_owners(_ITEM, "党政主要领导干部经济责任审计", [], ["经济责任审计股"]),
        *_owners(_ITEM, "自然资源资产离任审计", [], ["经济责任审计股", "农业农村审计股"]),
        *_owners(_ITEM, "预算执行", [], ["财政审计股"]),
        *_owners(_ITEM, "国有企业领导人员", [], ["经济责任审计股"]),
        *_owners(_ITEM, "社会保险基金", [], ["社会保障审计股"]),
        *_owners(_ITEM, "教育经费", [], ["社会保障审计股"]),
        *_owners(_ITEM, RECTIFY, [], ["法规审理股"]),
        *_owners(_ITEM, "审计信息化", [], ["电子数据审计中心"]),
        *_owners(_ITEM, "审计干部培训", [], ["办公室"]),
    ],
    FLOOD: [
        *_owners("1|1.", "隐患排查", [], ["镇水利站", "镇自然资源所", "各村"]),
        *_owners("2|2.", "应急预案", [], ["镇应急办", "各村（社区）"]),
        *_owners("3|3.", "防汛物资", [], ["镇财政所", "镇应急办"]),
        *_owners("4|4.", "应急演练", [], ["镇应急办", "镇武装部"]),
        *_owners("5|5.", "值班值守", [], ["镇党政办"]),
        *_owners("6|6.", "抗旱保供水", [], ["镇水利站"]),
        *_owners("7|7.", "宣传培训", [], ["镇应急办", "镇党政办"]),
        *_owners("8|8.", "恢复重建", [], ["镇民政办", "镇农业综合服务中心"]),
    ],
}

# Stated responsibilities: (agency names accepted, a phrase of what it is responsible for, found in the duty's
# text or its sentence). Every owner named after an item states a duty for that item (from AGENCIES).
# OPTIONAL_DUTIES: borderline statements (会同, a bare 各地, a generic 部门, 将 + future, the organ leading a group).
_DUTIES_OF_OWNERS = {name: [((agency,), title) for _, title, agency, _ in owners] for name, owners in AGENCIES.items()}
DUTIES = {
    OPINIONS: _DUTIES_OF_OWNERS[OPINIONS] + [
        (("省总工会", "岑川省总工会"), "示范点创建"),
        (("各县（市、区）人民政府",), "城市更新"),
        (("省人力资源社会保障厅", "岑川省人力资源社会保障厅"), "职业技能提升行动"),
        (("各地各部门",), "民生工程"),
        (("省卫生健康委", "岑川省卫生健康委"), "联席会议"),
        (("各市人民政府",), "评估机制"),
        (("省卫生健康委", "岑川省卫生健康委"), "统计监测"),
        (("省委宣传部", "中共岑川省委宣传部", "岑川省委宣传部"), "新闻媒体"),
    ],
    EVALUATION: _DUTIES_OF_OWNERS[EVALUATION] + [
        (("各县（区）", "各县（区）人民政府"), "细化年度工作任务"),
    ],
    PROJECTS: _DUTIES_OF_OWNERS[PROJECTS] + [
        (("县财政局", "桂川县财政局"), "项目资金"),
        (("县绩效办", "桂川县绩效办"), "绩效考核"),
        (("各乡镇人民政府",), "征地拆迁"),
        (("县发展和改革局", "桂川县发展和改革局"), "日常调度"),
    ],
    POINTS: _DUTIES_OF_OWNERS[POINTS] + [
        (("局办公室", "办公室", "榆岭县审计局办公室"), "季度督查"),
    ],
    FLOOD: _DUTIES_OF_OWNERS[FLOOD] + [
        (("综合协调组", "石楠镇综合协调组"), "信息报送"),
        (("监测预警组", "石楠镇监测预警组"), "发布预警信息"),
        (("抢险救援组", "石楠镇抢险救援组"), "人员搜救"),
        (("转移安置组", "石楠镇转移安置组"), "临时安置点"),
        (("治安保障组", "石楠镇治安保障组"), "交通管制"),
        (("医疗防疫组", "石楠镇医疗防疫组"), "伤员救治"),
        (("镇纪委", "石楠镇纪委"), "监督检查"),
        (("镇财政所", "石楠镇财政所"), "工作经费"),
        (("各村（社区）",), "属地责任"),
    ],
}
OPTIONAL_DUTIES = {
    OPINIONS: ["纳入基本公共服务体系", "备案和业务指导", "统筹托育服务设施用地", "会同"],
    EVALUATION: ["会同", "中期评估工作"],
    PROJECTS: ["工作专班", "专题视察", "报送项目进展"],
    POINTS: ["细化工作措施", "定期听取", "会同"],
    FLOOD: ["日常工作", "办公室设在", "信息报送", "发布预警信息", "人员搜救", "临时安置点", "交通管制", "伤员救治",
            "第一责任人", "协作配合", "主要负责人"],
}

# People and posts that are no agency anywhere (agency mentions, task agencies, responsibilities).
NOT_AGENCIES = {
    OPINIONS: [],
    EVALUATION: [],
    PROJECTS: [],
    POINTS: [],
    FLOOD: ["周海峰", "陈国栋", "刘思远", "村党组织书记"],
}

SECTION, INLINE = ("glossary-section",), ("inline",)
SENSES = {
    OPINIONS: [
        (("三大体系",), INLINE, ["政策法规", "标准规范", "服务供给"]),
        (("普惠托育服务",), INLINE, []),  # one noun phrase defined with 是指: no components (round 6)
        (("托育+医育",), INLINE, None),
    ],
    EVALUATION: [],
    PROJECTS: [
        # corrected: a list followed by its numeral shorthand (胸痛、卒中、创伤三大救治中心) is an inline definition by
        # the first pattern, as round 6 settled for 新材料、绿色食品、智能装备三大主导产业
        (("三大救治中心",), INLINE, ["胸痛", "卒中", "创伤"]),
    ],
    POINTS: [],
    FLOOD: [],
}
OPTIONAL_SENSES = {OPINIONS: set(), EVALUATION: set(), PROJECTS: set(), POINTS: set(), FLOOD: set()}
COUNTS = {OPINIONS: [("三大体系", 3, True)], EVALUATION: [], PROJECTS: [], POINTS: [], FLOOD: []}
UNDEFINED = {
    OPINIONS: {"一老一小"},
    EVALUATION: {"体医融合", "体教融合"},
    PROJECTS: set(),
    POINTS: {"三个区分开来", "三保"},
    FLOOD: set(),
}
OPTIONAL_UNDEFINED = {
    OPINIONS: {"双随机、一公开", "双随机", "一公开", "爱心托育", "岑川托育师"},
    EVALUATION: {"十四五", "15分钟健身圈", "村BA"},
    PROJECTS: {"飞线充电"},
    POINTS: {"对账销号"},
    FLOOD: {"人民至上、生命至上", "人民至上", "生命至上", "党政同责、一岗双责", "党政同责", "一岗双责", "零报告"},
}
SYSTEMS = {
    OPINIONS: [(("“岑川托育师”培训工程", "岑川托育师培训工程", "培训工程"), "工程")],
    EVALUATION: [(("市全民健身中心", "全民健身中心"), "中心")],
    PROJECTS: [],
    POINTS: [(("审计数据分析平台",), "平台"), (("县大数据中心", "大数据中心"), "中心")],
    FLOOD: [(("各村民兵应急分队", "村民兵应急分队", "民兵应急分队"), "队"), (("镇综合行政执法队", "综合行政执法队"), "队")],
}

PREREQUISITES = {
    OPINIONS: [
        (("依托X",), ("社区综合服务设施",), ("社区托育服务点", "嵌入式")),
        (("在X基础上",), ("满足3岁以上适龄儿童入园需求", "适龄儿童入园需求"), ("开设托班",)),
    ],
    EVALUATION: [
        (("依托X",), ("市全民健身中心", "全民健身中心"), ("体育服务综合体",)),
        (("为X奠定基础",), ("规划指标年度监测制度", "监测报告"), ("规划终期评估", "终期评估")),
    ],
    PROJECTS: [],
    POINTS: [(("依托X",), ("县大数据中心", "大数据中心"), ("审计数据分析平台",))],
    FLOOD: [(("在X基础上",), ("加强水源调度", "水源调度"), ("应急送水",))],
}

ANY = "any"  # a year the text leaves open: not scored
REACH = "=≥"  # a bare 达到X: a floor, as round 3 settled
TARGETS = {
    OPINIONS: [
        (("全省每千人口拥有3岁以下婴幼儿托位数", "每千人口拥有3岁以下婴幼儿托位数"), REACH, 4.5, "个", 2025),
        (("普惠托位占比",), "≥", 60, "%", 2025),
        (("每年认定示范点", "认定示范点", "示范点"), "≥", 30, "个", ANY),
        (("全省开设托班的幼儿园", "开设托班的幼儿园"), REACH, 800, "所", 2025),
        (("托育机构保育人员持证上岗率", "保育人员持证上岗率"), REACH, 100, "%", 2025),
        (("每个托位补助", "托位补助", "补助"), "≤", 8000, "元", None),
    ],
    EVALUATION: [
        (("经常参加体育锻炼人数比例",), REACH, 42, "%", 2025),
        (("人均体育场地面积",), REACH, 2.6, "平方米", 2025),
        (("每千人拥有社会体育指导员数",), "≥", 3, "名", ANY),
        (("国民体质监测合格率",), "≥", 93, "%", 2025),
        (("体育产业总规模",), REACH, 120, "亿元", 2025),
        (("学校体育场地开放率",), REACH, 70, "%", 2025),
        (("人均体育场地面积", "人均体育场地面积目标"), REACH, 2.5, "平方米", ANY),
        (("新建社区多功能运动场", "社区多功能运动场"), "=", 20, "片", 2024),
        (("健身步道",), "=", 50, "公里", 2024),
        (("规模以上体育企业",), REACH, 40, "家", 2025),
    ],
    PROJECTS: [
        (("新建改扩建城区公办幼儿园", "城区公办幼儿园", "公办幼儿园"), "=", 3, "所", 2024),
        (("新增学位", "学位"), "=", 1080, "个", 2024),
        (("为全县中小学教室更换护眼灯具", "更换护眼灯具", "护眼灯具"), "=", 2400, "套", 2024),
        (("新增负压救护车", "负压救护车"), "=", 6, "辆", 2024),
        (("体检人数",), "≥", 5.2, "万人", 2024),
        (("新建村级卫生室标准化改造项目", "村级卫生室标准化改造项目"), "=", 35, "个", 2024),
        (("新增社区老年助餐点", "社区老年助餐点"), "=", 25, "个", 2024),
        (("为特殊困难老年人家庭实施适老化改造", "实施适老化改造", "特殊困难老年人家庭实施适老化改造", "适老化改造"),
         "=", 800, "户", 2024),
        (("城镇新增就业",), "=", 3200, "人", 2024),
        (("开展职业技能培训", "职业技能培训"), "=", 5000, "人次", 2024),
        (("改造提升城区老旧小区", "城区老旧小区", "老旧小区"), "=", 12, "个", 2024),
        (("惠及居民", "居民"), "=", 3600, "户", 2024),
        (("新建城区公共停车泊位", "城区公共停车泊位", "公共停车泊位"), "=", 1500, "个", 2024),
        (("新建改造农村供水管网", "农村供水管网"), "=", 180, "公里", 2024),
        (("农村自来水普及率",), "≥", 98, "%", 2024),
        (("实施农村公路提档升级工程", "农村公路提档升级工程", "农村公路提档升级"), "=", 110, "公里", 2024),
        (("新开通城乡公交线路", "城乡公交线路"), "=", 4, "条", 2024),
        (("新建城市口袋公园", "城市口袋公园", "口袋公园"), "=", 10, "个", 2024),
        (("新增绿地面积", "绿地面积"), "=", 5, "万平方米", 2024),
        (("新建智慧书房", "智慧书房"), "=", 8, "个", 2024),
        (("新建村级综合文化广场", "村级综合文化广场"), "=", 20, "个", 2024),
        (("开展食品安全抽检", "食品安全抽检"), "=", 3000, "批次", 2024),
        (("办理法律援助案件", "法律援助案件"), "≥", 600, "件", 2024),
        (("新建农村电动自行车集中充电设施", "农村电动自行车集中充电设施", "电动自行车集中充电设施"), "=", 200, "处", 2024),
        (("新增城镇困难职工帮扶资金", "城镇困难职工帮扶资金", "帮扶资金"), "=", 300, "万元", 2024),
    ],
    POINTS: [
        (("全年计划安排审计项目", "计划安排审计项目", "审计项目"), "=", 28, "个", 2024),
        (("审计整改完成率",), "≥", 95, "%", 2024),
        (("抽查项目",), "≥", 40, "个", 2024),
        (("全年安排经济责任审计项目", "安排经济责任审计项目", "经济责任审计项目"), "=", 8, "个", 2024),
        (("覆盖学校",), "≥", 15, "所", 2024),
        (("实现财政、社保等8类数据常态化归集", "财政、社保等数据常态化归集", "数据常态化归集", "常态化归集"), "=", 8, "类",
         2024),
        (("全年组织业务培训", "组织业务培训", "业务培训"), "≥", 6, "期", 2024),
        # corrected: 培训 is the verb of 培训人员不少于120人次, as round 6 accepted 养老护理员 for 每年培训养老护理员
        (("培训人员", "人员"), "≥", 120, "人次", 2024),
    ],
    FLOOD: [
        (("危险区域群众转移率",), REACH, 100, "%", 2024),
        (("镇级储备编织袋", "储备编织袋", "编织袋"), "=", 2, "万条", 2024),
        (("救生衣",), "=", 300, "件", 2024),
        (("冲锋舟",), "=", 2, "艘", 2024),
        (("培训", "开展1次全覆盖培训"), "≥", 150, "人次", 2024),
    ],
}
# Values neither rewarded nor counted against: scopes (8座小型水库, 2个乡镇, 65岁以上), dates read as numbers,
# a minimum of one, progress against a target (完成目标的88.8%), changes on last time, a part of a total.
OPTIONAL_VALUES = {
    OPINIONS: {1, 2, 3, 10},
    EVALUATION: {6, 4, 2, 88.8, 65, 9, 71, 80, 17, 15},
    PROJECTS: {20, 65, 1, 3, 15, 25},
    POINTS: {2, 4, 3},
    FLOOD: {8, 26, 13, 24, 1},
}
ACHIEVED = {
    OPINIONS: [("托育机构", 1860), ("托位", 5.2), ("每千人口拥有托位数", 2.1)],
    EVALUATION: [("经常参加体育锻炼人数比例", 40.2), ("人均体育场地面积", 2.31), ("每千人拥有社会体育指导员数", 3.4),
                 ("国民体质监测合格率", 92.1), ("体育产业总规模", 78), ("学校体育场地开放率", 72), ("体育公园", 6),
                 ("健身步道", 186), ("社区多功能运动场", 42), ("金牌", 38), ("体育彩票", 15.6),
                 ("群众性赛事活动", 300), ("体育社会组织", 356), ("规模以上体育企业", 23)],
    PROJECTS: [],
    POINTS: [],
    FLOOD: [],
}
NATURES = {OPINIONS: [], EVALUATION: [], PROJECTS: [], POINTS: [], FLOOD: []}


# ------------------------------------------------------------------------------------------------------ scoring


def bare(text: str) -> str:
    """Comparison form of an expansion item: without quotes."""
    return norm(text).replace('"', "").replace("'", "")


@lru_cache(maxsize=None)
def facts(name: str) -> DocumentFacts:
    return extract(UNSEEN7 / name)


def _meta_right(expected, got) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    accepted = expected if isinstance(expected, tuple) else (expected,)
    for value in accepted:
        if isinstance(value, str) and value.startswith("*"):
            if norm(str(got)).endswith(norm(value[1:])):
                return True
        elif norm(str(got)) == norm(str(value)):
            return True
    return False


def score_meta(name: str) -> Score:
    tally, plan = Score(), facts(name).plan
    for key, expected in META[name].items():
        got = getattr(plan, key)
        if _meta_right(expected, got):
            tally.tp += expected is not None
        else:
            tally.fn += expected is not None
            tally.fp += got is not None
    return tally


def score_cited(name: str) -> Score:
    """A cited document is right with its title and, where one is printed, its number."""
    got = [(norm(c.title), norm(c.doc_number) if c.doc_number else None) for c in facts(name).plan.cited]
    expected = [(norm(title), norm(number) if number else None) for title, number in CITED[name]]
    optional = {norm(title) for title in OPTIONAL_CITED[name]}
    tp = sum(1 for item in expected if item in got)
    return Score(tp=tp, fn=len(expected) - tp,
                 fp=sum(1 for item in got if item not in expected and item[0] not in optional))


def _task_matches(number: str, title: str, task) -> bool:
    numbers = {norm(n) for n in number.split("|")}
    return norm(task.number or "") in numbers and norm(title) in norm(task.title)


def match_tasks(name: str) -> list[tuple[T, object]]:
    """Expected tasks paired one to one with the first predicted task that matches, in text order."""
    tasks = facts(name).tasks
    used: set[str] = set()
    pairs = []
    for expected in TASKS[name]:
        task = next((t for t in tasks if t.id not in used and _task_matches(expected.number, expected.title, t)), None)
        if task is not None:
            used.add(task.id)
        pairs.append((expected, task))
    return pairs


def score_tasks(name: str) -> dict[str, Score]:
    pairs = match_tasks(name)
    by_id = {t.id: t for t in facts(name).tasks}
    found = Score(tp=sum(t is not None for _, t in pairs), fn=sum(t is None for _, t in pairs))
    found.fp = len(facts(name).tasks) - found.tp
    parent, due, box = Score(), Score(), Score()
    for expected, task in pairs:
        if task is None:
            continue
        got_parent = by_id[task.parent].title if task.parent else None
        if (got_parent is None) == (expected.parent is None) and (
                expected.parent is None or norm(expected.parent) in norm(got_parent)):
            parent.tp += 1
        else:
            parent.fn += 1
            parent.fp += got_parent is not None
        if expected.box is not None:
            if norm(expected.box) == norm(task.category or ""):
                box.tp += 1
            else:
                box.fn += 1
                box.fp += task.category is not None
        if expected.due is None:
            continue
        got_due = task.due.date if task.due else None
        if (got_due or "") == expected.due:
            due.tp += bool(expected.due)
        else:
            due.fn += bool(expected.due)
            due.fp += got_due is not None
    return {"tasks": found, "tasks.parent": parent, "tasks.due": due, "tasks.box": box}


def score_task_agencies(name: str) -> Score:
    """(task, agency as printed, role) over every task; a sub-task repeating its parent's pair is left out."""
    tasks = facts(name).tasks
    by_id = {t.id: t for t in tasks}

    def pairs(task) -> set[tuple[str, str]]:
        return {(norm(a.printed), a.role) for a in task.agencies}

    got = {(t.id, *pair) for t in tasks for pair in pairs(t)
           if not (t.parent and pair in pairs(by_id[t.parent]))}
    expected = set()
    for number, title, agency, role in AGENCIES[name]:
        task = next((t for t in tasks if _task_matches(number, title, t)), None)
        expected.add((task.id if task else f"missing {number} {title}", norm(agency), role))
    return Score(tp=len(expected & got), fp=len(got - expected), fn=len(expected - got))


def score_duties(name: str) -> Score:
    duties = facts(name).responsibilities
    text = facts(name).document.text
    optional = OPTIONAL_DUTIES[name]

    def says(duty, phrase):
        return norm(phrase) in norm(duty.text) or norm(phrase) in norm(text[duty.sentence.start:duty.sentence.end])

    def matches(item, duty):
        names, phrase = item
        return {norm(duty.agency.name), norm(duty.agency.printed)} & {norm(n) for n in names} and says(duty, phrase)

    tally, used = Score(), set()
    for item in DUTIES[name]:
        hit = next((i for i, d in enumerate(duties) if i not in used and matches(item, d)), None)
        if hit is None:
            tally.fn += 1
        else:
            used.add(hit)
            tally.tp += 1
    tally.fp = sum(1 for i, d in enumerate(duties) if i not in used and not any(says(d, p) for p in optional))
    return tally


def score_not_agencies(name: str) -> Score:
    """Each person or post named nowhere as an agency is a true positive; one named so is a false positive."""
    found = facts(name)
    printed = [a.printed for a in found.agencies if not a.person] + [
        a.printed for t in found.tasks for a in t.agencies if not a.person] + [
        d.agency.printed for d in found.responsibilities if not d.agency.person]
    tally = Score()
    for word in NOT_AGENCIES[name]:
        taken = any(word in p for p in printed)
        tally.tp += not taken
        tally.fp += taken
        tally.fn += taken
    return tally


def _expansion_right(expected, got: list[str]) -> bool:
    accepted = expected if isinstance(expected, tuple) else (expected,)
    return any([bare(p) for p in parts] == [bare(p) for p in got] for parts in accepted)


def match_senses(name: str) -> list[tuple[tuple, object]]:
    """Expected senses paired one to one with a defined sense of an accepted label and kind."""
    senses = [s for s in facts(name).terms if s.kind != "undefined"]
    used: set[str] = set()
    pairs = []
    for item in SENSES[name]:
        labels, kinds, parts = item
        accepted = {normalize_label(label) for label in labels}
        candidates = [s for s in senses if s.id not in used and s.kind in kinds
                      and normalize_label(s.label) in accepted]
        hit = next((s for s in candidates if parts is not None and _expansion_right(parts, s.expansion)),
                   candidates[0] if candidates else None)
        if hit is not None:
            used.add(hit.id)
        pairs.append((item, hit))
    return pairs


def score_senses(name: str) -> dict[str, Score]:
    senses = [s for s in facts(name).terms if s.kind != "undefined"]
    optional = {normalize_label(label) for label in OPTIONAL_SENSES[name]}
    found, expansion, counts = Score(), Score(), Score()
    pairs = match_senses(name)
    for (labels, _, parts), hit in pairs:
        if hit is None:
            found.fn += 1
            expansion.fn += parts is not None
            continue
        found.tp += 1
        if parts is not None:
            if _expansion_right(parts, hit.expansion):
                expansion.tp += 1
            else:
                expansion.fn += 1
                expansion.fp += bool(hit.expansion)
    used = {hit.id for _, hit in pairs if hit is not None}
    found.fp = sum(1 for s in senses if s.id not in used and normalize_label(s.label) not in optional)
    hits = [hit for _, hit in pairs if hit is not None]
    for label, count, agrees in COUNTS[name]:
        sense = next((s for s in hits if normalize_label(s.label).startswith(normalize_label(label))), None)
        if sense is not None:
            hits.remove(sense)
        if sense is not None and sense.declared_count == count and sense.count_agrees is agrees:
            counts.tp += 1
        else:
            counts.fn += 1
            counts.fp += sense is not None and sense.declared_count is not None
    return {"glossary.senses": found, "glossary.expansions": expansion, "glossary.counts": counts}


def score_undefined(name: str) -> Score:
    got = {normalize_label(s.label) for s in facts(name).terms if s.kind == "undefined"}
    expected = {normalize_label(label) for label in UNDEFINED[name]}
    optional = {normalize_label(label) for label in OPTIONAL_UNDEFINED[name]}
    return Score(tp=len(got & expected), fp=len(got - expected - optional), fn=len(expected - got))


def score_term_mentions(name: str) -> Score:
    """Every occurrence of a defined label in the text is a mention of it; a term mention of such a label that
    covers no occurrence is wrong."""
    text = normalize(facts(name).document.text)
    tally = Score()
    for labels, _, _ in SENSES[name]:
        label = normalize(labels[0])
        occurrences = []
        start = text.find(label)
        while start >= 0:
            occurrences.append((start, start + len(label)))
            start = text.find(label, start + 1)
        mentions = [m.span for m in facts(name).mentions
                    if m.kind == "term" and normalize_label(m.label) == normalize_label(label)]
        for begin, end in occurrences:
            if any(span.start < end and begin < span.end for span in mentions):
                tally.tp += 1
            else:
                tally.fn += 1
        tally.fp += sum(1 for span in mentions if not any(span.start < e and b < span.end for b, e in occurrences))
    return tally


def score_systems(name: str) -> Score:
    got = {(normalize_label(m.label), m.system_kind) for m in facts(name).mentions if m.kind == "system"}
    tally = Score()
    for labels, kind in SYSTEMS[name]:
        if any((normalize_label(label), kind) in got for label in labels):
            tally.tp += 1
        else:
            tally.fn += 1
    return tally  # recall only: a plan names many more systems than these


def score_prerequisites(name: str) -> Score:
    found = list(facts(name).prerequisites)
    tally, used = Score(), set()
    for cues, pre, dep in PREREQUISITES[name]:
        hit = next((i for i, p in enumerate(found) if i not in used and p.cue in cues
                    and any(norm(k) in norm(p.prerequisite) for k in pre)
                    and any(norm(k) in norm(p.dependent) for k in dep)), None)
        if hit is None:
            tally.fn += 1
        else:
            used.add(hit)
            tally.tp += 1
    tally.fp = len(found) - tally.tp
    return tally


def match_targets(name: str) -> list[tuple[tuple, object]]:
    targets = [t for t in facts(name).targets if t.kind == "target"]
    used: set[int] = set()
    pairs = []
    for item in TARGETS[name]:
        indicators, comparators, value, unit, _ = item
        hit = next((i for i, t in enumerate(targets) if i not in used and t.comparator in comparators
                    and round(t.value, 4) == round(value, 4) and t.unit == unit
                    and norm(t.indicator) in {norm(k) for k in indicators}), None)
        if hit is not None:
            used.add(hit)
        pairs.append((item, targets[hit] if hit is not None else None))
    return pairs


def score_targets(name: str) -> dict[str, Score]:
    targets = [t for t in facts(name).targets if t.kind == "target"]
    pairs = match_targets(name)
    found = Score(tp=sum(t is not None for _, t in pairs), fn=sum(t is None for _, t in pairs))
    matched = {id(t) for _, t in pairs if t is not None}
    optional = OPTIONAL_VALUES[name]
    found.fp = sum(1 for t in targets if id(t) not in matched and round(t.value, 4) not in optional)
    year = Score()
    for item, target in pairs:
        expected = item[4]
        if target is None or expected == ANY:
            continue
        if target.year == expected:
            year.tp += expected is not None
        else:
            year.fn += expected is not None
            year.fp += target.year is not None
    nature = Score()
    for indicator, value, expected in NATURES[name]:
        target = next((t for _, t in pairs if t is not None and norm(indicator) in norm(t.indicator)
                       and round(t.value, 4) == value and t.nature == expected), None)
        nature.tp += target is not None
        nature.fn += target is None
    achieved = [t for t in facts(name).targets if t.kind == "achieved"]
    past, used = Score(), set()
    for phrase, value in ACHIEVED[name]:
        hit = next((i for i, t in enumerate(achieved) if i not in used and round(t.value, 4) == value
                    and norm(phrase) in norm(t.indicator)), None)
        if hit is None:
            past.fn += 1
        else:
            used.add(hit)
            past.tp += 1
    past.fp = sum(1 for i, t in enumerate(achieved) if i not in used and round(t.value, 4) not in optional)
    return {"targets": found, "targets.year": year, "targets.nature": nature, "targets.achieved": past}


def scores(names=DOCUMENTS) -> dict[str, Score]:
    return summed({"metadata": score_meta(name), "metadata.cited": score_cited(name), **score_tasks(name),
                   "tasks.agencies": score_task_agencies(name), "agency.responsibilities": score_duties(name),
                   "persons not agencies": score_not_agencies(name), **score_targets(name),
                   **score_senses(name), "glossary.undefined": score_undefined(name),
                   "mentions.terms": score_term_mentions(name), "mentions.systems (recall)": score_systems(name),
                   "prerequisites": score_prerequisites(name)} for name in names)


# (precision, recall) each category must keep: the figures after the fixes, minus 0.05.
THRESHOLDS = {
    "metadata": (0.95, 0.95),
    "metadata.cited": (0.95, 0.95),
    "tasks": (0.95, 0.95),
    "tasks.parent": (0.95, 0.95),
    "tasks.due": (0.95, 0.95),
    "tasks.agencies": (0.95, 0.95),
    "agency.responsibilities": (0.95, 0.95),
    "persons not agencies": (0.95, 0.95),
    "targets": (0.95, 0.95),
    "targets.year": (0.95, 0.95),
    "targets.achieved": (0.95, 0.89),
    "glossary.senses": (0.95, 0.95),
    "glossary.expansions": (0.61, 0.61),
    "glossary.counts": (0.95, 0.95),
    "glossary.undefined": (0.95, 0.95),
    "mentions.terms": (0.95, 0.95),
    "mentions.systems (recall)": (0.95, 0.95),
    "prerequisites": (0.95, 0.95),
}


@pytest.fixture(scope="module")
def figures() -> dict[str, Score]:
    return scores()


@pytest.mark.parametrize("category", THRESHOLDS)
def test_blind_figures_hold(figures, category):
    precision, recall = THRESHOLDS[category]
    tally = figures[category]
    assert tally.precision >= precision and tally.recall >= recall, table(figures)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_each_document_has_the_rounds_length(name):
    """Round 7's documents keep 1,500–4,000 characters each."""
    assert 1500 <= len((UNSEEN7 / name).read_text(encoding="utf-8")) <= 4000


if __name__ == "__main__":
    import sys

    chosen = [name for name in DOCUMENTS if any(arg in name for arg in sys.argv[1:])] or DOCUMENTS
    print(table(scores(chosen)))
