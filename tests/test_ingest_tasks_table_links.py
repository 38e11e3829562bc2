"""Task-table rows that repeat outline tasks: the outline task takes the row's agencies and deadline, the row
stays as its table record (parent); rows of a list of its own stay apart; sub-tasks keep their own deadline."""

from pathlib import Path

from plankg.ingest.facts import AgencyRef, Document, Due, PlanMeta, Span, Task
from plankg.ingest.outline import extract_outline
from plankg.ingest.pipeline import extract
from plankg.ingest.table_links import link_table_rows
from plankg.ingest.tasks import extract_tasks

PLAN = PlanMeta(title="某县2024—2025年实施方案", kind="实施方案", period_start=2024, period_end=2025)

OUTLINE = (
    "一、工作目标\n到2025年，社区服务站覆盖率达到100%。\n"
    "二、重点任务\n"
    "（一）完善服务设施\n"
    "1.建设社区服务站。每个社区建成1个服务站。\n"
    "2.推进道路照明改造。\n"
    "（1）更换老旧路灯500盏。\n"
    "（2）建立路灯巡查台账。\n"
    "（二）提升服务质量\n"
    "3.开展志愿者培训。依托县职业技术学校开设课程，由县团委牵头，县教育局配合。\n"
    "4.发展社区助餐服务。在社区食堂设置助餐点，实现城区助餐服务全覆盖。\n"
    "三、保障措施\n（一）加强组织领导。县民政局负责统筹协调。\n"
)
DIVISION = (
    "附件\n任务分工\n序号\n工作任务\n牵头单位\n责任单位\n完成时限\n"
    "1\n（一）1.建设社区服务站\n县民政局\n各乡镇人民政府\n2025年6月底前\n"
    "2\n道路照明改造\n县住房城乡建设局\n县财政局\n2024年12月底前\n"
    "3\n志愿者培训\n县团委\n县教育局\n长期坚持\n"
    "4\n城区助餐服务全覆盖\n县民政局\n县市场监管局\n2024年10月底前\n"
    "5\n建设县级服务信息平台\n县民政局\n县大数据中心\n2025年12月底前\n"
)


def _tasks(text: str) -> list[Task]:
    document = Document(id="t", source="t.txt", sha256="", format="txt", text=text)
    return extract_tasks(document, extract_outline(document), PLAN)


def _by_title(tasks: list[Task]) -> dict[str, Task]:
    return {t.title: t for t in tasks}


def test_rows_that_quote_shorten_number_or_quote_the_body_link_to_their_outline_task():
    tasks = _tasks(OUTLINE + DIVISION)
    by_id = {t.id: t for t in tasks}
    rows = [t for t in tasks if t.source == "table"]
    assert [(row.number, by_id[row.parent].title if row.parent else None) for row in rows] == [
        ("1", "建设社区服务站"),  # the cell adds the number path （一）1.
        ("2", "推进道路照明改造"),  # the cell shortens the title
        ("3", "开展志愿者培训"),
        ("4", "发展社区助餐服务"),  # the cell quotes the body's outcome
        ("5", None),  # work only the table names stays a task of its own
    ]
    assert len(tasks) == len(_tasks(OUTLINE)) + 5  # no task is added or lost: rows are linked, not copied


def test_the_outline_task_takes_the_rows_agencies_with_roles_and_their_spans_in_the_table():
    text = OUTLINE + DIVISION
    tasks = _by_title(_tasks(text))
    station = tasks["建设社区服务站"]
    assert [(a.printed, a.role) for a in station.agencies] == [("县民政局", "lead"), ("各乡镇人民政府", "responsible")]
    table_start = text.index("任务分工")
    assert all(a.span.start > table_start and text[a.span.start:a.span.end] == a.printed for a in station.agencies)
    # a plain 责任单位 column gives way to the role the task's own words state (由县团委牵头，县教育局配合)
    assert [(a.printed, a.role) for a in tasks["开展志愿者培训"].agencies] == [("县团委", "lead"), ("县教育局", "supporting")]


def test_the_outline_task_takes_the_later_deadline_and_keeps_a_dated_one_over_an_open_row():
    tasks = _by_title(_tasks(OUTLINE + DIVISION))
    assert tasks["建设社区服务站"].due.date == "2025-06-30"
    assert tasks["推进道路照明改造"].due.date == "2024-12-31"
    assert tasks["开展志愿者培训"].due.text == "长期坚持"  # no deadline of its own: the row's open one


def test_a_task_with_an_earlier_milestone_of_its_own_takes_the_rows_final_deadline():
    text = OUTLINE.replace("每个社区建成1个服务站。", "2024年9月底前完成选址。") + DIVISION
    assert _by_title(_tasks(text))["建设社区服务站"].due.date == "2025-06-30"
    text = OUTLINE.replace("每个社区建成1个服务站。", "2025年9月底前全部建成。") + DIVISION
    assert _by_title(_tasks(text))["建设社区服务站"].due.date == "2025-09-30"


