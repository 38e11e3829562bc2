"""Facts to RDF, following the model in docs/DESIGN.md.

``facts_to_triples`` maps one document's facts to the triples of its named graph. Every extracted resource gets
``prov:wasDerivedFrom`` its plan and ``pk:evidence`` an evidence selector (``oa:exact`` = the source text,
``pk:sentence`` = the sentence around it). Nodes shared by plans (agencies, terms, systems, cited documents) are
written into each document's graph that names them, so dropping a document drops only its own statements.

The writer builds N-Triples text directly (terms as ``<iri>`` and ``"literal"@zh`` strings): creating a pyoxigraph
object per term cost more than all other mapping work together. ``facts_to_nquads`` is the build's fast path;
``facts_to_triples`` parses the same text into pyoxigraph triples.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import PurePath
from typing import Iterable, Iterator
from urllib.parse import unquote

import pyoxigraph as ox

from plankg.graph.vocab import (
    ID, OA, PK, PPLAN, agency_iri, cited_iri, collective_agency_iri, evidence_iri, in_plan, plan_iri, post_iri,
    short_hash, system_iri, term_iri,
)
from plankg.ingest.agencies import jurisdiction
from plankg.ingest.facts import Document, DocumentFacts, Mention, PlanMeta, Span
from plankg.ingest.text import normalize_label

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
ORG = "http://www.w3.org/ns/org#"

GLOSSARY = ID + "glossary"  # the scheme of the shared term nodes


@cache
def _iri(namespace: object, local: str) -> str:
    return f"<{namespace}{local}>"


def _node(iri: str) -> str:
    """An IRI as an N-Triples term. plankg's IRIs come from graph/vocab.py, which percent-encodes every segment."""
    return f"<{iri}>"


def _value(node: str) -> str:
    """The IRI of an N-Triples IRI term."""
    return node[1:-1]


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_NEEDS_ESCAPE = re.compile(r'[\\"\n\r]')


def _quoted(value: str) -> str:
    return f'"{value.translate(_ESCAPES)}"' if _NEEDS_ESCAPE.search(value) else f'"{value}"'


A = _iri(RDF, "type")
LABEL = _iri(RDFS, "label")
XSD_DATE, XSD_GYEAR, XSD_INT, XSD_DEC, XSD_BOOL = (_iri(XSD, t) for t in ("date", "gYear", "integer", "decimal", "boolean"))
PREF, ALT, DEFINITION, IN_SCHEME, BROADER, CONCEPT, SCHEME, EXACT_MATCH = (
    _iri(SKOS, t) for t in ("prefLabel", "altLabel", "definition", "inScheme", "broader", "Concept",
                            "ConceptScheme", "exactMatch"))
CLOSE_MATCH = _iri(SKOS, "closeMatch")
DERIVED = _iri(PROV, "wasDerivedFrom")
PART_OF, TITLE = _iri(DCT, "isPartOf"), _iri(DCT, "title")


@cache
def pk(local: str) -> str:
    return _iri(PK, local)


def text(value: str) -> str:
    """Chinese prose: a ``@zh`` literal."""
    return f"{_quoted(value)}@zh"


def plain(value: object, datatype: str | None = None) -> str:
    return f"{_quoted(str(value))}^^{datatype}" if datatype else _quoted(str(value))


def decimal(value: float) -> str:
    """An xsd:decimal in plain notation (``1e-05`` is not a valid decimal)."""
    return plain(format(Decimal(repr(value)).normalize(), "f"), XSD_DEC)


def expansion_key(items: list[str]) -> str:
    """What two senses must share to be the same idea: their expansion, item by item, normalized."""
    return "|".join(normalize_label(item) for item in items)


