"""SPARQL endpoints side by side: plankg serve vs rdflib-endpoint vs the Oxigraph server, same data, same queries.

Usage: .venv/bin/python bench/endpoint.py [--tasks 20000] [--requests 300] [--clients 4]

The data is a generated plan graph (``--tasks`` tasks over 200 agencies, a glossary of tasks/10 senses) plus the
sample corpus, built into named graphs. Each server runs as its own process on loopback. Two queries, each asked
two ways: "same" repeats one query (plankg answers from its cache), "varied" binds a different literal on every
request (no cache hits until the list wraps around). Latency: median and p95 of sequential requests on one
keep-alive connection. Throughput: ``--clients`` threads, ``--requests`` requests in all. The goal is at least 5×
rdflib-endpoint's throughput and no more than 2× the Oxigraph server's median latency.
"""

from __future__ import annotations

import argparse
import http.client
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
PK = "https://w3id.org/plankg/ontology#"
ID = "https://w3id.org/plankg/id/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
AGENCIES = 200

GLOSSARY = f"""PREFIX skos: <{SKOS}>
SELECT ?sense ?definition WHERE {{ ?sense skos:prefLabel "{{label}}"@zh ; skos:definition ?definition }}"""
AGENCY_TASKS = f"""PREFIX skos: <{SKOS}> PREFIX pk: <{PK}> PREFIX rdfs: <{RDFS}>
SELECT ?task ?title WHERE {{ ?agency skos:prefLabel "{{label}}"@zh . ?task pk:leadAgency ?agency ; rdfs:label ?title }}"""


def generate(tasks: int) -> list[ox.Quad]:
    """A synthetic plan graph: one named graph per 1,000 tasks, agencies and glossary senses shared."""
    quads = []
    n = ox.NamedNode
    for i in range(tasks):
        graph = n(f"https://w3id.org/plankg/graph/gen{i // 1000}")
        task = n(f"{ID}plan/gen{i // 1000}/task/{i}")
        agency = n(f"{ID}agency/a{i % AGENCIES}")
        quads += [
            ox.Quad(task, RDF_TYPE, n(PK + "Task"), graph),
            ox.Quad(task, n(RDFS + "label"), ox.Literal(f"任务{i}"), graph),
            ox.Quad(task, n(PK + "leadAgency"), agency, graph),
            ox.Quad(task, n(PK + "text"), ox.Literal(f"第{i}项任务的正文，由部门{i % AGENCIES}牵头负责。"), graph),
        ]
        if i % 3:
            quads.append(ox.Quad(task, n(PK + "requires"), n(f"{ID}plan/gen{i // 1000}/task/{i - 1}"), graph))
        if i < AGENCIES:
            quads.append(ox.Quad(agency, n(SKOS + "prefLabel"), ox.Literal(f"部门{i}", language="zh"), graph))
        if i % 10 == 0:
            sense = n(f"{ID}plan/gen{i // 1000}/sense/{i}")
            quads += [
                ox.Quad(sense, RDF_TYPE, n(PK + "TermSense"), graph),
                ox.Quad(sense, n(SKOS + "prefLabel"), ox.Literal(f"术语{i // 10}", language="zh"), graph),
                ox.Quad(sense, n(SKOS + "definition"), ox.Literal(f"术语{i // 10}的定义。", language="zh"), graph),
            ]
    return quads


