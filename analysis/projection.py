"""The RDF graph projected into NetworkX, cached per store generation.

One ``nx.MultiDiGraph`` holds every task, named system and goal as a node. Edge direction is always "must come
first → comes after": an edge ``u → v`` of kind ``prerequisite``, ``builds`` or ``relies_on`` means ``v`` waits
on ``u``; a ``part_of`` edge runs from a sub-task to the task that holds it.

| RDF (docs/DESIGN.md)                               | edge                               | kind           |
|----------------------------------------------------|------------------------------------|----------------|
| ``D pk:requires P`` (+ its ``pk:Prerequisite``)     | P → D, with cue and evidence       | ``prerequisite`` |
| ``T pk:builds S``                                  | T → S (S exists once T is done)    | ``builds``     |
| ``T pk:reliesOn S`` (unless ``T pk:requires S``)   | S → T                              | ``relies_on``  |
| ``T dcterms:isPartOf U`` (U a task)                | T → U                              | ``part_of``    |

Reading is split for scale: the structure (nodes, attributes, edges) comes from one SPARQL select serialized
as TSV by the store itself, and is rebuilt only when ``store.generation()`` changes. The evidence of an edge
(cue, quote, sentence of its ``pk:Prerequisite``) is fetched on demand with ``load_evidence`` for just the edges
an answer shows, in one query, and kept on the cached graph. Decoding every quote of a 100k-task graph took
longer than the whole projection budget.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from typing import Callable, Iterable, Iterator

import networkx as nx

from plankg.analysis.schedule import no_cyclic_gc
from plankg.graph.store import Store
from plankg.graph.vocab import PK, PPLAN, SPARQL_PREFIXES

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"

DEPENDENCY_KINDS = frozenset({"prerequisite", "builds", "relies_on"})
"""Edge kinds that mean "waits on"; ``part_of`` is structure, not order."""

NODE_TYPES = {str(PK.Task): "task", str(PK.NamedSystem): "system", str(PK.Goal): "goal"}

# Predicates the projection reads, by the name it stores them under (integers where the name says so).
_KEEP = {
    RDF + "type": "type",
    RDFS + "label": "label",
    SKOS + "prefLabel": "label",
    DCT + "title": "title",
    str(PK.number): "number",
    str(PK.dueDate): "due_date",
    str(PK.dueYear): "due_year",
    str(PK.dueText): "due_text",
    str(PPLAN.isStepOfPlan): "plan",
    DCT + "isPartOf": "part_of",
    str(PK.leadAgency): "lead_agency",
    str(PK.responsibleAgency): "responsible_agency",
    str(PK.requires): "requires",
    str(PK.builds): "builds",
    str(PK.reliesOn): "relies_on",
    str(PK.systemKind): "system_kind",
    str(PK.periodStart): "period_start",
    str(PK.periodEnd): "period_end",
    DCT + "issued": "issued",
    str(PK.order): "order",
}
_INTEGERS = {"due_year", "period_start", "period_end", "order"}


_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_SIMPLE_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _term_value(term: str) -> str:
    """The IRI or lexical form of one N-Triples term as SPARQL TSV results write it."""
    if term.startswith("<"):
        return term[1:-1]
    if term.startswith('"'):
        text = term[1:term.rindex('"')]
        if "\\" in text:
            text = _ESCAPE.sub(lambda m: _SIMPLE_ESCAPES.get(m.group(1)) or chr(int(m.group(1)[1:], 16)), text)
        return text
    return term  # blank node or bare number


def _tsv_rows(store: Store, query: str) -> Iterator[list[str]]:
    """Rows of a SELECT serialized as TSV by the store itself (CSV would leave commas in IRIs unquoted)."""
    body, _ = store.query_raw(SPARQL_PREFIXES + query, "text/tab-separated-values")
    lines = body.decode("utf-8").split("\n")
    for line in lines[1:]:
        if line:
            yield [_term_value(cell) for cell in line.rstrip("\r").split("\t")]


def read_properties(store: Store) -> dict[str, dict[str, list[object]]]:
    """Subject → name → values for the predicates in ``_KEEP`` (integers where ``_INTEGERS`` says so).

    One scan per predicate inside the store; restricting subjects by type in SPARQL made it slower, not faster.
    """
    props: dict[str, dict[str, list[object]]] = defaultdict(lambda: defaultdict(list))
    predicates = " ".join(f"<{p}>" for p in _KEEP)
    for subject, predicate, value in _tsv_rows(store, f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {predicates} }} ?s ?p ?o }}"):
        name = _KEEP[predicate]
        if name in _INTEGERS:
            try:
                value = int(value[:4] if name.startswith("period") else value)
            except ValueError:
                pass
        props[subject][name].append(value)
    return props


def _first(values: dict[str, list[object]], name: str) -> object:
    found = values.get(name)
    return found[0] if found else None


def assemble(props: dict[str, dict[str, list[object]]]) -> nx.MultiDiGraph:
    """The graph from subject → name → values (see ``read_properties``); edges carry no evidence yet."""
    graph = nx.MultiDiGraph()
    plans: dict[str, dict[str, object]] = {}
    labels = {s: _first(v, "label") for s, v in props.items() if "label" in v}
    plan_type = str(PK.Plan)
    for subject, values in props.items():
        types = values.get("type", ())
        if plan_type in types:
            plans[subject] = {
                "iri": subject, "title": _first(values, "title"), "period_start": _first(values, "period_start"),
                "period_end": _first(values, "period_end"), "issued": _first(values, "issued"),
            }
        kind = next((NODE_TYPES[t] for t in types if t in NODE_TYPES), None)
        if kind is not None:
            graph.add_node(subject, **_attributes(values, kind, labels))
            if graph.nodes[subject]["plan"] is None and "/plan/" in subject:  # goals: id/plan/{doc}/goal/…
                graph.nodes[subject]["plan"] = subject[:subject.index("/", subject.index("/plan/") + 6)]
    for subject, values in props.items():
        required = set(values.get("requires", ()))
        for prerequisite in required:
            _ensure_node(graph, props, labels, prerequisite)
            _ensure_node(graph, props, labels, subject)
            graph.add_edge(prerequisite, subject, key="prerequisite", **_no_evidence("prerequisite"))
        for system in values.get("builds", ()):
            _ensure_node(graph, props, labels, system)
            graph.add_edge(subject, system, key="builds", **_no_evidence("builds"))
        for system in set(values.get("relies_on", ())) - required:
            _ensure_node(graph, props, labels, system)
            graph.add_edge(system, subject, key="relies_on", **_no_evidence("relies_on"))
    for node, parent in list(graph.nodes(data="parent")):
        if parent in graph and graph.nodes[parent].get("kind") == "task":
            graph.add_edge(node, parent, key="part_of", **_no_evidence("part_of"))
    graph.graph["plans"] = plans
    return graph


def _attributes(values: dict[str, list[object]], kind: str, labels: dict[str, object]) -> dict[str, object]:
    agencies = [*values.get("lead_agency", ()), *values.get("responsible_agency", ())]
    return {
        "kind": kind, "label": _first(values, "label"), "number": _first(values, "number"),
        "plan": _first(values, "plan"), "due_date": _first(values, "due_date"),
        "due_year": _first(values, "due_year"), "due_text": _first(values, "due_text"),
        "parent": _first(values, "part_of"), "order": _first(values, "order"),
        "lead_agencies": [labels.get(a, a) for a in values.get("lead_agency", ())],
        "agencies": list(dict.fromkeys(labels.get(a, a) for a in agencies)),
        "system_kind": _first(values, "system_kind"),
    }


def _ensure_node(graph: nx.MultiDiGraph, props: dict, labels: dict[str, object], node: str) -> None:
    """Add an edge's endpoint that has no type of its own (e.g. a cited plan) as a ``concept`` node."""
    if node not in graph:
        values = props.get(node, {})
        graph.add_node(node, **_attributes(values, "concept", labels))
        graph.nodes[node]["label"] = _first(values, "label") or _first(values, "title") or node


