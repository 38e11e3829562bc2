"""The FastAPI application: SPARQL endpoint, Graph Store, REST API and pages over one store."""

from __future__ import annotations

from fastapi import FastAPI

from plankg.api import analysis_routes, graph_store, pages, rest, sparql
from plankg.graph.store import open_store


def create_app(location: str) -> FastAPI:
    """The whole web application over the store at ``location`` (a data directory or a SPARQL endpoint URL)."""
    app = FastAPI(title="plankg", description="A knowledge graph of government plans.")
    app.state.store = open_store(location)
    for module in (sparql, graph_store, rest, analysis_routes, pages):
        app.include_router(module.router)
    return app
