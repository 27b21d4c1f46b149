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

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal, get_args

from pydantic import Field, computed_field

from saidwhat.records import Anonymity, Gender, QuoteType, Record, SourceRole
from saidwhat.store.filters import QuoteFilters
from saidwhat.store.rollups import MONTH, OUTLET
from saidwhat.store.search import UNTIL_END, SqlFilters

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
_KEYS = {"outlet": ("source",), "month": ("month",), "both": ("source", "month"), None: ()}


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

    prefix: str = ""
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
    rows = _rows(conn, plan, _KEYS[by], top)
    total = _rows(conn, plan, (), TOTAL_TOP)
    return SourcingReport(
        by=by, filters=filters, rows=list(rows.values()), total=total.get((), ReportRow())
    )


def _plan(conn: sqlite3.Connection, filters: QuoteFilters) -> _Plan:
    since, until = _month(filters.since, "01"), _month(filters.until, "12")
    by_months = (filters.since is None or since) and (filters.until is None or until)
    plan = _Plan()
    if filters.source:
        plan.articles_where.append("source = ? COLLATE NOCASE")
        plan.articles_params.append(filters.source)
    if filters.since:
        plan.articles_where.append("date >= ?")
        plan.articles_params.append(filters.since)
    if filters.until:
        plan.articles_where.append("date <= ?")
        plan.articles_params.append(filters.until + UNTIL_END)
    if by_months and not filters.speaker and not filters.type:
        _rollup_filters(plan, filters, since, until)
        return plan
    sql = SqlFilters.compile(conn, filters)
    if sql is None:
        plan.nothing = True
        return plan
    plan.prefix = _DIRECT.format(where=sql.where())
    plan.params = list(sql.params)
    return plan


def _rollup_filters(plan: _Plan, filters: QuoteFilters, since: str | None, until: str | None):
    if filters.source:
        plan.where.append("source = ? COLLATE NOCASE")
        plan.params.append(filters.source)
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
    f"SELECT {OUTLET.format(row='q')} AS source, {MONTH.format(row='q')} AS month, q.type,"
    " COALESCE(q.anonymity, 'unknown') AS anonymity, COALESCE(q.role, 'unknown') AS role,"
    " COALESCE(q.gender, 'unknown') AS gender, q.person_id, q.article_rowid, q.speaker_id"
    " FROM quotes q{where}"
)
_DIRECT = (
    "WITH q AS (" + _Q + "),"
    " report_quotes AS (SELECT source, month, type, anonymity, role, gender, COUNT(*) AS quotes"
    "  FROM q GROUP BY 1, 2, 3, 4, 5, 6),"
    " report_people AS (SELECT source, month, person_id, COUNT(*) AS quotes FROM q"
    "  WHERE person_id IS NOT NULL GROUP BY 1, 2, 3),"
    " report_sources AS (SELECT source, month, anonymity, role, gender, COUNT(*) AS sources"
    "  FROM (SELECT DISTINCT article_rowid, speaker_id, source, month, anonymity, role, gender"
    "  FROM q WHERE speaker_id IS NOT NULL) GROUP BY 1, 2, 3, 4, 5) "
)


