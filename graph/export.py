"""Export the store: RDF serializations, and the analysis form (JSON, or CSV tables) for notebooks and spreadsheets.

Everything is read through the ``Store`` interface (quads and SPARQL), so an export works on a remote store too.
In the analysis form every ``id`` is the resource's IRI and ``evidence`` the exact source text.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from plankg.graph.store import Store, find_format
from plankg.graph.vocab import PREFIXES, SPARQL_PREFIXES

RDF_FORMATS = ("ttl", "nt", "nq", "trig", "jsonld")
ANALYSIS_KEYS = ("plans", "tasks", "terms", "mentions", "agencies", "prerequisites", "targets")


def export_rdf(store: Store, name: str) -> bytes:
    """The whole store in an RDF format: quads for nq/trig/jsonld (graphs kept), their union for ttl/nt."""
    rdf = find_format(name).rdf  # type: ignore[union-attr]
    quads = list(store.quads())
    if rdf.supports_datasets:
        return ox.serialize(quads, format=rdf, prefixes=PREFIXES)
    triples = list(dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in quads))
    return ox.serialize(triples, format=rdf, prefixes=PREFIXES)


def _rows(store: Store, where: str, variables: str) -> list[dict[str, object]]:
    return store.select(f"{SPARQL_PREFIXES}SELECT {variables} WHERE {{ {where} }}")


def _grouped(rows: list[dict[str, object]], key: str, value: str, order: str | None = None) -> dict[object, list]:
    groups: dict[object, list] = defaultdict(list)
    for row in sorted(rows, key=lambda r: (r[order] or 0) if order else 0):
        if row[value] is not None and row[value] not in groups[row[key]]:
            groups[row[key]].append(row[value])
    return groups


def analysis_form(store: Store) -> dict[str, list[dict[str, object]]]:
    """The export of issue 3 item 9: plans, tasks, terms, mentions, agencies, prerequisites, targets."""
    plans = [
        # title: as printed, None when the plan prints none; label: the title or the derived name of an untitled plan
        {"id": r["plan"], "title": r["title"], "label": r["title"] or r["label"], "issuer": r["issuer"],
         "doc_number": r["number"], "date": r["issued"] or r["published"],
         "period": {"start": r["start"], "end": r["end"]}, "kind": r["kind"], "source": r["source"]}
        for r in _rows(store, """?plan a pk:Plan . OPTIONAL { ?plan dcterms:title ?title }
            OPTIONAL { ?plan rdfs:label ?label } OPTIONAL { ?plan pk:issuerName ?issuer } OPTIONAL { ?plan dcterms:identifier ?number }
            OPTIONAL { ?plan dcterms:issued ?issued } OPTIONAL { ?plan pk:publicationDate ?published }
            OPTIONAL { ?plan pk:periodStart ?start } OPTIONAL { ?plan pk:periodEnd ?end }
            OPTIONAL { ?plan pk:kind ?kind } OPTIONAL { ?plan dcterms:source ?source }""",
            "?plan ?title ?label ?issuer ?number ?issued ?published ?start ?end ?kind ?source")
    ]
    plans.sort(key=lambda p: str(p["id"]))

    task_agencies = _grouped(_rows(store, """?task a pk:Task ; ?role ?agency . ?agency skos:prefLabel ?name .
        VALUES ?role { pk:leadAgency pk:responsibleAgency }""", "?task ?name"), "task", "name")
    tasks = [
        {"id": r["task"], "plan": r["plan"], "number": r["number"], "title": r["title"], "parent": r["parent"],
         "due": {"text": r["dueText"], "date": r["dueDate"], "year": r["dueYear"]} if r["dueText"] else None,
         "agencies": task_agencies.get(r["task"], []), "evidence": r["exact"]}
        for r in sorted(_rows(store, """?task a pk:Task ; p-plan:isStepOfPlan ?plan ; rdfs:label ?title ;
            pk:order ?order ; pk:evidence/oa:exact ?exact .
            OPTIONAL { ?task pk:number ?number } OPTIONAL { ?task dcterms:isPartOf ?parent . ?parent a pk:Task }
            OPTIONAL { ?task pk:dueText ?dueText } OPTIONAL { ?task pk:dueDate ?dueDate }
            OPTIONAL { ?task pk:dueYear ?dueYear }""",
            "?task ?plan ?number ?title ?parent ?dueText ?dueDate ?dueYear ?exact ?order"),
            key=lambda r: (str(r["plan"]), r["order"]))
    ]

    expansions = _grouped(_rows(store, "?sense pk:component ?c . ?c skos:prefLabel ?item ; pk:index ?i",
                                "?sense ?item ?i"), "sense", "item", order="i")
    terms = [
        {"id": r["sense"], "term": r["label"], "plan": r["plan"], "kind": r["kind"], "definition": r["definition"],
         "expansion": expansions.get(r["sense"], []), "evidence": r["exact"]}
        for r in _rows(store, """?sense a pk:TermSense ; skos:prefLabel ?label ; pk:termKind ?kind ;
            prov:wasDerivedFrom ?plan ; pk:evidence/oa:exact ?exact . OPTIONAL { ?sense skos:definition ?definition }""",
            "?sense ?label ?plan ?kind ?definition ?exact")
    ]
    terms.sort(key=lambda t: (str(t["plan"]), str(t["id"])))

    mentions = sorted(
        ({"term": r["label"], "plan": r["plan"], "evidence": r["exact"], "start": r["start"]}
         for r in _rows(store, """?m a pk:Mention ; pk:mentionOf ?of ; prov:wasDerivedFrom ?plan ;
             pk:evidence ?e . ?e oa:exact ?exact ; oa:start ?start . ?of skos:prefLabel ?label .
             FILTER NOT EXISTS { VALUES ?holder { org:Organization org:Post } ?of a ?holder }""",
             "?label ?plan ?exact ?start")),
        key=lambda m: (str(m["plan"]), m["start"]))
    for mention in mentions:
        del mention["start"]

    # who holds duties: organizations, and posts (their holders are people: person true, one plan's own node)
    holder = "VALUES ?type { org:Organization org:Post } ?a a ?type"
    agency_plans = _grouped(_rows(store, f"{holder} ; prov:wasDerivedFrom ?plan", "?a ?plan"), "a", "plan")
    duties: dict[object, list] = defaultdict(list)
    for r in _rows(store, "?r a pk:Responsibility ; pk:agency ?a ; pk:text ?text ; pk:evidence/oa:exact ?exact",
                   "?a ?text ?exact"):
        duties[r["a"]].append({"text": r["text"], "evidence": r["exact"]})
    collectives = {r["a"] for r in _rows(store, "?a pk:collective true", "DISTINCT ?a")}
    posts = {r["a"] for r in _rows(store, "?a a org:Post", "DISTINCT ?a")}
    agencies = [
        {"id": r["a"], "name": r["name"], "plans": sorted(agency_plans.get(r["a"], [])),
         "collective": r["a"] in collectives, "person": r["a"] in posts, "responsibilities": duties.get(r["a"], [])}
        for r in _rows(store, f"{holder} ; skos:prefLabel ?name", "DISTINCT ?a ?name")
    ]
    agencies.sort(key=lambda a: str(a["id"]))

    label = "COALESCE(?{0}Label1, ?{0}Label2, ?{0}Text)"
    prerequisites = [
        {"dependent": {"id": r["dep"], "label": r["depLabel"]},
         "prerequisite": {"id": r["pre"], "label": r["preLabel"]},
         "cue": r["cue"], "plan": r["plan"], "evidence": r["exact"]}
        for r in _rows(store, """?p a pk:Prerequisite ; pk:dependent ?dep ; pk:prerequisite ?pre ; pk:cue ?cue ;
            pk:dependentText ?depText ; pk:prerequisiteText ?preText ;
            prov:wasDerivedFrom ?plan ; pk:evidence/oa:exact ?exact .
            OPTIONAL { ?dep rdfs:label ?depLabel1 } OPTIONAL { ?dep skos:prefLabel ?depLabel2 }
            OPTIONAL { ?pre rdfs:label ?preLabel1 } OPTIONAL { ?pre skos:prefLabel ?preLabel2 }""",
            f"?p ?dep ?pre ?cue ?plan ?exact ({label.format('dep')} AS ?depLabel) ({label.format('pre')} AS ?preLabel)")
    ]
    prerequisites.sort(key=lambda p: (str(p["plan"]), str(p["evidence"])))

    targets = [
        {"plan": r["plan"], "task": r["task"], "indicator": r["indicator"], "comparator": r["comparator"],
         "value": r["value"], "unit": r["unit"], "year": r["year"], "kind": r["kind"], "nature": r["nature"],
         "evidence": r["exact"]}
        for r in _rows(store, """?t a pk:Target ; prov:wasDerivedFrom ?plan ; pk:indicator ?indicator ;
            pk:comparator ?comparator ; pk:value ?value ; pk:targetKind ?kind ; pk:evidence ?e .
            ?e oa:exact ?exact ; oa:start ?start .
            OPTIONAL { ?t pk:task ?task } OPTIONAL { ?t pk:unit ?unit } OPTIONAL { ?t pk:targetYear ?year }
            OPTIONAL { ?t pk:nature ?nature }""",
            "?plan ?task ?indicator ?comparator ?value ?unit ?year ?kind ?nature ?exact ?start")
    ]
    targets.sort(key=lambda t: (str(t["plan"]), str(t["evidence"])))
    return {"plans": plans, "tasks": tasks, "terms": terms, "mentions": mentions, "agencies": agencies,
            "prerequisites": prerequisites, "targets": targets}


def flatten(record: dict[str, object], prefix: str = "") -> dict[str, object]:
    """One CSV row: nested objects as ``a.b`` columns, lists joined with ``; `` (objects in lists as JSON)."""
    row: dict[str, object] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            row.update(flatten(value, f"{name}."))
        elif isinstance(value, list):
            row[name] = "; ".join(json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else str(v) for v in value)
        else:
            row[name] = value
    return row


def csv_tables(form: dict[str, list[dict[str, object]]]) -> dict[str, str]:
    """One CSV text per key of the analysis form (UTF-8 with BOM, so spreadsheets read the Chinese right)."""
    tables = {}
    for key, records in form.items():
        rows = [flatten(record) for record in records]
        columns = list(dict.fromkeys(column for row in rows for column in row))
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
        tables[f"{key}.csv"] = "\ufeff" + buffer.getvalue()
    return tables


def write_csv(form: dict[str, list[dict[str, object]]], out: Path) -> None:
    """A zip of the tables if ``out`` ends in .zip, else a folder of them."""
    tables = csv_tables(form)
    if out.suffix.lower() == ".zip":
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in tables.items():
                archive.writestr(name, content.encode("utf-8"))
        return
    out.mkdir(parents=True, exist_ok=True)
    for name, content in tables.items():
        (out / name).write_text(content, encoding="utf-8")
