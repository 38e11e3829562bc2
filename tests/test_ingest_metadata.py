"""Plan metadata on small documents of other regions and sectors than the samples."""

from __future__ import annotations

import pytest

from plankg.ingest.facts import Document
from plankg.ingest.metadata import DOC_NUMBER, cited_documents, extract_plan_meta


def _doc(text: str, fields: dict[str, str] | None = None) -> Document:
    return Document(id="t", source="t.txt", sha256="0", format="txt", text=text, fields=fields or {})


NOTICE = """东川县人民政府关于印发东川县农村公路养护管理实施方案(2022—2024年)的通知
东政发[2022]9号
各乡镇人民政府,县政府各部门:
现将《东川县农村公路养护管理实施方案(2022—2024年)》印发给你们,请抓好落实。
东川县人民政府
二〇二二年三月五日
东川县农村公路养护管理实施方案(2022—2024年)
根据《交通运输部关于深化农村公路管理养护体制改革的意见》(交公路发〔2019〕100号)和《公路安全保护条例》,制定本方案。
到2024年,农村公路优良中等路率达到85%以上。
"""


def test_notice_wrapped_plan():
    meta = extract_plan_meta(_doc(NOTICE))
    assert meta.title == "东川县农村公路养护管理实施方案(2022—2024年)"
    assert meta.issuer == "东川县人民政府"
    assert meta.doc_number == "东政发[2022]9号"
    assert meta.issued == "2022-03-05"  # Chinese numerals under the signature
    assert (meta.period_start, meta.period_end) == (2022, 2024)
    assert meta.kind == "实施方案"
    for name in ("title", "issuer", "doc_number", "issued", "period", "kind"):
        assert name in meta.evidence
    assert NOTICE[meta.evidence["doc_number"].start:meta.evidence["doc_number"].end] == "东政发[2022]9号"
    title_span = meta.evidence["title"]
    assert NOTICE[title_span.start:title_span.end] == meta.title and title_span.start > NOTICE.index("二〇二二")


def test_cited_documents_carry_their_numbers_and_skip_the_plan_itself():
    meta = extract_plan_meta(_doc(NOTICE))
    assert [(c.title, c.doc_number) for c in meta.cited] == [
        ("交通运输部关于深化农村公路管理养护体制改革的意见", "交公路发〔2019〕100号"),
        ("公路安全保护条例", None),
    ]
    first = meta.cited[0].evidence
    assert NOTICE[first.start:first.end].endswith("(交公路发〔2019〕100号)")


def test_cited_documents_are_listed_once():
    cited = cited_documents("依据《安全生产法》。贯彻《安全生产法》(主席令第13号)和《消防法》。")
    assert [c.title for c in cited] == ["安全生产法", "消防法"]


def test_page_header_fields_give_issuer_and_publication_date():
    text = ("发布机构: 北岭市应急管理局 发布日期: 2023-07-14 09:12\n"
            "北岭市2023年安全生产工作要点\n一、总体要求\n坚持安全第一、预防为主。\n")
    meta = extract_plan_meta(_doc(text))
    assert meta.issuer == "北岭市应急管理局"
    assert meta.published == "2023-07-14"
    assert meta.title == "北岭市2023年安全生产工作要点"
    assert (meta.kind, meta.period_start, meta.period_end) == ("工作要点", 2023, 2023)
    assert text[meta.evidence["published"].start:meta.evidence["published"].end] == "发布日期: 2023-07-14 09:12"


@pytest.mark.parametrize(
    "title, period",
    [
        ("南坪区“十五五”生态环境保护规划", (2026, 2030)),
        ("南坪区国民经济和社会发展第十二个五年规划纲要", (2011, 2015)),
        ("南坪区“十一五”文化事业发展规划", (2006, 2010)),
        ("南坪区2021年至2023年乡村振兴行动计划", (2021, 2023)),
        ("南坪区教育局2025年工作要点", (2025, 2025)),
    ],
)
def test_period_from_the_title(title, period):
    meta = extract_plan_meta(_doc(title + "\n一、总体要求\n现制定本规划。\n"))
    assert meta.title == title
    assert (meta.period_start, meta.period_end) == period


