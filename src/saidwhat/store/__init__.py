"""The corpus store: articles, quotes, corpus-wide speakers and quote clusters in one SQLite
file with full-text search. ``Corpus`` is the Python API; ``ingest_articles`` the writer;
``QuoteFilters`` the filters every listing shares. The store takes records: reading and
extracting happen above it (``saidwhat.ingestion``)."""

from saidwhat.store.corpus import Corpus
from saidwhat.store.filters import QuoteFilters
from saidwhat.store.writer import ingest_articles

__all__ = ["Corpus", "QuoteFilters", "ingest_articles"]