def _rows(
    conn: sqlite3.Connection, plan: _Plan, keys: tuple[str, ...], top: int
) -> dict[tuple, ReportRow]:
    """The report rows for one grouping (``keys``: none for the total), by group key."""
    rows: dict[tuple, ReportRow] = {}

    def row(key: tuple) -> ReportRow:
        if key not in rows:
            named = dict(zip(keys, key, strict=True))
            rows[key] = ReportRow(
                outlet=named.get("source"),
                month=named.get("month"),
                quotes_by={d: dict.fromkeys(LABELS[d], 0) for d in LABELS},
                sources_by={d: dict.fromkeys(LABELS[d], 0) for d in SOURCE_DIMENSIONS},
            )
        return rows[key]

    for key, count in _grouped(conn, plan, keys, "articles", "COUNT(*)", articles=True):
        row(key).articles = count
    if plan.nothing:
        return rows
    width = len(keys)
    for values in _select(conn, plan, keys, "report_quotes", "type, anonymity, role, gender",
                          "SUM(quotes)"):  # fmt: skip
        key, (qtype, *labels, count) = values[:width], values[width:]
        target = row(key)
        target.quotes += count
        for dimension, label in zip(("type", *SOURCE_DIMENSIONS), (qtype, *labels), strict=True):
            target.quotes_by[dimension][label] += count
    for values in _select(conn, plan, keys, "report_sources", "anonymity, role, gender",
                          "SUM(sources)"):  # fmt: skip
        key, (*labels, count) = values[:width], values[width:]
        target = row(key)
        target.sources += count
        for dimension, label in zip(SOURCE_DIMENSIONS, labels, strict=True):
            target.sources_by[dimension][label] += count
    for key, count in _grouped(conn, plan, keys, "report_people", "COUNT(DISTINCT person_id)"):
        row(key).speakers = count
    for key, tops in _top(conn, plan, keys, top).items():
        row(key).top_speakers = tops
    return dict(sorted(rows.items()))


def _select(
    conn: sqlite3.Connection, plan: _Plan, keys: tuple[str, ...], table: str, also: str, count: str
) -> list[tuple]:
    group = ", ".join((*keys, also))
    sql = f"{plan.prefix}SELECT {group}, {count} FROM {table}{plan.clause()} GROUP BY {group}"
    return [tuple(r) for r in conn.execute(sql, plan.values())]


def _grouped(
    conn: sqlite3.Connection,
    plan: _Plan,
    keys: tuple[str, ...],
    table: str,
    count: str,
    *,
    articles: bool = False,
) -> list[tuple[tuple, int]]:
    """(group key, count) of one table; the articles table is keyed like the counts."""
    if articles:
        named = {"source": OUTLET.format(row="articles"), "month": MONTH.format(row="articles")}
        columns = [f"{named[k]} AS {k}" for k in keys]
        prefix, where = "", plan.clause(articles=True)
        params = plan.values(articles=True)
    else:
        columns, prefix, where, params = list(keys), plan.prefix, plan.clause(), plan.values()
    select = ", ".join([*columns, count])
    group = f" GROUP BY {', '.join(keys)}" if keys else ""
    rows = conn.execute(f"{prefix}SELECT {select} FROM {table}{where}{group}", params)
    return [(tuple(r[: len(keys)]), r[len(keys)]) for r in rows]


def _top(
    conn: sqlite3.Connection, plan: _Plan, keys: tuple[str, ...], top: int
) -> dict[tuple, list[TopSpeaker]]:
    """The ``top`` most quoted speakers of each group."""
    group = ", ".join((*keys, "person_id"))
    partition = f"PARTITION BY {', '.join(keys)} " if keys else ""
    sql = (
        f"{plan.prefix}SELECT * FROM (SELECT {group}, SUM(quotes) AS n, ROW_NUMBER() OVER"
        f" ({partition}ORDER BY SUM(quotes) DESC, person_id) AS rank FROM report_people"
        f"{plan.clause()} GROUP BY {group}) WHERE rank <= ?"
    )
    found: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
    for values in conn.execute(sql, [*plan.values(), top]):
        key, (person_id, quotes, _) = tuple(values[: len(keys)]), values[len(keys) :]
        found[key].append((person_id, quotes))
    ids = {person_id for tops in found.values() for person_id, _ in tops}
    marks = ",".join("?" * len(ids))
    names = dict(conn.execute(f"SELECT id, name FROM people WHERE id IN ({marks})", list(ids)))
    return {
        key: [TopSpeaker(id=p, name=names.get(p, "?"), quotes=n) for p, n in tops]
        for key, tops in found.items()
    }


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
