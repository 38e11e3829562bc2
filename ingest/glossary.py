"""Glossary senses: 名词解释 entries, inline definitions and undefined shorthand."""

from __future__ import annotations

from plankg.ingest.facts import Document, Heading, TermSense


def extract_terms(document: Document, headings: list[Heading]) -> list[TermSense]:
    return []  # placeholder until the glossary extractor lands
