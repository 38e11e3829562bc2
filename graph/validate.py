"""Check a graph against the SHACL shapes in ontology/shapes.ttl (pyshacl), with a report a person can read."""

from __future__ import annotations

from collections import Counter

import pyshacl
import rdflib

from plankg.graph.store import Store
from plankg.graph.vocab import PREFIXES
from plankg.ontology import ONTOLOGY, SHAPES

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
MAX_LINES = 40


def store_graph(store: Store) -> rdflib.Graph:
    """The union of the store's named graphs as one rdflib graph."""
    graph = rdflib.Graph()
    for quad in store.quads():
        graph.add(tuple(_rdflib_term(term) for term in (quad.subject, quad.predicate, quad.object)))
    return graph


def _rdflib_term(term) -> rdflib.term.Node:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype.value == str(rdflib.XSD.string):
        return rdflib.Literal(term.value)  # so that sh:in ("a" "b") matches, as RDF 1.1 means it to
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def validate(graph: rdflib.Graph) -> tuple[bool, str]:
    """(conforms, report): one line per kind of violation, with a count and an example focus node."""
    shapes = rdflib.Graph().parse(SHAPES)
    ontology = rdflib.Graph().parse(ONTOLOGY)
    conforms, results, _ = pyshacl.validate(graph, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                            allow_warnings=True)
    if conforms:
        return True, f"conforms: {len(graph)} triples checked against {SHAPES.name}"
    return False, _readable(results)


def _readable(results: rdflib.Graph) -> str:
    namespaces = rdflib.namespace.NamespaceManager(rdflib.Graph())
    for prefix, iri in PREFIXES.items():
        namespaces.bind(prefix, iri, override=True)

    def short(node) -> str:
        return node.n3(namespaces) if node is not None else "-"

    kinds: Counter[tuple[str, str, str]] = Counter()
    examples: dict[tuple[str, str, str], str] = {}
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        # the shape tells apart two node-level constraints of one component (a plan's sh:or, a target's sh:or)
        key = (short(results.value(result, SH.resultPath)), short(results.value(result, SH.sourceConstraintComponent)),
               str(results.value(result, SH.sourceShape)))
        kinds[key] += 1
        if key not in examples:
            value = results.value(result, SH.value)
            examples[key] = (f"{results.value(result, SH.resultMessage)}; e.g. {short(results.value(result, SH.focusNode))}"
                             + (f" has {short(value)}" if value is not None else ""))
    lines = [f"does not conform: {sum(kinds.values())} violations of {len(kinds)} kinds"]
    for key, count in kinds.most_common(MAX_LINES):
        lines.append(f"- {key[0]} ({key[1]}, {count}×): {examples[key]}")
    if len(kinds) > MAX_LINES:
        lines.append(f"… and {len(kinds) - MAX_LINES} more kinds")
    return "\n".join(lines)
