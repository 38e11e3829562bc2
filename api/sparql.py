"""The SPARQL 1.1 Protocol endpoint at /sparql and its query page."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
