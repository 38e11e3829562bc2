"""The FastAPI application: SPARQL endpoint, Graph Store, REST API and pages over one store."""

from __future__ import annotations

from fastapi import FastAPI

from plankg.api import analysis_routes, fulltext, graph_store, pages, rest, sparql
from plankg.graph.store import open_store


def create_app(location: str, token: str | None = None, timeout_s: float = sparql.DEFAULT_TIMEOUT_S,
               max_rows: int = sparql.DEFAULT_MAX_ROWS) -> FastAPI:
    """The whole web application over the store at ``location`` (a data directory or a SPARQL endpoint URL).

    ``token`` unlocks SPARQL Update and Graph Store writes (none: read-only); ``timeout_s`` and ``max_rows`` limit
    each SPARQL query.
    """
    app = FastAPI(title="plankg", description="A knowledge graph of government plans.")
    app.state.store = open_store(location)
    app.state.token = token
    app.state.query_timeout_s = timeout_s
    app.state.max_rows = max_rows
    for module in (sparql, graph_store, rest, fulltext, analysis_routes, pages):
        app.include_router(module.router)
    app.add_middleware(sparql.AnswerCache)  # replays repeated /sparql queries without routing
    app.router.on_startup.append(lambda: pages.warm_in_background(app))  # non-blocking: the first visitor waits less
    return app
