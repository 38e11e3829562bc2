"""Findings over the whole graph: schedule conflicts, cycles, bottlenecks, agency load.

Each finding is a plain dataclass with the evidence that supports it. Every function here runs in time linear in
the graph's size (betweenness is sampled above ``EXACT_LIMIT`` nodes), so they stay usable on large graphs.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from datetime import date

import networkx as nx
import numpy as np

from plankg.analysis import arrays
from plankg.analysis.compact import dependency_index
from plankg.analysis.durations import due_of
from plankg.analysis.projection import load_evidence
from plankg.analysis.queries import Edge, edge_between

EXACT_LIMIT = 2_000_000
"""Up to this many node × edge steps, betweenness and dependent counts are exact; above it, sampled or limited
to candidates."""
SAMPLES = 16
"""Sources sampled for approximate betweenness (``k`` of ``nx.betweenness_centrality``): each costs one pass."""


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
    2025年6月底前). Deadlines are read once per node; the edges are compared as arrays.
    """
    index = dependency_index(graph)
    due = [_due_key(data) for data in graph.nodes.values()]  # the index's node order
    dated = np.array([d is not None for d in due], dtype=bool)
    day = np.array([d[0].toordinal() if d else 0 for d in due], dtype=np.int64)
    year = np.array([d[0].year if d else 0 for d in due], dtype=np.int64)
    coarse = np.array([d is not None and d[1] for d in due], dtype=bool)
    u, v = arrays.edge_sources(index.starts), index.targets
    late = dated[u] & dated[v] & (u != v) & np.where(coarse[u] | coarse[v], year[u] > year[v], day[u] > day[v])
    late_pairs = [(index.nodes[i], index.nodes[j], due[i], due[j])
                  for i, j in zip(u[late].tolist(), v[late].tolist())]
    load_evidence(graph, ((u, v) for u, v, _, _ in late_pairs))
    return [Conflict(prerequisite=_summary(graph, u), dependent=_summary(graph, v),
                     prerequisite_due=str(before[0].year if before[1] else before[0]),
                     dependent_due=str(after[0].year if after[1] else after[0]), edge=edge_between(graph, u, v))
            for u, v, before, after in late_pairs]


def cycles(graph: nx.MultiDiGraph) -> list[Cycle]:
    """Strongly connected components of the dependency edges (and self-loops), each with its inner edges.

    The components come from one compiled pass (``arrays.condensation``); only the nodes on a cycle are looked at
    in Python, which on a plan without cycles is none.
    """
    index = dependency_index(graph)
    starts, targets, names = index.starts, index.targets, index.nodes
    blocks, block = arrays.condensation(index.starts, index.targets)
    sources = arrays.edge_sources(index.starts)
    looped = np.bincount(block, minlength=blocks) > 1
    looped[block[sources[sources == index.targets]]] = True
    on_cycle = np.flatnonzero(looped[block])
    members_of: dict[int, list[int]] = defaultdict(list)
    for i, b in zip(on_cycle.tolist(), block[on_cycle].tolist()):
        members_of[b].append(i)
    found = []
    for component in members_of.values():
        inside = set(component)
        members = sorted(names[i] for i in component)
        pairs = sorted((names[u], names[v]) for u in component for v in targets[starts[u]:starts[u + 1]].tolist()
                       if v in inside)
        load_evidence(graph, pairs)
        found.append(Cycle(nodes=[_summary(graph, n) for n in members], edges=[edge_between(graph, u, v)
                                                                             for u, v in pairs]))
    return sorted(found, key=lambda cycle: cycle.nodes[0]["id"])


def bottlenecks(graph: nx.MultiDiGraph, top: int = 10, seed: int = 0) -> list[Bottleneck]:
    """Tasks and systems ranked by how much waits on them: all dependents, then direct ones, then betweenness.

    Counting every node's dependents is quadratic, so above ``EXACT_LIMIT`` steps only the ``2 × top``
    candidates with the most direct dependents and the highest (sampled) betweenness are counted: a fixed
    number of linear walks, over the integer form of the graph.
    """
    index = dependency_index(graph)
    size = len(index.nodes)
    if size == 0:
        return []
    names = index.nodes
    edges = len(index.targets)
    approximate = size * max(1, edges) > EXACT_LIMIT
    betweenness = dict(zip(names, arrays.betweenness(index.starts, index.targets, SAMPLES if approximate else None,
                                                     seed).tolist()))
    direct = np.diff(index.starts).tolist()
    if approximate:
        width = 2 * top
        candidates = set(heapq.nlargest(width, range(size), key=direct.__getitem__))
        candidates.update(heapq.nlargest(width, range(size), key=lambda i: betweenness[names[i]]))
    else:
        candidates = set(range(size))
    ordered = sorted(candidates)
    everything = dict(zip(ordered, arrays.descendant_counts(index.starts, index.targets, ordered)))
    ranked = sorted(candidates, key=lambda i: (-everything[i], -direct[i], -betweenness[names[i]], names[i]))
    return [Bottleneck(node=_summary(graph, names[i]), direct_dependents=direct[i], all_dependents=everything[i],
                       betweenness=round(betweenness[names[i]], 6), approximate=approximate)
            for i in ranked[:top] if direct[i] > 0]


def agency_load(graph: nx.MultiDiGraph, plans: list[str] | None = None) -> list[dict]:
    """Tasks per agency per deadline year (``year`` None: undated), with how many of them it leads.

    Counted by agency IRI: a collective subject (各乡镇人民政府) is one node per plan, so each row of one names its
    ``plan`` (the plan's title or label; None for an organ shared by plans). Posts (相关部门负责人: people, not an
    organ) carry no agency load. Rows sorted by agency label, plan, then year; ``plans`` (IRIs) restricts the
    count to those plans.
    """
    agencies = graph.graph.get("agencies", {})
    named = graph.graph.get("plans", {})
    tasks: Counter = Counter()
    leads: Counter = Counter()
    wanted = set(plans) if plans else None
    for node, data in graph.nodes(data=True):
        if data.get("kind") != "task" or (wanted and data.get("plan") not in wanted):
            continue
        day = due_of(data)
        year = day.year if day else None
        for agency in data.get("agency_iris", []):
            tasks[agency, year] += 1
        for agency in data.get("lead_agency_iris", []):
            leads[agency, year] += 1
    rows = []
    for (agency, year), count in tasks.items():
        about = agencies.get(agency, {})
        if about.get("person"):
            continue
        plan = about.get("plan")
        rows.append({"agency": about.get("label", agency), "iri": agency,
                     "plan": named.get(plan, {}).get("label", plan) if plan else None,
                     "year": year, "tasks": count, "leads": leads[agency, year]})
    return sorted(rows, key=lambda r: (r["agency"], r["plan"] or "", r["iri"], r["year"] is None, r["year"] or 0))
