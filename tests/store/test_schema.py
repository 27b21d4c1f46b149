"""The store file: versioned schema, forward migration, WAL, clear errors on foreign files."""

from __future__ import annotations

import sqlite3
import zlib

import pytest

from saidwhat.errors import SaidwhatError
from saidwhat.store import Corpus
from saidwhat.store.connection import connect, migrate
from saidwhat.store.schema import MIGRATIONS, SCHEMA_VERSION
from saidwhat.store.text import quote_tags


def test_new_store_is_at_the_current_version_in_wal_mode(tmp_path):
    conn = connect(tmp_path / "c.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_an_old_store_is_migrated_forward_and_migration_is_idempotent(tmp_path):
    path = tmp_path / "old.db"
    sqlite3.connect(path).close()  # an empty version-0 file
    conn = connect(path)
    assert migrate(conn) == SCHEMA_VERSION
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "quotes", "people", "clusters", "inputs"} <= tables


def test_a_store_from_a_newer_saidwhat_is_refused(tmp_path):
    path = tmp_path / "new.db"
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    with pytest.raises(SaidwhatError, match="newer"):
        connect(path)


def test_a_file_that_is_not_a_database_is_a_one_line_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite " * 100)
    with pytest.raises(SaidwhatError, match="not a saidwhat corpus"):
        Corpus(path)


def test_readonly_open_of_a_missing_corpus_says_how_to_make_one(tmp_path):
    with pytest.raises(SaidwhatError, match="saidwhat ingest"):
        Corpus(tmp_path / "missing.db", readonly=True)


def old_store(path, version: int) -> None:
    """A store as saidwhat at schema ``version`` left it: one article, two quotes of Ada Quill
    in Coast Wire, dated a month apart (the older one stored last)."""
    raw = sqlite3.connect(path)
    raw.create_function("saidwhat_tags", 3, quote_tags)
    for migration in MIGRATIONS[:version]:
        for statement in migration:
            raw.execute(statement)
    raw.execute(f"PRAGMA user_version = {version}")
    raw.execute(
        "INSERT INTO articles (id, text_hash, source, ingested_at, record)"
        " VALUES ('a1', 'h', 'Coast Wire', 'now', ?)",
        (zlib.compress(b'{"id": "a1", "text": "x"}'),),
    )
    raw.execute("INSERT INTO people (id, name, kind) VALUES (7, 'Ada Quill', 'person')")
    raw.execute("INSERT INTO aliases VALUES (7, 'Ada Quill', 'ada quill')")
    for quote_id, words, day in [("q0", "The harbour stays open", "2024-05-01"),
                                 ("q1", "The quay is closed", "2024-04-01")]:  # fmt: skip
        raw.execute(
            "INSERT INTO quotes (article_rowid, quote_id, text, type, start, end, confidence,"
            " person_id, source, date) VALUES (1, ?, ?, 'direct', 0, 1, 0.9, 7, 'Coast Wire', ?)",
            (quote_id, words, day),
        )
    raw.commit()
    raw.close()


def test_a_version_1_store_with_quotes_gains_filter_tags(tmp_path):
    """Migration 2 rebuilds the full-text index with speaker/outlet/type tags in place."""
    path = tmp_path / "v1.db"
    old_store(path, 1)
    corpus = Corpus(path)
    assert corpus.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    [hit] = corpus.search("harbour", speaker="Ada Quill", source="coast wire", type="direct")
    assert hit.speaker == "Ada Quill"
    assert corpus.search("harbour", type="indirect") == []


def listing_plan(corpus: Corpus, **filters: str) -> str:
    """The query plan of the SQL a newest-first listing runs (traced with its values)."""
    statements: list[str] = []
    corpus.conn.set_trace_callback(statements.append)
    corpus.search("", **filters)
    corpus.conn.set_trace_callback(None)
    [listing] = [s for s in statements if "ORDER BY q.date DESC" in s]
    return " ".join(r["detail"] for r in corpus.conn.execute(f"EXPLAIN QUERY PLAN {listing}"))


def test_a_version_2_store_gains_the_date_index_for_newest_first_listing(tmp_path):
    """Migration 3: the listing without words reads the date index backwards, no sort."""
    path = tmp_path / "v2.db"
    old_store(path, 2)
    corpus = Corpus(path)
    assert corpus.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    indexes = {r[0] for r in corpus.conn.execute("SELECT name FROM sqlite_master")}
    assert "quotes_date" in indexes
    plan = listing_plan(corpus)
    assert "quotes_date" in plan and "TEMP B-TREE" not in plan
    assert [h.quote_id for h in corpus.search("")] == ["q0", "q1"]
    assert [h.quote_id for h in corpus.search("", until="2024-04")] == ["q1"]
    assert [h.quote_id for h in corpus.search("", until="2024-04-01")] == ["q1"]
    # an until date starts the scan there instead of skipping every newer quote
    assert "quotes_date (date<?)" in listing_plan(corpus, until="2024-04")


def test_readers_keep_working_while_a_writer_holds_a_transaction(tmp_path):
    path = tmp_path / "c.db"
    writer = Corpus(path)
    writer.conn.execute("BEGIN IMMEDIATE")
    writer.conn.execute(
        "INSERT INTO inputs (origin, status, seen_at) VALUES ('x', 'skipped', 'now')"
    )
    reader = Corpus(path, readonly=True)
    assert reader.stats().inputs == 0  # sees the last commit, is not blocked
    writer.conn.execute("COMMIT")
    assert reader.stats().inputs == 1