class _Writer:
    """Collects the triples of one document as N-Triples statements (without the final " ."), each selector once.

    Terms are N-Triples strings: ``<iri>`` for nodes, ``"text"@zh`` or ``"v"^^<datatype>`` for literals.
    """

    def __init__(self, facts: DocumentFacts) -> None:
        self.facts = facts
        self.doc = facts.document.id
        self.plan = _node(plan_iri(self.doc))
        self.triples: list[str] = []
        self._selectors: set[str] = set()
        self._task_iris = {task.id: self.node("task", task.id) for task in facts.tasks}
        self.places = jurisdiction(facts.plan)  # {'市': '临江市', …}: whose the bare 市X of this plan is

    def add(self, subject: str, predicate: str, obj: str | None) -> None:
        if obj is not None:
            self.triples.append(f"{subject} {predicate} {obj}")

    def node(self, kind: str, local: str | int) -> str:
        return _node(in_plan(self.doc, kind, local))

    def task(self, task_id: str | None) -> str | None:
        return self._task_iris.get(task_id) if task_id else None

    def fact(self, subject: str, kinds: list[str], span: Span, sentence: Span | None = None) -> None:
        """Type an extracted resource and tie it to its plan and its evidence."""
        for kind in kinds:
            self.add(subject, A, kind)
        self.add(subject, DERIVED, self.plan)
        self.add(subject, pk("evidence"), self.evidence(span, sentence))

    def evidence(self, span: Span, sentence: Span | None = None) -> str:
        selector = _node(evidence_iri(self.doc, span.start, span.end))
        if selector not in self._selectors:
            self._selectors.add(selector)
            source = self.facts.document.text
            self.add(selector, A, _iri(OA, "TextPositionSelector"))
            self.add(selector, A, _iri(OA, "TextQuoteSelector"))
            self.add(selector, _iri(OA, "start"), plain(span.start, XSD_INT))
            self.add(selector, _iri(OA, "end"), plain(span.end, XSD_INT))
            self.add(selector, _iri(OA, "exact"), text(span.text(source)))
            if sentence is not None:
                self.add(selector, pk("sentence"), text(sentence.text(source)))
                self.add(selector, pk("sentenceStart"), plain(sentence.start, XSD_INT))
            self.add(selector, PART_OF, self.plan)
        return selector

    def agency(self, name: str, printed: str | None = None, collective: bool = False, person: bool = False) -> str:
        """The node of who holds a duty, labelled in this document's graph: one organ is shared by every plan that
        names it; a collective (各有关部门) is this plan's own organization and says so; the holders of a post
        (相关部门负责人) are people, this plan's own ``org:Post``."""
        if person:
            node = _node(post_iri(self.doc, name))
            self.add(node, A, _iri(ORG, "Post"))
        else:
            node = _node(collective_agency_iri(self.doc, name) if collective else agency_iri(name))
            self.add(node, A, _iri(ORG, "Organization"))
        self.add(node, PREF, text(name))
        if printed and normalize_label(printed) != normalize_label(name):
            self.add(node, ALT, text(printed))
        if collective:
            self.add(node, pk("collective"), plain("true", XSD_BOOL))
        self.add(node, DERIVED, self.plan)
        return node


def _statements(facts: DocumentFacts) -> list[str]:
    writer = _Writer(facts)
    for part in (_plan, _headings, _tasks, _agencies, _terms, _mentions, _prerequisites, _targets):
        part(writer)
    return list(dict.fromkeys(writer.triples))  # shared nodes are labelled at each use: write them once


def facts_to_nquads(facts: DocumentFacts, graph: str) -> tuple[str, int]:
    """One document's triples as N-Quads in ``graph``, and how many there are: the text the store loads."""
    statements = _statements(facts)
    suffix = f" <{graph}> .\n"
    return suffix.join(statements) + suffix if statements else "", len(statements)


def facts_to_triples(facts: DocumentFacts) -> Iterator[ox.Triple]:
    """The triples of one document's named graph."""
    statements = _statements(facts)
    ntriples = "".join(f"{statement} .\n" for statement in statements)
    return (quad.triple for quad in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES))


