"""Fifth blind round (forms): plan documents in the FORM real plans arrive in, written for this test
(tests/fixtures/unseen5/forms/, made by make_forms.py there), invented places and agencies, scored against facts
written down from the documents BEFORE the extractor was run on them.

| document | form |
|----------|------|
| luzhou   | captured HTML page of a 实施方案: breadcrumb, 字号 大 中 小, 分享到, footer; the annex 重点任务分工表 is an HTML table with rowspan merges (重点任务 over three 具体措施, 牵头单位 and 完成时限 over several rows) and a colspan header (责任单位 over 牵头/配合) |
| huaiyang | DOCX 工作计划: a Word task table with 序号/工作任务 and 牵头单位 merged down, a repeated header row, and the rest of the table after a page break with its header again |
| tinglan  | PDF 工作方案 (text layer): hard-wrapped lines, the issuer as running header, page numbers — n —, a wrapped heading, a sentence over the page break, a small table |
| yunzha   | GBK-encoded CRLF 工作要点 whose tasks end in （牵头单位：…，配合单位：…，完成时限：…） |
| liuting  | a web page saved as text: site chrome, a task table flattened with ``|`` whose cells wrap onto the next line |

Figures (precision / recall over all five; ``python tests/test_blind_unseen5_forms.py [name]`` prints them). The
first run used the expectations as first written; one was corrected afterwards (marked "corrected": targets).

| category       | blind, first run | after the fixes | after the table fixes | end of session |
|----------------|------------------|-----------------|-----------------------|----------------|
| text           | 0.85 / 0.85      | 1.00 / 1.00     | 1.00 / 1.00           | 1.00 / 1.00    |
| metadata       | 0.94 / 0.94      | 1.00 / 1.00     | 1.00 / 1.00           | 1.00 / 1.00    |
| tasks          | 1.00 / 0.66      | 1.00 / 0.78     | 1.00 / 1.00           | 1.00 / 1.00    |
| tasks.title    | 0.97 / 0.97      | 0.97 / 0.97     | 1.00 / 1.00           | 1.00 / 1.00    |
| tasks.parent   | 1.00 / 1.00      | 1.00 / 1.00     | 1.00 / 1.00           | 1.00 / 1.00    |
| tasks.due      | 1.00 / 0.97      | 1.00 / 1.00     | 1.00 / 1.00           | 1.00 / 1.00    |
| tasks.agencies | 0.45 / 0.35      | 0.99 / 0.88     | 0.99 / 1.00           | 1.00 / 1.00    |
| tasks.table    | 1.00 / 1.00      | 1.00 / 1.00     | 1.00 / 1.00           | 1.00 / 1.00    |
| targets        | 0.46 / 1.00 (rates and floors only, as first written) | 0.92 / 0.92 (corrected expectations) | 0.96 / 0.92 | 0.96 / 0.96    |

What the first run missed, and the general rule that fixed it (``ingest/read.py``, ``ingest/tables.py``):

- an HTML table with rowspan/colspan and a Word table with merged cells came out one cell per line, so a row under
  a merged 牵头单位 cell lost a cell and its 配合单位 read as the lead, a 具体措施 under a merged 完成时限 had no
  deadline, and a row of content alone ended the table: a table with merged cells is written one row per line,
  tab-separated, its merged cells where they start and the places they cover empty (``read._html_grid``,
  ``read._docx_tab_rows``), and an empty lead or deadline field is the one above;
- the colspan header (责任单位 over 牵头单位 / 配合单位) named no roles: a second header row under a tab header names
  the columns its cell spans (``tables._row_header``);
- the Word table's second part after a page break, its header printed again, was no table: a header repeated
  continues its table, in both layouts (``tables._header_words``);
- the PDF kept its running header and glued a page number into the sentence broken over the page, and its notice
  title, set in a larger font, stayed in two lines: running headers and page numbers at the page edges go before the
  lines are reflowed over all pages, and a line opened with 关于 joins the line that closes it with 的通知
  (``read._without_running_lines``, ``read._TITLE_OPEN``).

The table fixes (``ingest/tables.py``, ``ingest/read.py``; yunzha's agencies by ``agencies``' owner labels):

- the ``|`` table whose cells wrap onto the next line ended at the first wrapped line (liuting: 8 of its 10 rows
  missed, a sub-task title cut at its wrap): in a ``|`` or fixed-width text table a line without 序号 or deadline
  of its own, whose pieces stand under unfinished cells of the row above, is their wrapped text and is joined to
  them; a line with its own deadline stays a row (``tables._Layout``, ``tables._continue_wrapped``);
- the PDF table's cells came out of the text layer one space apart and ``read._unspace`` joined them (tinglan: 3
  rows missed): the rows under a task table's header (序号, then column words only) keep their cell boundaries as
  tabs before the spaces between Chinese characters go (``read._table_cells``).

By the end of the session, other modules' fixes took the rest: yunzha's closing paragraph no longer runs into its last
item (``outline``: a paragraph about the whole plan ends the item), and 3000批次以上 is a target (批次 is a unit). Left
as found: 1个工作日 is read with unit 工作日 where this round expects 个工作日 (``targets``' convention).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest

from blind import norm, summed, table
from plankg.evaluation.score import Score
from plankg.ingest.facts import DocumentFacts
from plankg.ingest.pipeline import extract

FORMS = Path(__file__).resolve().parent / "fixtures" / "unseen5" / "forms"

HTML = "luzhou-2024-urban-renewal-implementation-plan.html"
DOCX = "huaiyang-2024-education-work-plan.docx"
PDF = "tinglan-2024-rural-living-environment-work-scheme.pdf"
GBK = "yunzha-2024-market-supervision-work-points.txt"
FLAT = "liuting-2024-water-supply-work-plan.txt"
DOCUMENTS = (HTML, DOCX, PDF, GBK, FLAT)

# ------------------------------------------------------------------------------------------------ expectations
# Metadata: field -> value; a field left out is not scored.
META = {
    HTML: dict(title="鹭洲市城市更新行动实施方案（2024—2025年）", issuer="鹭洲市人民政府办公室",
               doc_number="鹭政办发〔2024〕15号", issued="2024-05-20", published="2024-05-22",
               period_start=2024, period_end=2025, kind="实施方案"),
    DOCX: dict(title="槐阳区教育局2024年工作计划", issuer="槐阳区教育局", issued="2024-02-26",
               period_start=2024, period_end=2024, kind="工作计划"),
    PDF: dict(title="汀岚县2024年农村人居环境整治提升工作方案", issuer="汀岚县人民政府办公室",
              doc_number="汀政办发〔2024〕21号", issued="2024-03-18", period_start=2024, period_end=2024,
              kind="工作方案"),
    GBK: dict(title="云槎县市场监督管理局2024年工作要点", issuer="云槎县市场监督管理局", issued="2024-01-30",
              period_start=2024, period_end=2024, kind="工作要点"),
    FLAT: dict(title="柳汀区2024年城乡供水保障工作计划", issuer="柳汀区水利局", issued="2024-03-01",
               published="2024-03-05", period_start=2024, period_end=2024, kind="工作计划"),
}

L, S, R_ = "lead", "supporting", "responsible"


@dataclass(frozen=True)
class T:
    """An expected task: source ("outline" or "table"), number as printed ("" for none), its whole title, its
    parent's title (None for a top task), its deadline as an ISO date ("" for none), its agencies as
    ((printed name, role), …) (None: not scored), and for a table row the table's caption (None: not scored)."""

    source: str
    number: str
    title: str
    parent: str | None
    due: str
    agencies: tuple | None = None
    table: str | None = None


