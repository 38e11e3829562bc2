"""The whole pipeline on plan documents nobody tuned it on (tests/fixtures/unseen/): other sectors and cities,
other numbering habits, tables in both layouts, GB18030, a BOM and an HTML page. Each test states facts a reader of
the document is sure of, written down from the document, not from the extractor's output."""

from functools import lru_cache
from pathlib import Path

import pytest

from plankg.ingest.facts import DocumentFacts
from plankg.ingest.pipeline import extract

UNSEEN = Path(__file__).resolve().parent / "fixtures" / "unseen"


@lru_cache(maxsize=None)
def facts(name: str) -> DocumentFacts:
    return extract(UNSEEN / name)


def outline(name: str) -> list[tuple[int, str, str]]:
    return [(h.level, h.number, h.title) for h in facts(name).headings]


def task(name: str, title: str, source: str | None = None):
    found = [t for t in facts(name).tasks if t.title == title and (source is None or t.source == source)]
    assert len(found) == 1, f"{title!r}: {[(t.title, t.source) for t in facts(name).tasks]}"
    return found[0]


def agencies(task_) -> list[tuple[str, str]]:
    return [(a.printed, a.role) for a in task_.agencies]


# ------------------------------------------------------------------------------- 工作要点: (一) and 一是 run-ins

EDU = "linjiang-2023-education-work-points.txt"


def test_work_points_outline_nests_run_ins_under_full_width_numbers():
    headings = outline(EDU)
    assert [h for h in headings if h[0] == 1] == [
        (1, "一、", "全面加强党对教育工作的领导"), (1, "二、", "推动基础教育优质均衡发展"), (1, "三、", "加快发展现代职业教育"),
        (1, "四、", "建设高素质专业化教师队伍"), (1, "五、", "强化教育保障"),
    ]
    assert [h[1] for h in headings if h[0] == 2] == [f"（{n}）" for n in "一二三四五六七八九十"] + ["（十一）"]
    assert [h[1] for h in headings if h[0] == 3] == ["一是", "二是", "三是"] * 2


def test_work_points_tasks_and_deadlines_in_running_text():
    tasks = facts(EDU).tasks
    numbered = [t for t in tasks if t.parent is None]
    assert len(numbered) == 11 and numbered[-1].title == "维护校园安全稳定"
    assert all(t.source == "outline" for t in tasks)
    assert task(EDU, "推进清廉学校建设").due.date == "2023-12-31"  # 年内, in a 2023 plan
    assert task(EDU, "推进义务教育优质均衡发展").due.date == "2023-09-30"  # 2023年第三季度
    assert task(EDU, "提升职业院校办学水平").due.date == "2024-12-31"  # 2024年底前
    second = next(t for t in tasks if t.number == "二是" and t.title == "落实中小学校党组织领导的校长负责制")
    assert second.due.date == "2023-06-30" and second.parent == numbered[0].id
    homework = next(t for t in tasks if t.number == "三是" and "作业" in t.title)
    assert homework.due.text == "9月底前" and homework.due.date == "2023-09-30"
    assert [a.printed for a in task(EDU, "扩大普惠性学前教育资源").agencies][:1] == ["市教育局"]


# ----------------------------------------------------- 实施方案: 第一章/第一节, a flattened 任务分工 table, GB18030

HEALTH = "yunxi-2023-county-medical-alliance-plan.txt"


def test_chapters_and_sections_nest_and_the_annex_starts_afresh():
    headings = outline(HEALTH)
    assert (1, "第二章", "重点任务") in headings and (2, "第三节", "强化信息支撑") in headings
    assert (3, "6.", "建设医共体信息平台") in headings
    assert headings[-1][:2] == (1, "附件")
    assert facts(HEALTH).document.encoding == "gb18030"


