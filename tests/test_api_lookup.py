"""Forgiving term lookup and label search on a small hand-made index (no store needed)."""

from __future__ import annotations

import pytest

from plankg.api.lookup import GenerationCache, LabelIndex, term_key


def rows(*entries: tuple[str, str, str, bool]) -> list[dict[str, object]]:
    return [{"s": s, "kind": kind, "label": label, "primary": primary} for s, kind, label, primary in entries]


@pytest.fixture(scope="module")
def index() -> LabelIndex:
    return LabelIndex(rows(
        ("t:1+5", "term", "1+5", True),
        ("t:1+5", "term", "“1+5”", False),
        ("t:siliansanfang", "term", "四联三防", True),
        ("t:ling", "term", "三〇工程", True),
        ("s:center", "system", "综治中心", True),
        ("p:a", "plan", "甲市平安建设三年行动方案", True),
        ("task:1", "task", "建成市级综治中心", True),
        ("a:police", "agency", "甲市公安局", True),
        ("a:police", "agency", "市公安局", False),
    ))


@pytest.mark.parametrize("typed", ["1+5", "“1+5”", "１＋５", " 1 + 5 ", '"1+5"', "“1+5”中心", "完善1+5工作机制"])
def test_term_lookup_forgives_what_users_type(index: LabelIndex, typed: str) -> None:
    assert index.find_term(typed) == "t:1+5"


def test_zero_and_ling_are_the_same_digit(index: LabelIndex) -> None:
    assert index.find_term("三零工程") == "t:ling"
    assert term_key("三零") == term_key("三〇")


def test_embedded_lookup_prefers_the_longest_known_term(index: LabelIndex) -> None:
    assert index.find_term("落实“四联三防”要求") == "t:siliansanfang"


def test_unknown_term_is_none_and_has_close_suggestions(index: LabelIndex) -> None:
    assert index.find_term("五联三防") is None
    assert index.closest_terms("五联三防")[0].iri == "t:siliansanfang"


@pytest.mark.parametrize("query, first", [("中", "s:center"), ("公安", "a:police"), ("综治中心", "s:center")])
def test_one_and_two_character_chinese_queries_find_labels(index: LabelIndex, query: str, first: str) -> None:
    assert index.search(query)[0].iri == first


def test_search_ranks_exact_then_prefix_then_substring(index: LabelIndex) -> None:
    hits = [hit.iri for hit in index.search("综治中心")]
    assert hits == ["s:center", "task:1"]  # exact system label before the task that contains it
    assert [hit.iri for hit in index.search("市公安")] == ["a:police"]  # alt label 市公安局 is a prefix match
    assert index.search("市公安")[0].label == "甲市公安局"  # shown by its preferred label


def test_search_filters_by_kind_and_finds_nothing_for_absent_text(index: LabelIndex) -> None:
    assert {hit.kind for hit in index.search("中心", {"task"})} == {"task"}
    assert index.search("不存在的词") == []
    assert index.search("  ") == []


class CountingStore:
    def __init__(self) -> None:
        self.generation_value = "1"

    def generation(self) -> str:
        return self.generation_value


def test_cache_drops_values_when_the_generation_changes() -> None:
    store = CountingStore()
    cache = GenerationCache(store, check_every=0)  # type: ignore[arg-type]
    assert cache.get("k", lambda: "old") == "old"
    assert cache.get("k", lambda: "new") == "old"
    store.generation_value = "2"
    assert cache.get("k", lambda: "new") == "new"
