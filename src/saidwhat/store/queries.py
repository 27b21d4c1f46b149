"""Read-only questions to the store: search, speakers, speaker profiles, check, clusters.

Each function takes an open connection and returns the typed views of store.models; the
Corpus class wraps them for the Python API, the CLI and the web API.
"""

from __future__ import annotations

import re
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from saidwhat.records import Article
from saidwhat.store.clusters import (
    CHECK_PART_WORDS,
    Likeness,
    best_wording,
    candidate_clusters,
    likeness_rank,
)
from saidwhat.store.models import (
    ArticleLinks,
    CheckMatch,
    Cluster,
    ClusterRef,
    Occurrence,
    OutletCount,
    QuoteHit,
    Role,
    SpeakerProfile,
    SpeakerSummary,
    WeekCount,
)
from saidwhat.store.speakers import find_people
from saidwhat.store.text import content_words, normalise, person_tag, source_tag, type_tag

OCCURRENCE = (
    "SELECT q.rowid AS id, q.quote_id, q.text, q.type, q.confidence, p.name AS speaker,"
    " q.person_id AS speaker_id, a.id AS article_id, a.source, a.url, a.published, a.date,"
    " a.title, q.cluster_id"
)
FROM = (
    " FROM quotes q JOIN articles a ON a.rowid = q.article_rowid"
    " LEFT JOIN people p ON p.id = q.person_id"
)
# Per speaker, by index look-ups only: quote count and first/last dates from (person_id,
# date), article count from the speaker links.
SUMMARY = (
    "SELECT p.id, p.name, p.kind,"
    " (SELECT COUNT(*) FROM quotes WHERE person_id = p.id) AS quotes,"
    " (SELECT COUNT(*) FROM article_speakers WHERE person_id = p.id) AS articles,"
    " (SELECT MIN(date) FROM quotes WHERE person_id = p.id) AS first_seen,"
    " (SELECT MAX(date) FROM quotes WHERE person_id = p.id) AS last_seen FROM people p"
)
OLDEST_FIRST = " ORDER BY q.date IS NULL, q.date, q.rowid"
_TOKEN = re.compile(r'"([^"]+)"|(\w+\*?)')
_OPERATORS = {"OR", "AND", "NOT"}
RANK_WINDOW = 2000
UNTIL_END = "\uffff"  # sorts after any ASCII, so "2024-03" + it comes after "2024-03-31"


@dataclass
class Filters:
    """The filters every listing shares (search, export)."""

    speaker: str | None = None
    source: str | None = None
    since: str | None = None
    until: str | None = None
    type: str | None = None
    clauses: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    def compile(self, conn: sqlite3.Connection, as_tags: bool = False) -> bool:
        """Fill ``clauses``/``params`` (and with ``as_tags``, full-text ``tags`` expressions
        for speaker, outlet and type instead of clauses); False when nothing can match."""
        self.clauses, self.params, self.tags = [], [], []
        if self.speaker:
            ids = find_people(conn, self.speaker)
            if not ids:
                return False
            if as_tags:
                self.tags.append(" OR ".join(person_tag(i) for i in ids))
            else:
                self.clauses.append(f"q.person_id IN ({','.join('?' * len(ids))})")
                self.params.extend(ids)
        if self.source and as_tags:
            self.tags.append(source_tag(self.source))
        elif self.source:
            self.clauses.append("q.source = ? COLLATE NOCASE")
            self.params.append(self.source)
        if self.since:
            self.clauses.append("q.date >= ?")
            self.params.append(self.since)
        if self.until:  # inclusive of every date it is a prefix of, and a range on the index
            self.clauses.append("q.date <= ?")
            self.params.append(self.until + UNTIL_END)
        if self.type and as_tags:
            self.tags.append(type_tag(self.type))
        elif self.type:
            self.clauses.append("q.type = ?")
            self.params.append(self.type)
        return True

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
    conn: sqlite3.Connection, text: str, filters: Filters, limit: int = 20, offset: int = 0
) -> list[QuoteHit]:
    query = fts_query(text)
    if not filters.compile(conn, as_tags=bool(query)):
        return []
    size = "(SELECT COUNT(*) FROM quotes c WHERE c.cluster_id = q.cluster_id) AS cluster_size"
    if not query:
        sql = (
            f"{OCCURRENCE}, q.text AS snippet, 0.0 AS score, {size}{FROM}{filters.where()}"
            " ORDER BY q.date DESC, q.rowid DESC LIMIT ? OFFSET ?"
        )
        return [QuoteHit(**dict(r)) for r in conn.execute(sql, (*filters.params, limit, offset))]
    match = filters.match(query)
    floor = rank_floor(conn, match, offset + limit)
    top = _ranked(conn, match, floor, filters, limit, offset)
    if floor and len(top) < limit and filters.clauses:  # dates left too few in the window
        top = _ranked(conn, match, None, filters, limit, offset)
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


