"""Identity of named systems across plans (blind round 8), on plans of our own: a bare level word names the plan's
own city's system (one node for one city's plans, two for two cities); a shorthand declared for a system's name is
close to that system; a level word before another plan's known alias is a mention of that alias."""

from __future__ import annotations

from plankg.graph.build import build_graph
from plankg.graph.embedded import EmbeddedStore
from plankg.graph.rdf import system_label
from plankg.graph.vocab import SPARQL_PREFIXES, plan_iri, system_iri, term_iri

DATA = ("临江市数据局2024年工作要点\n\n一、重点工作\n"
        "（一）建设城市综合治理平台（以下简称“综治平台”），接入市防汛指挥中心。\n")
WATER = ("临江市水利局2024年工作要点\n\n一、重点工作\n"
         "（一）完善临江市防汛指挥中心功能，依托市综治平台共享数据。\n（二）预警信息推送至市防汛指挥中心。\n")
OTHER = "北岭市水利局2024年工作要点\n\n一、重点工作\n（一）升级市防汛指挥中心，年底前完成。\n"


def test_a_bare_level_word_takes_the_plans_place_unless_it_is_a_word():
    places = {"市": "临江市"}
    assert system_label("市防汛指挥中心", places) == "临江市防汛指挥中心"
    assert system_label("市场监管平台", places) == "市场监管平台"
    assert system_label("区块链服务平台", {"区": "临江市南坪区"}) == "区块链服务平台"
    assert system_label("市防汛指挥中心", {}) == "市防汛指挥中心"  # no known place: as printed


def _build(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in (("data", DATA), ("water", WATER), ("other", OTHER)):
        (docs / f"{name}.txt").write_text(text, encoding="utf-8")
    store = EmbeddedStore(tmp_path / "store")
    build_graph([docs], store, progress=False)
    return store


def _nodes(store, plan: str, exact: str) -> set[str]:
    """The term and system nodes the plan's mentions of ``exact`` point to."""
    rows = store.select(f"""{SPARQL_PREFIXES} SELECT ?of WHERE {{ ?m pk:mentionOf ?of ;
        prov:wasDerivedFrom <{plan_iri(plan)}> ; pk:evidence/oa:exact "{exact}"@zh }}""")
    return {str(row["of"]) for row in rows if "/agency/" not in str(row["of"])}  # systems and terms


def test_one_citys_plans_share_its_system_and_another_citys_is_apart(tmp_path):
    store = _build(tmp_path)
    own = system_iri("临江市防汛指挥中心")
    assert _nodes(store, "data", "市防汛指挥中心") == {own}
    assert _nodes(store, "water", "临江市防汛指挥中心") == {own}
    assert _nodes(store, "water", "市防汛指挥中心") == {own}
    assert _nodes(store, "other", "市防汛指挥中心") == {system_iri("北岭市防汛指挥中心")}


def test_an_alias_is_close_to_its_systems_node_and_a_level_word_before_it_mentions_it(tmp_path):
    store = _build(tmp_path)
    assert store.ask(f"""{SPARQL_PREFIXES} ASK {{ <{term_iri("综治平台")}> skos:closeMatch
        <{system_iri("城市综合治理平台")}> }}""")
    assert term_iri("综治平台") in _nodes(store, "water", "综治平台")


def test_a_defined_alias_is_one_node_where_it_also_reads_as_a_system_name(tmp_path):
    store = _build(tmp_path)
    assert _nodes(store, "data", "综治平台") == {term_iri("综治平台")}
