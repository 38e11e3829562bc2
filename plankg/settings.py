"""Settings shared by the commands: where the store is, the bundled corpus, the access token."""

from __future__ import annotations

import os
from pathlib import Path

import click

SAMPLE_CORPUS = Path(__file__).resolve().parent.parent / "corpus"
DEFAULT_STORE = os.environ.get("PLANKG_STORE", "data/store")

store_option = click.option(
    "--store",
    default=DEFAULT_STORE,
    show_default=True,
    envvar="PLANKG_STORE",
    help="Data directory of the embedded store, or the URL of a SPARQL 1.1 endpoint (http://host/…).",
)
