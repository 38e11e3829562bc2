"""The store: one small interface over an embedded Oxigraph database or a remote SPARQL 1.1 endpoint.

Every reader of the graph (CLI, analysis, API) goes through ``Store``; ``open_store(location)`` picks the
implementation: a directory path gives the embedded store, an ``http(s)://`` URL a remote endpoint.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Protocol

import pyoxigraph as ox

DEFAULT_STORE = "data/store"


class Store(Protocol):
    """What the rest of plankg may ask of a store."""

    location: str

    def select(self, query: str) -> list[dict[str, object]]:
        """Rows of a SELECT, each variable bound to a Python value (IRIs as str, literals as int/float/str…)."""

    def ask(self, query: str) -> bool: ...

    def quads(self, graph: str | None = None) -> Iterable[ox.Quad]:
        """All quads (of one named graph), for bulk reads such as the NetworkX projection."""

    def replace_graphs(self, graphs: dict[str, Iterable[ox.Triple]], drop: Iterable[str] = ()) -> None:
        """Atomically replace the named graphs in ``graphs`` and drop those in ``drop``."""

    def generation(self) -> str:
        """Changes whenever the data changes: the key for caches of derived data."""


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


def open_store(location: str | Path = DEFAULT_STORE) -> Store:
    """The store at ``location``: a directory (embedded, created if missing) or an http(s) SPARQL endpoint URL."""
    location = str(location)
    if location.startswith(("http://", "https://")):
        from plankg.graph.remote import RemoteStore

        return RemoteStore(location)
    from plankg.graph.embedded import EmbeddedStore

    return EmbeddedStore(location)