def _plan(w: _Writer) -> None:
    meta, document, plan = w.facts.plan, w.facts.document, w.plan
    for kind in (pk("Plan"), _iri(PROV, "Entity"), _iri(DCT, "BibliographicResource")):
        w.add(plan, A, kind)
    if meta.title:
        w.add(plan, TITLE, text(meta.title))
    else:  # no printed title: a label that says so, never a dcterms:title
        w.add(plan, LABEL, plain(untitled_label(meta, document.source)))
        w.add(plan, _iri(SKOS, "editorialNote"), f"{_quoted(UNTITLED_NOTE)}@en")
    if meta.issuer:
        w.add(plan, pk("issuerName"), text(meta.issuer))
        w.add(plan, _iri(DCT, "publisher"), w.agency(meta.issuer))
    w.add(plan, _iri(DCT, "identifier"), plain(meta.doc_number) if meta.doc_number else None)
    w.add(plan, _iri(DCT, "issued"), plain(meta.issued, XSD_DATE) if meta.issued else None)
    w.add(plan, pk("publicationDate"), plain(meta.published, XSD_DATE) if meta.published else None)
    w.add(plan, pk("periodStart"), plain(meta.period_start, XSD_GYEAR) if meta.period_start else None)
    w.add(plan, pk("periodEnd"), plain(meta.period_end, XSD_GYEAR) if meta.period_end else None)
    w.add(plan, pk("kind"), text(meta.kind) if meta.kind else None)
    w.add(plan, _iri(DCT, "source"), plain(document.source))
    w.add(plan, pk("sha256"), plain(document.sha256))
    w.add(plan, pk("format"), plain(document.format))
    w.add(plan, pk("fullText"), text(document.text))
    for span in meta.evidence.values():
        w.add(plan, pk("evidence"), w.evidence(span))
    for cited in meta.cited:
        node = _node(cited_iri(cited.title))
        w.add(plan, _iri(DCT, "references"), node)
        w.add(node, A, _iri(DCT, "BibliographicResource"))
        w.add(node, TITLE, text(cited.title))
        w.add(node, _iri(DCT, "identifier"), plain(cited.doc_number) if cited.doc_number else None)
        w.add(node, pk("evidence"), w.evidence(cited.evidence))
        w.add(node, DERIVED, plan)


UNTITLED = "(untitled)"
UNTITLED_NOTE = "No title is printed in the document: this label is derived from its issuer, period and kind."


def untitled_label(meta: PlanMeta, source: str) -> str:
    """A readable name for a plan that prints no title (a work summary often starts with its text), marked as
    untitled: 市公安局 2022年 工作总结 (untitled); the source file's name when nothing else is known."""
    period = None
    if meta.period_start:
        period = f"{meta.period_start}年" if meta.period_end in (None, meta.period_start) \
            else f"{meta.period_start}—{meta.period_end}年"
    parts = [part for part in (meta.issuer, period, meta.kind) if part]
    return " ".join(parts or [PurePath(source).name or source]) + f" {UNTITLED}"


def _headings(w: _Writer) -> None:
    iris = {heading.id: w.node("heading", heading.id) for heading in w.facts.headings}
    for order, heading in enumerate(w.facts.headings, 1):
        node = iris[heading.id]
        w.fact(node, [pk("Section")], heading.span)
        w.add(node, pk("number"), plain(heading.number))
        w.add(node, LABEL, text(heading.title))
        w.add(node, pk("level"), plain(heading.level, XSD_INT))
        w.add(node, pk("order"), plain(order, XSD_INT))
        w.add(node, pk("style"), plain(heading.style))
        w.add(node, PART_OF, iris.get(heading.parent or "", w.plan))


def _tasks(w: _Writer) -> None:
    headings = {heading.id: w.node("heading", heading.id) for heading in w.facts.headings}
    for order, task in enumerate(w.facts.tasks, 1):
        node = w.task(task.id)
        assert node is not None
        w.fact(node, [pk("Task"), _iri(PPLAN, "Step")], task.span)
        w.add(node, pk("number"), plain(task.number) if task.number else None)
        w.add(node, LABEL, text(task.title))
        w.add(node, pk("text"), text(task.text))
        w.add(node, pk("order"), plain(order, XSD_INT))
        w.add(node, _iri(PPLAN, "isStepOfPlan"), w.plan)
        w.add(node, PART_OF, w.task(task.parent) or headings.get(task.heading or "") or w.plan)
        w.add(node, pk("source"), plain(task.source))
        w.add(node, pk("table"), text(task.table) if task.table else None)
        w.add(node, pk("category"), text(task.category) if task.category else None)
        if task.due:
            w.add(node, pk("dueText"), text(task.due.text))
            w.add(node, pk("dueDate"), plain(task.due.date, XSD_DATE) if task.due.date else None)
            w.add(node, pk("dueYear"), plain(task.due.year, XSD_INT) if task.due.year else None)
        for ref in task.agencies:
            role = pk("leadAgency") if ref.role == "lead" else pk("responsibleAgency")
            w.add(node, role, w.agency(ref.name, ref.printed, ref.collective, ref.person))


