"""Generate a corpus of plan-like documents by recombining real paragraphs of the sample corpus.

Each document keeps a real title line and a random run of real paragraphs (headings, tasks, tables, glossary
entries) from the samples, so extraction meets the same kinds of text at realistic sizes.

    .venv/bin/python bench/make_corpus.py OUT_DIR [--documents 1000] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "corpus"


def paragraphs() -> list[list[str]]:
    """Each sample's non-blank lines, in order."""
    return [[line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            for path in sorted(SAMPLES.glob("*.txt"))]


def make_corpus(out: Path, documents: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    sources = paragraphs()
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(documents):
        lines = rng.choice(sources)
        title = lines[0]
        start = rng.randrange(1, max(2, len(lines) - 20))
        body = lines[start:start + rng.randint(20, 120)]
        extra = rng.choice(sources)  # a run from another document: new combinations of headings and tasks
        offset = rng.randrange(1, max(2, len(extra) - 10))
        body += extra[offset:offset + rng.randint(0, 40)]
        path = out / f"generated-{n:05d}.txt"
        path.write_text("\n".join([title, *body]) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = make_corpus(args.out, args.documents, args.seed)
    size = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    print(f"{len(paths)} documents, {size:,} characters in {args.out}")


if __name__ == "__main__":
    main()
