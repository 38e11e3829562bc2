"""What a researcher sees on the pages, on plans of our own wording: a plan that prints no title is named by a
derived label everywhere a plan is named (and the RDF says it is derived), a collective's search hits name their
plan, and the concept map of all plans draws the concepts several plans share."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from plankg.api.app import create_app
from plankg.graph.build import build_graph
from plankg.graph.rdf import UNTITLED, untitled_label
from plankg.graph.vocab import SPARQL_PREFIXES
from plankg.ingest.facts import PlanMeta

PLANS = {
    # a work summary that opens with its text: no title is printed
    "summary": ("2023年，县民政局在县委、县政府的坚强领导下，扎实推进各项工作，现总结如下。\n一、主要工作\n"
                "（一）兜牢民生底线。深化“三社联动”机制。各有关部门按职责分工负责。\n"
                "（二）完善养老服务。建设“长者食堂”，推广“时间银行”。\n"),
    "plan": ("云溪县2024年民政工作要点\n一、重点任务\n（一）推进“三社联动”机制。各有关部门按职责分工负责。\n"
             "（二）建设“邻里中心”。县民政局负责。\n"),
}
TITLE = "云溪县2024年民政工作要点"
ID = "https://w3id.org/plankg/id/"


@pytest.fixture(scope="module")
def location(tmp_path_factory: pytest.TempPathFactory) -> str:
    docs = tmp_path_factory.mktemp("names-docs")
    for doc, text in PLANS.items():
        (docs / f"{doc}.txt").write_text(text, encoding="utf-8")
    location = tmp_path_factory.mktemp("names-store")
    report = build_graph([docs], str(location), progress=False)
    assert not report.failed, report.failed
    return str(location)


@pytest.fixture(scope="module")
def client(location: str) -> TestClient:
    return TestClient(create_app(location))


def plan_iris(client: TestClient) -> dict[str, str]:
    """Plan label -> IRI, from the plan list."""
    return {item["label"]: item["iri"] for item in client.get("/api/plans").json()["items"]}


def untitled(client: TestClient) -> str:
    return next(label for label in plan_iris(client) if label.endswith(UNTITLED))


@pytest.mark.parametrize("meta, expected", [
    (PlanMeta(title="", issuer="市公安局", period_start=2022, period_end=2022, kind="工作总结"),
     "市公安局 2022年 工作总结 (untitled)"),
    (PlanMeta(title="", issuer="某县人民政府", period_start=2021, period_end=2025), "某县人民政府 2021—2025年 (untitled)"),
    (PlanMeta(title=""), "notes-2023.txt (untitled)"),
])
def test_an_untitled_plan_is_named_by_its_issuer_period_and_kind_or_its_file(meta, expected) -> None:
    assert untitled_label(meta, "docs/notes-2023.txt") == expected


def test_the_rdf_prints_no_title_for_an_untitled_plan_and_says_its_label_is_derived(client: TestClient) -> None:
    rows = select(client, "SELECT ?title ?label ?note WHERE { ?plan a pk:Plan OPTIONAL { ?plan dcterms:title ?title } "
                          "OPTIONAL { ?plan rdfs:label ?label } OPTIONAL { ?plan skos:editorialNote ?note } }")
    found = {(row.get("title", {}).get("value"), row.get("label", {}).get("value"), "note" in row) for row in rows}
    assert found == {(None, "县民政局 (untitled)", True), (TITLE, None, False)}  # no title printed, none written


def select(client: TestClient, query: str) -> list[dict]:
    """The SPARQL endpoint's JSON bindings (the app holds the store open)."""
    answer = client.get("/sparql", params={"query": SPARQL_PREFIXES + query},
                        headers={"Accept": "application/sparql-results+json"})
    assert answer.status_code == 200, answer.text
    return answer.json()["results"]["bindings"]


