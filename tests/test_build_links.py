"""The links graph follows the documents: one meaning node per shared expansion, bulk-loaded on a first build,
then only the changed statements rewritten."""

from __future__ import annotations

from plankg.graph.build import link_triples, refresh_links
from plankg.graph.embedded import EmbeddedStore
from plankg.graph.rdf import facts_to_triples, meaning_iri
from plankg.graph.vocab import LINKS_GRAPH, document_graph

from test_graph_rdf import make_facts

EXACT_MATCH = "http://www.w3.org/2004/02/skos/core#exactMatch"


def links(store) -> set[tuple[str, str]]:
    """(plan of the sense, meaning) for each skos:exactMatch in the links graph."""
    plan = lambda iri: iri.split("/plan/")[1].split("/")[0]  # noqa: E731
    return {(plan(q.subject.value), q.object.value) for q in store.quads(LINKS_GRAPH)
            if q.predicate.value == EXACT_MATCH}


def add(store, doc: str, items=None) -> None:
    facts = make_facts(doc) if items is None else make_facts(doc, items)
    store.replace_graphs({document_graph(doc): list(facts_to_triples(facts))})


SHARED = meaning_iri("联排|联劝|联管")


def test_senses_of_plans_sharing_an_expansion_meet_on_one_meaning_as_plans_come_and_go(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    add(store, "a"), add(store, "b"), add(store, "x", ["联防", "联控"])
    refresh_links(store)
    assert links(store) == {("a", SHARED), ("b", SHARED)}  # x's expansion is its own: no meaning node
    add(store, "c")
    refresh_links(store)
    assert links(store) == {("a", SHARED), ("b", SHARED), ("c", SHARED)}  # one link per sense, not per pair
    store.update(f"DROP GRAPH <{document_graph('b')}>")
    refresh_links(store)
    assert links(store) == {("a", SHARED), ("c", SHARED)}
    assert {q.triple for q in store.quads(LINKS_GRAPH)} == link_triples(store)
    store.update(f"DROP GRAPH <{document_graph('c')}>")
    refresh_links(store)
    assert links(store) == set() and not store.ask(f"ASK {{ <{SHARED}> ?p ?o }}")


def test_the_meaning_is_a_skos_concept_with_one_pref_label_naming_its_expansion(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    add(store, "a"), add(store, "b")
    refresh_links(store)
    rows = store.select(f"""SELECT ?label ?scheme WHERE {{ GRAPH <{LINKS_GRAPH}> {{
        <{SHARED}> a <http://www.w3.org/2004/02/skos/core#Concept> ;
          <http://www.w3.org/2004/02/skos/core#prefLabel> ?label ;
          <http://www.w3.org/2004/02/skos/core#inScheme> ?scheme }} }}""")
    assert [(row["label"], row["scheme"]) for row in rows] == [
        ("三联（联排、联劝、联管）", "https://w3id.org/plankg/id/glossary")]


def test_no_write_when_the_links_are_unchanged(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    add(store, "a"), add(store, "b")
    refresh_links(store)
    generation = store.generation()
    refresh_links(store)
    assert store.generation() == generation and links(store) == {("a", SHARED), ("b", SHARED)}
