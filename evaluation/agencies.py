"""Scores agency responsibilities against the gold annotation ("agency.responsibilities").

A prediction matches a gold item of the same document when their evidence overlaps and they name the same agency:
the gold's normalized name where it gives one (临江市财政局), else its printed name, compared with the
prediction's normalized or printed name. Gold items of low salience (slogans such as 党委领导、政府负责) are
optional: predicting them is neither rewarded nor counted as a false positive.
"""

from __future__ import annotations

from plankg.evaluation.score import Score, gold_span, match_pairs, overlaps, same_label
from plankg.ingest.facts import DocumentFacts, Responsibility


def score(gold: dict, facts: dict[str, DocumentFacts]) -> dict[str, Score]:
    total = Score()
    items = gold.get("agency_responsibilities", {}).get("items", [])
    for name, document_facts in facts.items():
        text = document_facts.document.text
        mine = [(item, gold_span(text, item["evidence"])) for item in items if item["doc"] == name]
        wanted = [pair for pair in mine if pair[0].get("salience") != "low"]
        optional = [pair for pair in mine if pair[0].get("salience") == "low"]
        predicted = [duty for duty in document_facts.responsibilities
                     if not any(same_responsibility(pair, duty) for pair in optional)]
        total += match_pairs(wanted, predicted, same_responsibility)
    return {"agency.responsibilities": total}


def same_responsibility(gold_item: tuple[dict, object], duty: Responsibility) -> bool:
    item, span = gold_item
    if not overlaps(span, duty.evidence):
        return False
    if item.get("agency_normalized"):
        return same_label(item["agency_normalized"], duty.agency.name)
    return same_label(item["agency"], duty.agency.name) or same_label(item["agency"], duty.agency.printed)
