"""The evaluate command: extraction precision and recall against a gold annotation."""

from __future__ import annotations

from pathlib import Path

import click

from plankg.settings import SAMPLE_CORPUS


@click.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--corpus",
    "corpus_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder holding the documents the gold file names (default: next to GOLD in ../corpus, then the sample corpus).",
)
def evaluate(gold: Path, corpus_dirs: tuple[Path, ...]) -> None:
    """Score extraction against GOLD (e.g. ../shared/gold/seeds.json): precision, recall and F1 per category."""
    from plankg.evaluation.run import evaluate as run_evaluation
    from plankg.evaluation.run import format_table

    directories = list(corpus_dirs) or [gold.resolve().parent.parent / "corpus", SAMPLE_CORPUS]
    click.echo(format_table(run_evaluation(gold, directories)))


COMMANDS = [evaluate]
