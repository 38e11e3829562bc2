"""Reading every supported format and encoding into clean text, and the errors for unreadable files."""

from __future__ import annotations

from pathlib import Path

import pytest

from plankg.ingest.read import DocumentError, decode_text, document_id, read_document, reflow

DOCUMENTS = Path(__file__).resolve().parent / "fixtures" / "documents"
BODY_LINES = [
    "青政办发〔2023〕17号",
    "《青山县农村供水保障三年行动方案(2023-2025年)》已经县政府同意,现印发给你们,请认真组织实施。",
    "2023年3月8日",
    "一、工作目标",
    "县水利局负责农村供水工程建设和运行管理。县卫生健康局负责饮用水水质卫生监测。",
    "由县财政局牵头,县发展改革局配合,落实建设资金。",
]


@pytest.mark.parametrize(
    "name, encoding",
    [("plan-utf8-bom.txt", "utf-8-sig"), ("plan-gbk.txt", "gb18030"), ("plan-gb18030.txt", "gb18030")],
)
def test_plain_text_in_each_encoding_reads_the_same_lines(name, encoding):
    document = read_document(DOCUMENTS / name)
    assert document.format == "txt"
    assert document.encoding == encoding
    assert not document.text.startswith("\ufeff")
    for line in BODY_LINES:
        assert line in document.text.splitlines()


def test_gb18030_only_character_survives():
    assert "䶮" in read_document(DOCUMENTS / "plan-gb18030.txt").text


def test_big5_is_told_apart_from_gb18030():
    document = read_document(DOCUMENTS / "plan-big5.txt")
    assert document.encoding == "big5"
    assert "縣水利局負責農村供水工程建設和運行管理。" in document.text


def test_decode_text_prefers_utf8_without_bom():
    assert decode_text("市公安局".encode("utf-8")) == ("市公安局", "utf-8")


def test_html_keeps_title_body_and_table_cells_but_not_chrome_or_spam():
    document = read_document(DOCUMENTS / "page.html")
    lines = document.text.splitlines()
    assert document.format == "html"
    assert "青山县人民政府办公室印发青山县农村供水保障三年行动方案(2023-2025年)的通知" in lines  # spam cut out
    for line in BODY_LINES:
        assert line in lines
    assert lines[-4:] == ["1", "改造老旧管网", "县水利局", "2024年底前"]
    for chrome in ("首页", "分享", "设为首页", "网站标识码", "ICP备", "新葡京", "var x", "政策解读", "推进会召开"):
        assert chrome not in document.text
    assert document.fields["发布机构"] == "青山县人民政府办公室"  # header field line kept and parsed
    assert document.fields["发布日期"] == "2023-03-10 09:30"  # from <meta name="PubDate">


def test_docx_tables_come_in_document_order_one_cell_per_line():
    document = read_document(DOCUMENTS / "plan.docx")
    lines = document.text.splitlines()
    assert document.format == "docx"
    start = lines.index("一、工作目标")
    assert lines[start + 1: start + 9] == ["序号", "任务", "牵头单位", "完成时限", "1", "改造老旧管网", "县水利局", "2024年底前"]
    assert lines[start + 9] == "到2025年,农村自来水普及率达到92%以上。"
    assert document.fields == {"标题": "青山县农村供水保障三年行动方案(2023-2025年)"}


def test_pdf_text_layer_without_letter_spacing_or_page_numbers():
    document = read_document(DOCUMENTS / "plan.pdf")
    assert document.format == "pdf"
    for line in BODY_LINES:
        assert line in document.text.splitlines()
    assert "- 1 -" not in document.text and "\x00" not in document.text


@pytest.mark.parametrize(
    "name, reason, hint",
    [
        ("scanned.pdf", "scanned PDF without a text layer", "OCR"),
        ("binary.txt", "not text in UTF-8, GB18030/GBK or Big5", "convert"),
        ("old-word.doc", "old binary Word", ".docx"),
    ],
)
def test_unreadable_files_name_the_file_the_reason_and_a_remedy(name, reason, hint):
    with pytest.raises(DocumentError) as caught:
        read_document(DOCUMENTS / name)
    message = str(caught.value)
    assert name in message and reason in message and hint in message


def test_missing_and_empty_files_raise_document_error(tmp_path):
    with pytest.raises(DocumentError, match="cannot open"):
        read_document(tmp_path / "absent.txt")
    (tmp_path / "empty.txt").write_bytes(b" \n")
    with pytest.raises(DocumentError, match="empty"):
        read_document(tmp_path / "empty.txt")


def test_a_docx_name_on_another_format_is_an_error(tmp_path):
    (tmp_path / "fake.docx").write_text("不是文档", encoding="utf-8")
    with pytest.raises(DocumentError, match="wrong signature"):
        read_document(tmp_path / "fake.docx")


def test_document_id_is_a_stable_slug():
    assert document_id(Path("/x/青山县 2023 方案 (定稿).docx")) == "青山县-2023-方案-定稿"


def test_pdf_paragraph_wrapped_at_the_margin_is_one_line_again():
    lines = read_document(DOCUMENTS / "plan.pdf").text.splitlines()
    assert lines[-2] == "三、保障措施"
    assert lines[-1].startswith("各乡镇要把农村供水保障工作列入重要议事日程") and lines[-1].endswith("确保各项任务按期完成。")


def test_reflow_keeps_paragraph_ends_and_headings_apart():
    full = "各部门要" + "加强协作" * 9  # the page's full width
    assert reflow([full, "形成合力。", full + "。", "下一段。"]) == [full + "形成合力。", full + "。", "下一段。"]
    assert reflow([full, "(二)加强监督"]) == [full, "(二)加强监督"]
    assert reflow(["短行", "另一行"]) == ["短行", "另一行"]


HIDDEN_PAGE = """<html><head><meta charset="utf-8"><title>t</title></head><body>
<div class="header"><div class="logo">北岭区人民政府</div></div>
<div class="article"><h1>北岭区2024年就业促进工作计划</h1>
<p>一、新增城镇就业3000人以上。</p>
<p style="display: none">澳门娱乐 最高返水 注册送38元彩金</p>
<div hidden>隐藏的推广文字</div>
<p>北岭区人力资源和社会保障局</p></div>
<div class="links">友情链接：<a>国家政务服务平台</a></div>
</body></html>
"""


def test_html_hidden_text_site_logo_and_friend_links_are_not_the_document(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HIDDEN_PAGE, encoding="utf-8")
    assert read_document(path).text.splitlines() == [
        "北岭区2024年就业促进工作计划", "一、新增城镇就业3000人以上。", "北岭区人力资源和社会保障局",
    ]


def test_html_container_named_like_chrome_keeps_the_title_it_holds(tmp_path):
    path = tmp_path / "page.html"
    path.write_text('<html><body><div class="top-header"><h1>北岭区2024年就业促进工作计划</h1></div>'
                    "<p>新增城镇就业3000人以上。</p></body></html>", encoding="utf-8")
    assert read_document(path).text.splitlines()[0] == "北岭区2024年就业促进工作计划"
