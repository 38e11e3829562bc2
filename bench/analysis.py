"""Analysis at scale: projection from the embedded store, CPM + slack and the findings on generated plans.

Generates, for each size, one plan of N tasks with about three reified prerequisites per task (each with a cue and
an evidence selector, as docs/DESIGN.md maps them; fixed seed, so every run sees the same graphs), bulk-loads it
into a fresh embedded store, then times, side by side: projection (store → NetworkX), CPM + slack
(``schedule.critical_path`` on the dependency edges, given as IRIs, with the bare cost of reading those IRIs, and
the same on positions in the dependency index, as ``plan_schedule`` runs it), the whole ``plan_schedule`` (selection, durations from dates,
CPM, rows), the integer index of the dependency edges (the projection brings it), conflicts, cycles, bottlenecks,
a transitive prerequisites walk and evidence fetched on demand. The projection is also timed in its two parts:
Oxigraph's own queries (scan, decode, TSV) and the Python that turns their answers into the graph, so that the
store's cost is told apart from plankg's. Three floors are printed beside the stages they bound: the projection's
queries counted instead of selected (Oxigraph's matching without its decoding of terms), NetworkX's graph built
alone from pre-built lists, and a dict of the node IRIs with one lookup per edge end. Each size runs in a fresh
interpreter, and each query once untimed before its timed runs. Prints the minimum and median CPU time of
the process per query and size, and the growth exponent k fitted by least squares (time ∝ size^k; k ≈ 1 is
linear) over all sizes and over the sizes from 10k tasks up (the goal's range), and between the last two sizes.

    .venv/bin/python bench/analysis.py                       # 2k, 10k, 30k and 100k tasks, 3 to 4 minutes
    .venv/bin/python bench/analysis.py --sizes 2000 20000 --repeat 5

Goals (issue 4): CPM + slack on 100k tasks < 2 s, projection of 100k tasks < 10 s, no query worse than linear.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
from itertools import chain
import random
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Callable, Iterator, NamedTuple

import networkx as nx
import numpy as np
import pyoxigraph as ox

from plankg.analysis import findings, queries
from plankg.analysis.arrays import edge_sources
from plankg.analysis.compact import dependency_index
from plankg.analysis.projection import DEPENDENCY_KINDS, _add_edges, assemble, load_evidence, project, read_columns
from plankg.analysis.schedule import no_cyclic_gc
from plankg.analysis.schedule import critical_path, critical_path_of_positions
from plankg.analysis.timeline import plan_schedule
from plankg.graph.store import open_store
from plankg.graph.vocab import OA, PK, PPLAN, agency_iri, document_graph, evidence_iri, in_plan, plan_iri

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
TITLE = "http://purl.org/dc/terms/title"
PART_OF = "http://purl.org/dc/terms/isPartOf"
PREF_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"
XSD = "http://www.w3.org/2001/XMLSchema#"
CUES = [("依托X", "listed"), ("以X为基础", "listed"), ("在X基础上", "listed"), ("借助", "extended")]
PROJECTION = "projection (store → NetworkX)"
GOALS = {PROJECTION: 10.0, "CPM + slack (critical_path)": 2.0}
"""Seconds allowed at 100k tasks (issue 4)."""
LINEAR_FROM = 10_000
"""Smallest size in the fit the goal is judged on."""


def generate(tasks: int, edges_per_task: int = 3, seed: int = 1) -> Iterator[str]:
    """N-Triples lines of one plan of ``tasks`` tasks over five years; each task waits on up to ``edges_per_task``
    earlier ones. Text rather than pyoxigraph terms: building millions of term objects took most of the load."""
    rng = random.Random(seed)
    doc = f"bench-{tasks}"
    plan = f"<{plan_iri(doc)}>"
    yield f'{plan} <{RDF_TYPE}> <{PK.Plan}> .'
    yield f'{plan} <{TITLE}> "生成规划{tasks}"@zh .'
    yield f'{plan} <{PK.periodStart}> "2021"^^<{XSD}gYear> .'
    agencies = [f"<{agency_iri(f'第{i}局')}>" for i in range(50)]
    for i, agency in enumerate(agencies):
        yield f'{agency} <{PREF_LABEL}> "第{i}局"@zh .'
    statement = 0
    for i in range(tasks):
        task = f"<{in_plan(doc, 'task', f't{i}')}>"
        yield f"{task} <{RDF_TYPE}> <{PK.Task}> ."
        yield f'{task} <{LABEL}> "任务{i}"@zh .'
        yield f"{task} <{PPLAN.isStepOfPlan}> {plan} ."
        yield f'{task} <{PK.dueYear}> "{2021 + 5 * i // tasks}"^^<{XSD}integer> .'
        yield f"{task} <{PK.leadAgency}> {rng.choice(agencies)} ."
        for j in {rng.randrange(max(0, i - 200), i) for _ in range(edges_per_task)} if i else ():
            statement += 1
            reified = f"<{in_plan(doc, 'prerequisite', statement)}>"
            selector = f"<{evidence_iri(doc, statement * 20, statement * 20 + 15)}>"
            prerequisite = f"<{in_plan(doc, 'task', f't{j}')}>"
            cue, cue_class = rng.choice(CUES)
            yield f"{reified} <{RDF_TYPE}> <{PK.Prerequisite}> ."
            yield f"{reified} <{PK.dependent}> {task} ."
            yield f"{reified} <{PK.prerequisite}> {prerequisite} ."
            yield f'{reified} <{PK.cue}> "{cue}" .'
            yield f'{reified} <{PK.cueClass}> "{cue_class}" .'
            yield f"{reified} <{PK.evidence}> {selector} ."
            yield f"{task} <{PK.requires}> {prerequisite} ."
            yield f'{selector} <{OA.exact}> "依托任务{j},推进任务{i}" .'
            yield f'{selector} <{PK.sentence}> "依托任务{j},推进任务{i}。" .'
            yield f"{selector} <{PART_OF}> {plan} ."


class Timing(NamedTuple):
    low: float
    median: float


class Recorder:
    """A store that answers ``query_raw`` from what the real store answered before: replays the projection's
    reads without Oxigraph's cost, and records them for timing those reads alone."""

    def __init__(self, store) -> None:
        self.store, self.answers = store, {}

    def record(self) -> None:
        read_columns(self)

    def query_raw(self, query: str, accept: str | None = None) -> tuple[bytes, str]:
        if query not in self.answers:
            self.answers[query] = self.store.query_raw(query, accept)
        return self.answers[query]

    def ask_store(self) -> None:
        """Every read of the projection, run by the real store (TSV bytes, nothing decoded in Python)."""
        for query in self.answers:
            self.store.query_raw(query, "text/tab-separated-values")

    def count_in_store(self) -> None:
        """The same reads counted instead of selected: Oxigraph matches the same patterns and decodes no term,
        which tells its scans and joins apart from its decoding of each IRI and literal."""
        for query in self.answers:
            self.store.query_raw(query.replace("SELECT ?s ?o WHERE", "SELECT (COUNT(*) AS ?n) WHERE"),
                                 "text/tab-separated-values")


