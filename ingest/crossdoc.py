"""Mentions across plans: a name one plan defines, quotes or builds, written (unquoted) in another plan.

Extraction runs one document at a time, so a plan that writes 某某工程 without quotes never meets the plan that
put “某某工程” in quotes or defined it. This corpus-level pass takes, per document, its text and the labels its own
extraction found, and returns the extra ``Mention``s each document gets from the labels of the *other* documents.

A label is *known* (looked for elsewhere) when its plan

| gives it a meaning   | a glossary-section or inline sense, of any length                    |
| puts it in quotes    | “城市大脑”; two or three characters only when two plans quote them (“护苗”) |
| quotes an enumeration| three or more items joined by 、 (“统一规划、分级负责、共建共享”): a named principle |
| names it as a system | a system mention of three or more characters (应急指挥中心), but not one that starts with a bare level word (市应急指挥中心 is that plan's city's own, not another city's) |

Unquoted, most two-character strings are plain words, and one plan quoting two or three characters often only
sets off a word (“难点”, “短板”, “金钥匙”): a short name that two plans quote independently (in different words,
not in a paragraph one copied from the other) is a name. A quoted
quality (“一体化”) is emphasis, never a name.
Labels are matched on the normalized text with quotes, brackets and spaces removed (“3+2”机制 is 3+2机制), all
at once by one Aho-Corasick automaton. A match is dropped when

* a longer known label covers it (禁毒 inside a known 禁毒宣传中心), leftmost-longest among overlapping matches;
* the document's own mention covers or crosses it (its own extraction already read that place), unless that
  mention is the known label behind a bare level word: 市城运平台 is the city's 城运平台, a known alias;
* it cuts a number (三联 in 十三联, 12 in 123);
* the label is a numeral and one character (两级) and the match is not in quotes: unquoted, that is a count
  (市、县两级), not the shorthand;
* the document's own extraction found the label (within-plan mentions are the extractor's job, with its own
  rules); a two-character name that two plans quote is the pass's own find, so it is looked for there too.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable

import ahocorasick

from plankg.ingest.facts import DocumentFacts, Mention, Span
from plankg.ingest.numerals import NUMERAL_CHARS
from plankg.ingest.text import Sentences, normalize, normalize_label

_SQUEEZED = re.compile(r"[\"'\s\[\]《》<>]")  # what ``normalize_label`` drops from a label
_NUMBER_CHARS = set(NUMERAL_CHARS + "0123456789")
# Two or three characters in quotes: a name when two plans quote them, else mostly a word set off (“难点”, “短板”).
_SHORT_QUOTED = re.compile(r'"([\u4e00-\u9fff]{2})"')  # three quoted characters come in as the extractor's mentions
# A quoted enumeration of three or more short items is a principle or formula the plan names as a whole
# (“统一规划、分级负责、共建共享”); fewer items (“安全、高效”) are mostly qualities set off.
_QUOTED_ENUMERATION = re.compile(r'"((?:[\u4e00-\u9fff]{2,8}、){2,7}[\u4e00-\u9fff]{2,8})"')
# A system label opening with a level word alone (市应急指挥中心, not 市场监管平台 or 区块链平台).
_BARE_LEVEL = re.compile(r"[省市县区](?![场政民容貌级域际块间县区])")
# A quality in quotes (“一体化”, “网格化”) is emphasis, not a name.
_QUALITY = re.compile(r"(?:[\u4e00-\u9fff]{1,2}化)+")


@dataclass(frozen=True)
class Found:
    """A label one document's extraction found: a sense it defines (or uses undefined) or a mention."""

    label: str  # the normalize_label key
    kind: str  # term | system | agency
    defined: bool = False  # a glossary-section or inline sense
    span: Span | None = None  # where a mention is; None for a sense
    system_kind: str | None = None


@dataclass
class DocumentLabels:
    """One document as the cross-document pass sees it."""

    doc: str
    text: str
    found: list[Found] = field(default_factory=list)


def document_labels(facts: DocumentFacts) -> DocumentLabels:
    """The pass's view of one document's extracted facts (senses, term/system and agency mentions)."""
    found = [Found(normalize_label(t.label), "term", defined=t.kind != "undefined") for t in facts.terms]
    found += [Found(m.label, m.kind, span=m.span, system_kind=m.system_kind) for m in facts.mentions]
    found += [Found(normalize_label(a.name), "agency", span=a.span) for a in facts.agencies]
    return DocumentLabels(facts.document.id, facts.document.text, found)


@dataclass
class _Label:
    kind: str  # term | system
    system_kind: str | None
    docs: set[str]


