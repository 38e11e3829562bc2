"""Glossary and mentions against the gold annotation of the sample corpus: keeps the measured figures."""

import json
from pathlib import Path

import pytest

from plankg.evaluation import glossary
from plankg.evaluation.run import find_documents
from plankg.ingest.facts import DocumentFacts, PlanMeta
from plankg.ingest.glossary import extract_terms
from plankg.ingest.mentions import extract_mentions
from plankg.ingest.read import read_document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="module")
def scores():
    gold = json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))
    facts = {}
    for name, path in find_documents(gold, [SHARED / "corpus"]).items():
        document = read_document(path)
        terms = extract_terms(document, [])
        facts[name] = DocumentFacts(document, PlanMeta(title=name), terms=terms, mentions=extract_mentions(document, terms))
    return glossary.score(gold, facts)


@pytest.mark.gold
def test_glossary_senses_meet_the_goal(scores):
    assert scores["glossary.senses"].precision >= 0.95
    assert scores["glossary.senses"].recall >= 0.90


@pytest.mark.gold
def test_expansions_and_undefined_do_not_regress(scores):
    assert scores["glossary.expansions"].recall >= 0.97
    assert scores["glossary.expansions"].precision >= 0.97
    assert scores["glossary.undefined"].recall >= 0.95
    assert scores["glossary.undefined"].precision >= 0.90


@pytest.mark.gold
def test_term_mentions(scores):
    assert scores["mentions"].recall >= 0.90
    assert scores["mentions"].precision >= 0.90
    assert scores["mentions.cross_doc"].recall >= 0.22  # named systems and quoted names shared across plans
