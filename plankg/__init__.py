"""plankg: a knowledge graph of government plans.

Data flows one way: document -> text -> outline -> facts -> RDF -> store -> queries, views and API.
The design card's folders are mapped to subpackages: ``ingest/`` is ``plankg.ingest``, ``graph/`` is
``plankg.graph`` and so on (see ``pyproject.toml``).
"""

__version__ = "0.1.0"
