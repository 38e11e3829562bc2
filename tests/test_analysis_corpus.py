"""The analysis on the bundled sample corpus (the session's ``built_store``): checks a researcher would make."""

from __future__ import annotations

from pathlib import Path

from plankg.analysis import findings
from plankg.analysis.projection import cached_projection
from plankg.analysis.timeline import plan_schedule
from plankg.graph.store import open_store

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_critical_chain_of_the_five_year_plan_is_dated_and_quotes_the_document(built_store):
    graph = cached_projection(open_store(built_store))
    result = plan_schedule(graph, ["十四五"])
    assert result.start == "2021-01-01"
    chain = result.chain
    assert len(chain) >= 2
    assert all(row.total_slack == 0 for row in chain)
    assert chain[-1].finish_date == "2025-12-31"  # the plan's period ends in 2025
    dates = [row.finish_date for row in chain]
    assert dates == sorted(dates)
    text = (CORPUS / "shengzhou-2021-14th-fyp-social-security.txt").read_text(encoding="utf-8")
    quoted = [row.evidence for row in chain[1:] if row.evidence]
    assert quoted, "the chain's edges carry evidence"
    for evidence in quoted:
        assert " ".join(evidence.split()) in " ".join(text.split())


def test_findings_on_the_corpus_are_consistent(built_store):
    graph = cached_projection(open_store(built_store))
    for conflict in findings.conflicts(graph):  # a conflict is a prerequisite due later than its dependent
        assert conflict.prerequisite_due[:4] >= conflict.dependent_due[:4]
        assert conflict.prerequisite_due != conflict.dependent_due
    top = findings.bottlenecks(graph, top=5)
    assert top and all(b.direct_dependents >= 1 for b in top)
    assert [b.all_dependents for b in top] == sorted((b.all_dependents for b in top), reverse=True)
