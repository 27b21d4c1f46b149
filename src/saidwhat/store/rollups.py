"""Running counts for the sourcing report, kept by triggers as articles, quotes and speakers
come and go, so that a table by outlet and month over a million quotes reads one row per
outlet-month instead of every quote (``store.report``).

- ``report_cells``: per outlet and month, one row: articles, quotes, sources (one speaker of
  one article), and a column per label — quotes by quote type and by their speaker's
  anonymity, role and gender, sources by anonymity, role and gender. One wide row per cell
  (1,440 rows for 60 outlets over two years), summed in SQL for an outlet, a month or all:
  a row per cell and label was 44,000 rows to read and add up in Python;
- ``report_people``: quotes per outlet, month and corpus-wide speaker (distinct speakers
  and the most quoted), with indexes that hold each speaker's count per outlet-month, per
  outlet, per month and in all; each cell also counts its distinct speakers;
- ``report_speakers``: quotes per speaker in all, by count (the whole corpus's speakers
  without summing report_people).

An outlet is its name ('' when unknown), a month the first seven characters of the date
('' when undated). Counts go up on insert, down on delete (a cell at zero goes) and move on
an update of what keys them (a merge of two speakers, a relabelling); an article's speaker
rows are deleted before the article, while its outlet and date can still be read.
"""

from __future__ import annotations

import sqlite3
from typing import get_args

from saidwhat.records import Anonymity, Gender, QuoteType, SourceRole

OUTLET = "COALESCE({row}.source, '')"
MONTH = "COALESCE(substr({row}.date, 1, 7), '')"
SPEAKER_LABELS = ("anonymity", "role", "gender")
QUOTE_LABELS = ("type", *SPEAKER_LABELS)
LABELS: dict[str, tuple[str, ...]] = {
    "anonymity": get_args(Anonymity),
    "role": get_args(SourceRole),
    "gender": get_args(Gender),
    "type": get_args(QuoteType),
}
MEASURES = {"quotes": QUOTE_LABELS, "sources": SPEAKER_LABELS}
COUNTS = ("articles", "quotes", "sources")


def column(measure: str, dimension: str, label: str) -> str:
    """The column of report_cells counting a measure's label ("sources_gender_female")."""
    return f"{measure}_{dimension}_{label}"


def label_columns(measure: str) -> list[tuple[str, str, str]]:
    """(column, dimension, label) of each label a measure is counted by."""
    return [
        (column(measure, dimension, label), dimension, label)
        for dimension in MEASURES[measure]
        for label in LABELS[dimension]
    ]


CELL_COLUMNS = [*COUNTS, *(c for m in MEASURES for c, _, _ in label_columns(m))]


def _label(row: str, dimension: str) -> str:
    return f"{row}.type" if dimension == "type" else f"COALESCE({row}.{dimension}, 'unknown')"


def label_sums(measure: str, row: str) -> list[str]:
    """A measure's counts of the rows ``row`` names, in the order of report_cells' columns
    (the SQL of a GROUP BY: COUNT(*) and one SUM per label)."""
    return ["COUNT(*)"] + [f"SUM({_label(row, d)} = '{label}')" for _, d, label in
                           label_columns(measure)]  # fmt: skip


def _cell_keys(row: str, measure: str) -> tuple[str, str]:
    """A quote's outlet and month are its own; a source's and an article's its article's."""
    if measure != "sources":
        return OUTLET.format(row=row), MONTH.format(row=row)
    article = "(SELECT {} FROM articles a WHERE a.rowid = {row}.article_rowid)"
    return (article.format(OUTLET.format(row="a"), row=row),
            article.format(MONTH.format(row="a"), row=row))  # fmt: skip


def _cell_change(row: str, measure: str, sign: str) -> str:
    """Add (sign '+') or take away (sign '-') one row of a measure in its cell."""
    source, month = _cell_keys(row, measure)
    where = f"source = {source} AND month = {month}"
    sets = [f"{measure} = {measure} {sign} 1"]
    if measure != "articles":
        sets += [f"{c} = {c} {sign} ({_label(row, d)} = '{label}')"
                 for c, d, label in label_columns(measure)]  # fmt: skip
    change = f"UPDATE report_cells SET {', '.join(sets)} WHERE {where};"
    if sign == "+":
        return (
            f"INSERT INTO report_cells (source, month) VALUES ({source}, {month})"
            f" ON CONFLICT DO NOTHING; {change}"
        )
    empty = " AND ".join(f"{name} <= 0" for name in COUNTS)
    return f"{change} DELETE FROM report_cells WHERE {where} AND {empty};"


