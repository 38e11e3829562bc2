"""The heading hierarchy: 第一章, 一、, (一), 1., 1、, (1), ①, 一是 …"""

from __future__ import annotations

from plankg.ingest.facts import Document, Heading


def extract_outline(document: Document) -> list[Heading]:
    return []  # placeholder until the outline extractor lands
