"""Commands that write and read the graph: build, query, export."""

from __future__ import annotations

from pathlib import Path

import click

from plankg.settings import SAMPLE_CORPUS, store_option


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@store_option
def build(paths: tuple[Path, ...], store: str) -> None:
    """Ingest documents (files or folders; default: the bundled sample corpus) into the store."""
    from plankg.graph.build import build_graph

    build_graph(list(paths) or [SAMPLE_CORPUS], store)


COMMANDS = [build]