def test_the_plan_list_and_home_page_name_the_untitled_plan(client: TestClient) -> None:
    assert untitled(client) == "县民政局 (untitled)"
    home = client.get("/").text
    assert "县民政局 (untitled)" in home and TITLE in home
    assert not re.search(r">https://w3id\.org/plankg/id/plan/[^<]*<", home)  # no plan shown by its IRI


def test_the_plan_page_and_api_name_the_untitled_plan_without_a_title(client: TestClient) -> None:
    iri = plan_iris(client)[untitled(client)]
    detail = client.get("/api/plans/summary").json()
    assert detail["label"] == "县民政局 (untitled)" and "title" not in detail
    page = client.get("/id/" + iri[len(ID):]).text
    assert "<title>县民政局 (untitled)" in page


def test_search_names_the_untitled_plan_by_its_label(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "县民政局", "type": "plan"}).json()["items"]
    assert [hit["label"] for hit in hits] == ["县民政局 (untitled)"]
    said = client.get("/search", params={"q": "兜牢民生底线"}).text
    section = said.split('id="said"', 1)[1]
    assert "县民政局 (untitled)" in section and "https://w3id.org/plankg/id/plan/" not in section


def test_task_and_term_pages_name_the_untitled_plan(client: TestClient) -> None:
    term = client.get(f"/api/terms/{quote('长者食堂')}").json()
    named = {str(value.get("label")) for value in _plan_refs(term)}
    assert "县民政局 (untitled)" in named and not any(label.startswith("https://") for label in named)


def _plan_refs(value: object):
    """Every plan reference inside an API answer."""
    if isinstance(value, dict):
        if value.get("type") == "plan":
            yield value
        for inner in value.values():
            yield from _plan_refs(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _plan_refs(inner)


def test_collective_hits_in_search_name_their_plan(client: TestClient) -> None:
    hits = [hit for hit in client.get("/api/search", params={"q": "各有关部门"}).json()["items"]
            if hit["type"] == "agency"]
    assert len(hits) == 2 and len({hit["label"] for hit in hits}) == 1
    assert sorted(hit["plan"]["label"] for hit in hits) == sorted([TITLE, "县民政局 (untitled)"])
    page = client.get("/search", params={"q": "各有关部门"}).text
    assert page.count('<span class="context">in <a href="/id/plan/') == 2


def test_the_concept_map_of_all_plans_draws_the_concepts_they_share(client: TestClient) -> None:
    shared = client.get("/api/views/concepts").json()
    concepts = {n["fullLabel"] for n in shared["nodes"] if n["group"] != "plan"}
    assert "三社联动" in concepts and not concepts & {"长者食堂", "时间银行", "邻里中心"}  # each in one plan only
    assert shared["filters"]["minPlans"] == 2 and "not drawn" in shared["message"]
    everything = client.get("/api/views/concepts", params={"min_plans": 1}).json()
    assert {"三社联动", "长者食堂", "时间银行", "邻里中心"} <= {n["fullLabel"] for n in everything["nodes"]}


def test_one_plans_concept_map_draws_all_its_concepts(client: TestClient) -> None:
    iri = plan_iris(client)[untitled(client)]
    own = client.get("/api/views/concepts", params={"plan": iri}).json()
    assert {"三社联动", "长者食堂", "时间银行"} <= {n["fullLabel"] for n in own["nodes"]}
    assert own["filters"]["minPlans"] == 1


def test_the_concept_page_offers_the_shared_by_control_only_for_all_plans(client: TestClient) -> None:
    page = client.get("/view/concepts").text
    assert re.search(r'name="min_plans" type="number" min="1" max="1000" value="2"', page)
    chosen = client.get("/view/concepts", params={"plan": plan_iris(client)[TITLE]}).text
    assert 'name="min_plans"' not in chosen
    assert client.get("/view/concepts", params={"min_plans": "1"}).status_code == 200
    assert client.get("/view/concepts", params={"min_plans": "0"}).status_code == 422
