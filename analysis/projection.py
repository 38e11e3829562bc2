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
import weakref
from typing import Callable, Iterable

import networkx as nx
import numpy as np

from plankg.analysis import arrays
from plankg.analysis.schedule import no_cyclic_gc
from plankg.graph.store import Store
from plankg.graph.vocab import ID, PK, POST, PPLAN, SPARQL_PREFIXES

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"

DEPENDENCY_KINDS = frozenset({"prerequisite", "builds", "relies_on"})
"""Edge kinds that mean "waits on"; ``part_of`` is structure, not order."""

NODE_TYPES = {str(PK.Task): "task", str(PK.NamedSystem): "system", str(PK.Goal): "goal"}
PLAN_TYPE = str(PK.Plan)

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
_MULTI = {"type", "lead_agency", "responsible_agency", "requires", "builds", "relies_on"}
"""Names whose every value counts; of the others a subject's first value is kept."""
_NODE_ATTRIBUTES = ("label", "number", "plan", "due_date", "due_year", "due_text", "order", "system_kind")
"""Attributes copied to a node as they are; ``parent`` (from ``part_of``) and agencies are added apart: their labels
(``agencies``, ``lead_agencies``) to show, their IRIs (``agency_iris``, ``lead_agency_iris``) to count, and
``graph.graph["agencies"]`` says what each IRI is."""

# Types and parents are read with a restriction, because most uses of their predicates are of no interest here:
# every pk:Prerequisite record has a type and every evidence selector a dcterms:isPartOf, about three per task.
_TYPES_QUERY = "SELECT ?s ?o WHERE {{ VALUES ?o {{ {} }} ?s a ?o }}".format(
    " ".join(f"<{t}>" for t in [*NODE_TYPES, PLAN_TYPE, POST]))
# A plan's own agency nodes: its collective subjects (id/plan/{doc}/agency/…) and posts (id/plan/{doc}/post/…).
_PLAN_OWN_AGENCY = re.compile(rf"(?P<plan>{re.escape(ID)}plan/[^/]+)/(?:agency|post)/")
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


def read_columns(store: Store) -> dict[str, dict[str, object]]:
    """Name → subject → value for the node types, task parents and the predicates in ``_KEEP``.

    Names in ``_MULTI`` map each subject to the list of its values, the others to the first value read (integers
    where ``_INTEGERS`` says so). One query per predicate, each a single index scan inside the store; columns
    rather than one dict per subject, so that most of the work happens in C (``dict(pairs)``).
    """
    columns: dict[str, dict[str, object]] = {}
    reads = [(_TYPES_QUERY, "type", True), (_PARENT_QUERY, "part_of", True),
             *((f"SELECT ?s ?o WHERE {{ ?s <{p}> ?o }}", name, iri) for p, (name, iri) in _KEEP.items())]
    for query, name, iri_values in reads:
        pairs = _pairs(store, query, iri_values)
        if name in _INTEGERS:
            pairs = [(s, _integer(value, name.startswith("period"))) for s, value in pairs]
        column = columns.setdefault(name, {})
        if name in _MULTI:
            for subject, value in pairs:
                if subject in column:
                    column[subject].append(value)
                else:
                    column[subject] = [value]
        else:
            read = dict(reversed(pairs))  # reversed: the first value of a subject wins
            read.update(column)  # so does an earlier predicate of the same name (rdfs:label before skos:prefLabel)
            columns[name] = read
    return columns


def _integer(value: str, year_only: bool) -> int | str:
    try:
        return int(value[:4] if year_only else value)
    except ValueError:
        return value


