"""The SPARQL 1.1 Protocol endpoint at /sparql and its query page.

Queries run in a bounded pool of worker threads (the event loop never waits on the engine) under the server's
timeout and row cap, and their answers are cached until the store's generation changes. Updates need the bearer
token (see ``api/auth.py``).
"""

from __future__ import annotations

import asyncio
import re
import time
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from string import Template
from typing import NamedTuple
from urllib.parse import parse_qs

import pyoxigraph as ox
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, PlainTextResponse, Response

from plankg.api.auth import require_writer
from plankg.api.sparql_protocol import (
    BOOLEAN_FORMATS, GRAPH_FORMATS, RESULT_FORMATS, Operation, ProtocolError, negotiate, parse_operation,
    query_dataset, with_using,
)
from plankg.graph.store import GraphNotFound, QuerySyntaxError, QueryTimeout, Store, StoreError

router = APIRouter()

DEFAULT_TIMEOUT_S = 30.0
DEFAULT_MAX_ROWS = 10_000
WORKERS = 4
CACHE_ENTRIES = 2048
CACHE_ENTRY_BYTES = 1 << 20  # larger answers are recomputed rather than kept
GENERATION_TTL_S = 1.0  # how stale the cache may be after a write by another process
CORS = {"Access-Control-Allow-Origin": "*", "Vary": "Accept"}

# What the engine is asked for: TSV and N-Triples have one line per row or triple, so the row cap is a line count,
# and pyoxigraph turns them into any other format natively.
ENGINE_ACCEPT = "text/tab-separated-values, application/n-triples"

HERE = Path(__file__).resolve().parent
PAGE = HERE / "templates" / "sparql.html"
ASSETS = {"sparql.js": "text/javascript", "sparql.css": "text/css"}


class Answer(NamedTuple):
    body: bytes
    media_type: str


class SparqlService:
    """Runs protocol operations on the store under the server's limits, and caches read answers."""

    def __init__(self, store: Store, timeout_s: float = DEFAULT_TIMEOUT_S, max_rows: int = DEFAULT_MAX_ROWS) -> None:
        self.store = store
        self.timeout_s = timeout_s
        self.max_rows = max_rows
        self._pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="plankg-sparql")
        self._cache: OrderedDict[tuple, Answer] = OrderedDict()
        self._generation = ""
        self._generation_due = 0.0

    async def run(self, function, *args):
        """``function(*args)`` in the worker pool; waiting for a free worker counts towards the timeout."""
        loop = asyncio.get_running_loop()
        try:
            return await asyncio.wait_for(loop.run_in_executor(self._pool, function, *args), self.timeout_s)
        except asyncio.TimeoutError as error:
            raise ProtocolError(503, self._timeout_message("every worker is busy or the query is heavy")) from error

    async def generation(self) -> str:
        now = time.monotonic()
        if now >= self._generation_due:
            self._generation = await self.run(self.store.generation)
            self._generation_due = now + GENERATION_TTL_S
        return self._generation

    def data_changed(self) -> None:
        """Called after a write through this server: the next query re-reads the generation."""
        self._generation_due = 0.0

    async def query(self, operation: Operation, accept: str | None, base_iri: str) -> Answer:
        key = (await self.generation(), operation, accept, base_iri)
        answer = self._cache.get(key)
        if answer is not None:
            self._cache.move_to_end(key)
            return answer
        answer = await self.run(self._evaluate, operation, accept, base_iri)
        if len(answer.body) <= CACHE_ENTRY_BYTES:
            self._cache[key] = answer
            if len(self._cache) > CACHE_ENTRIES:
                self._cache.popitem(last=False)
        return answer

    async def update(self, operation: Operation, base_iri: str) -> None:
        if not operation.text.strip():
            return
        text = _with_base(with_using(operation.text, operation.default_graphs, operation.named_graphs), base_iri)
        try:
            await self.run(self.store.update, text)
        except QuerySyntaxError as error:
            raise ProtocolError(400, f"The update does not parse: {_parser_message(error)}") from error
        except (RuntimeError, OSError) as error:  # pyoxigraph's evaluation errors, e.g. CLEAR of a missing graph
            raise ProtocolError(400, f"The update failed and changed nothing: {error}") from error
        finally:
            self.data_changed()

    def _evaluate(self, operation: Operation, accept: str | None, base_iri: str) -> Answer:
        """Runs in a worker: query the store, enforce the row cap, answer in the negotiated format."""
        default_graphs = list(operation.default_graphs) or None
        named_graphs = list(operation.named_graphs) or None
        if default_graphs is None and named_graphs is None:
            # The store's default graph is the union of all named graphs, unless the query names its own dataset.
            declared = query_dataset(operation.text)
            if declared:
                default_graphs, named_graphs = declared
        if named_graphs is not None and default_graphs is None:
            default_graphs = []  # a dataset of named graphs only has an empty default graph
        try:
            body, media_type = self.store.query_raw(
                # No timeout here: ``run`` stops waiting at the timeout, and the worker stays busy until the engine
                # finishes, so heavy queries use at most the pool's threads instead of one new thread each.
                _with_base(operation.text, base_iri), ENGINE_ACCEPT, default_graphs, named_graphs, None)
        except QuerySyntaxError as error:
            raise ProtocolError(400, f"The query does not parse: {_parser_message(error)}") from error
        except QueryTimeout as error:
            raise ProtocolError(503, self._timeout_message("the query is heavy")) from error
        except StoreError as error:
            raise ProtocolError(500, f"The store failed: {error}") from error
        except OSError as error:  # pyoxigraph's evaluation errors
            raise ProtocolError(500, f"The query failed: {error}") from error

        if media_type.startswith("application/n-triples"):
            self._check_rows(body.count(b"\n"), "triples")
            chosen = negotiate(accept, operation.format, GRAPH_FORMATS)
            if chosen.name == "ntriples":
                return Answer(body, chosen.media_type)
            triples = [quad.triple for quad in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)]
            return Answer(ox.serialize(triples, format=chosen.oxigraph) or b"", chosen.media_type)

        result = ox.parse_query_results(body, format=ox.QueryResultsFormat.TSV)
        if isinstance(result, ox.QueryBoolean):
            chosen = negotiate(accept, operation.format, BOOLEAN_FORMATS)
        else:
            self._check_rows(body.count(b"\n") - 1, "rows")
            chosen = negotiate(accept, operation.format, RESULT_FORMATS)
            if chosen.name == "tsv":
                return Answer(body, chosen.media_type)
        return Answer(result.serialize(format=chosen.oxigraph), chosen.media_type)

    def _check_rows(self, count: int, unit: str) -> None:
        if count > self.max_rows:
            raise ProtocolError(
                413, f"The result has {count} {unit}, more than this server's row cap of {self.max_rows}. "
                f"Add a LIMIT (and OFFSET to page through it), or restart the server with a larger --max-rows.",
            )

    def _timeout_message(self, why: str) -> str:
        return (f"The query did not finish within this server's {self.timeout_s:g} s timeout ({why}). Narrow it "
                "(bind literals instead of FILTER on strings, add LIMIT), or restart the server with a larger --timeout.")