def test_period_from_the_issue_year_to_the_target_year():
    text = "西河镇垃圾分类实施方案\n到2027年,生活垃圾分类覆盖率达到100%。\n西河镇人民政府\n2025年6月1日\n"
    meta = extract_plan_meta(_doc(text))
    assert meta.issued == "2025-06-01"  # the signature at the end of the document
    assert (meta.period_start, meta.period_end) == (2025, 2027)


def test_an_untitled_annual_report_takes_its_subject_and_year_from_the_opening():
    text = "2023年,县应急管理局在县委、县政府的坚强领导下,圆满完成了各项任务。\n一、主要工作\n"
    meta = extract_plan_meta(_doc(text))
    assert meta.title == ""
    assert meta.issuer == "县应急管理局"
    assert (meta.kind, meta.period_start, meta.period_end) == ("工作总结", 2023, 2023)


def test_fields_outside_the_text_are_a_fallback():
    meta = extract_plan_meta(_doc("一、总体要求\n坚持问题导向。\n",
                                  {"标题": "关于印发北岭市防汛工作方案的通知", "发布日期": "2024-05-02"}))
    assert meta.title == "北岭市防汛工作方案"
    assert meta.published == "2024-05-02"
    assert "title" not in meta.evidence  # no span: it is not in the text


@pytest.mark.parametrize("number", ["国办发〔2020〕12号", "川府发[2019]5号", "苏政办发(2021)3号", "京政发〔2018〕第7号"])
def test_document_number_forms(number):
    assert DOC_NUMBER.fullmatch(number.replace("〔", "[").replace("〕", "]"))


def test_a_sentence_with_a_year_is_not_a_document_number():
    assert not DOC_NUMBER.search("2021年完成建设任务3项")


@pytest.mark.parametrize("name", ["page.html", "plan.docx", "plan.pdf", "plan-gbk.txt", "plan-utf8-bom.txt"])
def test_the_same_plan_reads_the_same_in_every_format(name):
    from pathlib import Path

    from plankg.ingest.agencies import extract_agencies
    from plankg.ingest.read import read_document

    document = read_document(Path(__file__).resolve().parent / "fixtures" / "documents" / name)
    meta = extract_plan_meta(document)
    assert (meta.title, meta.issuer, meta.doc_number, meta.issued) == (
        "青山县农村供水保障三年行动方案(2023-2025年)", "青山县人民政府办公室", "青政办发〔2023〕17号", "2023-03-08")
    assert (meta.period_start, meta.period_end, meta.kind) == (2023, 2025, "行动方案")
    assert [(c.title, c.doc_number) for c in meta.cited] == [("水利部关于做好农村供水保障工作的指导意见", "水农〔2021〕244号")]
    _, duties = extract_agencies(document, [], [], meta)
    # The PDF alone carries a 保障措施 paragraph (make_documents.PDF_PARAGRAPH): 各乡镇要把…列入… is one more duty.
    extra = [("各乡镇", "responsible")] if name.endswith(".pdf") else []
    assert [(d.agency.name, d.agency.role) for d in duties] == [
        ("青山县水利局", "responsible"), ("青山县卫生健康局", "responsible"), ("青山县财政局", "lead"),
        ("青山县发展改革局", "supporting"), *extra,
    ]


@pytest.mark.parametrize(
    "title, issuer",
    [
        ("北岭市教育局2023年工作要点", "北岭市教育局"),
        ("南坪区卫生健康委员会2024年爱国卫生工作计划", "南坪区卫生健康委员会"),
        ("西河县农业农村局2023年工作总结和2024年工作计划", "西河县农业农村局"),
        ("县水利局关于农村供水保障的实施方案", "县水利局"),
        ("区应急管理局工作要点", "区应急管理局"),
        ("青山县教育发展中心建设方案", None),  # a subject of the plan, not its issuer
        ("南坪区农村公路安全提升三年行动实施方案", None),
    ],
)
def test_issuer_opening_the_title(title, issuer):
    assert extract_plan_meta(_doc(title + "\n一、总体要求\n坚持问题导向。\n")).issuer == issuer


def test_issuer_from_the_signature_above_the_closing_date():
    text = "南坪区2023年优化营商环境工作计划\n一、工作目标\n压缩企业开办时间。\n南坪区人民政府办公室\n2023年2月16日\n"
    meta = extract_plan_meta(_doc(text))
    assert meta.issuer == "南坪区人民政府办公室"
    assert text[meta.evidence["issuer"].start:meta.evidence["issuer"].end] == "南坪区人民政府办公室"
    unsigned = "南坪区2023年优化营商环境工作计划\n一、工作目标\n全区开办企业1200家。\n2023年2月16日\n"
    assert extract_plan_meta(_doc(unsigned)).issuer is None


