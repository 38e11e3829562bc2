"""The pages in Debian's headless chromium: no console errors, views draw, type-ahead answers, nothing hostile runs.

A uvicorn server process serves the hand-made web fixture; screenshots land in tests/artifacts/ (gitignored).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

pytestmark = [pytest.mark.browser, pytest.mark.server]

ROOT = Path(__file__).resolve().parent
ARTIFACTS = ROOT / "artifacts" / "browser"
ID = "https://w3id.org/plankg/id/"
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(make_web_store):
    location = make_web_store()
    port = free_port()
    command = Path(sys.executable).parent / "plankg"
    process = subprocess.Popen([str(command), "serve", "--store", str(location), "--port", str(port)])
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            if process.poll() is not None:
                raise RuntimeError(f"plankg serve exited with {process.returncode}")
            try:
                if httpx.get(base + "/api/stats", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            raise RuntimeError("the web server did not start within 10 s")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def errors(driver: webdriver.Chrome) -> list[dict]:
    return [entry for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]


def open_page(driver: webdriver.Chrome, url: str, shot: str) -> None:
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get(url)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    driver.save_screenshot(str(ARTIFACTS / f"{shot}.png"))


def wait_for_view(driver: webdriver.Chrome) -> int:
    """The number of nodes the view drew, once it is interactive."""
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return !!(window.plankgView && window.plankgView.ready)"))
    return driver.execute_script("return window.plankgView.network.body.nodeIndices.length")


PAGES = {
    "home": "/", "plan": "/id/plan/alpha", "term": "/id/term/1%2B5", "task": "/id/plan/alpha/task/t2",
    "agency": "/id/agency/%E7%94%B2%E5%B8%82%E5%85%AC%E5%AE%89%E5%B1%80", "evidence": "/id/plan/alpha/char=61,90",
    "conflict-plan": "/id/plan/gamma", "hostile-plan": "/id/plan/hostile", "hostile-task": "/id/plan/hostile/task/t1",
    "hostile-term": "/id/term/imgsrc%3Dxonerror%3Dwindow.__pwned%3D1",
    "hostile-agency": "/id/agency/scriptwindow.__pwned%3D1%2Fscript%E5%B1%80", "search": "/search?q=%3Cscript",
}


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_without_console_errors_and_runs_nothing_hostile(server: str, browser, name: str) -> None:
    open_page(browser, server + PAGES[name], name)
    assert errors(browser) == []
    assert browser.execute_script("return window.__pwned") is None
    assert browser.find_element(By.TAG_NAME, "h1").text


VIEWS = {  # page, and the fewest nodes it must show by the fixture
    "view-plan": ("/view/plan?plan=" + quote(ID + "plan/alpha", safe=""), 5),  # 4 tasks and the system they build
    "view-hostile": ("/view/plan?plan=" + quote(ID + "plan/hostile", safe=""), 2),
    "view-concepts": ("/view/concepts?min_plans=1", 7),  # 3 plans, 3 terms, 1 system
    "view-concepts-shared": ("/view/concepts", 3),  # by default what plans share: 1 term, the 2 plans using it
    "view-agencies": ("/view/agencies", 9),  # 5 tasks with agencies, 4 agencies
    "view-term": ("/view/neighbourhood?node=" + quote(ID + "term/1%2B5", safe=""), 5),  # term, 2 senses, 2 plans
}


@pytest.mark.parametrize("name", VIEWS)
def test_graph_view_draws_its_nodes(server: str, browser, name: str) -> None:
    url, at_least = VIEWS[name]
    served = httpx.get(server + url.replace("/view/", "/api/views/")).json()["nodes"]
    open_page(browser, server + url, name)
    assert wait_for_view(browser) == len(served) >= at_least
    browser.save_screenshot(str(ARTIFACTS / f"{name}.png"))
    assert errors(browser) == []
    assert browser.execute_script("return window.__pwned") is None


def test_view_tooltip_shows_hostile_text_as_text(server: str, browser) -> None:
    open_page(browser, server + VIEWS["view-hostile"][0], "tooltip")
    wait_for_view(browser)
    target = ID + "plan/hostile/task/t2"
    point = browser.execute_script(
        "var v = window.plankgView; v.network.fit(); var p = v.network.getPositions([arguments[0]])[arguments[0]];"
        "return v.network.canvasToDOM(p);", target)
    canvas = browser.find_element(By.CSS_SELECTOR, "#graph canvas")
    rect = canvas.rect
    webdriver.ActionChains(browser).move_to_element_with_offset(
        canvas, int(point["x"] - rect["width"] / 2), int(point["y"] - rect["height"] / 2)).perform()
    tooltip = WebDriverWait(browser, 5).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "div.vis-tooltip") if d.find_element(
            By.CSS_SELECTOR, "div.vis-tooltip").is_displayed() else None)
    assert "<img src=x onerror=window.__pwned=1>任务" in tooltip.text
    assert tooltip.find_elements(By.TAG_NAME, "img") == []
    browser.save_screenshot(str(ARTIFACTS / "tooltip-hostile.png"))
    assert browser.execute_script("return window.__pwned") is None


def test_view_expands_a_node_and_finds_chinese_labels(server: str, browser) -> None:
    open_page(browser, server + VIEWS["view-plan"][0], "expand")
    before = wait_for_view(browser)
    browser.execute_script("return window.plankgView.expand(arguments[0])", ID + "plan/alpha/task/t1")
    WebDriverWait(browser, 5).until(lambda d: d.execute_script("return window.plankgView.expanded") == 1)
    assert browser.execute_script("return window.plankgView.nodes.length") > before
    browser.find_element(By.ID, "view-search").send_keys("网格化")
    found = browser.execute_script("return window.plankgView.found")
    assert found == [ID + "plan/alpha/task/t2"]
    assert browser.find_element(By.ID, "details-label").text == "推进网格化服务管理"
    assert errors(browser) == []


def test_search_type_ahead_answers_chinese_and_hostile_queries(server: str, browser) -> None:
    open_page(browser, server + "/", "type-ahead")
    box = browser.find_element(By.ID, "search")
    box.send_keys("公")
    WebDriverWait(browser, 5).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#suggestions li"))
    labels = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#suggestions li a")]
    assert set(labels) == {"甲市公安局", "乙县公安局"}
    browser.save_screenshot(str(ARTIFACTS / "type-ahead.png"))
    box.clear()
    box.send_keys("script")
    WebDriverWait(browser, 5).until(lambda d: "<script>" in " ".join(
        a.text for a in d.find_elements(By.CSS_SELECTOR, "#suggestions li a")))
    assert browser.execute_script("return window.__pwned") is None
    assert errors(browser) == []
