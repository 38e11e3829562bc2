"""Analysis commands: deps, impact, path, critical-path, conflicts, cycles, bottlenecks, load."""

from __future__ import annotations

from functools import wraps
from pathlib import Path
from typing import Callable

import click

from plankg.settings import store_option

format_option = click.option("--format", "fmt", type=click.Choice(["table", "markdown", "json"]), default="table",
                             show_default=True, help="Output: aligned table, Markdown (for reports) or JSON.")


def _graph(store: str):
    from plankg.analysis.projection import cached_projection
    from plankg.graph.store import open_store

    return cached_projection(open_store(store))


def _user_errors(command: Callable) -> Callable:
    """Turn lookup and file errors into a one-line message instead of a traceback."""
    @wraps(command)
    def run(*args, **kwargs):
        from plankg.analysis.queries import NodeNotFound

        try:
            return command(*args, **kwargs)
        except (NodeNotFound, ValueError, OSError) as error:
            raise click.ClickException(str(error).strip("'\"")) from None
    return run


def _emit(result: object, fmt: str, render: Callable[[bool], str]) -> None:
    from plankg.analysis.report import to_json

    click.echo(to_json(result) if fmt == "json" else render(fmt == "markdown"))


@click.command()
@click.argument("node")
@click.option("--direct", is_flag=True, help="Only direct prerequisites (default: transitive, by depth).")
@store_option
@format_option
@_user_errors
def deps(node: str, direct: bool, store: str, fmt: str) -> None:
    """What NODE (a task, system or goal: IRI, end of IRI or words of its label) rests on, with evidence."""
    from plankg.analysis import queries, report

    graph = _graph(store)
    start = queries.resolve_node(graph, node)
    found = queries.prerequisites(graph, start, transitive=not direct)
    _emit(found, fmt, lambda md: report.reached_text(graph.nodes[start]["label"], found, md))


@click.command()
@click.argument("node")
@click.option("--depth", type=int, default=None, help="Stop after this many edges (default: everything).")
@store_option
@format_option
@_user_errors
def impact(node: str, depth: int | None, store: str, fmt: str) -> None:
    """Everything that waits on NODE, by depth: what falls if it slips."""
    from plankg.analysis import queries, report

    graph = _graph(store)
    start = queries.resolve_node(graph, node)
    found = queries.dependents(graph, start, max_depth=depth)
    _emit(found, fmt, lambda md: report.reached_text(graph.nodes[start]["label"], found, md))


@click.command()
@click.argument("source")
@click.argument("target")
@store_option
@format_option
@_user_errors
def path(source: str, target: str, store: str, fmt: str) -> None:
    """A chain of dependency edges between SOURCE and TARGET (either direction), each with its evidence."""
    from plankg.analysis import queries, report

    graph = _graph(store)
    edges = queries.path(graph, queries.resolve_node(graph, source), queries.resolve_node(graph, target))
    labels = dict(graph.nodes(data="label"))
    _emit(edges, fmt, lambda md: report.path_text(labels, edges, md))


@click.command("critical-path")
@click.option("--plan", "plans", multiple=True, help="Plan title, document id or IRI (repeat for several plans).")
@click.option("--target", help="Only what this task, system or goal waits on (and itself).")
@click.option("--durations", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="JSON or CSV file of durations in days (task,days) that override those read from the dates.")
@store_option
@format_option
@_user_errors
def critical_path(plans: tuple[str, ...], target: str | None, durations: Path | None, store: str, fmt: str) -> None:
    """Critical path (CPM): earliest/latest start and finish, total and free slack, the critical chain."""
    from plankg.analysis import report
    from plankg.analysis.timeline import plan_schedule

    if not plans and not target:
        raise click.UsageError("give --plan (title, document id or IRI) and/or --target")
    result = plan_schedule(_graph(store), list(plans), target, durations)
    _emit(result, fmt, lambda md: report.schedule_text(result, md))


@click.command()
@store_option
@format_option
def conflicts(store: str, fmt: str) -> None:
    """Schedule conflicts: prerequisites due after the task that waits on them, with both dates and evidence."""
    from plankg.analysis import findings, report

    found = findings.conflicts(_graph(store))
    _emit(found, fmt, lambda md: report.conflicts_text(found, md))


@click.command()
@store_option
@format_option
def cycles(store: str, fmt: str) -> None:
    """Cycles: tasks that (transitively) wait on each other, with the edges that close the loop."""
    from plankg.analysis import findings, report

    found = findings.cycles(_graph(store))
    _emit(found, fmt, lambda md: report.cycles_text(found, md))


@click.command()
@click.option("--top", default=10, show_default=True, help="How many to list.")
@store_option
@format_option
def bottlenecks(top: int, store: str, fmt: str) -> None:
    """Tasks and systems ranked by how much waits on them (all dependents, direct ones, betweenness)."""
    from plankg.analysis import findings, report

    found = findings.bottlenecks(_graph(store), top=top)
    _emit(found, fmt, lambda md: report.bottlenecks_text(found, md))


@click.command()
@click.option("--plan", "plans", multiple=True, help="Only these plans (title, document id or IRI).")
@store_option
@format_option
@_user_errors
def load(plans: tuple[str, ...], store: str, fmt: str) -> None:
    """Agency load: tasks per agency per deadline year, and how many of them it leads."""
    from plankg.analysis import findings, report
    from plankg.analysis.timeline import resolve_plan

    graph = _graph(store)
    rows = findings.agency_load(graph, [resolve_plan(graph, p) for p in plans])
    _emit(rows, fmt, lambda md: report.load_text(rows, md))


COMMANDS = [deps, impact, path, critical_path, conflicts, cycles, bottlenecks, load]
