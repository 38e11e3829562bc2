"""The holders of a post (AgencyRef.person: 相关部门负责人) are one plan's org:Post, never an org:Organization: in
the RDF, the SHACL shapes and the analysis export."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from plankg.graph.embedded import EmbeddedStore
from plankg.graph.export import analysis_form
from plankg.graph.rdf import facts_to_triples, target_label
from plankg.graph.validate import store_graph, validate
from plankg.graph.vocab import SPARQL_PREFIXES, document_graph, plan_iri, post_iri
from plankg.ingest.facts import AgencyRef, Responsibility, Span

from test_graph_rdf import TEXT, make_facts

POST = "牵头单位主要负责同志"


def with_post(doc: str):
    """The fixture plan, whose first task a post answers for too (its words stand in for the post's span)."""
    facts = make_facts(doc)
    start = TEXT.index("建设综合指挥中心")
    holder = AgencyRef(POST, POST, Span(start, start + 8), person=True)
    facts.tasks[0].agencies.append(holder)
    facts.agencies.append(holder)
    facts.responsibilities.append(Responsibility(holder, "督促项目建设", "负责", holder.span, holder.span, "t1"))
    return facts


@pytest.fixture(scope="module")
def store() -> EmbeddedStore:
    store = EmbeddedStore(":memory:")
    store.replace_graphs({document_graph(doc): list(facts_to_triples(with_post(doc))) for doc in ("plan-a", "plan-b")})
    return store


def ask(store: EmbeddedStore, where: str) -> bool:
    return store.ask(f"{SPARQL_PREFIXES} ASK {{ {where} }}")


def test_a_post_is_its_plan_s_own_org_post(store: EmbeddedStore) -> None:
    post = post_iri("plan-a", POST)
    assert post.startswith(plan_iri("plan-a") + "/post/")
    assert ask(store, f"""<{post}> a org:Post ; skos:prefLabel "{POST}"@zh ; prov:wasDerivedFrom <{plan_iri("plan-a")}> .
                          ?task pk:responsibleAgency <{post}> . ?duty pk:agency <{post}> . ?m pk:mentionOf <{post}>""")
    assert not ask(store, f"<{post}> a org:Organization")
    assert not ask(store, f"<{post}> prov:wasDerivedFrom <{plan_iri('plan-b')}>")  # plan-b has its own
    assert target_label(post) == ("agency", POST)


def test_posts_conform_to_the_shapes_and_a_post_typed_as_an_organization_does_not(store: EmbeddedStore) -> None:
    graph = store_graph(store)
    conforms, report = validate(graph)
    assert conforms, report
    graph.parse(data=f"<{post_iri('plan-a', POST)}> a <http://www.w3.org/ns/org#Organization> .", format="turtle")
    conforms, report = validate(graph)
    assert not conforms and "no organization" in report


def test_the_export_marks_posts_and_keeps_them_out_of_term_mentions(store: EmbeddedStore) -> None:
    form = analysis_form(store)
    posts = [agency for agency in form["agencies"] if agency["person"]]
    assert [(a["id"], a["name"], a["plans"], a["collective"]) for a in posts] == [
        (post_iri(doc, POST), POST, [plan_iri(doc)], False) for doc in ("plan-a", "plan-b")]
    assert posts[0]["responsibilities"] == [{"text": "督促项目建设", "evidence": "建设综合指挥中心"}]
    assert all(agency["person"] is False for agency in form["agencies"] if agency["name"] != POST)
    assert POST in form["tasks"][0]["agencies"]
    assert all(mention["term"] != POST for mention in form["mentions"])


def test_a_task_s_agency_of_another_kind_breaks_the_shapes() -> None:
    """sh:or lets a task's agency be an organization or a post, nothing else."""
    store = EmbeddedStore(":memory:")
    triples = list(facts_to_triples(make_facts()))
    task = ox.NamedNode(plan_iri("plan-a") + "/task/t1")
    triples.append(ox.Triple(task, ox.NamedNode("https://w3id.org/plankg/ontology#responsibleAgency"),
                             ox.NamedNode(plan_iri("plan-a") + "/glossary")))
    store.replace_graphs({document_graph("plan-a"): triples})
    conforms, report = validate(store_graph(store))
    assert not conforms and "organization or a post" in report
