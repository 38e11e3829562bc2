"""Graph views: bulk node lists, cap and message, server-side layout, offline page, escaped data."""

from __future__ import annotations

import json
import re

import networkx as nx

from plankg.viz.render import render, script_json
from plankg.viz.timeline import LABEL_WIDTH, MAX_ROWS, timeline_chart
from plankg.viz.views import CRITICAL, GraphView, PHYSICS_LIMIT, _cap, node, plan_dependencies


def test_tooltips_are_plain_text_with_the_whole_label() -> None:
    n = node("https://w3id.org/plankg/id/term/x", "term", "<img src=x onerror=alert(1)>一个很长很长很长很长很长的标签", "证据句")
    assert n["title"].startswith("<img src=x onerror=alert(1)>一个很长")  # kept as text, shown with innerText
    assert n["label"].endswith("…") and len(n["label"]) == 18
    assert n["href"] == "/id/term/x"


def test_script_json_cannot_close_its_script_element() -> None:
    text = str(script_json({"label": "</script><script>alert(1)</script>", "sep": "\u2028"}))
    assert "<" not in text and ">" not in text and "\u2028" not in text
    assert json.loads(text)["label"] == "</script><script>alert(1)</script>"


def big_view(count: int, cap: int) -> GraphView:
    nodes = {f"t{i}": node(f"t{i}", "task", f"任务{i}") for i in range(count)}
    edges = [{"from": f"t{i}", "to": f"t{i + 1}"} for i in range(0, count - 1, 2)]
    return _cap("big", nodes, edges, cap, {})


def test_cap_keeps_the_best_connected_nodes_and_says_what_was_left_out() -> None:
    view = big_view(10, 4)
    assert len(view.nodes) == 4 and view.omitted == {"task": 6}
    assert all(e["from"] in {n["id"] for n in view.nodes} for e in view.edges)
    assert view.message.startswith("Showing 4 of 10 nodes; left out: 6 task")


def test_large_views_get_server_positions_and_no_physics() -> None:
    small, large = big_view(PHYSICS_LIMIT, 10_000), big_view(PHYSICS_LIMIT + 50, 10_000)
    assert small.physics and "x" not in small.nodes[0]
    assert not large.physics and all("x" in n and "y" in n for n in large.nodes)
    assert len({(n["x"], n["y"]) for n in large.nodes}) == len(large.nodes)  # nobody on top of anybody


def test_view_page_is_offline_and_keeps_data_out_of_the_markup() -> None:
    view = GraphView("测试", [node("a", "task", "<script>window.__pwned=1</script>")], [])
    page = render(view, controls={"year"}, cap=100)
    sources = re.findall(r'(?:src|href)="([^"]*)"', page)
    assert sources and all(s.startswith(("/viz/assets/", "/static/")) or s in ("#", "") for s in sources)
    data = re.search(r'<script type="application/json" id="view-data">(.*?)</script>', page, flags=re.S).group(1)
    assert json.loads(data)["nodes"][0]["fullLabel"] == "<script>window.__pwned=1</script>"
    assert "<script>window" not in page
    assert 'class="swatch"' in page and ">task</li>" in page  # the legend names the kinds shown


def test_a_node_typed_concept_and_goal_is_drawn_as_a_goal() -> None:
    from plankg.viz.views import _refine

    found = node("g", "component", "目标")
    _refine(found, "goal")
    assert (found["group"], found["title"]) == ("goal", "目标\n[goal]")
    _refine(found, "component")
    assert found["group"] == "goal"


def schedule_row(label: str, start: float, finish: float, latest: float, critical: bool) -> dict:
    return {"iri": f"x/{label}", "href": f"/id/{label}", "label": label, "type": "task", "earliestStart": start,
            "earliestFinish": finish, "latestFinish": latest, "start": None, "finish": None,
            "totalSlack": latest - finish, "critical": critical}


