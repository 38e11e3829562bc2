"""Run every benchmark in one go, each in its own process, and keep their reports under bench/results/.

    .venv/bin/python bench/run_all.py            # all, with each script's default sizes
    .venv/bin/python bench/run_all.py endpoint   # only the scripts whose name contains a word

Each script measures plankg and its peers side by side in one run and prints ratios: read those, not absolute
times (the machine is shared and noisy).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ["store_engines", "ingest_speed", "endpoint", "term_lookup", "analysis", "graph_view"]


def main(words: list[str]) -> int:
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    failed = []
    for name in SCRIPTS:
        if words and not any(word in name for word in words):
            continue
        print(f"\n=== bench/{name}.py", flush=True)
        started = time.monotonic()
        with open(results / f"{name}.txt", "w", encoding="utf-8") as report:
            process = subprocess.Popen(
                [sys.executable, str(HERE / f"{name}.py")], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
            )
            for line in process.stdout:
                sys.stdout.write(line)
                report.write(line)
            if process.wait():
                failed.append(name)
        print(f"=== {name}: {time.monotonic() - started:.0f} s, report in bench/results/{name}.txt", flush=True)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