def _ranked(
    conn: sqlite3.Connection,
    match: str,
    floor: int | None,
    filters: Filters,
    limit: int,
    offset: int,
) -> list[tuple[int, float]]:
    """(rowid, score) of the best matches, ranked by bm25 on the full-text index alone (the
    quote rows are read only for date filters, and only for the page of results)."""
    window = ["quotes_fts MATCH ?"] + (["quotes_fts.rowid >= ?"] if floor else [])
    join = " JOIN quotes q ON q.rowid = quotes_fts.rowid" if filters.clauses else ""
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
    conn: sqlite3.Connection, filters: Filters, by_cluster: bool = False
) -> Iterator[Occurrence]:
    """Every occurrence matching the filters, oldest first (grouped by cluster if asked)."""
    if not filters.compile(conn):
        return
    order = OLDEST_FIRST.replace("BY", "BY q.cluster_id,") if by_cluster else OLDEST_FIRST
    rows = conn.execute(f"{OCCURRENCE}{FROM}{filters.where()}{order}", filters.params)
    for row in rows:
        yield Occurrence(**dict(row))


def speakers(
    conn: sqlite3.Connection, top: int = 20, kind: str | None = None
) -> list[SpeakerSummary]:
    """The most-quoted speakers."""
    where, params = ("WHERE p.kind = ?", [kind]) if kind else ("", [])
    rows = conn.execute(f"{SUMMARY} {where} ORDER BY quotes DESC, p.name LIMIT ?", (*params, top))
    return [SpeakerSummary(**dict(row)) for row in rows]


def speaker(
    conn: sqlite3.Connection, name_or_id: str | int, recent: int = 10
) -> SpeakerProfile | None:
    """The profile of the speaker a name or id means (the most-quoted one if several do)."""
    ids = find_people(conn, name_or_id)
    if not ids:
        return None
    person_id = ids[0]
    row = conn.execute(f"{SUMMARY} WHERE p.id = ?", (person_id,)).fetchone()
    aliases = [
        r[0]
        for r in conn.execute(
            "SELECT alias FROM aliases WHERE person_id = ? ORDER BY alias", (person_id,)
        )
    ]
    roles = conn.execute(
        "SELECT kind, value, first_seen, last_seen, count FROM roles WHERE person_id = ?"
        " ORDER BY count DESC, value",
        (person_id,),
    ).fetchall()
    outlets = conn.execute(
        "SELECT source, COUNT(*) AS quotes FROM quotes WHERE person_id = ? AND source IS NOT NULL"
        " GROUP BY source ORDER BY quotes DESC, source",
        (person_id,),
    ).fetchall()
    latest = conn.execute(
        f"{OCCURRENCE}{FROM} WHERE q.person_id = ? ORDER BY q.date DESC, q.rowid DESC LIMIT ?",
        (person_id, recent),
    ).fetchall()
    return SpeakerProfile(
        **dict(row),
        aliases=aliases,
        titles=[Role(**_role(r)) for r in roles if r["kind"] == "title"],
        affiliations=[Role(**_role(r)) for r in roles if r["kind"] == "affiliation"],
        outlets=[OutletCount(**dict(r)) for r in outlets],
        recent=[Occurrence(**dict(r)) for r in latest],
    )


def timeline(conn: sqlite3.Connection, name_or_id: str | int) -> list[WeekCount]:
    """Quotes per week (Monday) of the speaker a name or id means, oldest week first; weeks
    without quotes are left out, and so are quotes dated only to the month. Counted on the
    (person_id, date) index, without reading a quote row."""
    ids = find_people(conn, name_or_id)
    if not ids:
        return []
    rows = conn.execute(
        "SELECT date(date, '-6 days', 'weekday 1') AS week, COUNT(*) AS quotes FROM quotes"
        " WHERE person_id = ? AND week IS NOT NULL GROUP BY week ORDER BY week",
        (ids[0],),
    )
    return [WeekCount(**dict(r)) for r in rows]


def _role(row: sqlite3.Row) -> dict:
    return {k: row[k] for k in ("value", "first_seen", "last_seen", "count")}


def cluster(conn: sqlite3.Connection, cluster_id: int, limit: int | None = None) -> Cluster | None:
    """A quote cluster with its occurrences oldest first (the first ``limit`` of them, if
    given; ``size`` always counts all)."""
    head = conn.execute("SELECT id, text FROM clusters WHERE id = ?", (cluster_id,)).fetchone()
    if head is None:
        return None
    rows = conn.execute(
        f"{OCCURRENCE}{FROM} WHERE q.cluster_id = ?{OLDEST_FIRST} LIMIT ?",
        (cluster_id, -1 if limit is None else limit),
    )
    found = [Occurrence(**dict(r)) for r in rows]
    if not found:
        return None
    size = conn.execute("SELECT COUNT(*) FROM quotes WHERE cluster_id = ?", (cluster_id,))
    return Cluster(
        id=head["id"], text=head["text"], size=size.fetchone()[0], first=found[0], occurrences=found
    )


