"""Analysis results as text: aligned tables for the terminal, Markdown for the README, JSON for programs.

Markdown quotes each edge's evidence verbatim so a reader can check it against the source sentence.
"""

from __future__ import annotations

import json
from dataclasses import asdict, is_dataclass

from plankg.analysis.findings import Bottleneck, Conflict, Cycle
from plankg.analysis.queries import Edge, Reached
from plankg.analysis.timeline import PlanSchedule

FORMATS = ("table", "markdown", "json")
LABEL_WIDTH = 40
"""Task labels are often whole clauses; tables cut them here (JSON keeps them whole)."""


def short(label: str | None) -> str:
    label = label or ""
    return label if len(label) <= LABEL_WIDTH else label[:LABEL_WIDTH - 1] + "…"


def to_json(value: object) -> str:
    """Any result (dataclasses, lists of them, dicts) as indented JSON with Chinese kept readable."""
    def plain(item: object) -> object:
        if is_dataclass(item):
            return asdict(item)
        raise TypeError(f"cannot serialize {type(item).__name__}")
    return json.dumps(value, default=plain, ensure_ascii=False, indent=2)


def _cell(value: object) -> str:
    text = "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def table(headers: list[str], rows: list[list[object]], markdown: bool = False) -> str:
    """A plain-text table (columns separated by two spaces) or a Markdown pipe table."""
    cells = [[_cell(v) for v in row] for row in rows]
    if markdown:
        lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
        return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in cells])
    widths = [max([_width(h), *(_width(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    return "\n".join("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths)).rstrip()
                     for row in [headers, *cells])


def _width(text: str) -> int:
    """Display width: CJK characters take two terminal columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _quote(edge_evidence: str | None, cue: str | None) -> str:
    if not edge_evidence:
        return f"({cue})" if cue else ""
    return f"“{edge_evidence}” ({cue})" if cue else f"“{edge_evidence}”"


def schedule_text(result: PlanSchedule, markdown: bool = False) -> str:
    """The critical chain with dates, slack and evidence, then the assumptions."""
    title = ", ".join(p["label"] for p in result.plans) or "all plans"
    if result.target:
        target = next((r.label for r in result.rows if r.id == result.target), result.target)
        title += f" → {short(target)}"
    rows = [[i + 1, short(r.label), r.start_date or r.earliest_start, r.finish_date or r.earliest_finish, r.due,
             r.total_slack, r.free_slack, _quote(r.evidence, r.cue)] for i, r in enumerate(result.chain)]
    headers = ["#", "task", "start", "finish", "due", "total slack (d)", "free slack (d)", "edge evidence (cue)"]
    parts = [f"## Critical path: {title}" if markdown else f"Critical path: {title}",
             f"{len(result.chain)} node(s) on the chain, {result.length_days:g} days from {result.start or 'day 0'}; "
             f"{sum(r.critical for r in result.rows)} of {len(result.rows)} scheduled nodes have no slack.",
             table(headers, rows, markdown)]
    if result.cycles:
        parts.append(f"Cycles condensed: {len(result.cycles)}")
    bullet = "- " if markdown else "  * "
    parts.append("Assumptions:\n" + "\n".join(bullet + a for a in result.assumptions))
    return "\n\n".join(parts)


def conflicts_text(found: list[Conflict], markdown: bool = False) -> str:
    rows = [[short(c.prerequisite["label"]), c.prerequisite_due, short(c.dependent["label"]), c.dependent_due,
             _quote(c.edge.evidence, c.edge.cue)] for c in found]
    head = f"{len(found)} schedule conflict(s): a prerequisite due after the task that waits on it."
    return head + "\n\n" + table(["prerequisite", "due", "dependent", "due", "evidence (cue)"], rows, markdown)


def cycles_text(found: list[Cycle], markdown: bool = False) -> str:
    parts = [f"{len(found)} cycle(s) of tasks that wait on each other."]
    for n, cycle in enumerate(found, 1):
        labels = {node["id"]: node["label"] for node in cycle.nodes}
        rows = [[short(labels[e.prerequisite]), short(labels[e.dependent]), _quote(e.evidence, e.cue)]
                for e in cycle.edges]
        parts.append(f"Cycle {n} ({len(cycle.nodes)} nodes)\n\n"
                     + table(["prerequisite", "dependent", "evidence (cue)"], rows, markdown))
    return "\n\n".join(parts)


def bottlenecks_text(found: list[Bottleneck], markdown: bool = False) -> str:
    rows = [[short(b.node["label"]), b.node["kind"], b.all_dependents, b.direct_dependents, f"{b.betweenness:.4f}"]
            for b in found]
    note = " (approximate: sampled betweenness)" if found and found[0].approximate else ""
    return (f"Top {len(found)} bottleneck(s){note}\n\n"
            + table(["node", "kind", "all dependents", "direct", "betweenness"], rows, markdown))


def reached_text(start: str, found: list[Reached], markdown: bool = False) -> str:
    rows = [[r.depth, short(r.label), r.kind, _quote(r.via.evidence, r.via.cue)] for r in found]
    return f"{start}: {len(found)} node(s)\n\n" + table(["depth", "node", "kind", "evidence (cue)"], rows, markdown)


def path_text(labels: dict[str, str], edges: list[Edge] | None, markdown: bool = False) -> str:
    if edges is None:
        return "No dependency path links these two nodes."
    rows = [[short(labels.get(e.prerequisite, e.prerequisite)), short(labels.get(e.dependent, e.dependent)), e.kind,
             _quote(e.evidence, e.cue)] for e in edges]
    return table(["prerequisite", "dependent", "kind", "evidence (cue)"], rows, markdown)


def load_text(rows: list[dict], markdown: bool = False) -> str:
    """One row per agency and year; a plan's own collective subject (各乡镇人民政府) names its plan."""
    return table(["agency", "plan", "year", "tasks", "leads"],
                 [[r["agency"], short(r["plan"]) if r["plan"] else "", r["year"] if r["year"] is not None else "undated",
                   r["tasks"], r["leads"]] for r in rows], markdown)
