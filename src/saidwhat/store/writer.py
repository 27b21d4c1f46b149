"""Writing into the store: Article records (from extraction or from Parquet results) in
per-batch transactions, with every input logged as ingested or skipped.

Idempotent: an article is keyed by ``Article.id`` (given id, else URL, else text hash); one
with the same text hash is left alone, one with a different text hash is replaced (its quotes
and speaker links go, the new ones come). Resumable: a killed ingest loses at most its open
batch, and a rerun skips every input already ingested unchanged *before* extracting it.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from itertools import islice

from saidwhat.lang.dates import normalise_published
from saidwhat.records import Article, Document, Quote, Skipped
from saidwhat.store.answers import link_named, write_answers
from saidwhat.store.clusters import assign_cluster
from saidwhat.store.connection import transaction
from saidwhat.store.models import IngestReport
from saidwhat.store.people import drop_orphans, rebuild_roles, resolve_article
from saidwhat.store.sourcing import labels
from saidwhat.store.text import quote_tags

Progress = Callable[[IngestReport], None]


def content_hash(*parts: str | None) -> str:
    """A hex digest of some text fields (None and '' differ)."""
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(b"\x00" if part is None else b"\x01" + part.encode("utf-8") + b"\x02")
    return digest.hexdigest()


def input_hash(document: Document) -> str:
    """What makes an input the same input: its identity fields and its content."""
    return content_hash(document.id, document.url, document.text, document.html)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def ingest_articles(
    conn: sqlite3.Connection,
    items: Iterable[Article | Skipped],
    *,
    batch_size: int = 100,
    force: bool = False,
    input_hashes: dict[str, str] | None = None,
    progress: Progress | None = None,
    report: IngestReport | None = None,
) -> IngestReport:
    """Write a stream of Article (or Skipped) records, one transaction per ``batch_size``.

    ``input_hashes`` maps an origin to the hash of the input it was read from (so a rerun can
    skip it before extraction); ``force`` rewrites articles even when their text is unchanged
    (after a better extractor). ``progress`` is called after every record. This is the function
    ``saidwhat load`` calls to merge extraction results.
    """
    report = report or IngestReport()
    started = time.monotonic() - report.seconds
    touched: set[int] = set()
    hashes = input_hashes if input_hashes is not None else {}
    iterator = iter(items)
    while batch := list(islice(iterator, batch_size)):
        with transaction(conn):
            for item in batch:
                _write_item(conn, item, force, hashes, touched, report)
                report.seconds = time.monotonic() - started
                if progress:
                    progress(report)
    if report.articles:  # answers to names nobody bore before may be linked now
        with transaction(conn):
            link_named(conn)
    if touched:
        with transaction(conn):
            rebuild_roles(conn, touched)
            drop_orphans(conn)
            conn.execute(
                "DELETE FROM clusters WHERE id NOT IN"
                " (SELECT cluster_id FROM quotes WHERE cluster_id IS NOT NULL)"
            )
    report.seconds = time.monotonic() - started
    return report


def _write_item(
    conn: sqlite3.Connection,
    item: Article | Skipped,
    force: bool,
    input_hashes: dict[str, str],
    touched: set[int],
    report: IngestReport,
) -> None:
    if isinstance(item, Skipped):
        _log_input(conn, item.origin, "skipped", item.reason, None, None)
        report.skipped += 1
        return
    origin = item.origin or item.id
    written, replaced = _write_article(conn, item, force, touched)
    replaced = _drop_superseded(conn, origin, item.id, touched) or replaced
    _log_input(conn, origin, "ingested", None, input_hashes.pop(origin, None), item.id)
    if not written:
        report.unchanged += 1
        return
    report.articles += 1
    report.changed += replaced
    report.quotes += len(item.quotes)


def _drop_superseded(
    conn: sqlite3.Connection, origin: str, article_id: str, touched: set[int]
) -> bool:
    """An input whose text changed and that has no id or URL becomes a new article identity
    (its text hash); the article it used to be goes, unless another input still holds it."""
    row = conn.execute("SELECT article_id FROM inputs WHERE origin = ?", (origin,)).fetchone()
    if row is None or row[0] is None or row[0] == article_id:
        return False
    shared = conn.execute(
        "SELECT 1 FROM inputs WHERE article_id = ? AND origin != ? LIMIT 1", (row[0], origin)
    ).fetchone()
    old = conn.execute("SELECT rowid FROM articles WHERE id = ?", (row[0],)).fetchone()
    if shared or old is None:
        return False
    _delete_article(conn, old[0], touched)
    return True


def _delete_article(conn: sqlite3.Connection, rowid: int, touched: set[int]) -> None:
    """Remove an article with its quotes and speaker links; its people get their roles
    recounted (and are dropped if nothing else speaks of them) at the end of the ingest."""
    touched.update(
        r[0]
        for r in conn.execute(
            "SELECT person_id FROM article_speakers WHERE article_rowid = ?", (rowid,)
        )
    )
    conn.execute("DELETE FROM quotes WHERE article_rowid = ?", (rowid,))
    conn.execute("DELETE FROM articles WHERE rowid = ?", (rowid,))


def _log_input(
    conn: sqlite3.Connection,
    origin: str,
    status: str,
    reason: str | None,
    digest: str | None,
    article_id: str | None,
) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO inputs (origin, status, reason, input_hash, article_id, seen_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (origin, status, reason, digest, article_id, _now()),
    )


def _write_article(
    conn: sqlite3.Connection, article: Article, force: bool, touched: set[int]
) -> tuple[bool, bool]:
    """Insert or replace one article; returns (written, replaced an older version)."""
    text_hash = content_hash(article.text)
    old = conn.execute(
        "SELECT rowid, text_hash FROM articles WHERE id = ?", (article.id,)
    ).fetchone()
    if old and old[1] == text_hash and not force:
        return False, False
    if old:
        _delete_article(conn, old[0], touched)
    date = normalise_published(article.published)
    record = zlib.compress(article.model_dump_json(exclude_none=True).encode("utf-8"), 6)
    rowid = conn.execute(
        "INSERT INTO articles (id, text_hash, source, url, published, date, title, origin,"
        " ingested_at, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article.id,
            text_hash,
            article.source,
            article.url,
            article.published,
            date,
            article.title or article.headline,
            article.origin,
            _now(),
            record,
        ),
    ).lastrowid
    people = resolve_article(conn, rowid, article, date)
    # One by one, shortest first: each quote's cluster sees the article's quotes before it,
    # so a long span that contains another quote of the same article does not swallow it.
    # A quote with no content of its own is in no cluster (cluster_id NULL).
    own: set[int] = set()
    rowids: dict[str, int] = {}
    said = [(quote_words(article, quote), quote) for quote in article.quotes]
    for words, quote in sorted(said, key=lambda pair: len(pair[0])):
        person_id = people.get(quote.speaker_id) if quote.speaker_id else None
        cluster_id = assign_cluster(conn, words, own, person_id, quote.type)
        if cluster_id is not None:
            own.add(cluster_id)
        rowids[quote.id] = conn.execute(
            "INSERT INTO quotes (article_rowid, quote_id, text, type, start, end, confidence,"
            " speaker_id, person_id, cluster_id, source, date, tags, anonymity, role, gender)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                rowid,
                quote.id,
                words,
                quote.type,
                quote.start,
                quote.end,
                quote.confidence,
                quote.speaker_id,
                person_id,
                cluster_id,
                article.source,
                date,
                quote_tags(person_id, article.source, quote.type),
                *labels(article.speaker(quote.speaker_id)),
            ),
        ).lastrowid
    write_answers(conn, rowid, article, people, rowids)
    return True, old is not None


def quote_words(article: Article, quote: Quote) -> str:
    """What was said, without the cue: a split quote's fragments joined by an ellipsis
    ("We have asked …," he said. "Nobody should …" -> "We have asked …, … Nobody should …").
    This is the wording the store searches, clusters and shows."""
    pieces = [article.text[s:e].strip() for s, e in quote.fragments if e > s]
    if len(pieces) < 2 or not all(pieces):
        return quote.text
    return " … ".join(pieces)


def unchanged_input(conn: sqlite3.Connection, document: Document) -> bool:
    """Whether this input (same origin) was ingested before from identical content."""
    row = conn.execute(
        "SELECT 1 FROM inputs WHERE origin = ? AND input_hash = ? AND status = 'ingested'",
        (document.origin, input_hash(document)),
    ).fetchone()
    return row is not None
