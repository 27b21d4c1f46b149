"""Extraction on the spot for the API and the paste page: one spaCy pipeline shared by the
server's worker threads, used by one request at a time (spaCy pipelines are not documented
as thread-safe, and two parses at once would only compete for the same cores)."""

from __future__ import annotations

import threading

from saidwhat.errors import InputError
from saidwhat.pipeline import extract, extract_many
from saidwhat.read.url import AddressGuard, fetch_document
from saidwhat.records import Article, Skipped

_lock = threading.Lock()


def extract_article(text: str, **metadata: str | None) -> Article:
    """The Article record of a pasted text or HTML page; raises InputError when there is none."""
    with _lock:
        return extract(text, **metadata)


def extract_url(url: str, guard: AddressGuard) -> Article:
    """Fetch the page a visitor asked for (the only network use) and extract it; the guard
    keeps the fetch off the server's own network."""
    document = fetch_document(url, guard=guard)
    with _lock:
        result = next(extract_many([document]))
    if isinstance(result, Skipped):
        raise InputError(result.origin, result.reason)
    return result
