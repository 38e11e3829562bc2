"""The store: one small interface over an embedded Oxigraph database or a remote SPARQL 1.1 endpoint.

Every reader of the graph (CLI, analysis, API) goes through ``Store``; ``open_store(location)`` picks the
implementation: a directory path gives the embedded store, an ``http(s)://`` URL a remote endpoint (see
``plankg.graph.remote`` for the URL convention).

Every write is one SPARQL Update request, so it is one transaction on Oxigraph (embedded or server): a write that
fails or is killed half-way leaves the previous data intact. Every write also replaces the generation token in the
manifest graph, in the same request, so ``generation()`` changes whenever the data does, even when the writer is
another process. The one exception is the embedded store's bulk load of brand-new graphs (``bulk_add_quads``): the
build marks those graphs ``pk:loading`` in the manifest before loading and commits their manifest entries after, and
``drop_unfinished`` removes any marked graph that a killed build left behind.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Protocol

import pyoxigraph as ox

from plankg.graph.vocab import MANIFEST_GRAPH, PK

DEFAULT_STORE = "data/store"
GENERATION = str(PK.generation)
LOADING = str(PK.loading)  # manifest marker on a graph whose non-transactional bulk load has not been committed


class StoreError(Exception):
    """A store operation failed; the message says why and what to do."""


class QuerySyntaxError(StoreError, ValueError):
    """The query or update does not parse; the message is the parser's."""


class QueryTimeout(StoreError, TimeoutError):
    """The query ran longer than its time limit."""


class GraphNotFound(StoreError, KeyError):
    """The named graph does not exist."""


@dataclass(frozen=True)
class Format:
    """A serialization that a query result or a graph can be written in."""

    name: str  # short name used on the command line: json, xml, csv, tsv, ttl, nt, nq, jsonld, trig, rdfxml
    media_type: str
    results: ox.QueryResultsFormat | None = None  # for SELECT/ASK results
    rdf: ox.RdfFormat | None = None  # for graphs (CONSTRUCT/DESCRIBE, graph store)


FORMATS = [
    Format("json", "application/sparql-results+json", results=ox.QueryResultsFormat.JSON),
    Format("xml", "application/sparql-results+xml", results=ox.QueryResultsFormat.XML),
    Format("csv", "text/csv", results=ox.QueryResultsFormat.CSV),
    Format("tsv", "text/tab-separated-values", results=ox.QueryResultsFormat.TSV),
    Format("ttl", "text/turtle", rdf=ox.RdfFormat.TURTLE),
    Format("nt", "application/n-triples", rdf=ox.RdfFormat.N_TRIPLES),
    Format("jsonld", "application/ld+json", rdf=ox.RdfFormat.JSON_LD),
    Format("rdfxml", "application/rdf+xml", rdf=ox.RdfFormat.RDF_XML),
    Format("nq", "application/n-quads", rdf=ox.RdfFormat.N_QUADS),
    Format("trig", "application/trig", rdf=ox.RdfFormat.TRIG),
]
_ALIASES = {"application/json": "json", "text/plain": "nt", "application/xml": "xml", "text/xml": "xml",
            "turtle": "ttl", "application/x-turtle": "ttl", "ntriples": "nt", "json-ld": "jsonld",
            "nquads": "nq", "text/x-nquads": "nq"}


def find_format(name_or_media_type: str) -> Format | None:
    """The format for a short name (``ttl``) or a media type (``text/turtle``), or None if unknown."""
    key = name_or_media_type.split(";")[0].strip().lower()
    key = _ALIASES.get(key, key)
    return next((f for f in FORMATS if key in (f.name, f.media_type)), None)


def negotiate(accept: str | None, kind: str) -> Format:
    """The best format for a result of ``kind`` ("results" for SELECT/ASK, "rdf" for graphs).

    ``accept`` is a short name, a media type or a whole HTTP Accept header (``text/turtle;q=0.9, */*;q=0.1``);
    the first acceptable candidate by quality that fits the result wins, else the default (JSON or Turtle).
    """
    candidates: list[tuple[float, int, str]] = []
    for index, part in enumerate((accept or "").split(",")):
        media, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    pass
        if media and quality > 0:
            candidates.append((-quality, index, media))
    for _, _, media in sorted(candidates):
        found = find_format(media)
        if found and getattr(found, kind) is not None:
            return found
    return find_format("json" if kind == "results" else "ttl")  # type: ignore[return-value]


