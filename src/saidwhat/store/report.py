"""Who gets a voice, counted: articles, quotes and sources by outlet, by month or both, with
the share of quotes and of sources by anonymity, role, gender and quote type, and the most
quoted speakers of each row.

A *source* is one speaker of one article (the unit sourcing studies count: a person quoted in
three articles is three sources); *speakers* counts the distinct corpus speakers behind them.
*Articles* counts every article of the row's outlet and month (the filters choose quotes;
they choose articles only by outlet and date).

Fast on a big store: a question the running counts can answer (``store.rollups``: filters by
outlet and by whole months) reads them, a few thousand rows for a million quotes; any other
(a day-precise date, a speaker, a quote type) counts the matching quotes themselves, with the
same SQL over a common table expression that stands in for the running counts, so that both
ways give one answer.
"""

from __future__ import annotations

import heapq
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal, get_args

from pydantic import Field, computed_field

from saidwhat.records import Anonymity, Gender, QuoteType, Record, SourceRole
from saidwhat.store.filters import QuoteFilters
from saidwhat.store.rollups import MONTH, OUTLET, QUOTE_LABELS, SPEAKER_LABELS
from saidwhat.store.search import SqlFilters

By = Literal["outlet", "month", "both"]
Dimension = Literal["anonymity", "role", "gender", "type"]
LABELS: dict[str, tuple[str, ...]] = {
    "anonymity": get_args(Anonymity),
    "role": get_args(SourceRole),
    "gender": get_args(Gender),
    "type": get_args(QuoteType),
}
SOURCE_DIMENSIONS = ("anonymity", "role", "gender")
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


def _shares(counts: dict[str, dict[str, int]], whole: int) -> dict[str, dict[str, float]]:
    return {
        dimension: {label: round(n / whole, 4) if whole else 0.0 for label, n in labels.items()}
        for dimension, labels in counts.items()
    }


@dataclass
class _Plan:
    """Where the counts come from: the running counts filtered by outlet and month, or the
    matching quotes counted in a common table expression of the same shape."""

    direct: str = ""  # the quotes' WHERE clause, when the quotes themselves are counted
    where: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)
    articles_where: list[str] = field(default_factory=list)
    articles_params: list[object] = field(default_factory=list)
    nothing: bool = False  # a speaker nobody is

    def clause(self, extra: str = "", *, articles: bool = False) -> str:
        clauses = (self.articles_where if articles else self.where) + ([extra] if extra else [])
        return (" WHERE " + " AND ".join(clauses)) if clauses else ""

    def values(self, *, articles: bool = False) -> list[object]:
        return list(self.articles_params if articles else self.params)


def report(
    conn: sqlite3.Connection, by: By, filters: QuoteFilters, top: int = TOP
) -> SourcingReport:
    """The report grouped ``by`` outlet, month or both, for the quotes ``filters`` choose."""
    plan = _plan(conn, filters)
    if plan.direct:
        for table, select in _DIRECT.items():  # the running counts of these quotes alone
            conn.execute(f"CREATE TEMP TABLE {table} AS {_Q.format(where=plan.direct)} {select}",
                         plan.params)  # fmt: skip
        plan.params = []
    try:
        groups, total = _count(conn, plan, _KEYS[by], top)
    finally:
        if plan.direct:
            for table in _DIRECT:
                conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
    return SourcingReport(by=by, filters=filters, rows=groups, total=total)


def _plan(conn: sqlite3.Connection, filters: QuoteFilters) -> _Plan:
    since, until = _month(filters.since, "01"), _month(filters.until, "12")
    by_months = (filters.since is None or since) and (filters.until is None or until)
    articles = SqlFilters.of_articles(filters)
    plan = _Plan(articles_where=articles.clauses, articles_params=articles.params)
    if by_months and not filters.speaker and not filters.type:
        _rollup_filters(conn, plan, filters, since, until)
        return plan
    sql = SqlFilters.compile(conn, filters)
    if sql is None:
        plan.nothing = True
        return plan
    plan.direct = sql.where() or " WHERE 1"
    plan.params = list(sql.params)
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
        stored = _tuples(conn, "SELECT DISTINCT source FROM articles", [])
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


_Q = (
    f"WITH q AS (SELECT {OUTLET.format(row='q')} AS source, {MONTH.format(row='q')} AS month,"
    " q.type, COALESCE(q.anonymity, 'unknown') AS anonymity, COALESCE(q.role, 'unknown') AS"
    " role, COALESCE(q.gender, 'unknown') AS gender, q.person_id, q.article_rowid, q.speaker_id"
    " FROM quotes q{where})"
)
# the running counts' tables, counted from the chosen quotes (temporary tables of the same
# names hide the running counts while a report reads them)
_SOURCES = (
    "(SELECT DISTINCT article_rowid, speaker_id, source, month, anonymity, role, gender FROM q"
    " WHERE speaker_id IS NOT NULL)"
)
_DIRECT = {
    "report_labels": " UNION ALL ".join(
        f"SELECT '{measure}' AS measure, source, month, '{d}' AS dimension, {d} AS label,"
        f" COUNT(*) AS n FROM {rows} GROUP BY 2, 3, 5"
        for measure, rows, dimensions in (
            ("quotes", "q", QUOTE_LABELS),
            ("sources", _SOURCES, SPEAKER_LABELS),
        )  # fmt: skip
        for d in dimensions
    ),
    "report_people": "SELECT source, month, person_id, COUNT(*) AS quotes FROM q"
    " WHERE person_id IS NOT NULL GROUP BY 1, 2, 3",
}