def _agencies(w: _Writer) -> None:
    """Every agency mention, and the stated responsibilities."""
    for ref in w.facts.agencies:
        mention = w.node("agency-mention", f"{ref.span.start}-{ref.span.end}")
        w.fact(mention, [pk("Mention")], ref.span)
        w.add(mention, pk("mentionOf"), w.agency(ref.name, ref.printed, ref.collective, ref.person))
        w.add(mention, pk("role"), plain(ref.role))
    for n, duty in enumerate(w.facts.responsibilities, 1):
        node = w.node("responsibility", n)
        w.fact(node, [pk("Responsibility")], duty.evidence, duty.sentence)
        w.add(node, pk("agency"), w.agency(duty.agency.name, duty.agency.printed, duty.agency.collective,
                                              duty.agency.person))
        w.add(node, pk("text"), text(duty.text))
        w.add(node, pk("cue"), text(duty.pattern))
        w.add(node, pk("task"), w.task(duty.task))


def _term(w: _Writer, label: str) -> str:
    """The shared term node for a label, one per label across all plans."""
    node = _node(term_iri(label))
    w.add(node, A, pk("Term"))
    w.add(node, A, CONCEPT)
    w.add(node, IN_SCHEME, _node(GLOSSARY))
    w.add(node, PREF, text(normalize_label(label)))
    w.add(node, DERIVED, w.plan)
    return node


def _terms(w: _Writer) -> None:
    if not w.facts.terms:
        return
    scheme = _node(f"{_value(w.plan)}/glossary")
    w.add(scheme, A, SCHEME)
    w.add(scheme, PART_OF, w.plan)
    plan_name = w.facts.plan.title or untitled_label(w.facts.plan, w.facts.document.source)
    w.add(scheme, LABEL, text(f"{plan_name} 名词"))
    w.add(_node(GLOSSARY), A, SCHEME)
    senses = {sense.id: w.node("sense", sense.id) for sense in w.facts.terms}
    systems = {m.label: m.system_kind for m in w.facts.mentions if m.kind == "system"}
    for sense in w.facts.terms:
        node = senses[sense.id]
        w.fact(node, [pk("TermSense"), CONCEPT], sense.evidence, sense.sentence)
        w.add(node, IN_SCHEME, scheme)
        term = _term(w, sense.label)
        w.add(node, pk("senseOf"), term)
        if sense.kind != "undefined" and not sense.expansion and sense.definition:
            # an alias of one named system (城运平台 for 城市运行管理服务平台): the term is close to that system
            named = normalize_label(sense.definition)
            w.add(term, CLOSE_MATCH, _system(w, sense.definition, systems[named]) if named in systems else None)
        w.add(node, PREF, text(sense.label))
        for alt in sense.alt_labels:
            w.add(node, ALT, text(alt))
        w.add(node, DEFINITION, text(sense.definition) if sense.definition else None)
        w.add(node, pk("termKind"), plain(sense.kind))
        w.add(node, pk("declaredCount"), plain(sense.declared_count, XSD_INT) if sense.declared_count else None)
        if sense.count_agrees is not None:
            w.add(node, pk("countAgrees"), plain(str(sense.count_agrees).lower(), XSD_BOOL))
        w.add(node, BROADER, senses.get(sense.parent or ""))
        if sense.expansion:
            w.add(node, pk("expansionKey"), plain(expansion_key(sense.expansion)))
        for index, item in enumerate(sense.expansion, 1):
            component = _node(f"{_value(node)}/c{index}")
            w.add(node, pk("component"), component)
            w.add(component, A, CONCEPT)
            w.add(component, IN_SCHEME, scheme)
            w.add(component, PREF, text(item))
            w.add(component, pk("index"), plain(index, XSD_INT))
            w.add(component, BROADER, node)
            w.add(component, DERIVED, w.plan)


