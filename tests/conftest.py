"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pyoxigraph as ox
import pytest

from plankg.settings import SAMPLE_CORPUS


SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def gold_scores() -> dict:
    """`plankg evaluate` of the sample corpus against ../shared/gold/seeds.json, computed once per session: the gold
    tests hold the figures the README reports, each category from the same full pipeline."""
    from plankg.evaluation.run import evaluate

    return evaluate(SHARED / "gold" / "seeds.json", [SHARED / "corpus"])


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Path of an embedded store holding the bundled sample corpus, built once per test session (read-only use)."""
    from plankg.graph.build import build_graph

    location = tmp_path_factory.mktemp("built-store") / "store"
    report = build_graph([SAMPLE_CORPUS], str(location), progress=False)
    assert not report.failed, report.failed
    return str(location)


WEB_FIXTURE = Path(__file__).resolve().parent / "fixtures" / "web" / "plans.trig"


@pytest.fixture(scope="session")
def make_web_store(tmp_path_factory: pytest.TempPathFactory) -> Callable[[], str]:
    """Factory: each call loads the web fixture (fixtures/web/plans.trig) into a fresh embedded store directory.

    A fresh directory per caller, because an Oxigraph directory is open in one process at a time (a test that
    serves the store from a subprocess needs one of its own)."""

    def make() -> str:
        location = tmp_path_factory.mktemp("web-store")
        store = ox.Store(str(location))
        store.load(path=str(WEB_FIXTURE), format=ox.RdfFormat.TRIG)
        store.flush()
        del store
        return str(location)

    return make