def _with_base(text: str, base_iri: str) -> str:
    """The operation with the endpoint as its base IRI, on a line of its own (see ``_parser_message``)."""
    return f"BASE <{base_iri}>\n{text}"


def _parser_message(error: Exception) -> str:
    """The parser's message with its line numbers counted in the client's text, not in ``_with_base``'s."""
    return re.sub(r"error at (\d+):", lambda m: f"error at {max(int(m.group(1)) - 1, 1)}:", str(error))


def sparql_service(app: FastAPI) -> SparqlService:
    """The app's one SparqlService, made on first use from the settings ``create_app`` put on ``app.state``."""
    service = getattr(app.state, "sparql_service", None)
    if service is None:
        service = SparqlService(
            app.state.store,
            timeout_s=getattr(app.state, "query_timeout_s", DEFAULT_TIMEOUT_S),
            max_rows=getattr(app.state, "max_rows", DEFAULT_MAX_ROWS),
        )
        app.state.sparql_service = service
    return service


def endpoint_iri(request: Request) -> str:
    """This endpoint's own URL without its query string: the base IRI for relative IRIs in queries and updates."""
    return f"{request.url.scheme}://{request.url.netloc}{request.url.path}"


def error_response(error: ProtocolError) -> PlainTextResponse:
    return PlainTextResponse(error.message + "\n", status_code=error.status, headers={**CORS, **error.headers})


@router.api_route("/sparql", methods=["GET", "POST"], summary="SPARQL 1.1 Protocol endpoint (query page in a browser)")
@router.api_route("/sparql/", methods=["GET", "POST"], include_in_schema=False)
async def sparql_endpoint(request: Request) -> Response:
    """Queries by GET or POST, updates by POST with the bearer token; GET with no query shows the query page."""
    service = sparql_service(request.app)
    try:
        body = await request.body() if request.method == "POST" else b""
        operation = parse_operation(
            request.method, parse_qs(request.url.query, keep_blank_values=True), request.headers.get("content-type"),
            body,
        )
        if operation is None:
            return _page_or_description(request, service)
        if operation.kind == "update":
            require_writer(request)
            await service.update(operation, endpoint_iri(request))
            return Response(status_code=204)
        answer = await service.query(operation, request.headers.get("accept"), endpoint_iri(request))
        return Response(answer.body, media_type=answer.media_type, headers=CORS)
    except ProtocolError as error:
        return error_response(error)
    except GraphNotFound as error:
        return error_response(ProtocolError(404, str(error)))


@router.options("/sparql", include_in_schema=False)
async def sparql_preflight() -> Response:
    """CORS preflight: any origin may query; writes stay same-origin (no Authorization header allowed here)."""
    return Response(status_code=204, headers={
        **CORS, "Access-Control-Allow-Methods": "GET, POST", "Access-Control-Allow-Headers": "Accept, Content-Type",
        "Access-Control-Max-Age": "86400",
    })


def _page_or_description(request: Request, service: SparqlService) -> Response:
    """The query page for a browser, else a SPARQL service description (Turtle) for programs."""
    if "text/html" in request.headers.get("accept", ""):
        page = Template(PAGE.read_text(encoding="utf-8")).substitute(
            timeout_s=f"{service.timeout_s:g}", max_rows=str(service.max_rows))
        return HTMLResponse(page)
    endpoint = endpoint_iri(request)
    formats = "http://www.w3.org/ns/formats/"
    description = f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
<{endpoint}> a sd:Service ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage sd:SPARQL11Query, sd:SPARQL11Update ;
    sd:feature sd:UnionDefaultGraph ;
    sd:resultFormat <{formats}SPARQL_Results_JSON>, <{formats}SPARQL_Results_XML>, <{formats}SPARQL_Results_CSV>,
        <{formats}SPARQL_Results_TSV>, <{formats}Turtle>, <{formats}N-Triples>, <{formats}JSON-LD>, <{formats}RDF_XML> .
"""
    return Response(description, media_type="text/turtle", headers=CORS)


@router.get("/static/sparql/{name}", include_in_schema=False)
async def sparql_asset(name: str) -> Response:
    """The query page's script and style sheet, served from the package (the page works offline)."""
    if name not in ASSETS:
        return PlainTextResponse(f"No asset {name!r}.", status_code=404)
    return FileResponse(HERE / "static" / "sparql" / name, media_type=ASSETS[name])