def test_sub_tasks_without_a_deadline_of_their_own_do_not_inherit_their_parents():
    tasks = _by_title(_tasks(OUTLINE + DIVISION))
    assert tasks["推进道路照明改造"].due is not None
    assert tasks["更换老旧路灯500盏"].due is None and tasks["建立路灯巡查台账"].due is None


def test_a_list_of_projects_of_its_own_links_only_a_row_that_names_an_outline_task_exactly():
    projects = (
        "附件\n重点项目清单\n序号\n项目名称\n建设内容\n责任单位\n建设年限\n"
        "1\n城北社区服务站\n建设日间照料功能区\n城北街道办事处\n2025年\n"
        "2\n县社会福利中心改扩建工程\n新增护理型床位200张\n县民政局\n2024年\n"
        "3\n发展社区助餐服务\n新建助餐点20个\n县民政局\n2024年\n"
    )
    tasks = _tasks(OUTLINE + projects)
    by_id = {t.id: t for t in tasks}
    items = [t for t in tasks if t.source == "table" and (t.parent is None or by_id[t.parent].source != "table")]
    assert [(t.title, by_id[t.parent].title if t.parent else None) for t in items] == [
        ("城北社区服务站", None),  # one project of 建设社区服务站, not that task
        ("县社会福利中心改扩建工程", None),
        ("发展社区助餐服务", "发展社区助餐服务"),
    ]
    assert _by_title(tasks)["建设社区服务站"].agencies == []


def _row(tid: str, title: str, due: Due | None = None, agencies: list[AgencyRef] | None = None) -> Task:
    return Task(id=tid, number=None, title=title, text="", span=Span(0, 1), due=due, agencies=agencies or [],
                source="table")


def test_links_are_one_to_one_strongest_first():
    outline = [Task(id="t1", number="1", title="建设医共体信息平台", text="2024年底前建成全县统一的医共体信息平台。",
                    span=Span(0, 1)),
               Task(id="t2", number="2", title="推广远程医疗服务", text="通过医共体信息平台建设，开展远程会诊。",
                    span=Span(1, 2))]
    rows = [_row("t3", "远程医疗服务"), _row("t4", "建设医共体信息平台"), _row("t5", "医共体信息平台运维")]
    link_table_rows(outline, rows)
    assert [row.parent for row in rows] == ["t2", "t1", None]  # t1 is taken by the row that names it


def test_an_agency_already_named_by_the_task_is_not_repeated():
    own = AgencyRef(name="县卫生健康局", printed="县卫生健康局", span=Span(5, 11), role="lead")
    outline = [Task(id="t1", number="1", title="组建县域医共体", text="", span=Span(0, 20), agencies=[own])]
    listed = [AgencyRef(name="县卫生健康局", printed="县卫生健康局", span=Span(40, 46), role="lead"),
              AgencyRef(name="县委编办", printed="县委编办", span=Span(47, 51), role="supporting")]
    row = _row("t2", "组建县域医共体", agencies=listed)
    link_table_rows(outline, [row])
    assert [(a.name, a.span) for a in outline[0].agencies] == [("县卫生健康局", Span(5, 11)), ("县委编办", Span(47, 51))]
    assert row.agencies == listed  # the row keeps its own record


UNSEEN = Path(__file__).resolve().parent / "fixtures" / "unseen"


def test_unseen_home_care_plan_one_task_per_piece_of_work():
    facts = extract(UNSEEN / "pingchuan-2024-home-care-service-plan.txt")
    by_id = {t.id: t for t in facts.tasks}
    division = [t for t in facts.tasks if t.source == "table" and "任务分工" in (t.table or "")]
    linked = {t.number: by_id[t.parent].number for t in division if t.parent}
    assert linked == {"1": "1", "2": "2", "3": "3", "4": "4", "5": "5"}  # row 6 is new work
    training = next(t for t in facts.tasks if t.title == "开展养老护理员技能培训")
    assert [(a.printed, a.role) for a in training.agencies] == [
        ("县人力资源社会保障局", "lead"), ("县民政局", "supporting"), ("县职业技术学校", "supporting")]
    centre = next(t for t in facts.tasks if t.title == "建设街道综合养老服务中心")
    assert centre.due.date == "2025-06-30"  # the table's deadline, later than the body's 2024年9月底前 milestone
    projects = [t for t in facts.tasks if "项目清单" in (t.table or "")]
    assert projects and not any(by_id[t.parent].source != "table" for t in projects if t.parent)


def test_a_full_width_number_path_in_the_cell_picks_the_task_it_names():
    text = (
        "一、重點任務\n（一）城區\n１．建設社區服務站。城區每個社區建成１個。\n"
        "（二）鄉村\n１．建設社區服務站。每個行政村建成１個。\n"
        "附件\n任務分工\n序號\n工作任務\n牽頭單位\n完成時限\n１\n（二）１．建設社區服務站\n縣民政局\n２０２５年６月底前\n"
    )
    tasks = _tasks(text)
    by_id = {t.id: t for t in tasks}
    (row,) = [t for t in tasks if t.source == "table"]
    linked = by_id[row.parent]
    assert by_id[linked.parent].title == "鄉村"
    assert (linked.due.date, [a.printed for a in linked.agencies]) == ("2025-06-30", ["縣民政局"])
