"""The protocol's wire rules on plain strings: operations from requests, USING/FROM handling, negotiation."""

from __future__ import annotations

import pytest

from plankg.api.sparql_protocol import (
    BOOLEAN_FORMATS, GRAPH_FORMATS, RESULT_FORMATS, ProtocolError, negotiate, parse_operation, query_dataset,
    with_using,
)

FORM = "application/x-www-form-urlencoded"


def test_get_query_with_dataset_parameters():
    operation = parse_operation("GET", {"query": ["ASK {}"], "default-graph-uri": ["http://a", "http://b"],
                                        "named-graph-uri": ["http://c"]}, None, b"")
    assert operation.kind == "query" and operation.text == "ASK {}"
    assert operation.default_graphs == ("http://a", "http://b") and operation.named_graphs == ("http://c",)


def test_get_without_query_is_the_page():
    assert parse_operation("GET", {}, None, b"") is None


def test_form_post_merges_url_dataset_parameters():
    operation = parse_operation("POST", {"default-graph-uri": ["http://a"]}, FORM, "query=ASK%20%7B%7D".encode())
    assert operation.text == "ASK {}" and operation.default_graphs == ("http://a",)


def test_form_update_takes_using_parameters():
    operation = parse_operation("POST", {"using-named-graph-uri": ["http://n"]}, FORM, b"update=CLEAR+ALL")
    assert operation.kind == "update" and operation.named_graphs == ("http://n",)


def test_direct_posts():
    assert parse_operation("POST", {}, "application/sparql-query; charset=UTF-8", b"ASK {}").kind == "query"
    assert parse_operation("POST", {}, "application/sparql-update", "CLEAR ALL".encode()).kind == "update"


@pytest.mark.parametrize("method, params, content_type, body, status", [
    ("GET", {"query": ["ASK {}", "SELECT * {}"]}, None, b"", 400),  # two queries
    ("GET", {"update": ["CLEAR ALL"]}, None, b"", 405),  # update by GET
    ("POST", {}, "text/plain", b"ASK {}", 415),  # wrong media type
    ("POST", {}, None, b"query=ASK%20%7B%7D", 415),  # form body without its media type
    ("POST", {}, None, b"ASK {}", 415),  # direct body without its media type
    ("POST", {}, "application/sparql-query; charset=UTF-16", "ASK {}".encode("utf-16"), 415),  # not UTF-8
    ("POST", {}, "application/sparql-query", "ASK {}".encode("utf-16"), 400),  # undeclared non-UTF-8
    ("POST", {}, FORM, b"query=ASK+%7B%7D&update=CLEAR+ALL", 400),  # both
    ("POST", {}, FORM, b"nothing=here", 400),
    ("POST", {"using-graph-uri": ["http://a"]}, FORM, b"query=ASK+%7B%7D", 400),  # update parameter on a query
])
def test_bad_requests(method, params, content_type, body, status):
    with pytest.raises(ProtocolError) as caught:
        parse_operation(method, params, content_type, body)
    assert caught.value.status == status
    assert caught.value.message


def test_using_clauses_go_before_each_modify_where_only():
    update = """PREFIX ex: <http://ex/>
DELETE WHERE { ?a ex:where ?b } ;
INSERT { GRAPH <http://out> { ?s a ex:Copy } } WHERE { { SELECT ?s WHERE { ?s ?p "WHERE" FILTER(?p < 3) } } } ;
INSERT DATA { <http://x> <http://y> "where" }"""
    rewritten = with_using(update, ("http://d1", "http://d2"), ("http://n",))
    clauses = "USING <http://d1> USING <http://d2> USING NAMED <http://n> "
    assert rewritten.count(clauses) == 1
    assert f"}} {clauses}WHERE {{ {{ SELECT" in rewritten
    assert "DELETE WHERE { ?a" in rewritten


def test_using_parameters_conflict_with_using_clauses():
    with pytest.raises(ProtocolError) as caught:
        with_using("INSERT { ?s a <http://C> } USING <http://g> WHERE { ?s ?p ?o }", ("http://a",), ())
    assert caught.value.status == 400


def test_without_parameters_the_update_is_unchanged():
    assert with_using("CLEAR ALL", (), ()) == "CLEAR ALL"


def test_query_dataset_reads_from_clauses_with_prefixes():
    query = 'PREFIX g: <http://g/> SELECT ?from FROM g:one FROM NAMED <http://two> WHERE { ?s ?p "FROM x" }'
    assert query_dataset(query) == (["http://g/one"], ["http://two"])
    assert query_dataset('SELECT * WHERE { ?s ?p "from <http://x>" } # FROM <http://y>') is None


@pytest.mark.parametrize("accept, offered, expected", [
    (None, RESULT_FORMATS, "json"),
    ("*/*", GRAPH_FORMATS, "turtle"),
    ("text/csv", RESULT_FORMATS, "csv"),
    ("text/tab-separated-values;q=0.5, application/sparql-results+xml", RESULT_FORMATS, "xml"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", RESULT_FORMATS, "xml"),
    ("application/n-triples, text/turtle", GRAPH_FORMATS, "ntriples"),
    ("text/*", GRAPH_FORMATS, "turtle"),
    ("application/ld+json", GRAPH_FORMATS, "jsonld"),
    ("application/rdf+xml;q=1, text/turtle;q=0.2", GRAPH_FORMATS, "rdfxml"),
])
def test_negotiation(accept, offered, expected):
    assert negotiate(accept, None, offered).name == expected


def test_format_parameter_overrides_accept():
    assert negotiate("application/sparql-results+json", "tsv", RESULT_FORMATS).name == "tsv"


@pytest.mark.parametrize("accept, override", [("text/csv", None), (None, "csv"), ("image/png, text/turtle;q=0", None)])
def test_nothing_acceptable_is_406(accept, override):
    with pytest.raises(ProtocolError) as caught:
        negotiate(accept, override, BOOLEAN_FORMATS if override or accept == "text/csv" else GRAPH_FORMATS)
    assert caught.value.status == 406
