"""Findings over the whole graph: schedule conflicts, cycles, bottlenecks, agency load.

Each finding is a plain dataclass with the evidence that supports it. Every function here runs in time linear in
the graph's size (betweenness is sampled above ``EXACT_LIMIT`` nodes), so they stay usable on large graphs.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from dataclasses import asdict, dataclass
from datetime import date

import networkx as nx

from plankg.analysis.durations import due_of
from plankg.analysis.projection import DEPENDENCY_KINDS, dependency_view, load_evidence
from plankg.analysis.queries import Edge, edge_between

EXACT_LIMIT = 2_000_000
"""Up to this many node × edge steps, betweenness and dependent counts are exact; above it, sampled or limited
to candidates."""
SAMPLES = 16
"""Sources sampled for approximate betweenness (``k`` of ``nx.betweenness_centrality``): each costs a full pass."""


@dataclass
class Conflict:
    """A prerequisite due after the task that waits on it."""

    prerequisite: dict
    dependent: dict
    prerequisite_due: str
    dependent_due: str
    edge: Edge

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Cycle:
    """Nodes that (transitively) wait on each other, with the edges that close the loop."""

    nodes: list[dict]
    edges: list[Edge]

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Bottleneck:
    node: dict
    direct_dependents: int
    all_dependents: int | None  # None when not computed (large graph, not a candidate)
    betweenness: float
    approximate: bool

    def as_dict(self) -> dict:
        return asdict(self)


def _summary(graph: nx.MultiDiGraph, node: str) -> dict:
    data = graph.nodes[node]
    return {"id": node, "label": data.get("label"), "kind": data.get("kind"), "plan": data.get("plan"),
            "due": data.get("due_date") or data.get("due_year"), "agencies": data.get("agencies", [])}


def _due_key(data: dict) -> tuple[date, bool] | None:
    """A node's deadline and whether it is only a year (then only the year is compared)."""
    day = due_of(data)
    return (day, not data.get("due_date")) if day else None


def conflicts(graph: nx.MultiDiGraph) -> list[Conflict]:
    """Every dependency edge whose prerequisite is due later than its dependent.

    When either deadline gives only a year, only the years are compared (到2025年 does not contradict
    2025年6月底前).
    """
    late_pairs = []
    for u, v in dict.fromkeys((u, v) for u, v, kind in graph.edges(data="kind") if kind in DEPENDENCY_KINDS):
        before, after = _due_key(graph.nodes[u]), _due_key(graph.nodes[v])
        if not before or not after or u == v:
            continue
        coarse = before[1] or after[1]
        if before[0].year > after[0].year if coarse else before[0] > after[0]:
            late_pairs.append((u, v, before, after))
    load_evidence(graph, ((u, v) for u, v, _, _ in late_pairs))
    return [Conflict(prerequisite=_summary(graph, u), dependent=_summary(graph, v),
                     prerequisite_due=str(before[0].year if before[1] else before[0]),
                     dependent_due=str(after[0].year if after[1] else after[0]), edge=edge_between(graph, u, v))
            for u, v, before, after in late_pairs]


def cycles(graph: nx.MultiDiGraph) -> list[Cycle]:
    """Strongly connected components of the dependency edges (and self-loops), each with its inner edges."""
    view = dependency_view(graph)
    found = []
    for component in nx.strongly_connected_components(view):
        if len(component) == 1 and not view.has_edge(next(iter(component)), next(iter(component))):
            continue
        members = sorted(component)
        pairs = [(u, v) for u in members for v in view.successors(u) if v in component]
        load_evidence(graph, pairs)
        inner = [edge_between(graph, u, v) for u, v in pairs]
        found.append(Cycle(nodes=[_summary(graph, n) for n in members], edges=inner))
    return found


def _descendant_count(view: nx.DiGraph, node: str) -> int:
    successors = view.succ  # one lookup per node: ``view.successors`` makes an iterator call per node
    seen = {node}
    queue = deque([node])
    while queue:
        for other in successors[queue.popleft()]:
            if other not in seen:
                seen.add(other)
                queue.append(other)
    return len(seen) - 1


def bottlenecks(graph: nx.MultiDiGraph, top: int = 10, seed: int = 0) -> list[Bottleneck]:
    """Tasks and systems ranked by how much waits on them: all dependents, then direct ones, then betweenness.

    Counting every node's dependents is quadratic, so above ``EXACT_LIMIT`` steps only the ``2 × top``
    candidates with the most direct dependents and the highest (sampled) betweenness are counted.
    """
    view = dependency_view(graph)
    size = view.number_of_nodes()
    if size == 0:
        return []
    approximate = size * max(1, view.number_of_edges()) > EXACT_LIMIT
    betweenness = nx.betweenness_centrality(view, k=SAMPLES if approximate else None, seed=seed)
    direct = {n: view.out_degree(n) for n in view}
    if approximate:
        width = 2 * top
        candidates = set(sorted(view, key=lambda n: -direct[n])[:width])
        candidates |= set(sorted(view, key=lambda n: -betweenness[n])[:width])
    else:
        candidates = set(view)
    everything = {n: _descendant_count(view, n) for n in candidates}
    ranked = sorted(candidates, key=lambda n: (-everything[n], -direct[n], -betweenness[n], n))
    return [Bottleneck(node=_summary(graph, n), direct_dependents=direct[n], all_dependents=everything[n],
                       betweenness=round(betweenness[n], 6), approximate=approximate)
            for n in ranked[:top] if direct[n] > 0]


def agency_load(graph: nx.MultiDiGraph, plans: list[str] | None = None) -> list[dict]:
    """Tasks per agency per deadline year (``year`` None: undated), with how many of them it leads.

    Rows sorted by agency, then year; ``plans`` (IRIs) restricts the count to those plans.
    """
    tasks: Counter = Counter()
    leads: Counter = Counter()
    wanted = set(plans) if plans else None
    for node, data in graph.nodes(data=True):
        if data.get("kind") != "task" or (wanted and data.get("plan") not in wanted):
            continue
        day = due_of(data)
        year = day.year if day else None
        for agency in data.get("agencies", []):
            tasks[agency, year] += 1
        for agency in data.get("lead_agencies", []):
            leads[agency, year] += 1
    rows = defaultdict(dict)
    for (agency, year), count in tasks.items():
        rows[agency][year] = count
    return [{"agency": agency, "year": year, "tasks": count, "leads": leads[agency, year]}
            for agency in sorted(rows) for year, count in sorted(rows[agency].items(), key=lambda i: (i[0] is None,
                                                                                                  i[0] or 0))]