def test_flattened_division_of_labour_table_gives_lead_supporting_and_deadlines():
    rows = [t for t in facts(HEALTH).tasks if t.source == "table"]
    assert [t.number for t in rows] == ["1", "2", "3", "4", "5"]
    by_id = {t.id: t for t in facts(HEALTH).tasks}
    # rows 1-4 repeat outline tasks 1, 2, 5 and 6 (the annex numbers afresh); row 5 is the table's own work
    assert [by_id[t.parent].number if t.parent else None for t in rows] == ["1", "2", "5", "6", None]
    assert not any(by_id[t.parent].source == "table" for t in rows if t.parent)  # one row per item: no sub-tasks
    first = rows[0]
    assert first.title == "组建县域医共体" and first.due.date == "2023-06-30"
    assert agencies(first) == [("县卫生健康局", "lead"), ("县委编办", "supporting"), ("县人力资源社会保障局", "supporting")]
    assert rows[1].due.date == "2023-12-31"  # 2023年12月31日前
    assert rows[2].due.date == "2024-09-30" and agencies(rows[2])[0] == ("县人民医院", "lead")  # 2024年第三季度
    assert rows[4].due.text == "长期坚持" and rows[4].due.date is None


def test_a_plan_spanning_years_leaves_year_less_deadlines_open():
    assert task(HEALTH, "推广“互联网+医疗健康”服务").due.year is None  # 年内, in a 2023—2025 plan
    assert task(HEALTH, "推进县级医院能力提升").due.date == "2025-12-31"  # 2025年前


# ----------------------------------------------------------- 实施方案: 一、(一)1.(1) and a row-per-line table

ROADS = "dongshan-2024-rural-road-safety-plan.txt"


def test_four_levels_of_numbering():
    headings = outline(ROADS)
    assert (1, "二、", "主要任务") in headings
    assert (2, "（一）", "全面排查整治安全隐患") in headings
    assert (3, "2.", "实施分类整治") in headings
    assert (4, "（3）", "平交路口") in headings


def test_month_ranges_and_sub_tasks_in_the_outline():
    assert task(ROADS, "开展隐患排查").due.date == "2024-04-30"  # 2024年3月—4月完成首轮排查
    split = task(ROADS, "实施分类整治")
    children = [t for t in facts(ROADS).tasks if t.parent == split.id]
    assert [(t.number, t.due.date if t.due else None) for t in children] == [
        ("（1）", "2024-10-31"), ("（2）", "2025-06-30"), ("（3）", None),
    ]
    titles = {t.title for t in facts(ROADS).tasks}
    assert not titles & {"动员部署阶段（2024年1月—2月）", "加强组织领导"}  # steps and safeguards are no tasks


def test_tab_separated_table_rows():
    rows = [t for t in facts(ROADS).tasks if t.source == "table"]
    assert [t.title for t in rows][:2] == ["开展农村公路安全隐患排查", "急弯陡坡路段整治"]
    assert agencies(rows[0]) == [("各县区政府", "responsible"), ("市交通运输局", "responsible")]
    assert [t.due.date for t in rows[:5]] == ["2024-04-30", "2024-10-31", "2025-06-30", "2024-06-30", "2025-12-31"]
    assert rows[5].due.text == "持续推进"


# ------------------------------------------------------------------ 规划 with a 名词解释 section (GB18030)

ECOLOGY = "qinghe-14th-fyp-ecology.txt"


def test_plan_tasks_only_under_the_task_chapter():
    tasks = facts(ECOLOGY).tasks
    assert [t.number for t in tasks if t.parent is None] == ["（一）", "（二）", "（三）"]
    assert len(tasks) == 9
    assert task(ECOLOGY, "推进工业源深度治理").due.date == "2023-12-31"


def test_a_task_of_one_sentence_keeps_its_words_as_text():
    one_line = next(t for t in facts(ECOLOGY).tasks if t.number == "6")
    assert one_line.source == "outline"
    assert "2022年6月底前完成成果更新" in one_line.text
    assert one_line.due.date == "2022-06-30"


# --------------------------------------------------------- HTML page: chrome, spam, a table of cells per line

BUSINESS = "nanfeng-2023-business-environment-plan.html"


def test_html_table_without_a_name_column_reads_every_row():
    by_id = {t.id: t for t in facts(BUSINESS).tasks}
    rows = [t for t in facts(BUSINESS).tasks
            if t.source == "table" and (t.parent is None or by_id[t.parent].source != "table")]
    assert [t.number for t in rows] == ["1", "2", "3", "4", "5"]
    # each row quotes the outcome an outline task's body states: 实现综合窗口全覆盖 is task 2's
    assert [by_id[t.parent].number for t in rows] == ["1", "2", "3", "4", "6"]
    # a content cell that ends like an organ (…网办) is still the task, not an agency
    assert rows[0].title == "实现200项高频事项全程网办"
    assert agencies(rows[0]) == [("区行政审批服务局", "lead"), ("区大数据中心", "responsible")]
    assert ("各街道办事处", "responsible") in agencies(rows[1])
    assert rows[0].due.date == "2023-09-30"


