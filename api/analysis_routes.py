"""REST endpoints of the dependency analysis under /api/analysis."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