O, R = "outline", "table"
OLD, INFRA, GOVERN = "推进老旧小区改造", "完善城市基础设施", "提升城市治理水平"
PRE, GROUP, TEACH, SAFE, DIGI = ("推进学前教育普惠发展", "深化义务教育集团化办学", "加强教师队伍建设",
                                 "提升校园安全管理水平", "推进教育数字化转型")
SCHOOL_TABLE = "槐阳区教育局2024年重点工作任务表"
WATER_TABLE = "附件 柳汀区2024年城乡供水保障重点任务清单"
SCALE, PIPES, SOURCE, QUALITY, SMART = "农村供水规模化建设", "供水管网改造", "水源地保护", "供水水质提升", "智慧水务平台建设"
TASKS = {
    HTML: [
        T(O, "（一）", OLD, None, "2024-12-31",
          (("市住房城乡建设局", L), ("各区人民政府", S), ("市财政局", S), ("市自然资源和规划局", S))),
        T(O, "（二）", INFRA, None, "2025-12-31", (("市城市管理局", L), ("市水务集团", S))),
        T(O, "（三）", GOVERN, None, "2024-12-31", (("市城市管理局", L), ("市公安局", S), ("市大数据中心", S))),
        T(R, "1", OLD, OLD, "2024-12-31",
          (("市住房城乡建设局", L), ("各区人民政府", S), ("市财政局", S), ("市自然资源和规划局", S))),
        T(R, "", "完成老旧小区改造项目摸底", OLD, "2024-06-30", (("市住房城乡建设局", L), ("各区人民政府", S))),
        T(R, "", "开工改造老旧小区60个", OLD, "2024-12-31", (("市住房城乡建设局", L), ("市财政局", S))),
        T(R, "", "同步推进加装电梯和停车设施建设", OLD, "2024-12-31",
          (("市住房城乡建设局", L), ("市自然资源和规划局", S))),
        T(R, "2", INFRA, INFRA, "2025-12-31", (("市城市管理局", L), ("市水务集团", S))),
        T(R, "", "新建改造雨污管网80公里", INFRA, "2025-12-31", (("市城市管理局", L), ("市水务集团", S))),
        T(R, "3", GOVERN, GOVERN, "2024-12-31", (("市城市管理局", L), ("市大数据中心", S), ("市公安局", S))),
        T(R, "", "建设城市运行管理服务平台", GOVERN, "2024-12-31", (("市城市管理局", L), ("市大数据中心", S))),
        T(R, "", "接入城市部件数据", GOVERN, "2024-12-31", (("市城市管理局", L), ("市公安局", S))),
    ],
    DOCX: [
        T(R, "1", PRE, None, "2024-12-31", (("计划财务科", L), ("区发展改革局", S), ("各街道办事处", S)), SCHOOL_TABLE),
        T(R, "", "新建公办幼儿园2所", PRE, "2024-08-31", (("计划财务科", L), ("区发展改革局", S)), SCHOOL_TABLE),
        T(R, "", "公办园在园幼儿占比达到60%以上", PRE, "2024-12-31", (("计划财务科", L), ("各街道办事处", S)),
          SCHOOL_TABLE),
        T(R, "2", GROUP, None, "2024-09-30", (("基础教育科", L), ("各中小学校", S)), SCHOOL_TABLE),
        T(R, "", "新组建教育集团3个", GROUP, "2024-09-30", (("基础教育科", L), ("各中小学校", S)), SCHOOL_TABLE),
        T(R, "3", TEACH, None, "2024-12-31",
          (("人事科", L), ("区人力资源社会保障局", S), ("教师发展中心", S), ("区财政局", S)), SCHOOL_TABLE),
        T(R, "", "招聘新教师120名", TEACH, "2024-07-31", (("人事科", L), ("区人力资源社会保障局", S)), SCHOOL_TABLE),
        T(R, "", "开展中小学校长全员轮训", TEACH, "2024-10-31", (("人事科", L), ("教师发展中心", S)), SCHOOL_TABLE),
        T(R, "", "落实教师工资待遇保障", TEACH, "2024-12-31", (("人事科", L), ("区财政局", S)), SCHOOL_TABLE),
        T(R, "4", SAFE, None, "2024-06-30", (("安全管理科", L), ("区公安分局", S)), SCHOOL_TABLE),
        T(R, "", "完成全区中小学校园安防设施改造", SAFE, "2024-06-30", (("安全管理科", L), ("区公安分局", S)),
          SCHOOL_TABLE),
        T(R, "5", DIGI, None, "2024-12-31", (("信息中心", L), ("区大数据中心", S), ("各中小学校", S)), SCHOOL_TABLE),
        T(R, "", "建成区智慧教育平台", DIGI, "2024-11-30", (("信息中心", L), ("区大数据中心", S)), SCHOOL_TABLE),
        T(R, "", "实现中小学无线网络全覆盖", DIGI, "2024-12-31", (("信息中心", L), ("各中小学校", S)), SCHOOL_TABLE),
    ],
    PDF: [
        T(O, "（一）", "扎实推进农村厕所革命", None, "2024-06-30", (("县农业农村局", L), ("各乡镇人民政府", R_))),
        T(O, "（二）", "全面推进农村生活污水治理和农村黑臭水体排查整治，建立健全设施运行长效管护机制", None,
          "2024-10-31", (("市生态环境局汀岚分局", L), ("县水利局", S), ("各乡镇人民政府", S))),
        T(O, "（三）", "提升农村生活垃圾治理水平", None, "2024-12-31", (("县城市管理局", L),)),
        T(O, "（四）", "整治提升村容村貌", None, "", (("各乡镇人民政府", R_),)),
        T(R, "1", "苇塘镇污水处理站提标改造", None, "2024-09-30", (("苇塘镇人民政府", R_),)),
        T(R, "2", "县垃圾转运中心扩建", None, "2024-12-31", (("县城市管理局", R_),)),
        T(R, "3", "农村公厕新建改造30座", None, "2024-11-30", (("县农业农村局", R_),)),
    ],
    GBK: [
        T(O, "1", "深化商事制度改革", None, "2024-06-30", (("登记注册科", L),)),
        T(O, "2", "加强信用监管", None, "2024-12-31", (("信用监管科", L), ("各市场监管所", S))),
        T(O, "3", "强化食品安全监管", None, "2024-11-30", (("食品安全监管科", L),)),
        T(O, "4", "加强特种设备安全监管", None, "", (("特种设备安全监察科", L), ("县应急管理局", S))),
        T(O, "5", "保障药品安全", None, "2024-09-30", (("药品医疗器械监管科", L),)),
        T(O, "6", "实施质量强县战略", None, "2024-10-31", (("质量发展科", L),)),
        T(O, "7", "夯实计量标准基础", None, "2024-12-31", (("标准计量科", L), ("县市场监管检测中心", S))),
    ],
    FLAT: [
        T(R, "1", SCALE, None, "2024-12-31", (("区水利局", R_),), WATER_TABLE),
        T(R, "", "新建柳北水厂，日供水能力达到2万吨", SCALE, "2024-12-31", (("区水利局", R_),), WATER_TABLE),
        T(R, "2", PIPES, None, "2024-10-31", (("区水利局", R_), ("区住房城乡建设局", R_)), WATER_TABLE),
        T(R, "", "改造老旧供水管网35公里", PIPES, "2024-10-31", (("区水利局", R_), ("区住房城乡建设局", R_)),
          WATER_TABLE),
        T(R, "3", SOURCE, None, "2024-08-31", (("区水利局", R_), ("市生态环境局柳汀分局", R_)), WATER_TABLE),
        T(R, "", "完成千人以上饮用水水源保护区划定和标志设置", SOURCE, "2024-08-31",
          (("区水利局", R_), ("市生态环境局柳汀分局", R_)), WATER_TABLE),
        T(R, "4", QUALITY, None, "2024-12-31", (("区疾控中心", R_),), WATER_TABLE),
        T(R, "", "农村供水水质检测合格率达到95%以上", QUALITY, "2024-12-31", (("区疾控中心", R_),), WATER_TABLE),
        T(R, "5", SMART, None, "2024-11-30", (("区水利局", R_),), WATER_TABLE),
        T(R, "", "建成区级智慧水务监管平台", SMART, "2024-11-30", (("区水利局", R_),), WATER_TABLE),
    ],
}