def test_timeline_bars_run_from_earliest_start_with_slack_up_to_latest_finish() -> None:
    rows = [schedule_row("甲", 0, 365, 365, True), schedule_row("乙", 365, 400, 730, False)]
    chart = timeline_chart(rows, "2021-01-01", width=730)  # one pixel per day
    first, second = chart.bars
    assert (first.x, first.width, first.slack_width, first.colour) == (LABEL_WIDTH, 365, 0, CRITICAL)
    assert (second.x, second.width, second.slack_width) == (LABEL_WIDTH + 365, 35, 330)
    assert second.colour != CRITICAL and "total slack 330 days" in second.tooltip
    assert [(t.label, t.x) for t in chart.ticks] == [("2021", LABEL_WIDTH), ("2022", LABEL_WIDTH + 365),
                                                     ("2023", LABEL_WIDTH + 730)]


def test_timeline_without_dates_counts_days_and_caps_its_rows() -> None:
    rows = [schedule_row(f"任务{i}", 0, 1, 1, True) for i in range(MAX_ROWS + 5)]
    chart = timeline_chart(rows, None)
    assert len(chart.bars) == MAX_ROWS and chart.left_out == 5
    assert chart.ticks[0].label == "day 0"
    assert chart.bars[0].milestone is False and chart.bars[0].width >= 2


def projection() -> nx.MultiDiGraph:
    """A hand-made analysis projection: plan P's tasks a (2022) → b (2023) → d (2023), b relies on system S and
    builds system T; task c of another plan is a prerequisite of a."""
    graph = nx.MultiDiGraph(plans={"P": {}, "Q": {}})
    for iri, plan, year in (("a", "P", 2022), ("b", "P", 2023), ("d", "P", 2023), ("c", "Q", 2022)):
        graph.add_node(iri, kind="task", plan=plan, due_year=year, due_text=f"{year}年底", label=f"任务{iri}")
    graph.add_node("S", kind="system", plan=None, due_year=None, label="平台S")
    graph.add_node("T", kind="system", plan=None, due_year=None, label="系统T")
    for u, v, kind in (("a", "b", "prerequisite"), ("b", "d", "prerequisite"), ("c", "a", "prerequisite"),
                       ("S", "b", "relies_on"), ("b", "T", "builds")):
        graph.add_edge(u, v, key=kind, kind=kind, evidence=None, sentence=None, evidence_loaded=kind != "prerequisite")
    fetched = graph.graph["fetched"] = []

    def fetch(pairs: list[tuple[str, str]]) -> list[dict[str, object]]:
        fetched.extend(pairs)
        return [{"p": p, "d": d, "sentence": f"{p}完成后{d}"} for p, d in pairs]

    graph.graph["fetch_evidence"] = fetch
    return graph


def test_plan_view_reads_the_projection_with_the_prerequisite_first() -> None:
    graph = projection()
    view = plan_dependencies(graph, "P", critical=["a", "b", "d"])
    assert {n["id"]: n["group"] for n in view.nodes} == {"a": "task", "b": "task", "d": "task", "S": "system",
                                                         "T": "system"}  # c belongs to another plan
    edges = {(e["from"], e["to"]): e for e in view.edges}
    assert set(edges) == {("a", "b"), ("b", "d"), ("S", "b"), ("b", "T")}
    assert edges[("a", "b")]["title"] == "requires\na完成后b" and edges[("a", "b")]["label"] is None
    assert edges[("S", "b")]["label"] == "reliesOn" and edges[("b", "T")]["label"] == "builds"
    assert edges[("a", "b")]["color"] == CRITICAL and edges[("b", "d")]["width"] == 4
    assert next(n for n in view.nodes if n["id"] == "a")["title"] == "任务a\n[task]\ndue 2022年底\non the critical path"


def test_plan_view_filters_and_caps_before_fetching_evidence() -> None:
    graph = projection()
    view = plan_dependencies(graph, "P", year=2023, critical=["a", "b", "d"])
    assert {n["id"] for n in view.nodes} == {"b", "d", "S", "T"}  # a is due 2022: not drawn, not even as a goal
    assert view.filters["criticalPath"] == ["b", "d"]
    whole = projection()
    capped = plan_dependencies(whole, "P", cap=2, critical=["d"])
    assert whole.graph["fetched"] == [("b", "d")]  # the evidence of the one edge shown
    assert [n["id"] for n in capped.nodes] == ["d", "b"]  # the critical chain first, then the best connected
    assert capped.omitted == {"task": 1, "system": 2}
    assert "Showing 2 of 5 nodes" in capped.message
    assert capped.edges[0]["from"] == "b" and len(capped.edges) == 1
