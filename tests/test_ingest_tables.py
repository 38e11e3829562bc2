"""Task tables: header vocabulary, flattened cells, rows, categories, agencies and deadlines."""

from plankg.ingest.facts import Document, PlanMeta
from plankg.ingest.tables import find_task_tables, table_tasks

PLAN = PlanMeta(title="某县2023年工作要点", period_start=2023, period_end=2023)

# One cell per line, header split over lines, full-width numbers and brackets, two categories.
FLATTENED = """二、保障措施
加强督查。
附件２
重点任务分工表
序号
重点
任务
牵头
单位
配合单位
完成
时限
（一）民生保障
１
建设养老服务中心
县民政局
县财政局、县卫健委
２０２３年６月底前
完善社区食堂布局
县民政局
年底前
２
推进老旧小区改造
县住建局
２０２３年９月３０日前
（二）平安建设
３
升级视频监控平台
县公安局
长期
"""


def _doc(text: str) -> Document:
    return Document(id="t", source="t.txt", sha256="", format="txt", text=text)


def test_flattened_header_words_become_column_kinds_and_caption_keeps_the_annex_label():
    (table,) = find_task_tables(FLATTENED)
    assert table.columns == ["number", "name", "lead", "supporting", "due"]
    assert table.caption == "附件２ 重点任务分工表"
    assert [item.number.text for item in table.items] == ["１", "２", "３"]
    assert [item.category for item in table.items] == ["（一）民生保障", "（一）民生保障", "（二）平安建设"]


def test_flattened_items_get_dated_sub_tasks_with_agencies_by_role():
    tasks = table_tasks(_doc(FLATTENED), PLAN)
    items = [t for t in tasks if t.parent is None]
    assert [(t.number, t.title) for t in items] == [("１", "建设养老服务中心"), ("２", "推进老旧小区改造"), ("３", "升级视频监控平台")]
    first = items[0]
    assert first.due.date == "2023-12-31"  # the latest deadline of its rows
    assert [(a.printed, a.role) for a in first.agencies] == [  # 县民政局 leads both rows: listed once
        ("县民政局", "lead"), ("县财政局", "supporting"), ("县卫健委", "supporting"),
    ]
    assert all(t.table == "附件２ 重点任务分工表" and t.source == "table" for t in tasks)
    assert items[2].due.text == "长期" and items[2].due.date is None


def test_the_spans_of_table_tasks_point_at_their_cells():
    tasks = table_tasks(_doc(FLATTENED), PLAN)
    for task in tasks:
        assert task.title in FLATTENED[task.span.start:task.span.end]
        if task.due and task.due.span:
            assert FLATTENED[task.due.span.start:task.due.span.end] == task.due.text


def test_a_table_without_name_column_has_content_as_title():
    text = "序号\n工作内容\n责任单位\n完成时间\n1\n修订应急预案。\n市应急局\n2024年\n2\n开展演练。\n市应急局\n2024年6月\n"
    tasks = table_tasks(_doc(text), PLAN)
    assert [(t.number, t.title, t.due.date, t.agencies[0].role) for t in tasks] == [
        ("1", "修订应急预案。", "2024-12-31", "responsible"),
        ("2", "开展演练。", "2024-06-30", "responsible"),
    ]


def test_rows_with_tab_separated_cells_and_merged_first_columns():
    text = (
        "表1 重大项目清单\n"
        "序号\t项目名称\t建设内容\t责任单位\t完成时限\n"
        "一、基础设施\n"
        "1\t智慧停车平台\t建设停车诱导系统\t市交通局\t2022年\n"
        "\t\t接入全市停车场\t市交通局\t2023年\n"
        "2\t应急指挥中心\t建成指挥大厅\t市应急局\t2023年6月底前\n"
        "说明：以上项目按年度推进。\n"
    )
    (table,) = find_task_tables(text)
    assert table.caption == "表1 重大项目清单"
    tasks = table_tasks(_doc(text), PLAN)
    subtasks = [(t.text, t.due.year, tasks[int(t.parent[1:]) - 1].title) for t in tasks if t.parent]
    assert subtasks == [
        ("建设停车诱导系统", 2022, "智慧停车平台"),
        ("接入全市停车场", 2023, "智慧停车平台"),
        ("建成指挥大厅", 2023, "应急指挥中心"),
    ]
    assert all(t.category == "一、基础设施" for t in tasks)


