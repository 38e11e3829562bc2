"""The REST API under /api: terms, search, plans, tasks, agencies, graph views.

Each resource is read from the store by a plain function (``term_detail``, ``plan_detail`` …) that returns
JSON-ready dicts; the entity pages render the same dicts. Every resource carries its stable ``iri`` and an
``href`` to its page on this server; every fact carries its ``evidence`` (the selector IRI, the exact text and
the sentence). Answers are cached per store generation, so a repeated lookup costs a dict access.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from itertools import compress
from typing import Any
from urllib.parse import quote

import numpy as np
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from plankg.analysis import findings, queries
from plankg.analysis.arrays import edge_sources
from plankg.analysis.compact import dependency_index
from plankg.analysis.durations import due_of
from plankg.analysis.projection import DEPENDENCY_KINDS, cached_projection
from plankg.analysis.timeline import PlanSchedule, plan_schedule
from plankg.api.lookup import KIND_ORDER, GenerationCache, Hit, term_key
from plankg.graph.store import Store
from plankg.graph.vocab import (
    ID, PLAN_NAME, POST, SPARQL_PREFIXES, agency_iri, collective_agency_iri, plan_iri, post_iri,
)
from plankg.viz import views

router = APIRouter(prefix="/api", tags=["researchers"])

_UNSAFE_IRI = re.compile(r"[\s<>\"{}|^`\\]")
LABEL_PATH = "rdfs:label|skos:prefLabel|dcterms:title"


# ---------------------------------------------------------------- helpers shared with the pages


def cache_of(request: Request) -> GenerationCache:
    """The app's per-generation cache (created on first use, next to the store)."""
    return app_cache(request.app)


def app_cache(app: Any) -> GenerationCache:
    """``cache_of`` for code that runs outside a request (the start-up warm-up)."""
    state = app.state
    cache = getattr(state, "web_cache", None)
    if cache is None or cache.store is not state.store:
        cache = state.web_cache = GenerationCache(state.store)
    return cache


def href(iri: str) -> str | None:
    """Where this server shows a resource: /id/… for plankg IRIs, other web IRIs as they are, never a script URL."""
    if iri.startswith(ID):
        return "/id/" + iri[len(ID):]
    return iri if iri.startswith(("https://", "http://")) else None


def checked_iri(iri: str) -> str:
    """``iri`` if it can be written between <> in SPARQL; 400 otherwise."""
    if not iri or _UNSAFE_IRI.search(iri):
        raise HTTPException(400, f"Not a valid IRI: {iri!r}. Give an absolute IRI without spaces or <>.")
    return iri


def ref(iri: str | None, label: object = None, kind: str | None = None) -> dict[str, Any] | None:
    if iri is None:
        return None
    item: dict[str, Any] = {"iri": iri, "href": href(iri), "label": str(label) if label is not None else None}
    if kind:
        item["type"] = kind
    return item


def hit_ref(hit: Hit) -> dict[str, Any]:
    """A search hit as a link; a collective (各有关部门), one node per plan, names its plan."""
    item = ref(hit.iri, hit.label, hit.kind) or {}
    if hit.plan:
        item["plan"] = ref(hit.plan[0], hit.plan[1], "plan")
    return item


def evidence(row: dict[str, object], prefix: str = "ev") -> dict[str, Any] | None:
    """The evidence of a fact from a row binding ``{prefix}``, ``{prefix}Exact`` and ``{prefix}Sentence``."""
    iri = row.get(prefix)
    if iri is None:
        return None
    start, sentence_start = row.get(prefix + "Start"), row.get(prefix + "SentenceStart")
    at = int(start) - int(sentence_start) if start is not None and sentence_start is not None else None
    return {"iri": iri, "href": href(str(iri)), "exact": row.get(prefix + "Exact"),
            "sentence": row.get(prefix + "Sentence"), "at": at}


def _evidence_pattern(subject: str, prefix: str = "ev") -> str:
    return (f"OPTIONAL {{ {subject} pk:evidence ?{prefix} . OPTIONAL {{ ?{prefix} oa:exact ?{prefix}Exact }} "
            f"OPTIONAL {{ ?{prefix} pk:sentence ?{prefix}Sentence }} OPTIONAL {{ ?{prefix} oa:start ?{prefix}Start }} "
            f"OPTIONAL {{ ?{prefix} pk:sentenceStart ?{prefix}SentenceStart }} }}")


def select(store: Store, body: str) -> list[dict[str, object]]:
    return store.select(SPARQL_PREFIXES + body)


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return {"total": len(items), "limit": limit, "offset": offset, "items": items[offset:offset + limit]}


def json_response(value: Any) -> Response:
    return Response(json.dumps(value, ensure_ascii=False, separators=(",", ":")), media_type="application/json")


def kind_of(store: Store, iri: str) -> str | None:
    """The page kind of a resource: plan, task, term, agency, sense, evidence, resource; None when unknown."""
    rows = select(store, f"SELECT ?t WHERE {{ <{checked_iri(iri)}> a ?t }}")
    types = {str(row["t"]).rsplit("#", 1)[-1].rsplit("/", 1)[-1] for row in rows}
    for name, kind in (("Plan", "plan"), ("Task", "task"), ("Term", "term"), ("Organization", "agency"),
                       ("Post", "agency"), ("NamedSystem", "system"), ("TermSense", "sense"), ("TextPositionSelector", "evidence")):
        if name in types:
            return kind
    if types or store.ask(f"ASK {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ?p <{iri}> }} }}"):
        return "resource"
    return None


# ---------------------------------------------------------------- read model


