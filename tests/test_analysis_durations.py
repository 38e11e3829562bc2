"""The deadlines a task's start is read from (``latest_prerequisite_dues``) against a plain breadth-first walk."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from plankg.analysis.arrays import rows_of_pairs
from plankg.analysis.durations import latest_prerequisite_dues


def walk(count: int, edges: set[tuple[int, int]], due: list[int], implied: list[tuple[int, int]],
         node: int, hops: int = 3) -> int:
    """The rule as the durations docs state it, node by node: from ``node`` back along the edges (implied ones
    only as the first step), through undated nodes only, at most ``hops`` steps; the latest deadline found that is
    not after the node's own, -1 when none."""
    found, frontier, seen = [], [u for u, v in implied if v == node] + [u for u, v in edges if v == node], {node}
    for _ in range(hops):
        following = []
        for u in frontier:
            if u in seen:
                continue
            seen.add(u)
            if due[u] >= 0:
                found.append(due[u])
            else:
                following.extend(p for p, v in edges if v == u)
        frontier = following
    return max((d for d in found if d <= due[node]), default=-1)


@st.composite
def dated_graphs(draw):
    count = draw(st.integers(1, 9))
    pairs = st.tuples(st.integers(0, count - 1), st.integers(0, count - 1))
    edges = set(draw(st.lists(pairs, max_size=20)))
    due = draw(st.lists(st.one_of(st.just(-1), st.integers(0, 6)), min_size=count, max_size=count))
    dated = [i for i in range(count) if due[i] >= 0]
    implied = draw(st.lists(st.tuples(st.sampled_from(dated), st.sampled_from(dated)), max_size=4)) if dated else []
    return count, edges, due, implied


@settings(max_examples=400, deadline=None)
@given(dated_graphs())
def test_latest_prerequisite_dues_match_the_walk(graph):
    count, edges, due, implied = graph
    ordered = sorted(edges)
    starts, targets = rows_of_pairs(count, np.array([u for u, _ in ordered], dtype=np.int64),
                                    np.array([v for _, v in ordered], dtype=np.int64))
    result = latest_prerequisite_dues(starts, targets, np.array(due, dtype=np.int64),
                                      np.array([u for u, _ in implied], dtype=np.int64),
                                      np.array([v for _, v in implied], dtype=np.int64))
    expected = [walk(count, edges, due, implied, v) if due[v] >= 0 else -1 for v in range(count)]
    assert result.tolist() == expected


def test_a_deadline_behind_two_undated_systems_counts_and_one_behind_three_does_not():
    # 0 (due 5) -> 1 -> 2 -> 3 (due 9): found through two undated nodes; 4 (due 6) -> 5 -> 6 -> 7 -> 3: too far
    edges = [(0, 1), (1, 2), (2, 3), (4, 5), (5, 6), (6, 7), (7, 3)]
    due = np.array([5, -1, -1, 9, 6, -1, -1, -1])
    starts, targets = rows_of_pairs(8, np.array([u for u, _ in edges]), np.array([v for _, v in edges]))
    empty = np.zeros(0, dtype=np.int64)
    assert latest_prerequisite_dues(starts, targets, due, empty, empty).tolist() == [-1, -1, -1, 5, -1, -1, -1, -1]
