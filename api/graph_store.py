"""The SPARQL 1.1 Graph Store HTTP Protocol at /store (writes need the bearer token).

``?graph=IRI`` names a graph, ``?default`` the default graph; GET with neither dumps the whole dataset (N-Quads or
TriG). Status codes follow the protocol: 201 when PUT/POST creates a graph, 204 otherwise, 404 for a missing graph.
"""

from __future__ import annotations

from urllib.parse import parse_qs

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import Response

from plankg.api.auth import require_writer
from plankg.api.sparql import CORS, error_response, sparql_service
from plankg.api.sparql_protocol import (
    DATASET_FORMATS, GRAPH_FORMATS, Format, ProtocolError, negotiate, split_content_type,
)
from plankg.graph.store import GraphNotFound, QuerySyntaxError, Store, StoreError

router = APIRouter()

UPLOAD_FORMATS = {candidate.media_type for candidate in GRAPH_FORMATS + DATASET_FORMATS[:1]}


def _target(request: Request) -> tuple[bool, str | None]:
    """``(named, iri)``: ``(True, iri)`` for ?graph=IRI, ``(True, None)`` for ?default, ``(False, None)`` for neither."""
    params = parse_qs(request.url.query, keep_blank_values=True)
    graphs = params.get("graph", [])
    if graphs and "default" in params:
        raise ProtocolError(400, "Use either ?graph=IRI or ?default, not both.")
    if len(graphs) > 1:
        raise ProtocolError(400, "Name one graph: this request has several graph= parameters.")
    if graphs:
        if not graphs[0]:
            raise ProtocolError(400, "?graph= needs an absolute IRI, e.g. ?graph=https://example.org/g.")
        return True, graphs[0]
    return "default" in params, None


async def graph_store(request: Request) -> Response:
    service = sparql_service(request.app)
    store = service.store
    graph = None
    try:
        targeted, graph = _target(request)
        accept = request.headers.get("accept")
        override = parse_qs(request.url.query).get("format", [None])[0]
        if request.method in ("GET", "HEAD"):
            if targeted:
                chosen = negotiate(accept, override, GRAPH_FORMATS)
                body, media_type = await service.run(store.graph_get, graph, chosen.media_type)
            else:
                chosen = negotiate(accept, override, DATASET_FORMATS)
                body = await service.run(_dump_dataset, store, chosen)
                media_type = chosen.media_type
            return Response(b"" if request.method == "HEAD" else body, media_type=media_type, headers=CORS)
        require_writer(request)
        if not targeted:
            raise ProtocolError(400, f"{request.method} needs a target: ?graph=IRI or ?default.")
        if request.method == "DELETE":
            await service.run(store.graph_delete, graph)
            return Response(status_code=204)
        media_type, _ = split_content_type(request.headers.get("content-type"))
        if media_type not in UPLOAD_FORMATS:
            raise ProtocolError(
                415, f"Cannot read {media_type or 'a body without Content-Type'}; send one of "
                f"{', '.join(sorted(UPLOAD_FORMATS))}.",
            )
        write = store.graph_put if request.method == "PUT" else store.graph_post
        created = await service.run(write, graph, await request.body(), media_type)
        return Response(status_code=201 if created else 204)
    except ProtocolError as error:
        return error_response(error)
    except GraphNotFound:
        return error_response(ProtocolError(404, f"No graph <{graph}> in the store."))
    except QuerySyntaxError as error:
        return error_response(ProtocolError(400, str(error)))
    except StoreError as error:
        return error_response(ProtocolError(500, f"The store failed: {error}"))
    finally:
        if request.method not in ("GET", "HEAD"):
            service.data_changed()


def _dump_dataset(store: Store, chosen: Format) -> bytes:
    """Every named graph, as quads: the whole dataset."""
    return ox.serialize(list(store.quads()), format=chosen.oxigraph) or b""


# One route per method, so that each OpenAPI operation has an id of its own.
for _method in ("GET", "HEAD", "PUT", "POST", "DELETE"):
    router.add_api_route(
        "/store", graph_store, methods=[_method], operation_id=f"graph_store_{_method.lower()}",
        summary="SPARQL 1.1 Graph Store HTTP Protocol (?graph=IRI or ?default)",
    )
