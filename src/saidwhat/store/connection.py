"""Opening a store: one SQLite file in WAL mode (readers keep working while an ingest
writes), foreign keys on, upgraded in place by the migrations of ``store.schema`` it lacks,
and the write transactions everything else uses."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from saidwhat.errors import SaidwhatError
from saidwhat.store.schema import MIGRATIONS, SCHEMA_VERSION
from saidwhat.store.text import quote_tags

CACHE_KIB = 256 * 1024


OPEN_PATIENCE = 30.0  # seconds that opening a store waits out others creating or upgrading it


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (and create or upgrade, unless read-only) a store; rows come back as sqlite3.Row.

    Processes opening a new store together wait for one another: SQLite answers "database is
    locked" without waiting where a file turns to WAL mode under another connection (1 round
    in 10 of 4 processes did), so the opening is tried again, for up to ``OPEN_PATIENCE``."""
    path = Path(path)
    if readonly and not path.exists():
        raise SaidwhatError(f"{path}: no such corpus (run `saidwhat ingest ... --db {path}`)")
    deadline, pause = time.monotonic() + OPEN_PATIENCE, 0.01
    while True:
        try:
            return _connect(path, readonly)
        except _Locked as locked:
            if time.monotonic() + pause > deadline:
                raise SaidwhatError(f"{path}: not a saidwhat corpus ({locked})") from None
            time.sleep(pause)
            pause = min(pause * 2, 1.0)


class _Locked(Exception):
    """The store was locked by another process while being opened."""


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    conn = None
    try:
        if readonly:
            conn = sqlite3.connect(
                f"file:{path}?mode=ro", uri=True, check_same_thread=False, isolation_level=None
            )
        else:
            conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")  # the indexes' hot pages stay in memory
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.create_function("saidwhat_tags", 3, quote_tags, deterministic=True)
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn)
        elif (found := conn.execute("PRAGMA user_version").fetchone()[0]) != SCHEMA_VERSION:
            conn.close()
            if found > SCHEMA_VERSION:
                raise SaidwhatError(
                    f"{path}: corpus schema is version {found}, made by a newer saidwhat"
                    f" (this one reads version {SCHEMA_VERSION})"
                )
            raise SaidwhatError(
                f"{path}: corpus schema is version {found}, not version {SCHEMA_VERSION}:"
                f" run `saidwhat upgrade --db {path}` once to bring it up to date"
            )
    except sqlite3.DatabaseError as exc:
        if conn is not None:
            conn.close()
        if isinstance(exc, sqlite3.OperationalError) and (
            "locked" in str(exc) or "busy" in str(exc)
        ):
            raise _Locked(str(exc)) from None
        raise SaidwhatError(f"{path}: not a saidwhat corpus ({exc})") from None
    return conn


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations this store lacks; returns the version it is at afterwards.

    Safe when several processes open a new or old store at once (two ingests started
    together): the version is read again inside each write transaction, which SQLite grants
    to one connection at a time, so the others wait and then find the step done. A store
    already at this version is not locked at all."""
    if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return SCHEMA_VERSION
    while True:
        with transaction(conn):
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise SaidwhatError(
                    f"corpus schema version {version} is newer than this saidwhat"
                    f" ({SCHEMA_VERSION})"
                )
            if version == SCHEMA_VERSION:
                return SCHEMA_VERSION
            for step in MIGRATIONS[version]:
                if isinstance(step, str):
                    conn.execute(step)
                else:
                    step(conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One explicit write transaction (the connection runs in autocommit mode otherwise)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
