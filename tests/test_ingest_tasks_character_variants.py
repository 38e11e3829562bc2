"""The same plan printed in traditional characters, with full-width digits and letters, or with half-width
punctuation and corner quotes yields the same tasks: numbers, titles, parents, deadlines, agencies and table links.

Every unseen fixture and every sample is converted and run through the whole pipeline next to its original. The
traditional copy inverts the project's own traditional -> simplified table where a simplified character has exactly
one traditional form (发 has two, 發 and 髮, and stays). Characters that are both simplified and traditional turn
into their rarer variant too (局 -> 侷, 合 -> 閤): stricter than real traditional text, which is the point.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from plankg.ingest.pipeline import extract
from plankg.ingest.traditional import SIMPLIFIED, TRADITIONAL
from plankg.ingest.text import normalize, normalize_label

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = sorted((ROOT / "tests" / "fixtures" / "unseen").iterdir()) + sorted((ROOT / "corpus").glob("*.txt"))

_ONE_FORM = {s for s, n in Counter(SIMPLIFIED).items() if n == 1}
_TO_TRADITIONAL = str.maketrans({s: t for t, s in zip(TRADITIONAL, SIMPLIFIED) if s in _ONE_FORM and s != t})
# ASCII digits and letters to their full-width forms (1. -> １．, (1) -> （１）).
_TO_WIDE = str.maketrans(
    {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F) if chr(c).isalnum()} | {"(": "（", ")": "）", ".": "．"}
)
# Full-width punctuation to ASCII, and the corner quotes of traditional typesetting.
_TO_NARROW = str.maketrans({"（": "(", "）": ")", "，": ",", "：": ":", "；": ";", "“": "「", "”": "」"})


def _in_text_only(table: dict[int, str], source: str, html: bool) -> str:
    """``source`` translated, in an HTML page only between its tags (tag names and attributes stay ASCII)."""
    if not html:
        return source.translate(table)
    return re.sub(r">([^<]+)<", lambda m: ">" + m.group(1).translate(table) + "<", source)


def _decode(data: bytes) -> str:
    """A fixture's text: UTF-8 or, for the GB18030 fixtures, GB18030 (the copy is written as UTF-8)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


VARIANTS = {"traditional": _TO_TRADITIONAL, "full-width": _TO_WIDE, "narrow-punctuation": _TO_NARROW}


def _tasks(facts) -> list[tuple]:
    """What a reader compares: number, title, parent, deadline, agencies and table, in matching form."""
    return [
        (
            normalize_label(task.number or ""),
            normalize_label(task.title),
            task.parent,
            task.source,
            normalize_label(task.table or ""),
            (task.due.year, task.due.date) if task.due else None,
            sorted((normalize(ref.name), ref.role) for ref in task.agencies),
        )
        for task in facts.tasks
    ]


def test_the_converters_change_the_documents():
    text = "（一）推进养老服务体系建设。1.2024年6月底前，县民政局牵头“综合窗口”。"
    assert text.translate(_TO_TRADITIONAL) == "（一）推進養老服務體系建設。1.2024年6月底前，縣民政侷牽頭“綜閤窗口”。"
    assert text.translate(_TO_WIDE) == "（一）推进养老服务体系建设。１．２０２４年６月底前，县民政局牵头“综合窗口”。"
    assert text.translate(_TO_NARROW) == "(一)推进养老服务体系建设。1.2024年6月底前,县民政局牵头「综合窗口」。"
    for variant in VARIANTS.values():
        assert normalize(text.translate(variant)) == normalize(text)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_a_variant_copy_yields_the_same_tasks(path: Path, variant: str, tmp_path: Path):
    source = _decode(path.read_bytes())
    copy = tmp_path / path.name
    copy.write_text(_in_text_only(VARIANTS[variant], source, path.suffix == ".html"), encoding="utf-8")
    original, converted = extract(path), extract(copy)
    assert converted.document.text != original.document.text  # the copy really differs
    assert _tasks(converted) == _tasks(original)
    assert [normalize_label(h.title) for h in converted.headings] == [normalize_label(h.title) for h in original.headings]


def test_the_documents_have_tasks_to_compare():
    """The round trip means something only if the documents hold tasks, table rows and dated agencies."""
    facts = [extract(path) for path in DOCUMENTS]
    tasks = [task for f in facts for task in f.tasks]
    assert len(tasks) > 400
    assert sum(task.source == "table" for task in tasks) > 50
    assert sum(task.due is not None and task.due.date is not None for task in tasks) > 100
    assert sum(bool(task.agencies) for task in tasks) > 50
