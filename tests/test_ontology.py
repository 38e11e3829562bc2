"""The ontology documents every term the graph uses; the SHACL shapes accept the built graph and reject a broken one."""

from __future__ import annotations

import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from plankg.graph.embedded import EmbeddedStore
from plankg.graph.rdf import facts_to_triples
from plankg.graph.validate import store_graph, validate
from plankg.graph.vocab import PK
from plankg.ontology import ONTOLOGY

from test_graph_rdf import make_facts


def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY)


def declared(graph: rdflib.Graph) -> set[rdflib.URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {s for kind in kinds for s in graph.subjects(RDF.type, kind) if str(s).startswith(str(PK))}


def test_every_term_has_zh_and_en_label_and_a_comment():
    graph = ontology()
    assert len(declared(graph)) > 40
    for term in declared(graph):
        languages = {label.language for label in graph.objects(term, RDFS.label)}
        assert languages == {"zh", "en"}, term
        assert graph.value(term, RDFS.comment), term


def test_every_pk_term_in_the_graph_is_declared(built_store):
    used = set()
    for quad in EmbeddedStore(built_store).quads():
        used |= {t.value for t in (quad.predicate, quad.object) if t.value.startswith(str(PK))}
    fixture_terms = {t.value for triple in facts_to_triples(make_facts()) for t in (triple.predicate, triple.object)
                     if t.value.startswith(str(PK))}
    assert (used | fixture_terms) - {str(t) for t in declared(ontology())} == set()


def test_built_sample_corpus_conforms(built_store):
    conforms, report = validate(store_graph(EmbeddedStore(built_store)))
    assert conforms, report


def test_fixture_facts_conform():
    graph = rdflib.Graph()
    for triple in facts_to_triples(make_facts()):
        graph.parse(data=str(triple) + " .", format="nt")
    conforms, report = validate(graph)
    assert conforms, report


BROKEN = """
@prefix pk: <https://w3id.org/plankg/ontology#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix p-plan: <http://purl.org/net/p-plan#> .
<https://example.org/plan> a pk:Plan ; dcterms:source "x.txt" ; pk:sha256 "not-a-hash" .
<https://example.org/task> a pk:Task ; p-plan:isStepOfPlan <https://example.org/plan> ;
    dcterms:isPartOf <https://example.org/plan> ; prov:wasDerivedFrom <https://example.org/plan> ;
    pk:evidence <https://example.org/ev> .
<https://example.org/ev> a oa:TextQuoteSelector ; oa:start 9 ; oa:end 3 ; oa:exact "文本"@zh ;
    dcterms:isPartOf <https://example.org/plan> .
<https://example.org/sense> a pk:TermSense ; skos:prefLabel "四联"@zh ; pk:termKind "guessed" ;
    prov:wasDerivedFrom <https://example.org/plan> ; pk:evidence <https://example.org/ev> .
<https://example.org/target> a pk:Target ; pk:targetKind "target" ; pk:comparator "大约" ; pk:indicator "率"@zh ;
    pk:value 1.0 ; pk:nature "mandatory" ; prov:wasDerivedFrom <https://example.org/plan> ; pk:evidence <https://example.org/ev> .
"""


def test_broken_graph_fails_with_a_readable_report():
    conforms, report = validate(rdflib.Graph().parse(data=BROKEN, format="turtle"))
    assert not conforms
    assert report.startswith("does not conform")
    for expected in ("dcterms:title", "pk:sha256", "rdfs:label", "oa:start", "pk:senseOf", "pk:termKind",
                     "<https://example.org/task>"):
        assert expected in report, expected
    assert "guessed" in report and "comparator among" in report
    assert "mandatory" in report and "binding or expected" in report