def _people_keys(row: str) -> dict[str, str]:
    return {"source": OUTLET.format(row=row), "month": MONTH.format(row=row),
            "person_id": f"{row}.person_id"}  # fmt: skip


def _speaker_keys(row: str) -> dict[str, str]:
    return {"person_id": f"{row}.person_id"}


def _person_add(row: str, table: str, keys: dict[str, str]) -> str:
    return (
        f"INSERT INTO {table} ({', '.join(keys)}, quotes)"
        f" SELECT {', '.join(keys.values())}, 1 WHERE {row}.person_id IS NOT NULL"
        " ON CONFLICT DO UPDATE SET quotes = quotes + 1;"
    )


def _person_remove(table: str, keys: dict[str, str]) -> str:
    match = " AND ".join(f"{name} = {value}" for name, value in keys.items())
    return (
        f"UPDATE {table} SET quotes = quotes - 1 WHERE {match};"
        f" DELETE FROM {table} WHERE {match} AND quotes <= 0;"
    )


def _people_in(row: str) -> str:
    return (
        _person_add(row, "report_people", _people_keys(row))
        + " "
        + _person_add(row, "report_speakers", _speaker_keys(row))
    )


def _people_out(row: str) -> str:
    return (
        _person_remove("report_people", _people_keys(row))
        + " "
        + _person_remove("report_speakers", _speaker_keys(row))
    )


_QUOTE_KEYED = "person_id, source, date, type, anonymity, role, gender"

