"""Graph algorithms on flat arrays (compressed sparse rows), so that their cost per step does not grow with the graph.

Node i's successors are ``targets[starts[i]:starts[i + 1]]``. Loops over Python lists of ints touch a scattered
object per step; past a few ten thousand nodes those objects no longer fit the CPU's caches and each step costs
several times more (measured: 30× the time for 10× the nodes). Here the work runs in numpy and scipy's compiled
routines over arrays of 4 and 8 bytes per entry, where a step costs the same on 10k and 100k nodes.
"""

from __future__ import annotations

import random

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import breadth_first_order, connected_components


def rows_of_pairs(count: int, sources: np.ndarray, targets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(starts, targets)`` of the edges ``sources[i] → targets[i]`` among ``count`` nodes; each node's targets
    keep the order of the edges given (a stable sort, linear on edges already grouped by source)."""
    starts, order = _grouped(count, sources)
    return starts, np.asarray(targets)[order]


def _grouped(count: int, sources: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Row starts of ``sources`` grouped by node, and the stable order that groups them."""
    order = np.argsort(sources, kind="stable")
    starts = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(sources, minlength=count), out=starts[1:])
    return starts, order


def unique_rows(count: int, sources: np.ndarray, targets: np.ndarray,
                keep: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(starts, targets, kept)`` of the pairs ``sources[k] → targets[k]``, each once, kept when any of its edges
    has ``keep[k]``; each node's targets in the order of their first edge, as a NetworkX graph's adjacency holds
    them after adding the edges in this order; ``kept`` counts the edges with ``keep`` behind each pair."""
    key = sources * count + targets
    unique, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    kept = np.bincount(inverse, weights=keep, minlength=len(unique)).astype(np.int64)
    chosen = np.sort(first[kept > 0])
    starts, order = _grouped(count, sources[chosen])
    return starts, targets[chosen][order], kept[inverse[chosen]][order]


def lists(starts: np.ndarray, targets: np.ndarray) -> list[list[int]]:
    """Node i's successors as ``lists(...)[i]``, for the passes that must run node by node in Python."""
    flat = targets.tolist()
    bounds = starts.tolist()
    return [flat[a:b] for a, b in zip(bounds, bounds[1:])]


def edge_sources(starts: np.ndarray) -> np.ndarray:
    """The source node of each entry of ``targets``."""
    return np.repeat(np.arange(len(starts) - 1), np.diff(starts))


def matrix(starts: np.ndarray, targets: np.ndarray) -> csr_matrix:
    """The adjacency as the sparse matrix scipy's graph routines take (no copy of the arrays)."""
    count = len(starts) - 1
    return csr_matrix((np.ones(len(targets), dtype=np.int8), targets, starts), shape=(count, count))


def condensation(starts: np.ndarray, targets: np.ndarray) -> tuple[int, np.ndarray]:
    """Strongly connected components (blocks), numbered so that every edge runs to the same block or a later one.

    scipy's Pearce-Tarjan numbers the components as it closes them, which is reverse topological order; the
    numbering is reversed and then checked on every edge (scipy does not promise the order), and redone by
    Kahn's algorithm over the blocks should the check ever fail.
    """
    if len(starts) == 1:
        return 0, np.zeros(0, dtype=np.int64)
    blocks, labels = connected_components(matrix(starts, targets), directed=True, connection="strong")
    block = (blocks - 1 - labels).astype(np.int64)
    before, after = block[edge_sources(starts)], block[targets]
    if np.any(before > after):
        block = _renumber(blocks, block, before[before != after], after[before != after])
    return blocks, block


def _renumber(blocks: int, block: np.ndarray, before: np.ndarray, after: np.ndarray) -> np.ndarray:
    """``block`` renumbered in a topological order of the edges ``before[i] → after[i]`` between blocks."""
    successors: list[list[int]] = [[] for _ in range(blocks)]
    indegree = [0] * blocks
    for u, v in zip(before.tolist(), after.tolist()):
        successors[u].append(v)
        indegree[v] += 1
    ready = [b for b in range(blocks) if indegree[b] == 0]
    for u in ready:  # grows while iterated
        for v in successors[u]:
            indegree[v] -= 1
            if indegree[v] == 0:
                ready.append(v)
    position = np.empty(blocks, dtype=np.int64)
    position[np.array(ready, dtype=np.int64)] = np.arange(blocks)
    return position[block]


def descendant_counts(starts: np.ndarray, targets: np.ndarray, nodes: list[int]) -> list[int]:
    """How many nodes other than each of ``nodes`` wait on it, directly or not: one compiled walk each."""
    graph = matrix(starts, targets)
    return [len(breadth_first_order(graph, i, directed=True, return_predecessors=False)) - 1 for i in nodes]


SMALL_LEVEL = 32
"""Breadth-first levels of at most this many nodes or edges run in plain Python: numpy's fixed cost per call
(some twenty calls a level) would otherwise dominate deep, narrow graphs such as long chains."""


def _out_edges(starts: np.ndarray, targets: np.ndarray, frontier: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sources and targets of every edge leaving ``frontier``."""
    first = starts[frontier]
    counts = starts[frontier + 1] - first
    ends = np.cumsum(counts)
    offsets = np.repeat(first - ends + counts, counts) + np.arange(ends[-1] if len(ends) else 0)
    return np.repeat(frontier, counts), targets[offsets]


def _forward(starts: np.ndarray, targets: np.ndarray, frontier, depth: int, distance: np.ndarray,
             paths: np.ndarray) -> tuple:
    """One breadth-first level: the shortest-path edges ``u[k] → w[k]`` from ``frontier`` to the nodes ``depth``
    away, which get their distance and path counts, and those nodes (the next frontier)."""
    if len(frontier) > SMALL_LEVEL:
        u, w = _out_edges(starts, targets, np.asarray(frontier))
        distance[w[distance[w] < 0]] = depth
        tight = distance[w] == depth
        u, w = u[tight], w[tight]
        np.add.at(paths, w, paths[u])
        return u, w, np.unique(w)
    u, w, fresh = [], [], []
    for v in frontier:
        for t in targets[starts[v]:starts[v + 1]].tolist():
            if distance[t] < 0:
                distance[t] = depth
                fresh.append(t)
            if distance[t] == depth:
                paths[t] += paths[v]
                u.append(v)
                w.append(t)
    return u, w, fresh


def _backward(u, w, nodes, paths: np.ndarray, dependency: np.ndarray) -> None:
    """Dependencies of one level's ``nodes`` from those of the next level, along the shortest-path edges."""
    if len(u) > SMALL_LEVEL:
        np.add.at(dependency, u, (1.0 + dependency[w]) / paths[w])
    else:
        for a, b in zip(u, w):
            dependency[a] += (1.0 + dependency[b]) / paths[b]
    if len(nodes) > SMALL_LEVEL:
        dependency[nodes] *= paths[nodes]
    else:
        for v in nodes:
            dependency[v] *= paths[v]


def betweenness(starts: np.ndarray, targets: np.ndarray, samples: int | None = None, seed: int = 0) -> np.ndarray:
    """Normalized shortest-path betweenness of each node (endpoints excluded), as NetworkX computes it; with
    ``samples``, estimated from that many source nodes drawn as ``nx.betweenness_centrality(k=…, seed=…)`` draws
    them (same sources, same scaling), so each sample costs one pass over what its source reaches.

    Brandes' algorithm, one breadth-first level at a time: path counts flow forward along the edges that end one
    level further, dependencies flow back along the same edges, level by level in reverse.
    """
    count = len(starts) - 1
    sampled = samples is not None and samples < count
    sources = random.Random(seed).sample(range(count), samples) if sampled else range(count)
    score = np.zeros(count)
    distance = np.full(count, -1, dtype=np.int64)
    paths = np.zeros(count)  # number of shortest paths from the source
    dependency = np.zeros(count)
    for source in sources:
        distance[source], paths[source] = 0, 1.0
        frontier = [source]
        levels = []  # per level: its nodes and the shortest-path edges from them into the next level
        while len(frontier):
            u, w, following = _forward(starts, targets, frontier, len(levels) + 1, distance, paths)
            levels.append((u, w, frontier))
            frontier = following
        for u, w, nodes in reversed(levels):
            _backward(u, w, nodes, paths, dependency)
        reached = np.concatenate([np.asarray(nodes, dtype=np.int64) for _, _, nodes in levels])
        dependency[source] = 0.0  # endpoints excluded
        score[reached] += dependency[reached]
        distance[reached], paths[reached], dependency[reached] = -1, 0.0, 0.0
    if count < 3:
        return score  # no pair of other nodes for a path to pass through
    if not sampled:
        return score / ((count - 1) * (count - 2))
    drawn = np.zeros(count, dtype=bool)
    drawn[list(sources)] = True
    source_scale = 1 / ((samples - 1) * (count - 2)) if samples > 1 else np.nan
    return score * np.where(drawn, source_scale, 1 / (samples * (count - 2)))