class Store(Protocol):
    """What the rest of plankg may ask of a store.

    Queries see the default graph as the union of all named graphs unless ``default_graphs`` says otherwise.
    Graph arguments are IRIs as str; ``None`` means the store's default graph.
    """

    location: str

    def select(self, query: str) -> list[dict[str, object]]:
        """Rows of a SELECT, each variable bound to a Python value (IRIs as str, literals as int/float/str…)."""

    def ask(self, query: str) -> bool: ...

    def quads(self, graph: str | None = None) -> Iterable[ox.Quad]:
        """All quads in named graphs (or of one named graph), for bulk reads such as the NetworkX projection."""

    def replace_graphs(self, graphs: dict[str, Iterable[ox.Triple]], drop: Iterable[str] = ()) -> None:
        """Atomically replace the named graphs in ``graphs`` and drop those in ``drop``."""

    def generation(self) -> str:
        """Changes whenever the data changes: the key for caches of derived data."""

    def query_raw(self, query: str, accept: str | None = None, default_graphs: list[str] | None = None,
                  named_graphs: list[str] | None = None, timeout_s: float | None = None) -> tuple[bytes, str]:
        """Run any query and serialize its result: (body, media type), negotiated from ``accept`` (see ``negotiate``).

        Raises QuerySyntaxError (the parser's message) and QueryTimeout.
        """

    def update(self, update: str) -> None:
        """Run a SPARQL Update (one transaction). Raises QuerySyntaxError."""

    def add_quads(self, nquads: bytes) -> None:
        """Add N-Quads in one transaction: the fast path for loading new graphs."""

    def graph_get(self, graph: str | None, accept: str | None = None) -> tuple[bytes, str]:
        """One graph serialized (Turtle by default). Raises GraphNotFound."""

    def graph_put(self, graph: str | None, data: bytes, media_type: str) -> bool:
        """Replace a graph by the given RDF; True if the graph was created."""

    def graph_post(self, graph: str | None, data: bytes, media_type: str) -> bool:
        """Add the given RDF to a graph; True if the graph was created."""

    def graph_delete(self, graph: str | None) -> None:
        """Drop a graph. Raises GraphNotFound."""

    def graph_names(self) -> list[str]:
        """IRIs of the named graphs in the store."""


def python_value(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> object:
    """A Python value for an RDF term: IRIs and blank nodes as str, typed literals as int/float/bool/str."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype.endswith(("#integer", "#int", "#long", "#nonNegativeInteger", "#gYear")):
            try:
                return int(term.value)
            except ValueError:
                return term.value
        if datatype.endswith(("#decimal", "#double", "#float")):
            return float(term.value)
        if datatype.endswith("#boolean"):
            return term.value == "true"
        return term.value
    return term.value


def graph_ref(graph: str | None) -> str:
    """``GRAPH <iri>`` or ``DEFAULT`` for the DROP/CLEAR forms of SPARQL Update."""
    return "DEFAULT" if graph is None else f"GRAPH <{graph}>"


def triples_block(triples: Iterable[ox.Triple]) -> str:
    """Triples as N-Triples lines, valid inside SPARQL ``INSERT DATA``."""
    return ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def insert_data(graph: str | None, triples: Iterable[ox.Triple], operation: str = "INSERT DATA") -> str:
    """``INSERT DATA`` (or ``operation="DELETE DATA"``) of ``triples`` in ``graph``; "" when there are none."""
    block = triples_block(triples)
    if not block.strip():
        return ""
    return f"{operation} {{ GRAPH <{graph}> {{\n{block}}} }}" if graph else f"{operation} {{\n{block}}}"


def bump_generation() -> str:
    """The update operations that replace the generation token in the manifest graph."""
    token = uuid.uuid4().hex
    return (f"DELETE WHERE {{ GRAPH <{MANIFEST_GRAPH}> {{ <{MANIFEST_GRAPH}> <{GENERATION}> ?old }} }};\n"
            f'INSERT DATA {{ GRAPH <{MANIFEST_GRAPH}> {{ <{MANIFEST_GRAPH}> <{GENERATION}> "{token}" }} }}')


def with_generation(update: str) -> str:
    """``update`` followed by the generation bump, so both happen in one request (one transaction)."""
    body = update.strip().rstrip(";").strip()
    return f"{body} ;\n{bump_generation()}" if body else bump_generation()


def replace_graphs_update(graphs: dict[str, Iterable[ox.Triple]], drop: Iterable[str] = ()) -> str:
    """One SPARQL Update that drops ``drop`` and replaces each graph of ``graphs`` by its triples."""
    operations = [f"DROP SILENT GRAPH <{name}>" for name in [*graphs, *drop]]
    operations += [insert for name, triples in graphs.items() if (insert := insert_data(name, triples))]
    return with_generation(" ;\n".join(operations))


def drop_unfinished(store: Store) -> list[str]:
    """Drop the graphs a killed bulk load left half-written (still marked ``pk:loading``); their IRIs."""
    rows = store.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH <{MANIFEST_GRAPH}> {{ ?g <{LOADING}> ?x }} }}")
    graphs = [str(row["g"]) for row in rows]
    if graphs:
        store.update(" ;\n".join([*(f"DROP SILENT GRAPH <{graph}>" for graph in graphs),
                                   f"DELETE WHERE {{ GRAPH <{MANIFEST_GRAPH}> {{ ?g <{LOADING}> ?x }} }}"]))
    return graphs


def rdf_to_triples(data: bytes, media_type: str) -> list[ox.Triple]:
    """Parse an RDF payload (any format ``find_format`` knows) into triples; quads lose their graph."""
    found = find_format(media_type)
    if found is None or found.rdf is None:
        raise StoreError(f"unsupported RDF media type {media_type!r}: send Turtle, N-Triples, JSON-LD or RDF/XML")
    try:
        return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, format=found.rdf)]
    except SyntaxError as error:
        raise QuerySyntaxError(f"cannot parse the {found.name} payload: {error}") from error


def open_store(location: str | Path = DEFAULT_STORE) -> Store:
    """The store at ``location``: a directory (embedded, created if missing) or an http(s) SPARQL endpoint URL."""
    location = str(location)
    if location.startswith(("http://", "https://")):
        from plankg.graph.remote import RemoteStore

        return RemoteStore(location)
    from plankg.graph.embedded import EmbeddedStore

    return EmbeddedStore(location)
