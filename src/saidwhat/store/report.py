"""Who gets a voice, counted: articles, quotes and sources by outlet, by month or both, with
the share of quotes and of sources by anonymity, role, gender and quote type, and the most
quoted speakers of each row.

A *source* is one speaker of one article (the unit sourcing studies count: a person quoted in
three articles is three sources); *speakers* counts the distinct corpus speakers behind them.
*Articles* counts every article of the row's outlet and month (the filters choose quotes;
they choose articles only by outlet and date).

Fast on a big store: a question the running counts can answer (``store.rollups``: filters by
outlet and by whole months) reads them, one row per outlet-month summed in SQL; any other (a
day-precise date, a speaker, a quote type) counts the matching quotes themselves into
temporary tables of the same shape, read by the same SQL, so that both ways give one answer.
"""

from __future__ import annotations

import heapq
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

from pydantic import Field, computed_field

from saidwhat.records import Record
from saidwhat.store.filters import QuoteFilters
from saidwhat.store.rollups import (
    CELL_COLUMNS,
    LABELS,
    MONTH,
    OUTLET,
    SPEAKER_LABELS,
    TABLES,
    fill_cells,
    fill_people,
    label_columns,
)
from saidwhat.store.search import SqlFilters

By = Literal["outlet", "month", "both"]
Dimension = Literal["anonymity", "role", "gender", "type"]
SOURCE_DIMENSIONS = SPEAKER_LABELS
TOP = 3  # most quoted speakers shown per row (the total row shows TOTAL_TOP)
TOTAL_TOP = 10
_KEYS = {"outlet": ("source",), "month": ("month",), "both": ("source", "month")}


class TopSpeaker(Record):
    id: int
    name: str
    quotes: int


class ReportRow(Record):
    """One row of the report: an outlet, a month, an outlet in a month, or everything."""

    outlet: str | None = Field(None, description="the outlet ('' when unknown); None: all")
    month: str | None = Field(None, description="YYYY-MM ('' when undated); None: all")
    articles: int = 0
    quotes: int = 0
    sources: int = Field(0, description="speakers of articles (one a speaker per article)")
    speakers: int = Field(0, description="distinct corpus speakers quoted")
    quotes_by: dict[str, dict[str, int]] = Field(
        default_factory=dict, description="anonymity/role/gender/type -> label -> quotes"
    )
    sources_by: dict[str, dict[str, int]] = Field(
        default_factory=dict, description="anonymity/role/gender -> label -> sources"
    )
    top_speakers: list[TopSpeaker] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def quote_shares(self) -> dict[str, dict[str, float]]:
        """Each label's share of the row's quotes."""
        return _shares(self.quotes_by, self.quotes)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def source_shares(self) -> dict[str, dict[str, float]]:
        """Each label's share of the row's sources."""
        return _shares(self.sources_by, self.sources)


class SourcingReport(Record):
    """The report: one row per group, and the total."""

    by: By
    filters: QuoteFilters
    rows: list[ReportRow]
    total: ReportRow


def _share(n: int, whole: int) -> float:
    return round(n / whole, 4) if whole else 0.0


def _shares(counts: dict[str, dict[str, int]], whole: int) -> dict[str, dict[str, float]]:
    return {
        dimension: {label: _share(n, whole) for label, n in labels.items()}
        for dimension, labels in counts.items()
    }


@dataclass
class _Plan:
    """Where the counts come from: the running counts filtered by outlet and month, or the
    matching quotes counted into temporary tables of the same shape."""

    direct: str = ""  # the quotes' WHERE clause, when the quotes themselves are counted
    where: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)
    articles: SqlFilters = field(default_factory=SqlFilters)

    def clause(self) -> str:
        return (" WHERE " + " AND ".join(self.where)) if self.where else ""


