"""Forgiving term lookup and label search over an in-memory index, rebuilt when the store's generation changes.

Oxigraph has no text index, and trigram indexes cannot match the one- and two-character queries most Chinese
shorthand searches are; a per-character inverted index over normalized labels answers both in microseconds.
Lookup forgives what users type: quotes, full-/half-width forms, spaces, 〇/零, and a known term embedded in a
longer phrase (“1+6”中心 finds 1+6 when only 1+6 is known).
"""

from __future__ import annotations

import difflib
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Hashable, TypeVar

from plankg.graph.store import Store
from plankg.graph.vocab import PLAN_NAME, SPARQL_PREFIXES
from plankg.ingest.text import normalize_label

T = TypeVar("T")

# Search ranks kinds in this order when two labels match equally well: shorthand is what users look up most.
KIND_ORDER = ("term", "plan", "agency", "system", "task")
MAX_QUERY = 64  # longer queries are cut: no label worth finding is longer

_LABELS_QUERY = SPARQL_PREFIXES + f"""
SELECT ?s ?kind ?label ?primary ?plan ?planLabel WHERE {{
  {{ ?s a pk:Term ; skos:prefLabel ?label . BIND("term" AS ?kind) BIND(true AS ?primary) }}
  UNION {{ ?sense pk:senseOf ?s ; skos:prefLabel|skos:altLabel ?label . BIND("term" AS ?kind) BIND(false AS ?primary) }}
  UNION {{ ?s a pk:Plan ; {PLAN_NAME} ?label . BIND("plan" AS ?kind) BIND(true AS ?primary) }}
  UNION {{ ?s a org:Organization ; skos:prefLabel ?label
           OPTIONAL {{ ?s pk:collective true ; prov:wasDerivedFrom ?plan . ?plan {PLAN_NAME} ?planLabel }}
           BIND("agency" AS ?kind) BIND(true AS ?primary) }}
  UNION {{ ?s a org:Post ; skos:prefLabel ?label ; prov:wasDerivedFrom ?plan . ?plan {PLAN_NAME} ?planLabel
           BIND("agency" AS ?kind) BIND(true AS ?primary) }}
  UNION {{ ?s a org:Organization ; skos:altLabel ?label . BIND("agency" AS ?kind) BIND(false AS ?primary) }}
  UNION {{ ?s a pk:NamedSystem ; skos:prefLabel ?label . BIND("system" AS ?kind) BIND(true AS ?primary) }}
  UNION {{ ?s a pk:Task ; rdfs:label ?label . BIND("task" AS ?kind) BIND(true AS ?primary) }}
}}
"""


def term_key(text: str) -> str:
    """Matching key of what a user typed: normalized label (no quotes, spaces; half-width), 零 as 〇, lower case."""
    return normalize_label(text[: MAX_QUERY * 2]).replace("零", "〇").lower()[:MAX_QUERY]


@dataclass
class Entry:
    iri: str
    kind: str
    label: str
    keys: set[str] = field(default_factory=set)
    plan: tuple[str, str] | None = None  # (IRI, name) of the one plan a collective (各有关部门) or post belongs to


@dataclass
class Hit:
    iri: str
    kind: str
    label: str
    rank: tuple[int, int, int]
    plan: tuple[str, str] | None = None  # names the plan where one label stands for a node in each plan