def _no_evidence(kind: str) -> dict[str, object]:
    return {"kind": kind, "iri": None, "cue": None, "cue_class": None, "evidence": None, "sentence": None,
            "plan": None, "evidence_loaded": kind != "prerequisite"}


_EVIDENCE_QUERY = """SELECT ?p ?d ?st ?cue ?cls ?exact ?sentence ?plan WHERE {{
  VALUES (?p ?d) {{ {pairs} }}
  ?st pk:dependent ?d ; pk:prerequisite ?p .
  OPTIONAL {{ ?st pk:cue ?cue }} OPTIONAL {{ ?st pk:cueClass ?cls }}
  OPTIONAL {{ ?st pk:evidence ?e . OPTIONAL {{ ?e oa:exact ?exact }} OPTIONAL {{ ?e pk:sentence ?sentence }}
             OPTIONAL {{ ?e dcterms:isPartOf ?plan }} }}
}}"""


def _evidence_fetcher(store: Store) -> Callable[[list[tuple[str, str]]], list[dict[str, object]]]:
    def fetch(pairs: list[tuple[str, str]]) -> list[dict[str, object]]:
        rows = []
        for i in range(0, len(pairs), 500):
            values = " ".join(f"(<{p}> <{d}>)" for p, d in pairs[i:i + 500])
            rows.extend(store.select(SPARQL_PREFIXES + _EVIDENCE_QUERY.format(pairs=values)))
        return rows
    return fetch


