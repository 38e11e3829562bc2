"""Graph views in headless chromium: time to interactive on the sample corpus and on a 10,000-task graph.

Usage: .venv/bin/python bench/graph_view.py [--tasks 10000] [--repeat 3]

Builds the sample corpus and a generated plan (``--tasks`` tasks, each requiring one or two earlier tasks, led
by one of 100 agencies, due in one of five years) into two temporary stores, serves each with the plankg app,
and opens every view in Debian's chromium (headless, fresh profile). Time to interactive is the page's own
``performance.now()`` when the view has drawn its final layout (``window.plankgView.readyAt``), i.e. from
navigation start, network and server time included. The server warms its caches on a background thread at
start-up (``pages.warm``); a view it has not warmed is computed on its first open (then cached per store
generation). The report gives that first time and the median of the repeats; the last row serves the generated
store without the warm-up, so its first open pays for the analysis projection, the schedule and the view.
Goal: under 3 s.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PK = "https://w3id.org/plankg/ontology#"
ID = "https://w3id.org/plankg/id/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SERVE = """
import sys, uvicorn
from plankg.api.app import create_app
app = create_app(sys.argv[2])
if sys.argv[3] == "cold":
    app.router.on_startup.clear()  # no background warm-up: the first open computes everything
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900"]


def generated_store(location: Path, tasks: int) -> str:
    """One generated plan of ``tasks`` tasks; returns its IRI."""
    n, lit = ox.NamedNode, ox.Literal
    graph = n("https://w3id.org/plankg/graph/generated")
    plan = n(ID + "plan/generated")
    rng = random.Random(7)
    quads = [ox.Quad(plan, RDF_TYPE, n(PK + "Plan"), graph),
             ox.Quad(plan, n("http://purl.org/dc/terms/title"), lit("生成的万项任务计划", language="zh"), graph)]
    for a in range(100):
        agency = n(f"{ID}agency/gen{a}")
        quads += [ox.Quad(agency, RDF_TYPE, n("http://www.w3.org/ns/org#Organization"), graph),
                  ox.Quad(agency, n("http://www.w3.org/2004/02/skos/core#prefLabel"), lit(f"第{a}局", language="zh"), graph)]
    for i in range(tasks):
        task = n(f"{ID}plan/generated/task/t{i}")
        quads += [ox.Quad(task, RDF_TYPE, n(PK + "Task"), graph),
                  ox.Quad(task, n("http://www.w3.org/2000/01/rdf-schema#label"), lit(f"建设第{i}项任务"), graph),
                  ox.Quad(task, n("http://purl.org/net/p-plan#isStepOfPlan"), plan, graph),
                  ox.Quad(task, n(PK + "dueYear"), lit(str(2021 + i % 5), datatype=n("http://www.w3.org/2001/XMLSchema#integer")), graph),
                  ox.Quad(task, n(PK + "leadAgency"), n(f"{ID}agency/gen{i % 100}"), graph)]
        for _ in range(rng.choice((1, 2)) if i else 0):
            quads.append(ox.Quad(task, n(PK + "requires"), n(f"{ID}plan/generated/task/t{rng.randrange(i)}"), graph))
    store = ox.Store(str(location))
    store.bulk_extend(quads)
    store.flush()
    del store
    return plan.value


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(location: Path, warm: bool = True) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-c", SERVE, str(port), str(location), "warm" if warm else "cold"])
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/api/stats", timeout=2).read()
            return process, base
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"the server for {location} did not start")


def time_to_interactive(driver: webdriver.Chrome, url: str) -> tuple[float, int, str | None]:
    driver.get("about:blank")
    driver.get(url)
    WebDriverWait(driver, 60).until(lambda d: d.execute_script("return !!(window.plankgView && window.plankgView.ready)"))
    ready, nodes = driver.execute_script("return [window.plankgView.readyAt, window.plankgView.nodes.length]")
    message = driver.execute_script("var m = document.getElementById('view-message'); return m && m.textContent")
    return ready / 1000, nodes, message


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="plankg-view-bench-"))
    subprocess.run([str(BIN / "plankg"), "build", "--store", str(work / "corpus"), str(ROOT / "corpus")],
                   check=True, capture_output=True)
    generated = generated_store(work / "generated", args.tasks)
    shutil.copytree(work / "generated", work / "generated-cold")  # a store directory serves one process
    servers = [serve(work / "corpus"), serve(work / "generated"), serve(work / "generated-cold", warm=False)]
    (_, corpus), (_, big), (_, cold) = servers
    plans = json.load(urllib.request.urlopen(corpus + "/api/plans"))["items"]
    largest = max(plans, key=lambda p: p["tasks"])["iri"]
    quote = lambda iri: urllib.parse.quote(iri, safe="")  # noqa: E731
    views = {
        "corpus: concept map": corpus + "/view/concepts",
        "corpus: agencies-tasks": corpus + "/view/agencies",
        "corpus: largest plan's dependencies": corpus + "/view/plan?plan=" + quote(largest),
        f"{args.tasks} tasks: dependencies (default cap)": big + "/view/plan?plan=" + quote(generated),
        f"{args.tasks} tasks: agencies-tasks (default cap)": big + "/view/agencies",
        f"{args.tasks} tasks: dependencies, no cap": big + f"/view/plan?cap={args.tasks}&plan=" + quote(generated),
        f"{args.tasks} tasks: dependencies, no warm-up": cold + "/view/plan?plan=" + quote(generated),
    }
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in CHROME_FLAGS + [f"--user-data-dir={work / 'profile'}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    results = {}
    try:
        for name, url in views.items():
            runs = [time_to_interactive(driver, url) for _ in range(args.repeat)]
            seconds, first = statistics.median(r[0] for r in runs), runs[0][0]
            results[name] = {"seconds": seconds, "first": first, "nodes": runs[0][1], "message": runs[0][2],
                             "runs": [r[0] for r in runs]}
            print(f"{name:48} first {first:5.2f} s, then {seconds:5.2f} s  {runs[0][1]:6} nodes  "
                  f"{'ok' if max(seconds, first) < 3 else 'SLOW'}" + (f"  ({runs[0][2]})" if runs[0][2] else ""))
    finally:
        driver.quit()
        for process, _ in servers:
            process.terminate()
            process.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "graph_view.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
