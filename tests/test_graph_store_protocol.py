"""The Graph Store HTTP Protocol at /store: targets, negotiation, status codes, and writes behind the token."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from plankg.api.app import create_app

TOKEN = "gsp"
WRITER = {"Authorization": f"Bearer {TOKEN}"}
GRAPH = "http://example.org/graph/one"
TURTLE = '@prefix ex: <http://example.org/> . ex:s ex:p "甲"@zh .'.encode()


@pytest.fixture()
def client():
    return TestClient(create_app(":memory:", token=TOKEN))


def put(client, data=TURTLE, media_type="text/turtle", graph=GRAPH, headers=WRITER):
    return client.put("/store", params={"graph": graph}, content=data, headers={**headers, "Content-Type": media_type})


def test_put_creates_then_replaces(client):
    assert put(client).status_code == 201
    assert put(client, '<http://example.org/s> <http://example.org/p> "乙" .\n'.encode(), "application/n-triples").status_code == 204
    body = client.get("/store", params={"graph": GRAPH}, headers={"Accept": "application/n-triples"}).text
    assert '"乙"' in body and '"甲"' not in body


def test_post_adds(client):
    assert client.post("/store", params={"graph": GRAPH}, content=TURTLE,
                       headers={**WRITER, "Content-Type": "text/turtle"}).status_code == 201
    more = b'<http://example.org/s> <http://example.org/p> "\xe4\xb9\x99" .\n'
    assert client.post("/store", params={"graph": GRAPH}, content=more,
                       headers={**WRITER, "Content-Type": "application/n-triples"}).status_code == 204
    triples = list(ox.parse(client.get("/store", params={"graph": GRAPH}).content, format=ox.RdfFormat.TURTLE))
    assert sorted(t.object.value for t in triples) == ["乙", "甲"]


@pytest.mark.parametrize("accept, media_type", [
    ("text/turtle", "text/turtle"), ("application/n-triples", "application/n-triples"),
    ("application/ld+json", "application/ld+json"), ("application/rdf+xml", "application/rdf+xml"),
])
def test_get_negotiates(client, accept, media_type):
    put(client)
    response = client.get("/store", params={"graph": GRAPH}, headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(media_type)
    assert "甲" in response.text
    head = client.head("/store", params={"graph": GRAPH}, headers={"Accept": accept})
    assert head.status_code == 200 and head.headers["content-type"].startswith(media_type) and not head.content


def test_get_unacceptable_type_is_406(client):
    put(client)
    assert client.get("/store", params={"graph": GRAPH}, headers={"Accept": "image/png"}).status_code == 406


def test_missing_graph_is_404(client):
    assert client.get("/store", params={"graph": "http://example.org/none"}).status_code == 404
    assert client.delete("/store", params={"graph": "http://example.org/none"}, headers=WRITER).status_code == 404


def test_delete(client):
    put(client)
    assert client.delete("/store", params={"graph": GRAPH}, headers=WRITER).status_code == 204
    assert client.get("/store", params={"graph": GRAPH}).status_code == 404


def test_default_graph(client):
    response = client.put("/store?default", content=TURTLE, headers={**WRITER, "Content-Type": "text/turtle"})
    assert response.status_code == 204  # the default graph always exists
    assert "甲" in client.get("/store?default").text


def test_whole_dataset_as_nquads(client):
    put(client)
    quads = list(ox.parse(client.get("/store", headers={"Accept": "application/n-quads"}).content,
                          format=ox.RdfFormat.N_QUADS))
    assert any(q.graph_name == ox.NamedNode(GRAPH) and q.object.value == "甲" for q in quads)


def test_writes_need_the_token(client):
    assert put(client, headers={}).status_code == 401
    assert put(client, headers={"Authorization": "Bearer wrong"}).status_code == 403
    assert client.delete("/store", params={"graph": GRAPH}).status_code == 401
    assert client.get("/store", params={"graph": GRAPH}).status_code == 404  # nothing was written


@pytest.mark.parametrize("params, media_type, data, status", [
    ({"graph": GRAPH}, "text/plain; charset=utf-8", TURTLE, 415),
    ({"graph": GRAPH}, "image/png", b"x", 415),
    ({"graph": GRAPH}, "text/turtle", b"this is not turtle", 400),
    ({}, "text/turtle", TURTLE, 400),  # no target
])
def test_bad_uploads(client, params, media_type, data, status):
    response = client.put("/store", params=params, content=data, headers={**WRITER, "Content-Type": media_type})
    assert response.status_code == status, response.text
    assert response.text.strip()


def test_both_targets_are_refused(client):
    assert client.get("/store?default&graph=http%3A%2F%2Fexample.org%2Fg").status_code == 400
