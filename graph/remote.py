"""A remote store: any SPARQL 1.1 endpoint, over the Query, Update and Graph Store HTTP protocols.

URL convention for ``--store``:

- ``http://host:7878`` (no path): an Oxigraph server. Queries go to ``/query`` (with Oxigraph's
  ``union-default-graph`` so the default graph is the union of the named graphs, as in the embedded store),
  updates to ``/update``, graph store requests to ``/store``.
- ``http://host/path/sparql``: queries and updates both go to that URL, the graph store to ``store`` beside it
  (``http://host/path/store``): the layout of ``plankg serve``. Other layouts name their endpoints in the URL's
  fragment, relative or absolute: ``http://host/ds/sparql#update=update&store=data`` for Jena Fuseki. The endpoint
  should treat its default graph as the union of the named graphs (plankg serve does; Fuseki:
  ``tdb2:unionDefaultGraph true``).

Writes are single SPARQL Update requests, so they are atomic where the endpoint runs a request as a transaction
(Oxigraph does).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Iterable

import pyoxigraph as ox

from plankg.graph.store import (
    GENERATION, GraphNotFound, QuerySyntaxError, QueryTimeout, StoreError, insert_data, negotiate, python_value,
    replace_graphs_update, with_generation,
)
from plankg.graph.vocab import MANIFEST_GRAPH

JSON_RESULTS = "application/sparql-results+json"


class RemoteStore:
    def __init__(self, url: str, timeout_s: float = 300.0) -> None:
        self.location = url
        self.timeout_s = timeout_s
        base, _, fragment = url.partition("#")
        options = dict(urllib.parse.parse_qsl(fragment))
        parsed = urllib.parse.urlsplit(base)
        self.union_parameter = parsed.path in ("", "/")
        if self.union_parameter:
            root = base.rstrip("/") + "/"
            self.query_url, self.update_url, self.store_url = root + "query", root + "update", root + "store"
        else:
            self.query_url = base
            self.update_url = urllib.parse.urljoin(base, options.get("update", base))
            self.store_url = urllib.parse.urljoin(base, options.get("store", "store"))
        if "query" in options:
            self.query_url = urllib.parse.urljoin(base, options["query"])

    # -- HTTP ----------------------------------------------------------------------------------------------

    def _request(self, method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None,
                 timeout_s: float | None = None) -> tuple[int, bytes, str]:
        request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=timeout_s or self.timeout_s) as response:
                return response.status, response.read(), response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as error:
            message = error.read().decode("utf-8", "replace").strip()
            if error.code == 404 and url.startswith(self.store_url):
                raise GraphNotFound(message or f"not found: {url}") from error
            if error.code == 400:
                raise QuerySyntaxError(message) from error
            raise StoreError(f"{method} {url} failed with HTTP {error.code}: {message}") from error
        except TimeoutError as error:
            raise QueryTimeout(f"{self.location} did not answer within {timeout_s or self.timeout_s:g} s") from error
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise QueryTimeout(f"{self.location} did not answer in time") from error
            raise StoreError(f"cannot reach the SPARQL endpoint {url}: {error.reason}. Is the server running?") from error

    def _query_url(self, default_graphs: list[str] | None, named_graphs: list[str] | None) -> str:
        params: list[tuple[str, str]] = [("default-graph-uri", g) for g in default_graphs or []]
        params += [("named-graph-uri", g) for g in named_graphs or []]
        if self.union_parameter and default_graphs is None:
            params.append(("union-default-graph", ""))
        return self.query_url + ("?" + urllib.parse.urlencode(params) if params else "")

    def _post_query(self, query: str, accept: str, default_graphs: list[str] | None = None,
                    named_graphs: list[str] | None = None, timeout_s: float | None = None) -> tuple[bytes, str]:
        _, body, media_type = self._request(
            "POST", self._query_url(default_graphs, named_graphs), query.encode("utf-8"),
            {"Content-Type": "application/sparql-query; charset=utf-8", "Accept": accept}, timeout_s)
        return body, media_type

    # -- reads ---------------------------------------------------------------------------------------------

    def select(self, query: str) -> list[dict[str, object]]:
        body, _ = self._post_query(query, JSON_RESULTS)
        solutions = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        names = [variable.value for variable in solutions.variables]
        return [{name: python_value(row[name]) for name in names} for row in solutions]

    def ask(self, query: str) -> bool:
        body, _ = self._post_query(query, JSON_RESULTS)
        return bool(json.loads(body)["boolean"])

    def quads(self, graph: str | None = None) -> Iterable[ox.Quad]:
        pattern = f"GRAPH <{graph}> {{ ?s ?p ?o }} BIND(<{graph}> AS ?g)" if graph else "GRAPH ?g { ?s ?p ?o }"
        body, _ = self._post_query(f"SELECT ?s ?p ?o ?g WHERE {{ {pattern} }}", JSON_RESULTS)
        for row in ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON):
            yield ox.Quad(row["s"], row["p"], row["o"], row["g"])

    def query_raw(self, query: str, accept: str | None = None, default_graphs: list[str] | None = None,
                  named_graphs: list[str] | None = None, timeout_s: float | None = None) -> tuple[bytes, str]:
        return self._post_query(query, accept or f"{JSON_RESULTS}, text/turtle;q=0.9", default_graphs,
                                named_graphs, timeout_s)

    def graph_names(self) -> list[str]:
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        return sorted(str(row["g"]) for row in rows)

    def generation(self) -> str:
        rows = self.select(f"SELECT ?v WHERE {{ GRAPH <{MANIFEST_GRAPH}> {{ <{MANIFEST_GRAPH}> <{GENERATION}> ?v }} }}")
        return str(rows[0]["v"]) if rows else "empty"

    def _graph_url(self, graph: str | None) -> str:
        return self.store_url + ("?default" if graph is None else "?" + urllib.parse.urlencode({"graph": graph}))

    def graph_get(self, graph: str | None, accept: str | None = None) -> tuple[bytes, str]:
        chosen = negotiate(accept, "rdf")
        _, body, media_type = self._request("GET", self._graph_url(graph), headers={"Accept": chosen.media_type})
        return body, media_type or chosen.media_type

    # -- writes ----------------------------------------------------------------------------------------------

    def update(self, update: str) -> None:
        self._request("POST", self.update_url, with_generation(update).encode("utf-8"),
                      {"Content-Type": "application/sparql-update; charset=utf-8"})

    def add_quads(self, nquads: bytes) -> None:
        graphs: dict[str, list[ox.Triple]] = {}
        for quad in ox.parse(nquads, format=ox.RdfFormat.N_QUADS):
            graphs.setdefault(quad.graph_name.value, []).append(ox.Triple(quad.subject, quad.predicate, quad.object))
        self.update(" ;\n".join(insert_data(graph, triples) for graph, triples in graphs.items()))

    def replace_graphs(self, graphs: dict[str, Iterable[ox.Triple]], drop: Iterable[str] = ()) -> None:
        self._request("POST", self.update_url, replace_graphs_update(graphs, drop).encode("utf-8"),
                      {"Content-Type": "application/sparql-update; charset=utf-8"})

    def _graph_write(self, method: str, graph: str | None, data: bytes | None = None,
                     media_type: str | None = None) -> bool:
        headers = {"Content-Type": media_type} if media_type else {}
        status, _, _ = self._request(method, self._graph_url(graph), data, headers)
        self.update("")  # the graph store protocol has no room for the generation bump: a second request
        return status == 201

    def graph_put(self, graph: str | None, data: bytes, media_type: str) -> bool:
        return self._graph_write("PUT", graph, data, media_type)

    def graph_post(self, graph: str | None, data: bytes, media_type: str) -> bool:
        return self._graph_write("POST", graph, data, media_type)

    def graph_delete(self, graph: str | None) -> None:
        self._graph_write("DELETE", graph)
