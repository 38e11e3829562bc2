"""PDF pages read as one text: running headers and page numbers out, a paragraph that goes on over the page break
one line again, a notice title wrapped short of the margin joined. Invented text."""

from __future__ import annotations

from plankg.ingest.read import _without_running_lines, reflow

BODY = "（二）推进林区道路建设。新建改建林区道路120公里，完善防火隔离带和"  # full width, wraps
PAGES = [
    ["某县林业局文件", "第一行正文第一行正文第一行正文第一行正文第一行正文。", BODY, "— 1 —"],
    ["沙岭县人民政府办公室", "瞭望塔布局，2024年底前完成。（县林业局牵头）", "三、保障措施", "— 2 —"],
    ["沙岭县人民政府办公室", "县财政局负责落实资金。", "沙岭县人民政府办公室", "— 3 —"],
]


def test_running_header_and_page_numbers_are_dropped_but_the_signature_stays():
    pages = _without_running_lines(PAGES)
    assert pages[1] == ["瞭望塔布局，2024年底前完成。（县林业局牵头）", "三、保障措施"]
    assert pages[2] == ["县财政局负责落实资金。", "沙岭县人民政府办公室"]  # the last line of its page, once
    assert pages[0][-1] == BODY


def test_a_sentence_over_the_page_break_is_one_line():
    lines = reflow([line for page in _without_running_lines(PAGES) for line in page])
    assert BODY + "瞭望塔布局，2024年底前完成。（县林业局牵头）" in lines


def test_a_notice_title_wrapped_short_of_the_margin_is_one_line():
    lines = ["沙岭县人民政府办公室关于印发沙岭县森林防火", "工作方案的通知", "各乡镇人民政府，县政府各部门："
             "现将方案印发给你们，请认真贯彻落实执行好。"]
    assert reflow(lines)[0] == "沙岭县人民政府办公室关于印发沙岭县森林防火工作方案的通知"
