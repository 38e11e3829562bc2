"""Hand-checked analysis of tests/fixtures/analysis/plans.ttl (its header comment describes the two plans).

Day counts: plan-a starts 2021-01-01; 2022-12-31 is day 729, 2023-06-30 day 910, 2024-12-31 day 1460,
2025-06-30 day 1641, 2025-12-31 day 1825.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from plankg.analysis import findings, queries
from plankg.analysis.projection import cached_projection, load_evidence
from plankg.analysis.timeline import plan_schedule
from plankg.api.app import create_app
from plankg.cli import main
from plankg.graph.store import open_store

FIXTURE = Path(__file__).parent / "fixtures" / "analysis" / "plans.ttl"
ID = "https://w3id.org/plankg/id/"
A = ID + "plan/plan-a/task/"
B = ID + "plan/plan-b/task/"
PLATFORM = ID + "system/%E5%A4%A7%E6%95%B0%E6%8D%AE%E5%B9%B3%E5%8F%B0"


def load_fixture(location: Path):
    store = open_store(location)
    triples = [quad.triple for quad in ox.parse(path=str(FIXTURE), format=ox.RdfFormat.TURTLE)]
    store.replace_graphs({"https://w3id.org/plankg/graph/fixture": triples})
    return store


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    location = tmp_path_factory.mktemp("analysis-store")
    load_fixture(location)
    return location


@pytest.fixture(scope="module")
def graph(store_dir):
    return cached_projection(open_store(store_dir))


def label(graph, node):
    return graph.nodes[node]["label"]


def test_projection_types_and_edge_kinds(graph):
    assert graph.nodes[A + "a1"]["kind"] == "task"
    assert graph.nodes[PLATFORM]["kind"] == "system"
    kinds = {(u.rsplit("/", 1)[-1], v.rsplit("/", 1)[-1]): d["kind"] for u, v, d in graph.edges(data=True)}
    assert kinds[("a1", PLATFORM.rsplit("/", 1)[-1])] == "builds"
    assert kinds[(PLATFORM.rsplit("/", 1)[-1], "a2")] == "relies_on"
    assert kinds[("a6a", "a6")] == "part_of"
    assert kinds[("a3", "a4")] == "prerequisite"  # from the bare pk:requires triple


def test_reified_prerequisite_is_one_edge_with_evidence_loaded_on_demand(graph):
    # a3 has both a pk:Prerequisite and the direct pk:requires edge to a1: one edge, with the statement's evidence
    load_evidence(graph, [(A + "a1", A + "a3"), (A + "a3", A + "a4")])
    assert graph[A + "a3"][A + "a4"]["prerequisite"]["evidence"] is None  # only the direct edge: nothing to quote
    edges = list(graph[A + "a1"][A + "a3"].values())
    assert len(edges) == 1
    assert edges[0]["cue"] == "依托X"
    assert edges[0]["evidence"] == "依托大数据平台,完善指挥体系"
    assert edges[0]["sentence"] == "依托大数据平台,完善指挥体系,提升实战能力。"


def test_node_attributes(graph):
    a1 = graph.nodes[A + "a1"]
    assert (a1["due_year"], a1["plan"], a1["lead_agencies"]) == (2022, ID + "plan/plan-a", ["测试市公安局"])
    assert graph.nodes[A + "a2"]["agencies"] == ["测试市公安局", "测试市财政局"]
    assert graph.graph["plans"][ID + "plan/plan-a"]["period_start"] == 2021


def test_projection_is_cached_until_the_store_changes(tmp_path):
    store = load_fixture(tmp_path)
    first = cached_projection(store)
    assert cached_projection(store) is first
    extra = ox.Triple(ox.NamedNode(A + "a9"), ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                      ox.NamedNode("https://w3id.org/plankg/ontology#Task"))
    store.replace_graphs({"https://w3id.org/plankg/graph/extra": [extra]})
    second = cached_projection(store)
    assert second is not first and A + "a9" in second


def test_resolve_node_by_iri_suffix_label_and_ambiguity(graph):
    assert queries.resolve_node(graph, "plan/plan-a/task/a1") == A + "a1"
    assert queries.resolve_node(graph, "完善指挥") == A + "a3"
    with pytest.raises(queries.NodeNotFound, match="4 nodes match"):
        queries.resolve_node(graph, "建设")
    with pytest.raises(queries.NodeNotFound, match="no task"):
        queries.resolve_node(graph, "不存在的任务")


def test_transitive_prerequisites_by_depth_with_evidence(graph):
    found = {r.node: r for r in queries.prerequisites(graph, A + "a4")}
    assert {n: r.depth for n, r in found.items()} == {A + "a2": 1, A + "a3": 1, PLATFORM: 2, A + "a1": 2}
    assert found[A + "a2"].via.cue == "为X奠定基础"
    assert {r.depth for r in queries.prerequisites(graph, A + "a4", transitive=False)} == {1}


def test_dependents_stop_on_cycles(graph):
    assert [r.node for r in queries.dependents(graph, B + "b1")] == [B + "b2"]
    assert {r.node for r in queries.dependents(graph, A + "a1", max_depth=1)} == {A + "a3", PLATFORM}


def test_path_follows_edges_in_either_direction(graph):
    forward = queries.path(graph, A + "a1", A + "a4")
    assert [(e.prerequisite, e.dependent) for e in forward] == [(A + "a1", A + "a3"), (A + "a3", A + "a4")]
    assert queries.path(graph, A + "a4", A + "a1") == forward
    assert queries.path(graph, A + "a1", B + "b1") is None


def test_critical_path_of_plan_a_by_hand(graph):
    result = plan_schedule(graph, ["plan-a"])
    rows = {r.id: r for r in result.rows}
    assert result.start == "2021-01-01" and result.length_days == 1825
    assert [r.id for r in result.chain] == [A + "a1", PLATFORM, A + "a2", A + "a4"]
    assert result.chain[-1].evidence == "推进智慧警务应用,为实现平安建设目标奠定基础"
    # a3: due 2023-06-30, waits on a1 (2022-12-31): 181 days from day 729, may slip until a4 must start
    a3 = rows[A + "a3"]
    assert (a3.duration, a3.earliest_start, a3.latest_start, a3.total_slack, a3.free_slack) == (181, 729, 1279, 550, 550)
    assert a3.finish_date == "2023-06-30"
    # sub-tasks of a6 run in deadline order: a6a (2021) then a6b (2022); a6a has total but no free slack
    a6a, a6b = rows[A + "a6a"], rows[A + "a6b"]
    assert (a6a.total_slack, a6a.free_slack, a6b.earliest_start, a6b.finish_date) == (1096, 0, 364, "2022-12-31")
    assert rows[A + "a6"].total_slack == 1825 - 1641
    assert rows[A + "a5"].duration == 0 and rows[A + "a5"].total_slack == 1825
    assert any("2021-01-01" in a for a in result.assumptions)


def test_critical_path_toward_a_target_and_user_durations(graph, tmp_path):
    toward = plan_schedule(graph, [], target=A + "a3")
    assert {r.id for r in toward.rows} == {A + "a1", A + "a3"}
    durations = tmp_path / "durations.csv"
    durations.write_text("task,days\n推进智慧警务应用,100\n", encoding="utf-8")
    result = plan_schedule(graph, ["plan-a"], durations_file=durations)
    # the a1 branch is now 729 + 100 + 365 = 1194 days; the a6 task (1641 days) becomes the critical one
    assert [r.id for r in result.chain] == [A + "a6"]
    assert any("durations.csv" in a for a in result.assumptions)


def test_cycle_is_a_finding_and_condensed_in_the_schedule(graph):
    (cycle,) = findings.cycles(graph)
    assert {n["id"] for n in cycle.nodes} == {B + "b1", B + "b2"}
    assert {e.evidence for e in cycle.edges} == {"依托协作平台,健全联动机制", "在联动机制基础上,完善协作平台"}
    result = plan_schedule(graph, ["测试县2022年工作要点"])
    assert [sorted(c) for c in result.cycles] == [[B + "b1", B + "b2"]]


def test_conflicts_compare_years_when_only_a_year_is_given(graph):
    found = {(c.prerequisite["id"], c.dependent["id"]): c for c in findings.conflicts(graph)}
    assert set(found) == {(B + "b3", B + "b4"), (B + "b1", B + "b2")}  # b5 (2022) → b6 (2022-06-30) is fine
    conflict = found[B + "b3", B + "b4"]
    assert (conflict.prerequisite_due, conflict.dependent_due) == ("2024", "2022-06-30")
    assert conflict.edge.evidence == "以建设标准为基础,开展建设试点"


def test_bottlenecks_rank_by_all_dependents(graph):
    top = findings.bottlenecks(graph, top=2)
    assert [(b.node["id"], b.all_dependents, b.direct_dependents) for b in top] == [(A + "a1", 4, 2), (PLATFORM, 2, 1)]


POLICE, FINANCE = ID + "agency/%E5%B8%82%E5%85%AC%E5%AE%89%E5%B1%80", ID + "agency/%E5%B8%82%E8%B4%A2%E6%94%BF%E5%B1%80"


def test_agency_load_per_year(graph):
    shared = {"plan": None}  # organs shared by plans name no plan
    assert findings.agency_load(graph) == [
        {"agency": "测试市公安局", "iri": POLICE, **shared, "year": 2022, "tasks": 1, "leads": 1},
        {"agency": "测试市公安局", "iri": POLICE, **shared, "year": 2024, "tasks": 1, "leads": 0},
        {"agency": "测试市财政局", "iri": FINANCE, **shared, "year": 2024, "tasks": 2, "leads": 1},
    ]
    assert findings.agency_load(graph, [ID + "plan/plan-b"]) == [
        {"agency": "测试市财政局", "iri": FINANCE, **shared, "year": 2024, "tasks": 1, "leads": 1}]


def test_cli_critical_path_json_lists_the_chain_with_evidence(store_dir):
    result = CliRunner().invoke(main, ["critical-path", "--plan", "plan-a", "--format", "json",
                                       "--store", str(store_dir)])
    assert result.exit_code == 0, result.output
    chain = json.loads(result.output)["chain"]
    assert [row["label"] for row in chain] == ["建设大数据平台", "大数据平台", "推进智慧警务应用", "实现平安建设目标"]
    assert chain[-1]["finish_date"] == "2025-12-31" and chain[-1]["cue"] == "为X奠定基础"


def test_cli_markdown_and_errors(store_dir):
    runner = CliRunner()
    markdown = runner.invoke(main, ["conflicts", "--format", "markdown", "--store", str(store_dir)])
    assert "| 制定建设标准 | 2024 | 开展建设试点 | 2022-06-30 |" in markdown.output
    missing = runner.invoke(main, ["critical-path", "--plan", "no-such-plan", "--store", str(store_dir)])
    assert missing.exit_code != 0 and "known plans" in missing.output
    for command in (["deps", "a4"], ["impact", "a1"], ["path", "a1", "a4"], ["cycles"], ["bottlenecks"], ["load"]):
        outcome = runner.invoke(main, [*command, "--store", str(store_dir)])
        assert outcome.exit_code == 0, (command, outcome.output)


def test_rest_endpoints(store_dir):
    client = TestClient(create_app(str(store_dir)))
    chain = client.get("/api/analysis/critical-path", params={"plan": "plan-a"}).json()["chain"]
    assert chain[0]["id"] == A + "a1"
    deps = client.get("/api/analysis/deps", params={"node": "plan/plan-a/task/a4", "transitive": False}).json()
    assert {r["node"] for r in deps["prerequisites"]} == {A + "a2", A + "a3"}
    assert client.get("/api/analysis/deps", params={"node": "不存在"}).status_code == 404
    assert client.get("/api/analysis/critical-path").status_code == 400
    assert len(client.get("/api/analysis/conflicts").json()) == 2
    assert len(client.get("/api/analysis/cycles").json()) == 1
    assert client.get("/api/analysis/bottlenecks", params={"top": 1}).json()[0]["node"]["id"] == A + "a1"
    assert client.get("/api/analysis/path", params={"source": "a1", "target": "b1"}).json() == {"edges": None}
    timeline = client.get("/api/analysis/timeline", params={"plan": "plan-a"}).json()["rows"]
    assert {"start_date", "finish_date", "total_slack"} <= set(timeline[0])
    assert client.get("/api/analysis/load", params={"plan": "plan-b"}).json()[0]["agency"] == "测试市财政局"
