"""The FastAPI application: SPARQL endpoint, Graph Store, REST API and pages over one store."""

from __future__ import annotations

from fastapi import FastAPI

from plankg.graph.store import open_store


def create_app(location: str) -> FastAPI:
    app = FastAPI(title="plankg", description="A knowledge graph of government plans.")
    app.state.store = open_store(location)
    return app
