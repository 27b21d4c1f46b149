"""What the API and the search page share: the search filters as query parameters, the
pagination cursor, and the corpus opened for this app."""

from __future__ import annotations

import math
import re
import threading
import time
from collections.abc import Callable
from typing import Generic, NamedTuple, TypeVar

from fastapi import HTTPException, Request
from pydantic import ConfigDict, Field

from saidwhat.store import Corpus, QuoteFilters
from saidwhat.store.models import CorpusStats, QuoteHit, SpeakerSummary
from saidwhat.store.search import Sort

MAX_LIMIT = 100
MAX_OFFSET = 10_000  # deeper pages are better served by narrower filters
# A cursor is the offset of the next page, 0 to MAX_OFFSET: a pattern the schema publishes,
# so that every cursor the schema allows is one the server takes (a base64 one could not be
# described: schema-valid cursors were refused).
CURSOR = re.compile(r"^(\d{1,4}|10000)?$")  # empty: the first page
T = TypeVar("T")


class Cached(Generic[T]):
    """A value recomputed at most every ``seconds``: corpus-wide figures shown around every
    page (counts, top speakers) cost a full scan on a big corpus; an ingest running beside
    the server shows up within that time."""

    def __init__(self, compute: Callable[[], T], seconds: float = 300.0) -> None:
        self.compute = compute
        self.seconds = seconds
        self._value: T | None = None
        self._at = -math.inf
        self._lock = threading.Lock()

    def get(self) -> T:
        with self._lock:
            if self._value is None or time.monotonic() - self._at > self.seconds:
                self._value, self._at = self.compute(), time.monotonic()
            return self._value


class Overview(NamedTuple):
    """What the search page shows around the results: corpus size and names to pick from."""

    stats: CorpusStats
    top_speakers: list[SpeakerSummary]


def corpus(request: Request) -> Corpus:
    """The app's read-only corpus (one SQLite connection per worker thread)."""
    return request.app.state.corpus


class SearchQuery(QuoteFilters):
    """The question of ``saidwhat search`` as query parameters: words and the filters every
    listing shares (one record, validated once: ``store.filters.QuoteFilters``)."""

    model_config = ConfigDict(extra="ignore")  # each route reads its own paging parameters

    text: str = Field("", max_length=500, description='words, "phrases", prefix*, OR, NOT')
    sort: Sort = Field(
        "relevance",
        description="relevance (best first), newest or oldest first; without words, by date",
    )

    def filters(self) -> QuoteFilters:
        """The filters alone, for Corpus.search."""
        return QuoteFilters(**self.model_dump(exclude={"text", "sort"}))


def encode_cursor(offset: int) -> str:
    return str(offset)


def decode_cursor(cursor: str | None) -> int:
    """The offset a cursor stands for; 400 for anything else."""
    if not cursor:
        return 0
    if not CURSOR.match(cursor):
        raise HTTPException(400, "invalid cursor (use next_cursor from a previous page)")
    return int(cursor)


def search_page(
    store: Corpus, query: SearchQuery, limit: int, cursor: str | None
) -> tuple[list[QuoteHit], str | None]:
    """One page of hits and the cursor of the next page (None on the last one)."""
    offset = decode_cursor(cursor)
    hits = store.search(
        query.text, filters=query.filters(), limit=limit + 1, offset=offset, sort=query.sort
    )
    more = len(hits) > limit and offset + limit <= MAX_OFFSET
    return hits[:limit], encode_cursor(offset + limit) if more else None