def corpus_quads(workdir: Path) -> list[ox.Quad]:
    """The sample corpus as built by plankg itself."""
    from plankg.graph.build import build_graph
    from plankg.graph.store import open_store

    location = workdir / "corpus-store"
    build_graph([ROOT / "corpus"], str(location))
    store = open_store(str(location))
    quads = list(store.quads())
    del store
    return quads


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(port: int, process: subprocess.Popen, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"a server exited early: {process.args}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"a server did not start within {seconds:g} s: {process.args}")


RDFLIB_SERVER = """
import sys, uvicorn, rdflib
from rdflib_endpoint import SparqlEndpoint
dataset = rdflib.Dataset(default_union=True)
dataset.parse(sys.argv[1], format="nquads")
uvicorn.run(SparqlEndpoint(graph=dataset, path="/sparql"), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def start_servers(data: Path, workdir: Path) -> dict[str, tuple[subprocess.Popen, int, str]]:
    """name → (process, port, query path) for the three servers, all loaded with ``data`` (N-Quads)."""
    servers = {}
    port = free_port()
    plankg_store = workdir / "plankg-store"
    store = ox.Store(str(plankg_store))
    store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    process = subprocess.Popen(
        [sys.executable, "-c", "import uvicorn, sys; from plankg.api.app import create_app; "
         "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), log_level='warning', "
         "access_log=False)", str(plankg_store), str(port)])
    servers["plankg"] = (process, port, "/sparql")

    port = free_port()
    oxigraph = str(Path(sys.executable).with_name("oxigraph"))
    subprocess.run([oxigraph, "load", "--location", str(workdir / "oxigraph"), "--file", str(data)], check=True,
                   capture_output=True)
    process = subprocess.Popen([oxigraph, "serve", "--location", str(workdir / "oxigraph"), "--bind",
                                f"127.0.0.1:{port}", "--union-default-graph"], stderr=subprocess.DEVNULL)
    servers["oxigraph"] = (process, port, "/query")

    port = free_port()
    process = subprocess.Popen([sys.executable, "-c", RDFLIB_SERVER, str(data), str(port)])
    servers["rdflib-endpoint"] = (process, port, "/sparql")
    for process, port, _ in servers.values():
        wait_until_up(port, process)
    return servers


def ask(connection: http.client.HTTPConnection, path: str, query: str) -> None:
    connection.request("GET", f"{path}?{urllib.parse.urlencode({'query': query})}",
                       headers={"Accept": "application/sparql-results+json"})
    response = connection.getresponse()
    body = response.read()
    if response.status != 200 or b'"bindings"' not in body:
        raise SystemExit(f"unexpected answer {response.status}: {body[:200]!r}")


def latency(port: int, path: str, queries: list[str], count: int) -> tuple[float, float]:
    """Median and p95 in ms of ``count`` sequential requests on one connection."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    ask(connection, path, queries[0])  # connect and warm up
    times = []
    for i in range(count):
        started = time.perf_counter()
        ask(connection, path, queries[i % len(queries)])
        times.append((time.perf_counter() - started) * 1000)
    connection.close()
    return statistics.median(times), statistics.quantiles(times, n=20)[-1]


def throughput(port: int, path: str, queries: list[str], count: int, clients: int) -> float:
    """Requests per second with ``clients`` threads sharing ``count`` requests."""
    def worker(offset: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        for i in range(offset, count, clients):
            ask(connection, path, queries[i % len(queries)])
        connection.close()

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return count / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=300, help="requests per measurement (rdflib: a tenth)")
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        started = time.perf_counter()
        quads = generate(args.tasks) + corpus_quads(workdir)
        data = workdir / "data.nq"
        data.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
        print(f"data: {len(quads):,} quads ({args.tasks:,} generated tasks + the sample corpus), "
              f"{time.perf_counter() - started:.1f} s to build")
        servers = start_servers(data, workdir)
        try:
            workloads = {
                "glossary lookup": [GLOSSARY.replace("{label}", f"术语{i}") for i in range(args.tasks // 10)],
                "tasks of an agency": [AGENCY_TASKS.replace("{label}", f"部门{i}") for i in range(AGENCIES)],
            }
            print(f"{'query':<20} {'mode':<7} {'server':<16} {'median ms':>9} {'p95 ms':>8} {'req/s':>8}")
            for name, queries in workloads.items():
                for mode, chosen in (("same", queries[:1]), ("varied", queries)):
                    results = {}
                    for server, (_, port, path) in servers.items():
                        count = args.requests // 10 if server == "rdflib-endpoint" else args.requests
                        med, p95 = latency(port, path, chosen, count)
                        rate = throughput(port, path, chosen[len(chosen) // 2:] + chosen[:len(chosen) // 2], count,
                                          args.clients)
                        results[server] = (med, rate)
                        print(f"{name:<20} {mode:<7} {server:<16} {med:9.2f} {p95:8.2f} {rate:8.0f}")
                    ours = results["plankg"]
                    print(f"{'':<28} plankg: {ours[1] / results['rdflib-endpoint'][1]:.1f}× rdflib-endpoint's "
                          f"throughput (goal ≥ 5), {ours[0] / results['oxigraph'][0]:.2f}× Oxigraph's median "
                          f"latency (goal ≤ 2)")
        finally:
            for process, _, _ in servers.values():
                process.terminate()
                process.wait(30)


if __name__ == "__main__":
    main()
