"""The REST API over the hand-made web fixture: terms, search, plans, tasks, agencies, views."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from plankg.api.app import create_app

ID = "https://w3id.org/plankg/id/"


@pytest.fixture(scope="module")
def client(make_web_store) -> TestClient:
    return TestClient(create_app(make_web_store()))


@pytest.mark.parametrize("typed", ["1+5", "“1+5”中心", "１＋５", "1 + 5"])
def test_term_answers_every_sense_with_linked_expansion(client: TestClient, typed: str) -> None:
    answer = client.get(f"/api/terms/{quote(typed)}")
    assert answer.status_code == 200
    body = answer.json()
    assert body["iri"] == ID + "term/1%2B5"
    senses = {sense["plan"]["iri"]: sense for sense in body["senses"]}
    assert set(senses) == {ID + "plan/alpha", ID + "plan/beta"}
    alpha = senses[ID + "plan/alpha"]
    assert alpha["definition"] == "1个综治中心加5个网格"
    assert [c["label"] for c in alpha["expansion"]] == ["综治中心", "网格"]
    assert alpha["expansion"][0]["href"] == "/id/plan/alpha/sense/g1/c1"
    assert alpha["evidence"]["sentence"] == "名词解释：“1+5”即1个综治中心加5个网格。"
    assert body["mentions"]["total"] == 3
    assert {m["evidence"]["exact"] for m in body["mentions"]["items"]} == {"“1+5”"}
    # two mentions in one sentence: each knows its own place in it (span start minus sentence start)
    beta = [m["evidence"] for m in body["mentions"]["items"] if m["plan"]["iri"] == ID + "plan/beta"]
    assert sorted(e["at"] for e in beta) == [2, 13]


def test_unknown_term_is_404_with_the_closest_terms(client: TestClient) -> None:
    answer = client.get("/api/terms/" + quote("两网合一"))
    assert answer.status_code == 404
    closest = [term["label"] for term in answer.json()["detail"]["closest"]]
    assert closest[0] == "两网融合"


def test_search_is_ranked_paginated_and_filtered(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "中心"}).json()
    assert body["total"] == 3 and body["items"][0]["label"] == "综治中心"
    second = client.get("/api/search", params={"q": "中心", "limit": 1, "offset": 1}).json()
    assert second["total"] == 3 and second["items"] == body["items"][1:2]
    tasks = client.get("/api/search", params=[("q", "中心"), ("type", "task")]).json()
    assert {item["type"] for item in tasks["items"]} == {"task"}
    assert client.get("/api/search", params={"q": "中心", "type": "nonsense"}).status_code == 422


def test_one_character_search_finds_agencies(client: TestClient) -> None:
    labels = [item["label"] for item in client.get("/api/search", params={"q": "公"}).json()["items"]]
    assert set(labels) == {"甲市公安局", "乙县公安局"}


def test_plan_has_metadata_outline_tree_tasks_and_glossary(client: TestClient) -> None:
    plan = client.get("/api/plans/alpha").json()
    assert plan["docNumber"] == "甲政办发〔2021〕3号" and plan["periodStart"] == 2021
    top = plan["outline"][0]
    assert top["label"] == "重点任务" and top["children"][0]["label"] == "建设综治中心"
    assert [t["number"] for t in top["children"][0]["tasks"]] == ["1", "2", "3"]
    assert [t["number"] for t in plan["tasks"]] == ["1", "2", "3", "4"]  # document order
    third = plan["tasks"][2]
    assert third["due"] == {"text": "2023年底前", "date": "2023-12-31", "year": 2023}
    assert [(a["label"], a["role"]) for a in third["agencies"]] == [("甲市公安局", "lead"), ("甲市民政局", "responsible")]
    assert [g["term"]["label"] for g in plan["glossary"]] == ["1+5"]
    assert client.get("/api/plans/nope").status_code == 404


def test_plans_list_paginates_with_a_total(client: TestClient) -> None:
    body = client.get("/api/plans", params={"limit": 2}).json()
    assert body["total"] == 4 and len(body["items"]) == 2


def test_task_lists_prerequisites_and_dependents_with_evidence(client: TestClient) -> None:
    task = client.get("/api/plans/alpha/tasks/t2").json()
    direct = [p for p in task["prerequisites"] if p["depth"] == 1]
    assert {p["label"] for p in direct} == {"建成市级综治中心", "综治中心"}  # required, and the system it relies on
    required = next(p for p in direct if p["type"] == "task")
    assert (required["via"]["kind"], required["via"]["cue"]) == ("prerequisite", "依托X")
    assert required["via"]["evidence"]["href"] == "/id/plan/alpha/char=61,90"
    assert [d["label"] for d in task["dependents"]] == ["完善1+5工作机制"]
    assert [s["label"] for s in task["reliesOn"]] == ["综治中心"]


def test_task_prerequisites_go_by_depth_and_name_the_step_they_came_through(client: TestClient) -> None:
    task = client.get("/api/plans/alpha/tasks/t3").json()
    by_depth = {(p["depth"], p["label"]) for p in task["prerequisites"]}
    assert by_depth == {(1, "推进网格化服务管理"), (2, "建成市级综治中心"), (2, "综治中心")}
    deep = next(p for p in task["prerequisites"] if p["label"] == "建成市级综治中心")
    assert deep["via"]["node"]["label"] == "推进网格化服务管理"  # t1 is needed by t2, which t3 needs
    assert deep["via"]["evidence"]["sentence"] == "依托综治中心推进网格化服务管理，2022年6月底前完成。"
    assert task["prerequisiteCount"] == 3 and task["dependentCount"] == 0


def test_requires_edge_without_a_prerequisite_record_still_shows(client: TestClient) -> None:
    task = client.get("/api/plans/hostile/tasks/t2").json()
    assert [p["iri"] for p in task["prerequisites"]] == [ID + "plan/hostile/task/t1"]
    assert task["prerequisites"][0]["via"]["evidence"] is None


def test_plan_analysis_has_the_critical_chain_with_the_evidence_of_each_step(client: TestClient) -> None:
    analysis = client.get("/api/plans/alpha/analysis").json()
    chain = analysis["chain"]
    assert [step["label"] for step in chain] == ["建成市级综治中心", "综治中心", "推进网格化服务管理", "完善1+5工作机制"]
    assert chain[0]["via"] is None and [step["via"]["kind"] for step in chain[1:]] == ["builds", "relies_on",
                                                                                       "prerequisite"]
    assert chain[-1]["via"]["evidence"]["href"] == "/id/plan/alpha/char=91,125"
    assert (chain[0]["start"], chain[-1]["finish"]) == ("2021-01-01", "2023-12-31")  # the plan's period
    assert all(step["totalSlack"] == 0 for step in chain)
    slack = {row["label"]: row["totalSlack"] for row in analysis["timeline"]}
    assert slack["加强经费保障"] > 0  # undated and waited on by nothing: it can move
    assert analysis["conflicts"] == [] and analysis["cycles"] == []
    # t1 -> t2 and t2 -> t3 have deadlines at both ends; t1 builds the system t2 relies on, which has none
    assert (analysis["checked"]["edges"], analysis["checked"]["datedEdges"]) == (4, 2)
    assert analysis["bottlenecks"][0]["label"] == "建成市级综治中心"


def test_plan_analysis_reports_conflicts_and_cycles_with_their_evidence(client: TestClient) -> None:
    analysis = client.get("/api/plans/gamma/analysis").json()
    [conflict] = analysis["conflicts"]
    assert (conflict["prerequisite"]["label"], conflict["prerequisiteDue"]) == ("完成平台验收", "2023-12-31")
    assert (conflict["dependent"]["label"], conflict["dependentDue"]) == ("启动平台运行", "2022-06-30")
    assert conflict["via"]["evidence"]["exact"] == "在完成平台验收的基础上"
    [cycle] = analysis["cycles"]
    assert {n["label"] for n in cycle["nodes"]} == {"修订管理制度", "培训管理队伍"} and len(cycle["edges"]) == 2
    assert client.get("/api/plans/nothing/analysis").status_code == 404


def test_agency_has_responsibilities_and_tasks_by_year(client: TestClient) -> None:
    agency = client.get("/api/agencies/" + quote("甲市公安局")).json()
    assert agency["altLabels"] == ["市公安局"]
    assert sorted(agency["tasksByYear"]) == ["2021", "2023"]
    assert agency["tasksByYear"]["2021"][0]["role"] == "lead"
    assert agency["responsibilities"][0]["task"]["label"] == "建成市级综治中心"
    missing = client.get("/api/agencies/" + quote("甲市公安"))
    assert missing.status_code == 404 and missing.json()["detail"]["closest"][0]["label"] == "甲市公安局"


def test_stats_count_the_fixture(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert (stats["plans"], stats["tasks"], stats["terms"], stats["prerequisites"]) == (4, 11, 3, 3)


def test_plan_view_data_marks_the_analysis_critical_chain(client: TestClient) -> None:
    view = client.get("/api/views/plan", params={"plan": ID + "plan/alpha"}).json()
    chain = [step["iri"] for step in client.get("/api/plans/alpha/analysis").json()["chain"]]
    assert view["filters"]["criticalPath"] == chain
    critical = {n["id"] for n in view["nodes"] if n.get("critical")}
    assert critical == set(chain)
    red = {(e["from"], e["to"]) for e in view["edges"] if e.get("color")}
    assert red == set(zip(chain, chain[1:]))
    filtered = client.get("/api/views/plan", params={"plan": ID + "plan/alpha", "year": 2022}).json()
    assert {n["id"] for n in filtered["nodes"] if n["group"] == "task"} == {ID + "plan/alpha/task/t2"}
    shown = {n["id"] for n in filtered["nodes"]}
    assert filtered["filters"]["criticalPath"] == [iri for iri in chain if iri in shown] == chain[1:3]


def test_expand_returns_the_direct_neighbours(client: TestClient) -> None:
    view = client.get("/api/views/expand", params={"node": ID + "plan/alpha/task/t2"}).json()
    ids = {n["id"] for n in view["nodes"]}
    assert {ID + "plan/alpha/task/t1", ID + "plan/alpha/task/t3", ID + "plan/alpha"} <= ids
    assert ID + "plan/alpha/char=61,90" not in ids  # evidence is not drawn
    assert client.get("/api/views/expand", params={"node": "bad iri>"}).status_code == 400


def test_view_cap_says_what_was_left_out(client: TestClient) -> None:
    view = client.get("/api/views/agencies", params={"cap": 3}).json()
    assert len(view["nodes"]) == 3
    left_out = sum(view["omitted"].values())
    assert left_out > 0 and f"Showing 3 of {3 + left_out} nodes" in view["message"]


def test_plan_view_legend_names_the_critical_path(client: TestClient) -> None:
    legend = client.get("/api/views/plan", params={"plan": ID + "plan/alpha"}).json()["legend"]
    assert [entry["kind"] for entry in legend] == ["task", "system", "critical path"]
