"""Prerequisites between tasks, systems and goals, from cues, table order and builds/relies-on."""

from __future__ import annotations

from plankg.ingest.facts import Document, Heading, Mention, Prerequisite, Task


def extract_prerequisites(
    document: Document, headings: list[Heading], tasks: list[Task], mentions: list[Mention]
) -> list[Prerequisite]:
    return []  # placeholder until the prerequisite extractor lands