# Quantitative targets as (value, unit).
# corrected: first written with rates and floors only; the gold counts a planned quantity as a target too
# (3支专业打击队, comparator =), so the counts each plan sets (改造老旧小区120个, 新建…15处) are added.
TARGETS = {
    HTML: {(120, "个"), (75, "%"), (60, "个"), (80, "公里")},
    DOCX: {(2, "所"), (60, "%"), (3, "个"), (120, "名")},
    PDF: {(90, "%"), (95, "%"), (45, "%"), (15, "处"), (20, "户"), (30, "座")},
    GBK: {(1, "个工作日"), (3000, "户"), (3000, "批次"), (100, "%"), (2, "家"), (90, "%"), (3, "项")},
    FLAT: {(99, "%"), (85, "%"), (2, "万吨"), (35, "公里"), (95, "%")},
}

# The text as read: phrases that must come out whole (wrapped lines, page breaks and wrapped cells joined; the
# encoding read right), and chrome that must be gone (site widgets, footers, running headers, page numbers).
WHOLE = {
    HTML: ["鹭洲市城市更新行动实施方案（2024—2025年）", "市住房城乡建设局牵头，各区人民政府配合"],
    DOCX: ["槐阳区教育局2024年重点工作任务表", "局办公室负责督促检查各项任务落实情况"],
    PDF: ["（二）全面推进农村生活污水治理和农村黑臭水体排查整治，建立健全设施运行长效管护机制",
          "市生态环境局汀岚分局牵头", "（各乡镇人民政府负责）", "每个乡镇打造美丽庭院示范户不少于20户",
          "汀岚县人民政府办公室关于印发汀岚县2024年农村人居环境整治提升工作方案的通知"],
    GBK: ["云槎县市场监督管理局2024年工作要点", "（牵头单位：登记注册科，完成时限：2024年6月底前）"],
    FLAT: ["柳汀区2024年城乡供水保障工作计划", "为加快推进城乡供水一体化"],
}
GONE = {
    HTML: ["分享到", "打印本页", "网站标识码", "长者模式", "您当前的位置", "承办："],
    DOCX: [],
    PDF: ["— 1 —", "— 2 —", "— 3 —"],
    GBK: [],
    FLAT: ["首页 > 政务公开", "【字号", "相关链接", "技术支持", "柳汀区人民政府门户网站"],
}
# Lines that stand alone as often as this in the text read: the issuer's name once (its signature), not once per page.
LINE_COUNTS = {PDF: {"汀岚县人民政府办公室": 1}}

