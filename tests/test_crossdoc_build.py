"""The build keeps cross-plan mentions in the links graph, computed from the store as documents come and go."""

from __future__ import annotations

from plankg.graph.build import build_graph, drop_documents
from plankg.graph.embedded import EmbeddedStore
from plankg.graph.vocab import LINKS_GRAPH, SPARQL_PREFIXES, plan_iri, term_iri

QUOTING = "某市城市治理工作方案\n\n一、主要任务\n(一)加快建设“城市大脑”,汇聚各部门数据。\n"
USING = "某县数字政府建设工作要点\n\n一、重点工作\n(一)依托城市大脑开展数据共享,年底前完成。\n"


def cross_mentions(store) -> list[tuple[str, str]]:
    rows = store.select(f"""{SPARQL_PREFIXES} SELECT ?plan ?exact WHERE {{ GRAPH <{LINKS_GRAPH}> {{
        ?m a pk:Mention ; pk:mentionOf <{term_iri("城市大脑")}> ; prov:wasDerivedFrom ?plan ; pk:evidence ?e .
        ?e oa:exact ?exact }} }}""")
    return [(str(row["plan"]), str(row["exact"])) for row in rows]


def test_a_later_plan_meets_a_skipped_plans_quoted_name_and_loses_it_when_that_plan_goes(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "quoting.txt").write_text(QUOTING, encoding="utf-8")
    store = EmbeddedStore(tmp_path / "store")
    build_graph([docs], store, progress=False)
    assert cross_mentions(store) == []

    (docs / "using.txt").write_text(USING, encoding="utf-8")
    report = build_graph([docs], store, progress=False)
    assert (report.added, report.skipped) == (1, 1)  # the quoting plan is not read again, yet takes part
    assert cross_mentions(store) == [(plan_iri("using"), "城市大脑")]
    assert store.ask(f"{SPARQL_PREFIXES} ASK {{ <{term_iri('城市大脑')}> a pk:Term }}")

    drop_documents(store, ["quoting"])
    assert cross_mentions(store) == []
