"""Analysis at scale: projection from the embedded store and CPM + slack on generated plans, side by side.

Generates, for each size, one plan of N tasks with about three reified prerequisites per task (each with a cue and
an evidence selector, as docs/DESIGN.md maps them), loads it into a fresh embedded store, then times:
projection (store → NetworkX), CPM + slack (``schedule.critical_path`` on the dependency edges), the whole
``plan_schedule`` (selection, durations from dates, CPM, rows), conflicts, cycles, bottlenecks and a transitive
prerequisites query. Prints the medians and the fitted growth exponent per query (time ∝ size^k; k ≈ 1 is linear).

    .venv/bin/python bench/analysis.py                 # 10k and 100k tasks
    .venv/bin/python bench/analysis.py --sizes 2000 20000 --repeat 3

Goals (issue 4): CPM + slack on 100k tasks < 2 s, projection of 100k tasks < 10 s, no query worse than linear.
"""

from __future__ import annotations

import argparse
import gc
import math
import random
import statistics
import tempfile
import time
from typing import Callable, Iterator

import pyoxigraph as ox

from plankg.analysis import findings, queries
from plankg.analysis.projection import DEPENDENCY_KINDS, load_evidence, project
from plankg.analysis.schedule import critical_path
from plankg.analysis.timeline import plan_schedule
from plankg.graph.store import open_store
from plankg.graph.vocab import OA, PK, PPLAN, agency_iri, document_graph, evidence_iri, in_plan, plan_iri

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
TITLE = ox.NamedNode("http://purl.org/dc/terms/title")
PART_OF = ox.NamedNode("http://purl.org/dc/terms/isPartOf")
PREF_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
XSD = "http://www.w3.org/2001/XMLSchema#"
CUES = [("依托X", "listed"), ("以X为基础", "listed"), ("在X基础上", "listed"), ("借助", "extended")]


def node(iri: object) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def generate(tasks: int, edges_per_task: int = 3, seed: int = 1) -> Iterator[ox.Triple]:
    """One plan of ``tasks`` tasks over five years; each task waits on up to ``edges_per_task`` earlier ones."""
    rng = random.Random(seed)
    doc = f"bench-{tasks}"
    plan = node(plan_iri(doc))
    yield ox.Triple(plan, RDF_TYPE, node(PK.Plan))
    yield ox.Triple(plan, TITLE, ox.Literal(f"生成规划{tasks}", language="zh"))
    yield ox.Triple(plan, node(PK.periodStart), ox.Literal("2021", datatype=node(XSD + "gYear")))
    agencies = [node(agency_iri(f"第{i}局")) for i in range(50)]
    for i, agency in enumerate(agencies):
        yield ox.Triple(agency, PREF_LABEL, ox.Literal(f"第{i}局", language="zh"))
    statement = 0
    for i in range(tasks):
        task = node(in_plan(doc, "task", f"t{i}"))
        yield ox.Triple(task, RDF_TYPE, node(PK.Task))
        yield ox.Triple(task, LABEL, ox.Literal(f"任务{i}", language="zh"))
        yield ox.Triple(task, node(PPLAN.isStepOfPlan), plan)
        yield ox.Triple(task, node(PK.dueYear), ox.Literal(str(2021 + 5 * i // tasks), datatype=node(XSD + "integer")))
        yield ox.Triple(task, node(PK.leadAgency), rng.choice(agencies))
        for j in {rng.randrange(max(0, i - 200), i) for _ in range(edges_per_task)} if i else ():
            statement += 1
            reified = node(in_plan(doc, "prerequisite", statement))
            selector = node(evidence_iri(doc, statement * 20, statement * 20 + 15))
            cue, cue_class = rng.choice(CUES)
            yield ox.Triple(reified, RDF_TYPE, node(PK.Prerequisite))
            yield ox.Triple(reified, node(PK.dependent), task)
            yield ox.Triple(reified, node(PK.prerequisite), node(in_plan(doc, "task", f"t{j}")))
            yield ox.Triple(reified, node(PK.cue), ox.Literal(cue))
            yield ox.Triple(reified, node(PK.cueClass), ox.Literal(cue_class))
            yield ox.Triple(reified, node(PK.evidence), selector)
            yield ox.Triple(task, node(PK.requires), node(in_plan(doc, "task", f"t{j}")))
            yield ox.Triple(selector, node(OA.exact), ox.Literal(f"依托任务{j},推进任务{i}"))
            yield ox.Triple(selector, node(PK.sentence), ox.Literal(f"依托任务{j},推进任务{i}。"))
            yield ox.Triple(selector, PART_OF, plan)


def median_time(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(tasks: int, repeat: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="plankg-bench-") as location:
        # Load with Oxigraph's bulk loader (a SPARQL update of millions of triples is not what is measured here),
        # close that handle, then read through plankg's store interface like every command does.
        graph_name = ox.NamedNode(document_graph(f"bench-{tasks}"))
        start = time.perf_counter()
        loader = ox.Store(location)
        loader.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, graph_name) for t in generate(tasks))
        loader.flush()
        triples = len(loader)
        del loader
        gc.collect()
        load = time.perf_counter() - start
        store = open_store(location)
        graph = project(store)
        nodes = list(graph)
        edges = [(u, v) for u, v, kind in graph.edges(data="kind") if kind in DEPENDENCY_KINDS]
        durations = {n: 30.0 + hash(n) % 300 for n in nodes}
        last = f"plan/bench-{tasks}/task/t{tasks - 1}"
        fresh = project(store)  # evidence loads once per edge: time it on a graph that has none yet
        results = {
            "projection (store → NetworkX)": median_time(lambda: project(store), repeat),
            "CPM + slack (critical_path)": median_time(lambda: critical_path(nodes, edges, durations), repeat),
            "plan_schedule (dates → CPM → rows)": median_time(lambda: plan_schedule(graph, [f"bench-{tasks}"]),
                                                              repeat),
            "conflicts": median_time(lambda: findings.conflicts(graph), repeat),
            "cycles": median_time(lambda: findings.cycles(graph), repeat),
            "bottlenecks (top 10)": median_time(lambda: findings.bottlenecks(graph), repeat),
            "prerequisites of the last task (transitive)": median_time(
                lambda: queries.prerequisites(graph, queries.resolve_node(graph, last)), repeat),
            "evidence of 100 edges (on demand)": median_time(
                lambda: load_evidence(fresh, edges[:100]), 1),
        }
        print(f"{tasks:>7} tasks: {len(edges)} dependency edges, {triples} triples generated and loaded in {load:.1f} s")
        return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    runs = {size: measure(size, args.repeat) for size in args.sizes}
    sizes = sorted(runs)
    names = list(runs[sizes[0]])
    header = f"{'query':<46}" + "".join(f"{f'{s:,} tasks':>14}" for s in sizes) + "   growth k"
    print("\n" + header + "\n" + "-" * len(header))
    for name in names:
        times = [runs[s][name] for s in sizes]
        growth = (math.log(times[-1] / times[0]) / math.log(sizes[-1] / sizes[0])
                  if len(sizes) > 1 and times[0] > 0 else float("nan"))
        print(f"{name:<46}" + "".join(f"{t:>12.3f} s" for t in times) + f"   {growth:8.2f}")


if __name__ == "__main__":
    main()
