"""A graph view as a self-contained page: pyvis holds the network, our own template draws it offline.

pyvis's templates load vis-network and Bootstrap from CDNs even in "local" mode; this template loads the
vis-network build vendored in ``viz/assets`` and a small script of ours, and embeds the data as JSON in a
``<script type="application/json">`` element, escaped so that no label can close the element.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from plankg.viz.views import COLOURS, GraphView, legend

ASSETS = Path(__file__).resolve().parent / "assets"
_templates = Environment(loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
                         autoescape=select_autoescape(["html"]))


def script_json(value: Any) -> Markup:
    """JSON safe inside a <script> element: <, >, & and the JS line separators escaped."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                         ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return Markup(text)


def to_pyvis(view: GraphView) -> Network:
    """The view as a pyvis network, its node and edge lists assigned in bulk (add_node per node is slow)."""
    network = Network(directed=True, cdn_resources="local")
    network.nodes, network.edges = view.nodes, view.edges
    network.node_ids = [n["id"] for n in view.nodes]
    network.node_map = {n["id"]: n for n in view.nodes}
    network.options = {"physics": {"enabled": view.physics}}
    return network


def render(view: GraphView, *, controls: set[str], plans: list[dict[str, Any]] = (),
           hidden: dict[str, str] | None = None, cap: int) -> str:
    """The HTML page of a view, with filter controls (``plan``, ``year``, ``depth``, ``type``) and legend."""
    nodes, edges, _, _, _, options = to_pyvis(view).get_network_data()
    data = {**view.as_json(), "nodes": nodes, "edges": edges, "options": json.loads(options)}
    selected = view.filters.get("plan")
    return _templates.get_template("view.html").render(
        view=view, data=script_json(data), legend=legend(view.nodes), controls=controls,
        plans=plans, selected_plan=selected[0] if isinstance(selected, list) and selected else selected,
        kinds=list(COLOURS), hidden=hidden or {}, cap=cap)