def test_html_outline_and_deadlines():
    assert task(BUSINESS, "推行“综合窗口”服务").due.date == "2023-06-30"  # 上半年
    assert task(BUSINESS, "强化惠企政策兑现").due.date == "2023-12-31"  # 2023年11月至12月


# -------------------------------------------- a report with next year's plan (UTF-8 with BOM), 第一，run-ins

FARMING = "baishui-2023-agriculture-summary-and-2024-plan.txt"


def test_report_tasks_come_from_its_plan_for_next_year_only():
    assert (1, "一、", "2023年工作开展情况") in outline(FARMING)
    tasks = facts(FARMING).tasks
    assert [t.number for t in tasks if t.parent is None] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert not any("产业链条" in t.title for t in tasks)  # 存在的问题 is no task list
    assert [t.number for t in tasks if t.parent] == ["第一", "第二", "第三"]


def test_a_section_naming_its_year_dates_year_less_deadlines():
    assert task(FARMING, "稳定粮食生产").due.date == "2024-03-31"  # 3月底前, under 三、2024年工作计划
    assert next(t for t in facts(FARMING).tasks if t.number == "第一").due.date == "2024-12-31"  # 年内


# ---------------------------------------------------------- 工作计划: 1、(1)①, a pipe table, 每月 / 4月、9月

HEALTH_CAMPAIGN = "hexi-2024-patriotic-health-work-plan.txt"


def test_circled_run_ins_do_not_corrupt_deadlines():
    first = next(t for t in facts(HEALTH_CAMPAIGN).tasks if t.number == "①")
    assert first.due.text == "6月底前" and first.due.date == "2024-06-30"


def test_pipe_table_agency_suffixes_and_multi_date_cells():
    rows = [t for t in facts(HEALTH_CAMPAIGN).tasks if t.source == "table"]
    assert len(rows) == 4
    assert agencies(rows[0]) == [("各街道办事处", "responsible"), ("区城管局", "supporting")]
    assert rows[0].due.text == "每月" and rows[0].due.date is None
    assert rows[2].due.date == "2024-09-30"  # 2024年4月、9月: the last
    assert ("区总工会", "supporting") in agencies(rows[3])


@pytest.mark.parametrize("name", sorted(p.name for p in UNSEEN.iterdir()))
def test_every_task_span_holds_its_title(name):
    document = facts(name).document
    for task_ in facts(name).tasks:
        assert task_.title and task_.title in document.text[task_.span.start:task_.span.end]


# ------------------------------------------------ the other stages on the same documents (what they get right)


def test_prerequisites_from_cues_and_not_from_levers_or_carriers():
    found = {(p.cue, p.prerequisite, p.dependent) for p in facts(EDU).prerequisites}
    assert ("依托X", "市智慧教育平台", "推动优质课程资源向乡村学校延伸") in found
    assert any(cue == "在X基础上" and pre == "市职教中心现有实训基地" for cue, pre, _ in found)
    assert any(cue == "为X奠定基础" and dep == "培养高素质技术技能人才" for cue, _, dep in found)
    assert not any("清廉校园" in pre or "平安校园" in pre for _, pre, _ in found)  # 以…为抓手 / 以…为载体
    assert not any("企业家接待日" in p.prerequisite for p in facts(BUSINESS).prerequisites)  # 以…为载体


def test_targets_with_comparators():
    def targets(name):
        return {(t.indicator, t.comparator, t.value, t.unit) for t in facts(name).targets}

    assert {("普惠性幼儿园覆盖率", "≥", 90.0, "%"), ("公办园在园幼儿占比", "≥", 55.0, "%"),
            ("义务教育学校教师交流轮岗比例", "≥", 10.0, "%")} <= targets(EDU)
    assert ("县级公立医院床位使用率", "≤", 90.0, "%") in targets(HEALTH)
    assert next(t for t in facts(HEALTH).targets if t.indicator == "县域内就诊率").year == 2025