def median_time(run: Callable[[], object], repeat: int, setup: Callable[[], object] = lambda: None,
                warm: bool = True) -> Timing:
    """Lowest and median CPU time of this process over ``repeat`` runs, with the cyclic garbage collector paused.

    CPU time rather than wall time: the machine's cores are shared, and other processes' load would bend the fit.
    The collector is paused so that its full rescans of everything alive (which grow with the graph) do not land
    at random in one query's time. ``setup`` runs before each run, untimed (e.g. freeing the previous result).
    With ``warm``, one untimed run comes first, so that no size pays alone for first calls (imports, the store's
    page cache); off for reads that fill a cache (the evidence).
    """
    times = []
    for _ in range(repeat + warm):
        setup()
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            run()
            times.append(time.process_time() - start)
        finally:
            gc.enable()
    times = times[warm:]
    return Timing(min(times), statistics.median(times))


def measure(tasks: int, repeat: int) -> dict[str, Timing]:
    with tempfile.TemporaryDirectory(prefix="plankg-bench-") as location:
        # Load with Oxigraph's bulk loader (a SPARQL update of millions of triples is not what is measured here),
        # close that handle, then read through plankg's store interface like every command does.
        start = time.perf_counter()
        loader = ox.Store(location)
        loader.bulk_load(input="\n".join(generate(tasks)).encode(), format=ox.RdfFormat.N_TRIPLES,
                         to_graph=ox.NamedNode(document_graph(f"bench-{tasks}")))
        loader.flush()
        triples = len(loader)
        del loader
        gc.collect()
        load = time.perf_counter() - start
        store = open_store(location)
        graphs = []  # the last projection only, freed before the next one is timed
        results = {PROJECTION: median_time(lambda: graphs.append(project(store)), repeat, setup=graphs.clear)}
        recorder = Recorder(store)
        recorder.record()

        def python_part() -> None:
            with no_cyclic_gc():
                assemble(read_columns(recorder))

        results["  of which Oxigraph's queries (scan, decode, TSV)"] = median_time(recorder.ask_store, repeat)
        results["    Oxigraph's same patterns counted (no term decoded)"] = median_time(recorder.count_in_store,
                                                                                     repeat)
        results["  of which Python (TSV → columns → NetworkX)"] = median_time(python_part, repeat)
        del recorder
        graph = graphs.pop()
        graphs.clear()
        built: list[nx.MultiDiGraph] = []
        build_copy = networkx_builder(graph)
        results["    NetworkX's graph alone (same nodes, edges, from lists)"] = median_time(
            lambda: built.append(build_copy()), repeat, setup=built.clear)
        built.clear()
        del build_copy
        nodes = list(graph)
        edges = [(u, v) for u, v, kind in graph.edges(data="kind") if kind in DEPENDENCY_KINDS]
        durations = {n: 30.0 + hash(n) % 300 for n in nodes}
        index = dependency_index(graph)  # the same edges and durations by position: no IRI looked up per edge
        sources, targets = edge_sources(index.starts), index.targets
        days, no_release = np.array([durations[n] for n in index.nodes]), np.zeros(len(nodes))
        last = queries.resolve_node(graph, f"plan/bench-{tasks}/task/t{tasks - 1}")
        # Evidence loads once per edge: time it first, on 100 edges; the walk below is timed without fetching
        # (the evidence of every edge it reaches would be one store query per 500 edges).
        results["evidence of 100 edges (on demand)"] = median_time(lambda: load_evidence(graph, edges[:100]), 1,
                                                                   warm=False)
        fetch = graph.graph.pop("fetch_evidence")
        def index_afresh() -> None:
            graph.graph.pop("dependency_index", None)
            dependency_index(graph)

        results.update({
            "dependency index (from the projection's rows)": median_time(index_afresh, repeat),
            "CPM + slack (critical_path)": median_time(lambda: critical_path(nodes, edges, durations), repeat),
            "  of which reading the IRI edges given (hash of each end)": median_time(
                lambda: np.fromiter(map(hash, chain.from_iterable(edges)), dtype=np.int64, count=2 * len(edges)),
                repeat),
            "  a dict of the node IRIs, one lookup per edge end": median_time(lambda: dict_lookups(nodes, edges),
                                                                             repeat),
            "  the same on positions (as plan_schedule runs it)": median_time(
                lambda: critical_path_of_positions(nodes, sources, targets, days, no_release), repeat),
            "plan_schedule (dates → CPM → rows)": median_time(lambda: plan_schedule(graph, [f"bench-{tasks}"]),
                                                              repeat),
            "conflicts": median_time(lambda: findings.conflicts(graph), repeat),
            "cycles": median_time(lambda: findings.cycles(graph), repeat),
            "bottlenecks (top 10)": median_time(lambda: findings.bottlenecks(graph), repeat),
            "prerequisites of the last task (transitive walk)": median_time(
                lambda: queries.prerequisites(graph, last), repeat),
        })
        graph.graph["fetch_evidence"] = fetch
        print(f"{tasks:>7} tasks: {len(edges)} dependency edges, {triples} triples generated and loaded in "
              f"{load:.1f} s", flush=True)
        return results


