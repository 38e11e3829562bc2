"""REST endpoints of the dependency analysis under /api/analysis.

Handlers are plain ``def``: FastAPI runs them in its worker threads, so a first (or post-rebuild) projection
does not block the event loop. The projection is cached per store generation (``cached_projection``).
"""

from __future__ import annotations

from dataclasses import asdict

from fastapi import APIRouter, HTTPException, Query, Request

from plankg.analysis import findings, queries
from plankg.analysis.projection import cached_projection
from plankg.analysis.timeline import plan_schedule, resolve_plan

router = APIRouter(prefix="/api/analysis", tags=["analysis"])


def _graph(request: Request):
    return cached_projection(request.app.state.store)


def _node(graph, query: str) -> str:
    try:
        return queries.resolve_node(graph, query)
    except queries.NodeNotFound as error:
        raise HTTPException(status_code=404, detail=str(error).strip("'\"")) from None


@router.get("/deps")
def deps(request: Request, node: str = Query(..., description="IRI, end of IRI or words of the label"),
         transitive: bool = True) -> dict:
    """What a task, system or goal rests on, each edge with its cue and evidence."""
    graph = _graph(request)
    start = _node(graph, node)
    found = queries.prerequisites(graph, start, transitive=transitive)
    return {"node": queries.node_summary(graph, start), "prerequisites": [r.as_dict() for r in found]}


@router.get("/impact")
def impact(request: Request, node: str, depth: int | None = Query(None, ge=1)) -> dict:
    """Everything that waits on a node, by depth."""
    graph = _graph(request)
    start = _node(graph, node)
    found = queries.dependents(graph, start, max_depth=depth)
    return {"node": queries.node_summary(graph, start), "dependents": [r.as_dict() for r in found]}


@router.get("/path")
def path(request: Request, source: str, target: str) -> dict:
    """A chain of dependency edges between two nodes (either direction); ``edges`` is null when none."""
    graph = _graph(request)
    edges = queries.path(graph, _node(graph, source), _node(graph, target))
    return {"edges": None if edges is None else [e.as_dict() for e in edges]}


@router.get("/critical-path")
def critical_path(request: Request, plan: list[str] = Query([], description="title, document id or IRI; repeat"),
                  target: str | None = None) -> dict:
    """CPM schedule of plans or toward a target: times and slack per task, the chain with evidence, assumptions."""
    if not plan and not target:
        raise HTTPException(status_code=400, detail="give plan (title, document id or IRI) and/or target")
    try:
        return plan_schedule(_graph(request), plan, target).as_dict()
    except queries.NodeNotFound as error:
        raise HTTPException(status_code=404, detail=str(error).strip("'\"")) from None


@router.get("/timeline")
def timeline(request: Request, plan: list[str] = Query([]), target: str | None = None) -> dict:
    """Start, finish and slack per task, for timeline views."""
    result = critical_path(request, plan, target)
    return {"start": result["start"], "length_days": result["length_days"], "rows": result["rows"]}


@router.get("/conflicts")
def conflicts(request: Request) -> list[dict]:
    """Prerequisites due after the task that waits on them, with both due dates and the evidence."""
    return [c.as_dict() for c in findings.conflicts(_graph(request))]


@router.get("/cycles")
def cycles(request: Request) -> list[dict]:
    """Groups of nodes that wait on each other, with the edges inside each group."""
    return [c.as_dict() for c in findings.cycles(_graph(request))]


@router.get("/bottlenecks")
def bottlenecks(request: Request, top: int = Query(10, ge=1, le=200)) -> list[dict]:
    """Nodes ranked by how much waits on them."""
    return [asdict(b) for b in findings.bottlenecks(_graph(request), top=top)]


@router.get("/load")
def load(request: Request, plan: list[str] = Query([])) -> list[dict]:
    """Tasks per agency per deadline year."""
    graph = _graph(request)
    try:
        plans = [resolve_plan(graph, p) for p in plan]
    except queries.NodeNotFound as error:
        raise HTTPException(status_code=404, detail=str(error).strip("'\"")) from None
    return findings.agency_load(graph, plans)