def statistics(store: Store) -> dict[str, int]:
    rows = select(store, """
        SELECT ?kind (COUNT(DISTINCT ?s) AS ?n) WHERE {
          VALUES (?type ?kind) { (pk:Plan "plans") (pk:Task "tasks") (pk:Term "terms") (pk:TermSense "senses")
            (org:Organization "agencies") (org:Post "agencies") (pk:NamedSystem "systems") (pk:Prerequisite "prerequisites")
            (pk:Mention "mentions") (pk:Target "targets") }
          ?s a ?type } GROUP BY ?kind""")
    counts = {kind: 0 for kind in ("plans", "tasks", "terms", "senses", "agencies", "systems", "prerequisites",
                                   "mentions", "targets")}
    counts.update({str(row["kind"]): int(row["n"]) for row in rows})  # type: ignore[arg-type]
    return counts


def plan_list(store: Store) -> list[dict[str, Any]]:
    rows = select(store, f"""
        SELECT ?plan (SAMPLE(?t) AS ?title) (SAMPLE(?k) AS ?kind) (SAMPLE(?i) AS ?issuer) (SAMPLE(?ps) AS ?start)
               (SAMPLE(?pe) AS ?end) (COUNT(DISTINCT ?task) AS ?tasks) WHERE {{
          ?plan a pk:Plan . OPTIONAL {{ ?plan {PLAN_NAME} ?t }} OPTIONAL {{ ?plan pk:kind ?k }}
          OPTIONAL {{ ?plan pk:issuerName ?i }} OPTIONAL {{ ?plan pk:periodStart ?ps }} OPTIONAL {{ ?plan pk:periodEnd ?pe }}
          OPTIONAL {{ ?task p-plan:isStepOfPlan ?plan }}
        }} GROUP BY ?plan ORDER BY ?title""")
    return [{**ref(str(r["plan"]), r["title"] or r["plan"], "plan"), "kind": r["kind"], "issuer": r["issuer"],
             "period": [r["start"], r["end"]], "tasks": r["tasks"]} for r in rows]


def plan_detail(store: Store, iri: str) -> dict[str, Any]:
    iri = checked_iri(iri)
    meta_rows = select(store, f"""
        SELECT ?p ?o WHERE {{ <{iri}> ?p ?o FILTER(?p IN (dcterms:title, rdfs:label, pk:issuerName, dcterms:identifier,
          dcterms:issued, pk:publicationDate, pk:periodStart, pk:periodEnd, pk:kind, dcterms:source)) }}""")
    names = {"title": "title", "label": "untitledLabel", "issuerName": "issuer", "identifier": "docNumber", "issued": "issued",
             "publicationDate": "published", "periodStart": "periodStart", "periodEnd": "periodEnd",
             "kind": "kind", "source": "source"}
    meta = {names[str(r["p"]).rsplit("#", 1)[-1].rsplit("/", 1)[-1]]: r["o"] for r in meta_rows}
    publisher = select(store, f"SELECT ?a ?l WHERE {{ <{iri}> dcterms:publisher ?a OPTIONAL {{ ?a skos:prefLabel ?l }} }}")
    headings = select(store, f"""
        SELECT ?h ?number ?label ?level ?order ?parent WHERE {{
          ?h a pk:Section ; dcterms:isPartOf+ <{iri}> . OPTIONAL {{ ?h dcterms:isPartOf ?parent }}
          OPTIONAL {{ ?h pk:number ?number }} OPTIONAL {{ ?h rdfs:label ?label }}
          OPTIONAL {{ ?h pk:level ?level }} OPTIONAL {{ ?h pk:order ?order }} }} ORDER BY ?order""")
    tasks = plan_tasks(store, iri)
    outline = _outline(iri, headings, tasks)
    glossary = select(store, f"""
        SELECT ?sense ?term ?label ?definition ?kind ?ev ?evExact ?evSentence WHERE {{
          ?sense a pk:TermSense ; prov:wasDerivedFrom <{iri}> . OPTIONAL {{ ?sense pk:senseOf ?term }}
          OPTIONAL {{ ?sense skos:prefLabel ?label }} OPTIONAL {{ ?sense skos:definition ?definition }}
          OPTIONAL {{ ?sense pk:termKind ?kind }} {_evidence_pattern("?sense")} }} ORDER BY ?label""")
    return {
        **ref(iri, meta.get("title") or meta.get("untitledLabel") or iri, "plan"), **meta,
        "publisher": ref(str(publisher[0]["a"]), publisher[0]["l"], "agency") if publisher else None,
        "outline": outline,
        "tasks": tasks,
        "glossary": [{**ref(str(g["sense"]), g["label"], "sense"), "term": ref(g["term"] and str(g["term"]),
                      g["label"], "term"), "definition": g["definition"], "termKind": g["kind"],
                      "evidence": evidence(g)} for g in glossary],
    }


def plan_tasks(store: Store, plan: str) -> list[dict[str, Any]]:
    """The plan's tasks in document order, with due dates, agencies and evidence."""
    rows = select(store, f"""
        SELECT ?task ?number ?label ?parent ?dueText ?dueDate ?dueYear ?ev ?evExact ?evSentence ?evStart WHERE {{
          ?task p-plan:isStepOfPlan <{checked_iri(plan)}> . OPTIONAL {{ ?task pk:number ?number }}
          OPTIONAL {{ ?task rdfs:label ?label }} OPTIONAL {{ ?task dcterms:isPartOf ?parent }}
          OPTIONAL {{ ?task pk:dueText ?dueText }} OPTIONAL {{ ?task pk:dueDate ?dueDate }}
          OPTIONAL {{ ?task pk:dueYear ?dueYear }} {_evidence_pattern("?task")} }} ORDER BY ?evStart ?task""")
    agencies = select(store, f"""
        SELECT ?task ?role ?agency ?label WHERE {{ ?task p-plan:isStepOfPlan <{plan}> ; ?role ?agency .
          FILTER(?role IN (pk:leadAgency, pk:responsibleAgency)) OPTIONAL {{ ?agency skos:prefLabel ?label }} }}""")
    by_task: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in agencies:
        role = "lead" if str(row["role"]).endswith("leadAgency") else "responsible"
        by_task[str(row["task"])].append({**ref(str(row["agency"]), row["label"], "agency"), "role": role})
    seen: dict[str, dict[str, Any]] = {}
    for row in rows:
        task = str(row["task"])
        if task in seen:
            continue
        seen[task] = {**ref(task, row["label"], "task"), "number": row["number"],
                      "parent": row["parent"] and str(row["parent"]),
                      "due": {"text": row["dueText"], "date": row["dueDate"], "year": row["dueYear"]},
                      "agencies": sorted(by_task[task], key=lambda a: a["role"] != "lead"),
                      "evidence": evidence(row)}
    return list(seen.values())


