"""Entity pages and IRI resolution: HTML for browsers, RDF by Accept, document text always escaped."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from plankg.api.app import create_app



class Tags(HTMLParser):
    """Every start tag and its attributes, as a browser's parser would see them."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


@pytest.fixture(scope="module")
def client(make_web_store) -> TestClient:
    return TestClient(create_app(make_web_store()))


PAGES = ["/", "/search?q=%E4%B8%AD%E5%BF%83", "/id/plan/alpha", "/id/plan/hostile", "/id/term/1%2B5",
         "/id/term/imgsrc%3Dxonerror%3Dwindow.__pwned%3D1", "/id/plan/alpha/task/t2", "/id/plan/hostile/task/t1",
         "/id/agency/%E7%94%B2%E5%B8%82%E5%85%AC%E5%AE%89%E5%B1%80",
         "/id/agency/scriptwindow.__pwned%3D1%2Fscript%E5%B1%80", "/id/plan/hostile/char=0,9",
         "/id/plan/alpha/sense/g1", "/id/plan/gamma", "/view/concepts", "/view/agencies",
         "/view/plan?plan=https%3A%2F%2Fw3id.org%2Fplankg%2Fid%2Fplan%2Fhostile",
         "/view/neighbourhood?node=https%3A%2F%2Fw3id.org%2Fplankg%2Fid%2Fplan%2Fhostile%2Ftask%2Ft1"]


@pytest.mark.parametrize("url", PAGES)
def test_pages_render_document_text_as_text_and_load_only_local_scripts(client: TestClient, url: str) -> None:
    page = client.get(url)
    assert page.status_code == 200
    assert "script-src 'self'" in page.headers["content-security-policy"]
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page.text, flags=re.S)
    for attributes, body in scripts:
        # Either an external script from this server, or JSON data that cannot close its element.
        assert re.fullmatch(r' src="/(static|viz/assets)/[\w.-]+"', attributes) or 'type="application/json"' in attributes
        assert "<" not in body
        if body:
            json.loads(body)
    for tag, attributes in Tags(page.text).tags:
        assert tag != "img"
        assert not [name for name in attributes if name.startswith("on")]
        assert not any(str(value).strip().lower().startswith("javascript:") for value in attributes.values())
    assert "http://" not in page.text.replace("http://www.w3.org", "") and "cdn" not in page.text.lower()


def test_hostile_labels_show_escaped(client: TestClient) -> None:
    text = client.get("/id/plan/hostile").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;恶意计划" in text
    assert 'href="javascript:' not in text


def test_term_page_shows_senses_side_by_side_and_highlighted_sentences(client: TestClient) -> None:
    text = client.get("/id/term/1%2B5").text
    assert text.count('<article class="sense">') == 2
    assert "乙县社会治理工作要点" in text and "甲市平安建设三年行动方案" in text
    assert "在网格化服务管理基础上完善<mark>“1+5”</mark>工作机制" in text  # the mention in its sentence
    assert 'href="/id/plan/alpha/char=98,103"' in text  # and a link to that sentence


def test_term_page_marks_each_mention_at_its_own_span(client: TestClient) -> None:
    text = client.get("/id/term/1%2B5").text
    contexts = re.findall(r'<span class="context">(.*?)</span>', text)
    assert "推进<mark>“1+5”</mark>中心建设，以“1+5”带动网格。" in contexts
    assert "推进“1+5”中心建设，以<mark>“1+5”</mark>带动网格。" in contexts


def test_plan_page_shows_the_critical_chain_with_dates_slack_and_evidence(client: TestClient) -> None:
    text = client.get("/id/plan/alpha").text
    critical = re.search(r'<table class="critical" id="critical-path">(.*?)</table>', text, flags=re.S).group(1)
    rows = re.findall(r"<tr><td>(\d+)</td><td><a [^>]*>([^<]+)</a>", critical)
    assert [label for _, label in rows] == ["建成市级综治中心", "综治中心", "推进网格化服务管理", "完善1+5工作机制"]
    assert "<td>2022-06-30</td><td>2023-12-31</td>" in critical  # start and finish of the last step
    assert "<mark>在网格化服务管理基础上</mark>完善“1+5”工作机制" in critical  # why it follows the step before
    assert 'href="/id/plan/alpha/char=91,125"' in critical
    assert "2022年6月底前" in text and 'href="/id/plan/alpha/char=61,90"' in text
    assert '<iframe src="/view/plan?plan=https%3A%2F%2Fw3id.org%2Fplankg%2Fid%2Fplan%2Falpha"' in text