# ------------------------------------------------------------------------------------------------------ scoring


@lru_cache(maxsize=None)
def facts(name: str) -> DocumentFacts:
    return extract(FORMS / name)


def score_meta(name: str) -> Score:
    tally, plan = Score(), facts(name).plan
    for key, expected in META[name].items():
        got = getattr(plan, key)
        if got is not None and norm(str(got)) == norm(str(expected)):
            tally.tp += 1
        else:
            tally.fn += 1
            tally.fp += got is not None
    return tally


def _matches(expected: T, task) -> bool:
    return ((task.source == expected.source or (expected.source == O and task.source == "list"))
            and norm(task.number or "") == norm(expected.number) and norm(expected.title[:4]) in norm(task.title))


def match_tasks(name: str) -> list[tuple[T, object]]:
    """Expected tasks paired one to one with the first predicted task that matches, in text order."""
    used: set[str] = set()
    pairs = []
    for expected in TASKS[name]:
        task = next((t for t in facts(name).tasks if t.id not in used and _matches(expected, t)), None)
        if task is not None:
            used.add(task.id)
        pairs.append((expected, task))
    return pairs


def _agency_pairs(task) -> set[tuple[str, str]]:
    return {(norm(ref.printed), ref.role) for ref in task.agencies} | {(norm(ref.name), ref.role) for ref in task.agencies}


