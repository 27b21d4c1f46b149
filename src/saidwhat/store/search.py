"""Searching the quotes: full-text search ranked by bm25 (or in date order) with highlighted
snippets, how many quotes a search finds, and the stream of every occurrence a set of filters
selects (export). The filters are one record (``store.filters.QuoteFilters``), compiled here
to SQL and full-text tag expressions."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from saidwhat.store.filters import QuoteFilters
from saidwhat.store.models import Occurrence, QuoteHit
from saidwhat.store.people import find_people
from saidwhat.store.rows import FROM, NEWEST_FIRST, OCCURRENCE, OLDEST_FIRST
from saidwhat.store.text import person_tag, source_tag, type_tag

_TOKEN = re.compile(r'"([^"]+)"|(\w+\*?)')
_OPERATORS = {"OR", "AND", "NOT"}
RANK_WINDOW = 2000
COUNT_CAP = 10_000  # a search counts its matches up to this many ("more than 10,000")
# In date order, a search with fewer matches than this sorts them (about 1 µs a match); one
# with more walks the date index and asks the full-text index about each quote it meets
# (about 0.35 ms a quote, but at least one match in WALK_FROM / corpus size is a hit).
WALK_FROM = 50_000
Sort = Literal["relevance", "newest", "oldest"]
JOIN_QUOTES = " JOIN quotes q ON q.rowid = quotes_fts.rowid"
UNTIL_END = "\uffff"  # sorts after any ASCII, so "2024-03" + it comes after "2024-03-31"


@dataclass
class SqlFilters:
    """A ``QuoteFilters`` record as SQL: WHERE clauses with their parameters and, for a
    full-text search, the full-text expressions over the quotes' tags that stand for speaker,
    outlet and type (see ``store.text.quote_tags``)."""

    clauses: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    @classmethod
    def compile(
        cls, conn: sqlite3.Connection, filters: QuoteFilters, as_tags: bool = False
    ) -> SqlFilters | None:
        """The SQL of the filters (with ``as_tags``, tags instead of clauses for speaker,
        outlet and type); None when nothing can match (a speaker nobody is)."""
        sql = cls()
        if filters.speaker:
            ids = find_people(conn, filters.speaker)
            if not ids:
                return None
            if as_tags:
                sql.tags.append(" OR ".join(person_tag(i) for i in ids))
            else:
                sql.clauses.append(f"q.person_id IN ({','.join('?' * len(ids))})")
                sql.params.extend(ids)
        if filters.source and as_tags:
            sql.tags.append(source_tag(filters.source))
        elif filters.source:
            sql.clauses.append("q.source = ? COLLATE NOCASE")
            sql.params.append(filters.source)
        sql.add_dates(filters, "q.")
        if filters.type and as_tags:
            sql.tags.append(type_tag(filters.type))
        elif filters.type:
            sql.clauses.append("q.type = ?")
            sql.params.append(filters.type)
        return sql

    @classmethod
    def of_articles(cls, filters: QuoteFilters, prefix: str = "") -> SqlFilters:
        """The outlet and dates of the filters over the articles table (``prefix``: its
        alias and a dot); the other filters choose quotes, not articles."""
        sql = cls()
        if filters.source:
            sql.clauses.append(f"{prefix}source = ? COLLATE NOCASE")
            sql.params.append(filters.source)
        sql.add_dates(filters, prefix)
        return sql

    def add_dates(self, filters: QuoteFilters, prefix: str) -> None:
        if filters.since:
            self.clauses.append(f"{prefix}date >= ?")
            self.params.append(filters.since)
        if filters.until:  # inclusive of every date it is a prefix of, and a range on the index
            self.clauses.append(f"{prefix}date <= ?")
            self.params.append(filters.until + UNTIL_END)

    def match(self, query: str) -> str:
        """The full-text expression: the words in the quote text, the filters in its tags."""
        return f"{{text}} : ({query})" + "".join(f" AND {{tags}} : ({t})" for t in self.tags)

    def where(self, *more: str) -> str:
        clauses = [*more, *self.clauses]
        return (" WHERE " + " AND ".join(clauses)) if clauses else ""


def fts_query(text: str) -> str:
    """A safe FTS5 query from what a user typed: words (all required), "quoted phrases",
    word* prefixes and OR/NOT between them; punctuation can never break the syntax."""
    parts = []
    for phrase, word in _TOKEN.findall(text):
        if phrase:
            parts.append('"' + phrase.replace('"', "") + '"')
        elif word in _OPERATORS and parts:
            parts.append(word)
        elif word.endswith("*"):
            parts.append(f'"{word[:-1]}"*')
        else:
            parts.append(f'"{word}"')
    while parts and parts[-1] in _OPERATORS:
        parts.pop()
    return " ".join(parts)


def search(
    conn: sqlite3.Connection,
    text: str,
    wanted: QuoteFilters,
    limit: int = 20,
    offset: int = 0,
    sort: Sort = "relevance",
) -> list[QuoteHit]:
    """Full-text search with snippets, best first (bm25) or by date (undated quotes last);
    empty text lists the quotes by date, newest first unless ``sort`` is "oldest"."""
    query = fts_query(text)
    filters = SqlFilters.compile(conn, wanted, as_tags=bool(query))
    if filters is None:
        return []
    size = (  # a quote in no cluster (no content of its own) is its only occurrence
        "CASE WHEN q.cluster_id IS NULL THEN 1 ELSE"
        " (SELECT COUNT(*) FROM quotes c WHERE c.cluster_id = q.cluster_id) END AS cluster_size"
    )
    if not query:
        select = f"{OCCURRENCE}, q.text AS snippet, 0.0 AS score, {size}{FROM}"
        rows = in_date_order(conn, select, filters, [], limit, offset, sort != "oldest")
        return [QuoteHit(**dict(r)) for r in rows]
    match = filters.match(query)
    if sort == "relevance":
        floor = rank_floor(conn, match, offset + limit)
        top = _ranked(conn, match, floor, filters, limit, offset)
        if floor and len(top) < limit and filters.clauses:  # dates left too few in the window
            top = _ranked(conn, match, None, filters, limit, offset)
    else:
        top = [(rowid, 0.0) for rowid in _dated(conn, match, filters, limit, offset, sort)]
    if not top:
        return []
    marks = ",".join("?" * len(top))
    rows = {
        r["id"]: dict(r)
        for r in conn.execute(
            f"{OCCURRENCE}, {size}{FROM} WHERE q.rowid IN ({marks})", [rowid for rowid, _ in top]
        )
    }
    terms = query_terms(text)
    return [
        QuoteHit(**rows[rowid], snippet=snippet(rows[rowid]["text"], terms), score=score)
        for rowid, score in top
    ]


def count(conn: sqlite3.Connection, text: str, wanted: QuoteFilters, cap: int = COUNT_CAP) -> int:
    """How many quotes ``search`` finds, counted up to ``cap`` + 1 (that is: more than cap),
    so that a common word costs no more than a rare one."""
    query = fts_query(text)
    filters = SqlFilters.compile(conn, wanted, as_tags=bool(query))
    if filters is None:
        return 0
    if query:
        join = JOIN_QUOTES if filters.clauses else ""
        found = f"SELECT 1 FROM quotes_fts{join}{filters.where('quotes_fts MATCH ?')}"
        args = [filters.match(query), *filters.params]
    else:
        found, args = f"SELECT 1 FROM quotes q{filters.where()}", filters.params
    return conn.execute(f"SELECT COUNT(*) FROM ({found} LIMIT ?)", (*args, cap + 1)).fetchone()[0]


def _dated(
    conn: sqlite3.Connection,
    match: str,
    filters: SqlFilters,
    limit: int,
    offset: int,
    sort: Sort,
    walk_from: int = WALK_FROM,
) -> list[int]:
    """The rowids of one page of full-text matches in date order: fewer than ``walk_from``
    matches are sorted, more are met along the date index (see WALK_FROM)."""
    many = conn.execute(
        "SELECT COUNT(*) FROM (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT ?)",
        (match, walk_from),
    ).fetchone()[0]
    if many < walk_from:
        order = NEWEST_FIRST if sort == "newest" else OLDEST_FIRST
        sql = (
            "SELECT q.rowid FROM quotes_fts JOIN quotes q INDEXED BY quotes_rowid_date"
            f" ON q.rowid = quotes_fts.rowid{filters.where('quotes_fts MATCH ?')}"
            f"{order} LIMIT ? OFFSET ?"
        )
        return [r[0] for r in conn.execute(sql, (match, *filters.params, limit, offset))]
    matches = "EXISTS (SELECT 1 FROM quotes_fts f WHERE quotes_fts MATCH ? AND f.rowid = q.rowid)"
    select = "SELECT q.rowid FROM quotes q INDEXED BY quotes_date"
    rows = in_date_order(conn, select, filters, [(matches, match)], limit, offset, sort == "newest")
    return [r[0] for r in rows]


def in_date_order(
    conn: sqlite3.Connection,
    select: str,
    filters: SqlFilters,
    more: list[tuple[str, object]],
    limit: int,
    offset: int,
    newest: bool,
) -> list[sqlite3.Row]:
    """One page of ``select`` (over quotes ``q``) in date order, read along the date index
    without a sort: newest first, or oldest first; undated quotes come last either way.
    ``more`` are further (clause, parameter) pairs."""
    clauses = [clause for clause, _ in more]
    params = [*(value for _, value in more), *filters.params]
    if newest:
        sql = f"{select}{filters.where(*clauses)}{NEWEST_FIRST} LIMIT ? OFFSET ?"
        return conn.execute(sql, (*params, limit, offset)).fetchall()
    dated_where = filters.where(*clauses, "q.date IS NOT NULL")
    sql = f"{select}{dated_where} ORDER BY q.date, q.rowid LIMIT ? OFFSET ?"
    dated = conn.execute(sql, (*params, limit, offset)).fetchall()
    if len(dated) == limit:
        return dated
    if dated:
        skip = 0
    else:  # the page starts among the undated: skip what the dated ones took of the offset
        taken = f"SELECT COUNT(*) FROM (SELECT 1 FROM quotes q{dated_where})"
        skip = offset - conn.execute(taken, params).fetchone()[0]
    sql = f"{select}{filters.where(*clauses, 'q.date IS NULL')} ORDER BY q.rowid LIMIT ? OFFSET ?"
    return dated + conn.execute(sql, (*params, limit - len(dated), max(skip, 0))).fetchall()


def _ranked(
    conn: sqlite3.Connection,
    match: str,
    floor: int | None,
    filters: SqlFilters,
    limit: int,
    offset: int,
) -> list[tuple[int, float]]:
    """(rowid, score) of the best matches, ranked by bm25 on the full-text index alone (the
    quote rows are read only for date filters, and only for the page of results)."""
    window = ["quotes_fts MATCH ?"] + (["quotes_fts.rowid >= ?"] if floor else [])
    join = JOIN_QUOTES if filters.clauses else ""
    sql = (
        f"SELECT quotes_fts.rowid, -bm25(quotes_fts, 1.0, 0.0) FROM quotes_fts{join}"
        f"{filters.where(*window)} ORDER BY bm25(quotes_fts, 1.0, 0.0) LIMIT ? OFFSET ?"
    )
    args = (match, *([floor] if floor else []), *filters.params, limit, offset)
    return [(r[0], r[1]) for r in conn.execute(sql, args)]


def query_terms(text: str) -> list[str]:
    """The words a search looks for (operators dropped), for highlighting."""
    words = [w for phrase, word in _TOKEN.findall(text) for w in (phrase.split() or [word])]
    return [w.rstrip("*") for w in words if w not in _OPERATORS and w.rstrip("*")]


def snippet(text: str, terms: list[str], width: int = 40) -> str:
    """The quote (or ``width`` words around its first hit) with every word that starts like a
    search term in [brackets]: "immigrant" marks "immigrants" (as the stemming index finds)."""
    stems = [re.sub(r"(ing|ed|es|s)$", "", t.lower()) if len(t) > 4 else t.lower() for t in terms]
    if not stems:
        return text
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + r")\w*", re.IGNORECASE)
    words = text.split()
    if len(words) > width:
        first = next((n for n, w in enumerate(words) if pattern.search(w)), 0)
        start = max(0, min(first - width // 4, len(words) - width))
        text = ("… " if start else "") + " ".join(words[start : start + width])
        text += " …" if start + width < len(words) else ""
    return pattern.sub(lambda m: f"[{m.group(0)}]", text)


_MARKED = re.compile(r"\[([^\[\]]*)\]")


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """A snippet split into (text, is_match) pairs, so that each reader (terminal table, web
    page) styles the matches itself: a bracket in a quote can at worst bold the wrong words,
    never become markup."""
    parts: list[tuple[str, bool]] = []
    position = 0
    for match in _MARKED.finditer(snippet):
        if match.start() > position:
            parts.append((snippet[position : match.start()], False))
        parts.append((match.group(1), True))
        position = match.end()
    if position < len(snippet):
        parts.append((snippet[position:], False))
    return parts


def rank_floor(conn: sqlite3.Connection, match: str, wanted: int) -> int | None:
    """The lowest rowid of the RANK_WINDOW newest matches, or None when there are fewer.

    bm25 costs a few microseconds per matching row, so a word found in a quarter of a million
    quotes would take a second to rank; beyond RANK_WINDOW matches, search ranks the most
    recently stored ones (filters are part of ``match``, so they are applied first)."""
    row = conn.execute(
        "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid DESC"
        " LIMIT 1 OFFSET ?",
        (match, max(RANK_WINDOW, wanted) - 1),
    ).fetchone()
    return row[0] if row else None


def occurrences(
    conn: sqlite3.Connection, wanted: QuoteFilters, by_cluster: bool = False, newest: bool = False
) -> Iterator[Occurrence]:
    """Every occurrence matching the filters, oldest (or newest) first, grouped by cluster
    if asked."""
    filters = SqlFilters.compile(conn, wanted)
    if filters is None:
        return
    order = NEWEST_FIRST if newest else OLDEST_FIRST
    order = order.replace("BY", "BY q.cluster_id,") if by_cluster else order
    rows = conn.execute(f"{OCCURRENCE}{FROM}{filters.where()}{order}", filters.params)
    for row in rows:
        yield Occurrence(**dict(row))
