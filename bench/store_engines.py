"""Choose the embedded engine by measurement: the same plan graph in rdflib (memory), pyoxigraph (memory, disk).

The graph is the generated corpus (bench/make_corpus.py) mapped to RDF by plankg itself. Each engine runs in its
own process (so its peak memory is its own); queries are the ones plankg serves most: a glossary lookup by bound
literal, tasks of an agency, transitive prerequisites, counts per plan. Prints seconds and ratios to pyoxigraph.

    .venv/bin/python bench/store_engines.py [--documents 200] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

QUERIES = {
    "glossary lookup": 'SELECT ?s ?d WHERE { ?s skos:prefLabel "{label}"@zh . OPTIONAL { ?s skos:definition ?d } }',
    "tasks of an agency": "SELECT ?t ?title WHERE { ?t pk:responsibleAgency|pk:leadAgency <{agency}> ; rdfs:label ?title }",
    "transitive prerequisites": "SELECT (COUNT(*) AS ?n) WHERE { ?a pk:requires+ ?b }",
    "counts per plan": "SELECT ?p (COUNT(?t) AS ?n) WHERE { ?t p-plan:isStepOfPlan ?p } GROUP BY ?p",
}
ENGINES = ("rdflib-memory", "pyoxigraph-memory", "pyoxigraph-disk")


def make_nquads(documents: int, out: Path) -> tuple[str, str]:
    """The generated corpus as N-Quads; returns a label and an agency IRI that occur in it."""
    import pyoxigraph as ox

    from make_corpus import make_corpus
    from plankg.graph.build import extract_file
    from plankg.graph.vocab import document_graph

    paths = make_corpus(out.parent / "corpus", documents)
    with out.open("w", encoding="utf-8") as sink:
        for path in paths:
            doc = extract_file(str(path))
            sink.writelines(line[:-2] + f" <{document_graph(doc.doc_id)}> .\n" for line in doc.ntriples.splitlines())
    quads = ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS)
    label = agency = ""
    for quad in quads:
        if not label and quad.predicate.value.endswith("core#prefLabel"):
            label = quad.object.value
        if not agency and quad.predicate.value.endswith(("#leadAgency", "#responsibleAgency")):
            agency = quad.object.value
    return label, agency


def run_engine(engine: str, data: Path, label: str, agency: str, repeat: int) -> dict[str, object]:
    from plankg.graph.vocab import SPARQL_PREFIXES

    queries = {name: SPARQL_PREFIXES + q.replace("{label}", label).replace("{agency}", agency)
               for name, q in QUERIES.items()}
    started = time.perf_counter()
    if engine == "rdflib-memory":
        import rdflib

        dataset = rdflib.Dataset(default_union=True)
        dataset.parse(data, format="nquads")
        run = lambda q: len(list(dataset.query(q)))  # noqa: E731
        size = len(dataset)
    else:
        import pyoxigraph as ox

        store = ox.Store(str(data.parent / "disk-store")) if engine.endswith("disk") else ox.Store()
        store.load(path=str(data), format=ox.RdfFormat.N_QUADS)
        store.flush()
        run = lambda q: len(list(store.query(q, use_default_graph_as_union=True)))  # noqa: E731
        size = len(store)
    result: dict[str, object] = {"load_s": time.perf_counter() - started, "quads": size}
    for name, query in queries.items():
        times, rows = [], 0
        for _ in range(repeat):
            started = time.perf_counter()
            rows = run(query)
            times.append(time.perf_counter() - started)
        result[name] = statistics.median(times)
        result[name + " rows"] = rows
    result["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--engine", choices=ENGINES, help=argparse.SUPPRESS)  # one engine, in a child process
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--label", help=argparse.SUPPRESS)
    parser.add_argument("--agency", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine:
        print(json.dumps(run_engine(args.engine, args.data, args.label, args.agency, args.repeat)))
        return

    with tempfile.TemporaryDirectory(prefix="plankg-store-engines-") as tmp:
        data = Path(tmp) / "graph.nq"
        label, agency = make_nquads(args.documents, data)
        results = {}
        for engine in ENGINES:
            child = subprocess.run([sys.executable, __file__, "--engine", engine, "--data", str(data), "--label", label,
                                    "--agency", agency, "--repeat", str(args.repeat)],
                                   check=True, capture_output=True, text=True)
            results[engine] = json.loads(child.stdout)
    base = results["pyoxigraph-memory"]
    print(f"{base['quads']:,} quads from {args.documents} generated documents; medians of {args.repeat} runs; "
          "load in s, queries in ms, peak memory in MiB; (ratio to pyoxigraph-memory)")
    print(f"{'measure':<26}" + "".join(f"{engine:>26}" for engine in ENGINES))
    for measure in ["load_s", *QUERIES, "peak_rss_mib"]:
        cells = []
        for engine in ENGINES:
            value = results[engine][measure]
            ratio = value / base[measure] if base[measure] else float("nan")
            shown = value * 1000 if measure in QUERIES else value  # queries in ms, load in s, memory in MiB
            cells.append(f"{shown:>12.3f} ({ratio:>7.1f}×)")
        print(f"{measure:<26}" + "".join(f"{cell:>26}" for cell in cells))


if __name__ == "__main__":
    main()
