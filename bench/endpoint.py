"""SPARQL endpoints side by side: plankg serve vs rdflib-endpoint vs the Oxigraph server, same data, same queries.

Usage: .venv/bin/python bench/endpoint.py [--tasks 20000] [--seconds 2] [--rounds 3] [--baseline REV]

The data is a generated plan graph (``--tasks`` tasks over 200 agencies, a glossary of tasks/10 senses) plus the
sample corpus, built into named graphs. Each server runs as its own process on loopback; ``--baseline REV`` adds
plankg's server as of a git revision, for before/after figures from one run. The load comes from wrk (Debian
package ``wrk``), a C client that is not the bottleneck, the same for every server. Two queries, each asked two
ways: "same" repeats one query (plankg answers from its cache), "varied" gives every request a text of its own (a
different literal, and a comment numbering the request), so no server can answer from a cache. Latency: median and
p99 on one keep-alive connection; throughput: ``--connections`` connections on two threads. Runs are interleaved
(each round cycles through the servers in a rotated order) and the table shows the medians of the rounds. The goal
is at least 5× rdflib-endpoint's throughput and no more than 2× the Oxigraph server's median latency.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
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
ACCEPT = "application/sparql-results+json"

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


PLANKG_SERVER = """
import sys, uvicorn
from plankg.api.app import create_app
uvicorn.run(create_app(sys.argv[1]), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning", access_log=False)
"""


def baseline_tree(revision: str, workdir: Path) -> Path:
    """An import path holding plankg as it was at ``revision`` (the package-dir layout rebuilt with symlinks)."""
    source = workdir / "baseline-source"
    source.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)
    package = workdir / "baseline" / "plankg"
    package.mkdir(parents=True)
    for item in (source / "plankg").iterdir():
        (package / item.name).symlink_to(item)
    for sub in ("ingest", "graph", "ontology", "analysis", "api", "viz", "evaluation"):
        (package / sub).symlink_to(source / sub)
    return package.parent


def start_servers(data: Path, workdir: Path, baseline: str | None) -> dict[str, tuple[subprocess.Popen, int, str]]:
    """name → (process, port, query path) for each server, all loaded with ``data`` (N-Quads)."""
    plankg_runs = {"plankg": None}
    if baseline:
        plankg_runs[f"plankg@{baseline}"] = baseline_tree(baseline, workdir)
    servers = {}
    for name, import_path in plankg_runs.items():
        location = workdir / f"{name}-store"
        store = ox.Store(str(location))
        store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
        store.flush()
        del store
        port = free_port()
        env = {**os.environ, "PYTHONPATH": str(import_path)} if import_path else None
        # Started in workdir: ``python -c`` imports from the current directory first, and ROOT holds plankg/.
        servers[name] = (subprocess.Popen([sys.executable, "-c", PLANKG_SERVER, str(location), str(port)], env=env,
                                          cwd=workdir), port, "/sparql")

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


def check_answer(port: int, path: str, query: str) -> None:
    """One request by hand: the server answers the query with at least one row."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    connection.request("GET", f"{path}?{urllib.parse.urlencode({'query': query})}", headers={"Accept": ACCEPT})
    response = connection.getresponse()
    answer = json.loads(response.read()) if response.status == 200 else None
    connection.close()
    if not answer or not answer["results"]["bindings"]:
        raise SystemExit(f"unexpected answer from port {port}: {response.status} {answer}")


def wrk_script(path: str, queries: list[str], unique: bool, workdir: Path) -> Path:
    """A wrk Lua script cycling through ``queries``; ``unique`` appends a comment with a request number, so that no
    two requests carry the same text (no server can answer from a cache)."""
    paths = ",\n".join(f'"{path}?{urllib.parse.urlencode({"query": query})}"' for query in queries)
    script = workdir / f"wrk-{abs(hash((path, tuple(queries), unique)))}.lua"
    script.write_text(f"""
local paths = {{
{paths}
}}
local count = 0
local thread_number = 0
function setup(thread)
  thread_number = thread_number + 1
  thread:set("id", thread_number)
end
function request()
  count = count + 1
  local path = paths[count % #paths + 1]
  if {"true" if unique else "false"} then path = path .. "%0A%23" .. id .. "-" .. count end
  return wrk.format("GET", path, {{["Accept"] = "{ACCEPT}"}})
end
""")
    return script


WRK_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3}