# A system named with a bare level word is that level's own in the plan's jurisdiction: 市应急指挥中心 in a plan of
# 临江市 is 临江市应急指挥中心 (the same node as where the plan writes it in full), and another city's 市应急指挥中心
# another node. Words that only start with a level character are no level: 市场, 市政, 市民, 区域, 区块链, 县域, 市级.
_BARE_LEVEL = re.compile(r"(?P<level>[省市县区])(?![场政民容貌级域际块间县区])")


def system_label(label: str, places: dict[str, str]) -> str:
    """The key of a system as printed in a plan with ``places`` (``agencies.jurisdiction``): a bare level word
    takes the plan's place of that level; any other label is itself."""
    key = normalize_label(label)
    bare = _BARE_LEVEL.match(key)
    if bare and bare["level"] in places:
        return normalize_label(places[bare["level"]]) + key[1:]
    return key


def _system(w: _Writer, label: str, kind: str | None) -> str:
    key = system_label(label, w.places)
    node = _node(system_iri(key))
    w.add(node, A, pk("NamedSystem"))
    w.add(node, A, CONCEPT)
    w.add(node, PREF, text(key))
    if key != normalize_label(label):
        w.add(node, ALT, text(normalize_label(label)))
    w.add(node, pk("systemKind"), text(kind) if kind else None)
    w.add(node, DERIVED, w.plan)
    return node


def _mentions(w: _Writer) -> None:
    # one place, one node: where a shorthand the plan defines is also read as a system name (城运平台 declared for
    # 城市运行管理服务平台), the place is the term's (its closeMatch leads to the system); a quoted name stays both
    defined = {normalize_label(t.label) for t in w.facts.terms if t.kind != "undefined"}
    aliased = {(m.span.start, m.span.end) for m in w.facts.mentions if m.kind == "term" and m.label in defined}
    for mention in w.facts.mentions:
        if mention.kind == "system" and (mention.span.start, mention.span.end) in aliased:
            continue
        node = w.node("mention", f"{mention.kind}-{mention.span.start}-{mention.span.end}")
        w.fact(node, [pk("Mention")], mention.span, mention.sentence)
        target = _system(w, mention.label, mention.system_kind) if mention.kind == "system" else _term(w, mention.label)
        w.add(node, pk("mentionOf"), target)


def _prerequisites(w: _Writer) -> None:
    systems = {normalize_label(m.label): m.system_kind for m in w.facts.mentions if m.kind == "system"}

    def side(label: str, task_id: str | None) -> str:
        """A task if the extractor resolved one, else a named system, else a goal of this plan."""
        task = w.task(task_id)
        if task is not None:
            return task
        key = normalize_label(label)
        if key in systems:
            return _system(w, label, systems[key])
        goal = w.node("goal", short_hash(key))
        w.add(goal, A, pk("Goal"))
        w.add(goal, A, CONCEPT)
        w.add(goal, LABEL, text(label))
        w.add(goal, DERIVED, w.plan)
        return goal

    for n, link in enumerate(w.facts.prerequisites, 1):
        node = w.node("prerequisite", n)
        dependent = side(link.dependent, link.dependent_task)
        prerequisite = side(link.prerequisite, link.prerequisite_task)
        w.fact(node, [pk("Prerequisite")], link.evidence, link.sentence)
        w.add(node, pk("dependent"), dependent)
        w.add(node, pk("prerequisite"), prerequisite)
        w.add(node, pk("dependentText"), text(link.dependent))
        w.add(node, pk("prerequisiteText"), text(link.prerequisite))
        w.add(node, pk("cue"), text(link.cue))
        w.add(node, pk("cueClass"), plain(link.cue_class))
        w.add(dependent, pk("requires"), prerequisite)
        if dependent.startswith(w.plan[:-1] + "/task/") and prerequisite.startswith(f"<{ID}system/"):
            w.add(dependent, pk("reliesOn"), prerequisite)


