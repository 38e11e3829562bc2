"""Task durations for the critical path: read from the plan's own dates, or from a file the user supplies.

Plans print deadlines, not durations. The rules below turn deadlines into durations, and every rule that was
used is reported as an assumption next to the result:

| rule | example |
|---|---|
| a deadline with only a year ends on 31 December | 到2025年 → 2025-12-31 |
| a task without its own deadline takes its enclosing task's | sub-item of a dated table row |
| sub-tasks of one task run in the order of their deadlines: each waits on the sub-tasks due just before it (an implied edge) | the 2021 and 2022 items of one reform |
| a task starts when the latest of its dated prerequisites is due (looking through undated systems and goals), else at the plan's start | a task relying on a platform another task builds by 2022 starts 2022-12-31 |
| the plan starts on 1 January of its period's first year, else on its issue date, else on 1 January of its earliest deadline | “十四五” → 2021-01-01 |
| a task with no date at all, and every system or goal, is a milestone (duration 0) | |

User files map a task (IRI, end of IRI or label) to days: JSON ``{"task": days}`` or a list of
``{"task": …, "days": …}``, or CSV with the columns ``task,days``.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import networkx as nx
import numpy as np
from scipy.sparse import csr_matrix

from plankg.analysis.compact import dependency_index
from plankg.analysis.projection import DEPENDENCY_KINDS
from plankg.analysis.queries import NodeNotFound, resolve_node


@dataclass
class Durations:
    days: dict[str, float]  # node -> duration in days
    start: date | None  # day 0 of the schedule
    implied_edges: list[tuple[str, str]] = field(default_factory=list)  # sub-task order: earlier -> later
    release: dict[str, float] = field(default_factory=dict)  # node -> earliest start (its plan's start), in days
    basis: dict[str, str] = field(default_factory=dict)  # node -> which rule gave its duration
    assumptions: list[str] = field(default_factory=list)


def due_of(data: dict) -> date | None:
    """A node's own deadline as a date (year-only deadlines end on 31 December)."""
    text = data.get("due_date")
    if text:
        try:
            return date.fromisoformat(str(text)[:10])
        except ValueError:
            pass
    year = data.get("due_year")
    return date(int(year), 12, 31) if isinstance(year, int) else None


def plan_start(plan: dict) -> tuple[date | None, str | None]:
    """Day 0 of a plan and the rule that gave it."""
    if isinstance(plan.get("period_start"), int):
        return date(plan["period_start"], 1, 1), "the first year of its period"
    if plan.get("issued"):
        try:
            return date.fromisoformat(str(plan["issued"])[:10]), "its issue date"
        except ValueError:
            pass
    return None, None


def infer_durations(graph: nx.MultiDiGraph, nodes: list[str]) -> Durations:
    """Durations of ``nodes`` (a selection of the projection) from the dates their plans give."""
    plans = graph.graph.get("plans", {})
    attributes = dict(graph.nodes(data=True))  # a plain dict: NodeView's lookups cost a call each
    selected = list(map(attributes.__getitem__, nodes))  # each node's attributes looked up once, read in order
    assumptions: list[str] = []
    starts: dict[str, date] = {}
    for plan_iri in sorted({data.get("plan") for data in selected} - {None}):
        plan = plans.get(plan_iri, {"title": plan_iri})
        start, rule = plan_start(plan)
        if start:
            starts[plan_iri] = start
            assumptions.append(f"{plan.get('title') or plan_iri} starts on {start.isoformat()} ({rule}).")

    due: dict[str, date] = {}
    inherited: set[str] = set()
    for node, data in zip(nodes, selected):
        if data.get("kind") != "task":
            continue
        own, parent, hops = due_of(data), data.get("parent"), 0
        while own is None and parent in attributes and hops < 50:  # hops: a malformed part-of cycle cannot loop
            own, parent, hops = due_of(attributes[parent]), attributes[parent].get("parent"), hops + 1
        if own:
            due[node] = own
            if hops:
                inherited.add(node)

    earliest_due = min(due.values(), default=None)
    fallback = date(earliest_due.year, 1, 1) if earliest_due else None
    if fallback and any(attributes[n].get("plan") not in starts for n in due):
        assumptions.append(f"Plans without a period or issue date start on {fallback.isoformat()} "
                           f"(1 January of the earliest deadline).")

    implied = _sub_task_order(graph, attributes, due, inherited)
    index = dependency_index(graph)
    position = index.index
    due_day = np.full(len(index.nodes), -1, dtype=np.int64)  # ordinal of each node's deadline, -1 when none
    due_day[np.fromiter(map(position.__getitem__, due), dtype=np.int64, count=len(due))] = np.fromiter(
        map(date.toordinal, due.values()), dtype=np.int64, count=len(due))
    implied_at = np.array([position[n] for edge in implied for n in edge], dtype=np.int64)
    latest = latest_prerequisite_dues(index.starts, index.targets, due_day, implied_at[0::2], implied_at[1::2])

    days: dict[str, float] = {}
    basis: dict[str, str] = {}
    for node, data, at in zip(nodes, selected, map(position.__getitem__, nodes)):
        if node not in due:
            days[node] = 0.0
            basis[node] = "milestone: no date" if data.get("kind") == "task" else f"milestone: {data.get('kind')}"
            continue
        end = due[node]
        begin, rule = starts.get(data.get("plan"), fallback), "plan start"
        prerequisite_due = int(latest[at])
        if prerequisite_due >= 0 and (begin is None or prerequisite_due > begin.toordinal()):
            begin, rule = date.fromordinal(prerequisite_due), "the deadline of a prerequisite"
        days[node] = float(max((end - begin).days, 0)) if begin else 0.0
        basis[node] = rule + (" (deadline of the enclosing task)" if node in inherited else "")
    if implied:
        assumptions.append(f"{len(implied)} edge(s) implied by the order of dated sub-tasks of one task.")
    counts = defaultdict(int)
    for rule in basis.values():
        counts[rule] += 1
    assumptions.extend(f"{count} node(s): duration from {rule}." for rule, count in sorted(counts.items()))
    day0 = min(starts.values(), default=fallback)
    plan_of = ((n, data.get("plan")) for n, data in zip(nodes, selected))
    release = {n: float((starts[plan] - day0).days) for n, plan in plan_of if plan in starts and starts[plan] > day0}
    if release:
        assumptions.append("No task starts before its own plan starts.")
    return Durations(days=days, start=day0, implied_edges=implied, release=release, basis=basis,
                     assumptions=assumptions)


