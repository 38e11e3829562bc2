"""HTML entity pages: home, plan, term, agency, task, and IRI resolution at /id/…."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
