"""Collective subjects (各有关部门) are marked in the agency list, the agency API and its page."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from plankg.api.app import create_app
from plankg.graph.build import build_graph

PLAN = ("云溪县2024年安全生产工作要点\n一、压实安全责任\n（一）开展隐患排查。县应急管理局负责组织开展隐患排查整治。"
        "各有关部门按职责分工负责。\n")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    docs = tmp_path_factory.mktemp("collective-docs")
    (docs / "plan.txt").write_text(PLAN, encoding="utf-8")
    location = tmp_path_factory.mktemp("collective-store")
    build_graph([docs], str(location), progress=False)
    return TestClient(create_app(str(location)))


def test_the_collective_is_marked_and_the_organ_is_not(client: TestClient) -> None:
    listed = {item["label"]: item["collective"] for item in client.get("/api/agencies").json()["items"]}
    collectives = [label for label, collective in listed.items() if collective]
    assert len(collectives) == 1 and "有关部门" in collectives[0]
    assert listed["云溪县应急管理局"] is False
    detail = client.get("/api/agencies/" + quote(collectives[0])).json()
    assert detail["collective"] is True and detail["responsibilities"]
    page = client.get(detail["href"])
    assert "A collective subject" in page.text
    assert "A collective subject" not in client.get(client.get("/api/agencies/" + quote("云溪县应急管理局")).json()["href"]).text


def test_the_export_marks_the_collective(client: TestClient) -> None:
    from plankg.graph.export import analysis_form

    store = client.app.state.store  # type: ignore[attr-defined]
    marked = {a["name"]: a["collective"] for a in analysis_form(store)["agencies"]}
    assert sum(marked.values()) == 1 and marked["云溪县应急管理局"] is False