def test_plan_page_says_what_it_checked_when_it_finds_no_conflict(client: TestClient) -> None:
    conflicts = re.search(r'<section id="conflicts">(.*?)</section>', client.get("/id/plan/alpha").text,
                          flags=re.S).group(1)
    assert "None found" in conflicts and "Checked 4 dependency edge(s)" in conflicts and "2 have a deadline" in conflicts


def test_plan_page_lists_conflicts_cycles_bottlenecks_and_draws_a_timeline(client: TestClient) -> None:
    text = client.get("/id/plan/gamma").text
    conflicts = re.search(r'<section id="conflicts">(.*?)</section>', text, flags=re.S).group(1)
    assert re.search(r"完成平台验收</a></td><td>2023-12-31</td><td><a [^>]*>启动平台运行</a></td><td>2022-06-30", conflicts)
    assert "<mark>在完成平台验收的基础上</mark>" in conflicts
    assert conflicts.count(" waits on ") == 2  # the two edges of the cycle
    timeline = re.search(r'<div class="timeline" id="timeline">(.*?)</div>', text, flags=re.S).group(1)
    assert timeline.count("<rect") == 8 and timeline.count('fill="#d62728"') == 2  # 4 tasks, 2 of them critical
    bottlenecks = re.search(r'<section id="bottlenecks">(.*?)</section>', text, flags=re.S).group(1)
    assert "完成平台验收" in bottlenecks


def test_task_page_shows_prerequisites_by_depth_with_their_sentence(client: TestClient) -> None:
    text = client.get("/id/plan/alpha/task/t3").text
    prerequisites = re.search(r'<section id="prerequisites">(.*?)</section>', text, flags=re.S).group(1)
    direct, deeper = prerequisites.split("<h3>Depth 2</h3>")
    assert "推进网格化服务管理" in direct and "<mark>在网格化服务管理基础上</mark>" in direct
    assert "建成市级综治中心" in deeper and "<mark>依托综治中心推进网格化服务管理</mark>" in deeper
    assert "needed by <a href=\"/id/plan/alpha/task/t2\">" in deeper


@pytest.mark.parametrize("accept, media, marker", [
    ("text/turtle", "text/turtle", "dcterms:title"),
    ("application/n-triples", "application/n-triples", "<http://purl.org/dc/terms/title>"),
    ("application/ld+json", "application/ld+json", '"@id"'),
    ("text/html;q=0.5, text/turtle", "text/turtle", "dcterms:title"),
])
def test_iris_resolve_to_rdf_by_accept(client: TestClient, accept: str, media: str, marker: str) -> None:
    answer = client.get("/id/plan/alpha", headers={"Accept": accept})
    assert answer.headers["content-type"].startswith(media)
    assert marker in answer.text and "甲市平安建设三年行动方案" in answer.text
    graph = ox.Store()
    formats = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
               "application/ld+json": ox.RdfFormat.JSON_LD}
    graph.load(answer.content, format=formats[media])
    assert len(graph) == 11  # the fixture says 11 things of plan:alpha: 3 types, 7 metadata values, evidence


def test_browsers_get_html_and_unknown_iris_404(client: TestClient) -> None:
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert client.get("/id/plan/alpha", headers={"Accept": browser}).headers["content-type"].startswith("text/html")
    assert client.get("/id/plan/alpha?format=ttl").headers["content-type"].startswith("text/turtle")
    assert client.get("/id/plan/nothing").status_code == 404
    assert client.get("/id/plan/nothing", headers={"Accept": "text/turtle"}).status_code == 404


def test_static_files_stay_inside_their_folders(client: TestClient) -> None:
    assert client.get("/viz/assets/vis-network.min.js").status_code == 200
    assert client.get("/static/%2E%2E/rest.py").status_code == 404
