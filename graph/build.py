"""Ingest documents into the store: extract, map to RDF, replace each document's named graph."""

from __future__ import annotations

from pathlib import Path

from plankg.graph.rdf import facts_to_triples
from plankg.graph.store import open_store
from plankg.graph.vocab import document_graph
from plankg.ingest.pipeline import extract

SUPPORTED_SUFFIXES = {".txt", ".html", ".htm", ".docx", ".pdf"}


def collect_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            files.append(path)
    return files


def build_graph(paths: list[Path], location: str) -> None:
    store = open_store(location)
    graphs = {}
    for path in collect_files(paths):
        facts = extract(path)
        graphs[document_graph(facts.document.id)] = list(facts_to_triples(facts))
    store.replace_graphs(graphs)