@pytest.mark.parametrize(
    "text, period",
    [
        # the span the title states, counted back from the target year (no issue date printed)
        ("南坪市农村公路安全提升三年行动实施方案\n到2026年,隐患整治率达到100%。\n", (2024, 2026)),
        ("南坪市文旅融合两年攻坚行动方案\n到2025年,接待游客突破1000万人次。\n", (2024, 2025)),
        # no target year: from the year of issue
        ("南坪市消防安全三年行动计划\n一、工作目标\n全面提升。\n南坪市人民政府\n2023年5月4日\n", (2023, 2025)),
        # neither a span nor an issue year: the start is unknown, year-less deadlines stay open
        ("南坪市农村供水保障实施方案\n到2026年,自来水普及率达到98%。\n", (None, 2026)),
    ],
)
def test_period_from_a_target_year_and_the_span_in_the_title(text, period):
    meta = extract_plan_meta(_doc(text))
    assert (meta.period_start, meta.period_end) == period


def test_a_report_and_a_plan_in_one_title():
    title = "西河县农业农村局2023年工作总结和2024年工作计划"
    meta = extract_plan_meta(_doc(title + "\n一、2023年工作开展情况\n二、2024年工作计划\n"))
    assert meta.kind == "工作总结和工作计划"
    assert (meta.period_start, meta.period_end) == (2023, 2024)
    assert title[meta.evidence["kind"].start:meta.evidence["kind"].end] == "工作总结和2024年工作计划"
    assert title[meta.evidence["period"].start:meta.evidence["period"].end] == "2023年工作总结和2024年"


def test_a_report_with_next_year_s_ideas_is_a_report_covering_both_years():
    meta = extract_plan_meta(_doc("某区应急管理局2023年工作总结和2024年工作思路\n一、2023年工作开展情况\n"))
    assert meta.title == "某区应急管理局2023年工作总结和2024年工作思路"
    assert (meta.kind, meta.period_start, meta.period_end) == ("工作总结和工作思路", 2023, 2024)
    assert meta.issuer == "某区应急管理局"


def test_the_organ_under_a_plan_s_title_on_its_cover_is_its_issuer():
    text = "南岭县“十四五”文化和旅游发展规划\n\n南岭县文化和旅游局\n二〇二一年十一月\n\n第一章　发展基础\n"
    meta = extract_plan_meta(_doc(text))
    assert meta.issuer == "南岭县文化和旅游局"
    assert text[meta.evidence["issuer"].start:meta.evidence["issuer"].end] == "南岭县文化和旅游局"
    # a subject line under the title is no issuer
    assert extract_plan_meta(_doc("南岭县养老服务实施方案\n为完善养老服务体系，制定本方案。\n")).issuer is None


def test_the_footer_s_print_date_when_no_date_is_signed():
    text = "某区民政局2024年工作计划\n一、兜底保障\n抄送：区委办公室。\n某区民政局办公室　　　　2024年1月26日印发\n"
    meta = extract_plan_meta(_doc(text))
    assert meta.issued == "2024-01-26"
    assert text[meta.evidence["issued"].start:meta.evidence["issued"].end] == "2024年1月26日"
    signed = "某区民政局2024年工作计划\n一、兜底保障\n某区民政局\n2024年1月20日\n某区民政局办公室　2024年1月26日印发\n"
    assert extract_plan_meta(_doc(signed)).issued == "2024-01-20"  # the signed date wins


def test_a_plan_without_a_stated_period_runs_from_its_issue_to_its_last_deadline():
    text = ("某市市场监督管理局关于印发某市食品安全包保工作实施方案的通知\n某市监〔2024〕23号\n某市市场监督管理局\n"
            "2024年3月15日\n某市食品安全包保工作实施方案\n2019年以来成效明显。\n"
            "2024年底前实现包保全覆盖，2025年6月底前完成复核。\n")
    meta = extract_plan_meta(_doc(text))
    assert (meta.period_start, meta.period_end) == (2024, 2025)
    undated = text.replace("2024年底前", "年内").replace("2025年6月底前", "下半年")
    assert extract_plan_meta(_doc(undated)).period_start is None
