"""The SPARQL 1.1 Graph Store HTTP Protocol at /store (writes need the bearer token)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
