"""Read a file of any supported format into a ``Document`` of clean text."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from plankg.ingest.facts import Document


def document_id(path: Path) -> str:
    """Stable slug of a file name: the id of its plan and named graph."""
    return re.sub(r"[^0-9A-Za-z\u4e00-\u9fff._-]+", "-", path.stem).strip("-") or "document"


def read_document(path: str | Path) -> Document:
    path = Path(path)
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    return Document(
        id=document_id(path),
        source=str(path),
        sha256=hashlib.sha256(raw).hexdigest(),
        format="txt",
        text=text,
        encoding="utf-8",
    )
