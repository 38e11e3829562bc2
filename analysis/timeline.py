"""The critical path of plans in calendar terms: which tasks, when, how much slack, and why (the evidence).

``plan_schedule`` selects the tasks of one or several plans (or everything a target waits on), infers their
durations from the plan's dates, runs CPM and returns plain rows the CLI, the API and the web views share.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import date
from itertools import repeat
from pathlib import Path
from urllib.parse import unquote

import networkx as nx
import numpy as np
from scipy.sparse.csgraph import breadth_first_order

from plankg.analysis import arrays
from plankg.analysis.compact import DependencyIndex, dependency_index
from plankg.analysis.durations import apply_overrides, infer_durations, read_overrides
from plankg.analysis.projection import DEPENDENCY_KINDS, load_evidence
from plankg.analysis.queries import NodeNotFound, edge_between, resolve_node
from plankg.analysis.schedule import critical_path_of_positions


IMPLIED_CUE = "sub-task order (implied by their deadlines)"
CYCLE_CUE = "member of the same cycle (condensed)"


@dataclass
class Row:
    """One task (or system/goal milestone) of a schedule; times in days from the start, dates when known."""

    id: str
    label: str
    kind: str
    plan: str | None
    due: str | None
    duration: float
    earliest_start: float
    earliest_finish: float
    latest_start: float
    latest_finish: float
    total_slack: float
    free_slack: float
    critical: bool
    start_date: str | None
    finish_date: str | None
    latest_finish_date: str | None
    duration_basis: str
    cycle: int | None
    # the edge that leads to this task on the critical chain: cue and evidence
    cue: str | None = None
    evidence: str | None = None
    sentence: str | None = None


@dataclass
class PlanSchedule:
    plans: list[dict]
    target: str | None
    start: str | None
    length_days: float
    rows: list[Row]  # every selected node, in order of earliest start
    chain: list[Row]  # the critical chain, first task first, each with the evidence of its incoming edge
    cycles: list[list[str]]
    assumptions: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def resolve_plan(graph: nx.MultiDiGraph, query: str) -> str:
    """A plan's IRI from its IRI, its document id (the file name's stem, the end of the IRI) or words of its name:
    the printed title, or the derived label of an untitled plan (市公安局 2022年 工作总结 (untitled))."""
    plans = graph.graph.get("plans", {})
    if query in plans:
        return query
    matches = [iri for iri in plans if unquote(iri.rsplit("/", 1)[-1]) == query]
    matches = matches or [iri for iri, p in plans.items() if p.get("label") == query]
    matches = matches or [iri for iri, p in plans.items() if query in (p.get("label") or "") or query in unquote(iri)]
    if len(matches) == 1:
        return matches[0]
    known = "; ".join(f"{unquote(iri.rsplit('/', 1)[-1])} ({p.get('label')})" for iri, p in plans.items())
    if not matches:
        raise NodeNotFound(f"no plan matches {query!r}; known plans: {known or 'none (build the store first)'}")
    raise NodeNotFound(f"{len(matches)} plans match {query!r}, give a document id: {known}")


def select(graph: nx.MultiDiGraph, index: DependencyIndex, plans: list[str],
           target: str | None) -> tuple[list[str], np.ndarray]:
    """Nodes to schedule: the plans' tasks with the systems and goals that link them, cut to what ``target``
    waits on (and the target itself) when one is given; in the projection's order (which keeps results
    reproducible), with their positions in ``index``. One look at each node's attributes, the edges as arrays."""
    sources, targets = arrays.edge_sources(index.starts), index.targets
    if plans:
        wanted = set(plans)
        attributes = [data for _, data in graph.nodes(data=True)]  # in node order, no lookup per node
        members = np.fromiter((data.get("plan") in wanted for data in attributes), dtype=bool,
                              count=len(index.nodes))
        task = np.fromiter((data.get("kind") == "task" for data in attributes), dtype=bool, count=len(index.nodes))
        chosen = members.copy()
        chosen[targets[members[sources] & ~task[targets]]] = True  # systems and goals linked to a member
        chosen[sources[members[targets] & ~task[sources]]] = True
    else:
        chosen = np.ones(len(index.nodes), dtype=bool)
    if target is not None:
        waited_on = breadth_first_order(arrays.matrix(index.starts, index.targets).T.tocsr(), index.index[target],
                                        directed=True, return_predecessors=False)
        cut = np.zeros(len(index.nodes), dtype=bool)
        cut[waited_on] = True
        chosen &= cut
        chosen[index.index[target]] = True
    positions = np.flatnonzero(chosen)
    return [index.nodes[i] for i in positions.tolist()], positions