class _Counts:
    """One row's counts as they are added up (a ReportRow at the end)."""

    def __init__(self) -> None:
        self.values: dict[str, object] = {
            "articles": 0, "quotes": 0, "sources": 0, "speakers": 0, "top_speakers": [],
            "quotes_by": {d: dict.fromkeys(LABELS[d], 0) for d in LABELS},
            "sources_by": {d: dict.fromkeys(LABELS[d], 0) for d in SOURCE_DIMENSIONS},
        }  # fmt: skip

    def row(self, key: dict[str, str]) -> ReportRow:
        return ReportRow(outlet=key.get("source"), month=key.get("month"), **self.values)


def _count(
    conn: sqlite3.Connection, plan: _Plan, keys: tuple[str, ...], top: int
) -> tuple[list[ReportRow], ReportRow]:
    """The rows of one grouping (``keys``) and the total: each label counted per group in
    SQL (a row per group and label reaches Python), the total added up from the groups, the
    speakers along indexes of their own."""
    groups: dict[tuple, _Counts] = defaultdict(_Counts)
    params = plan.values()
    named = {"source": OUTLET.format(row="articles"), "month": MONTH.format(row="articles")}
    articles = _tuples(
        conn,
        f"SELECT {', '.join(named[k] for k in keys)}, COUNT(*)"
        f" FROM articles{plan.clause(articles=True)}"
        f" GROUP BY {', '.join(str(n + 1) for n in range(len(keys)))}",
        plan.values(articles=True),
    )
    for *key, count in articles:
        groups[tuple(key)].values["articles"] = count
    if not plan.nothing:
        group = ", ".join((*keys, "dimension", "label"))
        for measure in ("quotes", "sources"):
            sql = (
                f"SELECT {group}, SUM(n) FROM report_labels{plan.clause('measure = ?')}"
                f" GROUP BY {group}"
            )
            for *key, dimension, label, count in _tuples(conn, sql, [*params, measure]):
                values = groups[tuple(key)].values
                values[f"{measure}_by"][dimension][label] += count
                if dimension == "anonymity":  # every quote and source has one
                    values[measure] += count
        _speakers(conn, plan, keys, groups, top)
    total = _Counts()
    for counts in groups.values():
        for name in ("articles", "quotes", "sources"):
            total.values[name] += counts.values[name]
        for measure in ("quotes_by", "sources_by"):
            for dimension, labels in counts.values[measure].items():
                for label, count in labels.items():
                    total.values[measure][dimension][label] += count
    if not plan.nothing:
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
    where, params = plan.clause(), plan.values()
    if keys == ("source", "month"):
        cells = _tuples(conn, f"SELECT source, month, COUNT(*) FROM report_people{where}"
                        " GROUP BY source, month", params)  # fmt: skip
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
            TopSpeaker(id=p, name=names.get(p, "?"), quotes=n) for p, n in found
        ]


def _tuples(conn: sqlite3.Connection, sql: str, params: list[object]) -> list[tuple]:
    """Rows as plain tuples (not sqlite3.Row: a report reads thousands)."""
    cursor = conn.cursor()
    cursor.row_factory = None
    return cursor.execute(sql, params).fetchall()


# -- the report as flat rows (CSV, the web page's tables) ----------------------------------
Measure = Literal["quotes", "sources"]


def flat(report: SourcingReport) -> tuple[list[str], list[dict[str, object]]]:
    """The report as one wide table: a row per group then the total (``row`` says which),
    with each label's count and share of quotes and of sources, and the top speakers."""
    keys = {"outlet": ["outlet"], "month": ["month"], "both": ["outlet", "month"]}[report.by]
    columns = ["row", *keys, "articles", "quotes", "sources", "speakers"]
    for measure, dimensions in (("quotes", LABELS), ("sources", SOURCE_DIMENSIONS)):
        for dimension in dimensions:
            for label in LABELS[dimension]:
                columns += [
                    f"{measure}_{dimension}_{label}",
                    f"{measure}_{dimension}_{label}_share",
                ]
    columns.append("top_speakers")
    out = []
    for kind, row in [*(("group", r) for r in report.rows), ("total", report.total)]:
        line: dict[str, object] = {"row": kind, "outlet": row.outlet, "month": row.month}
        line |= {"articles": row.articles, "quotes": row.quotes, "sources": row.sources,
                 "speakers": row.speakers}  # fmt: skip
        for measure, counts, shares in (
            ("quotes", row.quotes_by, row.quote_shares),
            ("sources", row.sources_by, row.source_shares),
        ):
            for dimension, labels in counts.items():
                for label, n in labels.items():
                    line[f"{measure}_{dimension}_{label}"] = n
                    line[f"{measure}_{dimension}_{label}_share"] = shares[dimension][label]
        line["top_speakers"] = "; ".join(f"{t.name} ({t.quotes})" for t in row.top_speakers)
        out.append({c: line.get(c) for c in columns})
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
