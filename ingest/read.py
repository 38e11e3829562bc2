"""Read a file of any supported format (text, HTML, DOCX, PDF) into a ``Document`` of clean text.

Each reader turns its format into lines of text (a table row's cells each on its own line, as in the flattened
tables of captured pages); ``plankg.ingest.clean`` then drops web chrome and injected spam. A file that cannot be
read raises ``DocumentError`` naming the file, the reason and what to do about it.

A table with merged cells (HTML rowspan/colspan, Word vertical merges and grid spans) is written one row per line
instead, its cells between tabs and a field left empty wherever a merged cell covers it: one cell per line would
lose which column the cells of the rows under a merge belong to (a 具体措施 row under a 牵头单位 cell merged over
three rows has one cell fewer, and reads as if its 配合单位 were the lead). ``plankg.ingest.tables`` reads an empty
field under a merge as the cell above it. A PDF text layer sets a table's cells one space apart: the rows under a
task table's header are written with tabs too (``_table_cells``), before the spaces between Chinese characters go.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import zipfile
from pathlib import Path

from plankg.ingest.clean import chrome_rule, clean_text
from plankg.ingest.facts import Document
from plankg.ingest.tables import is_task_header

TEXT_SUFFIXES = {".txt", ".text", ".md", ".csv"}
HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml", ".jsp", ".asp", ".aspx", ".php"}
# A PDF page with fewer printable characters than this has no usable text layer.
_MIN_CHARS_PER_PDF_PAGE = 20


class DocumentError(Exception):
    """A file that cannot be read as a document: names the file, the reason and what to do."""

    def __init__(self, path: str | Path, reason: str, hint: str = "") -> None:
        self.path = str(path)
        self.reason = reason
        self.hint = hint
        super().__init__(f"{self.path}: {reason}" + (f" ({hint})" if hint else ""))


def document_id(path: Path) -> str:
    """Stable slug of a file name: the id of its plan and named graph."""
    return re.sub(r"[^0-9A-Za-z\u4e00-\u9fff._-]+", "-", path.stem).strip("-") or "document"


def read_document(path: str | Path) -> Document:
    """Read ``path`` (text in any common Chinese encoding, HTML, DOCX or PDF) into a cleaned ``Document``."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DocumentError(path, f"cannot open the file: {error.strerror or error}", "check the path and permissions")
    if not raw.strip():
        raise DocumentError(path, "the file is empty")
    kind = detect_format(path, raw)
    encoding: str | None = None
    if kind == "txt":
        text, encoding = decode_text(raw, path)
        fields: dict[str, str] = {}
    elif kind == "html":
        text, fields = html_text(raw, path)
    elif kind == "docx":
        text, fields = docx_text(raw, path)
    else:
        text, fields = pdf_text(raw, path)
    cleaned = clean_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not cleaned.text.strip():
        raise DocumentError(path, f"no text left in this {kind} file", "is it a page of navigation only?")
    return Document(
        id=document_id(path),
        source=str(path),
        sha256=hashlib.sha256(raw).hexdigest(),
        format=kind,
        text=cleaned.text,
        encoding=encoding,
        fields={**fields, **cleaned.fields},
    )


def detect_format(path: Path, raw: bytes) -> str:
    """txt | html | docx | pdf, from the content's signature first and the file name second."""
    suffix = path.suffix.lower()
    if raw.startswith(b"%PDF"):
        return "pdf"
    if raw.startswith(b"PK\x03\x04"):
        if suffix in {".xlsx", ".pptx", ".odt"}:
            raise DocumentError(path, f"{suffix} files are not supported", "save the document as .docx, PDF or text")
        return "docx"
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise DocumentError(path, "old binary Word (.doc) or WPS format", "save it as .docx or PDF and ingest that")
    if suffix in HTML_SUFFIXES or re.match(rb"\s*(?:<!doctype html|<html|<\?xml[^>]*>\s*<html)", raw[:512], re.I):
        return "html"
    if suffix in {".docx", ".pdf"}:
        raise DocumentError(path, f"not a valid {suffix} file (wrong signature)", "the file may be truncated")
    return "txt"


# --------------------------------------------------------------------------------------------------- plain text

