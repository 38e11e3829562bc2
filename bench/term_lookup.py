"""Term lookup over HTTP vs a bare FastAPI endpoint that returns a constant, side by side in one run.

Usage: .venv/bin/python bench/term_lookup.py [--requests 3000] [--clients 4] [--rounds 3]

Builds the sample corpus into a temporary store, serves the plankg app and a one-route FastAPI app (``async def``
returning a constant) the same way (uvicorn, one process each, no access log, loopback). The lookups cycle
through every term of the corpus, each typed four ways (as stored, in quotes “”, full-width, inside a phrase),
so the forgiving lookup runs on all of them. Latency: median and p95 of sequential requests on one keep-alive
connection. Throughput: ``--clients`` threads with keep-alive connections; rounds alternate between the two
servers and the medians are compared. Goals: median latency < 5 ms, throughput ≥ 70% of the bare endpoint.
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
BARE_APP = """
import sys, uvicorn
from fastapi import FastAPI
app = FastAPI()

@app.get("/constant")
async def constant():
    return {"term": "constant", "senses": []}

uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""
# The plankg app served exactly like the bare one (same uvicorn settings, no access log).
PLANKG_APP = """
import sys, uvicorn
from plankg.api.app import create_app
uvicorn.run(create_app(sys.argv[2]), host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""
FULL_WIDTH = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in "0123456789+-"})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(port: int, path: str, process: subprocess.Popen) -> None:
    for _ in range(200):
        if process.poll() is not None:
            raise SystemExit(f"server on port {port} exited with {process.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", path)
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"server on port {port} did not answer {path}")


def typings(label: str) -> list[str]:
    """Four ways a user types one term: as stored, quoted, full-width, inside a longer phrase."""
    return [label, f"“{label}”", label.translate(FULL_WIDTH), f"落实“{label}”要求"]


def sequential(port: int, paths: list[str]) -> list[float]:
    connection = http.client.HTTPConnection("127.0.0.1", port)
    times = []
    for path in paths:
        start = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        times.append(time.perf_counter() - start)
        if response.status not in (200, 404):
            raise SystemExit(f"{path} answered {response.status}")
    connection.close()
    return times


def throughput(port: int, paths: list[str], requests: int, clients: int) -> float:
    """Requests per second with ``clients`` keep-alive connections, each sending requests/clients requests."""
    per_client = requests // clients

    def run(offset: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port)
        for i in range(per_client):
            connection.request("GET", paths[(offset + i) % len(paths)])
            connection.getresponse().read()
        connection.close()

    threads = [threading.Thread(target=run, args=(n * 97,)) for n in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return per_client * clients / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    store = Path(tempfile.mkdtemp(prefix="plankg-bench-")) / "store"
    subprocess.run([str(BIN / "plankg"), "build", "--store", str(store), str(ROOT / "corpus")], check=True,
                   capture_output=True)
    ours, bare = free_port(), free_port()
    servers = [subprocess.Popen([sys.executable, "-c", PLANKG_APP, str(ours), str(store)]),
               subprocess.Popen([sys.executable, "-c", BARE_APP, str(bare)])]
    try:
        wait_until_up(ours, "/api/stats", servers[0])
        wait_until_up(bare, "/constant", servers[1])
        connection = http.client.HTTPConnection("127.0.0.1", ours)
        connection.request("GET", "/api/search?type=term&limit=200&q=" + urllib.parse.quote("1"))
        labels = {item["label"] for item in json.loads(connection.getresponse().read())["items"]}
        for probe in "三四五一二六七中":  # most shorthand carries a numeral or a 中心
            connection.request("GET", "/api/search?type=term&limit=200&q=" + urllib.parse.quote(probe))
            labels |= {item["label"] for item in json.loads(connection.getresponse().read())["items"]}
        lookups = [f"/api/terms/{urllib.parse.quote(t, safe='')}" for label in sorted(labels) for t in typings(label)]
        constant = ["/constant"]
        statuses = []
        for path in lookups:  # warm the caches and count what the lookup resolves
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            statuses.append(response.status)
        latency = sequential(ours, lookups * max(1, 1000 // len(lookups)))
        bare_latency = sequential(bare, constant * 1000)
        ours_rps, bare_rps = [], []
        for _ in range(args.rounds):
            bare_rps.append(throughput(bare, constant, args.requests, args.clients))
            ours_rps.append(throughput(ours, lookups, args.requests, args.clients))
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)

    def ms(values: list[float], q: float) -> float:
        return 1000 * statistics.quantiles(values, n=100)[int(q) - 1] if q < 100 else 1000 * max(values)

    ratio = statistics.median(ours_rps) / statistics.median(bare_rps)
    result = {
        "terms": len(labels), "lookups": len(lookups), "found": statuses.count(200),
        "latency_ms": {"median": 1000 * statistics.median(latency), "p95": ms(latency, 95)},
        "bare_latency_ms": {"median": 1000 * statistics.median(bare_latency), "p95": ms(bare_latency, 95)},
        "throughput_rps": {"lookup": statistics.median(ours_rps), "bare": statistics.median(bare_rps),
                           "rounds_lookup": ours_rps, "rounds_bare": bare_rps},
        "ratio": ratio, "clients": args.clients, "requests_per_round": args.requests,
    }
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "term_lookup.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(f"{len(labels)} terms, {len(lookups)} typings, {statuses.count(200)} resolved")
    print(f"term lookup median {result['latency_ms']['median']:.2f} ms (p95 {result['latency_ms']['p95']:.2f}); "
          f"bare endpoint median {result['bare_latency_ms']['median']:.2f} ms   goal < 5 ms")
    print(f"throughput lookup {result['throughput_rps']['lookup']:.0f} req/s vs bare "
          f"{result['throughput_rps']['bare']:.0f} req/s = {ratio:.0%}   goal >= 70%")


if __name__ == "__main__":
    main()
