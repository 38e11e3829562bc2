"""Commands that write and read the graph: build, drop, query, export."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from plankg.settings import SAMPLE_CORPUS, store_option


def _open(store: str):
    from plankg.graph.store import StoreError, open_store

    try:
        return open_store(store)
    except StoreError as error:
        raise click.ClickException(str(error)) from error


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@store_option
@click.option("--prune", is_flag=True, help="Drop documents that are in the store but no longer among PATHS.")
@click.option("--workers", type=int, default=None, help="Extraction processes (default: one per core).")
def build(paths: tuple[Path, ...], store: str, prune: bool, workers: int | None) -> None:
    """Ingest documents (files or folders, searched recursively; default: the bundled sample corpus).

    Unchanged documents (same sha256 and extractor version) are skipped, changed ones replaced. A file that
    cannot be read is reported and the others are still ingested.
    """
    from plankg.graph.build import build_graph

    report = build_graph(list(paths) or [SAMPLE_CORPUS], _open(store), prune=prune, workers=workers)
    for path, reason in report.failed:
        click.echo(f"error: {path}: {reason}", err=True)
    click.echo(report.summary())
    if report.failed:
        sys.exit(1)


@click.command()
@click.argument("documents", nargs=-1, required=True)
@store_option
def drop(documents: tuple[str, ...], store: str) -> None:
    """Remove documents from the store by id (the file name's stem, as in `plankg query` results)."""
    from plankg.graph.build import drop_documents, read_manifest

    target = _open(store)
    known = read_manifest(target)
    missing = [doc for doc in documents if doc not in known]
    if missing:
        raise click.ClickException(f"not in the store: {', '.join(missing)}. Known: {', '.join(sorted(known)) or 'none'}")
    click.echo(f"{drop_documents(target, documents)} dropped")


@click.command()
@click.argument("sparql")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "tsv", "xml", "ttl", "nt", "jsonld"]),
              default="table", show_default=True, help="table for reading; the others as the SPARQL protocol gives them.")
@click.option("--timeout", type=float, default=None, help="Give up after this many seconds.")
@store_option
def query(sparql: str, fmt: str, timeout: float | None, store: str) -> None:
    """Run a SPARQL query (the default graph is the union of all documents); prefixes pk:, skos:, … are predefined."""
    from plankg.graph.store import StoreError
    from plankg.graph.vocab import SPARQL_PREFIXES

    target = _open(store)
    text = SPARQL_PREFIXES + sparql
    try:
        if fmt == "table":
            body, media_type = target.query_raw(text, "application/sparql-results+json, text/turtle;q=0.5",
                                                timeout_s=timeout)
            click.echo(_table(body) if "sparql-results" in media_type else body.decode("utf-8"))
        else:
            body, _ = target.query_raw(text, fmt, timeout_s=timeout)
            click.echo(body.decode("utf-8"), nl=False)
    except StoreError as error:
        raise click.ClickException(str(error)) from error


def _table(results_json: bytes) -> str:
    """SPARQL JSON results as aligned columns of plain values (or the answer of an ASK)."""
    import pyoxigraph as ox

    from plankg.graph.store import python_value

    results = ox.parse_query_results(results_json, format=ox.QueryResultsFormat.JSON)
    if isinstance(results, ox.QueryBoolean):
        return "yes" if results else "no"
    names = [variable.value for variable in results.variables]
    rows = [names] + [["" if (v := python_value(row[n])) is None else str(v) for n in names] for row in results]
    widths = [max(_width(row[i]) for row in rows if i < len(row)) for i in range(len(rows[0]))]
    lines = ["  ".join(cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines) + f"\n({len(rows) - 1} rows)"


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(char) >= 0x1100 else 1 for char in text)


@click.command()
@click.option("--format", "fmt", type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld", "json", "csv"]),
              default="ttl", show_default=True,
              help="RDF (ttl, nt: all graphs merged; nq, trig, jsonld: graphs kept), or the analysis form "
                   "(json: plans, tasks, terms, mentions, agencies, prerequisites, targets; csv: one table per key).")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Output file (csv: a .zip file, or a folder). Default: standard output (csv: plankg-export.zip).")
@store_option
def export(fmt: str, out: Path | None, store: str) -> None:
    """Export the whole store, for other RDF tools or for notebooks and spreadsheets."""
    from plankg.graph.export import analysis_form, export_rdf, write_csv

    target = _open(store)
    if fmt == "csv":
        out = out or Path("plankg-export.zip")
        write_csv(analysis_form(target), out)
        click.echo(f"wrote {out}", err=True)
        return
    if fmt == "json":
        body = json.dumps(analysis_form(target), ensure_ascii=False, indent=1).encode("utf-8")
    else:
        body = export_rdf(target, fmt)
    if out is None:
        sys.stdout.buffer.write(body)
    else:
        out.write_bytes(body)
        click.echo(f"wrote {out} ({len(body)} bytes)", err=True)


@click.command()
@store_option
def validate(store: str) -> None:
    """Check the store against the SHACL shapes (ontology/shapes.ttl); exit status 1 if it does not conform."""
    from plankg.graph.validate import store_graph, validate as check

    conforms, report = check(store_graph(_open(store)))
    click.echo(report)
    if not conforms:
        sys.exit(1)


COMMANDS = [build, drop, query, export, validate]