def networkx_builder(graph: nx.MultiDiGraph) -> Callable[[], nx.MultiDiGraph]:
    """A function that copies ``graph`` the way ``assemble`` makes it (nodes from a list of pairs, keyed edges
    straight into the adjacency dicts) from lists built here, beforehand: what the NetworkX structure costs by
    itself, with no store, TSV or column read."""
    keys = list(graph)
    position = {node: i for i, node in enumerate(keys)}
    nodes = list(graph.nodes(data=True))
    edges = [(position[u], position[v], kind) for u, v, kind in graph.edges(keys=True)]

    def build() -> nx.MultiDiGraph:
        copy = nx.MultiDiGraph()
        copy.add_nodes_from(nodes)
        _add_edges(copy, keys, edges)
        return copy
    return build


def dict_lookups(nodes: list[str], edges: list[tuple[str, str]]) -> np.ndarray:
    """Positions of the edges' ends through a dict of the nodes: the least any mapping of IRIs to positions in
    Python does, for comparing with ``critical_path`` given IRIs."""
    index = dict(zip(nodes, range(len(nodes))))
    return np.fromiter(map(index.__getitem__, chain.from_iterable(edges)), dtype=np.int64, count=2 * len(edges))


def growth(sizes: list[int], times: list[float]) -> float:
    """Least-squares slope of log(time) over log(size): the k of time ∝ size^k."""
    points = [(math.log(s), math.log(t)) for s, t in zip(sizes, times) if t > 0]
    if len(points) < 2:
        return float("nan")
    mx = statistics.fmean(x for x, _ in points)
    my = statistics.fmean(y for _, y in points)
    return sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points)


