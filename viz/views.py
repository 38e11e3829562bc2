"""The graph views as node and edge lists, filtered and capped on the server.

Four views: a resource's neighbourhood (a term's, or any node's when a user expands it), a plan's dependency
graph with its critical path, the cross-plan concept map, and agencies ↔ tasks. Each is read from the store in
a few bulk queries (the dependency graph from the analysis projection, already in memory) and capped at ``cap``
nodes (most connected first); ``omitted`` says what was left out. Large views get positions computed here
(layers), so the browser draws them with physics off.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

import networkx as nx

from plankg.analysis.projection import load_evidence
from plankg.graph.store import Store
from plankg.graph.vocab import ID, PLAN_NAME, SPARQL_PREFIXES

# Node kinds by rdf:type, with their colour; the legend lists them in this order.
KINDS = {
    "https://w3id.org/plankg/ontology#Plan": "plan",
    "https://w3id.org/plankg/ontology#Task": "task",
    "https://w3id.org/plankg/ontology#Term": "term",
    "https://w3id.org/plankg/ontology#TermSense": "sense",
    "http://www.w3.org/2004/02/skos/core#Concept": "component",
    "http://www.w3.org/ns/org#Organization": "agency",
    "http://www.w3.org/ns/org#Post": "post",
    "https://w3id.org/plankg/ontology#NamedSystem": "system",
    "https://w3id.org/plankg/ontology#Goal": "goal",
}
COLOURS = {"plan": "#4e79a7", "task": "#f28e2b", "term": "#e15759", "sense": "#ff9da7", "component": "#edc948",
           "agency": "#59a14f", "post": "#8cd17d", "system": "#76b7b2", "goal": "#b07aa1"}
CRITICAL = "#d62728"
LABEL_CHARS = 18  # longer labels are cut on the canvas; the tooltip keeps the whole text
PHYSICS_LIMIT = 150  # above this many nodes, positions come from the server and physics stays off
DEFAULT_CAP = 1500

# Links worth drawing in a neighbourhood; evidence, types and schemes would only clutter it.
_HIDDEN_PREDICATES = ("rdf:type", "pk:evidence", "skos:inScheme", "dcterms:isPartOf", "oa:hasSource")
_LABEL = "rdfs:label|skos:prefLabel|dcterms:title"


@dataclass
class GraphView:
    """Nodes and edges ready for vis-network, plus what the cap and filters left out."""

    title: str
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    omitted: dict[str, int] = field(default_factory=dict)
    filters: dict[str, Any] = field(default_factory=dict)
    physics: bool = True
    note: str | None = None  # what a filter left out before the cap, and how to see it

    @property
    def message(self) -> str | None:
        if not self.omitted:
            return self.note
        parts = ", ".join(f"{count} {kind}" for kind, count in sorted(self.omitted.items()))
        capped = (f"Showing {len(self.nodes)} of {len(self.nodes) + sum(self.omitted.values())} nodes; "
                  f"left out: {parts}. Narrow the filters or raise the cap to see them.")
        return f"{self.note} {capped}" if self.note else capped

    def as_json(self) -> dict[str, Any]:
        return {"title": self.title, "nodes": self.nodes, "edges": self.edges, "omitted": self.omitted,
                "message": self.message, "filters": self.filters, "physics": self.physics,
                "legend": legend(self.nodes)}


def legend(nodes: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The colours in use: one per kind of node shown, and the critical path when it is highlighted."""
    kinds = {n["group"] for n in nodes}
    entries = [{"kind": kind, "colour": colour} for kind, colour in COLOURS.items() if kind in kinds]
    return entries + ([{"kind": "critical path", "colour": CRITICAL}] if any(n.get("critical") for n in nodes) else [])


def _href(iri: str) -> str:
    return "/id/" + iri[len(ID):] if iri.startswith(ID) else iri


def node(iri: str, kind: str, label: object, detail: str | None = None, **extra: Any) -> dict[str, Any]:
    """A vis-network node; ``title`` is plain text (vis-network shows strings as text, never as HTML)."""
    text = str(label) if label is not None else iri.rsplit("/", 1)[-1]
    title = f"{text}\n[{kind}]" + (f"\n{detail}" if detail else "")
    return {"id": iri, "label": text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1] + "…",
            "fullLabel": text, "title": title, "group": kind, "color": COLOURS.get(kind, "#bab0ac"),
            "href": _href(iri), **extra}


