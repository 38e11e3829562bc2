"""Critical path method (CPM) in linear time: earliest/latest start and finish, total and free slack, the chain.

Durations sit on nodes (tasks), not on edges, which is why NetworkX's ``dag_longest_path`` does not fit. The
textbook definitions, with T the project length (the largest earliest finish):

    ES(v) = max(r(v), EF(p) over predecessors p)         EF(v) = ES(v) + d(v)
    LF(v) = min LS(s) over successors s, else T          LS(v) = LF(v) - d(v)
    total slack = LS - ES                                 free slack = min ES(s) over successors - EF, else T - EF

r(v) is an optional release time (0 by default: the classic CPM).

Cycles make the schedule undefined; they are condensed first (strongly connected components, ``arrays``):
the members of one cycle form a block that runs together, as long as its longest member, and share its times.
Each block is reported so the caller can show the cycle as a finding.
"""

from __future__ import annotations

import gc
from collections.abc import ItemsView, ValuesView
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, repeat
from typing import Hashable, Iterable, Iterator, Mapping

import numpy as np

from plankg.analysis import arrays

EPSILON = 1e-9
"""Relative tolerance for "zero" slack, so float durations (0.1 + 0.2) still compare equal."""


@dataclass
class NodeTimes:
    """CPM times of one node, in the duration unit (days for plans)."""

    node: Hashable
    duration: float
    earliest_start: float
    earliest_finish: float
    latest_start: float
    latest_finish: float
    total_slack: float
    free_slack: float
    critical: bool
    block: int | None = None  # index into Schedule.cycles when the node sits on a cycle


@dataclass(frozen=True)
class TimeColumns:
    """The fields of ``NodeTimes`` as arrays in the order of the schedule's nodes (``block`` is -1 off cycles):
    for callers that read every node, in bulk."""

    duration: np.ndarray
    earliest_start: np.ndarray
    earliest_finish: np.ndarray
    latest_start: np.ndarray
    latest_finish: np.ndarray
    total_slack: np.ndarray
    free_slack: np.ndarray
    critical: np.ndarray
    block: np.ndarray


class Times(Mapping):
    """Node → ``NodeTimes``, each made when it is read, from ``columns``.

    A read-only dict in every other respect (order of the nodes, equality). Building a ``NodeTimes`` per node up
    front took a third of the CPM on 100k nodes, for callers that mostly read a few nodes or the columns.
    """

    def __init__(self, nodes: list[Hashable], columns: TimeColumns,
                 position: Mapping[Hashable, int] | None = None) -> None:
        self.nodes, self.columns, self._position = nodes, columns, position

    def at(self, i: int) -> NodeTimes:
        """The times of the node at position ``i``."""
        c = self.columns
        block = int(c.block[i])
        return NodeTimes(node=self.nodes[i], duration=float(c.duration[i]), earliest_start=float(c.earliest_start[i]),
                         earliest_finish=float(c.earliest_finish[i]), latest_start=float(c.latest_start[i]),
                         latest_finish=float(c.latest_finish[i]), total_slack=float(c.total_slack[i]),
                         free_slack=float(c.free_slack[i]), critical=bool(c.critical[i]),
                         block=None if block < 0 else block)

    def __getitem__(self, node: Hashable) -> NodeTimes:
        if self._position is None:
            self._position = {n: i for i, n in enumerate(self.nodes)}
        return self.at(self._position[node])

    def __iter__(self) -> Iterator[Hashable]:
        return iter(self.nodes)

    def __len__(self) -> int:
        return len(self.nodes)

    def values(self) -> ValuesView:
        return _Values(self)

    def items(self) -> ItemsView:
        return _Items(self)

    def __repr__(self) -> str:
        return f"Times({len(self)} nodes)"


class _Values(ValuesView):
    def __iter__(self) -> Iterator[NodeTimes]:  # by position: no lookup of each node
        return map(self._mapping.at, range(len(self._mapping)))


