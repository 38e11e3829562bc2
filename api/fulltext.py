"""Full-text search of the plans' own words: which plans say a phrase, how often, and in which sentences.

Extraction names terms, systems and agencies; a researcher also asks where a plain word is said (无人机, 矛盾纠纷)
that no plan defines. The plans' texts are read once per store generation and matched in the same-length
normalized form extraction uses, so 無人機, full-width letters or other quote marks find the same places, and every
hit's span points into the original text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from starlette.concurrency import run_in_threadpool

from plankg.api.rest import cache_of, json_response, ref, select
from plankg.graph.store import Store
from plankg.graph.vocab import PLAN_NAME
from plankg.ingest.facts import Span
from plankg.ingest.text import Sentences, normalize

router = APIRouter(prefix="/api", tags=["researchers"])

MAX_HITS_PER_PLAN = 1_000  # places listed per plan; counts are always exact


@dataclass
class PlanText:
    iri: str
    title: str
    text: str
    norm: str = field(init=False)

    def __post_init__(self) -> None:
        self.norm = normalize(self.text)

    @cached_property
    def sentences(self) -> Sentences:
        return Sentences(self.text)


@dataclass(frozen=True)
class PlanHits:
    """One plan's hits: the exact count, and the first places (up to ``MAX_HITS_PER_PLAN``)."""

    plan: PlanText
    count: int
    spans: list[Span]


class TextIndex:
    """The plans' full texts, in title order, searched by substring of the normalized text."""

    def __init__(self, plans: list[PlanText]) -> None:
        self.plans = sorted(plans, key=lambda p: (p.title, p.iri))

    @classmethod
    def from_store(cls, store: Store) -> TextIndex:
        rows = select(store, "SELECT ?plan ?title ?text WHERE { ?plan a pk:Plan ; pk:fullText ?text "
                             f"OPTIONAL {{ ?plan {PLAN_NAME} ?title }} }}")
        return cls([PlanText(str(r["plan"]), str(r["title"] or ""), str(r["text"])) for r in rows])

    def search(self, phrase: str, plan: str | None = None) -> list[PlanHits]:
        """The plans that contain ``phrase`` (most occurrences first), each with its places in text order."""
        needle = normalize(phrase.strip())
        if not needle:
            return []
        found = []
        for text in self.plans:
            if plan is not None and text.iri != plan:
                continue
            count = text.norm.count(needle)
            if count:
                found.append(PlanHits(text, count, _places(text.norm, needle)))
        return sorted(found, key=lambda hits: -hits.count)


def _places(norm: str, needle: str) -> list[Span]:
    spans, start = [], norm.find(needle)
    while start >= 0 and len(spans) < MAX_HITS_PER_PLAN:
        spans.append(Span(start, start + len(needle)))
        start = norm.find(needle, start + len(needle))
    return spans


def text_hits(index: TextIndex, phrase: str, plan: str | None, limit: int, offset: int) -> dict[str, Any]:
    """JSON-ready: per plan the count, and a page of places with the exact text and its sentence."""
    found = index.search(phrase, plan)
    places = [(hits.plan, span) for hits in found for span in hits.spans]
    items = []
    for text, span in places[offset:offset + limit]:
        sentence = text.sentences.around(span)
        items.append({"plan": ref(text.iri, text.title, "plan"), "start": span.start, "end": span.end,
                      "exact": span.text(text.text), "sentence": sentence.text(text.text),
                      "sentenceStart": sentence.start})
    return {"query": phrase, "occurrences": sum(hits.count for hits in found),
            "plans": [{**ref(hits.plan.iri, hits.plan.title, "plan"), "count": hits.count} for hits in found],  # type: ignore[dict-item]
            "total": len(places), "limit": limit, "offset": offset, "items": items}


def text_index(request: Request) -> TextIndex:
    cache = cache_of(request)
    return cache.get("text-index", lambda: TextIndex.from_store(cache.store))


@router.get("/text", summary="Where the plans say a phrase: plans by count, then each place with its sentence")
async def text_search(request: Request,
                      q: str = Query(..., min_length=1, description="the words to find, as written in the plans"),
                      plan: str | None = Query(None, description="only this plan (its IRI)"),
                      limit: int = Query(20, ge=1, le=200), offset: int = Query(0, ge=0)) -> Any:
    """Matched on normalized text: traditional or simplified, full- or half-width, any quote marks."""
    if not q.strip():
        raise HTTPException(422, "Give some words to find in q= (it is empty or only spaces).")
    index = await run_in_threadpool(text_index, request)  # the first call reads every plan's text
    return json_response(await run_in_threadpool(text_hits, index, q, plan, limit, offset))