def known_labels(documents: Iterable[DocumentLabels]) -> dict[str, _Label]:
    """Every label that some document defines, quotes or names as a system, with the documents that do."""
    known: dict[str, _Label] = {}
    short_quoted: dict[str, dict[str, frozenset[str]]] = {}  # short quoted label -> doc -> the places it is quoted

    def add(label: str, kind: str, system_kind: str | None, doc: str) -> None:
        entry = known.setdefault(label, _Label(kind, system_kind, set()))
        entry.docs.add(doc)
        if kind == "term" and entry.kind != "term":  # a name some plan treats as a term stays a term
            entry.kind, entry.system_kind = "term", None

    for document in documents:
        norm = normalize(document.text)
        for item in document.found:
            if item.kind == "agency" or len(item.label) < 2:
                continue
            quoted = f'"{item.label}"' in norm and not _QUALITY.fullmatch(item.label)
            system = item.kind == "system" and len(item.label) >= 3 and not _BARE_LEVEL.match(item.label)
            if item.defined or system or (quoted and len(item.label) > 3):
                add(item.label, item.kind, item.system_kind, document.doc)
            elif quoted:
                short_quoted.setdefault(item.label, {})[document.doc] = _quoted_places(norm, item.label)
        for match in _QUOTED_ENUMERATION.finditer(norm):
            add(match.group(1), "term", None, document.doc)
        for match in _SHORT_QUOTED.finditer(norm):
            short_quoted.setdefault(match.group(1), {})[document.doc] = _quoted_places(norm, match.group(1))
    for label, docs in short_quoted.items():
        if _quoted_independently(docs.values()):
            for doc in docs:
                add(label, "term", None, doc)
    return known


def _quoted_places(norm: str, label: str, reach: int = 4) -> frozenset[str]:
    """The text around each quoted occurrence of ``label``: what tells two plans' quotes apart from a copied one."""
    quoted = f'"{label}"'
    places, start = set(), norm.find(quoted)
    while start >= 0:
        places.add(norm[max(0, start - reach):start + len(quoted) + reach])
        start = norm.find(quoted, start + 1)
    return frozenset(places)


def _quoted_independently(places: Iterable[frozenset[str]]) -> bool:
    """Two plans quote the label in different words: not one paragraph copied from plan to plan."""
    distinct = list(set(places))
    return any(not a & b for i, a in enumerate(distinct) for b in distinct[i + 1:])


def cross_document_mentions(documents: list[DocumentLabels]) -> dict[str, list[Mention]]:
    """Per document id: the mentions of other documents' known labels in its text, in text order."""
    known = known_labels(documents)
    if not known:
        return {document.doc: [] for document in documents}
    automaton = ahocorasick.Automaton()
    for label in known:
        automaton.add_word(label, label)
    automaton.make_automaton()
    return {document.doc: _mentions_in(document, known, automaton) for document in documents}


def _mentions_in(document: DocumentLabels, known: dict[str, _Label], automaton) -> list[Mention]:
    norm = normalize(document.text)
    squeezed, position = _squeeze(norm)
    matches = sorted(((end + 1 - len(label), end + 1, label) for end, label in automaton.iter(squeezed)),
                     key=lambda m: (m[0], -(m[1] - m[0])))
    own_labels = {item.label for item in document.found}
    own_spans = sorted((item.span.start, item.span.end) for item in document.found
                       if item.span is not None and not _level_and_known(squeezed_at(norm, item.span), known))
    sentences = Sentences(document.text)
    result: list[Mention] = []
    covered_to = 0  # leftmost-longest: a match inside or across an earlier, longer one is dropped
    for start, end, label in matches:
        if end <= covered_to or start < covered_to:
            continue
        covered_to = end
        entry = known[label]
        if label in own_labels or _cuts_a_number(squeezed, start, end):
            continue
        span = Span(position(start), position(end - 1) + 1)
        if _clashes(span, own_spans) or (_is_a_count(label) and not _quoted(norm, span)):
            continue
        result.append(Mention(label, entry.kind, span, sentences.around(span), entry.system_kind))
    return result


def squeezed_at(norm: str, span: Span) -> str:
    """The words of ``span`` as a label key (quotes and spaces dropped)."""
    return _SQUEEZED.sub("", norm[span.start:span.end])


def _level_and_known(words: str, known: dict[str, _Label]) -> bool:
    """市城运平台 where 城运平台 is known: a bare level word before a known name names that (the city's) thing."""
    return len(words) > 3 and bool(_BARE_LEVEL.match(words)) and words[1:] in known


def _squeeze(norm: str) -> tuple[str, Callable[[int], int]]:
    """``norm`` without the characters labels drop, and the map from an offset there back to ``norm``.

    Each dropped character is recorded at its offset in the squeezed text; an offset moves right by the number of
    dropped characters at or before it (few per document: quotes and line breaks).
    """
    dropped = [match.start() - rank for rank, match in enumerate(_SQUEEZED.finditer(norm))]
    return _SQUEEZED.sub("", norm), lambda offset: offset + bisect.bisect_right(dropped, offset)


def _cuts_a_number(text: str, start: int, end: int) -> bool:
    """三联 inside 十三联, 12 inside 123: the label starts or ends in the middle of a number."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return (text[start] in _NUMBER_CHARS and before in _NUMBER_CHARS and before != "") or (
        text[end - 1].isdigit() and after.isdigit())


def _is_a_count(label: str) -> bool:
    return len(label) == 2 and label[0] in _NUMBER_CHARS


def _quoted(norm: str, span: Span) -> bool:
    return norm[span.start - 1:span.start] == '"' and norm[span.end:span.end + 1] == '"'


def _clashes(span: Span, own: list[tuple[int, int]]) -> bool:
    """An own mention covers or crosses ``span`` (one the span strictly contains is no clash: the name is longer)."""
    for start, end in own:
        if start >= span.end:
            break
        if end > span.start and not (span.start <= start and end <= span.end and (start, end) != (span.start, span.end)):
            return True
    return False