def _targets(w: _Writer) -> None:
    for n, target in enumerate(w.facts.targets, 1):
        node = w.node("target", n)
        w.fact(node, [pk("Target")], target.evidence, target.sentence)
        w.add(node, pk("indicator"), text(target.indicator))
        w.add(node, pk("comparator"), plain(target.comparator))
        w.add(node, pk("value"), decimal(target.value))
        w.add(node, pk("unit"), plain(target.unit) if target.unit else None)
        w.add(node, pk("targetYear"), plain(target.year, XSD_GYEAR) if target.year else None)
        w.add(node, pk("valueText"), text(target.value_text))
        w.add(node, pk("targetKind"), plain(target.kind))
        w.add(node, pk("nature"), plain(target.nature) if target.nature else None)
        w.add(node, pk("task"), w.task(target.task))


def meaning_iri(key: str) -> str:
    """The shared meaning node of an expansion key: ``id/meaning/{sha1(key)}``."""
    return f"{ID}meaning/{short_hash(key)}"


@dataclass(frozen=True)
class SenseRow:
    """What the links need to know of one sense in the store."""

    sense: str  # IRI
    plan: str  # IRI
    label: str
    key: str  # expansion key


def meaning_statements(senses: Iterable[SenseRow]) -> list[str]:
    """One ``skos:Concept`` per expansion that senses of two or more plans share, each sense ``skos:exactMatch`` it.

    Linear in the senses: pairing them (A exactMatch B for every two plans) grew with the square of the plans that
    share an expansion. ``skos:exactMatch`` is transitive and symmetric, so the pairs still follow by inference.
    The meaning's ``skos:prefLabel`` is the shorthand with its expansion, so it never takes a term's label in the
    shared scheme; ``rdfs:label`` is the shorthand most of its senses use.
    """
    by_key: dict[str, list[SenseRow]] = {}
    for row in senses:
        by_key.setdefault(row.key, []).append(row)
    statements = []
    for key, rows in sorted(by_key.items()):
        if len({row.plan for row in rows}) < 2:
            continue
        labels = Counter(normalize_label(row.label) for row in rows)
        label = min(labels, key=lambda item: (-labels[item], len(item), item))
        node = _node(meaning_iri(key))
        readable = label + "（" + "、".join(key.split("|")) + "）"  # 三同步（依法处理、舆情引导、社会面管控）
        statements += [f"{node} {A} {CONCEPT}", f"{node} {A} {pk('Meaning')}", f"{node} {IN_SCHEME} <{GLOSSARY}>",
                       f"{node} {PREF} {text(readable)}",
                       f"{node} {LABEL} {text(label)}", f"{node} {pk('expansionKey')} {plain(key)}"]
        statements += [f"<{row.sense}> {EXACT_MATCH} {node}" for row in sorted(rows, key=lambda r: r.sense)]
    return statements


_MENTION_IRI = re.compile(r"(?P<plan>.+)/(?:mention/[a-z]+-|agency-mention/)(?P<start>\d+)-(?P<end>\d+)")
_TARGET_KINDS = {f"{ID}term/": "term", f"{ID}system/": "system", f"{ID}agency/": "agency"}
_PLAN_AGENCY = re.compile(rf"{re.escape(ID)}plan/[^/]+/(?:agency|post)/(?P<label>[^/]+)")  # a plan's collective or post


def mention_place(iri: str) -> tuple[str, Span]:
    """The plan IRI and span of a mention, read from the IRI ``_mentions`` and ``_agencies`` give it."""
    match = _MENTION_IRI.fullmatch(iri)
    if match is None:
        raise ValueError(f"not a mention IRI of plankg: {iri}")
    return match["plan"], Span(int(match["start"]), int(match["end"]))


@cache
def target_label(iri: str) -> tuple[str | None, str]:
    """The kind (term, system, agency) and normalized label of a mentioned node (a shared one, or a plan's
    collective subject or post), read from its IRI."""
    for prefix, kind in _TARGET_KINDS.items():
        if iri.startswith(prefix):
            return kind, unquote(iri[len(prefix):])
    collective = _PLAN_AGENCY.fullmatch(iri)
    if collective:
        return "agency", unquote(collective["label"])
    return None, ""


def mention_statements(document: Document, mentions: list[Mention]) -> list[str]:
    """The triples of mentions found in ``document`` by the corpus-level pass, as they would be in its own graph."""
    writer = _Writer(DocumentFacts(document, PlanMeta(title=""), mentions=mentions))
    _mentions(writer)
    return list(dict.fromkeys(writer.triples))