def score_tasks(name: str) -> dict[str, Score]:
    pairs = match_tasks(name)
    by_id = {t.id: t for t in facts(name).tasks}
    found = Score(tp=sum(t is not None for _, t in pairs), fn=sum(t is None for _, t in pairs))
    found.fp = len(facts(name).tasks) - found.tp
    tallies = {"tasks": found, "tasks.title": Score(), "tasks.parent": Score(), "tasks.due": Score(),
               "tasks.agencies": Score(), "tasks.table": Score()}

    def add(category: str, expected, got) -> None:
        if (got or "") == (expected or ""):
            tallies[category].tp += bool(expected)
        else:
            tallies[category].fn += bool(expected)
            tallies[category].fp += bool(got)

    for expected, task in pairs:
        if task is None:
            continue
        add("tasks.title", norm(expected.title), norm(task.title))
        add("tasks.parent", norm(expected.parent) or "(top)",
            norm(by_id[task.parent].title) if task.parent else "(top)")
        add("tasks.due", expected.due, task.due.date if task.due else None)
        if expected.table is not None:
            add("tasks.table", norm(expected.table), norm(task.table))
        if expected.agencies is not None:
            wanted = {(norm(printed), role) for printed, role in expected.agencies}
            got = _agency_pairs(task)
            hits = wanted & got
            tallies["tasks.agencies"].tp += len(hits)
            tallies["tasks.agencies"].fn += len(wanted - hits)
            tallies["tasks.agencies"].fp += sum(not ({(norm(r.printed), r.role), (norm(r.name), r.role)} & wanted)
                                                for r in task.agencies)
    return tallies


