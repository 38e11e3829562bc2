"""The SPARQL 1.1 Protocol's wire format: reading operations from requests, content negotiation, result encodings.

Kept apart from ``api/sparql.py`` (routes, limits, cache) so each part can be tested on plain strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs

import pyoxigraph as ox

class ProtocolError(Exception):
    """A request the protocol rejects; ``status`` is the HTTP status, the message tells the client what to fix."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


@dataclass(frozen=True)
class Operation:
    """One protocol operation: a query or an update, with the dataset the protocol parameters name."""

    kind: str  # "query" or "update"
    text: str
    default_graphs: tuple[str, ...] = ()  # default-graph-uri, or using-graph-uri for updates
    named_graphs: tuple[str, ...] = ()  # named-graph-uri, or using-named-graph-uri for updates
    format: str | None = None  # the non-standard format= override of the Accept header


DATASET_PARAMETERS = {
    "query": ("default-graph-uri", "named-graph-uri"),
    "update": ("using-graph-uri", "using-named-graph-uri"),
}


def _utf8(body: bytes, charset: str | None) -> str:
    if charset and charset.lower().replace("-", "") != "utf8":
        raise ProtocolError(415, f"The request body must be UTF-8 (got charset={charset}); re-encode it as UTF-8.")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProtocolError(400, f"The request body is not valid UTF-8: {error}.") from error


def split_content_type(header: str | None) -> tuple[str, str | None]:
    """``"application/sparql-query; charset=utf-8"`` → ``("application/sparql-query", "utf-8")``."""
    if not header:
        return "", None
    media_type, _, rest = header.partition(";")
    charset = None
    for parameter in rest.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"')
    return media_type.strip().lower(), charset


def parse_operation(
    method: str, url_params: dict[str, list[str]], content_type: str | None, body: bytes
) -> Operation | None:
    """The operation a request carries, per SPARQL 1.1 Protocol §2; ``None`` for a GET with no query at all.

    GET takes ``query=`` in the URL; POST takes a form (``query=`` or ``update=``) or a direct body typed
    ``application/sparql-query`` / ``application/sparql-update``. Dataset parameters may sit in the URL or the form.
    """
    params = {name: list(values) for name, values in url_params.items()}
    if method == "GET":
        if "update" in params:
            raise ProtocolError(405, "SPARQL updates must be sent with POST, not GET.", {"Allow": "POST"})
        if "query" not in params:
            return None
        return _operation("query", params)
    media_type, charset = split_content_type(content_type)
    if media_type == "application/x-www-form-urlencoded":
        form = parse_qs(_utf8(body, charset), keep_blank_values=True)
        for name, values in form.items():
            params.setdefault(name, []).extend(values)
        if "query" in params and "update" in params:
            raise ProtocolError(400, "Send either query= or update=, not both.")
        if "update" in params:
            return _operation("update", params)
        if "query" in params:
            return _operation("query", params)
        raise ProtocolError(400, "The form has neither a query= nor an update= field.")
    direct = {"application/sparql-query": "query", "application/sparql-update": "update"}.get(media_type)
    if direct is None:
        raise ProtocolError(
            415,
            f"Unsupported request type {media_type or '(none)'!r}: POST a form (application/x-www-form-urlencoded) "
            "or the bare text as application/sparql-query or application/sparql-update.",
        )
    if direct in params:
        raise ProtocolError(400, f"A direct POST carries the {direct} in its body; drop the {direct}= URL parameter.")
    params[direct] = [_utf8(body, charset)]
    return _operation(direct, params)


def _operation(kind: str, params: dict[str, list[str]]) -> Operation:
    texts = params[kind]
    if len(texts) != 1:
        raise ProtocolError(400, f"Exactly one {kind}= parameter is allowed; this request has {len(texts)}.")
    default_name, named_name = DATASET_PARAMETERS[kind]
    other_kind = "update" if kind == "query" else "query"
    wrong = [name for name in DATASET_PARAMETERS[other_kind] if name in params]
    if wrong:
        raise ProtocolError(400, f"{', '.join(wrong)} belongs to a SPARQL {other_kind}, not a {kind}.")
    formats = params.get("format", [])
    return Operation(
        kind=kind,
        text=texts[0],
        default_graphs=tuple(params.get(default_name, [])),
        named_graphs=tuple(params.get(named_name, [])),
        format=formats[0] if formats else None,
    )


# --- Top-level keywords: FROM in queries, USING/WHERE in updates ---------------------------------------------------

# Strings, comments and variables are skipped whole so that a keyword inside them never counts; braces give the
# nesting depth. An IRI cannot contain spaces or braces, so "?a < ?b" is not mistaken for one.
_TOKEN = re.compile(
    r"""
      (?P<skip> \"\"\".*?\"\"\" | '''.*?''' | "(?:[^"\\\n]|\\.)*" | '(?:[^'\\\n]|\\.)*'
              | \#[^\n]* | [?$]\w+ | @[A-Za-z][\w-]* )
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<open>\{) | (?P<close>\})
    | (?P<word>[\w:.-]+)
    """,
    re.VERBOSE | re.DOTALL,
)


def top_level_tokens(text: str) -> list[tuple[str, str, int]]:
    """``(kind, text, offset)`` of the words and IRIs outside any ``{…}``: the skeleton of an operation."""
    depth = 0
    tokens: list[tuple[str, str, int]] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
        elif depth == 0 and kind == "word":
            tokens.append(("word", match.group(), match.start()))
        elif depth == 0 and kind == "iri":
            tokens.append(("iri", match.group()[1:-1], match.start()))
    return tokens


def _keyword(token: tuple[str, str, int]) -> str:
    return token[1].upper() if token[0] == "word" else ""


