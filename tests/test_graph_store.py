"""The store interface on the embedded Oxigraph store: writes, generation, formats, graph store operations."""

from __future__ import annotations

import json
import time

import pyoxigraph as ox
import pytest

from plankg.graph.embedded import EmbeddedStore, _with_timeout
from plankg.graph.store import GraphNotFound, QuerySyntaxError, QueryTimeout, negotiate

G1, G2 = "https://example.org/g1", "https://example.org/g2"
P = ox.NamedNode("https://example.org/p")


def triples(n: int, label: str = "值") -> list[ox.Triple]:
    return [ox.Triple(ox.NamedNode(f"https://example.org/s{i}"), P, ox.Literal(f"{label}{i}", language="zh"))
            for i in range(n)]


@pytest.fixture
def store(tmp_path) -> EmbeddedStore:
    return EmbeddedStore(tmp_path / "store")


@pytest.mark.parametrize("accept, kind, expected", [
    ("text/csv", "results", "csv"),
    ("text/turtle;q=0.5, application/sparql-results+xml", "results", "xml"),
    ("application/sparql-results+json;q=0.1, text/tab-separated-values;q=0.9", "results", "tsv"),
    ("text/turtle", "results", "json"),  # nothing acceptable fits: the default
    ("application/ld+json", "rdf", "jsonld"),
    ("application/sparql-results+json, application/n-triples;q=0.2", "rdf", "nt"),
    (None, "rdf", "ttl"),
    ("nt", "rdf", "nt"),
])
def test_negotiate(accept, kind, expected):
    assert negotiate(accept, kind).name == expected


def test_replace_graphs_replaces_and_drops(store):
    store.replace_graphs({G1: triples(3), G2: triples(2)})
    store.replace_graphs({G1: triples(1, "新")}, drop=[G2])
    assert store.graph_names() == [G1, "https://w3id.org/plankg/graph/manifest"]
    assert store.select("SELECT ?o WHERE { ?s ?p ?o FILTER(isLiteral(?o) && LANG(?o) = 'zh') }") == [{"o": "新0"}]


def test_generation_changes_on_every_write(store):
    seen = {store.generation()}
    store.replace_graphs({G1: triples(2)})
    seen.add(store.generation())
    store.update(f"INSERT DATA {{ GRAPH <{G2}> {{ <https://example.org/a> <https://example.org/b> 1 }} }}")
    seen.add(store.generation())
    store.graph_delete(G2)
    seen.add(store.generation())
    store.replace_graphs({G1: triples(2)})  # the same data again is still a write
    seen.add(store.generation())
    assert len(seen) == 5


def test_select_converts_typed_literals(store):
    store.update(f"""INSERT DATA {{ GRAPH <{G1}> {{ <https://example.org/a> <https://example.org/n> 3 ;
        <https://example.org/d> 2.5 ; <https://example.org/y> "2025"^^<http://www.w3.org/2001/XMLSchema#gYear> ;
        <https://example.org/b> true }} }}""")
    row = store.select("SELECT ?n ?d ?y ?b WHERE { ?a <https://example.org/n> ?n ; <https://example.org/d> ?d ;"
                       " <https://example.org/y> ?y ; <https://example.org/b> ?b }")[0]
    assert row == {"n": 3, "d": 2.5, "y": 2025, "b": True}


def test_query_raw_serializes_by_kind(store):
    store.replace_graphs({G1: triples(2)})
    body, media = store.query_raw("SELECT ?o WHERE { ?s <https://example.org/p> ?o } ORDER BY ?o", "text/csv")
    assert media == "text/csv" and body.decode().splitlines() == ["o", "值0", "值1"]
    body, media = store.query_raw("ASK { ?s ?p ?o }", "application/sparql-results+json")
    assert json.loads(body) == {"head": {}, "boolean": True}
    body, media = store.query_raw("CONSTRUCT WHERE { ?s <https://example.org/p> ?o }", "application/n-triples")
    assert media == "application/n-triples" and len(list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))) == 2


def test_query_raw_respects_default_and_named_graphs(store):
    store.replace_graphs({G1: triples(1), G2: triples(3)})
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s <https://example.org/p> ?o }"
    body, _ = store.query_raw(count, "json", default_graphs=[G2])
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "3"
    body, _ = store.query_raw("SELECT ?g WHERE { GRAPH ?g { } }", "json", named_graphs=[G1])
    assert [b["g"]["value"] for b in json.loads(body)["results"]["bindings"]] == [G1]


def test_syntax_error_carries_the_parser_message(store):
    with pytest.raises(QuerySyntaxError, match="1:"):
        store.query_raw("SELECT WHERE {", "json")
    with pytest.raises(QuerySyntaxError):
        store.update("INSERT NOTHING")


def test_timeout_gives_up_waiting():
    with pytest.raises(QueryTimeout, match="longer than"):
        _with_timeout(lambda: time.sleep(2), 0.05)
    assert _with_timeout(lambda: 42, 5) == 42


def test_graph_store_operations(store):
    assert store.graph_put(G1, "<https://example.org/a> <https://example.org/b> \"一\"@zh .".encode(), "text/turtle")
    assert not store.graph_post(G1, b"<https://example.org/a> <https://example.org/b> \"2\" .", "application/n-triples")
    body, media = store.graph_get(G1, "application/n-triples")
    assert media == "application/n-triples" and len(body.decode().splitlines()) == 2
    assert not store.graph_put(G1, b"<https://example.org/a> <https://example.org/b> 3 .", "text/turtle")
    assert len(list(store.quads(G1))) == 1
    store.graph_delete(G1)
    with pytest.raises(GraphNotFound):
        store.graph_get(G1)
    with pytest.raises(GraphNotFound):
        store.graph_delete(G1)


def test_default_graph_operations(store):
    store.graph_put(None, b"<https://example.org/a> <https://example.org/b> 1 .", "text/turtle")
    body, _ = store.graph_get(None, "nt")
    assert body.decode().strip() == "<https://example.org/a> <https://example.org/b> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> ."
    assert list(store.quads()) == [q for q in store.quads() if q.graph_name != ox.DefaultGraph()]


def test_same_directory_shares_one_handle(tmp_path):
    first, second = EmbeddedStore(tmp_path / "s"), EmbeddedStore(str(tmp_path / "s") + "/")
    first.replace_graphs({G1: triples(1)})
    assert second.graph_names() == first.graph_names()