class _Items(ItemsView):
    def __iter__(self) -> Iterator[tuple[Hashable, NodeTimes]]:
        return zip(self._mapping.nodes, map(self._mapping.at, range(len(self._mapping))))


@dataclass
class Schedule:
    times: Times
    length: float  # T: the largest earliest finish
    chain: list[Hashable]  # one critical chain, first task first
    cycles: list[list[Hashable]] = field(default_factory=list)  # condensed cycles, each a list of members


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector during bulk work that makes no reference cycles.

    With a large projection alive, each full collection rescans millions of objects; bulk allocation triggers
    many of them, which made linear passes measurably superlinear.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def critical_path(nodes: Iterable[Hashable], edges: Iterable[tuple[Hashable, Hashable]],
                  duration: Mapping[Hashable, float], release: Mapping[Hashable, float] | None = None) -> Schedule:
    """The CPM schedule of ``nodes`` where each edge ``(u, v)`` means v starts after u finishes.

    ``duration`` gives each node's duration (missing nodes last 0: milestones), ``release`` the earliest time a
    node may start (missing: 0). Runs in O(nodes + edges): the blocks are numbered in topological order, so the
    passes walk them in sequence.
    """
    nodes = list(nodes)
    with no_cyclic_gc():
        # One dict maps each node to its position; built a second time only when a node repeats (the first
        # occurrence keeps its place). Each dict of IRIs is a table the size of the graph: past the CPU's caches,
        # every entry and lookup in it costs several times more (bench/analysis.py prints this floor).
        index = dict(zip(nodes, range(len(nodes))))
        if len(index) < len(nodes):
            nodes = list(dict.fromkeys(nodes))
            index = dict(zip(nodes, range(len(nodes))))
        pairs = list(edges)
        ends = np.fromiter(map(index.__getitem__, chain.from_iterable(pairs)), dtype=np.int64, count=2 * len(pairs))
        durations = np.fromiter(map(duration.get, nodes, repeat(0.0)), dtype=float, count=len(nodes))
        releases = (np.fromiter(map(release.get, nodes, repeat(0.0)), dtype=float, count=len(nodes))
                    if release else np.zeros(len(nodes)))
        return _schedule(nodes, ends[0::2], ends[1::2], durations, releases, index)


def critical_path_of_positions(nodes: list[Hashable], sources: np.ndarray, targets: np.ndarray,
                               durations: np.ndarray, releases: np.ndarray) -> Schedule:
    """``critical_path`` with the edges ``sources[k] → targets[k]``, durations and release times given by
    position in ``nodes`` (distinct): for callers that hold the graph as integers already."""
    with no_cyclic_gc():
        return _schedule(nodes, sources, targets, durations, releases)