_BOMS = [(b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")]


def decode_text(raw: bytes, path: str | Path = "<bytes>") -> tuple[str, str]:
    """Decode Chinese text: a BOM, else strict UTF-8, else GB18030 or Big5 (whichever reads as Chinese)."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return raw.decode(codec), codec
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = {}
    for codec in ("gb18030", "big5"):
        try:
            candidates[codec] = raw.decode(codec)
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise DocumentError(
            path, "not text in UTF-8, GB18030/GBK or Big5", "convert it to UTF-8, or check that it is a document at all"
        )
    codec = max(candidates, key=lambda name: _chinese_score(candidates[name]))
    return candidates[codec], codec


# The most frequent characters of official Chinese text, simplified and traditional: a right decoding is full of them.
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定"
    "行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些"
    "然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公"
    "无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将"
    "组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研质局委办市县镇街道规划方案工作计划要点总结"
    "發會國這個們來說時為學過實現經進業動關點開間體從應還機們當產與後義區書數對長員問題務門東車軍開論種師處樣報導"
)


def _chinese_score(text: str) -> int:
    return sum(char in _COMMON for char in text)


# --------------------------------------------------------------------------------------------------------- HTML

# Elements that never hold the document's text.
_HTML_DROP_TAGS = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "select",
                   "button", "iframe", "svg", "canvas", "object", "embed", "input", "textarea", "head"]
# id/class words of navigation, sharing and footer containers on government sites.
_HTML_CHROME = re.compile(
    r"(?:^|[\s_-])(?:nav(?:bar)?|menu|breadcrumb|crumbs?|share|bdshare|footer|foot|sidebar|side|topbar|toolbar|"
    r"copyright|banner|login|search|related|xgwz|weizhi|dqwz|fx|print|header|logo|links?|friend(?:ly)?links?|"
    r"yqlj)(?:$|[\s_-])",
    re.I,
)
# Elements a browser does not show: text hidden there was put in for search engines (often casino spam).
_HTML_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HTML_BLOCKS = {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
                "article", "main", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "caption", "hr", "center",
                "tbody", "thead", "figure", "figcaption"}
_HTML_META = {"articletitle": "标题", "title": "标题", "pubdate": "发布日期", "contentsource": "信息来源",
              "author": "发布机构", "publisher": "发布机构"}
_HTML_LINK_BLOCKS = ("ul", "ol", "dl", "div", "table", "tr", "td", "p", "li", "span")
_LINK_SHARE = 0.7
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([a-z0-9_-]+)", re.I)


def html_text(raw: bytes, path: str | Path = "<bytes>") -> tuple[str, dict[str, str]]:
    """The text of an HTML page without navigation, sharing widgets and footers, one block per line."""
    import lxml.html

    declared = _CHARSET.search(raw[:4096])
    source = None
    if declared:
        codec = declared.group(1).decode("ascii").lower()
        codec = "gb18030" if codec in {"gb2312", "gbk", "gb18030", "x-gbk"} else codec
        try:
            source = raw.decode(codec)
        except (LookupError, UnicodeDecodeError):
            source = None
    if source is None:
        source, _ = decode_text(raw, path)
    source = re.sub(r"^\s*<\?xml[^>]*>", "", source)
    try:
        root = lxml.html.document_fromstring(source)
    except Exception as error:  # lxml raises several types for broken markup
        raise DocumentError(path, f"unreadable HTML: {error}", "save the page again from the browser") from error
    fields = _html_meta(root)
    for element in list(root.iter(*_HTML_DROP_TAGS)):
        if element.tag == "header" and any(a.tag in {"article", "main"} for a in element.iterancestors()):
            continue  # an article's own header holds its title
        _drop(element)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            _drop(element)  # comments and processing instructions
        elif element.getparent() is not None and (_hidden(element) or _chrome(element)):
            _drop(element)
    for element in list(root.iter(*_HTML_LINK_BLOCKS)):
        if _link_block(element):
            _drop(element)
    body = root.find("body") if root.find("body") is not None else root
    parts: list[str] = []
    _html_walk(body, parts)
    text = "".join(parts)
    text = re.sub(r" *\n[ \n]*", "\n", text)  # source white space is spaces by now; tabs are table fields
    return text.strip("\n") + "\n", fields


def _hidden(element) -> bool:
    return element.get("hidden") is not None or bool(_HTML_HIDDEN.search(element.get("style") or ""))


def _chrome(element) -> bool:
    """A container named like navigation, a site header or a footer, unless it holds the page's title."""
    named = _HTML_CHROME.search(f"{element.get('id', '')} {element.get('class', '')}")
    return bool(named) and next(element.iter("h1", "h2"), None) is None


def _link_block(element) -> bool:
    """A menu or a list of related links: nearly all of its text is link text and none of it is a sentence."""
    text = re.sub(r"\s", "", element.text_content())
    if not text or "。" in text:
        return False
    linked = sum(len(re.sub(r"\s", "", link.text_content())) for link in element.iter("a"))
    return linked >= _LINK_SHARE * len(text)


def _html_meta(root) -> dict[str, str]:
    fields: dict[str, str] = {}
    for meta in root.iter("meta"):
        label = _HTML_META.get((meta.get("name") or "").lower())
        content = (meta.get("content") or "").strip()
        if label and content and label not in fields:
            fields[label] = content
    title = root.find(".//title")
    if "标题" not in fields and title is not None and (title.text or "").strip():
        fields["标题"] = title.text.strip()
    return fields


def _drop(element) -> None:
    """Remove ``element`` but keep the text that follows it (its tail belongs to the parent)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _html_walk(element, parts: list[str]) -> None:
    if element.tag == "table" and _merged_html_table(element):
        parts.append("\n" + "\n".join(_tab_row(row) for row in _html_grid(element)) + "\n")
        return
    block = element.tag in _HTML_BLOCKS
    if block:
        parts.append("\n")
    if element.text:
        parts.append(_html_space(element.text))
    for child in element:
        _html_walk(child, parts)
        if child.tail:
            parts.append(_html_space(child.tail))
    if block:
        parts.append("\n")


def _merged_html_table(table) -> bool:
    """A table of data (no table inside it) with a cell spanning rows or columns."""
    cells = [cell for row in _html_rows(table) for cell in row]
    return next(table.iter("table"), table) is table and len(list(table.iter("table"))) == 1 and any(
        _span(cell, "rowspan") > 1 or _span(cell, "colspan") > 1 for cell in cells)


def _html_rows(table) -> list[list]:
    return [[cell for cell in row if cell.tag in ("td", "th")] for row in table.iter("tr")]


def _span(cell, attribute: str) -> int:
    found = re.match(r"\s*(\d+)", cell.get(attribute) or "")
    return max(int(found.group(1)), 1) if found else 1


def _html_grid(table) -> list[list[str]]:
    """The table as rows of equal width: each cell's text where it starts, "" in the places its spans cover."""
    grid: dict[tuple[int, int], str] = {}
    rows = _html_rows(table)
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in grid:
                c += 1
            rowspan, colspan = _span(cell, "rowspan"), _span(cell, "colspan")
            for dr in range(min(rowspan, len(rows) - r)):
                for dc in range(colspan):
                    grid[(r + dr, c + dc)] = ""
            grid[(r, c)] = _html_space(cell.text_content()).strip()
            c += colspan
    width = max((c for _, c in grid), default=-1) + 1
    return [[grid.get((r, c), "") for c in range(width)] for r in range(len(rows))]


def _tab_row(cells: list[str]) -> str:
    """One table row: cells between tabs, a cell's own line breaks and tabs read as spaces."""
    return "\t".join(re.sub(r"\s*[\t\n]\s*", " ", cell).strip() for cell in cells)


def _html_space(text: str) -> str:
    """Source-code white space (line breaks, runs of spaces) reads as one space; &nbsp; and 　 stay."""
    return re.sub(r"[ \t\r\n]+", " ", text)


# --------------------------------------------------------------------------------------------------------- DOCX


def docx_text(raw: bytes, path: str | Path = "<bytes>") -> tuple[str, dict[str, str]]:
    """Paragraphs and tables in document order; each table cell on its own line, row after row."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise DocumentError(path, f"not a readable .docx file: {error}", "open and save it again in Word") from error
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text)
        elif tag == "tbl":
            lines.extend(_docx_table_lines(Table(block, document)))
    title = (document.core_properties.title or "").strip()  # the author is a person or a tool, not the issuer
    return "\n".join(lines) + "\n", {"标题": title} if title else {}


def _docx_table_lines(table) -> list[str]:
    """Each cell's paragraphs once, row after row: a merged cell is repeated by python-docx once per grid column
    and once per row it spans (序号 and 重点任务 over two 具体措施 rows), and is written where it starts. A table
    with merged cells is written one row per line (see the module docstring)."""
    rows = [row.cells for row in table.rows]
    elements = [cell._tc for row in rows for cell in row]
    if len(set(elements)) < len(elements) and not any(cell.tables for row in rows for cell in row):
        return _docx_tab_rows(rows)
    lines: list[str] = []
    seen = set()  # the cells' XML elements: held here, lxml gives the same proxy object for a node each time
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            for paragraph in cell.paragraphs:
                if paragraph.text.strip():
                    lines.append(paragraph.text)
            for inner in cell.tables:
                lines.extend(_docx_table_lines(inner))
    return lines


def _docx_tab_rows(rows) -> list[str]:
    """Rows of a merged Word table, tab-separated: a cell's text in the first place it covers, "" in the others."""
    seen = set()
    lines = []
    for row in rows:
        fields = []
        for cell in row:
            fields.append("" if cell._tc in seen else " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
            seen.add(cell._tc)
        lines.append(_tab_row(fields))
    return lines


# ---------------------------------------------------------------------------------------------------------- PDF


def pdf_text(raw: bytes, path: str | Path = "<bytes>") -> tuple[str, dict[str, str]]:
    """The text layer of every page; a scanned PDF (no text layer) is an error that asks for OCR."""
    import pypdf
    from pypdf.errors import PdfReadError

    try:
        reader = pypdf.PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(path, "encrypted PDF", "remove the password (e.g. qpdf --decrypt) and ingest again")
        # Some text layers map glyphs to UTF-16 pairs that decode with NULs between characters: drop controls.
        pages = [_CONTROL.sub("", page.extract_text() or "") for page in reader.pages]
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise DocumentError(path, f"unreadable PDF: {error}", "the file may be damaged; export it again") from error
    printable = sum(len(re.sub(r"\s", "", page)) for page in pages)
    if printable < _MIN_CHARS_PER_PDF_PAGE * max(len(pages), 1):
        raise DocumentError(path, "scanned PDF without a text layer", "run OCR first (e.g. ocrmypdf -l chi_sim)")
    title = str((reader.metadata or {}).get("/Title") or "").strip()  # the author is a person or a tool
    lines = [line for page in _without_running_lines([page.splitlines() for page in pages]) for line in page]
    text = "\n".join(reflow([_unspace(line) for line in _table_cells(lines)]))
    return text + "\n", {"标题": title} if title else {}


def _without_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Pages without their running headers and footers, so that a paragraph reads on over the page break: a page
    number alone on its line (— 3 —, 第3页) at the top or bottom of a page, and a line that opens or closes at least
    two pages and half of them (the issuer's name, the document's title) printed there by the layout."""
    def edge(page: list[str]) -> list[str]:
        filled = [line for line in page if line.strip()]
        return filled[:1] + filled[-1:]

    counts: dict[str, int] = {}
    for page in pages:
        for key in {_running_key(line) for line in edge(page)}:
            counts[key] = counts.get(key, 0) + 1
    running = {key for key, count in counts.items() if count >= max(2, len(pages) / 2)}
    kept = []
    for page in pages:
        filled = [i for i, line in enumerate(page) if line.strip()]
        edges = {filled[0], filled[-1]} if filled else set()
        page = [line for i, line in enumerate(page) if i not in edges or _running_key(line) not in running]
        while page and (not page[-1].strip() or chrome_rule(page[-1].strip()) == "page-number"):
            page = page[:-1]
        while page and (not page[0].strip() or chrome_rule(page[0].strip()) == "page-number"):
            page = page[1:]
        kept.append(page)
    return kept


def _running_key(line: str) -> str:
    """A header line's form on every page: its page number counts for nothing."""
    return re.sub(r"\d+", "#", re.sub(r"\s", "", line))


# A row of a task table in a PDF text layer: its first field a 序号, or its last one a deadline (a row under merged
# 序号 and name cells).
_ROW_NUMBER = re.compile(r"[(（]?\d{1,3}[)）]?[.、．]?")
_ROW_DEADLINE = re.compile(r"(?:19|20)\d{2}\s*年|年底|年内|底前|长期|持续")


def _table_cells(lines: list[str]) -> list[str]:
    """The lines with a task table's rows written with tabs between their cells. A PDF text layer sets a table's
    cells one space apart, the space ``_unspace`` takes out between Chinese characters; the rows under a task
    table's header keep them as tabs, as ``plankg.ingest.tables`` reads merged tables:
        序号 项目名称 责任单位 完成时限                  (a header: 序号, then column words only)
        1 县垃圾转运中心扩建 县城市管理局 2024年12月底前 -> 1⇥县垃圾转运中心扩建⇥县城市管理局⇥2024年12月底前
    A row has at most as many fields as the header, a 序号 or a deadline; a short line between rows (a category, the
    rest of a wrapped cell) passes unchanged; any other line ends the table."""
    kept: list[str] = []
    width = 0
    for line in lines:
        fields = line.split()
        if len(fields) >= 3 and is_task_header(fields):
            width = len(fields)
        elif not (width and 2 <= len(fields) <= width
                  and (_ROW_NUMBER.fullmatch(fields[0]) or _ROW_DEADLINE.search(fields[-1]))):
            if len(fields) != 1 or len(fields[0]) > 20 or re.search(r"[。；;]", line):
                width = 0
            kept.append(line)
            continue
        kept.append("\t".join(fields))
    return kept


# A line that ends a paragraph, and a line that starts a new block (heading, list item, table number).
_PARAGRAPH_END = re.compile(r"[。;:!?；：！？”」』)）]$")
_BLOCK_START = re.compile(r"[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|第[一二三四五六七八九十]+[章节条]|附件")
# A notice title set in a larger font wraps short of the body's margin: 关于印发…工作方案 / 的通知. The line that
# closes it (…的通知, …的意见, …的批复) joins the line that opened it with 关于.
_TITLE_OPEN = re.compile(r"关于(?!.*的(?:通知|意见|决定|批复|函|报告|请示)$)")
_TITLE_CLOSE = re.compile(r"的(?:通知|意见|决定|批复|函|报告|请示)$")
# A line this close to the page's longest line was wrapped at the margin.
_FULL_LINE = 0.9


def reflow(lines: list[str]) -> list[str]:
    """Join the lines a PDF page wrapped at its right margin back into paragraphs (a wrapped sentence is one line)."""
    widths = [_width(line) for line in lines]
    full = max(widths, default=0)
    joined: list[str] = []
    previous_width = 0
    for line, width in zip(lines, widths):
        wrapped = previous_width >= _FULL_LINE * full and not _PARAGRAPH_END.search(joined[-1]) if joined else False
        title = bool(joined) and bool(_TITLE_OPEN.search(joined[-1])) and bool(_TITLE_CLOSE.search(line))
        table = "\t" in line or bool(joined) and "\t" in joined[-1]  # a table row (see _table_cells) stands alone
        if (joined and full >= 20 and (wrapped or title) and line and not table and not _BLOCK_START.match(line)):
            joined[-1] += line
        else:
            joined.append(line)
        previous_width = width
    return joined


def _width(line: str) -> int:
    """Display width: a Chinese character takes two columns."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}]) (?=[{_CJK}])")


def _unspace(line: str) -> str:
    """Undo the spaces some PDF text layers put between Chinese characters (青 山 县 -> 青山县)."""
    line = line.strip()
    gaps = re.findall(r"(?<=\S)( +)(?=\S)", line)
    if gaps and sum(gap == " " for gap in gaps) >= 0.6 * (len(line) - sum(map(len, gaps))) - 1:
        return re.sub(r" {2,}", " ", re.sub(r"(?<=\S) (?=\S)", "", line))  # letter-spaced: every glyph apart
    return _CJK_GAP.sub("", line)
