"""The remote store against a real Oxigraph server: build into it and query it with the same code."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from plankg.graph.build import build_graph
from plankg.graph.remote import RemoteStore
from plankg.graph.store import GraphNotFound, QuerySyntaxError, StoreError, open_store
from plankg.settings import SAMPLE_CORPUS

OXIGRAPH = Path(sys.executable).with_name("oxigraph")
COUNT_TASKS = "SELECT (COUNT(?t) AS ?n) WHERE { ?t a <https://w3id.org/plankg/ontology#Task> }"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> str:
    """An Oxigraph server on a free port with its own data directory, stopped after the module."""
    port = free_port()
    process = subprocess.Popen([str(OXIGRAPH), "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")),
                                "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1)
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"oxigraph serve exited: {process.stderr.read().decode()}")
            time.sleep(0.05)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.mark.parametrize("url, query, update, store", [
    ("http://h:7878", "http://h:7878/query", "http://h:7878/update", "http://h:7878/store"),
    ("http://h:8000/sparql", "http://h:8000/sparql", "http://h:8000/sparql", "http://h:8000/store"),
    ("http://h/ds/sparql#update=update&store=data", "http://h/ds/sparql", "http://h/ds/update", "http://h/ds/data"),
    ("http://h/q#update=http://other/u", "http://h/q", "http://other/u", "http://h/store"),
])
def test_url_convention(url, query, update, store):
    remote = RemoteStore(url)
    assert (remote.query_url, remote.update_url, remote.store_url) == (query, update, store)


@pytest.mark.server
def test_build_into_server_and_query_like_embedded(server, built_store):
    report = build_graph([SAMPLE_CORPUS], server, progress=False)
    assert report.added == 5 and not report.failed
    remote, embedded = open_store(server), open_store(built_store)
    assert isinstance(remote, RemoteStore)
    assert remote.select(COUNT_TASKS) == embedded.select(COUNT_TASKS)
    assert sorted(remote.graph_names()) == sorted(embedded.graph_names())
    assert build_graph([SAMPLE_CORPUS], server, progress=False).skipped == 5


@pytest.mark.server
def test_remote_quads_match_embedded(server, built_store):
    build_graph([SAMPLE_CORPUS], server, progress=False)
    graph = open_store(built_store).graph_names()[0]
    remote = {(q.subject, q.predicate, q.object) for q in open_store(server).quads(graph)}
    local = {(q.subject, q.predicate, q.object) for q in open_store(built_store).quads(graph)}
    assert remote == local and remote


@pytest.mark.server
def test_remote_writes_change_generation_and_graph_store(server):
    store = RemoteStore(server)
    graph = "https://example.org/remote-test"
    before = store.generation()
    assert store.graph_put(graph, "<https://example.org/a> <https://example.org/b> \"甲\"@zh .".encode(), "text/turtle")
    after_put = store.generation()
    body, media = store.graph_get(graph, "application/n-triples")
    assert media.startswith("application/n-triples") and "甲" in body.decode()
    store.update(f"INSERT DATA {{ GRAPH <{graph}> {{ <https://example.org/a> <https://example.org/b> 2 }} }}")
    assert store.ask(f"ASK {{ GRAPH <{graph}> {{ ?s ?p 2 }} }}")
    store.graph_delete(graph)
    with pytest.raises(GraphNotFound):
        store.graph_get(graph)
    assert len({before, after_put, store.generation()}) == 3


@pytest.mark.server
def test_remote_query_raw_and_errors(server):
    store = RemoteStore(server)
    body, media = store.query_raw("ASK { }", "application/sparql-results+json")
    assert media.startswith("application/sparql-results+json") and json.loads(body)["boolean"] is True
    with pytest.raises(QuerySyntaxError):
        store.select("SELECT WHERE {")


def test_unreachable_endpoint_says_so():
    with pytest.raises(StoreError, match="cannot reach"):
        RemoteStore(f"http://127.0.0.1:{free_port()}").select("ASK {}")
