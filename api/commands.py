"""The serve command."""

from __future__ import annotations

import click

from plankg.settings import store_option


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@store_option
def serve(host: str, port: int, store: str) -> None:
    """Serve the graph: SPARQL endpoint, REST API and pages."""
    import uvicorn

    from plankg.api.app import create_app

    uvicorn.run(create_app(store), host=host, port=port)


COMMANDS = [serve]
