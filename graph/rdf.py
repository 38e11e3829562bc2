"""Facts to RDF, following the model in docs/DESIGN.md."""

from __future__ import annotations

from typing import Iterator

import pyoxigraph as ox

from plankg.graph.vocab import PK, plan_iri
from plankg.ingest.facts import DocumentFacts

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DCT_TITLE = ox.NamedNode("http://purl.org/dc/terms/title")


def facts_to_triples(facts: DocumentFacts) -> Iterator[ox.Triple]:
    plan = ox.NamedNode(plan_iri(facts.document.id))
    yield ox.Triple(plan, RDF_TYPE, ox.NamedNode(str(PK.Plan)))
    yield ox.Triple(plan, DCT_TITLE, ox.Literal(facts.plan.title, language="zh"))
