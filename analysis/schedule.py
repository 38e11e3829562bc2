"""Critical path method (CPM) in linear time: earliest/latest start and finish, total and free slack, the chain.

Durations sit on nodes (tasks), not on edges, which is why NetworkX's ``dag_longest_path`` does not fit. The
textbook definitions, with T the project length (the largest earliest finish):

    ES(v) = max(r(v), EF(p) over predecessors p)         EF(v) = ES(v) + d(v)
    LF(v) = min LS(s) over successors s, else T          LS(v) = LF(v) - d(v)
    total slack = LS - ES                                 free slack = min ES(s) over successors - EF, else T - EF

r(v) is an optional release time (0 by default: the classic CPM).

Cycles make the schedule undefined; they are condensed first (Tarjan's strongly connected components, linear):
the members of one cycle form a block that runs together, as long as its longest member, and share its times.
Each block is reported so the caller can show the cycle as a finding.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Hashable, Iterable, Iterator, Mapping

from plankg.analysis.intgraph import strongly_connected, topological_order

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


@dataclass
class Schedule:
    times: dict[Hashable, NodeTimes]
    length: float  # T: the largest earliest finish
    chain: list[Hashable]  # one critical chain, first task first
    cycles: list[list[Hashable]] = field(default_factory=list)  # condensed cycles, each a list of members


def _condense(count: int, successors: list[list[int]]) -> tuple[list[int], list[list[int]]]:
    """Block of each node and the members of each block, via strongly connected components."""
    block_of = [0] * count
    members: list[list[int]] = []
    for b, component in enumerate(strongly_connected(count, successors)):
        members.append(sorted(component))
        for i in component:
            block_of[i] = b
    return block_of, members


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
    node may start (missing: 0). Runs in O(nodes + edges).
    """
    with no_cyclic_gc():
        return _critical_path(nodes, edges, duration, release)


def _critical_path(nodes: Iterable[Hashable], edges: Iterable[tuple[Hashable, Hashable]],
                   duration: Mapping[Hashable, float], release: Mapping[Hashable, float] | None) -> Schedule:
    nodes = list(dict.fromkeys(nodes))
    index = {node: i for i, node in enumerate(nodes)}
    count = len(nodes)
    successors: list[list[int]] = [[] for _ in range(count)]
    self_loops: set[int] = set()
    for u, v in edges:
        iu, iv = index[u], index[v]
        if iu == iv:
            self_loops.add(iu)
        else:
            successors[iu].append(iv)
    durations = [float(duration.get(node, 0.0)) for node in nodes]
    releases = [float(release.get(node, 0.0)) for node in nodes] if release else [0.0] * count

    order = topological_order(count, successors)
    if len(order) == count:
        block_of, members = list(range(count)), [[i] for i in range(count)]
        block_successors = successors
        block_duration = durations
        block_release = releases
        block_order = order
    else:
        block_of, members = _condense(count, successors)
        block_successors = [sorted({block_of[t] for i in m for t in successors[i]} - {b})
                            for b, m in enumerate(members)]
        block_duration = [max(durations[i] for i in m) for m in members]
        block_release = [max(releases[i] for i in m) for m in members]
        block_order = topological_order(len(members), block_successors)

    blocks = len(members)
    es = list(block_release)
    for b in block_order:
        finish = es[b] + block_duration[b]
        for s in block_successors[b]:
            if finish > es[s]:
                es[s] = finish
    ef = [es[b] + block_duration[b] for b in range(blocks)]
    length = max(ef, default=0.0)
    lf = [length] * blocks
    free = [0.0] * blocks
    for b in reversed(block_order):
        if block_successors[b]:
            lf[b] = min(lf[s] - block_duration[s] for s in block_successors[b])
            free[b] = min(es[s] for s in block_successors[b]) - ef[b]
        else:
            free[b] = length - ef[b]
    ls = [lf[b] - block_duration[b] for b in range(blocks)]

    tolerance = EPSILON * max(1.0, length)
    cycle_blocks = [b for b, m in enumerate(members) if len(m) > 1 or m[0] in self_loops]
    cycle_number = {b: n for n, b in enumerate(cycle_blocks)}
    times = {}
    for i, node in enumerate(nodes):
        b = block_of[i]
        slack = ls[b] - es[b]
        times[node] = NodeTimes(
            node=node, duration=durations[i], earliest_start=es[b], earliest_finish=ef[b], latest_start=ls[b],
            latest_finish=lf[b], total_slack=slack, free_slack=free[b], critical=abs(slack) <= tolerance,
            block=cycle_number.get(b),
        )
    chain_blocks = _chain(block_order, block_successors, es, ef, ls, tolerance)
    chain = [nodes[i] for b in chain_blocks for i in members[b]]
    cycles = [[nodes[i] for i in members[b]] for b in cycle_blocks]
    return Schedule(times=times, length=length, chain=chain, cycles=cycles)


def _chain(order: list[int], successors: list[list[int]], es: list[float], ef: list[float],
           ls: list[float], tolerance: float) -> list[int]:
    """The critical chain with the most blocks: zero-slack blocks, each starting when the previous one finishes.

    Plans often have several chains of equal length; the one through most tasks explains most. A critical block
    that finishes before T always has such a successor (LF < T means some successor's LS equals its EF), so
    every walk ends at a block finishing at T. Longest walk by dynamic programming in reverse topological order.
    """
    critical = [abs(ls[b] - es[b]) <= tolerance for b in range(len(es))]
    has_predecessor = [False] * len(es)
    for targets in successors:
        for t in targets:
            has_predecessor[t] = True
    steps = [0] * len(es)  # blocks on the longest tight critical walk from b
    best_next: list[int | None] = [None] * len(es)
    for b in reversed(order):
        if not critical[b]:
            continue
        for s in successors[b]:
            if critical[s] and abs(es[s] - ef[b]) <= tolerance and steps[s] > (steps[best_next[b]] if
                                                                              best_next[b] is not None else 0):
                best_next[b] = s
        steps[b] = 1 + (steps[best_next[b]] if best_next[b] is not None else 0)
    starts = [b for b in order if critical[b] and not has_predecessor[b]]
    if not starts:
        return []
    chain = [max(starts, key=lambda b: steps[b])]
    while best_next[chain[-1]] is not None:
        chain.append(best_next[chain[-1]])
    return chain
