"""A store another process holds open (`plankg serve` running) makes every command end in one line that says what
to do, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from plankg.graph.embedded import EmbeddedStore


@pytest.mark.parametrize("command", [["conflicts"], ["critical-path", "--plan", "any"], ["export", "--format", "json"],
                                     ["validate"]])
def test_a_locked_store_gives_a_one_line_error(tmp_path, command):
    location = tmp_path / "store"
    held = EmbeddedStore(location)  # this process holds the lock, as a running server would
    try:
        run = subprocess.run([str(Path(sys.executable).with_name("plankg")), *command, "--store", str(location)],
                             capture_output=True, text=True, timeout=120)
    finally:
        del held
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert run.stderr.startswith("Error: cannot open the store") and "stop that process" in run.stderr
