"""The serve command."""

from __future__ import annotations

import click

from plankg.settings import store_option


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@store_option
@click.option("--token", envvar="PLANKG_TOKEN", default=None,
              help="Bearer token that allows SPARQL Update and Graph Store writes (env PLANKG_TOKEN); none: read-only.")
@click.option("--timeout", default=30.0, show_default=True, type=float, help="Time limit of one SPARQL query, in seconds.")
@click.option("--max-rows", default=10_000, show_default=True, type=int,
              help="Largest SPARQL result (rows or triples) the endpoint returns; larger ones are refused.")
def serve(host: str, port: int, store: str, token: str | None, timeout: float, max_rows: int) -> None:
    """Serve the graph: SPARQL endpoint, REST API and pages."""
    import uvicorn

    from plankg.api.app import create_app

    uvicorn.run(create_app(store, token=token, timeout_s=timeout, max_rows=max_rows), host=host, port=port)


COMMANDS = [serve]
