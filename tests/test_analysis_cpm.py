"""CPM against a brute-force reference (enumerating every path) on small random graphs, and by hand."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plankg.analysis.schedule import critical_path


def all_paths(successors: dict[int, list[int]], start: int) -> list[list[int]]:
    """Every path that starts at ``start`` (the graph is acyclic)."""
    paths, stack = [], [[start]]
    while stack:
        path = stack.pop()
        paths.append(path)
        stack.extend(path + [s] for s in successors[path[-1]])
    return paths


def reference(nodes: list[int], edges: set[tuple[int, int]], duration: dict[int, int],
              release: dict[int, int]) -> dict[int, tuple[int, int, int, int, int, int]]:
    """(ES, EF, LS, LF, total slack, free slack) per node straight from the definitions, by path enumeration."""
    successors = {n: sorted({v for u, v in edges if u == n}) for n in nodes}
    paths = [p for n in nodes for p in all_paths(successors, n)]
    es = {n: max(release[p[0]] + sum(duration[x] for x in p[:-1]) for p in paths if p[-1] == n) for n in nodes}
    ef = {n: es[n] + duration[n] for n in nodes}
    length = max(ef.values(), default=0)
    tail = {n: max(sum(duration[x] for x in p) for p in paths if p[0] == n) for n in nodes}
    result = {}
    for n in nodes:
        ls = length - tail[n]
        free = min((es[s] for s in successors[n]), default=length) - ef[n]
        result[n] = (es[n], ef[n], ls, ls + duration[n], ls - es[n], free)
    return result


@st.composite
def dags(draw, max_nodes: int = 7):
    count = draw(st.integers(1, max_nodes))
    order = draw(st.permutations(range(count)))  # node names unrelated to the topological order
    pairs = [(i, j) for i in range(count) for j in range(i + 1, count)]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=len(pairs))) if pairs else []
    edges = {(order[i], order[j]) for i, j in chosen}
    duration = {n: draw(st.integers(0, 9)) for n in range(count)}
    return list(range(count)), edges, duration


@st.composite
def any_graphs(draw, max_nodes: int = 7):
    count = draw(st.integers(1, max_nodes))
    pairs = [(i, j) for i in range(count) for j in range(count)]
    edges = set(draw(st.lists(st.sampled_from(pairs), unique=True, max_size=12)))
    duration = {n: draw(st.integers(0, 9)) for n in range(count)}
    return list(range(count)), edges, duration


def times_of(schedule, node):
    t = schedule.times[node]
    return (t.earliest_start, t.earliest_finish, t.latest_start, t.latest_finish, t.total_slack, t.free_slack)


@settings(max_examples=300, deadline=None)
@given(dags(), st.data())
def test_cpm_matches_path_enumeration_on_random_dags(graph, data):
    nodes, edges, duration = graph
    release = data.draw(st.one_of(st.just({n: 0 for n in nodes}),
                                  st.fixed_dictionaries({n: st.integers(0, 5) for n in nodes})))
    schedule = critical_path(nodes, edges, duration, release)
    expected = reference(nodes, edges, duration, release)
    for node in nodes:
        assert times_of(schedule, node) == expected[node], node
    assert schedule.length == max(e[1] for e in expected.values())
    assert schedule.cycles == []


@settings(max_examples=300, deadline=None)
@given(dags())
def test_critical_chain_is_a_longest_zero_slack_path(graph):
    nodes, edges, duration = graph
    schedule = critical_path(nodes, edges, duration)
    chain = schedule.chain
    assert chain, "a non-empty graph always has a critical chain"
    assert all((u, v) in edges for u, v in zip(chain, chain[1:]))
    assert all(schedule.times[n].total_slack == 0 for n in chain)
    assert not any(v == chain[0] for _, v in edges), "the chain starts at a task nothing precedes"
    assert sum(duration[n] for n in chain) == schedule.length


@settings(max_examples=300, deadline=None)
@given(any_graphs())
def test_cycles_are_condensed_into_blocks_as_long_as_their_longest_member(graph):
    nodes, edges, duration = graph
    schedule = critical_path(nodes, edges, duration)

    loops = nx.DiGraph(list(edges))
    loops.add_nodes_from(nodes)
    condensed = nx.condensation(loops)
    block_of = condensed.graph["mapping"]
    blocks = list(condensed.nodes)
    block_duration = {b: max(duration[n] for n in condensed.nodes[b]["members"]) for b in blocks}
    expected = reference(blocks, set(condensed.edges), block_duration, {b: 0 for b in blocks})
    for node in nodes:
        assert times_of(schedule, node) == expected[block_of[node]], node

    cyclic = {frozenset(m) for b in blocks if len(m := condensed.nodes[b]["members"]) > 1
              or (next(iter(m)), next(iter(m))) in edges}
    assert {frozenset(c) for c in schedule.cycles} == cyclic
    for node in nodes:
        on_cycle = any(node in c for c in cyclic)
        assert (schedule.times[node].block is not None) == on_cycle


def test_hand_checked_diamond():
    # a(2) -> b(3) -> d(4) and a -> c(1) -> d: the chain a-b-d takes 9, c may slip 2 days.
    schedule = critical_path("abcd", [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")],
                             {"a": 2, "b": 3, "c": 1, "d": 4})
    assert schedule.length == 9
    assert schedule.chain == ["a", "b", "d"]
    c = schedule.times["c"]
    assert (c.earliest_start, c.latest_start, c.total_slack, c.free_slack) == (2, 4, 2, 2)
    assert [n for n, t in schedule.times.items() if t.critical] == ["a", "b", "d"]


def test_free_slack_differs_from_total_slack_when_a_successor_also_has_slack():
    # a(1) -> b(1) -> e ; c(5) -> e : a can slip 3 days in total, but not without delaying b.
    schedule = critical_path("abce", [("a", "b"), ("b", "e"), ("c", "e")], {"a": 1, "b": 1, "c": 5, "e": 1})
    a = schedule.times["a"]
    assert (a.total_slack, a.free_slack) == (3, 0)
    assert schedule.times["b"].free_slack == 3


def test_float_durations_keep_zero_slack():
    schedule = critical_path("ab", [("a", "b")], {"a": 0.1, "b": 0.2})
    assert schedule.chain == ["a", "b"]
    assert schedule.length == pytest.approx(0.3)


def test_empty_graph_has_no_chain():
    schedule = critical_path([], [], {})
    assert (schedule.length, schedule.chain, schedule.times) == (0, [], {})


@pytest.mark.parametrize("order", [["p", "q", "r", "s", "t"], ["r", "s", "p", "q", "t"]])
def test_ties_between_equal_chains_and_cycles_follow_the_node_order(order):
    # two cycles {p, q} and {r, s} of equal length, both before t: either chain is critical
    edges = [("p", "q"), ("q", "p"), ("r", "s"), ("s", "r"), ("p", "t"), ("r", "t")]
    schedule = critical_path(order, edges, {n: 2 for n in order})
    first = order[0]
    assert schedule.chain == (["p", "q", "t"] if first == "p" else ["r", "s", "t"])
    assert schedule.cycles == ([["p", "q"], ["r", "s"]] if first == "p" else [["r", "s"], ["p", "q"]])
    assert schedule.times[first].block == 0


@settings(max_examples=100, deadline=None)
@given(any_graphs())
def test_times_read_as_the_dict_of_every_node_in_node_order(graph):
    nodes, edges, duration = graph
    schedule = critical_path(nodes, edges, duration)
    times = schedule.times
    assert list(times) == nodes and len(times) == len(nodes)
    assert [t.node for t in times.values()] == nodes
    assert [(n, t) for n, t in times.items()] == [(n, times[n]) for n in nodes]
    assert dict(times) == times and times == {n: times[n] for n in nodes}
    assert all(isinstance(times[n].duration, float) and isinstance(times[n].critical, bool) for n in nodes)
    assert "not a node" not in times
    with pytest.raises(KeyError):
        times["not a node"]
    columns = times.columns
    for i, node in enumerate(nodes):
        t = times[node]
        assert (t.earliest_start, t.total_slack, t.critical) == (
            columns.earliest_start[i], columns.total_slack[i], columns.critical[i])
        assert (t.block is None) == (columns.block[i] < 0)
