"""The /sparql endpoint over raw HTTP (FastAPI's TestClient): formats, errors, limits, auth, cache, page."""

from __future__ import annotations

import csv
import io
import json
import threading
from pathlib import Path
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient

from plankg.api.app import create_app
from plankg.graph.store import QueryTimeout

FIXTURE = Path(__file__).parent / "fixtures" / "sparql" / "plan.ttl"
TOKEN = "test-token"
WRITER = {"Authorization": f"Bearer {TOKEN}"}
DEMO = "https://w3id.org/plankg/graph/demo"
PREFIXES = """PREFIX pk: <https://w3id.org/plankg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
GLOSSARY = PREFIXES + 'SELECT ?d WHERE { ?c skos:prefLabel "两通一平"@zh ; skos:definition ?d }'


def make_client(**settings) -> TestClient:
    client = TestClient(create_app(":memory:", token=TOKEN, **settings))
    response = client.put("/store", params={"graph": DEMO}, content=FIXTURE.read_bytes(),
                          headers={**WRITER, "Content-Type": "text/turtle"})
    assert response.status_code == 201, response.text
    return client


@pytest.fixture()
def client():
    return make_client()


def bindings(response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text
    return [{name: term["value"] for name, term in row.items()} for row in response.json()["results"]["bindings"]]


def test_get_query_sees_named_graphs_through_the_union_default_graph(client):
    response = client.get("/sparql", params={"query": GLOSSARY})
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    assert bindings(response) == [{"d": "通水、通路和场地平整"}]


def test_form_and_direct_posts_answer_like_get(client):
    by_form = client.post("/sparql", data={"query": GLOSSARY})
    direct = client.post("/sparql", content=GLOSSARY.encode(), headers={"Content-Type": "application/sparql-query"})
    assert bindings(by_form) == bindings(direct) == [{"d": "通水、通路和场地平整"}]


def test_transitive_prerequisites(client):
    query = PREFIXES + """SELECT ?label WHERE {
      ?t rdfs:label "开工建设" ; pk:requires+ ?p . ?p rdfs:label ?label } ORDER BY ?label"""
    assert [row["label"] for row in bindings(client.get("/sparql", params={"query": query}))] == ["编制路网规划", "落实建设资金"]


@pytest.mark.parametrize("accept, media_type", [
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
])
def test_select_formats(client, accept, media_type):
    response = client.get("/sparql", params={"query": GLOSSARY}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)
    assert "通水、通路和场地平整" in response.text


def test_csv_is_a_table_with_a_header(client):
    query = PREFIXES + "SELECT ?name WHERE { ?a skos:prefLabel ?name . FILTER(STRENDS(STR(?name), \"局\")) } ORDER BY ?name"
    response = client.get("/sparql", params={"query": query, "format": "csv"})
    assert list(csv.reader(io.StringIO(response.text))) == [["name"], ["市交通局"], ["市财政局"]]


def test_ask_as_json_and_xml(client):
    ask = PREFIXES + 'ASK { ?t rdfs:label "开工建设" }'
    assert client.get("/sparql", params={"query": ask}).json()["boolean"] is True
    xml = client.get("/sparql", params={"query": ask}, headers={"Accept": "application/sparql-results+xml"})
    assert "<boolean>true</boolean>" in xml.text


def test_ask_cannot_be_csv(client):
    response = client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": "text/csv"})
    assert response.status_code == 406
    assert "application/sparql-results+json" in response.text


@pytest.mark.parametrize("accept, media_type, marker", [
    (None, "text/turtle", "两通一平"),
    ("application/n-triples", "application/n-triples", "\"两通一平\"@zh .\n"),
    ("application/ld+json", "application/ld+json", '"@id"'),
    ("application/rdf+xml", "application/rdf+xml", "rdf:RDF"),
])
def test_construct_and_describe_formats(client, accept, media_type, marker):
    construct = PREFIXES + "CONSTRUCT { ?c skos:prefLabel ?l } WHERE { ?c a pk:TermSense ; skos:prefLabel ?l }"
    headers = {"Accept": accept} if accept else {}
    response = client.get("/sparql", params={"query": construct}, headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media_type)
    assert marker in response.text
    describe = client.get("/sparql", params={"query": "DESCRIBE <https://w3id.org/plankg/id/plan/demo/sense/1>"},
                          headers=headers)
    assert describe.headers["content-type"].startswith(media_type)
    assert "通水" in describe.text or "\\u901A" in describe.text


def test_jsonld_is_json(client):
    response = client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s a ?o }", "format": "jsonld"})
    assert isinstance(json.loads(response.text), (list, dict))


def test_malformed_query_is_400_with_the_parsers_position(client):
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p }"})
    assert response.status_code == 400
    assert "error at 1:" in response.text  # the position in the client's text, not after the added BASE line


def test_row_cap_names_the_limit_and_how_to_raise_it():
    client = make_client(max_rows=3)
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.status_code == 413
    assert "row cap of 3" in response.text and "--max-rows" in response.text and "LIMIT" in response.text
    assert len(bindings(client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 3"}))) == 3


def test_engine_timeout_names_the_limit_and_how_to_raise_it():
    client = make_client(timeout_s=7)

    def too_slow(*args, **kwargs):
        raise QueryTimeout("the query ran longer than 7 s")

    client.app.state.store.query_raw = too_slow
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.status_code == 503
    assert "7 s timeout" in response.text and "--timeout" in response.text


def test_busy_workers_count_towards_the_timeout_and_do_not_block_the_server():
    client = make_client(timeout_s=0.2)
    release = threading.Event()
    original = client.app.state.store.query_raw

    def stuck(*args, **kwargs):
        release.wait(10)
        return original(*args, **kwargs)

    client.app.state.store.query_raw = stuck
    try:
        response = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
        assert response.status_code == 503 and "--timeout" in response.text
        assert client.get("/sparql", headers={"Accept": "text/html"}).status_code == 200  # the loop still serves
    finally:
        release.set()


def test_updates_need_the_token(client):
    update = 'INSERT DATA { GRAPH <http://ex/g> { <http://ex/s> <http://ex/p> "new" } }'
    anonymous = client.post("/sparql", data={"update": update})
    assert anonymous.status_code == 401 and anonymous.headers["www-authenticate"].startswith("Bearer")
    wrong = client.post("/sparql", data={"update": update}, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    assert client.post("/sparql", data={"update": update}, headers=WRITER).status_code == 204
    assert client.get("/sparql", params={"query": 'ASK { <http://ex/s> <http://ex/p> "new" }'}).json()["boolean"]


def test_a_server_without_token_is_read_only():
    client = TestClient(create_app(":memory:"))
    response = client.post("/sparql", content=b"CLEAR ALL",
                           headers={"Content-Type": "application/sparql-update", **WRITER})
    assert response.status_code == 403 and "--token" in response.text


def test_cached_answers_change_when_the_data_changes(client):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <http://ex/Thing> }"
    assert bindings(client.get("/sparql", params={"query": query})) == [{"n": "0"}]
    insert = "INSERT DATA { GRAPH <http://ex/g> { <http://ex/a> a <http://ex/Thing> } }"
    assert client.post("/sparql", data={"update": insert}, headers=WRITER).status_code == 204
    assert bindings(client.get("/sparql", params={"query": query})) == [{"n": "1"}]
    client.put("/store", params={"graph": "http://ex/g"}, content=b"<http://ex/a> a <http://ex/Other> .",
               headers={**WRITER, "Content-Type": "text/turtle"})
    assert bindings(client.get("/sparql", params={"query": query})) == [{"n": "0"}]


def test_relative_iris_resolve_against_the_endpoint(client):
    update = "INSERT DATA { GRAPH <http://ex/base> { <http://ex/s> <http://ex/p> <test> } }"
    assert client.post("/sparql/", content=update.encode(), headers={
        "Content-Type": "application/sparql-update", **WRITER}).status_code == 204
    rows = bindings(client.get("/sparql", params={"query": "SELECT ?o { <http://ex/s> <http://ex/p> ?o }"}))
    assert rows == [{"o": "http://testserver/sparql/test"}]


def test_cors_on_reads(client):
    response = client.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "http://elsewhere.example"})
    assert response.headers["access-control-allow-origin"] == "*"
    preflight = client.options("/sparql", headers={"Origin": "http://elsewhere.example",
                                                   "Access-Control-Request-Method": "POST"})
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "authorization" not in preflight.headers["access-control-allow-headers"].lower()


def test_other_methods_are_refused(client):
    assert client.put("/sparql", params={"query": "ASK {}"}).status_code == 405


def test_query_page_shows_limits_and_works_offline():
    client = make_client(timeout_s=12, max_rows=345)
    page = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "12 s" in page.text and "345" in page.text
    assert "http://" not in page.text.replace("http://www.w3.org", "") and "https://" not in page.text
    script = client.get("/static/sparql/sparql.js")
    assert script.status_code == 200 and "pk:requires+" in script.text
    assert "innerHTML" not in script.text and "insertAdjacentHTML" not in script.text
    assert client.get("/static/sparql/sparql.css").status_code == 200
    assert client.get("/static/sparql/../app.py").status_code == 404


def test_programs_get_a_service_description(client):
    response = client.get("/sparql")
    assert response.headers["content-type"].startswith("text/turtle")
    assert "sd:Service" in response.text and "sd:UnionDefaultGraph" in response.text


# --- AnswerCache: the fast path for repeated queries ---------------------------------------------------------------


def count_evaluations(client) -> list[int]:
    """A one-element list counting the queries that reach the engine (cache hits never do)."""
    from plankg.api.sparql import sparql_service

    service = sparql_service(client.app)
    original = service._evaluate
    calls = [0]

    def counted(*args):
        calls[0] += 1
        return original(*args)

    service._evaluate = counted
    return calls


@pytest.mark.parametrize("method, kwargs", [
    ("GET", {"params": {"query": GLOSSARY}}),
    ("GET", {"params": {"query": GLOSSARY}, "headers": {"Accept": "text/csv"}}),
    ("POST", {"data": {"query": GLOSSARY}}),
    ("POST", {"content": GLOSSARY.encode(), "headers": {"Content-Type": "application/sparql-query"}}),
    ("GET", {"params": {"query": "CONSTRUCT WHERE { ?s a ?o }"}, "headers": {"Accept": "text/turtle"}}),
])
def test_a_repeated_query_is_replayed_with_the_same_bytes_and_headers(client, method, kwargs):
    calls = count_evaluations(client)
    first = client.request(method, "/sparql", **kwargs)
    second = client.request(method, "/sparql", **kwargs)
    assert first.status_code == second.status_code == 200
    assert calls == [1]  # the second answer did not reach the engine
    assert second.content == first.content and second.headers.multi_items() == first.headers.multi_items()
    assert second.headers["access-control-allow-origin"] == "*"


def test_the_replay_key_tells_apart_what_the_answer_depends_on(client):
    calls = count_evaluations(client)
    json_answer = client.get("/sparql", params={"query": GLOSSARY})
    xml_answer = client.get("/sparql", params={"query": GLOSSARY}, headers={"Accept": "application/sparql-results+xml"})
    assert json_answer.headers["content-type"] != xml_answer.headers["content-type"]
    relative = "SELECT ?iri WHERE { BIND(<x> AS ?iri) }"
    here = bindings(client.get("/sparql", params={"query": relative}))
    elsewhere = bindings(client.get("/sparql", params={"query": relative}, headers={"Host": "other.example"}))
    # Relative to the endpoint http://<host>/sparql, <x> is http://<host>/x.
    assert here == [{"iri": "http://testserver/x"}] and elsewhere == [{"iri": "http://other.example/x"}]
    # The same Accept headers in another order are another request: the first one counts.
    both = [("Accept", "text/csv"), ("Accept", "application/sparql-results+xml")]
    csv_first = client.get("/sparql", params={"query": GLOSSARY}, headers=both)
    xml_first = client.get("/sparql", params={"query": GLOSSARY}, headers=both[::-1])
    assert csv_first.headers["content-type"].startswith("text/csv")
    assert xml_first.headers["content-type"].startswith("application/sparql-results+xml")
    assert calls == [6]


def test_errors_and_updates_are_never_replayed(client):
    calls = count_evaluations(client)
    for _ in range(2):
        assert client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p }"}).status_code == 400
    assert calls == [2]
    update = 'INSERT DATA { GRAPH <http://ex/g> { <http://ex/s> <http://ex/p> "again" } }'
    assert client.post("/sparql", data={"update": update}).status_code == 401
    assert client.post("/sparql", data={"update": update}, headers=WRITER).status_code == 204


def test_writes_that_bypass_the_server_are_seen_once_the_generation_is_re_read(client, monkeypatch):
    from plankg.api import sparql

    monkeypatch.setattr(sparql, "GENERATION_TTL_S", 0.0)  # as if every request came a second after the last
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <http://ex/Thing> }"
    assert bindings(client.get("/sparql", params={"query": query})) == [{"n": "0"}]
    client.app.state.store.update("INSERT DATA { GRAPH <http://ex/g> { <http://ex/a> a <http://ex/Thing> } }")
    assert bindings(client.get("/sparql", params={"query": query})) == [{"n": "1"}]


def test_the_answer_cache_keeps_to_its_byte_budget(client, monkeypatch):
    from plankg.api import sparql

    calls = count_evaluations(client)
    first = PREFIXES + "SELECT ?l WHERE { ?c skos:prefLabel ?l } ORDER BY ?l"
    second = PREFIXES + "SELECT ?l WHERE { ?c skos:prefLabel ?l } ORDER BY DESC(?l)"
    entry = len(client.get("/sparql", params={"query": first}).content) + len(urlencode({"query": first}))
    monkeypatch.setattr(sparql, "CACHE_BYTES", entry + entry // 2)  # room for one answer and its request, not two
    client.get("/sparql", params={"query": second})
    client.get("/sparql", params={"query": second})
    assert calls == [2]  # the second answer was kept
    client.get("/sparql", params={"query": first})
    assert calls == [3]  # the first one was dropped to make room



def test_openapi_operation_ids_are_unique(client):
    """One route per method: generic OpenAPI clients need every operation id to be unique."""
    schema = client.get("/openapi.json").json()
    ids = [operation["operationId"] for path in schema["paths"].values() for operation in path.values()]
    assert len(ids) == len(set(ids))
    assert {"get", "post"} <= set(schema["paths"]["/sparql"])
    assert {"get", "put", "post", "delete"} <= set(schema["paths"]["/store"])