def report(
    conn: sqlite3.Connection, by: By, filters: QuoteFilters, top: int = TOP
) -> SourcingReport:
    """The report grouped ``by`` outlet, month or both, for the quotes ``filters`` choose."""
    plan = _plan(conn, filters)
    if plan.direct:
        _count_quotes(conn, plan)
    try:
        groups, total = _count(conn, plan, _KEYS[by], top)
    finally:
        if plan.direct:
            for table in _TEMPORARY:
                conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
    return SourcingReport(by=by, filters=filters, rows=groups, total=total)


def _plan(conn: sqlite3.Connection, filters: QuoteFilters) -> _Plan:
    since, until = _month(filters.since, "01"), _month(filters.until, "12")
    by_months = (filters.since is None or since) and (filters.until is None or until)
    plan = _Plan(articles=SqlFilters.of_articles(filters, "a."))
    if by_months and not filters.speaker and not filters.type:
        _rollup_filters(conn, plan, filters, since, until)
        return plan
    sql = SqlFilters.compile(conn, filters)
    plan.direct = " WHERE 0" if sql is None else (sql.where() or " WHERE 1")  # None: nobody
    plan.params = [] if sql is None else list(sql.params)
    return plan


def _rollup_filters(
    conn: sqlite3.Connection,
    plan: _Plan,
    filters: QuoteFilters,
    since: str | None,
    until: str | None,
) -> None:
    if filters.source:  # the outlet as stored, in any case, so that the indexes are used
        wanted = filters.source.casefold()
        stored = _tuples(conn, "SELECT DISTINCT source FROM report_cells", [])
        names = [name for (name,) in stored if name and name.casefold() == wanted]
        plan.where.append(f"source IN ({','.join('?' * len(names)) or 'NULL'})")
        plan.params.extend(names)
    if since:
        plan.where.append("month >= ?")
        plan.params.append(since)
    if until:
        plan.where.append("month <= ? AND month != ''")
        plan.params.append(until)


def _month(value: str | None, fill: str) -> str | None:
    """A YYYY or YYYY-MM filter as the month it starts or ends at; None for a day."""
    if value is None or len(value) > 7:
        return None
    return value if len(value) == 7 else f"{value}-{fill}"


_TEMPORARY = ("report_quotes", "report_cells", "report_people", "report_speakers")
_QUOTES = (
    f"(SELECT {OUTLET.format(row='q')} AS source, {MONTH.format(row='q')} AS month, q.type,"
    " q.anonymity, q.role, q.gender, q.person_id, q.article_rowid, q.speaker_id"
    " FROM quotes q{where})"
)


def _count_quotes(conn: sqlite3.Connection, plan: _Plan) -> None:
    """The running counts of the chosen quotes alone, in temporary tables of the same names
    (which hide the stored ones while the report reads them), counted from the chosen quotes
    copied once."""
    chosen = _QUOTES.format(where=plan.direct)
    conn.execute(f"CREATE TEMP TABLE report_quotes AS SELECT * FROM {chosen}", plan.params)
    plan.params = []
    quotes = "temp.report_quotes"
    sources = (
        "(SELECT DISTINCT article_rowid, speaker_id, source, month, anonymity, role, gender"
        f" FROM {quotes} WHERE speaker_id IS NOT NULL)"
    )
    articles = (
        f"(SELECT {OUTLET.format(row='a')} AS source, {MONTH.format(row='a')} AS month"
        f" FROM articles a{plan.articles.where()})"
    )
    conn.execute(TABLES[0].replace("CREATE TABLE IF NOT EXISTS", "CREATE TEMP TABLE"))
    fill_cells(conn, "temp.report_cells", (articles, list(plan.articles.params)), (quotes, []),
               (sources, []))  # fmt: skip
    fill_people(conn, (quotes, []), temporary=True)


# where each of report_cells' columns goes in a row: (measure's "_by", dimension, label)
_PLACES = {m: label_columns(m) for m in ("quotes", "sources")}