def _schedule(nodes: list[Hashable], sources: np.ndarray, targets: np.ndarray, durations: np.ndarray,
              releases: np.ndarray, position: Mapping[Hashable, int] | None = None) -> Schedule:
    count = len(nodes)
    blocks, block = arrays.condensation(*arrays.rows_of_pairs(count, sources, targets))
    block_duration = np.full(blocks, -np.inf)
    np.maximum.at(block_duration, block, durations)  # a cycle runs as long as its longest member
    block_release = np.full(blocks, -np.inf)
    np.maximum.at(block_release, block, releases)
    first_member = np.full(blocks, count, dtype=np.int64)
    np.minimum.at(first_member, block, np.arange(count))
    # Ties (which of several equally long critical chains, the order of the cycles) go by the order of the nodes,
    # then of the edges given.
    between = block[sources] != block[targets]
    before, after = block[sources[between]], block[targets[between]]
    successors = arrays.lists(*arrays.rows_of_pairs(blocks, before, after))

    es, ef, ls, lf, free, length = _passes(successors, block_duration.tolist(), block_release.tolist())
    tolerance = EPSILON * max(1.0, length)
    slack = np.array(ls) - np.array(es)
    critical = np.abs(slack) <= tolerance
    looped = np.bincount(block, minlength=blocks) > 1
    looped[block[sources[sources == targets]]] = True
    cycle_blocks = np.flatnonzero(looped)
    cycle_blocks = cycle_blocks[np.argsort(first_member[cycle_blocks], kind="stable")].tolist()
    members: dict[int, list[int]] = {b: [] for b in cycle_blocks}
    for i in np.flatnonzero(looped[block]).tolist():
        members[int(block[i])].append(i)
    cycle_of_block = np.full(blocks, -1, dtype=np.int64)
    cycle_of_block[cycle_blocks] = np.arange(len(cycle_blocks))
    es_, ef_, ls_, lf_, free_ = (np.asarray(values, dtype=float)[block] for values in (es, ef, ls, lf, free))
    columns = TimeColumns(duration=np.asarray(durations, dtype=float), earliest_start=es_, earliest_finish=ef_,
                          latest_start=ls_, latest_finish=lf_, total_slack=slack[block], free_slack=free_,
                          critical=critical[block], block=cycle_of_block[block])
    chain_blocks = _chain(successors, es, ef, critical.tolist(), first_member.tolist(), tolerance)
    chain = [nodes[i] for b in chain_blocks for i in members.get(b, [int(first_member[b])])]
    cycles = [[nodes[i] for i in members[b]] for b in cycle_blocks]
    return Schedule(times=Times(nodes, columns, position), length=length, chain=chain, cycles=cycles)


def _passes(successors: list[list[int]], duration: list[float], release: list[float]) -> tuple[list[float], ...]:
    """Forward and backward passes over blocks numbered in topological order: ES, EF, LS, LF, free slack, T."""
    blocks = len(successors)
    es = list(release)
    for b in range(blocks):
        finish = es[b] + duration[b]
        for s in successors[b]:
            if finish > es[s]:
                es[s] = finish
    ef = [start + d for start, d in zip(es, duration)]
    length = max(ef, default=0.0)
    lf = [length] * blocks
    free = [0.0] * blocks
    for b in range(blocks - 1, -1, -1):
        after = successors[b]
        if after:
            lf[b] = min(lf[s] - duration[s] for s in after)
            free[b] = min(es[s] for s in after) - ef[b]
        else:
            free[b] = length - ef[b]
    ls = [finish - d for finish, d in zip(lf, duration)]
    return es, ef, ls, lf, free, length


def _chain(successors: list[list[int]], es: list[float], ef: list[float], critical: list[bool],
           first_member: list[int], tolerance: float) -> list[int]:
    """The critical chain with the most blocks: zero-slack blocks, each starting when the previous one finishes.

    Plans often have several chains of equal length; the one through most tasks explains most (ties: the start
    whose first member comes first in the caller's node order, then the first edge). A critical block that
    finishes before T always has such a successor (LF < T means some successor's LS equals its EF), so every walk
    ends at a block finishing at T. Longest walk by dynamic programming over the blocks in reverse topological
    order (their numbering).
    """
    blocks = len(successors)
    has_predecessor = [False] * blocks
    for targets in successors:
        for t in targets:
            has_predecessor[t] = True
    steps = [0] * blocks  # blocks on the longest tight critical walk from b
    best_next: list[int | None] = [None] * blocks
    for b in range(blocks - 1, -1, -1):
        if not critical[b]:
            continue
        for s in successors[b]:
            if critical[s] and abs(es[s] - ef[b]) <= tolerance and steps[s] > (steps[best_next[b]] if
                                                                              best_next[b] is not None else 0):
                best_next[b] = s
        steps[b] = 1 + (steps[best_next[b]] if best_next[b] is not None else 0)
    starts = sorted((b for b in range(blocks) if critical[b] and not has_predecessor[b]),
                    key=first_member.__getitem__)
    if not starts:
        return []
    chain = [max(starts, key=lambda b: steps[b])]
    while best_next[chain[-1]] is not None:
        chain.append(best_next[chain[-1]])
    return chain
