"""A plan's schedule as a timeline: one row per task, a bar from earliest start to earliest finish, then its slack.

Only geometry is computed here (pixels, year ticks); the plan page draws it as inline SVG, so the chart needs no
script and no network, and every label stays escaped text. Rows come from ``rest.plan_analysis`` (the analysis
package's CPM), in order of earliest start.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from plankg.viz.views import COLOURS, CRITICAL

ROW_HEIGHT = 18
LABEL_WIDTH = 280  # left column with the task labels
CHART_WIDTH = 620  # the time axis
HEADER = 22  # room for the tick labels
LABEL_CHARS = 18
MAX_ROWS = 400
"""More rows than this make a chart nobody reads; the rest are counted in ``left_out``."""


@dataclass
class Bar:
    href: str | None
    label: str
    full_label: str
    y: float
    x: float
    width: float
    slack_width: float
    colour: str
    milestone: bool
    tooltip: str


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class Chart:
    width: int
    height: int
    bars: list[Bar]
    ticks: list[Tick]
    left_out: int


def timeline_chart(rows: list[dict[str, Any]], start: str | None, width: int = CHART_WIDTH) -> Chart:
    """Bars and ticks for ``rows`` (dicts with earliestStart/Finish, latestFinish, totalSlack, critical …).

    Times are days from ``start`` (ISO date, or None when the plan gives no date: ticks then count days).
    """
    shown = rows[:MAX_ROWS]
    length = max((r["latestFinish"] for r in shown), default=0.0) or 1.0
    scale = width / length
    bars = []
    for i, row in enumerate(shown):
        text = str(row.get("label") or row["iri"])
        milestone = row["earliestFinish"] == row["earliestStart"]
        colour = CRITICAL if row["critical"] else COLOURS.get(row.get("type") or "task", COLOURS["task"])
        when = f"{row['start'] or row['earliestStart']} → {row['finish'] or row['earliestFinish']}"
        bars.append(Bar(
            href=row.get("href"), label=text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1] + "…",
            full_label=text, y=HEADER + i * ROW_HEIGHT, x=LABEL_WIDTH + row["earliestStart"] * scale,
            width=max(2.0, (row["earliestFinish"] - row["earliestStart"]) * scale),
            slack_width=max(0.0, (row["latestFinish"] - row["earliestFinish"]) * scale), colour=colour,
            milestone=milestone,
            tooltip=f"{text}\n{when}; total slack {row['totalSlack']:g} days" + ("; critical" if row["critical"] else "")))
    return Chart(width=LABEL_WIDTH + width + 10, height=HEADER + len(shown) * ROW_HEIGHT + 4, bars=bars,
                 ticks=_ticks(start, length, scale), left_out=len(rows) - len(shown))


def _ticks(start: str | None, length: float, scale: float) -> list[Tick]:
    """A tick at each 1 January inside the schedule (or every 365 days when the plan has no start date)."""
    if start is None:
        return [Tick(LABEL_WIDTH + day * scale, f"day {day}") for day in range(0, int(length) + 1, 365)]
    first = date.fromisoformat(start)
    end = first + timedelta(days=length)
    years = range(first.year + (first != date(first.year, 1, 1)), end.year + 1)
    ticks = [Tick(LABEL_WIDTH + (date(year, 1, 1) - first).days * scale, str(year)) for year in years]
    return ticks or [Tick(LABEL_WIDTH, first.isoformat())]
