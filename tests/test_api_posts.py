"""Posts (相关部门负责人: their holders are people) in the agency list, the agency API and page, search and the agencies
view: marked ``person``, one node per plan that names its plan; an organ is not marked."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from plankg.api.app import create_app
from plankg.graph.build import build_graph
from plankg.graph.vocab import agency_iri, post_iri
from plankg.viz import views

POST = "相关部门负责人"
PLANS = {
    "roads": ("云溪县2024年农村公路养护工作要点\n一、压实养护责任\n（一）开展公路隐患排查。2024年6月底前完成，县交通运输局牵头。\n"
              f"（二）落实路长制。{POST}牵头，2024年底前完成。\n二、保障措施\n（一）落实责任。{POST}为具体责任人，全程督促各项任务落实。\n"),
    "water": ("云溪县2024年农村饮水安全工作要点\n一、保障饮水安全\n（一）排查供水设施隐患。2024年9月底前完成，县水利局牵头。\n"
              f"二、保障措施\n（一）落实责任。{POST}为具体责任人，全程督促各项任务落实。\n"),
}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    docs = tmp_path_factory.mktemp("post-docs")
    for doc, text in PLANS.items():
        (docs / f"{doc}.txt").write_text(text, encoding="utf-8")
    location = tmp_path_factory.mktemp("post-store")
    build_graph([docs], str(location), progress=False)
    return TestClient(create_app(str(location)))


def listed(client: TestClient) -> list[dict]:
    return client.get("/api/agencies", params={"limit": 1000}).json()["items"]


def test_the_agency_list_marks_each_plan_s_post(client: TestClient) -> None:
    posts = [item for item in listed(client) if item["person"]]
    assert sorted(item["iri"] for item in posts) == [post_iri("roads", POST), post_iri("water", POST)]
    assert {item["plan"]["label"] for item in posts} == {"云溪县2024年农村公路养护工作要点", "云溪县2024年农村饮水安全工作要点"}
    assert all(item["collective"] is False for item in posts)
    assert next(item for item in posts if item["plan"]["label"].endswith("公路养护工作要点"))["tasks"] == 1
    organ = next(item for item in listed(client) if item["label"] == "云溪县交通运输局")
    assert organ["person"] is False and "plan" not in organ
    stats = client.get("/api/stats").json()
    assert stats["agencies"] == len(listed(client))


def test_a_post_is_read_within_its_plan_and_its_page_says_it_is_people(client: TestClient) -> None:
    detail = client.get(f"/api/plans/roads/agencies/{quote(POST)}").json()
    assert detail["iri"] == post_iri("roads", POST) and detail["person"] is True and detail["collective"] is False
    assert detail["plan"]["label"] == "云溪县2024年农村公路养护工作要点"
    assert {duty["plan"]["label"] for duty in detail["responsibilities"]} == {"云溪县2024年农村公路养护工作要点"}
    page = client.get(detail["href"]).text
    assert '<small class="kind">post</small>' in page and "A post of" in page
    assert client.get(f"/api/plans/roads/agencies/{quote('财务负责人')}").status_code == 404


def test_an_organ_page_is_not_a_post(client: TestClient) -> None:
    detail = client.get("/api/agencies/" + quote("云溪县交通运输局")).json()
    assert detail["person"] is False and detail["plan"] is None
    assert "A post" not in client.get(detail["href"]).text


def test_search_names_the_plan_of_a_post(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": POST, "type": "agency"}).json()["items"]
    assert sorted(hit["iri"] for hit in hits) == [post_iri("roads", POST), post_iri("water", POST)]


def test_the_agencies_view_draws_posts_apart(client: TestClient) -> None:
    view = client.get("/api/views/agencies").json()
    groups = {node["id"]: node["group"] for node in view["nodes"] if node["group"] in ("agency", "post")}
    assert groups == {post_iri("roads", POST): "post", agency_iri("云溪县交通运输局"): "agency",
                      agency_iri("云溪县水利局"): "agency"}
    assert {"kind": "post", "colour": views.COLOURS["post"]} in view["legend"]