def fitted(sizes: list[int], times: list[float]) -> str:
    """k over all sizes, over the sizes from ``LINEAR_FROM`` up (when that leaves two), and between the last two.

    The last step tells a one-time rise apart from a growing one: dict lookups and pointer walks cost several
    times more per step once the working set no longer fits the CPU's caches (here between 10k and 30k tasks),
    and then stay flat.
    """
    upper = [(s, t) for s, t in zip(sizes, times) if s >= LINEAR_FROM]
    tail = growth(*map(list, zip(*upper))) if len(upper) >= 2 else float("nan")
    return f"{growth(sizes, times):8.2f} {tail:8.2f} {growth(sizes[-2:], times[-2:]):8.2f}"


def in_fresh_process(tasks: int, repeat: int) -> dict[str, Timing]:
    """``measure(tasks, repeat)`` in a new interpreter, so that every size starts from the same process state (no
    heap left fragmented by the smaller sizes before it)."""
    child = subprocess.run([sys.executable, __file__, "--one", str(tasks), "--repeat", str(repeat)],
                           stdout=subprocess.PIPE, text=True, check=True)
    *lines, answer = child.stdout.rstrip("\n").split("\n")
    print("\n".join(lines), flush=True)
    return {name: Timing(*timing) for name, timing in json.loads(answer).items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2_000, 10_000, 30_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # one size, answered as JSON (the child)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.repeat), ensure_ascii=False))
        return
    runs = {size: in_fresh_process(size, args.repeat) for size in sorted(args.sizes)}
    sizes = sorted(runs)
    print(f"\nCPU seconds, lowest / median of {args.repeat} runs; growth k of the medians (time ∝ size^k), "
          f"fitted over all sizes, from {LINEAR_FROM:,} tasks up, and between the last two sizes")
    header = (f"{'query':<60}" + "".join(f"{f'{s:,} tasks':>18}" for s in sizes)
              + f"{'k all':>9}{f'k ≥{LINEAR_FROM // 1000}k':>9}{'k last':>9}")
    print(header + "\n" + "-" * len(header))
    for name in runs[sizes[0]]:
        timings = [runs[s][name] for s in sizes]
        print(f"{name:<60}" + "".join(f"{t.low:>8.3f} /{t.median:>7.3f}s" for t in timings)
              + fitted(sizes, [t.median for t in timings]))
    if 100_000 in runs:
        for name, allowed in GOALS.items():
            took = runs[100_000][name].median
            print(f"goal: {name} on 100k tasks < {allowed:g} s: {took:.2f} s, {'met' if took < allowed else 'MISSED'}")


if __name__ == "__main__":
    main()