class _Counts:
    """One row's counts (a ReportRow at the end)."""

    def __init__(self, values: tuple = ()) -> None:
        counted = dict(zip(CELL_COLUMNS, values or (0,) * len(CELL_COLUMNS), strict=True))
        self.values: dict[str, object] = {
            "articles": counted["articles"], "quotes": counted["quotes"],
            "sources": counted["sources"], "speakers": 0, "top_speakers": [],
        }  # fmt: skip
        for measure, places in _PLACES.items():
            by: dict[str, dict[str, int]] = {}
            for name, dimension, label in places:
                by.setdefault(dimension, {})[label] = counted[name]
            self.values[f"{measure}_by"] = by

    def row(self, key: dict[str, str]) -> ReportRow:
        # built from the store's own counts: no validation (1,441 rows of an outlet-by-month
        # table validated took a third of the report's time)
        return ReportRow.model_construct(
            outlet=key.get("source"), month=key.get("month"), **self.values
        )


_SUMS = ", ".join(f"SUM({name})" for name in CELL_COLUMNS)


def _count(
    conn: sqlite3.Connection, plan: _Plan, keys: tuple[str, ...], top: int
) -> tuple[list[ReportRow], ReportRow]:
    """The rows of one grouping (``keys``) and the total, each summed in SQL over the cells,
    the speakers along indexes of their own."""
    where, params = plan.clause(), plan.params
    group = ", ".join(keys)
    groups: dict[tuple, _Counts] = {}
    for found in _tuples(conn, f"SELECT {group}, {_SUMS} FROM report_cells{where}"
                         f" GROUP BY {group}", params):  # fmt: skip
        groups[found[: len(keys)]] = _Counts(found[len(keys) :])
    (sums,) = _tuples(conn, f"SELECT {_SUMS} FROM report_cells{where}", params)
    total = _Counts(tuple(n or 0 for n in sums))
    _speakers(conn, plan, keys, groups, top)
    _speakers(conn, plan, (), {(): total}, TOTAL_TOP)
    rows = [counts.row(dict(zip(keys, key, strict=True))) for key, counts in sorted(groups.items())]
    return rows, total.row({})


def _speakers(
    conn: sqlite3.Connection,
    plan: _Plan,
    keys: tuple[str, ...],
    groups: dict[tuple, _Counts],
    top: int,
) -> None:
    """Distinct speakers and the ``top`` most quoted of each group. An outlet-month is a
    range of report_people itself; an outlet, a month or everything is summed per speaker
    along an index that holds the group, the speaker and the count (no sort of the table)."""
    where, params = plan.clause(), plan.params
    if keys == ("source", "month"):
        cells = _tuples(conn, f"SELECT source, month, speakers FROM report_cells{where}", params)
        best = (
            "SELECT person_id, quotes FROM report_people WHERE source = ? AND month = ?"
            " ORDER BY quotes DESC, person_id LIMIT ?"
        )
        found = {}
        for source, month, count in cells:
            groups[(source, month)].values["speakers"] = count
            found[(source, month)] = _tuples(conn, best, [source, month, top])
        _name_tops(conn, groups, found)
        return
    if not keys and not where:  # everything: the speakers' own counts
        ((count,),) = _tuples(conn, "SELECT COUNT(*) FROM report_speakers", [])
        groups[()].values["speakers"] = count
        most = "SELECT person_id, quotes FROM report_speakers ORDER BY quotes DESC, person_id"
        _name_tops(conn, groups, {(): _tuples(conn, f"{most} LIMIT ?", [top])})
        return
    group = ", ".join((*keys, "person_id"))
    sums = _tuples(conn, f"SELECT {group}, SUM(quotes) FROM report_people{where}"
                   f" GROUP BY {group}", params)  # fmt: skip
    per_group: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
    for *key, person_id, quotes in sums:
        per_group[tuple(key)].append((person_id, quotes))
    tops = {}
    for key, found in per_group.items():
        groups[key].values["speakers"] = len(found)
        tops[key] = heapq.nsmallest(top, found, key=_most_quoted)
    _name_tops(conn, groups, tops)


