"""Running counts for the sourcing report, kept by triggers as quotes and speakers come and go,
so that a table by outlet and month over a million quotes reads a few thousand rows instead
of every quote (``store.report``).

- ``report_labels``: per outlet and month, how many quotes have each quote type and each
  speaker label (anonymity, role, gender), and how many sources (one speaker of one
  article) have each label: one row per label, so the report reads each count once;
- ``report_people``: quotes per outlet, month and corpus-wide speaker (distinct speakers
  and the most quoted), with indexes that hold each speaker's count per outlet-month, per
  outlet, per month and in all.

An outlet is its name ('' when unknown), a month the first seven characters of the date
('' when undated). Counts go up on insert, down on delete (a row at zero goes) and move on an
update of what keys them (a merge of two speakers, a relabelling); an article's speaker rows
are deleted before the article, while its outlet and date can still be read.
"""

from __future__ import annotations

import sqlite3

OUTLET = "COALESCE({row}.source, '')"
MONTH = "COALESCE(substr({row}.date, 1, 7), '')"
SPEAKER_LABELS = ("anonymity", "role", "gender")
QUOTE_LABELS = ("type", *SPEAKER_LABELS)
_ARTICLE = "(SELECT {} FROM articles a WHERE a.rowid = {row}.article_rowid)"


def _label(row: str, name: str) -> str:
    return f"{row}.type" if name == "type" else f"COALESCE({row}.{name}, 'unknown')"


def _label_keys(row: str, measure: str, dimension: str) -> dict[str, str]:
    """The keys of one label row: a quote's outlet and month are its own, a source's its
    article's."""
    if measure == "quotes":
        where = {"source": OUTLET.format(row=row), "month": MONTH.format(row=row)}
    else:
        where = {"source": _ARTICLE.format(OUTLET.format(row="a"), row=row),
                 "month": _ARTICLE.format(MONTH.format(row="a"), row=row)}  # fmt: skip
    return {"measure": f"'{measure}'", **where, "dimension": f"'{dimension}'",
            "label": _label(row, dimension)}  # fmt: skip


def _people_keys(row: str) -> dict[str, str]:
    return {"source": OUTLET.format(row=row), "month": MONTH.format(row=row),
            "person_id": f"{row}.person_id"}  # fmt: skip


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
    """CREATE TABLE IF NOT EXISTS report_labels (
        measure TEXT NOT NULL, source TEXT NOT NULL, month TEXT NOT NULL,
        dimension TEXT NOT NULL, label TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (measure, source, month, dimension, label)
    ) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS report_people (
        source TEXT NOT NULL, month TEXT NOT NULL, person_id INTEGER NOT NULL,
        quotes INTEGER NOT NULL,
        PRIMARY KEY (source, month, person_id)
    ) WITHOUT ROWID""",
    # the most quoted of an outlet-month, and each speaker's sum per outlet, per month and in
    # all (the report reads these without sorting the table)
    "CREATE INDEX IF NOT EXISTS report_people_cell ON report_people(source, month, quotes)",
    "CREATE INDEX IF NOT EXISTS report_people_outlet ON report_people(source, person_id, quotes)",
    "CREATE INDEX IF NOT EXISTS report_people_month ON report_people(month, person_id, quotes)",
    "CREATE INDEX IF NOT EXISTS report_people_person ON report_people(person_id, quotes)",
]


def _labels(row: str, measure: str, change) -> str:
    dimensions = QUOTE_LABELS if measure == "quotes" else SPEAKER_LABELS
    return " ".join(change("report_labels", "n", _label_keys(row, measure, d)) for d in dimensions)


def _triggers() -> dict[str, str]:
    new_quote, old_quote = _labels("new", "quotes", _add), _labels("old", "quotes", _remove)
    new_person = _add("report_people", "quotes", _people_keys("new"), _HAS_PERSON.format(row="new"))
    old_person = _remove("report_people", "quotes", _people_keys("old"),
                         _HAS_PERSON.format(row="old"))  # fmt: skip
    new_source, old_source = _labels("new", "sources", _add), _labels("old", "sources", _remove)
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


def fill(conn: sqlite3.Connection) -> None:
    """Count what the store holds into the (empty) report tables."""
    sources = "article_speakers s JOIN articles a ON a.rowid = s.article_rowid"
    for measure, dimensions, rows, row in (
        ("quotes", QUOTE_LABELS, "quotes q", "q"),
        ("sources", SPEAKER_LABELS, sources, "s"),
    ):
        outlet = OUTLET.format(row="q" if row == "q" else "a")
        month = MONTH.format(row="q" if row == "q" else "a")
        for dimension in dimensions:
            conn.execute(
                "INSERT INTO report_labels (measure, source, month, dimension, label, n)"
                f" SELECT '{measure}', {outlet}, {month}, '{dimension}', {_label(row, dimension)},"
                f" COUNT(*) FROM {rows} GROUP BY 2, 3, 5"
            )
    people = _people_keys("q")
    conn.execute(
        "INSERT INTO report_people (source, month, person_id, quotes)"
        f" SELECT {', '.join(people.values())}, COUNT(*) FROM quotes q"
        f" WHERE {_HAS_PERSON.format(row='q')} GROUP BY 1, 2, 3"
    )


def create(conn: sqlite3.Connection) -> None:
    """The report tables, counted afresh from the store, then the triggers that keep them
    (safe to apply again)."""
    triggers = _triggers()
    for name in triggers:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    for statement in TABLES:
        conn.execute(statement)
    for table in ("report_labels", "report_people"):
        conn.execute(f"DELETE FROM {table}")
    fill(conn)
    for name, body in triggers.items():
        conn.execute(f"CREATE TRIGGER {name} {body}")
