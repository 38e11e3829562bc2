"""facts_to_triples on hand-made facts: the RDF model of docs/DESIGN.md, provenance on every fact."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from plankg.graph.rdf import facts_to_triples, target_label
from plankg.graph.vocab import SPARQL_PREFIXES, agency_iri, collective_agency_iri, plan_iri, term_iri
from plankg.ingest.facts import (
    AgencyRef, CitedDocument, Document, DocumentFacts, Due, Heading, Mention, PlanMeta, Prerequisite,
    Responsibility, Span, Target, Task, TermSense,
)

TEXT = (
    "某市推进“三联”工作的实施方案\n"
    "一、主要任务\n"
    "(一)建设综合指挥中心。依托综合指挥中心推进联排、联劝、联管“三联”工作机制,2022年6月底前完成,由市公安局牵头。\n"
    "(二)群众满意度达到95%以上。\n"
)


def span_of(text: str, start_at: int = 0) -> Span:
    start = TEXT.index(text, start_at)
    return Span(start, start + len(text))


def make_facts(doc_id: str = "plan-a", expansion: list[str] | None = None) -> DocumentFacts:
    sentence = span_of("依托综合指挥中心推进联排、联劝、联管“三联”工作机制,2022年6月底前完成,由市公安局牵头。")
    police = AgencyRef("某市公安局", "市公安局", span_of("市公安局"), role="lead")
    document = Document(id=doc_id, source=f"/corpus/{doc_id}.txt", sha256="a" * 64, format="txt", text=TEXT)
    plan = PlanMeta(title="某市推进“三联”工作的实施方案", issuer="某市人民政府", doc_number="某政发〔2021〕3号",
                    issued="2021-03-01", period_start=2021, period_end=2025, kind="实施方案",
                    cited=[CitedDocument("关于加强治安防控的意见", "某办发〔2020〕1号", span_of("三联"))],
                    evidence={"title": span_of("某市推进“三联”工作的实施方案")})
    headings = [Heading("h1", 1, "cn-dun", "一、", "主要任务", span_of("一、主要任务"), Span(0, len(TEXT))),
                Heading("h2", 2, "paren-cn", "(一)", "建设综合指挥中心", span_of("(一)建设综合指挥中心"),
                        span_of("(一)建设综合指挥中心"), parent="h1")]
    task = Task("t1", "(一)", "建设综合指挥中心", "依托综合指挥中心推进…", span_of("(一)建设综合指挥中心。"),
                heading="h2", due=Due("2022年6月底前", 2022, 6, "2022-06-30", span_of("2022年6月底前")),
                agencies=[police])
    return DocumentFacts(
        document=document, plan=plan, headings=headings, tasks=[task],
        responsibilities=[Responsibility(police, "推进“三联”工作机制", "由X牵头", span_of("由市公安局牵头"), sentence, "t1")],
        agencies=[police],
        terms=[TermSense("g1", "三联", "inline", "联排、联劝、联管", expansion or ["联排", "联劝", "联管"],
                         span_of("联排、联劝、联管“三联”"), sentence, declared_count=3, count_agrees=True)],
        mentions=[Mention("综合指挥中心", "system", span_of("综合指挥中心", 20), sentence, system_kind="中心"),
                  Mention("三联", "term", span_of("三联", 40), sentence)],
        prerequisites=[Prerequisite("推进“三联”工作机制", "综合指挥中心", "依托X", "listed", sentence, sentence,
                                    dependent_task="t1")],
        targets=[Target("群众满意度", "≥", 95.0, "%", 2025, "达到95%以上", span_of("达到95%以上"),
                        span_of("(二)群众满意度达到95%以上。"), nature="binding")],
    )


@pytest.fixture(scope="module")
def store() -> ox.Store:
    graph = ox.NamedNode("https://example.org/g")
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in facts_to_triples(make_facts()))
    return store


def ask(store: ox.Store, where: str) -> bool:
    return bool(store.query(f"{SPARQL_PREFIXES} ASK {{ {where} }}", use_default_graph_as_union=True))


def select(store: ox.Store, query: str) -> list[list[str]]:
    rows = store.query(SPARQL_PREFIXES + query, use_default_graph_as_union=True)
    return [[term.value if term is not None else None for term in row] for row in rows]


def test_plan_metadata_and_cited_document(store):
    plan = plan_iri("plan-a")
    assert ask(store, f"""<{plan}> a pk:Plan, prov:Entity ; dcterms:title "某市推进“三联”工作的实施方案"@zh ;
        dcterms:identifier "某政发〔2021〕3号" ; dcterms:issued "2021-03-01"^^xsd:date ;
        pk:periodStart "2021"^^xsd:gYear ; pk:periodEnd "2025"^^xsd:gYear ; pk:kind "实施方案"@zh ;
        dcterms:publisher ?issuer ; dcterms:references ?cited . ?issuer a org:Organization .
        ?cited dcterms:title "关于加强治安防控的意见"@zh ; dcterms:identifier "某办发〔2020〕1号" """)


def test_every_fact_has_plan_and_exact_evidence(store):
    plan = plan_iri("plan-a")
    rows = select(store, f"""SELECT ?fact ?exact WHERE {{
        VALUES ?type {{ pk:Section pk:Task pk:Responsibility pk:TermSense pk:Mention pk:Prerequisite pk:Target }}
        ?fact a ?type . OPTIONAL {{ ?fact prov:wasDerivedFrom <{plan}> ; pk:evidence/oa:exact ?exact }} }}""")
    assert len(rows) == 2 + 1 + 1 + 1 + 3 + 1 + 1  # headings, task, duty, sense, 2 mentions + 1 agency mention, …
    assert all(exact for _, exact in rows)


def test_evidence_selector_quotes_the_source_span(store):
    start = TEXT.index("达到95%以上")
    rows = select(store, """SELECT ?s ?e ?exact ?sentence WHERE { ?t a pk:Target ; pk:evidence ?sel .
        ?sel oa:start ?s ; oa:end ?e ; oa:exact ?exact ; pk:sentence ?sentence }""")
    assert rows == [[str(start), str(start + 7), "达到95%以上", "(二)群众满意度达到95%以上。"]]


def test_task_due_agency_and_place_in_outline(store):
    rows = select(store, f"""SELECT ?title ?date ?year ?lead ?parent WHERE {{ ?t a pk:Task, p-plan:Step ;
        rdfs:label ?title ; pk:dueDate ?date ; pk:dueYear ?year ; pk:leadAgency ?lead ;
        dcterms:isPartOf ?parent ; p-plan:isStepOfPlan <{plan_iri("plan-a")}> }}""")
    assert rows == [["建设综合指挥中心", "2022-06-30", "2022", agency_iri("某市公安局"),
                     plan_iri("plan-a") + "/heading/h2"]]
    assert ask(store, f"""<{agency_iri("某市公安局")}> skos:prefLabel "某市公安局"@zh ; skos:altLabel "市公安局"@zh""")


def test_term_sense_components_and_shared_term_node(store):
    rows = select(store, """SELECT ?item WHERE { ?sense a pk:TermSense ; pk:component ?c .
        ?c skos:prefLabel ?item ; pk:index ?i ; skos:broader ?sense } ORDER BY ?i""")
    assert [row[0] for row in rows] == ["联排", "联劝", "联管"]
    assert ask(store, f"""?sense pk:senseOf <{term_iri("“三联”")}> ; pk:termKind "inline" ;
        pk:declaredCount 3 ; pk:countAgrees true ; skos:definition "联排、联劝、联管"@zh .
        ?mention pk:mentionOf <{term_iri("三联")}> """)


def test_prerequisite_sides_task_system_and_direct_edge(store):
    task = plan_iri("plan-a") + "/task/t1"
    rows = select(store, "SELECT ?dep ?pre ?cue WHERE { ?p a pk:Prerequisite ; pk:dependent ?dep ; "
                         "pk:prerequisite ?pre ; pk:cue ?cue . ?pre a pk:NamedSystem }")
    assert len(rows) == 1 and rows[0][0] == task and rows[0][2] == "依托X"
    assert ask(store, f"<{task}> pk:requires <{rows[0][1]}> ; pk:reliesOn <{rows[0][1]}>")


def test_prerequisite_side_that_is_neither_task_nor_system_becomes_goal():
    facts = make_facts()
    facts.prerequisites[0].dependent_task = None
    triples = list(facts_to_triples(facts))
    goals = {t.subject.value for t in triples if t.object == ox.NamedNode("https://w3id.org/plankg/ontology#Goal")}
    assert len(goals) == 1 and "/goal/" in goals.pop()


def test_target_value_is_a_decimal(store):
    assert ask(store, """?t pk:value 95.0 ; pk:comparator "≥" ; pk:unit "%" ; pk:targetYear "2025"^^xsd:gYear""")


def test_a_target_carries_its_nature_and_a_target_without_one_carries_none():
    facts = make_facts()
    facts.targets.append(Target("群众知晓率", "≥", 90.0, "%", 2025, "90%", span_of("95%"), span_of("95%")))
    graph = ox.NamedNode("https://example.org/g")
    written = ox.Store()
    written.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in facts_to_triples(facts))
    rows = select(written, """SELECT ?indicator ?nature WHERE { ?t a pk:Target ; pk:indicator ?indicator
                              OPTIONAL { ?t pk:nature ?nature } } ORDER BY ?indicator""")
    assert sorted(rows) == [["群众满意度", "binding"], ["群众知晓率", None]]


def test_no_triple_is_written_twice():
    triples = list(facts_to_triples(make_facts()))
    assert len(triples) == len(set(triples))


def test_a_collective_agency_is_marked_and_a_single_organ_is_not():
    facts = make_facts()
    collective = AgencyRef("各有关部门", "各有关部门", span_of("联排"), collective=True)
    facts.responsibilities.append(Responsibility(collective, "按职责分工负责", "X负责", span_of("联排"), span_of("联排")))
    graph = ox.NamedNode("https://example.org/g")
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in facts_to_triples(facts))
    own = collective_agency_iri("plan-a", "各有关部门")
    assert own.startswith(plan_iri("plan-a") + "/agency/")
    assert ask(store, f"""?duty pk:agency <{own}> . <{own}> pk:collective true ; skos:prefLabel "各有关部门"@zh""")
    assert not ask(store, f"""<{agency_iri("各有关部门")}> ?p ?o""")
    assert not ask(store, f"""<{agency_iri("某市公安局")}> pk:collective ?any""")


def test_a_collective_is_one_node_per_plan_and_an_organ_one_node_for_all() -> None:
    graph = ox.NamedNode("https://example.org/g")
    written = ox.Store()
    for doc in ("plan-a", "plan-b"):
        facts = make_facts(doc)
        collective = AgencyRef("各有关部门", "各有关部门", span_of("联排"), collective=True)
        facts.agencies.append(collective)
        written.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in facts_to_triples(facts))
    rows = select(written, """SELECT ?agency (COUNT(?plan) AS ?plans) WHERE {
                                ?agency a org:Organization ; prov:wasDerivedFrom ?plan } GROUP BY ?agency""")
    plans = {agency: int(count) for agency, count in rows}
    assert plans[collective_agency_iri("plan-a", "各有关部门")] == 1
    assert plans[collective_agency_iri("plan-b", "各有关部门")] == 1
    assert plans[agency_iri("某市公安局")] == 2
    mentions = select(written, """SELECT ?of WHERE { ?m pk:mentionOf ?of . ?of pk:collective true }""")
    assert sorted(of for (of,) in mentions) == sorted(collective_agency_iri(d, "各有关部门") for d in ("plan-a", "plan-b"))


def test_the_label_of_a_mentioned_collective_is_read_from_its_iri() -> None:
    assert target_label(collective_agency_iri("plan-a", "各有关部门")) == ("agency", "各有关部门")
    assert target_label(agency_iri("某市公安局")) == ("agency", "某市公安局")