def wrk(port: int, script: Path, seconds: float, threads: int, connections: int) -> tuple[float, float, float]:
    """(median ms, p99 ms, requests/s) of one wrk run."""
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds:g}s", "--latency", "-s", str(script),
                          f"http://127.0.0.1:{port}"], check=True, capture_output=True, text=True).stdout
    if "Non-2xx" in out or "Socket errors" in out:
        raise SystemExit(f"wrk saw failed requests on port {port}:\n{out}")
    quantiles = {q: float(v) * WRK_UNITS[u] for q, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s|m)$", out, re.M)}
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if len(quantiles) != 2 or not rate:
        raise SystemExit(f"cannot read wrk's report:\n{out}")
    return quantiles["50"], quantiles["99"], float(rate.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", type=int, default=20_000)
    parser.add_argument("--seconds", type=int, default=2, help="length of each wrk run (whole seconds)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; the table shows their medians")
    parser.add_argument("--connections", type=int, default=8, help="open connections in the throughput runs")
    parser.add_argument("--baseline", metavar="REV", help="also run plankg's server as of this git revision")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("This benchmark drives the servers with wrk: apt-get install -y wrk")

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        started = time.perf_counter()
        quads = generate(args.tasks) + corpus_quads(workdir)
        data = workdir / "data.nq"
        data.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
        print(f"data: {len(quads):,} quads ({args.tasks:,} generated tasks + the sample corpus), "
              f"{time.perf_counter() - started:.1f} s to build")
        servers = start_servers(data, workdir, args.baseline)
        try:
            workloads = {
                "glossary lookup": [GLOSSARY.replace("{label}", f"术语{i}") for i in range(args.tasks // 10)],
                "tasks of an agency": [AGENCY_TASKS.replace("{label}", f"部门{i}") for i in range(AGENCIES)],
            }
            runs = [(name, mode, queries[:1] if mode == "same" else queries)
                    for name, queries in workloads.items() for mode in ("same", "varied")]
            for _, (_, port, path) in servers.items():
                for queries in workloads.values():
                    check_answer(port, path, queries[0])
            results: dict[tuple[str, str, str], list[tuple[float, float, float]]] = {}
            names = list(servers)
            for round_number in range(args.rounds):
                order = names[round_number % len(names):] + names[:round_number % len(names)]
                for name, mode, queries in runs:
                    for server in order:
                        _, port, path = servers[server]
                        script = wrk_script(path, queries, mode == "varied", workdir)
                        med, p99, _ = wrk(port, script, args.seconds, 1, 1)
                        _, _, rate = wrk(port, script, args.seconds, 2, args.connections)
                        results.setdefault((name, mode, server), []).append((med, p99, rate))
            report(results, runs, names, args)
        finally:
            for process, _, _ in servers.values():
                process.terminate()
                process.wait(30)


def report(results, runs, names: list[str], args: argparse.Namespace) -> None:
    """Medians over the rounds, and each plankg server's ratios to the goals."""
    print(f"wrk: latency from 1 connection, throughput from {args.connections} connections on 2 threads, "
          f"{args.seconds:g} s each, median of {args.rounds} interleaved rounds. "
          "same = one query repeated; varied = a different text every request (never cached)")
    print(f"{'query':<19} {'mode':<7} {'server':<20} {'median ms':>9} {'p99 ms':>8} {'req/s':>8} "
          f"{'× rdflib req/s':>14} {'× oxigraph ms':>13}")
    for name, mode, _ in runs:
        medians = {server: tuple(statistics.median(values) for values in zip(*results[(name, mode, server)]))
                   for server in names}
        for server in names:
            med, p99, rate = medians[server]
            ratios = ""
            if server.startswith("plankg"):
                faster = rate / medians["rdflib-endpoint"][2]
                slower = med / medians["oxigraph"][0]
                ratios = f"{faster:13.1f}{'✓' if faster >= 5 else '✗'}{slower:12.2f}{'✓' if slower <= 2 else '✗'}"
            print(f"{name:<19} {mode:<7} {server:<20} {med:9.3f} {p99:8.2f} {rate:8.0f} {ratios}")
    print("goals: ≥ 5× rdflib-endpoint's throughput, ≤ 2× the Oxigraph server's median latency")


if __name__ == "__main__":
    main()