def _most_quoted(item: tuple[int, int]) -> tuple[int, int]:
    return -item[1], item[0]


def _name_tops(
    conn: sqlite3.Connection, groups: dict[tuple, _Counts], tops: dict[tuple, list[tuple]]
) -> None:
    """Each group's most quoted, named (the names read at once)."""
    ids = sorted({person_id for found in tops.values() for person_id, _ in found})
    names: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        names.update(_tuples(conn, f"SELECT id, name FROM people WHERE id IN ({marks})", chunk))
    for key, found in tops.items():
        groups[key].values["top_speakers"] = [
            TopSpeaker.model_construct(id=p, name=names.get(p, "?"), quotes=n) for p, n in found
        ]


def _tuples(conn: sqlite3.Connection, sql: str, params: list[object]) -> list[tuple]:
    """Rows as plain tuples (not sqlite3.Row: a report reads thousands)."""
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor.execute(sql, params).fetchall()


# -- the report as flat rows (CSV, the web page's tables) ----------------------------------
Measure = Literal["quotes", "sources"]


_FLAT = [  # (measure, dimension, label) of the wide table's counts, in its order
    (measure, dimension, label)
    for measure, dimensions in (("quotes", LABELS), ("sources", SOURCE_DIMENSIONS))
    for dimension in dimensions
    for label in LABELS[dimension]
]


def flat(report: SourcingReport) -> tuple[list[str], list[dict[str, object]]]:
    """The report as one wide table: a row per group then the total (``row`` says which),
    with each label's count and share of quotes and of sources, and the top speakers."""
    keys = {"outlet": ["outlet"], "month": ["month"], "both": ["outlet", "month"]}[report.by]
    columns = ["row", *keys, "articles", "quotes", "sources", "speakers"]
    for measure, dimension, label in _FLAT:
        columns += [f"{measure}_{dimension}_{label}", f"{measure}_{dimension}_{label}_share"]
    columns.append("top_speakers")
    out = []
    for kind, row in [*(("group", r) for r in report.rows), ("total", report.total)]:
        values = [kind, *(getattr(row, key) for key in keys), row.articles, row.quotes,
                  row.sources, row.speakers]  # fmt: skip
        counted = {"quotes": (row.quotes_by, row.quotes), "sources": (row.sources_by, row.sources)}
        for measure, dimension, label in _FLAT:
            by, whole = counted[measure]
            n = by[dimension][label]
            values += (n, _share(n, whole))
        values.append("; ".join(f"{t.name} ({t.quotes})" for t in row.top_speakers))
        out.append(dict(zip(columns, values, strict=True)))
    return columns, out


def chart_table(
    report: SourcingReport, measure: Measure, dimension: Dimension
) -> tuple[list[str], list[dict[str, object]]]:
    """One chart's numbers: a row per group (and the total), each label's count and share of
    the measure ("sources by gender per outlet")."""
    if measure == "sources" and dimension not in SOURCE_DIMENSIONS:
        raise ValueError(f"sources are not counted by {dimension}")
    keys = {"outlet": ["outlet"], "month": ["month"], "both": ["outlet", "month"]}[report.by]
    labels = LABELS[dimension]
    columns = [*keys, measure, *labels, *(f"{label}_share" for label in labels)]
    out = []
    for row in [*report.rows, report.total]:
        counts = (row.quotes_by if measure == "quotes" else row.sources_by)[dimension]
        shares = (row.quote_shares if measure == "quotes" else row.source_shares)[dimension]
        line: dict[str, object] = {"outlet": row.outlet, "month": row.month}
        line[measure] = getattr(row, measure)
        line |= counts | {f"{label}_share": shares[label] for label in labels}
        if row is report.total:
            line |= {key: "all" for key in keys}
        out.append({c: line.get(c) for c in columns})
    return columns, out