def load_evidence(graph: nx.MultiDiGraph, pairs: Iterable[tuple[str, str]]) -> None:
    """Attach cue, quote and sentence to the prerequisite edges ``(prerequisite, dependent)`` that lack them.

    One query for all of them; a no-op on graphs built without a store (tests, generated graphs).
    """
    fetch = graph.graph.get("fetch_evidence")
    if fetch is None:
        return
    missing = list(dict.fromkeys((u, v) for u, v in pairs if graph.has_edge(u, v, "prerequisite")
                                 and not graph[u][v]["prerequisite"]["evidence_loaded"]))
    if not missing:
        return
    found = {}
    for row in fetch(missing):
        key = (row["p"], row["d"])
        if key not in found or (row.get("exact") and not found[key].get("exact")):
            found[key] = row
    with _lock:
        for u, v in missing:
            row = found.get((u, v), {})
            graph[u][v]["prerequisite"].update(
                iri=row.get("st"), cue=row.get("cue"), cue_class=row.get("cls"), evidence=row.get("exact"),
                sentence=row.get("sentence"), plan=row.get("plan"), evidence_loaded=True)


def dependency_view(graph: nx.MultiDiGraph) -> nx.DiGraph:
    """Only the "waits on" edges, one per ordered pair."""
    view = nx.DiGraph()
    view.add_nodes_from(graph.nodes(data=True))
    view.add_edges_from((u, v) for u, v, kind in graph.edges(data="kind") if kind in DEPENDENCY_KINDS)
    return view


def project(store: Store) -> nx.MultiDiGraph:
    """A fresh projection of the whole store (prefer ``cached_projection``)."""
    generation = store.generation()  # read first: a change during the read then triggers a rebuild next time
    with no_cyclic_gc():
        graph = assemble(read_properties(store))
    graph.graph["generation"] = generation
    graph.graph["fetch_evidence"] = _evidence_fetcher(store)
    return graph


_cache: dict[str, tuple[str, nx.MultiDiGraph]] = {}  # store location -> (generation, graph)
_lock = threading.RLock()


def cached_projection(store: Store) -> nx.MultiDiGraph:
    """The projection of ``store``, rebuilt only when its generation changed since the last call.

    Callers must treat the returned graph as read-only: it is shared between requests.
    """
    generation = store.generation()
    with _lock:
        hit = _cache.get(store.location)
        if hit and hit[0] == generation:
            return hit[1]
        graph = project(store)
        _cache[store.location] = (graph.graph["generation"], graph)
        return graph