def score_targets(name: str) -> Score:
    got = {(float(t.value), norm(t.unit or "")) for t in facts(name).targets if t.kind == "target"}
    wanted = {(float(value), norm(unit)) for value, unit in TARGETS[name]}
    return Score(tp=len(got & wanted), fp=len(got - wanted), fn=len(wanted - got))


def score_text(name: str) -> Score:
    text = facts(name).document.text
    tally = Score()
    for phrase in WHOLE[name]:
        tally.tp += phrase in text
        tally.fn += phrase not in text
    tally.fp += sum(chrome in text for chrome in GONE[name])
    lines = [line.strip() for line in text.splitlines()]
    for line, count in LINE_COUNTS.get(name, {}).items():
        tally.fp += max(lines.count(line) - count, 0)
    return tally


def scores(names=DOCUMENTS) -> dict[str, Score]:
    return summed({"text": score_text(name), "metadata": score_meta(name), **score_tasks(name),
                   "targets": score_targets(name)} for name in names)


# -------------------------------------------------------------------------------------------------------- tests
# Precision and recall each category must keep over all five documents.
THRESHOLDS = {"text": (0.95, 0.95), "metadata": (0.95, 0.95), "tasks": (0.97, 0.97), "tasks.title": (0.97, 0.97),
              "tasks.parent": (0.97, 0.97), "tasks.due": (0.97, 0.97), "tasks.agencies": (0.97, 0.97),
              "tasks.table": (0.97, 0.97), "targets": (0.92, 0.92)}


@pytest.mark.parametrize("category", THRESHOLDS)
def test_each_category_keeps_its_figures(category):
    tally = scores()[category]
    precision, recall = THRESHOLDS[category]
    assert tally.precision >= precision and tally.recall >= recall, table(scores())


if __name__ == "__main__":
    print(table(scores(tuple(name for name in DOCUMENTS if any(arg in name for arg in sys.argv[1:])) or DOCUMENTS)))
