"""The corpus store: articles, quotes, corpus-wide speakers and quote clusters in one SQLite
file with full-text search. ``Corpus`` is the Python API; ``ingest_articles`` the writer."""

from saidwhat.store.corpus import Corpus
from saidwhat.store.writer import ingest_articles, ingest_documents

__all__ = ["Corpus", "ingest_articles", "ingest_documents"]
