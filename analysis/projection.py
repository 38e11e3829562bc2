"""The RDF graph projected into NetworkX, cached per store generation.

One ``nx.MultiDiGraph`` holds every task, named system and goal as a node. Edge direction is always "must come
first → comes after": an edge ``u → v`` of kind ``prerequisite``, ``builds`` or ``relies_on`` means ``v`` waits
on ``u``; a ``part_of`` edge runs from a sub-task to the task or section that holds it.

| RDF (docs/DESIGN.md)                               | edge                               | kind           |
|----------------------------------------------------|------------------------------------|----------------|
| ``pk:Prerequisite`` dependent D, prerequisite P    | P → D, with cue and evidence       | ``prerequisite`` |
| ``D pk:requires P`` (no reified statement)         | P → D, no evidence                 | ``prerequisite`` |
| ``T pk:builds S``                                  | T → S (S exists once T is done)    | ``builds``     |
| ``T pk:reliesOn S``                                | S → T                              | ``relies_on``  |
| ``T dcterms:isPartOf U`` (U a task)                | T → U                              | ``part_of``    |

The projection reads ``store.quads()`` once (the fastest bulk path) and is rebuilt only when
``store.generation()`` changes, so requests never pay for it twice.
"""

from __future__ import annotations

import threading
import weakref
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

import networkx as nx
import pyoxigraph as ox

from plankg.graph.store import Store, python_value
from plankg.graph.vocab import PK, PPLAN

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
OA = "http://www.w3.org/ns/oa#"
PROV = "http://www.w3.org/ns/prov#"

DEPENDENCY_KINDS = frozenset({"prerequisite", "builds", "relies_on"})
"""Edge kinds that mean "waits on"; ``part_of`` is structure, not order."""

NODE_TYPES = {str(PK.Task): "task", str(PK.NamedSystem): "system", str(PK.Goal): "goal"}

# Predicates the projection keeps, by the name it stores them under. Everything else (full text, spans, …) is
# skipped on the first dictionary miss, which keeps the single pass over all quads cheap.
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
    str(PK.evidence): "evidence",
    str(PK.dependent): "dependent",
    str(PK.prerequisite): "prerequisite",
    str(PK.cue): "cue",
    str(PK.cueClass): "cue_class",
    str(PK.requires): "requires",
    str(PK.builds): "builds",
    str(PK.reliesOn): "relies_on",
    str(PK.systemKind): "system_kind",
    str(PK.periodStart): "period_start",
    str(PK.periodEnd): "period_end",
    DCT + "issued": "issued",
    str(PK.order): "order",
    OA + "exact": "exact",
    str(PK.sentence): "sentence",
    PROV + "wasDerivedFrom": "derived_from",
}


@dataclass(frozen=True)
class Evidence:
    """Where an edge or node was read: the exact source text and its sentence."""

    iri: str | None
    exact: str | None
    sentence: str | None
    plan: str | None


def project_quads(quads: Iterable[ox.Quad]) -> nx.MultiDiGraph:
    """The projection of a stream of quads (any order); see the module docstring for the mapping."""
    props: dict[str, dict[str, list[object]]] = defaultdict(lambda: defaultdict(list))
    keep = _KEEP
    for quad in quads:
        name = keep.get(quad.predicate.value)
        if name is None:
            continue
        obj = quad.object
        value = python_value(obj) if isinstance(obj, ox.Literal) else obj.value
        props[quad.subject.value][name].append(value)
    return _assemble(props)


def _first(values: dict[str, list[object]], name: str) -> object:
    found = values.get(name)
    return found[0] if found else None


def _evidence(props: dict[str, dict[str, list[object]]], iri: object, plan: object = None) -> Evidence | None:
    if not iri:
        return None
    selector = props.get(str(iri), {})
    return Evidence(
        iri=str(iri),
        exact=_first(selector, "exact"),
        sentence=_first(selector, "sentence"),
        plan=_first(selector, "part_of") or plan,
    )


