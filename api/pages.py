"""HTML entity pages (home, plan, term, agency, task), graph views, and IRI resolution at /id/….

Every ``https://w3id.org/plankg/id/…`` IRI resolves at ``/id/…`` on this server: HTML for a browser, Turtle,
JSON-LD or N-Triples when ``Accept`` (or ``?format=``) asks for them. Templates autoescape; document text is
never marked safe; pages load no script inline (the Content-Security-Policy forbids it) and nothing from a CDN.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from rdflib import BNode, Graph, Literal, URIRef

from plankg.api.fulltext import text_hits, text_index
from plankg.api.lookup import GenerationCache
from plankg.api.rest import (agency_detail, app_cache, cache_of, checked_iri, graph_view, hit_ref, kind_of,
                             plan_analysis, plan_detail, plan_list, ref, select, statistics, task_detail, term_detail)
from plankg.graph.vocab import ID, PREFIXES
from plankg.viz import views
from plankg.viz.render import ASSETS, render
from plankg.viz.timeline import timeline_chart

router = APIRouter(include_in_schema=False)
log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data:; frame-ancestors 'self'; base-uri 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
}
RDF_FORMATS = {  # media type -> (rdflib format, file suffix)
    "text/turtle": ("turtle", "ttl"), "application/ld+json": ("json-ld", "jsonld"),
    "application/n-triples": ("nt", "nt"),
}
SUFFIXES = {suffix: media for media, (_, suffix) in RDF_FORMATS.items()}


def highlight(sentence: object, exact: object, at: int | None = None) -> Markup:
    """The sentence with the evidence marked; both escaped (document text is data).

    ``at`` is the evidence's offset in the sentence (its character span minus the sentence's start): two mentions
    of one term in one sentence each mark their own place. Without it (stores built before ``pk:sentenceStart``),
    the first occurrence is marked.
    """
    sentence, exact = str(sentence or ""), str(exact or "")
    if at is None or sentence[at:at + len(exact)] != exact:
        at = sentence.find(exact) if exact else -1
    if at < 0:
        return escape(sentence or exact)
    return Markup("{}<mark>{}</mark>{}").format(sentence[:at], exact, sentence[at + len(exact):])


templates = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
templates.filters["highlight"] = highlight
templates.filters["urlquote"] = lambda value: quote(str(value), safe="")


def html(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(templates.get_template(name).render(**context), status_code=status, headers=SECURITY_HEADERS)


def _file(root: Path, name: str) -> FileResponse:
    path = (root / name).resolve()
    if root not in path.parents or not path.is_file():
        raise HTTPException(404, f"No file {name!r}.")
    return FileResponse(path, headers={"Cache-Control": "public, max-age=3600"})


@router.get("/static/{name:path}")
def static(name: str) -> FileResponse:
    return _file(STATIC, name)


@router.get("/viz/assets/{name:path}")
def viz_assets(name: str) -> FileResponse:
    return _file(ASSETS, name)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    cache = cache_of(request)
    return html("home.html", stats=cache.get("stats", lambda: statistics(cache.store)),
                plans=cache.get("plans", lambda: plan_list(cache.store)))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "") -> HTMLResponse:
    """The search results without JavaScript (the home page's type-ahead uses /api/search)."""
    hits = [hit_ref(h) for h in cache_of(request).index().search(q)[:100]] if q.strip() else []
    said = text_hits(text_index(request), q, None, 50, 0) if q.strip() else None
    return html("search.html", q=q, hits=hits, said=said)


# ---------------------------------------------------------------- IRI resolution


def _resolve(store: Any, path: str, raw_path: str) -> tuple[str, str] | None:
    """The IRI a /id/… path names and its kind: as sent, decoded, or re-encoded (IRIs are percent-encoded)."""
    raw = raw_path.split("/id/", 1)[1] if "/id/" in raw_path else path
    candidates = [raw, unquote(raw), "/".join(quote(unquote(part), safe="=,") for part in raw.split("/"))]
    for local in dict.fromkeys(candidates):
        iri = ID + local
        if re.search(r"[\s<>\"{}|^`\\]", iri):
            continue
        kind = kind_of(store, iri)
        if kind:
            return iri, kind
    return None


def _wanted_format(request: Request, fmt: str | None) -> str | None:
    """The RDF media type asked for by ?format= or Accept (by q-value), None for HTML."""
    if fmt:
        if fmt not in SUFFIXES:
            raise HTTPException(400, f"Unknown format {fmt!r}: use one of {sorted(SUFFIXES)}.")
        return SUFFIXES[fmt]
    choices = []
    for position, part in enumerate(request.headers.get("accept", "").split(",")):
        media, *params = (piece.strip() for piece in part.split(";"))
        q = next((float(p[2:]) for p in params if p.startswith("q=") and re.fullmatch(r"q=[0-9.]+", p)), 1.0)
        choices.append((-q, position, media.lower()))
    for _, _, media in sorted(choices):
        if media in RDF_FORMATS:
            return media
        if media in ("text/html", "application/xhtml+xml", "*/*", "text/*"):
            return None
    return None


def describe(store: Any, iri: str, media: str) -> Response:
    """The resource's own statements in the asked RDF syntax."""
    rows = select(store, f"""
        SELECT ?p ?o ?text (isIRI(?o) AS ?isIri) (isBlank(?o) AS ?isBlank) (LANG(?o) AS ?lang)
               (STR(DATATYPE(?o)) AS ?dt) WHERE {{ <{checked_iri(iri)}> ?p ?o BIND(STR(?o) AS ?text) }}""")
    graph = Graph(bind_namespaces="none")
    for name, namespace in PREFIXES.items():
        graph.bind(name, namespace)
    subject = URIRef(iri)
    for row in rows:
        text = str(row["text"])
        if row["isIri"]:
            value: Any = URIRef(text)
        elif row["isBlank"]:
            value = BNode(text)
        elif row["lang"]:
            value = Literal(text, lang=str(row["lang"]))
        else:
            value = Literal(text, datatype=URIRef(str(row["dt"])) if row["dt"] else None)
        graph.add((subject, URIRef(str(row["p"])), value))
    syntax, _ = RDF_FORMATS[media]
    body = graph.serialize(format=syntax, **({"auto_compact": True} if syntax == "json-ld" else {}))
    return Response(body, media_type=media, headers={"Vary": "Accept"})


@router.get("/id/{path:path}")
def resolve(request: Request, path: str, format: str | None = Query(None, description="ttl, jsonld or nt")) -> Response:
    cache = cache_of(request)
    found = _resolve(cache.store, path, request.scope.get("raw_path", b"").decode("latin-1"))
    media = _wanted_format(request, format)
    if found is None:
        if media:
            raise HTTPException(404, f"No resource /id/{path}. Search at /api/search?q=.")
        return html("not_found.html", 404, path=path)
    iri, kind = found
    if media:
        return cache.get(("rdf", iri, media), lambda: describe(cache.store, iri, media))
    readers = {"plan": (plan_detail, "plan.html"), "task": (task_detail, "task.html"),
               "term": (term_detail, "term.html"), "agency": (agency_detail, "agency.html")}
    if kind in readers:
        reader, template = readers[kind]
        item = cache.get((kind, iri), lambda: reader(cache.store, iri))
        extra = {}
        if kind == "plan":
            analysis = cache.get(("plan-analysis", iri), lambda: plan_analysis(cache, iri))
            extra = {"analysis": analysis, "timeline": timeline_chart(analysis["timeline"], analysis["start"])}
        response = html(template, item=item, **extra)
    else:
        response = html("resource.html", kind=kind, iri=iri, item=_resource(cache.store, iri))
    response.headers["Vary"] = "Accept"
    return response


def _resource(store: Any, iri: str) -> dict[str, Any]:
    """Any other resource (evidence, sense, heading, system …): its statements both ways, labels resolved."""
    out = select(store, f"""
        SELECT ?p ?o ?label (isIRI(?o) AS ?isIri) WHERE {{ <{iri}> ?p ?o
          OPTIONAL {{ ?o rdfs:label|skos:prefLabel|dcterms:title ?label }} }} ORDER BY ?p""")
    incoming = select(store, f"""
        SELECT ?s ?p ?label WHERE {{ ?s ?p <{iri}> OPTIONAL {{ ?s rdfs:label|skos:prefLabel|dcterms:title ?label }}
        }} ORDER BY ?p LIMIT 500""")
    values = {str(r["p"]).rsplit("#", 1)[-1].rsplit("/", 1)[-1]: r["o"] for r in out if not r["isIri"]}
    start, sentence_start = values.get("start"), values.get("sentenceStart")
    return {"out": out, "incoming": incoming, "exact": values.get("exact"), "sentence": values.get("sentence"),
            "at": int(start) - int(sentence_start) if start is not None and sentence_start is not None else None,
            "label": values.get("label") or values.get("prefLabel") or values.get("exact")}


# ---------------------------------------------------------------- graph views


def _int(value: str | None, name: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        return int(value)
    except ValueError:
        raise HTTPException(422, f"{name} must be a whole number, not {value!r}.") from None


@router.get("/view/{name}", response_class=HTMLResponse)
def view_page(request: Request, name: str, node: str | None = None, plan: str | None = None,
              year: str | None = None, depth: int = Query(2, ge=1, le=4), type: list[str] = Query(default=[]),
              cap: int = Query(views.DEFAULT_CAP, ge=10, le=20000),
              min_plans: str | None = None) -> HTMLResponse:
    """One graph view (neighbourhood, plan, concepts, agencies) as a page the entity pages embed."""
    shared = _int(min_plans, "min_plans")
    if shared is not None and shared < 1:
        raise HTTPException(422, f"min_plans counts plans: give 1 or more, not {shared}.")
    body = view_body(cache_of(request), name, node, plan, _int(year, "year"), depth, type, cap, shared)
    return HTMLResponse(body, headers=SECURITY_HEADERS)


def view_body(cache: GenerationCache, name: str, node: str | None, plan: str | None, year: int | None,
              depth: int, kinds: list[str], cap: int, min_plans: int | None = None) -> bytes:
    """The encoded page of a view, rendered once per generation: a large view's page is most of a megabyte."""

    def compute() -> bytes:
        plans = cache.get("plans", lambda: plan_list(cache.store))
        view, controls, hidden = graph_view(cache, name, node, plan, year, depth, kinds, cap, min_plans)
        return render(view, controls=controls, plans=plans if "plan" in controls else [], hidden=hidden,
                      cap=cap).encode()

    return cache.get(("view-page", name, node, plan, year, depth, tuple(sorted(kinds)), cap, min_plans), compute)


# ---------------------------------------------------------------- warm-up

WARM_PLANS = 10
"""Plans (most tasks first) whose dependency view, analysis and detail are computed at start-up."""


def warm(app: Any) -> None:
    """Compute what first visitors would wait for, in the order they are likely to need it: the home page's
    statistics and plans, the search index, the two views every page links to, then for the largest plans their
    dependency view (the analysis projection and schedule on the way), analysis and detail. Each value lands in
    the per-generation cache the requests read."""
    cache = app_cache(app)
    cache.get("stats", lambda: statistics(cache.store))
    plans = cache.get("plans", lambda: plan_list(cache.store))
    cache.index()
    for name in ("concepts", "agencies"):
        view_body(cache, name, None, None, None, 2, [], views.DEFAULT_CAP)
    for plan in sorted(plans, key=lambda p: -(p["tasks"] or 0))[:WARM_PLANS]:
        iri = plan["iri"]
        view_body(cache, "plan", None, iri, None, 2, [], views.DEFAULT_CAP)
        cache.get(("plan-analysis", iri), lambda: plan_analysis(cache, iri))
        cache.get(("plan", iri), lambda: plan_detail(cache.store, iri))


def warm_in_background(app: Any) -> threading.Thread:
    """Start ``warm`` on a daemon thread (kept as ``app.state.warm_up``) and return at once: start-up never
    waits, a failure is only logged."""

    def run() -> None:
        started = time.perf_counter()
        try:
            warm(app)
        except Exception:  # noqa: BLE001 - the requests will compute (and report) the same values themselves
            log.exception("Warming the web caches failed; pages will compute their values on first use.")
        else:
            log.info("Web caches warmed in %.1f s.", time.perf_counter() - started)

    thread = app.state.warm_up = threading.Thread(target=run, name="plankg-warm-up", daemon=True)
    thread.start()
    return thread
