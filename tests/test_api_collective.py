"""Collective subjects (各有关部门) are marked in the agency list, the agency API, its page and the export, and each
plan has its own: the same words in two plans are two nodes, while one organ named by both plans is one node."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from plankg.api.app import create_app
from plankg.graph.build import build_graph
from plankg.graph.export import analysis_form

PLANS = {
    "safety": ("云溪县2024年安全生产工作要点\n一、压实安全责任\n（一）开展隐患排查。县应急管理局负责组织开展隐患排查整治。"
               "各有关部门按职责分工负责。\n"),
    "flood": ("云溪县2024年防汛工作要点\n一、落实防汛责任\n（一）排查山洪隐患。县应急管理局负责山洪灾害隐患排查。"
              "各有关部门按职责分工负责。\n"),
}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    docs = tmp_path_factory.mktemp("collective-docs")
    for doc, text in PLANS.items():
        (docs / f"{doc}.txt").write_text(text, encoding="utf-8")
    location = tmp_path_factory.mktemp("collective-store")
    build_graph([docs], str(location), progress=False)
    return TestClient(create_app(str(location)))


def listed(client: TestClient) -> list[dict]:
    return client.get("/api/agencies").json()["items"]


def test_each_plan_has_its_own_collective_and_shares_the_organ(client: TestClient) -> None:
    collectives = [item for item in listed(client) if item["collective"]]
    assert len(collectives) == 2 and len({item["iri"] for item in collectives}) == 2
    assert len({item["label"] for item in collectives}) == 1 and "有关部门" in collectives[0]["label"]
    assert {item["plan"]["label"] for item in collectives} == {"云溪县2024年防汛工作要点", "云溪县2024年安全生产工作要点"}
    organ = [item for item in listed(client) if item["label"] == "云溪县应急管理局"]
    assert len(organ) == 1 and organ[0]["collective"] is False and "plan" not in organ[0] and organ[0]["tasks"] == 2


def test_a_collective_is_read_within_its_plan(client: TestClient) -> None:
    label = next(item["label"] for item in listed(client) if item["collective"])
    detail = client.get(f"/api/plans/safety/agencies/{quote(label)}").json()
    assert detail["collective"] is True and detail["plan"]["label"] == "云溪县2024年安全生产工作要点"
    assert [duty["plan"]["label"] for duty in detail["responsibilities"]] == ["云溪县2024年安全生产工作要点"]
    page = client.get(detail["href"]).text
    assert "A collective subject of" in page and "云溪县2024年安全生产工作要点" in page
    assert client.get(f"/api/plans/safety/agencies/{quote('云溪县应急管理局')}").status_code == 404


def test_the_shared_route_points_a_collective_to_its_plans(client: TestClient) -> None:
    label = next(item["label"] for item in listed(client) if item["collective"])
    answer = client.get("/api/agencies/" + quote(label))
    assert answer.status_code == 404
    closest = {hit["iri"] for hit in answer.json()["detail"]["closest"]}
    assert {item["iri"] for item in listed(client) if item["collective"]} <= closest


def test_an_organ_is_not_marked(client: TestClient) -> None:
    detail = client.get("/api/agencies/" + quote("云溪县应急管理局")).json()
    assert detail["collective"] is False and detail["plan"] is None
    assert "A collective subject" not in client.get(detail["href"]).text


def test_the_export_lists_each_plan_s_collective_with_its_one_plan(client: TestClient) -> None:
    store = client.app.state.store  # type: ignore[attr-defined]
    agencies = analysis_form(store)["agencies"]
    collectives = [a for a in agencies if a["collective"]]
    assert len(collectives) == 2 and all(len(a["plans"]) == 1 for a in collectives)
    assert {a["plans"][0] for a in collectives} == {a["id"].rsplit("/agency/", 1)[0] for a in collectives}
    organ = next(a for a in agencies if a["name"] == "云溪县应急管理局")
    assert organ["collective"] is False and len(organ["plans"]) == 2
