"""Ingest documents into the store: extract, map to RDF, replace each document's named graph.

Idempotent: the manifest graph records per document its source, sha256 and extractor version; an unchanged
document is skipped before it is even parsed, a changed one replaced. A build that fails or is killed leaves every
document either as it was or fully replaced, never half-written, and the next build picks up where it stopped:

- a changed document is replaced by one SPARQL Update (drop, insert, manifest entry: one transaction);
- brand-new documents are bulk-loaded (non-transactional, 1.5-3x faster) into graphs marked ``pk:loading`` in the
  manifest first; one transaction then swaps the marks for the manifest entries, the commit point. Marked graphs
  left by a kill are dropped when the store is next opened (``drop_unfinished``). Stores without a bulk loader
  (remote endpoints) take the new documents and their manifest entries in one transaction instead.

Extraction runs in a process pool when there are enough documents to pay for it; the parent writes each batch
while the workers go on extracting (the store's loaders release the GIL).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import unquote

import pyoxigraph as ox
from tqdm import tqdm

from plankg import __version__
from plankg.graph.rdf import (
    PROV, SKOS, SenseRow, facts_to_nquads, meaning_statements, mention_place, mention_statements, target_label,
)
from plankg.graph.store import LOADING, QuerySyntaxError, Store, drop_unfinished, insert_data, open_store
from plankg.graph.vocab import ID, LINKS_GRAPH, MANIFEST_GRAPH, PK, document_graph
from plankg.ingest.crossdoc import DocumentLabels, Found, cross_document_mentions
from plankg.ingest.facts import Document
from plankg.ingest.read import document_id
from plankg.ingest.text import normalize_label

SUPPORTED_SUFFIXES = {".txt", ".html", ".htm", ".docx", ".pdf"}
# N-Quads per bulk load: each load ends in an ingest that the store later compacts, so fewer, larger loads cost
# less: 4.3M quads took 43 s of CPU in 200 MB loads, 57 s in 48 MB loads, for a peak of 1.4 GB instead of 0.4 GB
BATCH_BYTES = 200_000_000
PARALLEL_FROM = 8  # documents to extract before a process pool pays for its start-up
DCT_SOURCE = "http://purl.org/dc/terms/source"
DCT_MODIFIED = "http://purl.org/dc/terms/modified"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
XSD_DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """plankg's version plus a digest of the extraction and mapping code: a code change re-extracts everything."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted([*package.joinpath("ingest").glob("*.py"), package / "graph" / "rdf.py"]):
        digest.update(path.name.encode() + path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """The documents under ``paths``: files as given, folders searched recursively for supported formats."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            files.append(path)
    return files


@dataclass
class Extracted:
    """One document's result from a worker: its graph as UTF-8 N-Quads (in its document graph), or why it failed.

    Bytes, not str: they cross the process boundary and reach the bulk loader without being decoded and encoded
    again in the parent, which does all the store writing.
    """

    path: str
    doc_id: str
    sha256: str
    nquads: bytes = b""
    triples: int = 0
    error: str | None = None

    @property
    def ntriples(self) -> str:
        """The same statements without their graph, for ``INSERT DATA { GRAPH <g> { … } }``."""
        suffix = f" <{document_graph(self.doc_id)}> .\n"
        return self.nquads.decode("utf-8").replace(suffix, " .\n")


@dataclass
class BuildReport:
    added: int = 0
    updated: int = 0
    skipped: int = 0
    dropped: int = 0
    triples: int = 0  # triples written by this build
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)

    def summary(self) -> str:
        return (f"{self.added} added, {self.updated} updated, {self.skipped} skipped, {len(self.failed)} failed, "
                f"{self.dropped} dropped; {self.triples} triples written")


def extract_file(path: str) -> Extracted:
    """Extract one file into N-Quads (runs in a worker process); any error is reported, not raised."""
    from plankg.ingest.pipeline import extract

    doc_id, sha256 = document_id(Path(path)), ""
    try:
        facts = extract(path)
        nquads, count = facts_to_nquads(facts, document_graph(facts.document.id))
        return Extracted(path, facts.document.id, facts.document.sha256, nquads.encode("utf-8"), count)
    except Exception as error:  # noqa: BLE001 - one bad file must not stop the build
        return Extracted(path, doc_id, sha256, error=f"{type(error).__name__}: {error}")


def read_manifest(store: Store) -> dict[str, dict[str, str]]:
    """Per document id: its recorded source, sha256 and extractor version."""
    rows = store.select(f"""
        SELECT ?id ?source ?sha ?version WHERE {{ GRAPH <{MANIFEST_GRAPH}> {{
          ?g <{PK}documentId> ?id ; <{DCT_SOURCE}> ?source ; <{PK}sha256> ?sha ; <{PK}extractorVersion> ?version }} }}""")
    return {str(r["id"]): {"source": str(r["source"]), "sha256": str(r["sha"]), "version": str(r["version"])}
            for r in rows}


def _manifest_entry(doc: Extracted, version: str) -> list[ox.Triple]:
    graph = ox.NamedNode(document_graph(doc.doc_id))
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    fields = [
        (f"{PK}documentId", ox.Literal(doc.doc_id)), (DCT_SOURCE, ox.Literal(doc.path)),
        (f"{PK}sha256", ox.Literal(doc.sha256)), (f"{PK}extractorVersion", ox.Literal(version)),
        (f"{PK}tripleCount", ox.Literal(str(doc.triples), datatype=ox.NamedNode(XSD_INTEGER))),
        (DCT_MODIFIED, ox.Literal(now, datatype=ox.NamedNode(XSD_DATETIME))),
    ]
    return [ox.Triple(graph, ox.NamedNode(predicate), value) for predicate, value in fields]


def _forget(doc_id: str) -> str:
    graph = document_graph(doc_id)
    return (f"DROP SILENT GRAPH <{graph}> ;\n"
            f"DELETE WHERE {{ GRAPH <{MANIFEST_GRAPH}> {{ <{graph}> ?p ?o }} }}")


def _add_new(store: Store, docs: list[Extracted], version: str) -> list[tuple[Extracted, str]]:
    """Load brand-new documents: bulk-loaded between a loading mark and the manifest commit where the store can.

    A batch the store cannot parse is loaded again document by document, so one bad document fails alone; the
    documents that failed are returned with the reason.
    """
    body = b"".join(doc.nquads for doc in docs)
    entries = [t for doc in docs for t in _manifest_entry(doc, version)]
    if not hasattr(store, "bulk_add_quads"):
        manifest = ox.serialize([ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(MANIFEST_GRAPH))
                                 for t in entries], format=ox.RdfFormat.N_QUADS)
        store.add_quads(body + manifest)
        return []
    try:
        _bulk_load(store, [document_graph(doc.doc_id) for doc in docs], body, insert_data(MANIFEST_GRAPH, entries))
    except QuerySyntaxError as error:
        if len(docs) == 1:
            return [(docs[0], f"cannot store its graph: {error}")]
        return [failure for doc in docs for failure in _add_new(store, [doc], version)]
    return []


def _bulk_load(store: Store, graphs: list[str], nquads: bytes, commit: str) -> None:
    """Bulk-load ``nquads`` into the new ``graphs``, marked ``pk:loading`` until the ``commit`` update ends the load.

    On failure the graphs are dropped; after a kill, the next open drops them (``drop_unfinished``).
    """
    marks = [ox.Triple(ox.NamedNode(graph), ox.NamedNode(LOADING), ox.Literal(True)) for graph in graphs]
    store.update(insert_data(MANIFEST_GRAPH, marks))
    try:
        store.bulk_add_quads(nquads)  # type: ignore[attr-defined]
    except BaseException:
        drop_unfinished(store)
        raise
    store.update(" ;\n".join(op for op in (commit, insert_data(MANIFEST_GRAPH, marks, "DELETE DATA")) if op))


def write_batch(store: Store, docs: list[Extracted], version: str,
                known: set[str] = frozenset()) -> list[tuple[Extracted, str]]:
    """Write ``docs`` with their manifest entries so that a crash leaves each document old or new, never half.

    New documents take the bulk path (``_add_new``); documents already in the store (``known``) are replaced by
    one SPARQL Update that drops and re-inserts them. Returns the new documents the store refused, with why.
    """
    new = [doc for doc in docs if doc.doc_id not in known]
    changed = [doc for doc in docs if doc.doc_id in known]
    return (_add_new(store, new, version) if new else []) + (_replace(store, changed, version) if changed else [])


def _replace(store: Store, docs: list[Extracted], version: str) -> list[tuple[Extracted, str]]:
    """Replace documents already in the store in one transaction; one by one if the store cannot parse them all."""
    operations = []
    for doc in docs:
        operations.append(_forget(doc.doc_id))
        operations.append(f"INSERT DATA {{ GRAPH <{document_graph(doc.doc_id)}> {{\n{doc.ntriples}}} }}")
        operations.append(insert_data(MANIFEST_GRAPH, _manifest_entry(doc, version)))
    try:
        store.update(" ;\n".join(operations))
    except QuerySyntaxError as error:
        if len(docs) == 1:
            return [(docs[0], f"cannot store its graph: {error}")]
        return [failure for doc in docs for failure in _replace(store, [doc], version)]
    return []


def drop_documents(store: Store, doc_ids: Iterable[str]) -> int:
    """Remove documents (their graph and manifest entry) and refresh the cross-document links."""
    doc_ids = list(doc_ids)
    if doc_ids:
        store.update(" ;\n".join(_forget(doc_id) for doc_id in doc_ids))
        refresh_links(store)
    return len(doc_ids)


def refresh_links(store: Store) -> None:
    """Bring the links graph up to date, writing only the statements that changed, in one transaction.

    The links graph holds what needs the whole corpus: the shared meaning nodes of expansions that several plans
    give, and the mentions each plan makes of labels other plans define, quote or name (``ingest.crossdoc``). It is
    computed from the store, so documents a build skipped take part. A store without links yet (a first build) has
    no previous links graph to keep: there they are bulk-loaded, and a killed load leaves no links graph, which the
    next build computes again.
    """
    new = link_triples(store)
    old = {quad.triple for quad in store.quads(LINKS_GRAPH)}
    if not old and new and hasattr(store, "bulk_add_quads"):
        quads = [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(LINKS_GRAPH)) for t in new]
        _bulk_load(store, [LINKS_GRAPH], ox.serialize(quads, format=ox.RdfFormat.N_QUADS), "")
    elif old != new:
        store.update(" ;\n".join(
            f"{operation} {{ GRAPH <{LINKS_GRAPH}> {{\n{ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode()}}} }}"
            for operation, triples in (("DELETE DATA", old - new), ("INSERT DATA", new - old)) if triples))


def link_triples(store: Store) -> set[ox.Triple]:
    """The links graph as the documents in the store call for it: meaning nodes and cross-document mentions."""
    senses = store.select(f"""
        SELECT ?sense ?plan ?label ?kind ?key WHERE {{ GRAPH ?g {{ ?sense a <{PK}TermSense> ;
          <{PROV}wasDerivedFrom> ?plan ; <{SKOS}prefLabel> ?label ; <{PK}termKind> ?kind
          OPTIONAL {{ ?sense <{PK}expansionKey> ?key }} }} FILTER(?g != <{LINKS_GRAPH}>) }}""")
    statements = meaning_statements(SenseRow(str(r["sense"]), str(r["plan"]), str(r["label"]), str(r["key"]))
                                    for r in senses if r["key"] is not None)
    documents = _documents(store, senses)
    found = cross_document_mentions(list(documents.values()))
    for doc, mentions in found.items():
        if mentions:
            statements += mention_statements(Document(doc, "", "", "", documents[doc].text), mentions)
    ntriples = "".join(f"{statement} .\n" for statement in dict.fromkeys(statements))
    return {quad.triple for quad in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)}


def _documents(store: Store, senses: list[dict]) -> dict[str, DocumentLabels]:
    """Every plan in the store as the cross-document pass reads it: text, senses and mentions (links excluded)."""
    documents: dict[str, DocumentLabels] = {}
    by_plan: dict[str, DocumentLabels] = {}
    for row in store.select(f"""SELECT ?plan ?text WHERE {{ GRAPH ?g {{ ?plan a <{PK}Plan> ; <{PK}fullText> ?text }}
                                FILTER(?g != <{LINKS_GRAPH}>) }}"""):
        plan = str(row["plan"])
        doc = unquote(plan.removeprefix(f"{ID}plan/"))
        by_plan[plan] = documents[doc] = DocumentLabels(doc, str(row["text"]))
    for row in senses:
        if str(row["plan"]) in by_plan:
            by_plan[str(row["plan"])].found.append(
                Found(normalize_label(str(row["label"])), "term", defined=str(row["kind"]) != "undefined"))
    system_kinds = {str(row["of"]): str(row["kind"]) for row in store.select(
        f"SELECT DISTINCT ?of ?kind WHERE {{ ?of <{PK}systemKind> ?kind }}")}
    # one triple pattern: the mention's IRI carries its plan and span, its target's IRI the label
    for row in store.select(f"""SELECT ?mention ?of WHERE {{ GRAPH ?g {{ ?mention <{PK}mentionOf> ?of }}
                                FILTER(?g != <{LINKS_GRAPH}>) }}"""):
        plan, span = mention_place(str(row["mention"]))
        target = str(row["of"])
        kind, label = target_label(target)
        if plan in by_plan and kind:
            by_plan[plan].found.append(Found(label, kind, span=span, system_kind=system_kinds.get(target)))
    return documents


def _extract_all(paths: list[str], workers: int) -> Iterator[Extracted]:
    if workers > 1 and len(paths) >= PARALLEL_FROM:
        context = multiprocessing.get_context("forkserver")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            yield from pool.map(extract_file, paths, chunksize=max(1, min(16, len(paths) // (workers * 4))))
    else:
        yield from map(extract_file, paths)


def build_graph(paths: Iterable[Path], location: str | Store, prune: bool = False,
                workers: int | None = None, progress: bool | None = None) -> BuildReport:
    """Ingest ``paths`` (files or folders) into the store; ``prune`` drops documents no longer among them."""
    store = open_store(location) if isinstance(location, str) else location
    drop_unfinished(store)
    version = extractor_version()
    manifest = read_manifest(store)
    report = BuildReport()
    seen: dict[str, Path] = {}
    todo: list[str] = []
    for path in collect_files(paths):
        doc_id = document_id(path)
        if doc_id in seen:
            report.failed.append((str(path), f"same document id {doc_id!r} as {seen[doc_id]}; rename one of them"))
            continue
        seen[doc_id] = path
        try:
            sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as error:
            report.failed.append((str(path), f"cannot read the file: {error.strerror or error}"))
            continue
        known = manifest.get(doc_id)
        if known and known["sha256"] == sha256 and known["version"] == version:
            report.skipped += 1
        else:
            todo.append(str(path))

    batch: list[Extracted] = []
    size = 0
    bar = tqdm(total=len(todo), unit="doc", desc="build", file=sys.stderr, disable=None if progress is None else not progress)
    for doc in _extract_all(todo, workers or os.cpu_count() or 1):
        bar.update()
        if doc.error:
            report.failed.append((doc.path, doc.error))
            continue
        batch.append(doc)
        size += len(doc.nquads)
        if size >= BATCH_BYTES:
            _commit(store, batch, version, manifest, report)
            batch, size = [], 0
    _commit(store, batch, version, manifest, report)
    bar.close()

    if prune:
        report.dropped = drop_documents(store, [doc_id for doc_id in manifest if doc_id not in seen])
    if report.added or report.updated or report.dropped or LINKS_GRAPH not in store.graph_names():
        refresh_links(store)
    return report


def _commit(store: Store, batch: list[Extracted], version: str, manifest: dict, report: BuildReport) -> None:
    if not batch:
        return
    failed = write_batch(store, batch, version, set(manifest))
    report.failed += [(doc.path, reason) for doc, reason in failed]
    refused = {doc.doc_id for doc, _ in failed}
    for doc in batch:
        if doc.doc_id in refused:
            continue
        if doc.doc_id in manifest:
            report.updated += 1
        else:
            report.added += 1
        report.triples += doc.triples
