"""Namespaces and IRI builders: the one place that says how plankg names things."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from urllib.parse import quote

from rdflib import Namespace
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

from plankg.ingest.text import normalize_label

PK = Namespace("https://w3id.org/plankg/ontology#")
ID = "https://w3id.org/plankg/id/"
GRAPH = "https://w3id.org/plankg/graph/"
OA = Namespace("http://www.w3.org/ns/oa#")
PPLAN = Namespace("http://purl.org/net/p-plan#")
TIME = Namespace("http://www.w3.org/2006/time#")

POST = str(ORG.Post)  # the class of a post whose holders (people, not an organ) take duties: see post_iri

LINKS_GRAPH = GRAPH + "links"
MANIFEST_GRAPH = GRAPH + "manifest"

PREFIXES = {
    "pk": str(PK), "skos": str(SKOS), "org": str(ORG), "prov": str(PROV), "dcterms": str(DCTERMS),
    "oa": str(OA), "p-plan": str(PPLAN), "time": str(TIME), "rdf": str(RDF), "rdfs": str(RDFS),
    "owl": str(OWL), "xsd": str(XSD),
}

# How a plan is named in queries: its printed title, or for a plan that prints none the derived rdfs:label
# (graph.rdf.untitled_label: 市公安局 2022年 工作总结 (untitled)). A plan has exactly one of the two.
PLAN_NAME = "dcterms:title|rdfs:label"
SPARQL_PREFIXES = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())


@lru_cache(maxsize=1 << 16)
def _segment(value: str) -> str:
    """One percent-encoded IRI segment; cached, as the same ids and labels recur in every document's graph."""
    return quote(value, safe="")


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def document_graph(doc_id: str) -> str:
    return f"{GRAPH}{_segment(doc_id)}"


def plan_iri(doc_id: str) -> str:
    return f"{ID}plan/{_segment(doc_id)}"


def in_plan(doc_id: str, kind: str, local: str | int) -> str:
    """IRI of a resource that belongs to one plan: ``id/plan/{doc}/{kind}/{local}``."""
    return f"{plan_iri(doc_id)}/{kind}/{_segment(str(local))}"


def evidence_iri(doc_id: str, start: int, end: int) -> str:
    return f"{plan_iri(doc_id)}/char={start},{end}"


@lru_cache(maxsize=1 << 16)
def term_iri(label: str) -> str:
    return f"{ID}term/{_segment(normalize_label(label))}"


@lru_cache(maxsize=1 << 16)
def system_iri(label: str) -> str:
    return f"{ID}system/{_segment(normalize_label(label))}"


@lru_cache(maxsize=1 << 16)
def agency_iri(name: str) -> str:
    return f"{ID}agency/{_segment(normalize_label(name))}"


def collective_agency_iri(doc_id: str, name: str) -> str:
    """A collective subject (各有关部门, 各乡镇人民政府) of one plan: ``id/plan/{doc}/agency/{normalized name}``. The
    same words in two plans address two different sets of organs, so they are two nodes, not one organization."""
    return in_plan(doc_id, "agency", normalize_label(name))


def post_iri(doc_id: str, name: str) -> str:
    """A post whose holders take duties (牵头单位主要负责同志, 相关部门负责人) in one plan: ``id/plan/{doc}/post/{normalized
    name}``. A post is named by the plan's own roles (the lead unit, the departments concerned), so it is the plan's."""
    return in_plan(doc_id, "post", normalize_label(name))


def cited_iri(title: str) -> str:
    return f"{ID}cited/{short_hash(normalize_label(title))}"
