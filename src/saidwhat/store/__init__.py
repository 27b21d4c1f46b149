"""The corpus store: articles, quotes, corpus-wide speakers and quote clusters in one SQLite
file with full-text search. ``Corpus`` is the Python API; ``QuoteFilters`` the filters every
listing shares; ``store.writer.ingest_articles`` the writer. The store takes records: reading
and extracting happen above it (``saidwhat.ingestion``)."""

from saidwhat.store.corpus import Corpus
from saidwhat.store.filters import QuoteFilters

__all__ = ["Corpus", "QuoteFilters"]
