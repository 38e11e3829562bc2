"""A real client against a real server: SPARQLWrapper over HTTP to `plankg serve` (uvicorn) on a free port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

pytestmark = pytest.mark.server

FIXTURE = Path(__file__).parent / "fixtures" / "sparql" / "plan.ttl"
TOKEN = "client-token"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    store = tmp_path_factory.mktemp("store")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "plankg", "serve", "--store", str(store), "--port", str(port), "--max-rows", "10"],
        env={**os.environ, "PLANKG_TOKEN": TOKEN}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{base}/sparql", timeout=1)
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"plankg serve exited: {process.stderr.read().decode()}")
                time.sleep(0.1)
        request = urllib.request.Request(
            f"{base}/store?graph=https%3A%2F%2Fw3id.org%2Fplankg%2Fgraph%2Fdemo", data=FIXTURE.read_bytes(),
            method="PUT", headers={"Content-Type": "text/turtle", "Authorization": f"Bearer {TOKEN}"})
        assert urllib.request.urlopen(request).status == 201
        yield f"{base}/sparql"
    finally:
        process.terminate()
        process.wait(10)


def test_select_json(endpoint):
    client = SPARQLWrapper(endpoint)
    client.setQuery('PREFIX skos: <http://www.w3.org/2004/02/skos/core#> '
                    'SELECT ?d WHERE { ?c skos:prefLabel "两通一平"@zh ; skos:definition ?d }')
    client.setReturnFormat(JSON)
    rows = client.queryAndConvert()["results"]["bindings"]
    assert [row["d"]["value"] for row in rows] == ["通水、通路和场地平整"]


def test_construct_turtle_by_post(endpoint):
    client = SPARQLWrapper(endpoint)
    client.setMethod(POST)
    client.setQuery("CONSTRUCT WHERE { ?s a <https://w3id.org/plankg/ontology#Task> }")
    client.setReturnFormat(TURTLE)
    graph = client.queryAndConvert()
    assert b"Task" in graph if isinstance(graph, bytes) else len(graph) == 3


def test_bad_query(endpoint):
    client = SPARQLWrapper(endpoint)
    client.setQuery("SELECT * WHERE { ?s }")
    with pytest.raises(QueryBadFormed):
        client.query()


def test_row_cap(endpoint):
    client = SPARQLWrapper(endpoint)
    client.setQuery("SELECT * WHERE { ?s ?p ?o }")
    client.setReturnFormat(JSON)
    with pytest.raises(urllib.error.HTTPError) as caught:  # SPARQLWrapper passes on statuses it has no class for
        client.query()
    assert caught.value.code == 413 and "row cap of 10" in caught.value.read().decode()


def test_update_needs_the_token(endpoint):
    update = 'INSERT DATA { GRAPH <http://ex/g> { <http://ex/s> <http://ex/p> "via SPARQLWrapper" } }'
    anonymous = SPARQLWrapper(endpoint)
    anonymous.setMethod(POST)
    anonymous.setQuery(update)
    with pytest.raises(SPARQLWrapperException):
        anonymous.query()

    writer = SPARQLWrapper(endpoint)
    writer.setMethod(POST)
    writer.addCustomHttpHeader("Authorization", f"Bearer {TOKEN}")
    writer.setQuery(update)
    writer.query()

    check = SPARQLWrapper(endpoint)
    check.setQuery('ASK { <http://ex/s> <http://ex/p> "via SPARQLWrapper" }')
    check.setReturnFormat(JSON)
    assert check.queryAndConvert()["boolean"] is True
