"""End to end: the sample corpus as `plankg build` makes it, served by a real `plankg serve`, asked by SPARQLWrapper."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pyoxigraph as ox
import pytest
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from plankg.graph.embedded import EmbeddedStore
from plankg.settings import SAMPLE_CORPUS

pytestmark = pytest.mark.server

GLOSSARY = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?c ?d WHERE { ?c skos:prefLabel "四联三防"@zh ; skos:definition ?d }"""
NUMBERED_HEADING = re.compile(r"^[一二三四五六七八九十]+、")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def served(built_store, tmp_path_factory):
    """(process, endpoint URL) of `plankg serve` over a copy of the built corpus.

    The copy is needed because RocksDB lets one process hold a directory, and this one holds ``built_store``.
    """
    copy = tmp_path_factory.mktemp("served") / "store"
    database = ox.Store(str(copy))
    database.extend(EmbeddedStore(built_store).quads())
    database.flush()
    del database  # closes the directory for the server process
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "plankg", "serve", "--store", str(copy), "--port", str(port)],
                               env={**os.environ, "PLANKG_TOKEN": ""}, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    endpoint = f"http://127.0.0.1:{port}/sparql"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(endpoint, timeout=1)
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"plankg serve exited: {process.stderr.read().decode()}")
                time.sleep(0.1)
        yield process, endpoint
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)


def glossary_section_entry(label: str) -> str:
    """The text printed under ``label``'s entry in a 名词解释 section of the sample corpus, read from its files."""
    for path in sorted(SAMPLE_CORPUS.glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        starts = [i for i, line in enumerate(lines) if re.sub(r"\s", "", line) == "名词解释"]
        if not starts:
            continue
        entry: list[str] | None = None
        for line in lines[starts[0] + 1:]:
            if NUMBERED_HEADING.match(line):
                if entry is not None:
                    break
                if label in line:
                    entry = []
            elif entry is not None and line:
                entry.append(line)
        if entry:
            return "".join(entry)
    raise AssertionError(f"no 名词解释 entry for {label} in {SAMPLE_CORPUS}")


def test_the_glossary_answer_is_the_definition_printed_in_the_plan(served):
    _, endpoint = served
    client = SPARQLWrapper(endpoint)
    client.setQuery(GLOSSARY)
    client.setReturnFormat(JSON)
    rows = client.queryAndConvert()["results"]["bindings"]
    printed = glossary_section_entry("四联三防")
    assert [row["d"]["value"] for row in rows] == [printed.rstrip("。")]
    assert rows[0]["d"].get("xml:lang") == "zh"


def test_a_repeated_query_by_post_gives_the_same_answer(served):
    _, endpoint = served
    answers = []
    for _ in range(3):  # the first is evaluated, the others are replayed from the answer cache
        client = SPARQLWrapper(endpoint)
        client.setMethod(POST)
        client.setQuery(GLOSSARY)
        client.setReturnFormat(JSON)
        answers.append(client.query().response.read())
    assert answers[0] == answers[1] == answers[2] and "防爆炸".encode() in answers[0]


def test_serve_uses_the_fast_event_loop_and_stops_cleanly(served):
    process, _ = served
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=15)
    log = stderr.decode()
    # uvicorn shuts down gracefully, then re-raises the signal it caught, so the parent sees SIGTERM as the cause.
    assert process.returncode == -signal.SIGTERM, log
    assert "uvloop event loop, httptools parser" in log  # both come with uvicorn[standard], a dependency
    assert "Finished server process" in log and "Traceback" not in log