def _assemble(props: dict[str, dict[str, list[object]]]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    plans: dict[str, dict[str, object]] = {}
    labels = {s: _first(v, "label") for s, v in props.items() if "label" in v}
    plan_type, prerequisite_type = str(PK.Plan), str(PK.Prerequisite)
    statements = []
    for subject, values in props.items():
        types = values.get("type", ())
        if plan_type in types:
            plans[subject] = {
                "iri": subject, "title": _first(values, "title"), "period_start": _first(values, "period_start"),
                "period_end": _first(values, "period_end"), "issued": _first(values, "issued"),
            }
        if prerequisite_type in types:
            statements.append((subject, values))
        kind = next((NODE_TYPES[t] for t in types if t in NODE_TYPES), None)
        if kind is None:
            continue
        plan = _first(values, "plan") or _first(values, "derived_from")
        agencies = [*values.get("lead_agency", ()), *values.get("responsible_agency", ())]
        evidence = _evidence(props, _first(values, "evidence"), plan)
        graph.add_node(
            subject, kind=kind, label=_first(values, "label") or subject.rsplit("/", 1)[-1],
            number=_first(values, "number"), plan=plan, due_date=_first(values, "due_date"),
            due_year=_first(values, "due_year"), due_text=_first(values, "due_text"),
            parent=_first(values, "part_of"), order=_first(values, "order"),
            lead_agencies=[labels.get(a, a) for a in values.get("lead_agency", ())],
            agencies=list(dict.fromkeys(labels.get(a, a) for a in agencies)),
            system_kind=_first(values, "system_kind"),
            evidence=evidence.exact if evidence else None,
            sentence=evidence.sentence if evidence else None,
        )
    reified: set[tuple[str, str]] = set()
    for iri, values in statements:
        dependent, prerequisite = _first(values, "dependent"), _first(values, "prerequisite")
        if not dependent or not prerequisite:
            continue
        for node in (dependent, prerequisite):
            _ensure_node(graph, props, node)
        evidence = _evidence(props, _first(values, "evidence"), _first(values, "derived_from"))
        _add_edge(graph, prerequisite, dependent, "prerequisite", iri=iri, cue=_first(values, "cue"),
                  cue_class=_first(values, "cue_class"), evidence=evidence)
        reified.add((prerequisite, dependent))
    for subject, values in props.items():
        for target in values.get("requires", ()):
            if (target, subject) not in reified:
                _ensure_node(graph, props, target)
                _ensure_node(graph, props, subject)
                _add_edge(graph, target, subject, "prerequisite")
        for system in values.get("builds", ()):
            if (subject, system) not in reified:
                _ensure_node(graph, props, system)
                _add_edge(graph, subject, system, "builds")
        for system in values.get("relies_on", ()):
            if (system, subject) not in reified:
                _ensure_node(graph, props, system)
                _add_edge(graph, system, subject, "relies_on")
    for node, data in list(graph.nodes(data=True)):
        parent = data.get("parent")
        if parent and parent in graph and graph.nodes[parent].get("kind") == "task":
            _add_edge(graph, node, parent, "part_of")
    graph.graph["plans"] = plans
    return graph


def _ensure_node(graph: nx.MultiDiGraph, props: dict, node: str) -> None:
    """Add an edge's endpoint that has no type of its own (e.g. a cited plan) as a ``concept`` node."""
    if node not in graph:
        values = props.get(node, {})
        graph.add_node(node, kind="concept", label=_first(values, "label") or _first(values, "title") or node,
                       plan=_first(values, "derived_from"), agencies=[], lead_agencies=[])


def _add_edge(graph: nx.MultiDiGraph, u: str, v: str, kind: str, *, iri: str | None = None,
              cue: object = None, cue_class: object = None, evidence: Evidence | None = None) -> None:
    graph.add_edge(
        u, v, key=iri or kind, kind=kind, iri=iri, cue=cue, cue_class=cue_class,
        evidence=evidence.exact if evidence else None, sentence=evidence.sentence if evidence else None,
        plan=evidence.plan if evidence else None,
    )


def dependency_view(graph: nx.MultiDiGraph) -> nx.DiGraph:
    """Only the "waits on" edges, one per ordered pair (the first one read keeps its evidence)."""
    view = nx.DiGraph()
    view.add_nodes_from(graph.nodes(data=True))
    for u, v, data in graph.edges(data=True):
        if data["kind"] in DEPENDENCY_KINDS and not view.has_edge(u, v):
            view.add_edge(u, v, **data)
    return view


def project(store: Store) -> nx.MultiDiGraph:
    """A fresh projection of the whole store (prefer ``cached_projection``)."""
    generation = store.generation()  # read first: a change during the read then triggers a rebuild next time
    graph = project_quads(store.quads())
    graph.graph["generation"] = generation
    return graph


_cache: "weakref.WeakKeyDictionary[object, tuple[str, nx.MultiDiGraph]]" = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def cached_projection(store: Store) -> nx.MultiDiGraph:
    """The projection of ``store``, rebuilt only when its generation changed since the last call.

    Callers must treat the returned graph as read-only: it is shared between requests.
    """
    generation = store.generation()
    with _lock:
        hit = _cache.get(store)
        if hit and hit[0] == generation:
            return hit[1]
        graph = project(store)
        _cache[store] = (graph.graph["generation"], graph)
        return graph
