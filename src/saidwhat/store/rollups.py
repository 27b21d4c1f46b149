"""Running counts for the sourcing report, kept by triggers as quotes and speakers come and go,
so that a table by outlet and month over a million quotes reads a few thousand rows instead
of every quote (``store.report``).

- ``report_quotes``: quotes by outlet, month, quote type and their speaker's anonymity, role
  and gender;
- ``report_sources``: sources (one speaker of one article) by outlet, month and the same
  labels;
- ``report_people``: quotes by outlet, month and corpus-wide speaker (distinct sources and
  the most quoted).

An outlet is its name ('' when unknown), a month the first seven characters of the date
('' when undated). Counts go up on insert, down on delete (a row at zero goes) and move on an
update of what keys them (a merge of two speakers, a relabelling); an article's speaker rows
are deleted before the article, while its outlet and date can still be read.
"""

from __future__ import annotations

import sqlite3

OUTLET = "COALESCE({row}.source, '')"
MONTH = "COALESCE(substr({row}.date, 1, 7), '')"
LABELS = ("anonymity", "role", "gender")


def _label(row: str, name: str) -> str:
    return f"COALESCE({row}.{name}, 'unknown')"


def _quote_keys(row: str) -> dict[str, str]:
    keys = {"source": OUTLET.format(row=row), "month": MONTH.format(row=row), "type": f"{row}.type"}
    return keys | {name: _label(row, name) for name in LABELS}


def _people_keys(row: str) -> dict[str, str]:
    return {"source": OUTLET.format(row=row), "month": MONTH.format(row=row),
            "person_id": f"{row}.person_id"}  # fmt: skip


def _source_keys(row: str) -> dict[str, str]:
    article = f"(SELECT {{}} FROM articles a WHERE a.rowid = {row}.article_rowid)"
    return {"source": article.format(OUTLET.format(row="a")),
            "month": article.format(MONTH.format(row="a"))} | {
        name: _label(row, name) for name in LABELS
    }  # fmt: skip


def _add(table: str, count: str, keys: dict[str, str], when: str = "") -> str:
    columns = ", ".join(keys)
    values = ", ".join(keys.values())
    condition = f" WHERE {when}" if when else " WHERE 1"  # an upsert from SELECT needs one
    return (
        f"INSERT INTO {table} ({columns}, {count}) SELECT {values}, 1{condition}"
        f" ON CONFLICT DO UPDATE SET {count} = {count} + 1;"
    )


def _remove(table: str, count: str, keys: dict[str, str], when: str = "") -> str:
    match = " AND ".join(f"{column} = {value}" for column, value in keys.items())
    guard = f"{when} AND " if when else ""
    return (
        f"UPDATE {table} SET {count} = {count} - 1 WHERE {guard}{match};"
        f" DELETE FROM {table} WHERE {guard}{match} AND {count} <= 0;"
    )


_QUOTE_KEYED = "person_id, source, date, type, anonymity, role, gender"
_HAS_PERSON = "{row}.person_id IS NOT NULL"

TABLES = [
    """CREATE TABLE IF NOT EXISTS report_quotes (
        source TEXT NOT NULL, month TEXT NOT NULL, type TEXT NOT NULL,
        anonymity TEXT NOT NULL, role TEXT NOT NULL, gender TEXT NOT NULL,
        quotes INTEGER NOT NULL,
        PRIMARY KEY (source, month, type, anonymity, role, gender)
    ) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS report_sources (
        source TEXT NOT NULL, month TEXT NOT NULL,
        anonymity TEXT NOT NULL, role TEXT NOT NULL, gender TEXT NOT NULL,
        sources INTEGER NOT NULL,
        PRIMARY KEY (source, month, anonymity, role, gender)
    ) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS report_people (
        source TEXT NOT NULL, month TEXT NOT NULL, person_id INTEGER NOT NULL,
        quotes INTEGER NOT NULL,
        PRIMARY KEY (source, month, person_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS report_people_person ON report_people(person_id)",
]


def _triggers() -> dict[str, str]:
    new_quote = _add("report_quotes", "quotes", _quote_keys("new"))
    old_quote = _remove("report_quotes", "quotes", _quote_keys("old"))
    new_person = _add("report_people", "quotes", _people_keys("new"), _HAS_PERSON.format(row="new"))
    old_person = _remove("report_people", "quotes", _people_keys("old"),
                         _HAS_PERSON.format(row="old"))  # fmt: skip
    new_source = _add("report_sources", "sources", _source_keys("new"))
    old_source = _remove("report_sources", "sources", _source_keys("old"))
    return {
        "report_quote_in": f"AFTER INSERT ON quotes BEGIN {new_quote} {new_person} END",
        "report_quote_out": f"AFTER DELETE ON quotes BEGIN {old_quote} {old_person} END",
        "report_quote_moved": f"AFTER UPDATE OF {_QUOTE_KEYED} ON quotes BEGIN"
        f" {old_quote} {old_person} {new_quote} {new_person} END",
        "report_source_in": f"AFTER INSERT ON article_speakers BEGIN {new_source} END",
        "report_source_out": f"AFTER DELETE ON article_speakers BEGIN {old_source} END",
        "report_source_moved": "AFTER UPDATE OF anonymity, role, gender ON article_speakers"
        f" BEGIN {old_source} {new_source} END",
        # an article's speakers go first, while the article still says its outlet and date
        "report_article_out": "BEFORE DELETE ON articles BEGIN"
        " DELETE FROM article_speakers WHERE article_rowid = old.rowid; END",
    }


def _grouped(table: str, count: str, keys: dict[str, str], source: str, when: str = "") -> str:
    columns = ", ".join(keys)
    values = ", ".join(keys.values())
    condition = f" WHERE {when}" if when else ""
    return (
        f"INSERT INTO {table} ({columns}, {count}) SELECT {values}, COUNT(*) FROM {source}"
        f"{condition} GROUP BY {', '.join(str(n) for n in range(1, len(keys) + 1))}"
    )


def fill(conn: sqlite3.Connection) -> None:
    """Count what the store holds into the (empty) report tables."""
    conn.execute(_grouped("report_quotes", "quotes", _quote_keys("q"), "quotes q"))
    conn.execute(
        _grouped(
            "report_people", "quotes", _people_keys("q"), "quotes q", _HAS_PERSON.format(row="q")
        )  # fmt: skip
    )
    keys = {"source": OUTLET.format(row="a"), "month": MONTH.format(row="a")}
    keys |= {name: _label("s", name) for name in LABELS}
    conn.execute(
        _grouped(
            "report_sources",
            "sources",
            keys,
            "article_speakers s JOIN articles a ON a.rowid = s.article_rowid",
        )  # fmt: skip
    )


def create(conn: sqlite3.Connection) -> None:
    """The report tables, counted afresh from the store, then the triggers that keep them
    (safe to apply again)."""
    triggers = _triggers()
    for name in triggers:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    for statement in TABLES:
        conn.execute(statement)
    for table in ("report_quotes", "report_sources", "report_people"):
        conn.execute(f"DELETE FROM {table}")
    fill(conn)
    for name, body in triggers.items():
        conn.execute(f"CREATE TRIGGER {name} {body}")
