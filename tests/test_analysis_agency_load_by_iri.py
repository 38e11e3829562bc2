"""Agency load counts by agency IRI: the 各乡镇人民政府 of two plans are two collectives (one per plan), an organ both
plans name is one; posts (相关部门负责人: people) carry no load. An untitled plan is named by its derived label in
the critical path and found by that label or its file-name id."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from plankg.analysis import findings
from plankg.analysis.projection import project
from plankg.analysis.report import load_text, schedule_text
from plankg.analysis.timeline import plan_schedule, resolve_plan
from plankg.cli import main
from plankg.graph.embedded import EmbeddedStore
from plankg.graph.rdf import facts_to_triples
from plankg.graph.vocab import agency_iri, collective_agency_iri, document_graph, plan_iri, post_iri
from plankg.ingest.facts import AgencyRef, Document, DocumentFacts, Due, PlanMeta, Span, Task

TOWNS, ORGAN, POST = "各乡镇人民政府", "某县水利局", "相关部门负责人"
UNTITLED = "某县水利局 2023年 工作总结 (untitled)"


def plan_facts(doc: str, title: str, year: int) -> DocumentFacts:
    """One plan with two tasks due in ``year``: the towns lead the first and share the second with the organ; a
    post answers for the second too."""
    text = f"{title}\n一、开展隐患排查。{TOWNS}牵头。\n二、修复水毁工程。{ORGAN}负责，{TOWNS}配合，{POST}督办。\n"

    def ref(name: str, role: str = "responsible", **kind: bool) -> AgencyRef:
        start = text.index(name)
        return AgencyRef(name, name, Span(start, start + len(name)), role=role, **kind)

    def task(tid: str, words: str, agencies: list[AgencyRef]) -> Task:
        start = text.index(words)
        return Task(tid, tid[1:], words, words, Span(start, start + len(words)),
                    due=Due(f"{year}年底前", year, 12, f"{year}-12-31"), agencies=agencies)

    tasks = [task("t1", "开展隐患排查", [ref(TOWNS, "lead", collective=True)]),
             task("t2", "修复水毁工程", [ref(ORGAN), ref(TOWNS, collective=True), ref(POST, person=True)])]
    meta = PlanMeta(title=title, issuer=ORGAN, period_start=year, kind="工作总结" if not title else "工作要点")
    document = Document(doc, f"/corpus/{doc}.txt", "0" * 64, "txt", text)
    return DocumentFacts(document=document, plan=meta, tasks=tasks)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> EmbeddedStore:
    store = EmbeddedStore(str(tmp_path_factory.mktemp("load-store")))
    store.replace_graphs({document_graph(doc): list(facts_to_triples(plan_facts(doc, title, year)))
                          for doc, title, year in (("roads", "某县2024年公路工作要点", 2024),
                                                   ("water-summary", "", 2023))})
    return store


def test_each_plan_s_collective_has_its_own_row_naming_the_plan(store: EmbeddedStore) -> None:
    rows = findings.agency_load(project(store))
    towns = [row for row in rows if row["agency"] == TOWNS]
    assert [(row["iri"], row["plan"], row["year"], row["tasks"], row["leads"]) for row in towns] == [
        (collective_agency_iri("roads", TOWNS), "某县2024年公路工作要点", 2024, 2, 1),
        (collective_agency_iri("water-summary", TOWNS), UNTITLED, 2023, 2, 1)]
    organ = [(row["iri"], row["plan"], row["year"], row["tasks"]) for row in rows if row["agency"] == ORGAN]
    assert organ == [(agency_iri(ORGAN), None, 2023, 1), (agency_iri(ORGAN), None, 2024, 1)]


def test_posts_carry_no_agency_load(store: EmbeddedStore) -> None:
    graph = project(store)
    assert graph.graph["agencies"][post_iri("roads", POST)]["person"] is True
    assert POST in graph.nodes[plan_iri("roads") + "/task/t2"]["agencies"]  # still shown as who answers for it
    assert all(row["agency"] != POST for row in findings.agency_load(graph))


def test_the_load_table_names_the_plan_of_a_collective(store: EmbeddedStore) -> None:
    graph = project(store)
    text = load_text(findings.agency_load(graph, [resolve_plan(graph, "roads")]))
    lines = text.splitlines()
    assert lines[0].split() == ["agency", "plan", "year", "tasks", "leads"]
    assert any(line.split() == [TOWNS, "某县2024年公路工作要点", "2024", "2", "1"] for line in lines)
    assert "2023" not in text  # the untitled plan's tasks are left out


def test_an_untitled_plan_is_found_by_its_label_or_id_and_named_by_its_label(store: EmbeddedStore) -> None:
    graph = project(store)
    assert graph.graph["plans"][plan_iri("water-summary")]["label"] == UNTITLED
    assert resolve_plan(graph, UNTITLED) == resolve_plan(graph, "water-summary") == plan_iri("water-summary")
    assert resolve_plan(graph, "工作总结") == plan_iri("water-summary")  # words of the label
    result = plan_schedule(graph, [UNTITLED])
    assert result.plans == [{"iri": plan_iri("water-summary"), "title": None, "label": UNTITLED}]
    assert schedule_text(result).splitlines()[0] == f"Critical path: {UNTITLED}"


def test_cli_critical_path_and_load_take_an_untitled_plan_s_label(store: EmbeddedStore) -> None:
    runner = CliRunner()
    for plan in (UNTITLED, "water-summary"):
        result = runner.invoke(main, ["critical-path", "--plan", plan, "--format", "json", "--store", store.location])
        assert result.exit_code == 0, result.output
        assert json.loads(result.output)["plans"][0]["label"] == UNTITLED
    result = runner.invoke(main, ["load", "--plan", UNTITLED, "--format", "json", "--store", store.location])
    assert result.exit_code == 0, result.output
    assert {(row["agency"], row["plan"]) for row in json.loads(result.output)} == {(TOWNS, UNTITLED), (ORGAN, None)}
    missing = runner.invoke(main, ["critical-path", "--plan", "no-such-plan", "--store", store.location])
    assert missing.exit_code != 0 and UNTITLED in missing.output  # the error lists the known plans by name


def test_the_plan_view_is_titled_with_an_untitled_plan_s_label(store: EmbeddedStore) -> None:
    from plankg.viz.views import plan_dependencies

    view = plan_dependencies(project(store), plan_iri("water-summary"))
    assert view.title == f"Dependencies of {UNTITLED}"
