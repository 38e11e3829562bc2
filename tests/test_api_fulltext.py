"""Full-text search: which plans say a phrase, how often, and each place with its sentence, on a built store."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from plankg.api.app import create_app
from plankg.graph.build import build_graph

ALPHA = "青禾县2024年工作要点\n一、强化基层治理\n推广無人機巡查，扩大无人机覆盖。加强矛盾纠纷排查。\n"
BETA = "白沙区2024年工作计划\n一、提升应急能力\n组建“无人机”应急分队。\n"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    docs = tmp_path_factory.mktemp("fulltext-docs")
    (docs / "alpha.txt").write_text(ALPHA, encoding="utf-8")
    (docs / "beta.txt").write_text(BETA, encoding="utf-8")
    location = tmp_path_factory.mktemp("fulltext-store")
    build_graph([docs], str(location), progress=False)
    return TestClient(create_app(str(location)))


def test_plans_are_ranked_by_count_and_traditional_characters_match(client: TestClient) -> None:
    body = client.get("/api/text", params={"q": "无人机"}).json()
    assert [(p["label"], p["count"]) for p in body["plans"]] == [("青禾县2024年工作要点", 2), ("白沙区2024年工作计划", 1)]
    assert body["occurrences"] == 3 and body["total"] == 3
    first = body["items"][0]
    assert first["exact"] == "無人機"  # the original text, not its normalized form
    assert ALPHA[first["start"]:first["end"]] == "無人機"
    assert first["sentence"] == "推广無人機巡查，扩大无人机覆盖。"
    assert ALPHA[first["sentenceStart"]:].startswith(first["sentence"])


def test_quotes_and_widths_are_folded_in_the_query_too(client: TestClient) -> None:
    body = client.get("/api/text", params={"q": "\"无人机\"应急"}).json()
    assert [item["exact"] for item in body["items"]] == ["“无人机”应急"]


def test_pages_and_one_plan_only(client: TestClient) -> None:
    second = client.get("/api/text", params={"q": "无人机", "limit": 1, "offset": 1}).json()
    assert second["total"] == 3 and [item["exact"] for item in second["items"]] == ["无人机"]
    beta = client.get("/api/text", params={"q": "无人机", "plan": "https://w3id.org/plankg/id/plan/beta"}).json()
    assert [p["label"] for p in beta["plans"]] == ["白沙区2024年工作计划"] and beta["total"] == 1


def test_nothing_said_and_blank_query(client: TestClient) -> None:
    assert client.get("/api/text", params={"q": "卫星"}).json()["plans"] == []
    blank = client.get("/api/text", params={"q": "  "})
    assert blank.status_code == 422 and "q=" in blank.json()["detail"]


def test_search_page_shows_where_the_plans_say_it(client: TestClient) -> None:
    page = client.get("/search", params={"q": "矛盾纠纷"})
    assert page.status_code == 200
    said = page.text.split('id="said"', 1)[1]
    assert "1 time(s) in 1 plan(s)" in said and "<mark>矛盾纠纷</mark>" in said
