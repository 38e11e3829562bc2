"""Reading SPARQL TSV results: the term syntax the projection parses."""

from __future__ import annotations

from plankg.analysis.projection import _term_value


def test_iri_and_typed_literals():
    assert _term_value("<https://w3id.org/plankg/id/plan/x/char=1,5>") == "https://w3id.org/plankg/id/plan/x/char=1,5"
    assert _term_value('"2022"^^<http://www.w3.org/2001/XMLSchema#integer>') == "2022"
    assert _term_value('"依托“平台”建设"@zh') == "依托“平台”建设"


def test_escapes_in_literals():
    assert _term_value(r'"第一行\n第二行\t\"引\"\\"') == '第一行\n第二行\t"引"\\'
    assert _term_value(r'"\u4F9D\U00004F9D"') == "依依"
