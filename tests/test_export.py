"""plankg export: RDF forms of the whole store and the analysis form (issue 3 item 9)."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from plankg.cli import main
from plankg.graph.embedded import EmbeddedStore
from plankg.graph.export import analysis_form, csv_tables, export_rdf, flatten
from plankg.graph.rdf import facts_to_triples
from plankg.graph.vocab import document_graph, plan_iri

from test_graph_rdf import make_facts

FIELDS = {
    "plans": {"id", "title", "label", "issuer", "doc_number", "date", "period", "kind", "source"},
    "tasks": {"id", "plan", "number", "title", "parent", "due", "agencies", "evidence"},
    "terms": {"id", "term", "plan", "kind", "definition", "expansion", "evidence"},
    "mentions": {"term", "plan", "evidence"},
    "agencies": {"id", "name", "plans", "collective", "person", "responsibilities"},
    "prerequisites": {"dependent", "prerequisite", "cue", "plan", "evidence"},
    "targets": {"plan", "task", "indicator", "comparator", "value", "unit", "year", "kind", "nature", "evidence"},
}


@pytest.fixture(scope="module")
def fixture_store() -> EmbeddedStore:
    store = EmbeddedStore(":memory:")
    store.replace_graphs({document_graph("plan-a"): list(facts_to_triples(make_facts()))})
    return store


def test_analysis_form_has_the_issue_fields(fixture_store):
    form = analysis_form(fixture_store)
    assert {key: set(records[0]) for key, records in form.items()} == FIELDS


def test_analysis_form_values(fixture_store):
    form = analysis_form(fixture_store)
    plan = plan_iri("plan-a")
    assert form["plans"][0]["period"] == {"start": 2021, "end": 2025} and form["plans"][0]["date"] == "2021-03-01"
    task = form["tasks"][0]
    assert task["due"] == {"text": "2022年6月底前", "date": "2022-06-30", "year": 2022}
    assert task["agencies"] == ["某市公安局"] and task["evidence"] == "(一)建设综合指挥中心。" and task["plan"] == plan
    assert form["terms"][0]["expansion"] == ["联排", "联劝", "联管"] and form["terms"][0]["kind"] == "inline"
    assert sorted(m["term"] for m in form["mentions"]) == ["三联", "综合指挥中心"]
    agency = form["agencies"][-1]
    assert agency["name"] == "某市公安局" and agency["plans"] == [plan] and agency["collective"] is False
    assert agency["responsibilities"] == [{"text": "推进“三联”工作机制", "evidence": "由市公安局牵头"}]
    link = form["prerequisites"][0]
    assert link["dependent"]["label"] == "建设综合指挥中心" and link["prerequisite"]["label"] == "综合指挥中心"
    assert form["targets"][0]["value"] == 95.0 and form["targets"][0]["year"] == 2025
    assert form["targets"][0]["kind"] == "target" and form["targets"][0]["nature"] == "binding"


def test_csv_tables_flatten_nested_fields(fixture_store):
    tables = csv_tables(analysis_form(fixture_store))
    assert set(tables) == {f"{key}.csv" for key in FIELDS}
    rows = list(csv.DictReader(io.StringIO(tables["tasks.csv"].lstrip("\ufeff"))))
    assert rows[0]["due.date"] == "2022-06-30" and rows[0]["agencies"] == "某市公安局"
    target = next(csv.DictReader(io.StringIO(tables["targets.csv"].lstrip("\ufeff"))))
    assert target["indicator"] == "群众满意度" and target["nature"] == "binding"
    assert flatten({"a": {"b": 1}, "l": ["x", "y"]}) == {"a.b": 1, "l": "x; y"}


def test_rdf_exports_round_trip(built_store):
    store = EmbeddedStore(built_store)
    quads = set(store.quads())
    assert set(ox.parse(export_rdf(store, "nq"), format=ox.RdfFormat.N_QUADS)) == quads
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    parsed = {(t.subject, t.predicate, t.object) for t in ox.parse(export_rdf(store, "ttl"), format=ox.RdfFormat.TURTLE)}
    assert parsed == triples
    assert len(list(ox.parse(export_rdf(store, "jsonld"), format=ox.RdfFormat.JSON_LD))) == len(quads)


def test_cli_export_json_and_csv_zip(built_store, tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["export", "--format", "json", "--store", built_store])
    assert result.exit_code == 0, result.output
    form = json.loads(result.stdout)
    assert len(form["plans"]) == 5 and set(form) == set(FIELDS)
    untitled = [plan for plan in form["plans"] if not plan["title"]]  # the sample work summary prints no title
    assert len(untitled) == 1 and untitled[0]["title"] is None
    assert untitled[0]["label"] == "市公安局 2022年 工作总结 (untitled)"
    result = runner.invoke(main, ["export", "--format", "csv", "--out", str(tmp_path / "t.zip"), "--store", built_store])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "t.zip") as archive:
        assert sorted(archive.namelist()) == sorted(f"{key}.csv" for key in FIELDS)
        assert archive.read("plans.csv").decode("utf-8-sig").count("\n") == 6


def test_cli_query_table_and_formats(built_store):
    runner = CliRunner()
    result = runner.invoke(main, ["query", "SELECT (COUNT(?p) AS ?n) WHERE { ?p a pk:Plan }", "--store", built_store])
    assert result.exit_code == 0 and result.output.split()[:3] == ["n", "-", "5"]
    result = runner.invoke(main, ["query", "SELECT ?p WHERE { ?p a pk:Plan }", "--format", "csv", "--store", built_store])
    assert result.output.splitlines()[0] == "p" and len(result.output.splitlines()) == 6
    result = runner.invoke(main, ["query", "SELECT WHERE {", "--store", built_store])
    assert result.exit_code == 1 and "error" in result.output.lower()
