"""The embedded store: an on-disk Oxigraph database in a data directory (nothing to start)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from plankg.graph.store import python_value


class EmbeddedStore:
    def __init__(self, location: str | Path) -> None:
        self.location = str(location)
        Path(location).mkdir(parents=True, exist_ok=True)
        self._store = ox.Store(str(location))

    def select(self, query: str) -> list[dict[str, object]]:
        solutions = self._store.query(query, use_default_graph_as_union=True)
        names = [variable.value for variable in solutions.variables]
        return [{name: python_value(row[name]) for name in names} for row in solutions]

    def ask(self, query: str) -> bool:
        return bool(self._store.query(query, use_default_graph_as_union=True))

    def quads(self, graph: str | None = None) -> Iterable[ox.Quad]:
        return self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph) if graph else None)

    def replace_graphs(self, graphs: dict[str, Iterable[ox.Triple]], drop: Iterable[str] = ()) -> None:
        for name in [*graphs, *drop]:
            self._store.remove_graph(ox.NamedNode(name)) if ox.NamedNode(name) in set(self._store.named_graphs()) else None
        for name, triples in graphs.items():
            graph = ox.NamedNode(name)
            self._store.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)
        self._store.flush()

    def generation(self) -> str:
        return str(len(self._store))
