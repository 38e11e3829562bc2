"""The serve command."""

from __future__ import annotations

from importlib.util import find_spec

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
@click.option("--access-log/--no-access-log", default=False, show_default=True,
              help="Log every request (uvicorn's access log; off by default, it slows small answers).")
def serve(host: str, port: int, store: str, token: str | None, timeout: float, max_rows: int, access_log: bool) -> None:
    """Serve the graph: SPARQL endpoint, REST API and pages."""
    import uvicorn

    from plankg.api.app import create_app

    # uvicorn's C event loop and HTTP parser when installed (uvicorn[standard]): most of a small answer's cost is HTTP.
    loop = "uvloop" if find_spec("uvloop") else "asyncio"
    http = "httptools" if find_spec("httptools") else "h11"
    app = create_app(store, token=token, timeout_s=timeout, max_rows=max_rows)
    click.echo(f"plankg: serving {store} at http://{host}:{port}/sparql ({loop} event loop, {http} parser)", err=True)
    uvicorn.run(app, host=host, port=port, loop=loop, http=http, access_log=access_log)


COMMANDS = [serve]