def _outline(plan: str, headings: list[dict[str, object]], tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The heading tree, each heading with the tasks directly under it; tasks outside any heading at the end."""
    nodes = {str(h["h"]): {**ref(str(h["h"]), h["label"], "heading"), "number": h["number"], "level": h["level"],
                           "children": [], "tasks": []} for h in headings}
    roots: list[dict[str, Any]] = []
    for h in headings:
        parent = str(h["parent"]) if h["parent"] else plan
        (nodes[parent]["children"] if parent in nodes else roots).append(nodes[str(h["h"])])
    loose = []
    for task in tasks:
        holder = nodes.get(task["parent"] or "")
        (holder["tasks"] if holder else loose).append({k: task[k] for k in ("iri", "href", "label", "number")})
    if loose:
        roots.append({"iri": None, "href": None, "label": None, "number": None, "level": 1, "children": [],
                      "tasks": loose})
    return roots


def task_detail(store: Store, iri: str) -> dict[str, Any]:
    iri = checked_iri(iri)
    rows = select(store, f"""
        SELECT ?label ?number ?text ?plan ?planTitle ?parent ?parentLabel ?dueText ?dueDate ?dueYear ?source
               ?ev ?evExact ?evSentence WHERE {{
          OPTIONAL {{ <{iri}> rdfs:label ?label }} OPTIONAL {{ <{iri}> pk:number ?number }}
          OPTIONAL {{ <{iri}> pk:text ?text }} OPTIONAL {{ <{iri}> pk:source ?source }}
          OPTIONAL {{ <{iri}> p-plan:isStepOfPlan ?plan OPTIONAL {{ ?plan {PLAN_NAME} ?planTitle }} }}
          OPTIONAL {{ <{iri}> dcterms:isPartOf ?parent OPTIONAL {{ ?parent rdfs:label ?parentLabel }} }}
          OPTIONAL {{ <{iri}> pk:dueText ?dueText }} OPTIONAL {{ <{iri}> pk:dueDate ?dueDate }}
          OPTIONAL {{ <{iri}> pk:dueYear ?dueYear }} {_evidence_pattern(f"<{iri}>")} }} LIMIT 1""")
    row = rows[0] if rows else {}
    agencies = select(store, f"""
        SELECT ?role ?agency ?label WHERE {{ <{iri}> ?role ?agency FILTER(?role IN (pk:leadAgency, pk:responsibleAgency))
          OPTIONAL {{ ?agency skos:prefLabel ?label }} }}""")
    systems = select(store, f"""
        SELECT ?rel ?system ?label WHERE {{ <{iri}> ?rel ?system FILTER(?rel IN (pk:builds, pk:reliesOn))
          OPTIONAL {{ ?system skos:prefLabel ?label }} }}""")
    targets = select(store, f"""
        SELECT ?target ?indicator ?valueText ?year ?kind ?nature ?ev ?evExact ?evSentence WHERE {{
          ?target pk:task <{iri}> ; a pk:Target .
          OPTIONAL {{ ?target pk:indicator ?indicator }} OPTIONAL {{ ?target pk:valueText ?valueText }}
          OPTIONAL {{ ?target pk:targetYear ?year }} OPTIONAL {{ ?target pk:targetKind ?kind }}
          OPTIONAL {{ ?target pk:nature ?nature }} {_evidence_pattern("?target")} }}""")
    return {
        **ref(iri, row.get("label"), "task"), "number": row.get("number"), "text": row.get("text"),
        "source": row.get("source"),
        "plan": ref(row.get("plan") and str(row["plan"]), row.get("planTitle"), "plan"),
        "parent": ref(row.get("parent") and str(row["parent"]), row.get("parentLabel")),
        "due": {"text": row.get("dueText"), "date": row.get("dueDate"), "year": row.get("dueYear")},
        "agencies": [{**ref(str(a["agency"]), a["label"], "agency"),
                      "role": "lead" if str(a["role"]).endswith("leadAgency") else "responsible"} for a in agencies],
        "builds": [ref(str(s["system"]), s["label"], "system") for s in systems if str(s["rel"]).endswith("builds")],
        "reliesOn": [ref(str(s["system"]), s["label"], "system") for s in systems if str(s["rel"]).endswith("reliesOn")],
        "targets": [{**ref(str(t["target"]), t["indicator"]), "value": t["valueText"], "year": t["year"],
                     "kind": t["kind"], "nature": t["nature"], "evidence": evidence(t)} for t in targets],
        "evidence": evidence(row),
        **dependencies(store, iri),
    }


DEPENDENCY_LIMIT = 200
"""Prerequisites (or dependents) a task's JSON and page list, nearest first; the counts give the whole number."""


def dependencies(store: Store, iri: str) -> dict[str, Any]:
    """What ``iri`` rests on and what waits on it, by depth, from the analysis projection.

    Each item names the edge that reached it (``via``: the node on the other end, its kind, cue and evidence), so a
    researcher can check every step of a transitive chain against its sentence.
    """
    graph = cached_projection(store)
    if checked_iri(iri) not in graph:
        return {"prerequisites": [], "dependents": [], "prerequisiteCount": 0, "dependentCount": 0}
    # Evidence is fetched for the shown edges only: one query per direction and one for their selectors,
    # however many tasks the walks reach.
    (before, before_count), (after, after_count) = (queries.nearest(graph, iri, upstream, DEPENDENCY_LIMIT)
                                                    for upstream in (True, False))
    shown = {"prerequisites": before, "dependents": after}
    selectors = _edge_selectors(store, [r.via for reached in shown.values() for r in reached])
    nodes = graph.nodes
    labels = {n: nodes[n].get("label") for r in (*before, *after) for n in (r.via.prerequisite, r.via.dependent)}
    items = {name: [{**ref(r.node, r.label, r.kind), "depth": r.depth,
                     "via": _edge(r.via, r.via.dependent if name == "prerequisites" else r.via.prerequisite,
                                  labels, selectors)} for r in reached] for name, reached in shown.items()}
    return {**items, "prerequisiteCount": before_count, "dependentCount": after_count}


def _edge_selectors(store: Store, edges: list[queries.Edge]) -> dict[str, str]:
    """The evidence selector IRI of each edge's ``pk:Prerequisite`` record, so the page links to its sentence."""
    records = sorted({e.iri for e in edges if e.iri and not _UNSAFE_IRI.search(e.iri)})
    if not records:
        return {}
    rows = select(store, f"SELECT ?st ?ev WHERE {{ VALUES ?st {{ {' '.join(f'<{r}>' for r in records)} }} "
                         f"?st pk:evidence ?ev }}")
    return {str(row["st"]): str(row["ev"]) for row in rows}


def _edge(edge: queries.Edge, other: str, labels: dict[str, Any], selectors: dict[str, str]) -> dict[str, Any]:
    """An analysis edge as JSON: the node it links to, its kind, cue and evidence (None when no sentence says it)."""
    selector = selectors.get(edge.iri or "")
    proof = None
    if edge.evidence or selector:
        proof = {"iri": selector, "href": href(selector) if selector else None, "exact": edge.evidence,
                 "sentence": edge.sentence}
    return {"node": ref(other, labels.get(other)), "kind": edge.kind, "cue": edge.cue, "evidence": proof}


BOTTLENECKS_SHOWN = 5


def plan_schedule_of(cache: GenerationCache, plan: str) -> PlanSchedule:
    """The analysis package's CPM schedule of one plan, computed once per generation for the page and its view."""
    return cache.get(("plan-schedule", plan), lambda: plan_schedule(cached_projection(cache.store), [plan]))


FINDINGS_SHOWN = 50
"""Conflicts (and cycles) a plan lists; the counts give the whole number."""


def _edges_among(graph, nodes: list[str]) -> tuple[int, int]:
    """How many "waits on" edges join two of ``nodes``, and how many of those have a deadline at both ends:
    counted on the dependency index's arrays rather than by walking the graph's edges."""
    index = dependency_index(graph)
    chosen = np.zeros(len(index.nodes), dtype=bool)
    chosen[np.fromiter(map(index.index.__getitem__, nodes), dtype=np.int64, count=len(nodes))] = True
    dated = chosen.copy()
    dated[chosen] = [due_of(graph.nodes[n]) is not None for n in compress(index.nodes, chosen)]
    sources, targets = edge_sources(index.starts), index.targets
    inside = chosen[sources] & chosen[targets]
    both_dated = dated[sources] & dated[targets]
    return int(index.edges[inside].sum()), int(index.edges[both_dated].sum())


def plan_analysis(cache: GenerationCache, iri: str) -> dict[str, Any]:
    """The plan's CPM schedule, critical chain, conflicts, cycles and bottlenecks, from the analysis package.

    Conflicts and cycles are found once over the whole graph and kept when they touch this plan; bottlenecks rank
    the plan's own tasks and the systems and goals that link them. ``checked`` says what was examined, so "none
    found" has a meaning.
    """
    store, graph = cache.store, cached_projection(cache.store)
    schedule = plan_schedule_of(cache, checked_iri(iri))
    scheduled = [row.id for row in schedule.rows]
    edges, dated = _edges_among(graph, scheduled)
    mine = {row.id for row in schedule.rows if row.plan == iri}
    every_conflict = cache.get("conflicts", lambda: findings.conflicts(graph))
    every_cycle = cache.get("cycles", lambda: findings.cycles(graph))
    all_conflicts = [c for c in every_conflict if {c.prerequisite["id"], c.dependent["id"]} & mine]
    all_cycles = [c for c in every_cycle if {n["id"] for n in c.nodes} & mine]
    conflicts, cycles = all_conflicts[:FINDINGS_SHOWN], all_cycles[:FINDINGS_SHOWN]
    ranked = findings.bottlenecks(graph.subgraph(scheduled), top=BOTTLENECKS_SHOWN)
    previous_ids = [None, *(row.id for row in schedule.chain)]
    steps = [_chain_step(graph, previous, row) for previous, row in zip(previous_ids, schedule.chain)]
    shown_edges = [*(e for e in steps if e), *(c.edge for c in conflicts), *(e for c in cycles for e in c.edges)]
    selectors = _edge_selectors(store, [e for e in shown_edges if isinstance(e, queries.Edge)])
    labels = dict(graph.nodes(data="label"))

    def why(step: queries.Edge | str | None, previous: str | None) -> dict[str, Any] | None:
        if isinstance(step, queries.Edge):
            return _edge(step, step.prerequisite, labels, selectors)
        return step and {"node": ref(previous, labels.get(previous)), "kind": None, "cue": step, "evidence": None}

    return {
        "start": schedule.start, "lengthDays": schedule.length_days, "assumptions": schedule.assumptions,
        "chain": [{**ref(row.id, row.label, row.kind), "start": row.start_date, "finish": row.finish_date,
                   "due": row.due, "totalSlack": row.total_slack, "freeSlack": row.free_slack,
                   "via": why(step, previous)}
                  for previous, row, step in zip(previous_ids, schedule.chain, steps)],
        "timeline": [{**ref(row.id, row.label, row.kind), "earliestStart": row.earliest_start,
                      "earliestFinish": row.earliest_finish, "latestFinish": row.latest_finish,
                      "start": row.start_date, "finish": row.finish_date, "latestFinishDate": row.latest_finish_date,
                      "totalSlack": row.total_slack, "critical": row.critical, "due": row.due}
                     for row in schedule.rows],
        "conflicts": [{"prerequisite": ref(c.prerequisite["id"], c.prerequisite["label"], c.prerequisite["kind"]),
                       "dependent": ref(c.dependent["id"], c.dependent["label"], c.dependent["kind"]),
                       "prerequisiteDue": c.prerequisite_due, "dependentDue": c.dependent_due,
                       "via": _edge(c.edge, c.edge.prerequisite, labels, selectors)} for c in conflicts],
        "cycles": [{"nodes": [ref(n["id"], n["label"], n["kind"]) for n in c.nodes],
                    "edges": [{"dependent": ref(e.dependent, labels.get(e.dependent)),
                               "via": _edge(e, e.prerequisite, labels, selectors)} for e in c.edges]}
                   for c in cycles],
        "bottlenecks": [{**ref(b.node["id"], b.node["label"], b.node["kind"]), "allDependents": b.all_dependents,
                         "directDependents": b.direct_dependents, "betweenness": b.betweenness}
                        for b in ranked],
        "conflictCount": len(all_conflicts), "cycleCount": len(all_cycles),
        "checked": {"nodes": len(scheduled), "edges": edges, "datedEdges": dated},
    }


def _chain_step(graph: Any, previous: str | None, row: Any) -> queries.Edge | str | None:
    """Why the chain steps from ``previous`` to ``row``: the graph's edge, or the schedule's reason (a cue)."""
    if previous is None:
        return None
    if graph.has_edge(previous, row.id) and any(d["kind"] in DEPENDENCY_KINDS
                                                 for d in graph[previous][row.id].values()):
        return queries.edge_between(graph, previous, row.id)
    return row.cue


def term_detail(store: Store, iri: str, mention_limit: int = 50, mention_offset: int = 0) -> dict[str, Any]:
    iri = checked_iri(iri)
    label = select(store, f"SELECT ?l WHERE {{ <{iri}> skos:prefLabel ?l }} LIMIT 1")
    senses = select(store, f"""
        SELECT ?sense ?label ?definition ?kind ?declared ?agrees ?plan ?planTitle ?ev ?evExact ?evSentence WHERE {{
          ?sense pk:senseOf <{iri}> . OPTIONAL {{ ?sense skos:prefLabel ?label }}
          OPTIONAL {{ ?sense skos:definition ?definition }} OPTIONAL {{ ?sense pk:termKind ?kind }}
          OPTIONAL {{ ?sense pk:declaredCount ?declared }} OPTIONAL {{ ?sense pk:countAgrees ?agrees }}
          OPTIONAL {{ ?sense prov:wasDerivedFrom ?plan OPTIONAL {{ ?plan {PLAN_NAME} ?planTitle }} }}
          {_evidence_pattern("?sense")} }} ORDER BY ?planTitle ?sense""")
    parts = select(store, f"""
        SELECT ?sense ?component ?label ?index ?p ?o WHERE {{ ?sense pk:senseOf <{iri}> .
          {{ ?sense pk:component ?component OPTIONAL {{ ?component skos:prefLabel ?label }}
             OPTIONAL {{ ?component pk:index ?index }} }}
          UNION {{ ?sense ?p ?o FILTER(?p IN (skos:altLabel, skos:broader)) }}
          UNION {{ ?sense skos:exactMatch ?meaning . ?o skos:exactMatch ?meaning FILTER(?o != ?sense)
                   BIND(skos:exactMatch AS ?p) }} }}""")
    components: dict[str, list[dict[str, Any]]] = defaultdict(list)
    extra: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for row in parts:
        sense = str(row["sense"])
        if row["component"]:
            components[sense].append({**ref(str(row["component"]), row["label"]), "index": row["index"]})
        elif row["p"]:
            name = str(row["p"]).rsplit("#", 1)[-1]
            extra[sense][name].append(row["o"] if name == "altLabel" else ref(str(row["o"]), None))
    result_senses = []
    seen = set()
    for row in senses:
        sense = str(row["sense"])
        if sense in seen:
            continue
        seen.add(sense)
        result_senses.append({
            **ref(sense, row["label"], "sense"), "definition": row["definition"], "termKind": row["kind"],
            "declaredCount": row["declared"], "countAgrees": row["agrees"],
            "plan": ref(row["plan"] and str(row["plan"]), row["planTitle"], "plan"),
            "expansion": sorted(components[sense], key=lambda c: (c["index"] is None, c["index"] or 0)),
            "altLabels": extra[sense]["altLabel"], "exactMatch": extra[sense]["exactMatch"],
            "broader": extra[sense]["broader"], "evidence": evidence(row),
        })
    mentions = select(store, f"""
        SELECT ?mention ?plan ?planTitle ?ev ?evExact ?evSentence ?evStart ?evSentenceStart WHERE {{
          ?mention pk:mentionOf <{iri}> .
          OPTIONAL {{ ?mention prov:wasDerivedFrom ?plan OPTIONAL {{ ?plan {PLAN_NAME} ?planTitle }} }}
          {_evidence_pattern("?mention")} }} ORDER BY ?planTitle ?evStart""")
    mention_items = [{**ref(str(m["mention"]), m["evExact"]), "plan": ref(m["plan"] and str(m["plan"]),
                      m["planTitle"], "plan"), "evidence": evidence(m)} for m in mentions]
    return {**ref(iri, label[0]["l"] if label else None, "term"), "senses": result_senses,
            "mentions": page(mention_items, mention_limit, mention_offset)}


def agency_list(store: Store) -> list[dict[str, Any]]:
    """Every agency, most tasks first; a collective subject and a post (``person``: its holders are people), each
    its own node in each plan, name their plan."""
    rows = select(store, f"""
        SELECT ?agency (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?task) AS ?tasks) (SAMPLE(?c) AS ?collective)
               (SAMPLE(?person) AS ?post) (SAMPLE(?p) AS ?plan) (SAMPLE(?pt) AS ?planTitle)
        WHERE {{ VALUES (?type ?person) {{ (org:Organization false) (org:Post true) }}
          ?agency a ?type . OPTIONAL {{ ?agency skos:prefLabel ?l }}
          OPTIONAL {{ ?agency pk:collective ?c }}
          OPTIONAL {{ FILTER(BOUND(?c) || ?person) ?agency prov:wasDerivedFrom ?p OPTIONAL {{ ?p {PLAN_NAME} ?pt }} }}
          OPTIONAL {{ ?task pk:leadAgency|pk:responsibleAgency ?agency }}
        }} GROUP BY ?agency ORDER BY DESC(?tasks) ?label ?planTitle""")
    return [{**ref(str(r["agency"]), r["label"], "agency"), "tasks": r["tasks"], "collective": bool(r["collective"]),
             "person": bool(r["post"]),
             **({"plan": ref(str(r["plan"]), r["planTitle"], "plan")} if r["collective"] or r["post"] else {})}
            for r in rows]


def agency_detail(store: Store, iri: str) -> dict[str, Any]:
    iri = checked_iri(iri)
    own = select(store, f"""SELECT ?p ?l ?title WHERE {{ <{iri}> ?p ?l
                              FILTER(?p IN (skos:prefLabel, skos:altLabel, pk:collective, prov:wasDerivedFrom,
                                            rdf:type))
                              OPTIONAL {{ ?l {PLAN_NAME} ?title }} }}""")
    labels = [r for r in own if str(r["p"]).endswith(("prefLabel", "altLabel"))]
    pref = next((r["l"] for r in labels if str(r["p"]).endswith("prefLabel")), None)
    collective = any(r["l"] is True for r in own)
    person = any(str(r["l"]) == POST for r in own)
    plans = [r for r in own if str(r["p"]).endswith("wasDerivedFrom")]
    duties = select(store, f"""
        SELECT ?r ?text ?cue ?task ?taskLabel ?plan ?planTitle ?ev ?evExact ?evSentence WHERE {{ ?r pk:agency <{iri}> .
          OPTIONAL {{ ?r pk:text ?text }} OPTIONAL {{ ?r pk:cue ?cue }}
          OPTIONAL {{ ?r pk:task ?task OPTIONAL {{ ?task rdfs:label ?taskLabel }} }}
          OPTIONAL {{ ?r prov:wasDerivedFrom ?plan OPTIONAL {{ ?plan {PLAN_NAME} ?planTitle }} }}
          {_evidence_pattern("?r")} }} ORDER BY ?planTitle ?r""")
    tasks = select(store, f"""
        SELECT ?task ?label ?role ?year ?dueText ?plan ?planTitle ?ev ?evExact ?evSentence WHERE {{ ?task ?role <{iri}>
          FILTER(?role IN (pk:leadAgency, pk:responsibleAgency)) OPTIONAL {{ ?task rdfs:label ?label }}
          OPTIONAL {{ ?task pk:dueYear ?year }} OPTIONAL {{ ?task pk:dueText ?dueText }}
          OPTIONAL {{ ?task p-plan:isStepOfPlan ?plan OPTIONAL {{ ?plan {PLAN_NAME} ?planTitle }} }}
          {_evidence_pattern("?task")} }} ORDER BY ?year ?label""")
    by_year: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for t in tasks:
        by_year[str(t["year"]) if t["year"] is not None else "undated"].append({
            **ref(str(t["task"]), t["label"], "task"),
            "role": "lead" if str(t["role"]).endswith("leadAgency") else "responsible", "due": t["dueText"],
            "plan": ref(t["plan"] and str(t["plan"]), t["planTitle"], "plan"), "evidence": evidence(t)})
    return {
        **ref(iri, pref, "agency"), "altLabels": sorted({str(r["l"]) for r in labels} - {pref}),
        "collective": collective, "person": person,
        # a collective subject is one plan's own node (the organs of its kind that this plan addresses), and so is
        # a post (the people who hold it: 相关部门负责人)
        "plan": ref(str(plans[0]["l"]), plans[0]["title"], "plan") if (collective or person) and len(plans) == 1
        else None,
        "responsibilities": [{**ref(str(d["r"]), d["text"]), "cue": d["cue"],
                              "task": ref(d["task"] and str(d["task"]), d["taskLabel"], "task"),
                              "plan": ref(d["plan"] and str(d["plan"]), d["planTitle"], "plan"),
                              "evidence": evidence(d)} for d in duties],
        "tasksByYear": dict(sorted(by_year.items())),
    }


# The concept map of all plans draws the concepts at least this many plans share (its purpose: what plans have in
# common); one plan's map draws all of that plan's concepts.
CONCEPTS_SHARED_BY = 2


def graph_view(cache: GenerationCache, name: str, node: str | None, plan: str | None, year: int | None,
               depth: int, kinds: list[str], cap: int,
               min_plans: int | None = None) -> tuple[views.GraphView, set[str], dict[str, str]]:
    """The view ``name`` with its filters applied (cached per generation), its controls and fixed parameters."""
    unknown = set(kinds) - set(views.COLOURS)
    if unknown:
        raise HTTPException(422, f"Unknown type {sorted(unknown)}: use any of {list(views.COLOURS)}.")
    store, key = cache.store, (name, node, plan, year, depth, tuple(sorted(kinds)), cap, min_plans)
    if name == "neighbourhood":
        if not node or not kind_of(store, checked_iri(node)):
            raise HTTPException(404, f"No resource {node!r} to draw. Give ?node= a resource IRI.")
        view = cache.get(("view", *key), lambda: views.neighbourhood(store, node, depth, cap, set(kinds) or None))
        return view, {"depth", "type"}, {"node": node}
    if name == "plan":
        if not plan or kind_of(store, checked_iri(plan)) != "plan":
            raise HTTPException(404, f"No plan {plan!r}. Give ?plan= a plan IRI (see /api/plans).")
        chain = [row.id for row in plan_schedule_of(cache, plan).chain]
        view = cache.get(("view-plan", plan, year, cap),
                         lambda: views.plan_dependencies(cached_projection(store), plan, year, cap, chain))
        return view, {"year"}, {"plan": plan}
    if name == "concepts":
        plans = [checked_iri(plan)] if plan else None
        shared = 1 if plans else min_plans or CONCEPTS_SHARED_BY
        view = cache.get(("view", *key), lambda: views.concept_map(store, plans, shared, set(kinds) or None, cap))
        return view, {"plan", "type"} if plans else {"plan", "type", "shared"}, {}
    if name == "agencies":
        chosen = checked_iri(plan) if plan else None
        view = cache.get(("view", *key), lambda: views.agencies_tasks(store, chosen, year, cap))
        return view, {"plan", "year"}, {}
    raise HTTPException(404, f"No view {name!r}: use neighbourhood, plan, concepts or agencies.")


# ---------------------------------------------------------------- routes


_PAGE_PARAMETERS = [  # documented here, read by hand: FastAPI's Query validation costs more than a cached answer
    {"name": "limit", "in": "query", "required": False, "description": "mentions per page (1–500)",
     "schema": {"type": "integer", "minimum": 1, "maximum": 500, "default": 10}},
    {"name": "offset", "in": "query", "required": False, "description": "first mention to return",
     "schema": {"type": "integer", "minimum": 0, "default": 0}},
]


def _page_arguments(request: Request, default_limit: int = 10, most: int = 500) -> tuple[int, int]:
    params = request.query_params
    try:
        limit, offset = int(params.get("limit", default_limit)), int(params.get("offset", 0))
    except ValueError:
        raise HTTPException(422, "limit and offset must be whole numbers.") from None
    if not (1 <= limit <= most and offset >= 0):
        raise HTTPException(422, f"limit must be 1–{most} and offset at least 0.")
    return limit, offset


@router.get("/terms/{term}", summary="Every sense of a shorthand term, forgiving how it is typed",
            openapi_extra={"parameters": _PAGE_PARAMETERS})
async def get_term(request: Request, term: str) -> Response:
    """Senses by plan (definition, expansion with linked components, evidence) and mentions (paginated).

    Forgives quotes, full-/half-width characters, spaces, 〇/零, and a known term inside a longer phrase.
    Unknown terms answer 404 with the closest known terms in ``detail.closest``.
    """
    limit, offset = _page_arguments(request)
    cache = cache_of(request)
    key = ("term", term_key(term), limit, offset)
    answer = cache.peek(key)
    if answer is None:
        answer = cache.put(key, await run_in_threadpool(_term_answer, cache, term, limit, offset))
    status, body = answer  # type: ignore[misc]
    return Response(body, status_code=status, media_type="application/json")


def _term_answer(cache: GenerationCache, term: str, limit: int, offset: int) -> tuple[int, bytes]:
    index = cache.index()
    iri = index.find_term(term)
    if iri is None:
        closest = [ref(e.iri, e.label, "term") for e in index.closest_terms(term)]
        detail = {"message": f"No term matches {term!r}. Try one of the closest known terms, or /api/search?q=.",
                  "closest": closest}
        return 404, json.dumps({"detail": detail}, ensure_ascii=False).encode()
    body = {"query": term, **term_detail(cache.store, iri, limit, offset)}
    return 200, json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


@router.get("/search", summary="Plans, tasks, terms, agencies and systems by label (type-ahead)")
async def search(request: Request, q: str = Query(..., min_length=1, description="any part of a label"),
                 type: list[str] = Query(default=[], description=f"restrict to kinds: {', '.join(KIND_ORDER)}"),
                 limit: int = Query(20, ge=1, le=200), offset: int = Query(0, ge=0)) -> Response:
    """Ranked: exact label, then prefix, then substring matches; terms before plans, agencies, systems, tasks."""
    unknown = set(type) - set(KIND_ORDER)
    if unknown:
        raise HTTPException(422, f"Unknown type {sorted(unknown)}: use any of {list(KIND_ORDER)}.")
    cache = cache_of(request)
    key = ("search", term_key(q), tuple(sorted(type)), limit, offset)
    if cache.peek("label-index") is None:  # building the index queries the store: not on the event loop
        await run_in_threadpool(cache.index)

    def compute() -> bytes:
        hits = cache.index().search(q, set(type) or None)
        items = [hit_ref(h) for h in hits]
        return json.dumps({"query": q, **page(items, limit, offset)}, ensure_ascii=False).encode()

    return Response(cache.get(key, compute), media_type="application/json")


@router.get("/stats", summary="Corpus statistics: how many plans, tasks, terms …")
def stats(request: Request) -> dict[str, int]:
    cache = cache_of(request)
    return cache.get("stats", lambda: statistics(cache.store))


@router.get("/plans", summary="The plans, with their kind, issuer, period and number of tasks")
def plans(request: Request, limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)) -> Response:
    cache = cache_of(request)
    return json_response(page(cache.get("plans", lambda: plan_list(cache.store)), limit, offset))


