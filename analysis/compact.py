"""The "waits on" edges as flat integer arrays (compressed sparse rows), built once per projection.

Walks over NetworkX's dict-of-dicts, or over Python lists of ints, cost more per step as the graph grows (hashing
strings, scattered objects that stop fitting the CPU's caches); the findings run on these arrays instead, with
the algorithms in ``arrays``.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

import networkx as nx
import numpy as np

from plankg.analysis.projection import DEPENDENCY_KINDS


@dataclass(frozen=True)
class DependencyIndex:
    """Node i is ``nodes[i]``; ``targets[starts[i]:starts[i + 1]]`` are the nodes that wait on it, each once (a
    self-loop lists ``i`` itself); ``edges[k]`` is how many "waits on" edges (of different kinds) join the pair
    of ``targets[k]``."""

    nodes: list[str]
    index: dict[str, int]
    starts: np.ndarray
    targets: np.ndarray
    edges: np.ndarray


def dependency_index(graph: nx.MultiDiGraph) -> DependencyIndex:
    """The integer form of ``graph``'s dependency edges, cached on a projection (read-only by contract).

    A projection brings its edges as integer rows already (``projection.assemble``); other graphs are read edge
    by edge. Subgraph views share their parent's ``graph.graph`` dict, so the cache and the rows remember which
    graph they belong to.
    """
    cached = graph.graph.get("dependency_index")
    if cached is not None and cached[0]() is graph:
        return cached[1]
    rows = graph.graph.get("dependency_rows")
    if rows is not None and rows[0]() is graph:  # assembled by the projection
        built = DependencyIndex(*rows[1:])
    else:
        built = _build(graph)
    if "generation" in graph.graph and not nx.is_frozen(graph):
        graph.graph["dependency_index"] = (weakref.ref(graph), built)
    return built


def _build(graph: nx.MultiDiGraph) -> DependencyIndex:
    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    targets: list[int] = []
    edges: list[int] = []
    ends = [0]
    kinds = DEPENDENCY_KINDS
    for neighbours in graph.succ.values():  # the same order as ``nodes``
        for v, keyed in neighbours.items():
            waits = sum(data.get("kind") in kinds for data in keyed.values())
            if waits:
                targets.append(index[v])
                edges.append(waits)
        ends.append(len(targets))
    return DependencyIndex(nodes, index, np.array(ends, dtype=np.int64), np.array(targets, dtype=np.int32),
                           np.array(edges, dtype=np.int64))