def first_occurrence(conn: sqlite3.Connection, cluster_id: int) -> tuple[Occurrence, int]:
    """Where a cluster appeared first (earliest date, else earliest ingested), and how many
    occurrences it has. Two indexed look-ups, however big the cluster."""
    row = (
        conn.execute(
            f"{OCCURRENCE}{FROM} WHERE q.cluster_id = ? AND q.date IS NOT NULL"
            " ORDER BY q.date, q.rowid LIMIT 1",
            (cluster_id,),
        ).fetchone()
        or conn.execute(
            f"{OCCURRENCE}{FROM} WHERE q.cluster_id = ? ORDER BY q.rowid LIMIT 1", (cluster_id,)
        ).fetchone()
    )
    size = conn.execute("SELECT COUNT(*) FROM quotes WHERE cluster_id = ?", (cluster_id,))
    return Occurrence(**dict(row)), size.fetchone()[0]


def check(conn: sqlite3.Connection, text: str, limit: int = 5) -> list[CheckMatch]:
    """The real quotes closest to ``text``: clusters proposed by the fingerprint index (exact,
    trimmed, partial), then, if none of those is exact or trimmed, by full-text search on its
    longest content words (paraphrases); each compared word by word."""
    norm = normalise(text)
    if not norm:
        return []
    found: dict[int, Likeness] = {}

    def compare(cluster_ids: Iterable[int]) -> None:
        for cluster_id in cluster_ids:
            if cluster_id not in found:
                likeness = best_wording(conn, cluster_id, norm, CHECK_PART_WORDS)
                if likeness:
                    found[cluster_id] = likeness

    compare(candidate_clusters(conn, norm, limit=10))
    if all(f.closeness == "paraphrase" for f in found.values()):
        compare(_fts_candidates(conn, norm))
    ranked = sorted(found.items(), key=lambda item: likeness_rank(item[1]), reverse=True)
    matches = []
    for cluster_id, likeness in ranked[:limit]:
        occurrence, size = first_occurrence(conn, cluster_id)
        matches.append(
            CheckMatch(
                closeness=likeness.closeness,
                similarity=min(likeness.similarity, 100.0),
                text=conn.execute(
                    "SELECT text FROM clusters WHERE id = ?", (cluster_id,)
                ).fetchone()[0],
                speaker=occurrence.speaker,
                speaker_id=occurrence.speaker_id,
                cluster_id=cluster_id,
                occurrences=size,
                first=occurrence,
            )
        )
    return matches


def _fts_candidates(conn: sqlite3.Connection, norm: str, words: int = 4) -> list[int]:
    """Clusters of the best full-text matches of the longest content words of ``norm``."""
    content = sorted(content_words(norm), key=lambda w: (len(w), w))
    if not content:
        return []
    match = Filters().match(" OR ".join(f'"{w}"' for w in content[-words:]))
    floor = rank_floor(conn, match, 30) or 0
    rows = conn.execute(
        "SELECT q.cluster_id FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid"
        " WHERE quotes_fts MATCH ? AND quotes_fts.rowid >= ?"
        " ORDER BY bm25(quotes_fts, 1.0, 0.0) LIMIT 30",
        (match, floor),
    )
    return list(dict.fromkeys(r[0] for r in rows if r[0] is not None))


def article(conn: sqlite3.Connection, article_id: str) -> Article | None:
    row = conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    return Article.model_validate_json(zlib.decompress(row[0]))


def article_links(conn: sqlite3.Connection, article_id: str) -> ArticleLinks | None:
    """An article's speakers as corpus-wide speaker ids and its quotes' clusters, each with
    its size and first appearance (indexed look-ups per quote, whatever the corpus size)."""
    row = conn.execute("SELECT rowid FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    people = conn.execute(
        "SELECT speaker_id, person_id FROM article_speakers WHERE article_rowid = ?", (row[0],)
    )
    quotes = conn.execute(
        "SELECT quote_id, cluster_id FROM quotes WHERE article_rowid = ? AND cluster_id"
        " IS NOT NULL",
        (row[0],),
    ).fetchall()
    firsts = {c: first_occurrence(conn, c) for c in {cluster_id for _, cluster_id in quotes}}
    clusters = {
        quote_id: ClusterRef(
            id=cluster_id,
            size=firsts[cluster_id][1],
            first_article_id=firsts[cluster_id][0].article_id,
            first_source=firsts[cluster_id][0].source,
            first_date=firsts[cluster_id][0].date,
        )
        for quote_id, cluster_id in quotes
    }
    return ArticleLinks(people=dict(people.fetchall()), clusters=clusters)