def _known_plan(cache, doc: str) -> str:
    """The IRI of plan ``doc``, or a 404 that says where the plans are listed."""
    iri = plan_iri(doc)
    if kind_of(cache.store, iri) != "plan":
        raise HTTPException(404, f"No plan {doc!r}. GET /api/plans lists the plans.")
    return iri


@router.get("/plans/{doc}", summary="A plan: metadata, outline tree, tasks and glossary")
def plan(request: Request, doc: str) -> Response:
    cache = cache_of(request)
    iri = _known_plan(cache, doc)
    return json_response(cache.get(("plan", iri), lambda: plan_detail(cache.store, iri)))


@router.get("/plans/{doc}/analysis", summary="A plan's critical chain, timeline, conflicts, cycles and bottlenecks")
def plan_analysis_route(request: Request, doc: str) -> Response:
    """What the plan page shows: the analysis package's schedule and findings for this plan, with evidence."""
    cache = cache_of(request)
    iri = _known_plan(cache, doc)
    return json_response(cache.get(("plan-analysis", iri), lambda: plan_analysis(cache, iri)))


@router.get("/plans/{doc}/tasks/{task}", summary="A task: due date, agencies, prerequisites and dependents")
def task(request: Request, doc: str, task: str) -> Response:
    cache = cache_of(request)
    iri = f"{plan_iri(doc)}/task/{quote(task, safe='')}"
    if kind_of(cache.store, iri) != "task":
        raise HTTPException(404, f"No task {task!r} in plan {doc!r}. GET /api/plans/{doc} lists its tasks.")
    return json_response(cache.get(("task", iri), lambda: task_detail(cache.store, iri)))


