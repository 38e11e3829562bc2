"""What keeps the web fast on large corpora: evidence for shown edges only, one computation per cached value,
and caches warmed at start-up without blocking it."""

from __future__ import annotations

import threading
import time

import networkx as nx
import pytest
from fastapi.testclient import TestClient

from plankg.analysis import queries
from plankg.api import pages
from plankg.api.app import create_app
from plankg.api.lookup import GenerationCache
from plankg.viz.views import DEFAULT_CAP

ID = "https://w3id.org/plankg/id/"


def chain_graph(length: int, fetched: list[list[tuple[str, str]]]) -> nx.MultiDiGraph:
    """t0 → t1 → … → t{length-1}, each edge a prerequisite whose evidence the fake store records as fetched."""
    graph = nx.MultiDiGraph()
    for i in range(length):
        graph.add_node(f"t{i}", label=f"任务{i}", kind="task")
    for i in range(length - 1):
        graph.add_edge(f"t{i}", f"t{i + 1}", key="prerequisite", kind="prerequisite", evidence=None, sentence=None,
                       iri=None, cue=None, cue_class=None, evidence_loaded=False)

    def fetch(pairs: list[tuple[str, str]]) -> list[dict[str, object]]:
        fetched.append(list(pairs))
        return [{"p": p, "d": d, "st": f"{d}/pre", "exact": f"{p}先于{d}", "sentence": "句"} for p, d in pairs]

    graph.graph["fetch_evidence"] = fetch
    return graph


def test_nearest_fetches_evidence_only_for_the_nodes_it_returns_but_counts_them_all() -> None:
    fetched: list[list[tuple[str, str]]] = []
    graph = chain_graph(50, fetched)
    shown, total = queries.nearest(graph, "t49", upstream=True, limit=3)
    assert [(r.node, r.depth) for r in shown] == [("t48", 1), ("t47", 2), ("t46", 3)]
    assert total == 49
    assert fetched == [[("t48", "t49"), ("t47", "t48"), ("t46", "t47")]]  # one fetch, the shown edges only
    assert shown[2].via.evidence == "t46先于t47"
    after, after_total = queries.nearest(graph, "t0", upstream=False, limit=2)
    assert [r.node for r in after] == ["t1", "t2"] and after_total == 49
    assert fetched[1] == [("t0", "t1"), ("t1", "t2")]


def test_the_whole_walk_still_loads_every_edge() -> None:
    fetched: list[list[tuple[str, str]]] = []
    found = queries.prerequisites(chain_graph(6, fetched), "t5")
    assert [r.node for r in found] == ["t4", "t3", "t2", "t1", "t0"]
    assert all(r.via.evidence for r in found) and len(fetched[0]) == 5


def test_a_value_asked_for_by_several_threads_at_once_is_computed_once() -> None:
    class Store:
        def generation(self) -> str:
            return "g1"

    cache = GenerationCache(Store())  # type: ignore[arg-type]
    calls = []

    def slow() -> str:
        calls.append(threading.current_thread().name)
        time.sleep(0.2)
        return "value"

    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(cache.get("key", slow))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["value"] * 4 and len(calls) == 1
    assert cache.get("other", lambda: "second") == "second"  # other keys are not held up


@pytest.fixture()
def location(make_web_store) -> str:
    return make_web_store()


def test_warm_up_renders_the_plan_views_the_first_visitor_would_wait_for(location: str) -> None:
    app = create_app(location)
    pages.warm(app)
    cache = app.state.web_cache
    assert cache.peek("stats") and cache.peek("plans") and cache.peek("label-index")
    assert cache.peek(("plan-analysis", ID + "plan/alpha")) and cache.peek(("plan", ID + "plan/alpha"))
    assert cache.peek(("view-page", "agencies", None, None, None, 2, (), DEFAULT_CAP, None))
    warmed = cache.peek(("view-page", "plan", None, ID + "plan/alpha", None, 2, (), DEFAULT_CAP, None))
    assert warmed is not None and b'id="view-data"' in warmed
    served = TestClient(app).get("/view/plan", params={"plan": ID + "plan/alpha"})
    assert served.status_code == 200 and served.content == warmed


def test_start_up_warms_in_the_background(location: str) -> None:
    app = create_app(location)
    with TestClient(app) as client:
        thread = app.state.warm_up
        assert thread.daemon
        thread.join(timeout=60)
        assert not thread.is_alive()
        assert app.state.web_cache.peek(("view-page", "plan", None, ID + "plan/alpha", None, 2, (), DEFAULT_CAP, None))
        assert client.get("/api/stats").json()["plans"] == 4