def assemble(columns: dict[str, dict[str, object]]) -> nx.MultiDiGraph:
    """The graph from name → subject → value (see ``read_columns``); edges carry no evidence yet.

    Nodes and edges are collected in plain containers first and handed to NetworkX in bulk; the "waits on"
    edges are also kept as integer rows with the node order and positions (``graph.graph["dependency_rows"]``),
    which ``compact`` takes as the dependency index without walking NetworkX's dicts.
    """
    empty: dict[str, object] = {}
    column = columns.get
    labels, types = column("label", empty), column("type", empty)
    plans: dict[str, dict[str, object]] = {}
    for plan, kinds in types.items():
        if PLAN_TYPE in kinds:
            plans[plan] = {"iri": plan, **{name: column(name, empty).get(plan) for name in
                                          ("title", "period_start", "period_end", "issued")}}
            # how the plan is named: its printed title, or the derived rdfs:label of an untitled plan
            plans[plan]["label"] = plans[plan]["title"] or labels.get(plan) or plan
    nodes: dict[str, dict[str, object]] = {}
    for subject, kinds in types.items():
        kind = next((NODE_TYPES[t] for t in kinds if t in NODE_TYPES), None)
        if kind is not None:
            data = nodes[subject] = _attributes(columns, subject, kind, labels)
            if data["plan"] is None and "/plan/" in subject:  # goals: id/plan/{doc}/goal/…
                data["plan"] = subject[:subject.index("/", subject.index("/plan/") + 6)]

    # Nodes by position (the graph's node order): edges refer to the node's own key object, so later lookups of
    # an edge's end match by identity, and the "waits on" edges become integer rows without a second lookup.
    position = {node: i for i, node in enumerate(nodes)}
    keys = list(nodes)

    def endpoint(node: str) -> int:
        """The position of ``node``, added as a ``concept`` when it has no type of its own (e.g. a cited plan)."""
        i = position.get(node)
        if i is None:
            data = nodes[node] = _attributes(columns, node, "concept", labels)
            data["label"] = data["label"] or column("title", empty).get(node) or node
            i = position[node] = len(keys)
            keys.append(node)
        return i

    edges: list[tuple[int, int, str]] = []
    requires = column("requires", empty)
    for subject, prerequisites in requires.items():
        dependent = endpoint(subject)
        for prerequisite in dict.fromkeys(prerequisites):
            edges.append((endpoint(prerequisite), dependent, "prerequisite"))
    for subject, systems in column("builds", empty).items():
        for system in dict.fromkeys(systems):
            edges.append((endpoint(subject), endpoint(system), "builds"))
    for subject, systems in column("relies_on", empty).items():
        required = requires.get(subject, ())
        for system in dict.fromkeys(systems):
            if system not in required:
                edges.append((endpoint(system), endpoint(subject), "relies_on"))
    for i, data in enumerate(nodes.values()):
        parent = data["parent"]
        if parent in nodes and nodes[parent]["kind"] == "task":
            edges.append((i, position[parent], "part_of"))
    graph = nx.MultiDiGraph(plans=plans, agencies=_agencies(columns, labels, types))
    graph.add_nodes_from(nodes.items())
    _add_edges(graph, keys, edges)
    count = len(edges)
    graph.graph["dependency_rows"] = (weakref.ref(graph), keys, position, *arrays.unique_rows(
        len(keys), np.fromiter((u for u, _, _ in edges), dtype=np.int64, count=count),
        np.fromiter((v for _, v, _ in edges), dtype=np.int64, count=count),
        np.fromiter((kind in DEPENDENCY_KINDS for _, _, kind in edges), dtype=bool, count=count)))
    return graph


def _add_edges(graph: nx.MultiDiGraph, keys: list[str], edges: list[tuple[int, int, str]]) -> None:
    """Add keyed edges (ends by position in ``keys``, the kind as key) between existing nodes of a fresh graph,
    straight into its adjacency dicts.

    ``add_edges_from`` does the same through several Python calls and view objects per edge, which was a third of
    the projection's time on 100k tasks. A repeated (u, v, key) replaces the earlier edge's data, as there.
    """
    successors, predecessors = graph._succ, graph._pred
    for i, j, kind in edges:
        u, v = keys[i], keys[j]
        keyed = successors[u].get(v)
        if keyed is None:
            keyed = successors[u][v] = predecessors[v][u] = {}
        keyed[kind] = _no_evidence(kind)


def _attributes(columns: dict[str, dict[str, object]], node: str, kind: str,
                labels: dict[str, object]) -> dict[str, object]:
    empty: dict[str, object] = {}
    lead = columns.get("lead_agency", empty).get(node, ())
    agencies = [*lead, *columns.get("responsible_agency", empty).get(node, ())]
    data = {name: columns.get(name, empty).get(node) for name in _NODE_ATTRIBUTES}
    data.update(kind=kind, parent=columns.get("part_of", empty).get(node),
                lead_agencies=[labels.get(a, a) for a in lead],
                agencies=list(dict.fromkeys(labels.get(a, a) for a in agencies)),
                # by IRI, for counting: two plans' 各乡镇人民政府 are two nodes with one label
                lead_agency_iris=list(dict.fromkeys(lead)), agency_iris=list(dict.fromkeys(agencies)))
    return data


def _agencies(columns: dict[str, dict[str, object]], labels: dict[str, object],
              types: dict[str, object]) -> dict[str, dict[str, object]]:
    """Every agency a task names, by IRI: its label, its plan when it is a plan's own node (a collective subject
    or a post), and whether it is a post (``person``: its holders are people, not an organ)."""
    empty: dict[str, object] = {}
    named = dict.fromkeys(agency for name in ("lead_agency", "responsible_agency")
                          for agencies in columns.get(name, empty).values() for agency in agencies)
    found = {}
    for agency in named:
        own = _PLAN_OWN_AGENCY.match(agency)
        found[agency] = {"label": labels.get(agency, agency), "plan": own and own["plan"],
                         "person": POST in types.get(agency, ())}
    return found


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
    """The structure of the "waits on" edges, one per ordered pair: no attributes (read them on ``graph``).

    Works on subgraph views of the projection too. Edges go straight into the new graph's adjacency dicts, as in
    ``_add_edges``: ``add_edges_from`` took most of the time of ``cycles`` and a fifth of ``bottlenecks`` on 100k
    tasks.
    """
    view = nx.DiGraph()
    view.add_nodes_from(graph)
    successors, predecessors = view._succ, view._pred
    for u, v, kind in graph.edges(data="kind"):
        if kind in DEPENDENCY_KINDS and v not in successors[u]:
            successors[u][v] = predecessors[v][u] = {}
    return view


def project(store: Store) -> nx.MultiDiGraph:
    """A fresh projection of the whole store (prefer ``cached_projection``)."""
    generation = store.generation()  # read first: a change during the read then triggers a rebuild next time
    with no_cyclic_gc():
        graph = assemble(read_columns(store))
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