@router.get("/agencies", summary="The agencies, most tasks first")
def agencies(request: Request, limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)) -> Response:
    cache = cache_of(request)
    return json_response(page(cache.get("agencies", lambda: agency_list(cache.store)), limit, offset))


@router.get("/agencies/{name}", summary="An agency: responsibilities and tasks by year")
def agency(request: Request, name: str) -> Response:
    cache = cache_of(request)
    iri = agency_iri(name)
    if kind_of(cache.store, iri) != "agency":
        hits = cache.index().search(name, {"agency"})[:5]
        raise HTTPException(404, {"message": f"No agency {name!r} shared by plans. A collective subject (各有关部门) "
                                             "or a post (相关部门负责人) is its own node in each plan: "
                                             "GET /api/plans/{doc}/agencies/{name}. "
                                             "Closest by name below; GET /api/agencies lists all.",
                                  "closest": [ref(h.iri, h.label, h.kind) for h in hits]})
    return json_response(cache.get(("agency", iri), lambda: agency_detail(cache.store, iri)))


@router.get("/plans/{doc}/agencies/{name}",
            summary="A plan's collective subject (各有关部门 of that plan) or post (相关部门负责人 of that plan)")
def plan_agency(request: Request, doc: str, name: str) -> Response:
    cache = cache_of(request)
    iri = next((candidate for candidate in (collective_agency_iri(doc, name), post_iri(doc, name))
                if kind_of(cache.store, candidate) == "agency"), None)
    if iri is None:
        raise HTTPException(404, f"Plan {doc!r} names no collective subject or post {name!r}. GET /api/agencies "
                                 "lists the agencies; a single organ is at /api/agencies/{name}.")
    return json_response(cache.get(("agency", iri), lambda: agency_detail(cache.store, iri)))


