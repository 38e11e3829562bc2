"""A task's targets in the API and on its page carry their kind and the indicator's nature (约束性/预期性)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from plankg.api.app import create_app
from plankg.graph.build import build_graph

PLAN = ("云溪县“十四五”节能减排实施方案\n一、重点任务\n"
        "（一）推进工业节能。到2025年，单位工业增加值能耗下降14%（约束性），"
        "规模以上工业企业能源审计覆盖率达到80%（预期性）。县经信局负责。\n"
        "（二）开展农村垃圾治理。到2025年，农村生活垃圾分类覆盖率达到60%以上。\n")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    docs = tmp_path_factory.mktemp("nature-docs")
    (docs / "plan.txt").write_text(PLAN, encoding="utf-8")
    location = tmp_path_factory.mktemp("nature-store")
    build_graph([docs], str(location), progress=False)
    return TestClient(create_app(str(location)))


def test_the_task_json_gives_each_target_its_nature(client: TestClient) -> None:
    first = client.get("/api/plans/plan/tasks/t1").json()
    natures = {t["label"]: (t["kind"], t["nature"]) for t in first["targets"]}
    assert natures == {"单位工业增加值能耗下降": ("target", "binding"),
                       "规模以上工业企业能源审计覆盖率": ("target", "expected")}
    second = client.get("/api/plans/plan/tasks/t2").json()
    assert [t["nature"] for t in second["targets"]] == [None]


def test_the_task_page_shows_the_nature(client: TestClient) -> None:
    first = client.get(client.get("/api/plans/plan/tasks/t1").json()["href"]).text
    assert "binding 约束性" in first and "expected 预期性" in first
    second = client.get(client.get("/api/plans/plan/tasks/t2").json()["href"]).text
    assert "约束性" not in second and "预期性" not in second
