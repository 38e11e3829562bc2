"""Graph algorithms on adjacency as lists of ints (node i's successors in ``successors[i]``), each linear.

Used by CPM (``schedule``) and the findings on the integer form of the projection (``compact``); kept apart
from both so that neither depends on the other.
"""

from __future__ import annotations

import math
import random
from collections import Counter, deque


def topological_order(count: int, successors: list[list[int]]) -> list[int]:
    """Kahn's algorithm; shorter than ``count`` exactly when the graph has a cycle (self-loops included), and
    then the nodes left out are those on or after a cycle."""
    indegree = [0] * count
    for targets in successors:
        for t in targets:
            indegree[t] += 1
    queue = deque(i for i in range(count) if indegree[i] == 0)
    order = []
    while queue:
        i = queue.popleft()
        order.append(i)
        for t in successors[i]:
            indegree[t] -= 1
            if indegree[t] == 0:
                queue.append(t)
    return order


def strongly_connected(count: int, successors: list[list[int]], roots: list[int] | None = None) -> list[list[int]]:
    """Tarjan's strongly connected components of the nodes reachable from ``roots`` (all when None), iterative
    so that long chains do not hit Python's recursion limit. Components come in reverse topological order."""
    number = [-1] * count
    low = [0] * count
    on_stack = bytearray(count)
    stack: list[int] = []
    components: list[list[int]] = []
    counter = 0
    for root in range(count) if roots is None else roots:
        if number[root] != -1:
            continue
        number[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = 1
        work = [(root, 0)]  # (node, position in its successor list)
        while work:
            v, position = work[-1]
            targets = successors[v]
            if position < len(targets):
                work[-1] = (v, position + 1)
                w = targets[position]
                if number[w] == -1:
                    number[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack[w] = 1
                    work.append((w, 0))
                elif on_stack[w] and number[w] < low[v]:
                    low[v] = number[w]
                continue
            work.pop()
            if work and low[v] < low[work[-1][0]]:
                low[work[-1][0]] = low[v]
            if low[v] == number[v]:
                component = []
                while True:
                    w = stack.pop()
                    on_stack[w] = 0
                    component.append(w)
                    if w == v:
                        break
                components.append(component)
    return components


def descendant_count(successors: list[list[int]], start: int, seen: bytearray) -> int:
    """How many nodes other than ``start`` wait on it, directly or not. ``seen`` is a zeroed scratch array of one
    byte per node, handed back zeroed, so that many counts share one allocation."""
    seen[start] = 1
    reached = [start]
    for node in reached:  # grows while iterated: a breadth-first walk without a queue object
        for other in successors[node]:
            if not seen[other]:
                seen[other] = 1
                reached.append(other)
    for node in reached:
        seen[node] = 0
    return len(reached) - 1


def betweenness(successors: list[list[int]], samples: int | None = None, seed: int = 0) -> list[float]:
    """Normalized shortest-path betweenness of each node (endpoints excluded), as NetworkX computes it; with
    ``samples``, estimated from that many source nodes drawn as ``nx.betweenness_centrality(k=…, seed=…)`` draws
    them (same sources, same scaling), so each sample costs one pass over what its source reaches.

    Brandes' algorithm; the dependencies are accumulated over successors (w follows v on a shortest path when
    its distance is one more), which spares a predecessor list per node and source.
    """
    count = len(successors)
    sampled = samples is not None and samples < count
    sources = random.Random(seed).sample(range(count), samples) if sampled else range(count)
    score = [0.0] * count
    distance = [-1] * count
    paths = [0.0] * count  # number of shortest paths from the source
    dependency = [0.0] * count
    for source in sources:
        distance[source], paths[source] = 0, 1.0
        reached = [source]
        for v in reached:  # breadth first; the list grows while iterated
            next_distance, through = distance[v] + 1, paths[v]
            for w in successors[v]:
                if distance[w] < 0:
                    distance[w] = next_distance
                    reached.append(w)
                if distance[w] == next_distance:
                    paths[w] += through
        for v in reversed(reached):
            next_distance, total = distance[v] + 1, 0.0
            for w in successors[v]:
                if distance[w] == next_distance:
                    total += (1.0 + dependency[w]) / paths[w]
            dependency[v] = paths[v] * total
            if v != source:
                score[v] += dependency[v]
        for v in reached:
            distance[v], paths[v], dependency[v] = -1, 0.0, 0.0
    if count < 3:
        return score  # no pair of other nodes for a path to pass through
    if not sampled:
        return [s / ((count - 1) * (count - 2)) for s in score]
    drawn = set(sources)
    source_scale = 1 / ((samples - 1) * (count - 2)) if samples > 1 else math.nan
    other_scale = 1 / (samples * (count - 2))
    return [s * (source_scale if i in drawn else other_scale) for i, s in enumerate(score)]


def descendant_counts(successors: list[list[int]], order: list[int], starts: list[int]) -> list[int]:
    """``descendant_count`` of each of ``starts`` at once, in one pass over an acyclic graph's topological
    ``order`` rather than one walk per start.

    Each node carries the set of starts that reach it as bits of an int, passed on along its edges; the nodes
    are then grouped by that set, of which there are few where many starts reach the same nodes.
    """
    reached_by = [0] * len(successors)
    for bit, start in enumerate(starts):
        reached_by[start] |= 1 << bit
    for v in order:
        mask = reached_by[v]
        if mask:
            for w in successors[v]:
                reached_by[w] |= mask
    counts = [-1] * len(starts)  # a start reaches itself
    for mask, nodes in Counter(reached_by).items():
        while mask:
            low = mask & -mask
            counts[low.bit_length() - 1] += nodes
            mask ^= low
    return counts
