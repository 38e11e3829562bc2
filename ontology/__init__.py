"""The plankg ontology (OWL) and its SHACL shapes, shipped as package data."""

from pathlib import Path

ONTOLOGY = Path(__file__).with_name("plankg.ttl")
SHAPES = Path(__file__).with_name("shapes.ttl")