def _sub_task_order(graph: nx.MultiDiGraph, attributes: dict[str, dict], due: dict[str, date],
                    inherited: set[str]) -> list[tuple[str, str]]:
    """Edges from each group of sub-tasks of one task due on one day to the group due next (own deadlines only)."""
    groups: dict[str, dict[date, list[str]]] = defaultdict(lambda: defaultdict(list))
    for node, day in due.items():
        parent = attributes[node].get("parent")
        if node not in inherited and parent in attributes and attributes[parent].get("kind") == "task":
            groups[parent][day].append(node)
    edges = []
    for by_day in groups.values():
        days = sorted(by_day)
        for earlier, later in zip(days, days[1:]):
            edges.extend((u, v) for u in by_day[earlier] for v in by_day[later] if not _waits_on(graph, v, u))
    return edges


def _waits_on(graph: nx.MultiDiGraph, dependent: str, prerequisite: str) -> bool:
    """Whether the graph already holds the edge (e.g. the extractor emitted the table order itself)."""
    return graph.has_edge(prerequisite, dependent) and any(
        d["kind"] in DEPENDENCY_KINDS for d in graph[prerequisite][dependent].values())


def latest_prerequisite_dues(starts: np.ndarray, targets: np.ndarray, due: np.ndarray,
                             implied_sources: np.ndarray, implied_targets: np.ndarray, hops: int = 3) -> np.ndarray:
    """For each node with a deadline (``due`` >= 0, as day ordinals), the latest deadline not after its own among
    what it waits on, looking through up to ``hops - 1`` undated nodes (systems, goals, undated tasks); -1 where
    there is none. Edges: the dependency index (``starts``, ``targets``), plus the implied edges, which count
    as direct only.

    Walks of each length are sparse matrix products (A, then A·B, A·B·B with B the edges leaving undated
    nodes), so the work runs in compiled code over arrays rather than a search per node.
    """
    count = len(due)
    result = np.full(count, -1, dtype=np.int64)
    dated = np.flatnonzero(due >= 0)
    if count == 0 or len(dated) == 0:
        return result
    edges = csr_matrix((np.ones(len(targets)), targets, starts), shape=(count, count))
    into_undated = csr_matrix(((due < 0)[targets].astype(float), targets, starts), shape=(count, count))
    into_undated.eliminate_zeros()
    ends = edges[:, dated]  # walks that end at a dated node (entries count walks: all positive)
    through = ends
    for _ in range(hops - 1):
        through = into_undated @ through  # walks one step longer, through an undated node
        ends = ends + through
    walks = ends.tocoo()
    u = np.concatenate([walks.row, implied_sources]).astype(np.int64)
    v = np.concatenate([dated[walks.col], implied_targets]).astype(np.int64)
    found = due[u]
    fits = (found >= 0) & (found <= due[v]) & (u != v)
    np.maximum.at(result, v[fits], found[fits])
    return result


def read_overrides(path: Path, graph: nx.MultiDiGraph) -> dict[str, float]:
    """Durations in days from a user file (JSON or CSV, see the module docstring), keyed by resolved node."""
    text = Path(path).read_text(encoding="utf-8")
    if Path(path).suffix.lower() == ".csv":
        rows = [(row.get("task"), row.get("days")) for row in csv.DictReader(text.splitlines())]
    else:
        data = json.loads(text)
        rows = list(data.items()) if isinstance(data, dict) else [(r.get("task"), r.get("days")) for r in data]
    overrides: dict[str, float] = {}
    for key, value in rows:
        if key is None or value in (None, ""):
            raise ValueError(f"{path}: every entry needs a task and its days (CSV columns: task,days)")
        try:
            overrides[resolve_node(graph, str(key))] = float(value)
        except NodeNotFound as error:
            raise ValueError(f"{path}: {error}") from None
        except ValueError:
            raise ValueError(f"{path}: days for {key!r} must be a number, not {value!r}") from None
    return overrides


def apply_overrides(durations: Durations, overrides: dict[str, float], source: str) -> Durations:
    """``durations`` with the user's values for the nodes they name (nodes outside the selection are ignored)."""
    used = {n: d for n, d in overrides.items() if n in durations.days}
    durations.days.update(used)
    durations.basis.update({n: f"given in {source}" for n in used})
    durations.assumptions.append(f"{len(used)} duration(s) given in {source}"
                                 + (f"; {len(overrides) - len(used)} entries name nodes outside this selection."
                                    if len(used) < len(overrides) else "."))
    return durations
