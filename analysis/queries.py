"""Dependency questions on the projection: what a task rests on, what waits on it, how two tasks connect.

Every answer carries the edges it used, each with its cue and the evidence a researcher can check.
"""

from __future__ import annotations

from collections import deque
from dataclasses import asdict, dataclass

import networkx as nx

from plankg.analysis.projection import DEPENDENCY_KINDS, load_evidence


class NodeNotFound(LookupError):
    """No node, or more than one, matches what the user typed."""


@dataclass
class Edge:
    """One "waits on" edge: ``dependent`` waits on ``prerequisite``."""

    prerequisite: str
    dependent: str
    kind: str  # prerequisite | builds | relies_on
    cue: str | None
    cue_class: str | None
    evidence: str | None
    sentence: str | None
    iri: str | None

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Reached:
    """A node reached from the start, ``depth`` edges away, through ``via``."""

    node: str
    label: str
    kind: str
    depth: int
    via: Edge

    def as_dict(self) -> dict:
        return {**asdict(self), "via": self.via.as_dict()}


def node_summary(graph: nx.MultiDiGraph, node: str) -> dict:
    """The attributes of ``node`` a reader needs, as a plain dict."""
    data = graph.nodes[node]
    return {
        "id": node, "label": data.get("label"), "kind": data.get("kind"), "number": data.get("number"),
        "plan": data.get("plan"), "due_date": data.get("due_date"), "due_year": data.get("due_year"),
        "due_text": data.get("due_text"), "agencies": data.get("agencies", []),
    }


def resolve_node(graph: nx.MultiDiGraph, query: str) -> str:
    """The node meant by ``query``: its IRI, the end of its IRI (``plan/doc/task/t3``), or its label.

    A label may be given in part when exactly one node contains it.
    """
    if query in graph:
        return query
    by_suffix = [n for n in graph if n.endswith("/" + query.lstrip("/"))]
    if len(by_suffix) == 1:
        return by_suffix[0]
    exact = [n for n, label in graph.nodes(data="label") if label == query]
    if len(exact) == 1:
        return exact[0]
    partial = exact or [n for n, label in graph.nodes(data="label") if label and query in label]
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise NodeNotFound(f"no task, system or goal matches {query!r}: give its IRI, the end of its IRI "
                           f"(e.g. plan/DOC/task/t3) or words of its label")
    shown = "; ".join(f"{n} ({graph.nodes[n].get('label')})" for n in partial[:8])
    raise NodeNotFound(f"{len(partial)} nodes match {query!r}, be more precise or give one IRI: {shown}")


def edge_between(graph: nx.MultiDiGraph, u: str, v: str) -> Edge:
    """The best-documented dependency edge from u to v (one with evidence wins; call ``load_evidence`` first)."""
    candidates = [d for d in graph[u][v].values() if d["kind"] in DEPENDENCY_KINDS]
    data = max(candidates, key=lambda d: d.get("evidence") is not None)
    return Edge(prerequisite=u, dependent=v, kind=data["kind"], cue=data.get("cue"),
                cue_class=data.get("cue_class"), evidence=data.get("evidence"), sentence=data.get("sentence"),
                iri=data.get("iri"))


def _neighbours(graph: nx.MultiDiGraph, node: str, upstream: bool) -> list[str]:
    edges = graph.in_edges(node, data="kind") if upstream else graph.out_edges(node, data="kind")
    found = (u if upstream else v for u, v, kind in edges if kind in DEPENDENCY_KINDS)
    return list(dict.fromkeys(found))


def _walk(graph: nx.MultiDiGraph, start: str, upstream: bool, max_depth: int | None,
          limit: int | None = None) -> tuple[list[Reached], int]:
    """Breadth-first along dependency edges; each node once, at its smallest depth (cycles end the walk).

    Returns the first ``limit`` nodes reached (all when None), evidence loaded for those only, and how many were
    reached in all.
    """
    seen = {start}
    queue = deque([(start, 0)])
    steps: list[tuple[str, str, int]] = []  # (edge's prerequisite, edge's dependent, depth of the new node)
    while queue:
        node, depth = queue.popleft()
        if max_depth is not None and depth >= max_depth:
            continue
        for other in _neighbours(graph, node, upstream):
            if other not in seen:
                seen.add(other)
                steps.append((other, node, depth + 1) if upstream else (node, other, depth + 1))
                queue.append((other, depth + 1))
    shown = steps[:limit]
    load_evidence(graph, ((u, v) for u, v, _ in shown))
    reached = []
    for u, v, depth in shown:
        other = u if upstream else v
        data = graph.nodes[other]
        reached.append(Reached(node=other, label=data.get("label"), kind=data.get("kind"), depth=depth,
                               via=edge_between(graph, u, v)))
    return reached, len(steps)


def prerequisites(graph: nx.MultiDiGraph, node: str, transitive: bool = True) -> list[Reached]:
    """What ``node`` rests on: direct prerequisites (depth 1) and, if ``transitive``, theirs in turn."""
    return _walk(graph, node, upstream=True, max_depth=None if transitive else 1)[0]


def dependents(graph: nx.MultiDiGraph, node: str, max_depth: int | None = None) -> list[Reached]:
    """What waits on ``node`` (its impact if it slips), by depth."""
    return _walk(graph, node, upstream=False, max_depth=max_depth)[0]


def nearest(graph: nx.MultiDiGraph, node: str, upstream: bool, limit: int) -> tuple[list[Reached], int]:
    """The first ``limit`` nodes of the transitive walk (prerequisites if ``upstream``, else dependents), nearest
    first, and how many the walk reaches in all: for a page that shows a few of many, evidence is fetched only
    for the ones shown."""
    return _walk(graph, node, upstream=upstream, max_depth=None, limit=limit)


def path(graph: nx.MultiDiGraph, source: str, target: str) -> list[Edge] | None:
    """A shortest chain of dependency edges from ``source`` to ``target`` (either direction), or None.

    Tries "target waits on source" first, then "source waits on target".
    """
    for start, end in ((source, target), (target, source)):
        previous = {start: None}
        queue = deque([start])
        while queue and end not in previous:
            node = queue.popleft()
            for other in _neighbours(graph, node, upstream=False):
                if other not in previous:
                    previous[other] = node
                    queue.append(other)
        if end in previous:
            pairs = []
            node = end
            while previous[node] is not None:
                pairs.append((previous[node], node))
                node = previous[node]
            load_evidence(graph, pairs)
            return [edge_between(graph, u, v) for u, v in reversed(pairs)]
    return None
