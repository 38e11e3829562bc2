"""The links graph follows the documents: bulk-loaded on a first build, then only the changed links rewritten."""

from __future__ import annotations

from plankg.graph.build import refresh_links
from plankg.graph.embedded import EmbeddedStore
from plankg.graph.rdf import cross_document_pairs, facts_to_triples
from plankg.graph.vocab import LINKS_GRAPH, document_graph

from test_graph_rdf import make_facts


def links(store) -> set[tuple[str, str]]:
    """(plan of a, plan of b) for each exactMatch in the links graph."""
    plan = lambda iri: iri.split("/plan/")[1].split("/")[0]  # noqa: E731
    return {(plan(q.subject.value), plan(q.object.value)) for q in store.quads(LINKS_GRAPH)}


def add(store, doc: str, items=None) -> None:
    facts = make_facts(doc) if items is None else make_facts(doc, items)
    store.replace_graphs({document_graph(doc): list(facts_to_triples(facts))})


def test_links_are_loaded_then_updated_as_plans_come_and_go(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    add(store, "a"), add(store, "b"), add(store, "x", ["联防", "联控"])
    refresh_links(store)
    assert links(store) == {("a", "b"), ("b", "a")}
    add(store, "c")
    refresh_links(store)
    assert links(store) == {(p, q) for p in "abc" for q in "abc" if p != q}
    store.update(f"DROP GRAPH <{document_graph('b')}>")
    refresh_links(store)
    assert links(store) == {("a", "c"), ("c", "a")}
    assert {(q.subject.value, q.object.value) for q in store.quads(LINKS_GRAPH)} == cross_document_pairs(store)


def test_no_write_when_the_links_are_unchanged(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    add(store, "a"), add(store, "b")
    refresh_links(store)
    generation = store.generation()
    refresh_links(store)
    assert store.generation() == generation and links(store) == {("a", "b"), ("b", "a")}
