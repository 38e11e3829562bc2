"""End-to-end ingest throughput: a generated corpus (bench/make_corpus.py) built into a fresh embedded store.

Prints Chinese characters per second, overall and per core (goal: >= 200,000 per core), and the same for
extraction alone on one core, so a slow stage is easy to tell from a slow store.

    .venv/bin/python bench/ingest_speed.py [--documents 1000] [--workers N]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import make_corpus  # noqa: E402

from plankg.graph.build import build_graph, extract_file  # noqa: E402

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
GOAL = 200_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--sample", type=int, default=100, help="documents for the one-core extraction figure")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="plankg-ingest-speed-") as tmp:
        corpus = Path(tmp) / "corpus"
        paths = make_corpus(corpus, args.documents)
        han = sum(len(HAN.findall(p.read_text(encoding="utf-8"))) for p in paths)
        print(f"corpus: {len(paths)} documents, {han:,} Chinese characters; {args.workers} workers")

        sample = paths[: args.sample]
        sample_han = sum(len(HAN.findall(p.read_text(encoding="utf-8"))) for p in sample)
        started = time.perf_counter()
        triples = sum(extract_file(str(p)).triples for p in sample)
        extraction = time.perf_counter() - started
        print(f"extraction only, 1 core: {sample_han / extraction:,.0f} chars/s "
              f"({len(sample)} documents, {triples:,} triples, {extraction:.2f} s)")

        started = time.perf_counter()
        report = build_graph([corpus], str(Path(tmp) / "store"), workers=args.workers, progress=False)
        elapsed = time.perf_counter() - started
        per_core = han / elapsed / args.workers
        print(f"end to end into the store: {elapsed:.1f} s, {report.summary()}")
        for path, reason in report.failed[:3]:
            print(f"  failed: {Path(path).name}: {reason}")
        print(f"throughput: {han / elapsed:,.0f} chars/s, {per_core:,.0f} chars/s/core "
              f"({'meets' if per_core >= GOAL else 'below'} the goal of {GOAL:,})")


if __name__ == "__main__":
    main()