def test_inline_definitions_in_a_plan():
    senses = {t.label: t for t in facts(ECOLOGY).terms}
    assert senses["三联"].expansion == ["巡河", "护河", "治河"] and senses["三联"].count_agrees
    assert senses["2+N"].expansion == ["2个市级生态环境监测中心", "N个县级监测站"]
    assert senses["三线一单"].expansion == ["生态保护红线", "环境质量底线", "资源利用上线", "生态环境准入清单"]


def test_numbered_glossary_section_of_a_plan():
    senses = {t.label: t for t in facts(ECOLOGY).terms if t.kind == "glossary-section"}
    assert set(senses) == {"三线一单", "五个全覆盖", "三个一", "无废城市"}
    assert senses["三线一单"].expansion == ["生态保护红线", "环境质量底线", "资源利用上线", "生态环境准入清单"]
    assert senses["五个全覆盖"].expansion == ["河湖长制组织体系", "河湖管理范围划定", "河湖巡查", "水质监测", "信息公开"]
    assert senses["三个一"].expansion == ["一张河湖名录图", "一个河湖信息库", "一套管理制度"]
    assert (senses["三个一"].declared_count, senses["三个一"].count_agrees) == (3, True)
    assert senses["无废城市"].expansion == [] and senses["无废城市"].definition.startswith("以创新、协调")
    undefined = {t.label for t in facts(ECOLOGY).terms if t.kind == "undefined"}
    assert not undefined & {"十四五", "十三五", "三个一"}


def test_inline_definitions_after_ji_and_lists_led_in_by_verbs():
    def sense(name, label):
        return next(t for t in facts(name).terms if t.label == label)

    assert sense(EDU, "四个100%").kind == "inline"
    assert sense(EDU, "四个100%").expansion == ["专职保安配备率", "封闭化管理达标率", "一键式紧急报警装置安装率", "视频监控联网率"]
    assert sense(ROADS, "两减速一停车").expansion == ["减速带", "减速标线", "停车让行标志"]
    assert sense(HEALTH, "六统一").expansion == ["行政", "人事", "财务", "业务", "药械", "信息"]
    assert (sense(HEALTH, "六统一").declared_count, sense(HEALTH, "六统一").count_agrees) == (6, True)
    assert sense(HEALTH, "五大中心").expansion == ["影像", "检验", "心电诊断", "病理诊断", "消毒供应"]
    undefined = [t.label for t in facts(HEALTH_CAMPAIGN).terms if t.kind == "undefined"]
    assert "一日一清" not in undefined and "一周一消" not in undefined


def test_notice_metadata_and_stated_responsibilities():
    plan = facts(HEALTH).plan
    assert (plan.doc_number, plan.issuer, plan.kind) == ("云政办发〔2023〕15号", "云溪县人民政府办公室", "实施方案")
    assert (plan.period_start, plan.period_end) == (2023, 2025)
    lead = [(r.agency.printed, r.pattern) for r in facts(ROADS).responsibilities]
    assert ("市交通运输局", "由X牵头") in lead


def test_html_page_loses_its_chrome():
    text = facts(BUSINESS).document.text
    assert "当前位置" not in text and "分享到" not in text and "澳门" not in text
    assert facts(BUSINESS).plan.title == "南峰区2023年优化营商环境工作计划"


# ------------------------------------------- metadata, cleaning and agencies: the failures found on these plans


@pytest.mark.parametrize(
    "name, issuer",
    [(EDU, "临江市教育局"), (HEALTH_CAMPAIGN, "河西区卫生健康委员会"), (FARMING, "白水县农业农村局"),
     (BUSINESS, "南峰区人民政府办公室")],  # the last signs the page above its date
)
def test_issuer_from_the_title_or_the_signature(name, issuer):
    assert facts(name).plan.issuer == issuer


def test_a_three_year_action_runs_three_years_to_its_target_year():
    plan = facts(ROADS).plan
    assert (plan.period_start, plan.period_end) == (2024, 2026)  # 三年行动, 到2026年


def test_a_report_with_next_year_s_plan_covers_both_years():
    plan = facts(FARMING).plan
    assert (plan.kind, plan.period_start, plan.period_end) == ("工作总结和工作计划", 2023, 2024)


