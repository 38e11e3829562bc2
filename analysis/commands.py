"""Analysis commands: deps, critical-path, conflicts, cycles, bottlenecks, load."""

from __future__ import annotations

COMMANDS: list = []