class LabelIndex:
    """Every labelled plan, task, term, agency and system, searchable by any substring of a label."""

    def __init__(self, rows: list[dict[str, object]]) -> None:
        entries: dict[str, Entry] = {}
        has_primary: set[str] = set()
        for row in sorted(rows, key=lambda row: not row["primary"]):  # primary labels name the entry
            iri, kind, label = str(row["s"]), str(row["kind"]), str(row["label"])
            entry = entries.setdefault(iri, Entry(iri, kind, label))
            if row["primary"] and iri not in has_primary:
                entry.label = label
                has_primary.add(iri)
            entry.keys.add(term_key(label))
            if row.get("plan") is not None:
                entry.plan = (str(row["plan"]), str(row["planLabel"]))
        self.entries = list(entries.values())
        self.terms: dict[str, str] = {}  # key -> term IRI
        self._by_char: dict[str, set[int]] = {}
        for number, entry in enumerate(self.entries):
            entry.keys.discard("")
            if entry.kind == "term":
                for key in entry.keys:
                    self.terms.setdefault(key, entry.iri)
            for char in set("".join(entry.keys)):
                self._by_char.setdefault(char, set()).add(number)
        self._term_keys = sorted(self.terms, key=len, reverse=True)

    @classmethod
    def from_store(cls, store: Store) -> "LabelIndex":
        return cls(store.select(_LABELS_QUERY))

    def search(self, query: str, kinds: set[str] | None = None) -> list[Hit]:
        """Entries whose label contains the query, best first: exact, then prefix, then substring matches."""
        key = term_key(query)
        if not key:
            return []
        postings = sorted((self._by_char.get(char, set()) for char in set(key)), key=len)
        candidates = set.intersection(*postings) if postings else set()
        hits = []
        for number in candidates:
            entry = self.entries[number]
            if kinds and entry.kind not in kinds:
                continue
            quality = min(((0 if k == key else 1 if k.startswith(key) else 2) for k in entry.keys if key in k),
                          default=None)
            if quality is not None:
                rank = (quality, KIND_ORDER.index(entry.kind), len(entry.label))
                hits.append(Hit(entry.iri, entry.kind, entry.label, rank, entry.plan))
        hits.sort(key=lambda hit: (hit.rank, hit.label, hit.plan[1] if hit.plan else ""))
        return hits

    def find_term(self, query: str) -> str | None:
        """The term IRI for what a user typed: its exact key, else the longest known term inside it."""
        key = term_key(query)
        if key in self.terms:
            return self.terms[key]
        # A short query has fewer substrings than a corpus has terms: look each one up, longest first.
        # One character alone is too ambiguous to stand for a term.
        for length in range(len(key) - 1, 1, -1):
            for start in range(len(key) - length + 1):
                found = self.terms.get(key[start:start + length])
                if found:
                    return found
        return None

    def closest_terms(self, query: str, count: int = 5) -> list[Entry]:
        """Known terms nearest to an unknown query, by edit similarity of their keys."""
        key = term_key(query)
        close = difflib.get_close_matches(key, self._term_keys, n=count, cutoff=0.3)
        if len(close) < count:
            shared = [k for k in self._term_keys if set(k) & set(key) and k not in close]
            close += shared[: count - len(close)]
        by_iri = {entry.iri: entry for entry in self.entries if entry.kind == "term"}
        seen: list[str] = []
        for k in close:
            if self.terms[k] not in seen:
                seen.append(self.terms[k])
        return [by_iri[iri] for iri in seen]


class GenerationCache:
    """Values derived from the store, dropped when its generation changes.

    The generation is read at most once per ``check_every`` seconds: on an embedded store it costs a scan, and
    a cached answer must stay far cheaper than the request around it. Changes show within that interval.
    A value is computed once even when several threads ask for it together (the start-up warm-up and the first
    visitor): the others wait for it instead of computing it again.
    """

    def __init__(self, store: Store, check_every: float = 1.0) -> None:
        self.store = store
        self.check_every = check_every
        self._generation: str | None = None
        self._checked = 0.0
        self._values: dict[Hashable, object] = {}
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.RLock] = {}

    def _refresh(self) -> None:
        now = time.monotonic()
        if now - self._checked < self.check_every:
            return
        generation = self.store.generation()
        with self._lock:
            self._checked = now
            if generation != self._generation:
                self._generation = generation
                self._values = {}

    def peek(self, key: Hashable) -> object | None:
        """The cached value, or None when it is not (or no longer) cached."""
        self._refresh()
        return self._values.get(key)

    def put(self, key: Hashable, value: T) -> T:
        values = self._values
        if len(values) > 50_000:  # a crawler walking every URL must not grow memory without bound
            values.clear()
        values[key] = value
        return value

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        found = self.peek(key)
        if found is not None:
            return found  # type: ignore[return-value]
        with self._lock:
            computing = self._computing.setdefault(key, threading.RLock())
        with computing:
            found = self._values.get(key)
            if found is None:
                found = self.put(key, compute())
        with self._lock:
            if self._computing.get(key) is computing:
                del self._computing[key]
        return found  # type: ignore[return-value]

    def index(self) -> LabelIndex:
        return self.get("label-index", lambda: LabelIndex.from_store(self.store))