def test_hidden_spam_logo_and_friend_links_are_not_the_page():
    text = facts(BUSINESS).document.text
    assert "彩金" not in text and "返水" not in text and "友情链接" not in text
    assert text.splitlines()[0] == "南峰区2023年优化营商环境工作计划"  # the site's logo line is gone
    assert not any("彩金" in t.indicator for t in facts(BUSINESS).targets)


def test_duties_of_every_county_government_stand_apart():
    duties = [(r.agency.printed, r.text) for r in facts(ECOLOGY).responsibilities]
    assert ("市生态环境局", "规划实施的统筹协调和监督评估") in duties
    assert ("各县区政府", "本辖区规划任务落实") in duties
    assert "各县区政府" in [r.agency.printed for r in facts(ROADS).responsibilities]  # 各县区政府负责组织…


def test_leadership_office_seated_in_an_organ():
    duties = [(r.agency.name, r.pattern, r.text) for r in facts(HEALTH).responsibilities]
    assert ("县医共体建设工作领导小组办公室", "领导小组办公室", "设在县卫生健康局，负责日常工作") in duties
    assert not any(name.startswith("成立") or pattern == "由X" for name, pattern, _ in duties)


def test_departments_directly_under_the_district_stay_a_collective():
    row = next(t for t in facts(BUSINESS).tasks if t.source == "table" and t.number == "4")
    assert "区直有关部门" in [a.name for a in row.agencies]


# ------------------------------------------------------------------ glossaries in other layouts (senses as printed)

ELDERLY = "liyang-2024-elderly-care-action-plan.txt"
CHEMICAL = "songtao-2023-chemical-park-safety-work-plan.txt"
DIGITAL = "beiling-2024-digital-government-plan.html"


def senses_of(name: str, kind: str) -> dict[str, list[str]]:
    return {t.label: t.expansion for t in facts(name).terms if t.kind == kind}


def test_flattened_glossary_table_with_a_number_column():
    assert senses_of(ELDERLY, "glossary-section") == {
        "15分钟养老服务圈": [],  # a radius described, no set
        "三级网络": ["市级养老服务指导中心", "街道综合养老服务中心", "社区养老服务站"],
        "一床一码": [],  # one code for each bed: a rule, no set
        "三助一护": ["助餐", "助洁", "助浴", "上门护理"],
    }


def test_inline_senses_beside_a_glossary_table_stay_apart_and_a_note_defines():
    inline = [t for t in facts(ELDERLY).terms if t.kind == "inline"]
    assert {t.label: t.expansion for t in inline} == {
        "三级网络": ["市级指导中心", "街道综合养老服务中心", "社区养老服务站"],
        "三助一护": ["助餐", "助洁", "助浴", "护理服务"],
        "双提升": ["居住环境安全性", "生活便利性"],
        "两个优先": ["优先保障特困老年人", "优先保障经济困难的失能老年人"],  # from the note 注：“两个优先”指…
    }
    assert all(t.count_agrees for t in inline)


def test_pipe_glossary_table_under_a_numbered_title_ends_at_the_next_heading():
    section = senses_of(CHEMICAL, "glossary-section")
    assert section == {
        "两重点一重大": ["重点监管的危险化工工艺", "重点监管的危险化学品", "重大危险源"],
        "四查四改": ["查制度改制度", "查设备改设备", "查人员改人员", "查现场改现场"],  # four pairs
        "三同时": ["同时设计", "同时施工", "同时投入生产和使用"],
        "智慧安监": [],
    }
    assert all(t.count_agrees for t in facts(CHEMICAL).terms if t.kind == "glossary-section" and t.expansion)
    assert senses_of(CHEMICAL, "inline") == {"三个一体化": ["风险监测", "预警处置", "应急指挥"]}
    assert "一企一档" in senses_of(CHEMICAL, "undefined")


def test_html_glossary_table_and_a_footnote():
    assert senses_of(DIGITAL, "glossary-section") == {
        "一云多芯": [],  # one and many: no count
        "四大基础库": ["人口基础库", "法人基础库", "空间地理基础库", "电子证照基础库"],
        "免申即享": [],
    }
    assert senses_of(DIGITAL, "inline") == {"四大基础库": ["人口", "法人", "空间地理", "电子证照"], "一网通办": []}
    note = next(t for t in facts(DIGITAL).terms if t.label == "一网通办")
    assert note.definition.endswith("提交一次材料")