def test_a_numbered_list_is_not_a_table():
    assert find_task_tables("序号说明如下。\n1.加强领导\n2.落实责任\n") == []
    assert find_task_tables("序号\n姓名\n职务\n1\n张三\n组长\n") == []


def test_a_content_cell_broken_over_lines_stays_one_row_when_a_deadline_closes_it():
    text = "序号\n项目名称\n项目内容\n完成时间\n1\n数据中台\n汇聚多源数据，\n形成统一目录。\n2025年\n"
    tasks = table_tasks(_doc(text), PLAN)
    assert [(t.text, t.due.year) for t in tasks if t.parent] == [("汇聚多源数据，\n形成统一目录。", 2025)]


def test_pipe_separated_rows():
    text = "| 序号 | 工作任务 | 牵头部门 | 时间节点 |\n| 1 | 完成普查 | 区统计局 | 2024年3月底前 |\n"
    (task,) = table_tasks(_doc(text), PLAN)
    assert (task.number, task.title, task.due.date, task.agencies[0].printed, task.agencies[0].role) == (
        "1", "完成普查", "2024-03-31", "区统计局", "lead",
    )


def test_a_traditional_header_and_full_width_bars_digits_and_spaces_read_like_simplified():
    text = (
        "序號｜重點任務｜牽頭單位｜配合單位｜完成時限\n"
        "１｜完成人口普查｜區統計局｜區財政局、各街道辦事處｜２０２４年３月底前\n"
        "２\u3000\u3000推進數據共享\u3000\u3000區大數據中心\u3000\u3000區政務服務中心\u3000\u3000２０２４年底前\n"
    )
    (table,) = find_task_tables(text)
    assert table.columns == ["number", "name", "lead", "supporting", "due"]
    tasks = table_tasks(_doc(text), PLAN)
    assert [(t.number, t.title, t.due.date) for t in tasks] == [
        ("１", "完成人口普查", "2024-03-31"), ("２", "推進數據共享", "2024-12-31"),
    ]
    assert [(a.printed, a.role) for a in tasks[0].agencies] == [
        ("區統計局", "lead"), ("區財政局", "supporting"), ("各街道辦事處", "supporting"),
    ]
    for task in tasks:  # the cells keep their printed characters and point at themselves
        assert text[task.due.span.start:task.due.span.end] == task.due.text


def test_a_flattened_traditional_table_with_a_year_list_cell():
    text = "序號\n項目名稱\n建設內容\n責任單位\n完成時間\n１\n智慧停車平臺\n建設停車誘導系統\n市交通運輸局\n２０２２年、２０２３年\n"
    tasks = table_tasks(_doc(text), PLAN)
    assert [(t.title, t.due.year) for t in tasks] == [("智慧停車平臺", 2023), ("建設停車誘導系統", 2023)]
    assert tasks[1].agencies[0].printed == "市交通運輸局"


def test_a_department_s_own_offices_fill_the_agency_columns_of_a_flattened_table():
    """A department's work plan assigns rows to its offices (社会救助科) before the organs that help."""
    text = ("序号\n工作任务\n牵头单位\n责任单位\n完成时间\n"
            "1\n完成低收入人口数据库扩围\n社会救助科\n区大数据中心、各街道办事处\n2024年3月\n"
            "2\n建成养老服务中心2家\n养老服务科\n相关街道办事处\n2024年6月\n")
    tasks = table_tasks(_doc(text), PLAN)
    assert [(t.number, t.title) for t in tasks] == [("1", "完成低收入人口数据库扩围"), ("2", "建成养老服务中心2家")]
    assert [(a.printed, a.role) for a in tasks[0].agencies] == [
        ("社会救助科", "lead"), ("区大数据中心", "responsible"), ("各街道办事处", "responsible"),
    ]


def test_a_column_of_responsible_offices():
    (table,) = find_task_tables("序号\t工作任务\t责任科室（单位）\t完成时限\n1\t完成风险分级\t食品生产科、食品经营科\t2024年4月30日前\n")
    assert table.columns == ["number", "name", "responsible", "due"]
    (task,) = table_tasks(_doc("序号\t工作任务\t责任科室（单位）\t完成时限\n1\t完成风险分级\t食品生产科、食品经营科\t2024年4月30日前\n"), PLAN)
    assert [(a.printed, a.role) for a in task.agencies] == [("食品生产科", "responsible"), ("食品经营科", "responsible")]
    assert task.due.date == "2024-04-30"
