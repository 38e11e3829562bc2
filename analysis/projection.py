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
from typing import Callable, Iterable

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

# Predicates the projection reads, by the name it stores them under and whether their values are IRIs.
_KEEP = {
    RDFS + "label": ("label", False),
    SKOS + "prefLabel": ("label", False),
    DCT + "title": ("title", False),
    str(PK.number): ("number", False),
    str(PK.dueDate): ("due_date", False),
    str(PK.dueYear): ("due_year", False),
    str(PK.dueText): ("due_text", False),
    str(PPLAN.isStepOfPlan): ("plan", True),
    str(PK.leadAgency): ("lead_agency", True),
    str(PK.responsibleAgency): ("responsible_agency", True),
    str(PK.requires): ("requires", True),
    str(PK.builds): ("builds", True),
    str(PK.reliesOn): ("relies_on", True),
    str(PK.systemKind): ("system_kind", False),
    str(PK.periodStart): ("period_start", False),
    str(PK.periodEnd): ("period_end", False),
    DCT + "issued": ("issued", False),
    str(PK.order): ("order", False),
}
_INTEGERS = {"due_year", "period_start", "period_end", "order"}

# Types and parents are read with a restriction, because most uses of their predicates are of no interest here:
# every pk:Prerequisite record has a type and every evidence selector a dcterms:isPartOf, about three per task.
_TYPES_QUERY = "SELECT ?s ?o WHERE {{ VALUES ?o {{ {} }} ?s a ?o }}".format(
    " ".join(f"<{t}>" for t in [*NODE_TYPES, str(PK.Plan)]))
_PARENT_QUERY = f"SELECT ?s ?o WHERE {{ ?o a <{PK.Task}> . ?s <{DCT}isPartOf> ?o }}"
TSV = "text/tab-separated-values"

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


def _pairs(store: Store, query: str, iri_values: bool) -> list[tuple[str, str]]:
    """(subject, value) rows of a two-column SELECT, serialized as TSV by the store itself.

    The store writes the answer in native code and splitting it runs at C speed, which leaves one short step per
    row (IRIs only lose their brackets). Reading pyoxigraph's term objects one by one cost several times more.
    """
    body, _ = store.query_raw(SPARQL_PREFIXES + query, TSV)
    lines = body.decode("utf-8").replace("\r", "").split("\n")
    rows = [line.split("\t") for line in lines[1:] if line]
    if iri_values:
        return [(s[1:-1] if s[0] == "<" else s, o[1:-1] if o[0] == "<" else o) for s, o in rows]
    return [(s[1:-1] if s[0] == "<" else s, _term_value(o)) for s, o in rows]


def read_properties(store: Store) -> dict[str, dict[str, list[object]]]:
    """Subject → name → values for the node types, task parents and the predicates in ``_KEEP``.

    One query per predicate, each a single index scan inside the store (integers where ``_INTEGERS`` says so).
    """
    props: dict[str, dict[str, list[object]]] = defaultdict(dict)
    reads = [(_TYPES_QUERY, "type", True), (_PARENT_QUERY, "part_of", True),
             *((f"SELECT ?s ?o WHERE {{ ?s <{p}> ?o }}", name, iri) for p, (name, iri) in _KEEP.items())]
    for query, name, iri_values in reads:
        integer, period = name in _INTEGERS, name.startswith("period")
        for subject, value in _pairs(store, query, iri_values):
            if integer:
                try:
                    value = int(value[:4] if period else value)
                except ValueError:
                    pass
            values = props[subject]
            if name in values:
                values[name].append(value)
            else:
                values[name] = [value]
    return props


def _first(values: dict[str, list[object]], name: str) -> object:
    found = values.get(name)
    return found[0] if found else None


def assemble(props: dict[str, dict[str, list[object]]]) -> nx.MultiDiGraph:
    """The graph from subject → name → values (see ``read_properties``); edges carry no evidence yet.

    Nodes and edges are collected in plain containers first and handed to NetworkX in two bulk calls.
    """
    labels = {s: v["label"][0] for s, v in props.items() if "label" in v}
    plans: dict[str, dict[str, object]] = {}
    nodes: dict[str, dict[str, object]] = {}
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
            data = nodes[subject] = _attributes(values, kind, labels)
            if data["plan"] is None and "/plan/" in subject:  # goals: id/plan/{doc}/goal/…
                data["plan"] = subject[:subject.index("/", subject.index("/plan/") + 6)]

    def endpoint(node: str) -> str:
        """``node``, added as a ``concept`` when it has no type of its own (e.g. a cited plan)."""
        if node not in nodes:
            values = props.get(node, {})
            data = nodes[node] = _attributes(values, "concept", labels)
            data["label"] = data["label"] or _first(values, "title") or node
        return node

    edges: list[tuple[str, str, str, dict[str, object]]] = []
    for subject, values in props.items():
        required = dict.fromkeys(values.get("requires", ()))
        for prerequisite in required:
            edges.append((endpoint(prerequisite), endpoint(subject), "prerequisite", _no_evidence("prerequisite")))
        for system in dict.fromkeys(values.get("builds", ())):
            edges.append((endpoint(subject), endpoint(system), "builds", _no_evidence("builds")))
        for system in dict.fromkeys(values.get("relies_on", ())):
            if system not in required:
                edges.append((endpoint(system), endpoint(subject), "relies_on", _no_evidence("relies_on")))
    for node, data in nodes.items():
        parent = data["parent"]
        if parent in nodes and nodes[parent]["kind"] == "task":
            edges.append((node, parent, "part_of", _no_evidence("part_of")))
    graph = nx.MultiDiGraph(plans=plans)
    graph.add_nodes_from(nodes.items())
    graph.add_edges_from(edges)
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