def query_dataset(query: str) -> tuple[list[str], list[str]] | None:
    """The IRIs of the query's own ``FROM`` and ``FROM NAMED`` clauses, or None if it has none.

    Prefixed names are expanded with the query's PREFIX declarations; a relative IRI is left as written.
    """
    tokens = top_level_tokens(query)
    prefixes: dict[str, str] = {}
    default: list[str] = []
    named: list[str] = []
    i = 0
    while i < len(tokens):
        keyword = _keyword(tokens[i])
        if keyword == "PREFIX" and i + 2 < len(tokens) and tokens[i + 2][0] == "iri":
            prefixes[tokens[i + 1][1]] = tokens[i + 2][1]
            i += 2
        elif keyword == "FROM" and i + 1 < len(tokens):
            target = default
            if _keyword(tokens[i + 1]) == "NAMED":
                target = named
                i += 1
            if i + 1 < len(tokens):
                kind, value, _ = tokens[i + 1]
                prefix, _, local = value.partition(":")
                target.append(value if kind == "iri" else prefixes.get(prefix + ":", prefix + ":") + local)
                i += 1
        i += 1
    return (default, named) if default or named else None


def with_using(update: str, default_graphs: tuple[str, ...], named_graphs: tuple[str, ...]) -> str:
    """The update with ``USING``/``USING NAMED`` clauses for the protocol's using-(named-)graph-uri.

    SPARQL 1.1 Protocol §2.2.3: the parameters act like USING clauses on every DELETE/INSERT…WHERE operation, and an
    update that also has its own USING clauses must be refused. The clauses go just before each top-level ``WHERE``
    that is not the ``DELETE WHERE`` shorthand.
    """
    if not default_graphs and not named_graphs:
        return update
    words = [(value.upper(), offset) for kind, value, offset in top_level_tokens(update) if kind == "word"]
    if any(word == "USING" for word, _ in words):
        raise ProtocolError(
            400, "The update has its own USING clauses; drop either them or the using-graph-uri/using-named-graph-uri "
            "parameters.",
        )
    clauses = "".join(f"USING <{iri}> " for iri in default_graphs)
    clauses += "".join(f"USING NAMED <{iri}> " for iri in named_graphs)
    where = [offset for i, (word, offset) in enumerate(words) if word == "WHERE" and (i == 0 or words[i - 1][0] != "DELETE")]
    for offset in reversed(where):
        update = update[:offset] + clauses + update[offset:]
    return update


# --- Content negotiation --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    aliases: tuple[str, ...] = ()
    oxigraph: ox.QueryResultsFormat | ox.RdfFormat | None = None


RESULT_FORMATS = (
    Format("json", "application/sparql-results+json", ("application/json",), ox.QueryResultsFormat.JSON),
    Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml"), ox.QueryResultsFormat.XML),
    Format("csv", "text/csv", (), ox.QueryResultsFormat.CSV),
    Format("tsv", "text/tab-separated-values", (), ox.QueryResultsFormat.TSV),
)
BOOLEAN_FORMATS = RESULT_FORMATS[:2]
GRAPH_FORMATS = (
    Format("turtle", "text/turtle", ("application/x-turtle", "ttl"), ox.RdfFormat.TURTLE),
    Format("ntriples", "application/n-triples", ("text/plain", "nt"), ox.RdfFormat.N_TRIPLES),
    Format("jsonld", "application/ld+json", ("json-ld",), ox.RdfFormat.JSON_LD),
    Format("rdfxml", "application/rdf+xml", ("rdf",), ox.RdfFormat.RDF_XML),
)
DATASET_FORMATS = (
    Format("nquads", "application/n-quads", ("nq", "text/x-nquads"), ox.RdfFormat.N_QUADS),
    Format("trig", "application/trig", (), ox.RdfFormat.TRIG),
)


def _accept_ranges(accept: str) -> list[tuple[float, int, str]]:
    ranges = []
    for position, item in enumerate(accept.split(",")):
        media_range, *parameters = [part.strip() for part in item.split(";")]
        quality = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media_range:
            ranges.append((quality, position, media_range.lower()))
    return ranges


def negotiate(accept: str | None, override: str | None, offered: tuple[Format, ...]) -> Format:
    """The format to answer in: ``format=`` (a name or media type) wins, else the best ``Accept`` match.

    With no Accept header, or only wildcards, the first offered format is the answer; nothing acceptable is a 406.
    """
    if override:
        wanted = override.strip().lower()
        for candidate in offered:
            if wanted in (candidate.name, candidate.media_type, *candidate.aliases):
                return candidate
        raise ProtocolError(
            406, f"format={override} is not available for this result; use one of "
            f"{', '.join(candidate.name for candidate in offered)}.",
        )
    if not accept:
        return offered[0]
    best: tuple[tuple[float, int, int], Format] | None = None
    for quality, position, media_range in _accept_ranges(accept):
        if quality <= 0:
            continue
        for rank, candidate in enumerate(offered):
            types = (candidate.media_type, *candidate.aliases)
            exact = media_range in types
            if exact or media_range == "*/*" or (
                media_range.endswith("/*") and any(t.startswith(media_range[:-1]) for t in types)
            ):
                # Higher quality first, then an exact type over a wildcard, then the client's order, then ours.
                key = (quality, int(exact), -position * 100 - rank)
                if best is None or key > best[0]:
                    best = (key, candidate)
                break
    if best is None:
        raise ProtocolError(
            406, f"None of the accepted types ({accept}) is available for this result; ask for one of "
            f"{', '.join(candidate.media_type for candidate in offered)}.",
        )
    return best[1]
