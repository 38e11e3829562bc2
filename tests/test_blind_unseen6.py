"""Sixth blind round (long plans): three complete documents written for this test (tests/fixtures/unseen6/), each
4,000+ characters and mixing everything a researcher reads a plan for, in sectors the earlier rounds did not use,
with invented places, agencies and people, scored against facts written down from the documents BEFORE the
extractor was run on them.

| document  | genre and shape |
|-----------|-----------------|
| tingyuan  | 养老服务 十四五 规划 wrapped in a 印发 notice: 第一章…第四章 with 第一节 sections, 一、…十三、 numbered on across the sections, owners in a closing parenthesis (责任单位：… / 牵头单位：…；配合单位：…), a flattened 主要指标 table 序号/指标名称/单位/2020年基期值/2025年目标值/属性 (≥, —, [3000] five-year totals), 专栏1/专栏2 boxes, 基本原则 (一)… that are no tasks, a 附件 名词解释 section, 依托/在…的基础上/待…建成后 |
| hefeng    | 县 政府工作报告重点工作任务分工方案: 一、…八、 groups, 30 items 1.… each followed by 牵头领导：<person> / 牵头单位：… / 责任单位：… lines, ten with 完成时限：…; a closing 有关要求 with (一)…(四) that are no tasks and a plan-wide default deadline (未明确完成时限的，均须于2024年12月底前完成) |
| mingchuan | 人工智能 三年行动方案（2024—2026年）: “1+3+N” explained with 即：, “人工智能+” with 是指, 以下简称, X、Y、Z“三数融通”, prerequisite cues (依托X, 在X的基础上, 待X建成后, 在X建成后, 通过X建设), 以X为载体 (no prerequisite), 专栏1/专栏2 boxes, yearly milestones (2024年…2025年…到2026年…), a 保障措施 section |

Figures (precision / recall over all three; ``python tests/test_blind_unseen6.py [name]`` prints them).
The first run used the expectations as first written (commit "blind round 6: expectations before the first run").

| category                   | first run, as written | same run, expectations corrected            | after the fixes |
|----------------------------|-----------------------|---------------------------------------------|-----------------|
| metadata (fields)          | 1.00 / 1.00           | 1.00 / 1.00                                 | 1.00 / 1.00     |
| metadata.cited             | 0.86 / 1.00           | 1.00 / 1.00                                 | 1.00 / 1.00     |
| tasks                      | 0.72 / 0.91           | 0.72 / 0.91                                 | 1.00 / 1.00     |
| tasks.parent               | 0.88 / 0.56           | 0.88 / 0.56                                 | 1.00 / 1.00     |
| tasks.due                  | 1.00 / 0.62           | 1.00 / 0.62                                 | 1.00 / 1.00     |
| tasks.box                  | 1.00 / 1.00           | 1.00 / 1.00                                 | 1.00 / 1.00     |
| tasks.agencies             | 0.99 / 1.00           | 0.99 / 1.00                                 | 1.00 / 1.00     |
| agency.responsibilities    | 1.00 / 0.98           | 1.00 / 0.98                                 | 1.00 / 1.00     |
| persons not agencies       | 1.00 / 1.00           | 1.00 / 1.00                                 | 1.00 / 1.00     |
| targets                    | 0.78 / 0.74           | 0.92 / 0.88                                 | 1.00 / 1.00     |
| targets.year               | 1.00 / 1.00           | 0.99 / 1.00                                 | 1.00 / 1.00     |
| targets.nature             | 1.00 / 0.71           | 1.00 / 0.71                                 | 1.00 / 1.00     |
| targets.achieved           | 1.00 / 1.00           | 1.00 / 1.00                                 | 1.00 / 1.00     |
| glossary.senses            | 0.62 / 1.00           | 0.67 / 1.00                                 | 1.00 / 1.00     |
| glossary.expansions        | 0.20 / 0.20           | 0.20 / 0.20                                 | 1.00 / 1.00     |
| glossary.counts            | 1.00 / 1.00           | 1.00 / 1.00                                 | 1.00 / 1.00     |
| glossary.undefined         | 0.56 / 0.83           | 0.71 / 0.83                                 | 1.00 / 1.00     |
| mentions.terms             | 1.00 / 1.00           | 1.00 / 1.00                                 | 1.00 / 1.00     |
| mentions.systems (recall)  | – / 1.00              | – / 1.00                                    | – / 1.00        |
| prerequisites              | 1.00 / 1.00           | 1.00 / 1.00                                 | 1.00 / 1.00     |

Corrected after the first run, each marked "corrected" below with its reason: a bare 达到X is a floor (≥), as
round 3 settled (16 targets); 完成 is a verb, no part of an indicator (完成投资 → 投资); 《汀源市居家养老服务条例》
was left out of the cited documents when written; the labelled part 3大重点应用领域 of “1+3+N” and the parts of the
quoted slogan “月调度、季观摩、年考核” are left open, as round 3 left 1/N/X and 谋划一批… open. No expectation was
changed to meet an output otherwise. Two more were corrected with the fixes, for the same reasons: 全市算力总规模达到
800PFlops (达到, missed among the 16) and hefeng's 新材料、绿色食品、智能装备三大主导产业 (a list followed by its numeral
shorthand is an inline definition, the issue's first pattern; left out when written).

Every miss below was then fixed with a general rule and a unit test on invented text (``outline``: a 专栏 closes
the item it follows, a closing part such as 有关要求 holds no tasks; ``tasks``: the groups of a 分工方案 are tasks;
``dates.find_default_due``: a plan-wide default deadline stated in words; ``tables.is_indicator_header``; ``agencies``:
X要 + work states a duty, …室 offices; ``targets``: the rules named in its docstring; ``glossary``: count-closed lists,
formula parts, titles in 《》). What the first run missed is listed, grouped by module with the input line, the expected and the extracted fact
and a guess at the general rule, in the round's notes (kept outside the repository); in short:

- tingyuan's flattened 主要指标 table (序号/指标名称/单位/2020年基期值/2025年目标值/属性) is read as a task table: 27
  tasks (%, ≥60, 约束性 …) that are no tasks, hung under the text's items; its last row's ≥90 and the [3000]
  five-year total give no target;
- hefeng's 一、…八、 groups are no tasks and its 1.…30. items have no parent; the closing 有关要求 (一)…(四) are read
  as four tasks under item 30; the plan-wide default deadline is not applied (20 deadlines);
- box items stand under the item before the 专栏 (五、, 十一、) instead of the 第X节 section (6 parents);
- targets: 签约 read as 约 (≈), 人大三次会议 as a target of 3 次, 专栏1　人… as 1 人, PFlops no unit, 最高 no ceiling
  (≤), 分别增长5.5%和7% gives 7% to the indicator before, verbs and places cut into indicators (区规模以上…,
  改扩建…, 示范区内…, 在…行业打造…);
- glossary: 名词解释 expansions keep the definition's frame (为…提供的助餐, 助医四项上门服务; 三类床位之间的转介衔接),
  and the list inside an entry is read again as an inline sense labelled by its tail (三类床位之间, 四项上门服务);
  “1+3+N”, 即：做强1个…，深耕…3大…，打造N个… splits at 、 instead of at the verbs; 是指 definitions get split into
  clauses as an expansion; “十四五”规划》（…号） becomes an inline sense; 智改数转 is not flagged undefined;
  早投产、早见效 are;
- agencies: 县政府督查室 is no agency (no duty for 跟踪督办); 各县（区）人民政府要把… and 各县（市、区）要… state no duty.

Expectations that follow a decision rather than the text alone (each is a fact a researcher reading the document
would write down):

- hefeng's closing 未明确完成时限的，均须于2024年12月底前完成 gives every item without its own 完成时限 the deadline
  2024-12-31 (a plan-wide default deadline stated in words);
- a table's base-year values (2020年基期值) are figures of the past, as round 3 settled (qiaoshan);
- 牵头单位 → lead, 配合单位 → supporting, 责任单位 → responsible; owners named after an item are that item's
  stated responsibilities (round 5, qiwu and tongling); 牵头领导 names a person, never an agency.
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

UNSEEN6 = Path(__file__).resolve().parent / "fixtures" / "unseen6"

ELDERLY = "tingyuan-14th-fyp-elderly-care-plan.txt"
DIVISION = "hefeng-2024-government-work-report-task-division.txt"
AI = "mingchuan-2024-2026-ai-digital-economy-action-plan.txt"
DOCUMENTS = (ELDERLY, DIVISION, AI)

# ------------------------------------------------------------------------------------------------ expectations
# Metadata: field -> accepted value, or a tuple of accepted values; a field left out is not scored; None: nothing
# may be found. A value starting with * matches any value ending in the rest.
META = {
    ELDERLY: dict(title="汀源市“十四五”养老服务体系建设规划", issuer="汀源市人民政府办公室", doc_number="汀政办发〔2022〕11号",
                  issued="2022-03-15", period_start=2021, period_end=2025, kind="规划"),
    DIVISION: dict(title=("2024年《政府工作报告》重点工作任务分工方案", "2024年〈政府工作报告〉重点工作任务分工方案",
                          "禾丰县2024年《政府工作报告》重点工作任务分工方案"),
                   issuer="禾丰县人民政府", doc_number="禾政发〔2024〕5号", issued="2024-02-26", period_start=2024,
                   period_end=2024, kind="*方案"),
    AI: dict(title=("茗川市人工智能赋能数字经济高质量发展三年行动方案（2024—2026年）",
                    "茗川市人工智能赋能数字经济高质量发展三年行动方案"),
             issuer="茗川市人民政府办公室", doc_number="茗政办发〔2024〕18号", issued="2024-04-22", period_start=2024,
             period_end=2026, kind="*行动方案"),
}
# Documents the plan cites: (title as printed inside 《》, its number or None). OPTIONAL_CITED: the plan itself,
# named in its own notice, is neither rewarded nor counted against.
CITED = {
    ELDERLY: [("中华人民共和国老年人权益保障法", None), ("江岚省“十四五”养老服务体系建设规划", "岚政办发〔2021〕52号"),
              ("汀源市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要", None),
              # corrected: left out when written; 出台《汀源市居家养老服务条例》 in 第一章 cites it
              ("汀源市居家养老服务条例", None)],
    DIVISION: [("政府工作报告", None)],
    AI: [("江岚省新一代人工智能产业发展行动计划", None), ("茗川市数字经济发展“十四五”规划", "茗政发〔2022〕7号")],
}
OPTIONAL_CITED = {
    ELDERLY: ["汀源市“十四五”养老服务体系建设规划"],
    DIVISION: ["2024年〈政府工作报告〉重点工作任务分工方案", "2024年《政府工作报告》重点工作任务分工方案"],
    AI: ["茗川市人工智能赋能数字经济高质量发展三年行动方案（2024—2026年）"],
}


@dataclass(frozen=True)
class T:
    """An expected task: number as printed (alternatives apart by |), a phrase of its title, a phrase of its
    parent's title (None for a top task), its deadline (an ISO date, "" for none, None when not scored), and the
    专栏 box it stands in (None outside a box, not scored then)."""

    number: str
    title: str
    parent: str | None
    due: str | None
    box: str | None = None


HOME, INSTITUTION, MEDICAL, STAFF, INDUSTRY, OVERSIGHT = (
    "健全居家社区养老服务网络", "提升机构养老服务能力", "深化医养康养结合", "壮大养老服务人才队伍",
    "发展普惠养老和银发经济", "加强养老服务综合监管")
FACILITIES, HEALTH = "养老服务设施建设重点工程", "医养康养融合发展工程"
TASKS_ELDERLY = [
    T("第一节", HOME, None, None),
    T("一|一、", "推进“一刻钟养老服务圈”建设", HOME, "2024-12-31"),
    T("二|二、", "发展家庭养老床位", HOME, "2025-12-31"),
    T("三|三、", "建立特殊困难老年人探访关爱制度", HOME, "2022-06-30"),
    T("第二节", INSTITUTION, None, None),
    T("四|四、", "推进公办养老机构改革提升", INSTITUTION, "2023-06-30"),
    T("五|五、", "推进“三床联动”", INSTITUTION, ""),
    T("1|1.", "街道综合养老服务中心建设工程", INSTITUTION, "2024-12-31", FACILITIES),
    T("2|2.", "农村互助幸福院提升工程", INSTITUTION, "", FACILITIES),
    T("3|3.", "市社会福利中心二期工程", INSTITUTION, "2025-12-31", FACILITIES),
    T("第三节", MEDICAL, None, None),
    T("六|六、", "推动医养结合机构发展", MEDICAL, "2025-12-31"),
    T("七|七、", "发展智慧养老服务", MEDICAL, "2023-12-31"),
    T("第四节", STAFF, None, None),
    T("八|八、", "实施养老护理员培训计划", STAFF, "2025-12-31"),
    T("九|九、", "发展“时间银行”志愿服务", STAFF, ""),
    T("第五节", INDUSTRY, None, None),
    T("十|十、", "扩大普惠养老服务供给", INDUSTRY, ""),
    T("十一|十一、", "培育银发经济新业态", INDUSTRY, None),  # 2024年前 for one figure, 到2025年 for another
    T("1|1.", "老年医学科建设", INDUSTRY, "", HEALTH),
    T("2|2.", "安宁疗护试点", INDUSTRY, "2023-12-31", HEALTH),
    T("3|3.", "老年人心理关爱行动", INDUSTRY, "", HEALTH),
    T("第六节", OVERSIGHT, None, None),
    T("十二|十二、", "健全养老服务质量标准体系", OVERSIGHT, "2025-12-31"),
    T("十三|十三、", "守牢养老服务安全底线", OVERSIGHT, "2022-12-31"),
]

GOALS, FACTORY, PROJECTS, FARMS, REFORM, CITY, LIVES, SAFETY = (
    "主要预期目标", "坚持工业强县", "坚持项目为王", "坚持农业稳县", "坚持改革开放", "坚持城乡统筹", "坚持民生为本",
    "坚持安全发展")
_YEAR_END = "2024-12-31"  # 未明确完成时限的，均须于2024年12月底前完成
_ITEMS = [  # (number, a phrase of its title, its group, its 完成时限 or the plan-wide default)
    ("1", "地区生产总值增长", GOALS, _YEAR_END),
    ("2", "实施新一轮技改提升行动", FACTORY, _YEAR_END),
    ("3", "加快禾丰经济开发区扩区调位", FACTORY, "2024-06-30"),
    ("4", "新增规模以上工业企业", FACTORY, _YEAR_END),
    ("5", "推进县域商贸流通体系建设", FACTORY, "2024-10-31"),
    ("6", "大力发展全域旅游", FACTORY, _YEAR_END),
    ("7", "全年实施亿元以上重点项目", PROJECTS, _YEAR_END),
    ("8", "积极争取中央预算内投资", PROJECTS, _YEAR_END),
    ("9", "开展“招商引资提质年”活动", PROJECTS, _YEAR_END),
    ("10", "深化“标准地+承诺制”改革", PROJECTS, "2024-12-31"),
    ("11", "稳定粮食播种面积", FARMS, _YEAR_END),
    ("12", "巩固拓展脱贫攻坚成果", FARMS, _YEAR_END),
    ("13", "实施和美乡村建设工程", FARMS, "2024-11-30"),
    ("14", "发展壮大村级集体经济", FARMS, _YEAR_END),
    ("15", "深化“一件事一次办”改革", REFORM, "2024-09-30"),
    ("16", "深化国有企业改革", REFORM, "2024-08-31"),
    ("17", "开展拖欠企业账款清理行动", REFORM, "2024-06-30"),
    ("18", "实施城市更新行动", CITY, _YEAR_END),
    ("19", "加快县城污水处理厂二期建设", CITY, "2024-12-31"),
    ("20", "持续打好蓝天、碧水、净土保卫战", CITY, _YEAR_END),
    ("21", "推进“四好农村路”建设", CITY, _YEAR_END),
    ("22", "城镇新增就业", LIVES, _YEAR_END),
    ("23", "新建改扩建中小学、幼儿园", LIVES, "2024-08-31"),
    ("24", "推进紧密型县域医共体建设", LIVES, _YEAR_END),
    ("25", "建成乡镇综合养老服务中心", LIVES, _YEAR_END),
    ("26", "实施县图书馆、文化馆总分馆制提质工程", LIVES, _YEAR_END),
    ("27", "深化安全生产治本攻坚三年行动", SAFETY, _YEAR_END),
    ("28", "坚持和发展新时代“枫林经验”", SAFETY, _YEAR_END),
    ("29", "完成第五次全国经济普查数据汇总和发布工作", SAFETY, "2024-12-31"),
    ("30", "加强政府自身建设", SAFETY, _YEAR_END),
]
_GROUPS = [("一", GOALS), ("二", FACTORY), ("三", PROJECTS), ("四", FARMS), ("五", REFORM), ("六", CITY), ("七", LIVES),
           ("八", SAFETY)]
TASKS_DIVISION = []
for _numeral, _group in _GROUPS:
    TASKS_DIVISION.append(T(f"{_numeral}|{_numeral}、", _group, None, None))
    TASKS_DIVISION += [T(f"{n}|{n}.", title, group, due) for n, title, group, due in _ITEMS if group == _group]

BASE, CLUSTER, ACTION, ECOSYSTEM, OPENING = (
    "夯实算力和数据基础", "培育人工智能产业集群", "深入推进“人工智能+”行动", "优化产业发展生态", "扩大开放合作")
AI_PROJECTS, SCENES = "人工智能产业重点项目", "“人工智能+”典型应用场景"
TASKS_AI = [
    T("（一）", BASE, None, None),
    T("1|1.", "建设公共算力中心", BASE, "2024-12-31"),
    T("2|2.", "推动数据要素流通", BASE, None),  # 2024年9月底前 (the catalogue) and 2025年6月底前 (data products)
    T("3|3.", "建设高质量行业数据集", BASE, ""),
    T("（二）", CLUSTER, None, None),
    T("4|4.", "壮大人工智能核心产业", CLUSTER, "2026-12-31"),
    T("5|5.", "打造人工智能创新应用示范区", CLUSTER, "2025-12-31"),
    T("6|6.", "实施关键核心技术攻关", CLUSTER, ""),
    T("1|1.", "茗川智能传感器产业园", CLUSTER, "2025-12-31", AI_PROJECTS),
    T("2|2.", "行业大模型训练基地", CLUSTER, "2024-12-31", AI_PROJECTS),
    T("3|3.", "智能网联汽车测试示范区", CLUSTER, "2026-12-31", AI_PROJECTS),
    T("（三）", ACTION, None, None),
    T("7|7.", "推进“人工智能+制造”", ACTION, "2026-12-31"),
    T("8|8.", "推进“人工智能+城市治理”", ACTION, "2025-12-31"),
    T("9|9.", "推进“人工智能+医疗健康”", ACTION, "2026-12-31"),
    T("10|10.", "推进“人工智能+政务服务”", ACTION, ""),
    T("1|1.", "智慧工厂场景", ACTION, "", SCENES),
    T("2|2.", "城市治理场景", ACTION, "", SCENES),
    T("3|3.", "智慧医疗场景", ACTION, "", SCENES),
    T("4|4.", "智慧农业场景", ACTION, "2025-12-31", SCENES),
    T("（四）", ECOSYSTEM, None, None),
    T("11|11.", "加强人才引育", ECOSYSTEM, ""),
    T("12|12.", "强化金融支持", ECOSYSTEM, ""),
    T("（五）", OPENING, None, None),
    T("13|13.", "深化区域协同", OPENING, "2025-12-31"),
    T("14|14.", "办好产业交流活动", OPENING, ""),
]
TASKS = {ELDERLY: TASKS_ELDERLY, DIVISION: TASKS_DIVISION, AI: TASKS_AI}

# Agencies of tasks: (number, a phrase of the task's title, agency as printed, role).
_LEAD, _RESP, _SUPP = "lead", "responsible", "supporting"


def _owners(number: str, title: str, lead: list[str], responsible: list[str], supporting: list[str] = ()):
    return ([(number, title, a, _LEAD) for a in lead] + [(number, title, a, _RESP) for a in responsible]
            + [(number, title, a, _SUPP) for a in supporting])


AGENCIES = {
    ELDERLY: [
        *_owners("一", "一刻钟养老服务圈", [], ["市民政局", "市自然资源和规划局", "各县（区）人民政府"]),
        *_owners("二", "家庭养老床位", [], ["市民政局", "市卫生健康委"]),
        *_owners("三", "探访关爱", [], ["市民政局", "各县（区）人民政府"]),
        *_owners("四", "公办养老机构", ["市民政局"], [], ["市财政局", "市发展改革委"]),
        *_owners("五", "三床联动", [], ["市卫生健康委", "市医保局", "市民政局"]),
        *_owners("六", "医养结合机构", [], ["市卫生健康委", "市民政局"]),
        *_owners("七", "智慧养老", [], ["市民政局", "市大数据中心"]),
        *_owners("八", "养老护理员培训", [], ["市人力资源社会保障局", "市民政局"]),
        *_owners("九", "时间银行", [], ["团市委", "市民政局"]),
        *_owners("十", "普惠养老", ["市发展改革委"], [], ["市民政局", "市国资委"]),
        *_owners("十一", "银发经济", [], ["市工业和信息化局", "市商务局", "市民政局", "市残联"]),
        *_owners("十二", "质量标准体系", [], ["市民政局", "市市场监管局"]),
        *_owners("十三", "安全底线", ["市民政局"], [], ["市消防救援支队", "市公安局", "市市场监管局", "市地方金融监管局"]),
    ],
    DIVISION: [
        *_owners("1", "地区生产总值", ["县发展改革局"], ["县统计局", "县财政局", "县工业和信息化局", "县商务局"]),
        *_owners("2", "技改提升", ["县工业和信息化局"], ["县发展改革局", "县财政局"]),
        *_owners("3", "扩区调位", ["禾丰经济开发区管委会"], ["县自然资源局", "县发展改革局"]),
        *_owners("4", "规模以上工业企业", ["县工业和信息化局"], ["县科技局", "县市场监管局"]),
        *_owners("5", "商贸流通", ["县商务局"], ["县交通运输局", "县邮政管理局"]),
        *_owners("6", "全域旅游", ["县文化和旅游局"], ["青螺湖景区管理处", "县住房城乡建设局"]),
        *_owners("7", "重点项目", ["县发展改革局"], ["各乡镇人民政府", "县直各有关部门"]),
        *_owners("8", "中央预算内投资", ["县财政局"], ["县发展改革局"]),
        *_owners("9", "招商引资", ["县投资促进中心"], ["各乡镇人民政府", "街道办事处"]),
        *_owners("10", "标准地", ["县自然资源局"], ["县行政审批服务局", "禾丰经济开发区管委会"]),
        *_owners("11", "粮食播种面积", ["县农业农村局"], ["县财政局", "县自然资源局", "各乡镇人民政府"]),
        *_owners("12", "脱贫攻坚", ["县乡村振兴局"], ["县农业农村局", "县人力资源社会保障局"]),
        *_owners("13", "和美乡村", ["县农业农村局"], ["县住房城乡建设局", "县卫生健康局"]),
        *_owners("14", "村级集体经济", ["县委组织部"], ["县农业农村局", "县财政局"]),
        *_owners("15", "一件事一次办", ["县行政审批服务局"], ["县政务服务中心", "县直各有关部门"]),
        *_owners("16", "国有企业改革", ["县财政局"], ["县国资服务中心"]),
        *_owners("17", "拖欠企业账款", ["县工业和信息化局"], ["县财政局", "县审计局"]),
        *_owners("18", "城市更新", ["县住房城乡建设局"], ["县城市管理局", "县发展改革局"]),
        *_owners("19", "污水处理厂", ["县住房城乡建设局"], ["县生态环境局"]),
        *_owners("20", "保卫战", ["县生态环境局"], ["县农业农村局", "县水利局", "县公安局"]),
        *_owners("21", "四好农村路", ["县交通运输局"], ["各乡镇人民政府"]),
        *_owners("22", "城镇新增就业", ["县人力资源社会保障局"], ["县就业服务中心"]),
        *_owners("23", "中小学", ["县教育体育局"], ["县发展改革局", "县住房城乡建设局"]),
        *_owners("24", "医共体", ["县卫生健康局"], ["县医疗保障局"]),
        *_owners("25", "乡镇综合养老服务中心", ["县民政局"], ["各乡镇人民政府", "街道办事处"]),
        *_owners("26", "总分馆制", ["县文化和旅游局"], ["各乡镇人民政府"]),
        *_owners("27", "安全生产", ["县应急管理局"], ["县安委会各成员单位"]),
        *_owners("28", "枫林经验", ["县信访局"], ["县司法局", "县公安局"]),
        *_owners("29", "经济普查", ["县统计局"], []),
        *_owners("30", "政府自身建设", ["县财政局"], ["县政府办公室", "县审计局"]),
    ],
    AI: [
        *_owners("1", "公共算力中心", [], ["市数据局", "市发展改革委", "茗川高新区管委会"]),
        *_owners("2", "数据要素流通", ["市数据局"], [], ["市财政局", "市市场监管局"]),
        *_owners("3", "行业数据集", [], ["市数据局", "市工业和信息化局", "市卫生健康委"]),
        *_owners("4", "核心产业", [], ["市工业和信息化局", "市投资促进局"]),
        *_owners("5", "创新应用示范区", [], ["茗川高新区管委会", "市科技局"]),
        *_owners("6", "核心技术攻关", [], ["市科技局", "市财政局"]),
        *_owners("7", "人工智能+制造", [], ["市工业和信息化局"]),
        *_owners("8", "城市治理", [], ["市城市管理局", "市公安局", "市住房和城乡建设局"]),
        *_owners("9", "医疗健康", [], ["市卫生健康委", "市医保局"]),
        *_owners("10", "政务服务", [], ["市政务服务管理局", "市数据局"]),
        *_owners("11", "人才引育", [], ["市委人才办", "市人力资源社会保障局", "市教育局"]),
        *_owners("12", "金融支持", ["市财政局"], [], ["市地方金融管理局", "人民银行茗川市分行"]),
        *_owners("13", "区域协同", [], ["市发展改革委", "市数据局"]),
        *_owners("14", "产业交流", [], ["市投资促进局", "市工业和信息化局", "市科技局"]),
    ],
}

# Stated responsibilities: (agency names accepted, a phrase of what it is responsible for, found in the duty's
# text or its sentence). Every owner named after an item states a duty for that item (below, from AGENCIES);
# the rest are statements of the 保障措施 / 有关要求 sections. OPTIONAL_DUTIES: borderline statements (会同, collective
# calls, a post's holders) neither rewarded nor counted against.
_DUTIES_OF_OWNERS = {name: [((agency,), title) for _, title, agency, _ in owners] for name, owners in AGENCIES.items()}
DUTIES = {
    ELDERLY: _DUTIES_OF_OWNERS[ELDERLY] + [
        (("市民政局", "汀源市民政局"), "统筹协调"),
        (("各县（区）人民政府",), "年度目标考核"),
        (("市财政局", "汀源市财政局"), "养老服务体系建设资金"),
        (("市自然资源和规划局", "汀源市自然资源和规划局"), "国土空间规划"),
        (("市委宣传部", "中共汀源市委宣传部", "汀源市委宣传部"), "敬老月"),
    ],
    DIVISION: _DUTIES_OF_OWNERS[DIVISION] + [
        (("县政府督查室", "禾丰县人民政府督查室", "禾丰县政府督查室"), "跟踪督办"),
    ],
    AI: _DUTIES_OF_OWNERS[AI] + [
        (("市领导小组办公室", "领导小组办公室", "茗川市人工智能产业发展领导小组办公室", "办公室", "市数据局", "茗川市数据局"),
         "统筹协调"),
        (("市财政局", "茗川市财政局"), "专项资金"),
        (("市自然资源和规划局", "茗川市自然资源和规划局"), "用地需求"),
        (("市委网信办", "中共茗川市委网络安全和信息化委员会办公室", "茗川市委网信办"), "安全风险监测评估"),
        (("市公安局", "茗川市公安局"), "违法犯罪"),
        (("各县（市、区）", "各县（市、区）人民政府"), "具体落实措施"),
        (("市委宣传部", "中共茗川市委宣传部", "茗川市委宣传部"), "新闻媒体"),
    ],
}
OPTIONAL_DUTIES = {
    ELDERLY: ["统计监测", "办公室设在"],
    DIVISION: ["具体工作方案", "积极配合", "亲自研究部署", "约谈", "汇总报送", "报县政府办公室备案"],
    AI: ["联络员", "分类分级", "开展评估", "办公室设在", "组建产业联盟", "创新联合体"],
}

# People and posts that are no agency anywhere (agency mentions, task agencies, responsibilities).
NOT_AGENCIES = {
    ELDERLY: ["分管副市长"],
    DIVISION: ["何振宇", "林秋实", "周立衡", "梁婉清", "许承安", "牵头领导"],
    AI: ["分管副市长", "龙头企业"],
}

# Glossary. Kinds: a 名词解释 entry must be "glossary-section", a body definition "inline".
SECTION, INLINE = ("glossary-section",), ("inline",)
# Defined senses: (labels accepted, kinds accepted, expansion: a list, a tuple of accepted lists, or None when not
# scored). Expansion items compare without quotes.
SENSES = {
    ELDERLY: [
        (("一刻钟养老服务圈",), SECTION, None),
        (("三床联动",), SECTION, ["家庭养老床位", "机构养老床位", "医院病床"]),
        (("特殊困难老年人",), SECTION, None),
        (("四助", "四助服务", "“四助”服务"), SECTION, ["助餐", "助洁", "助浴", "助医"]),
    ],
    DIVISION: [
        # corrected: a list followed by its numeral shorthand (新材料、绿色食品、智能装备三大主导产业) is an inline
        # definition by the first pattern (联排、联劝、联管“三联”工作机制); left out when written
        (("三大主导产业",), INLINE, ["新材料", "绿色食品", "智能装备"]),
    ],
    AI: [
        (("1+3+N",), INLINE, (["1个人工智能核心产业集群", "智能制造、智慧城市、智慧医疗3大重点应用领域", "N个特色应用场景"],
                             ["做强1个人工智能核心产业集群", "深耕智能制造、智慧城市、智慧医疗3大重点应用领域",
                              "打造N个特色应用场景"])),
        (("人工智能+",), INLINE, []),
        (("算力中心",), INLINE, None),
        (("三数融通",), INLINE, ["政务数据", "公共数据", "企业数据"]),
    ],
}
# Labels whose other senses are neither rewarded nor counted against (a 名词解释 term also explained in passing in
# the body; an organ's short name; the parts of 1+3+N).
OPTIONAL_SENSES = {
    ELDERLY: {"三床联动", "一刻钟养老服务圈", "四助"},
    DIVISION: set(),
    # corrected: "3大重点应用领域" (the labelled part 3 of 1+3+N) added beside "1", "3", "N", as round 3 left the
    # parts of 1+N+X open
    AI: {"市领导小组", "1", "3", "N", "3大重点应用领域"},
}
# Numeral shorthand: (label, the count its numerals declare, whether the expansion agrees).
COUNTS = {
    ELDERLY: [("三床联动", 3, True), ("四助", 4, True)],
    DIVISION: [],
    AI: [("1+3+N", 3, True), ("三数融通", 3, True)],
}
# Shorthand used but never defined; OPTIONAL_UNDEFINED are neither rewarded nor counted against (slogans, names of
# campaigns and products, quoted phrases).
UNDEFINED = {
    ELDERLY: {"两个全覆盖", "放管服"},
    DIVISION: {"四好农村路"},
    AI: {"三张清单", "一企一策", "智改数转"},
}
OPTIONAL_UNDEFINED = {
    ELDERLY: {"时间银行", "建而不用", "敬老月", "十三五", "十四五"},
    DIVISION: {"招商引资提质年", "标准地+承诺制", "标准地", "一件事一次办", "一件事", "枫林经验", "过紧日子", "小升规",
               "免申即享", "月调度、季观摩、年考核", "十五五", "政府工作报告",
               # corrected: the parts of the quoted slogan, as round 3 left the parts of 谋划一批、储备一批… open
               "月调度", "季观摩", "年考核"},
    AI: {"揭榜挂帅", "一网统管", "一网通办", "算力贷", "数据贷", "茗川数智英才", "茗川数智大讲堂", "人工智能+制造",
         "人工智能+城市治理", "人工智能+医疗健康", "人工智能+政务服务", "十四五", "市领导小组"},
}
# Named systems that must be mentioned: (labels accepted, system kind). Recall only.
SYSTEMS = {
    ELDERLY: [(("市智慧养老服务平台", "智慧养老服务平台"), "平台"), (("街道综合养老服务中心",), "中心")],
    DIVISION: [(("县物流配送中心", "物流配送中心", "县级物流配送中心"), "中心")],
    AI: [(("市人工智能公共算力中心", "人工智能公共算力中心"), "中心"), (("市数据要素流通服务平台", "数据要素流通服务平台"), "平台"),
         (("市城市运行管理服务平台", "城市运行管理服务平台"), "平台"), (("医学影像云平台",), "平台")],
}

# Prerequisites: (cues accepted, phrases accepted for the prerequisite, phrases accepted for the dependent).
BUILT = ("X建成后", "X后", "待X后", "待X完成后")
PREREQUISITES = {
    ELDERLY: [
        (("依托X",), ("街道综合养老服务中心",), ("上门照护",)),
        (("在X基础上",), ("家庭养老床位建设",), ("转介通道",)),
        (BUILT, ("市智慧养老服务平台",), ("纳入平台统一调度",)),
        (("builds",), ("街道综合养老服务中心建设工程", "推进“一刻钟养老服务圈”建设"), ("发展家庭养老床位",)),
    ],
    DIVISION: [
        (("为X提供支撑",), ("普查数据开发应用", "经济普查数据汇总和发布"), ("“十五五”规划编制",)),
    ],
    AI: [
        (("依托X",), ("算力中心",), ("普惠算力服务",)),
        (("在X基础上",), ("全市公共数据资源目录编制", "公共数据资源目录编制"), ("建设市数据要素流通服务平台",)),
        (BUILT, ("市数据要素流通服务平台",), ("公共数据授权运营试点",)),
        (("依托X",), ("算力中心",), ("大模型训练和推理平台",)),
        (("通过X建设",), ("工业互联网标识解析二级节点",), ("打通企业研发",)),
        (("依托X",), ("市城市运行管理服务平台",), ("智能中枢", "一网统管")),
        (BUILT, ("“一网通办”平台", "一网通办"), ("智能客服",)),
        (("builds",), ("建设公共算力中心",), ("行业大模型训练基地",)),
    ],
}

ANY = "any"  # a year the text leaves open: not scored
# Targets: (indicators accepted, comparators accepted, value, unit, year). The year: printed with the target, else
# the table's year column, else the year of an annual plan, else the task's printed deadline, else none.
# corrected (marked REACH below): a bare 达到X was written "="; the project reads 达到 as a floor (≥), as round 3
# settled (qiaoshan: 上云率达到100% -> ≥), so "=≥" is accepted there.
REACH = "=≥"
TARGETS = {
    ELDERLY: [
        (("养老机构护理型床位占比",), "≥", 60, "%", 2025),
        (("街道综合养老服务中心覆盖率",), "=", 100, "%", 2025),
        (("社区养老服务设施覆盖率",), "≥", 95, "%", 2025),
        (("特殊困难老年人月探访率",), "=", 100, "%", 2025),
        (("每千名老年人拥有养老床位数",), "≥", 30, "张", 2025),
        (("新增家庭养老床位",), "=", 3000, "张", 2025),
        (("养老护理员持证上岗率",), "≥", 90, "%", 2025),
        (("社区养老服务设施覆盖率",), "≥", 95, "%", 2024),
        (("累计新增家庭养老床位", "新增家庭养老床位", "家庭养老床位"), "=", 3000, "张", 2025),
        (("特殊困难老年人月探访率",), REACH, 100, "%", 2022),
        (("县级敬老院护理型床位占比",), "≥", 55, "%", 2023),
        (("新建、改扩建街道综合养老服务中心", "街道综合养老服务中心"), "=", 20, "个", 2024),
        (("改造提升农村互助幸福院", "农村互助幸福院"), "=", 120, "个", None),
        (("农村互助幸福院覆盖率",), REACH, 80, "%", None),
        (("新增养老床位", "养老床位"), "=", 500, "张", 2025),
        (("二级及以上综合医院设置老年医学科的比例",), "≥", 60, "%", 2025),
        (("每年培训养老护理员", "培训养老护理员", "养老护理员"), "≥", 1500, "人次", ANY),
        (("养老护理员持证上岗率",), "≥", 90, "%", 2025),
        (("普惠型养老床位价格",), "≤", 70, "%", None),
        (("培育老年用品骨干企业", "老年用品骨干企业"), "≥", 5, "家", 2024),
        (("完成特殊困难老年人家庭适老化改造", "特殊困难老年人家庭适老化改造"), "=", 4000, "户", 2025),
        (("二级及以上综合医院老年医学科设置率",), REACH, 60, "%", None),
        (("设置安宁疗护床位", "安宁疗护床位"), "=", 60, "张", 2023),
        (("全市二星级及以上养老机构占比", "二星级及以上养老机构占比"), "≥", 70, "%", 2025),
        (("制定居家社区养老服务地方标准", "居家社区养老服务地方标准"), "≥", 3, "项", 2025),
        (("福利彩票公益金用于养老服务的比例",), "≥", 55, "%", None),
    ],
    DIVISION: [
        (("全县地区生产总值增长", "地区生产总值增长"), "≈", 6.5, "%", 2024),
        (("一般公共预算收入增长",), "=", 5, "%", 2024),
        (("规模以上工业增加值增长",), "≥", 8, "%", 2024),
        (("固定资产投资增长",), "=", 7, "%", 2024),
        (("社会消费品零售总额增长",), "=", 6, "%", 2024),
        (("城乡居民人均可支配收入分别增长", "城乡居民人均可支配收入增长", "城乡居民人均可支配收入", "城镇居民人均可支配收入增长"),
         "=", 5.5, "%", 2024),
        (("城乡居民人均可支配收入分别增长", "城乡居民人均可支配收入增长", "城乡居民人均可支配收入", "农村居民人均可支配收入增长"),
         "=", 7, "%", 2024),
        (("全年实施技改项目", "实施技改项目", "技改项目"), "≥", 60, "个", 2024),
        (("完成工业技改投资", "工业技改投资"), "=", 25, "亿元", 2024),
        (("新认定市级以上数字化车间、智能工厂", "市级以上数字化车间、智能工厂", "数字化车间、智能工厂"), "=", 10, "个", 2024),
        (("开发区规模以上工业产值",), ">", 200, "亿元", 2024),
        (("新增规模以上工业企业", "规模以上工业企业"), "=", 15, "家", 2024),
        (("培育省级专精特新中小企业", "省级专精特新中小企业"), "=", 8, "家", 2024),
        (("全年网络零售额增长", "网络零售额增长"), "=", 12, "%", 2024),
        (("全年接待游客", "接待游客"), ">", 450, "万人次", 2024),
        (("推出精品旅游线路", "精品旅游线路"), "=", 5, "条", 2024),
        (("全年实施亿元以上重点项目", "实施亿元以上重点项目", "亿元以上重点项目", "重点项目"), "=", 120, "个", 2024),
        (("完成投资", "投资"), "=", 180, "亿元", 2024),  # corrected: 完成 is a verb
        (("新开工项目",), "≥", 50, "个", 2024),
        (("全年争取各类上级资金", "争取各类上级资金", "各类上级资金", "上级资金"), "≥", 35, "亿元", 2024),
        (("全年新签约亿元以上项目", "新签约亿元以上项目", "亿元以上项目"), "=", 40, "个", 2024),
        (("到位市外资金", "市外资金"), "=", 80, "亿元", 2024),
        (("新批工业用地“标准地”出让比例", "工业用地“标准地”出让比例"), REACH, 100, "%", 2024),
        (("稳定粮食播种面积", "粮食播种面积"), "=", 62, "万亩", 2024),
        (("粮食总产量",), "≥", 28, "万吨", 2024),
        (("新建高标准农田", "高标准农田"), "=", 5, "万亩", 2024),
        (("建成省级和美乡村示范村", "省级和美乡村示范村"), "=", 10, "个", 2024),
        (("农村卫生厕所普及率",), REACH, 92, "%", 2024),
        (("年经营性收入20万元以上的村占比",), REACH, 50, "%", 2024),
        (("新增“一件事”集成服务事项", "“一件事”集成服务事项"), "=", 30, "项", 2024),
        (("政务服务事项全程网办率",), REACH, 90, "%", 2024),
        (("改造老旧小区", "老旧小区"), "=", 32, "个", 2024),
        (("新建改造城市燃气、供水管网", "城市燃气、供水管网"), "=", 45, "公里", 2024),
        (("完成城区背街小巷改造", "城区背街小巷改造", "背街小巷"), "=", 20, "条", 2024),
        (("新增城市停车泊位", "城市停车泊位"), "=", 1200, "个", 2024),
        (("城市生活污水集中收集率",), REACH, 75, "%", 2024),
        (("PM2.5平均浓度",), "≤", 32, "微克/立方米", 2024),
        (("国控断面水质优良比例",), "=≥", 100, "%", 2024),
        (("新改建农村公路", "农村公路"), "=", 120, "公里", 2024),
        (("实施农村公路危桥改造", "农村公路危桥改造"), "=", 12, "座", 2024),
        (("新增城乡公交线路", "城乡公交线路"), "=", 4, "条", 2024),
        (("城镇新增就业",), "=", 5500, "人", 2024),
        (("城镇调查失业率",), "≤", 5.5, "%", 2024),
        (("开展各类职业技能培训", "各类职业技能培训", "职业技能培训"), "=", 8000, "人次", 2024),
        (("新建改扩建中小学、幼儿园", "中小学、幼儿园"), "=", 6, "所", 2024),
        (("新增学位", "学位"), "=", 3600, "个", 2024),
        (("县域内就诊率",), "≥", 90, "%", 2024),
        (("建成乡镇综合养老服务中心", "乡镇综合养老服务中心"), "=", 4, "个", 2024),
        (("新增社区助餐点", "社区助餐点"), "=", 20, "个", 2024),
        (("建成城市书房", "城市书房"), "=", 10, "个", 2024),
        (("亿元地区生产总值生产安全事故死亡率下降", "亿元地区生产总值生产安全事故死亡率"), "=", 10, "%", 2024),
        (("信访事项及时受理率",), REACH, 100, "%", 2024),
        (("一般性支出压减", "一般性支出"), "≥", 5, "%", 2024),
    ],
    AI: [
        (("全市人工智能核心产业规模", "人工智能核心产业规模"), ">", 300, "亿元", 2026),
        (("数字经济核心产业增加值占地区生产总值比重",), REACH, 12, "%", 2026),
        (("培育人工智能领域高新技术企业", "人工智能领域高新技术企业"), "≥", 150, "家", 2026),
        (("打造人工智能典型应用场景", "人工智能典型应用场景"), "=", 100, "个", 2026),
        (("全市算力总规模", "算力总规模"), REACH, 800, "PFlops", 2026),  # corrected: 达到, as the others (missed)
        (("智能算力占比",), "≥", 70, "%", 2026),
        (("人工智能核心产业规模",), REACH, 180, "亿元", 2024),
        (("新增人工智能企业", "人工智能企业"), "=", 30, "家", 2024),
        (("人工智能核心产业规模",), REACH, 240, "亿元", 2025),
        (("数字经济核心产业增加值占地区生产总值比重",), REACH, 10.5, "%", 2025),
        (("打造人工智能典型应用场景", "人工智能典型应用场景"), "=", 60, "个", 2025),
        (("形成智能算力", "智能算力"), "=", 300, "PFlops", 2024),
        (("单家企业每年补贴", "单家企业每年补贴不超过", "补贴"), "≤", 50, "万元", ANY),
        (("上线数据产品", "数据产品"), "≥", 50, "个", 2025),
        (("组织开发行业高质量数据集", "行业高质量数据集"), "≥", 20, "个", ANY),
        (("建设人工智能训练数据标注基地", "人工智能训练数据标注基地"), "=", 1, "个", ANY),
        (("每年引进培育人工智能重点企业", "引进培育人工智能重点企业", "人工智能重点企业"), "≥", 10, "家", ANY),
        (("人工智能核心产业规模",), ">", 300, "亿元", 2026),
        (("入驻企业",), "≥", 200, "家", 2025),
        (("新建标准厂房和孵化载体", "标准厂房和孵化载体"), "=", 30, "万平方米", ANY),
        (("每年组织实施人工智能重大科技专项", "组织实施人工智能重大科技专项", "人工智能重大科技专项"), "≥", 5, "项", ANY),
        (("单个项目最高支持", "单个项目"), "≤", 500, "万元", ANY),
        (("建设开放测试道路", "开放测试道路"), "=", 60, "公里", 2026),
        (("建成智能工厂", "智能工厂"), "=", 30, "家", 2026),
        (("数字化车间",), "=", 100, "个", 2026),
        (("中心城区主要路口智能信号控制覆盖率",), REACH, 80, "%", 2025),
        (("二级以上公立医院智能导诊覆盖率",), REACH, 100, "%", 2026),
        (("高频政务服务事项智能审批比例",), "≥", 30, "%", None),
        (("企业群众办事平均提交材料减少", "企业群众办事平均提交材料"), "≥", 40, "%", None),
        (("打造质量检测、预测性维护等场景", "质量检测、预测性维护等场景", "场景"), "=", 30, "个", None),
        (("建设城市内涝智能预警、违章建筑智能识别等场景", "城市内涝智能预警、违章建筑智能识别等场景", "场景"), "=", 20, "个",
         None),
        (("推广医学影像辅助诊断、慢病智能随访等场景", "医学影像辅助诊断、慢病智能随访等场景", "场景"), "=", 15, "个", None),
        (("建设数字茶园示范基地", "数字茶园示范基地"), "=", 5, "个", 2025),
        (("三年引进人工智能领域高层次人才", "引进人工智能领域高层次人才", "人工智能领域高层次人才"), "=", 200, "名", ANY),
        (("顶尖人才团队", "对顶尖人才团队给予", "顶尖人才团队综合资助", "综合资助"), "≤", 1000, "万元", ANY),
        (("每年培养相关专业毕业生", "培养相关专业毕业生", "相关专业毕业生"), "≥", 1000, "名", ANY),
        (("三年累计培训", "累计培训", "培训"), "=", 5000, "人次", ANY),
        (("设立总规模", "总规模", "市人工智能产业投资基金"), "=", 10, "亿元", ANY),
        (("三年签约人工智能项目", "签约人工智能项目", "人工智能项目"), "≥", 60, "个", ANY),
        (("总投资",), "≥", 300, "亿元", ANY),
        (("人工智能产业发展专项资金", "专项资金"), "≥", 1, "亿元", ANY),
    ],
}
# Values of quantities that are neither rewarded nor counted against as targets or achievements: scopes (亿元以上,
# 80周岁以上, 20万元以上), allocation standards (每百户20平方米), rewards and subsidy rates, a project's investment,
# population statistics and forecasts, a minimum of one.
OPTIONAL_VALUES = {
    ELDERLY: {20, 1, 2, 38.6, 21.4, 45, 3.2, 15},
    DIVISION: {1, 80, 20, 4},
    AI: {30, 45, 200, 50, 300, 1},
}
# Figures that report the past: (a phrase of the indicator, value). A table's base values are figures of the past.
ACHIEVED = {
    ELDERLY: [("街道综合养老服务中心", 11), ("社区养老服务站", 156), ("农村互助幸福院覆盖率", 63), ("养老机构床位总数", 8600),
              ("护理型床位占比", 48), ("医养结合机构", 17), ("养老补贴", 1.36), ("社会力量运营的养老机构床位占比", 52),
              ("养老机构护理型床位占比", 48), ("街道综合养老服务中心覆盖率", 55), ("社区养老服务设施覆盖率", 82),
              ("每千名老年人拥有养老床位数", 22.3), ("养老护理员持证上岗率", 70)],
    DIVISION: [],
    AI: [("数字经济核心产业增加值", 186), ("占地区生产总值比重", 8.7), ("5G基站", 6200), ("人工智能相关企业", 412)],
}
# Targets of an indicator table with their 属性 column: (indicator, value, nature).
NATURES = {
    ELDERLY: [("养老机构护理型床位占比", 60, "binding"), ("街道综合养老服务中心覆盖率", 100, "binding"),
              ("社区养老服务设施覆盖率", 95, "expected"), ("特殊困难老年人月探访率", 100, "binding"),
              ("每千名老年人拥有养老床位数", 30, "expected"), ("新增家庭养老床位", 3000, "expected"),
              ("养老护理员持证上岗率", 90, "expected")],
    DIVISION: [],
    AI: [],
}

# ------------------------------------------------------------------------------------------------------ scoring


def bare(text: str) -> str:
    """Comparison form of an expansion item: without quotes."""
    return norm(text).replace('"', "").replace("'", "")


@lru_cache(maxsize=None)
def facts(name: str) -> DocumentFacts:
    return extract(UNSEEN6 / name)


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
        task = next((t for t in tasks if _task_matches(f"{number}|{number}、|{number}.", title, t)), None)
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
    "tasks.box": (0.95, 0.95),
    "tasks.agencies": (0.95, 0.95),
    "agency.responsibilities": (0.95, 0.95),
    "persons not agencies": (0.95, 0.95),
    "targets": (0.95, 0.95),
    "targets.year": (0.95, 0.95),
    "targets.nature": (0.95, 0.95),
    "targets.achieved": (0.95, 0.95),
    "glossary.senses": (0.95, 0.95),
    "glossary.expansions": (0.95, 0.95),
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
def test_each_document_is_long_and_complete(name):
    """Round 6 is about long documents: each fixture keeps 4,000–7,000 characters."""
    assert 4000 <= len((UNSEEN6 / name).read_text(encoding="utf-8")) <= 7000


if __name__ == "__main__":
    import sys

    chosen = [name for name in DOCUMENTS if any(arg in name for arg in sys.argv[1:])] or DOCUMENTS
    print(table(scores(chosen)))