def _refine(found: dict[str, Any], kind: str) -> None:
    """skos:Concept is also a type of goals, systems and senses: the more specific type names the node."""
    if found["group"] == "component" and kind != "component":
        found.update(group=kind, color=COLOURS[kind], title=found["title"].replace("[component]", f"[{kind}]"))


def _select(store: Store, body: str) -> list[dict[str, object]]:
    return store.select(SPARQL_PREFIXES + body)


def _values(iris: list[str]) -> str:
    return " ".join(f"<{iri}>" for iri in iris)


def _ranked(ids: Iterable[str], pairs: list[tuple[str, str]], label: Callable[[str], str],
            keep: set[str] = frozenset()) -> list[str]:
    """Node IRIs best first: those in ``keep``, then most connected, then by label (and IRI, for a stable order)."""
    degree: Counter[str] = Counter()
    for source, target in pairs:
        degree[source] += 1
        degree[target] += 1
    return sorted(ids, key=lambda iri: (iri not in keep, -degree[iri], label(iri), iri))


def _cap(title: str, nodes: dict[str, dict[str, Any]], edges: list[dict[str, Any]], cap: int,
         filters: dict[str, Any], keep: set[str] = frozenset()) -> GraphView:
    """Keep the ``cap`` best-connected nodes (and ``keep``), the edges between them, and count the rest."""
    ranked = _ranked(nodes, [(e["from"], e["to"]) for e in edges], lambda iri: nodes[iri]["fullLabel"], keep)
    kept = set(ranked[:cap])
    omitted = Counter(nodes[iri]["group"] for iri in ranked[cap:])
    kept_edges = [edge for edge in edges if edge["from"] in kept and edge["to"] in kept]
    return _laid_out(GraphView(title, [nodes[iri] for iri in ranked[:cap]], kept_edges, dict(omitted), filters))


def _laid_out(view: GraphView) -> GraphView:
    if len(view.nodes) > PHYSICS_LIMIT:
        _layer_positions(view)
    return view