TABLES = [
    "CREATE TABLE IF NOT EXISTS report_cells (source TEXT NOT NULL, month TEXT NOT NULL, "
    + ", ".join(f"{name} INTEGER NOT NULL DEFAULT 0" for name in (*CELL_COLUMNS, "speakers"))
    + ", PRIMARY KEY (source, month)) WITHOUT ROWID",
    """CREATE TABLE IF NOT EXISTS report_people (
        source TEXT NOT NULL, month TEXT NOT NULL, person_id INTEGER NOT NULL,
        quotes INTEGER NOT NULL,
        PRIMARY KEY (source, month, person_id)
    ) WITHOUT ROWID""",
    # the most quoted of an outlet-month in the order asked (the first three read, no sort),
    # and each speaker's sum per outlet, per month and in all (no sort of the table)
    "CREATE INDEX IF NOT EXISTS report_people_cell"
    " ON report_people(source, month, quotes DESC, person_id)",
    "CREATE INDEX IF NOT EXISTS report_people_outlet ON report_people(source, person_id, quotes)",
    "CREATE INDEX IF NOT EXISTS report_people_month ON report_people(month, person_id, quotes)",
    "CREATE INDEX IF NOT EXISTS report_people_person ON report_people(person_id, quotes)",
    # each speaker's quotes in all: the whole corpus's distinct and most quoted speakers
    """CREATE TABLE IF NOT EXISTS report_speakers (
        person_id INTEGER PRIMARY KEY, quotes INTEGER NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS report_speakers_most ON report_speakers(quotes DESC, person_id)",
]
# a cell's distinct speakers: its rows of report_people
_SPEAKERS_OF_CELLS = (
    "UPDATE {table} SET speakers = (SELECT COUNT(*) FROM {people} p"
    " WHERE p.source = {table}.source AND p.month = {table}.month)"
)


def _triggers() -> dict[str, str]:
    quote_in = f"{_cell_change('new', 'quotes', '+')} {_people_in('new')}"
    quote_out = f"{_cell_change('old', 'quotes', '-')} {_people_out('old')}"
    cell = "WHERE source = {row}.source AND month = {row}.month"
    source_in, source_out = _cell_change("new", "sources", "+"), _cell_change("old", "sources", "-")
    return {
        "report_quote_in": f"AFTER INSERT ON quotes BEGIN {quote_in} END",
        "report_quote_out": f"AFTER DELETE ON quotes BEGIN {quote_out} END",
        "report_quote_moved": f"AFTER UPDATE OF {_QUOTE_KEYED} ON quotes BEGIN"
        f" {quote_out} {quote_in} END",
        "report_source_in": f"AFTER INSERT ON article_speakers BEGIN {source_in} END",
        "report_source_out": f"AFTER DELETE ON article_speakers BEGIN {source_out} END",
        "report_source_moved": "AFTER UPDATE OF anonymity, role, gender ON article_speakers"
        f" BEGIN {source_out} {source_in} END",
        # a speaker's first quote in a cell is one more speaker there; the last, one fewer
        "report_person_in": "AFTER INSERT ON report_people BEGIN UPDATE report_cells"
        f" SET speakers = speakers + 1 {cell.format(row='new')}; END",
        "report_person_out": "AFTER DELETE ON report_people BEGIN UPDATE report_cells"
        f" SET speakers = speakers - 1 {cell.format(row='old')}; END",
        "report_article_in": "AFTER INSERT ON articles BEGIN"
        f" {_cell_change('new', 'articles', '+')} END",
        # an article's speakers go first, while the article still says its outlet and date
        "report_article_out": "BEFORE DELETE ON articles BEGIN"
        " DELETE FROM article_speakers WHERE article_rowid = old.rowid;"
        f" {_cell_change('old', 'articles', '-')} END",
    }


Rows = tuple[str, list[object]]  # a FROM expression (rows with source, month, labels), params


def fill_cells(
    conn: sqlite3.Connection, table: str, articles: Rows, quotes: Rows, sources: Rows
) -> None:
    """Count three row sets into the (empty) cells table ``table``: articles make the cells,
    quotes and sources fill in theirs (a quote's or source's cell is its article's)."""
    conn.execute(
        f"INSERT INTO {table} (source, month, articles) SELECT source, month, COUNT(*)"
        f" FROM {articles[0]} GROUP BY source, month",
        articles[1],
    )
    for measure, (rows, params) in (("quotes", quotes), ("sources", sources)):
        names = [measure, *(c for c, _, _ in label_columns(measure))]
        conn.execute(
            f"INSERT INTO {table} (source, month, {', '.join(names)})"
            f" SELECT source, month, {', '.join(label_sums(measure, 'r'))} FROM {rows} r"
            " WHERE true GROUP BY source, month ON CONFLICT DO UPDATE SET "
            + ", ".join(f"{name} = excluded.{name}" for name in names),
            params,
        )


def _labelled(row: str) -> str:
    return ", ".join(f"{row}.{d}" for d in SPEAKER_LABELS)


STORED: dict[str, str] = {
    "articles": f"(SELECT {OUTLET.format(row='a')} AS source, {MONTH.format(row='a')} AS month"
    " FROM articles a)",
    "quotes": f"(SELECT {OUTLET.format(row='q')} AS source, {MONTH.format(row='q')} AS month,"
    f" q.type, {_labelled('q')}, q.person_id FROM quotes q)",
    "sources": f"(SELECT {OUTLET.format(row='a')} AS source, {MONTH.format(row='a')} AS month,"
    f" {_labelled('s')} FROM article_speakers s JOIN articles a ON a.rowid = s.article_rowid)",
}


def fill_people(conn: sqlite3.Connection, quotes: Rows, temporary: bool = False) -> None:
    """Count quotes (rows with source, month and person_id) into report_people and
    report_speakers (new temporary tables, with ``temporary``), and each cell's speakers."""
    rows, params = quotes
    sums = {  # table: what is counted, grouped by
        "report_people": ("source, month, person_id", "1, 2, 3"),
        "report_speakers": ("person_id", "1"),
    }
    for table, (keys, group) in sums.items():
        start = f"CREATE TEMP TABLE {table} AS" if temporary else f"INSERT INTO {table}"
        conn.execute(
            f"{start} SELECT {keys}, COUNT(*) AS quotes FROM {rows} r"
            f" WHERE r.person_id IS NOT NULL GROUP BY {group}",
            params,
        )
    prefix = "temp." if temporary else ""
    conn.execute(
        _SPEAKERS_OF_CELLS.format(table=f"{prefix}report_cells", people=f"{prefix}report_people")
    )


def fill(conn: sqlite3.Connection) -> None:
    """Count what the store holds into the (empty) report tables."""
    fill_cells(conn, "report_cells", *((STORED[m], []) for m in ("articles", "quotes", "sources")))
    fill_people(conn, (STORED["quotes"], []))


ROLLUPS = ("report_cells", "report_people", "report_speakers")


def create(conn: sqlite3.Connection) -> None:
    """The report tables, counted afresh from the store, then the triggers that keep them
    (safe to apply again)."""
    triggers = _triggers()
    for name in triggers:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    for statement in TABLES:
        conn.execute(statement)
    for table in ROLLUPS:
        conn.execute(f"DELETE FROM {table}")
    fill(conn)
    for name, body in triggers.items():
        conn.execute(f"CREATE TRIGGER {name} {body}")
