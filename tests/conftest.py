"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from plankg.settings import SAMPLE_CORPUS


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Path of an embedded store holding the bundled sample corpus, built once per test session (read-only use)."""
    from plankg.graph.build import build_graph

    location = tmp_path_factory.mktemp("built-store") / "store"
    report = build_graph([SAMPLE_CORPUS], str(location), progress=False)
    assert not report.failed, report.failed
    return str(location)