def _layer_positions(view: GraphView) -> None:
    """Positions for a large view: dependency layers left to right where edges allow, kinds otherwise."""
    graph = nx.DiGraph()
    graph.add_nodes_from(n["id"] for n in view.nodes)
    graph.add_edges_from((e["from"], e["to"]) for e in view.edges)
    if nx.is_directed_acyclic_graph(graph):
        layers = list(nx.topological_generations(graph))
    else:
        by_kind: dict[str, list[str]] = defaultdict(list)
        for n in view.nodes:
            by_kind[n["group"]].append(n["id"])
        layers = [by_kind[kind] for kind in COLOURS if by_kind[kind]]
    positions = {}
    x = 0
    for layer in layers:
        columns = max(1, len(layer) // 80)  # wrap a tall layer into several columns
        for index, iri in enumerate(sorted(layer)):
            positions[iri] = (x + (index % columns) * 120, (index // columns) * 40)
        x += columns * 120 + 200
    for n in view.nodes:
        n["x"], n["y"] = positions[n["id"]]
        n["physics"] = False
    view.physics = False


def neighbourhood(store: Store, iri: str, depth: int = 2, cap: int = DEFAULT_CAP,
                  kinds: set[str] | None = None) -> GraphView:
    """Everything within ``depth`` links of ``iri`` (plans, tasks, terms, senses, agencies, systems …).

    Plans are hubs: the walk stops at them unless the view starts from one, so a task's neighbourhood is not
    its whole plan.
    """
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    start = _select(store, f"SELECT ?type ?label WHERE {{ <{iri}> a ?type OPTIONAL {{ <{iri}> {_LABEL} ?label }} }}")
    kind = next((KINDS[str(r["type"])] for r in start if str(r["type"]) in KINDS), "resource")
    nodes[iri] = node(iri, kind, start[0]["label"] if start else None, size=30)
    frontier = [iri]
    hidden = ", ".join(_HIDDEN_PREDICATES)
    for _ in range(max(depth, 0)):
        if not frontier or len(nodes) > cap * 2:
            break
        rows = _select(store, f"""
            SELECT ?s ?p ?o ?type ?label ?out WHERE {{ VALUES ?s {{ {_values(frontier)} }}
              {{ ?s ?p ?o FILTER(isIRI(?o)) BIND(true AS ?out) }} UNION {{ ?o ?p ?s BIND(false AS ?out) }}
              FILTER(?p NOT IN ({hidden}))
              ?o a ?type . OPTIONAL {{ ?o {_LABEL} ?label }} }}""")
        frontier = []
        for row in rows:
            other, kind = str(row["o"]), KINDS.get(str(row["type"]))
            if kind is None or (kinds and kind not in kinds):
                continue
            if other not in nodes:
                nodes[other] = node(other, kind, row["label"])
                if kind != "plan":  # a plan links to everything it contains: drawn, but not walked through
                    frontier.append(other)
            _refine(nodes[other], kind)
            subject, predicate = str(row["s"]), str(row["p"]).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
            pair = (subject, other) if row["out"] else (other, subject)
            edges.setdefault(pair, {"from": pair[0], "to": pair[1], "title": predicate, "arrows": "to"})
    return _cap(f"Neighbourhood of {nodes[iri]['fullLabel']}", nodes, list(edges.values()), cap,
                {"node": iri, "depth": depth, "type": sorted(kinds or [])}, keep={iri})


# The projection's kinds of "waits on" edge, as the view names them (the RDF predicate each comes from).
_DEPENDENCY_EDGES = {"prerequisite": "requires", "relies_on": "reliesOn", "builds": "builds"}


def plan_dependencies(graph: nx.MultiDiGraph, plan: str, year: int | None = None, cap: int = DEFAULT_CAP,
                      critical: list[str] = ()) -> GraphView:
    """A plan's tasks, what they require, build and rely on; ``critical`` (the analysis package's critical chain,
    see ``rest.plan_schedule_of``) in red, as far as the filters keep it.

    Read from ``graph``, the analysis projection (``analysis.projection.cached_projection``), which is already in
    memory: no store query for the structure. The cap is applied to bare IRIs before any node is built, and the
    evidence sentence of an edge's tooltip is fetched for the edges shown only.
    """
    data = graph.nodes
    tasks = [n for n, d in data(data=True) if d["kind"] == "task" and d["plan"] == plan
             and (year is None or d["due_year"] == year)]
    chosen = set(tasks)
    pairs: dict[tuple[str, str], str] = {}  # (must come first, comes after) -> projection edge kind
    for task in tasks:
        for other, keyed in graph.pred[task].items():
            for kind in (d["kind"] for d in keyed.values()):
                if kind in ("prerequisite", "relies_on") and (other in chosen or data[other]["kind"] != "task"):
                    pairs.setdefault((other, task), kind)
        for other, keyed in graph.succ[task].items():
            if any(d["kind"] == "builds" for d in keyed.values()):
                pairs.setdefault((task, other), "builds")
    ids = dict.fromkeys([*tasks, *(n for pair in pairs for n in pair)])
    chain = [iri for iri in critical if iri in ids]
    ranked = _ranked(ids, list(pairs), lambda iri: str(data[iri].get("label") or ""), set(chain))
    kept = set(ranked[:cap])
    omitted = Counter(_dependency_kind(graph, iri) for iri in ranked[cap:])
    nodes = {iri: _dependency_node(graph, iri) for iri in ranked[:cap]}
    shown = {pair: kind for pair, kind in pairs.items() if pair[0] in kept and pair[1] in kept}
    load_evidence(graph, (pair for pair, kind in shown.items() if kind == "prerequisite"))
    edges = {}
    for (source, target), kind in shown.items():
        # Arrows run from the prerequisite to what depends on it: the order in which work can happen.
        sentence = graph[source][target][kind].get("sentence")
        predicate = _DEPENDENCY_EDGES[kind]
        edges[(source, target)] = {"from": source, "to": target, "arrows": "to",
                                   "title": predicate + (f"\n{sentence}" if sentence else ""),
                                   "label": None if kind == "prerequisite" else predicate}
    for iri in chain:
        nodes[iri].update(color=CRITICAL, borderWidth=3, critical=True)
        nodes[iri]["title"] += "\non the critical path"
    for a, b in zip(chain, chain[1:]):
        if (a, b) in edges:
            edges[(a, b)].update(color=CRITICAL, width=4)
    name = graph.graph.get("plans", {}).get(plan, {}).get("label")  # the title, or an untitled plan's label
    return _laid_out(GraphView(f"Dependencies of {name}" if name else "Dependencies", list(nodes.values()),
                               list(edges.values()), dict(omitted),
                               {"plan": plan, "year": year, "criticalPath": chain}))


def _dependency_kind(graph: nx.MultiDiGraph, iri: str) -> str:
    """The view's kind of a projection node: task, system, goal, or plan (a plan cited as a prerequisite)."""
    if iri in graph.graph.get("plans", ()):
        return "plan"
    kind = graph.nodes[iri]["kind"]
    return kind if kind in ("task", "system", "goal") else "goal"


def _dependency_node(graph: nx.MultiDiGraph, iri: str) -> dict[str, Any]:
    data = graph.nodes[iri]
    kind = _dependency_kind(graph, iri)
    due = data.get("due_text") if kind == "task" else None
    return node(iri, kind, data.get("label"), due and f"due {due}")


def concept_map(store: Store, plans: list[str] | None = None, min_plans: int = 1,
                kinds: set[str] | None = None, cap: int = DEFAULT_CAP) -> GraphView:
    """Plans and the terms and systems they define or mention, those used by fewer than ``min_plans`` of them
    left out (and counted in the message): over a whole corpus the map answers which terms and systems several
    plans share, and every concept of every plan is a grid too dense to read."""
    wanted = kinds or {"term", "system"}
    plan_filter = f"VALUES ?plan {{ {_values(plans)} }}" if plans else ""
    rows = _select(store, f"""
        SELECT DISTINCT ?concept ?type ?label ?plan ?title WHERE {{ {plan_filter}
          {{ ?sense pk:senseOf ?concept ; prov:wasDerivedFrom ?plan }}
          UNION {{ ?mention pk:mentionOf ?concept ; prov:wasDerivedFrom ?plan }}
          UNION {{ ?task p-plan:isStepOfPlan ?plan ; pk:builds|pk:reliesOn ?concept }}
          ?concept a ?type ; skos:prefLabel ?label . ?plan a pk:Plan . OPTIONAL {{ ?plan {PLAN_NAME} ?title }} }}""")
    by_concept: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if KINDS.get(str(row["type"])) in wanted:
            by_concept[str(row["concept"])].add(str(row["plan"]))
    nodes: dict[str, dict[str, Any]] = {}
    edges = []
    for row in rows:
        concept, plan, kind = str(row["concept"]), str(row["plan"]), KINDS.get(str(row["type"]))
        shared = len(by_concept.get(concept, ()))
        if kind not in wanted or shared < min_plans:
            continue
        nodes.setdefault(plan, node(plan, "plan", row["title"], size=25))
        if concept not in nodes:
            nodes[concept] = node(concept, kind, row["label"], f"in {shared} plan(s)", size=10 + 6 * shared,
                                  plans=shared)
        edges.append({"from": plan, "to": concept, "title": "defines or mentions"})
    view = _cap("Concept map", nodes, edges, cap, {"plan": plans or [], "minPlans": min_plans,
                                                    "type": sorted(wanted)})
    rare = sum(1 for used_in in by_concept.values() if len(used_in) < min_plans)
    if rare:
        view.note = (f"{rare} concepts used by fewer than {min_plans} plans are not drawn; "
                     "set “shared by at least” to 1 to see every concept.")
    return view


def agencies_tasks(store: Store, plan: str | None = None, year: int | None = None,
                   cap: int = DEFAULT_CAP) -> GraphView:
    """Which agency (or post: 相关部门负责人, whose holders are people) leads or shares which task, optionally for
    one plan and one due year."""
    filters = (f"?task p-plan:isStepOfPlan <{plan}> ." if plan else "") + (
        f"?task pk:dueYear {int(year)} ." if year is not None else "")
    rows = _select(store, f"""
        SELECT ?task ?tlabel ?due ?role ?agency ?alabel ?post WHERE {{ {filters}
          ?task ?role ?agency FILTER(?role IN (pk:leadAgency, pk:responsibleAgency))
          OPTIONAL {{ ?task rdfs:label ?tlabel }} OPTIONAL {{ ?task pk:dueText ?due }}
          OPTIONAL {{ ?agency skos:prefLabel ?alabel }} BIND(EXISTS {{ ?agency a org:Post }} AS ?post) }}""")
    nodes: dict[str, dict[str, Any]] = {}
    edges = []
    for row in rows:
        task, agency = str(row["task"]), str(row["agency"])
        nodes.setdefault(task, node(task, "task", row["tlabel"], row["due"] and f"due {row['due']}"))
        nodes.setdefault(agency, node(agency, "post" if row["post"] else "agency", row["alabel"], size=20))
        lead = str(row["role"]).endswith("leadAgency")
        edges.append({"from": agency, "to": task, "title": "leads" if lead else "responsible",
                      "width": 3 if lead else 1, "arrows": "to"})
    return _cap("Agencies and tasks", nodes, edges, cap, {"plan": plan, "year": year})