def plan_schedule(graph: nx.MultiDiGraph, plans: list[str] = (), target: str | None = None,
                  durations_file: Path | None = None) -> PlanSchedule:
    """The CPM schedule of plans (titles, ids or IRIs) or toward one target, with its assumptions."""
    plan_iris = [resolve_plan(graph, p) for p in plans]
    target_node = resolve_node(graph, target) if target else None
    index = dependency_index(graph)
    nodes, positions = select(graph, index, plan_iris, target_node)
    durations = infer_durations(graph, nodes)
    if durations_file:
        durations = apply_overrides(durations, read_overrides(durations_file, graph), Path(durations_file).name)
    local = np.full(len(index.nodes), -1, dtype=np.int64)  # index position -> position in ``nodes``
    local[positions] = np.arange(len(nodes))
    sources, targets = local[arrays.edge_sources(index.starts)], local[index.targets]
    inside = (sources >= 0) & (targets >= 0)
    implied = np.array([local[index.index[n]] for edge in durations.implied_edges for n in edge], dtype=np.int64)
    days, release = durations.days, durations.release
    schedule = critical_path_of_positions(
        nodes, np.concatenate([sources[inside], implied[0::2]]), np.concatenate([targets[inside], implied[1::2]]),
        np.fromiter((days.get(n, 0.0) for n in nodes), dtype=float, count=len(nodes)),
        np.fromiter((release.get(n, 0.0) for n in nodes), dtype=float, count=len(nodes)))
    if schedule.cycles:
        durations.assumptions.append(f"{len(schedule.cycles)} cycle(s) condensed: their tasks are scheduled as "
                                     f"one block as long as its longest member (see `plankg cycles`).")

    columns = schedule.times.columns
    numbers = (columns.duration, columns.earliest_start, columns.earliest_finish, columns.latest_start,
               columns.latest_finish, columns.total_slack, columns.free_slack, columns.critical, columns.block)
    dates = (_dates(durations.start, offsets)
             for offsets in (columns.earliest_start, columns.earliest_finish, columns.latest_finish))
    basis = map(durations.basis.get, nodes, repeat(""))
    attributes = [data for _, data in graph.nodes(data=True)]  # by position in ``index``: no lookup per node
    rows = [Row(id=node, label=data.get("label"), kind=data.get("kind"), plan=data.get("plan"),
                due=data.get("due_date") or (str(data["due_year"]) if data.get("due_year") else None),
                duration=duration, earliest_start=es, earliest_finish=ef, latest_start=ls, latest_finish=lf,
                total_slack=total, free_slack=free, critical=critical, start_date=start, finish_date=finish,
                latest_finish_date=latest, duration_basis=rule, cycle=None if block < 0 else block)
            for node, data, duration, es, ef, ls, lf, total, free, critical, block, start, finish, latest, rule
            in zip(nodes, map(attributes.__getitem__, positions.tolist()), *(c.tolist() for c in numbers), *dates,
                   basis)]
    implied = set(durations.implied_edges)
    load_evidence(graph, zip(schedule.chain, schedule.chain[1:]))
    chain = [_with_incoming_edge(graph, rows[local[index.index[node]]], previous, implied)
             for previous, node in zip([None, *schedule.chain], schedule.chain)]
    order = np.lexsort((columns.total_slack, columns.earliest_start)).tolist()  # stable, as sorted() is
    ordered = [rows[i] for i in order]
    info = graph.graph.get("plans", {})
    return PlanSchedule(
        plans=[{"iri": p, "title": info.get(p, {}).get("title"), "label": info.get(p, {}).get("label", p)}
               for p in plan_iris], target=target_node,
        start=durations.start.isoformat() if isinstance(durations.start, date) else None,
        length_days=schedule.length, rows=ordered, chain=chain, cycles=schedule.cycles,
        assumptions=durations.assumptions,
    )


def _dates(start: date | None, offsets: np.ndarray) -> list[str | None]:
    """ISO dates ``offsets`` days (rounded half to even, as ``round``) after ``start``; None without a start."""
    if start is None:
        return [None] * len(offsets)
    days = np.round(offsets).astype(np.int64).astype("timedelta64[D]")
    return (np.datetime64(start, "D") + days).astype(str).tolist()


def _with_incoming_edge(graph: nx.MultiDiGraph, row: Row, previous: str | None,
                        implied: set[tuple[str, str]]) -> Row:
    """``row`` with the cue and evidence of the edge from the previous task on the chain."""
    if previous is None:
        return row
    if graph.has_edge(previous, row.id) and any(d["kind"] in DEPENDENCY_KINDS
                                                 for d in graph[previous][row.id].values()):
        edge = edge_between(graph, previous, row.id)
        return replace(row, cue=edge.cue, evidence=edge.evidence, sentence=edge.sentence)
    if (previous, row.id) in implied:
        return replace(row, cue=IMPLIED_CUE)
    return replace(row, cue=CYCLE_CUE)


def timeline(graph: nx.MultiDiGraph, plans: list[str] = (), target: str | None = None) -> list[dict]:
    """Start, finish and slack per task, as plain dicts, for the web views' timeline."""
    return [asdict(row) for row in plan_schedule(graph, plans, target).rows]
