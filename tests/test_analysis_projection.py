"""Reading SPARQL TSV results (the term syntax and rows the projection parses), the dependency view, and the
integer rows the projection keeps for the dependency index."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from plankg.analysis.compact import dependency_index
from plankg.analysis.projection import DEPENDENCY_KINDS, NODE_TYPES, _pairs, _term_value, assemble, dependency_view


def test_iri_and_typed_literals():
    assert _term_value("<https://w3id.org/plankg/id/plan/x/char=1,5>") == "https://w3id.org/plankg/id/plan/x/char=1,5"
    assert _term_value('"2022"^^<http://www.w3.org/2001/XMLSchema#integer>') == "2022"
    assert _term_value('"依托“平台”建设"@zh') == "依托“平台”建设"


def test_escapes_in_literals():
    assert _term_value(r'"第一行\n第二行\t\"引\"\\"') == '第一行\n第二行\t"引"\\'
    assert _term_value(r'"\u4F9D\U00004F9D"') == "依依"


class _TsvStore:
    """Answers every query with one fixed TSV body, as ``Store.query_raw`` does."""

    def __init__(self, body: str) -> None:
        self.body = body.encode("utf-8")

    def query_raw(self, query, accept=None, **options):
        assert accept == "text/tab-separated-values"
        return self.body, accept


def test_pairs_strip_iris_and_decode_literals_row_by_row():
    body = ('?s\t?o\r\n<http://x/a>\t"一\\t二"@zh\r\n_:b1\t"2025"^^<http://www.w3.org/2001/XMLSchema#integer>\r\n'
            '<http://x/c>\t"含\\"引号\\""\r\n')
    assert _pairs(_TsvStore(body), "SELECT", iri_values=False) == [
        ("http://x/a", "一\t二"), ("_:b1", "2025"), ("http://x/c", '含"引号"')]
    iris = "?s\t?o\n<http://x/a>\t<http://x/b,1>\n<http://x/b>\t_:b2\n"
    assert _pairs(_TsvStore(iris), "SELECT", iri_values=True) == [
        ("http://x/a", "http://x/b,1"), ("http://x/b", "_:b2")]


def test_dependency_view_keeps_one_waits_on_edge_per_pair_and_no_part_of():
    graph = nx.MultiDiGraph()
    graph.add_edge("a", "b", key="prerequisite", kind="prerequisite")
    graph.add_edge("a", "b", key="relies_on", kind="relies_on")
    graph.add_edge("c", "b", key="part_of", kind="part_of")
    graph.add_edge("b", "s", key="builds", kind="builds")
    view = dependency_view(graph)
    assert set(view.nodes) == {"a", "b", "c", "s"}
    assert sorted(view.edges) == [("a", "b"), ("b", "s")]
    assert list(view.predecessors("b")) == ["a"]


@st.composite
def column_sets(draw) -> dict[str, dict[str, object]]:
    """What ``read_columns`` returns, for a few typed nodes, untyped ones edges point at, repeated edges and
    pairs joined by several kinds."""
    names = [f"http://x/n{i}" for i in range(draw(st.integers(1, 8)))]
    some = st.sampled_from(names)
    typed = draw(st.lists(some, unique=True))
    columns: dict[str, dict[str, object]] = {
        "type": {n: [draw(st.sampled_from(sorted(NODE_TYPES)))] for n in typed},
        "part_of": {n: draw(some) for n in draw(st.lists(some, unique=True))},
    }
    for name in ("requires", "builds", "relies_on"):
        columns[name] = {n: draw(st.lists(some, min_size=1, max_size=4)) for n in draw(st.lists(some, unique=True))}
    return columns


@settings(max_examples=300, deadline=None)
@given(column_sets())
def test_rows_of_the_projection_equal_the_index_read_from_networkx(columns):
    graph = assemble(columns)
    graph.graph["generation"] = "1"
    from_rows = dependency_index(graph)
    assert graph.graph["dependency_rows"][0]() is graph
    del graph.graph["dependency_rows"], graph.graph["dependency_index"]
    from_networkx = dependency_index(graph)
    assert from_rows.nodes == from_networkx.nodes and from_rows.index == from_networkx.index
    assert from_rows.starts.tolist() == from_networkx.starts.tolist()
    assert from_rows.targets.tolist() == from_networkx.targets.tolist()
    assert from_rows.edges.tolist() == from_networkx.edges.tolist()
    waits_on = [(u, v) for u, v, kind in graph.edges(data="kind") if kind in DEPENDENCY_KINDS]
    assert sum(from_rows.edges.tolist()) == len(waits_on)