@router.get("/resource", summary="Any resource by IRI: the same JSON the pages render")
def resource(request: Request, iri: str = Query(..., description="an https://w3id.org/plankg/id/… IRI")) -> Response:
    cache = cache_of(request)
    kind = kind_of(cache.store, iri)
    readers = {"plan": plan_detail, "task": task_detail, "term": term_detail, "agency": agency_detail}
    if kind not in readers:
        raise HTTPException(404, f"No plan, task, term or agency {iri!r}. Try /api/search?q=.")
    return json_response(cache.get((kind, iri), lambda: readers[kind](cache.store, iri)))


@router.get("/views/expand", summary="The direct neighbours of one node, to grow a graph view on click")
def expand(request: Request, node: str = Query(..., description="the IRI of the node to expand"),
           cap: int = Query(200, ge=1, le=5000)) -> Response:
    view, _, _ = graph_view(cache_of(request), "neighbourhood", node, None, None, 1, [], cap)
    return json_response(view.as_json())


@router.get("/views/{name}", summary="A graph view as nodes and edges: neighbourhood, plan, concepts, agencies")
def view_data(request: Request, name: str, node: str | None = None, plan: str | None = None,
              year: int | None = None, depth: int = Query(2, ge=1, le=4), type: list[str] = Query(default=[]),
              cap: int = Query(views.DEFAULT_CAP, ge=1, le=20000),
              min_plans: int | None = Query(None, ge=1, le=1000, description=(
                  "concepts: draw those at least this many plans share (default 2 for all plans; "
                  "one plan's map draws all its concepts)"))) -> Response:
    """Filtered on the server (plan, year, type, depth, min_plans) and capped; ``message`` says what the filters
    and the cap left out."""
    view, _, _ = graph_view(cache_of(request), name, node, plan, year, depth, type, cap, min_plans)
    return json_response(view.as_json())
