"""The REST API under /api: terms, search, plans, tasks, agencies."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
