"""Mentions of terms and named systems (…中心, …平台, …系统, …工程, …机制, …队)."""

from __future__ import annotations

from plankg.ingest.facts import Document, Mention, TermSense


def extract_mentions(document: Document, terms: list[TermSense]) -> list[Mention]:
    return []  # placeholder until the mention extractor lands
