"""Look-ups in the store: the most-quoted speakers, the speakers a name means, a speaker's
profile and timeline, a quote cluster with its first appearance, an article, its links into the
corpus, and the articles whose headline has some words. Each takes an open connection and
returns the typed views of ``store.models``."""

from __future__ import annotations

import re
import sqlite3
import zlib

from saidwhat.records import Article
from saidwhat.store.answers import answer_links
from saidwhat.store.models import (
    ArticleHit,
    ArticleLinks,
    Attribution,
    Cluster,
    ClusterRef,
    Occurrence,
    OutletCount,
    Role,
    SpeakerProfile,
    SpeakerSummary,
    WeekCount,
)
from saidwhat.store.people import find_people
from saidwhat.store.rows import FROM, NEWEST_FIRST, OCCURRENCE, OLDEST_FIRST, SUMMARY
from saidwhat.store.search import fts_query
from saidwhat.store.sourcing import evidence, label_counts

_NAME = re.compile(r"[^\W\d_][\w.'’ -]*")  # letters first; no digits alone, quotes, * or ()


def speakers(
    conn: sqlite3.Connection, top: int = 20, kind: str | None = None
) -> list[SpeakerSummary]:
    """The most-quoted speakers."""
    where, params = ("WHERE p.kind = ?", [kind]) if kind else ("", [])
    rows = conn.execute(f"{SUMMARY} {where} ORDER BY quotes DESC, p.name LIMIT ?", (*params, top))
    return [SpeakerSummary(**dict(row)) for row in rows]


def speakers_named(conn: sqlite3.Connection, name: str, limit: int = 5) -> list[SpeakerSummary]:
    """The speakers a name means, as the speaker filter reads it (any alias, a surname with an
    agreeing first name), most-quoted first; none for words that cannot be a name (digits,
    which would be an id, or search syntax)."""
    if not _NAME.fullmatch(name.strip()):
        return []
    ids = find_people(conn, name.strip())[:limit]
    rows = conn.execute(f"{SUMMARY} WHERE p.id IN ({','.join('?' * len(ids))})", ids)
    return sorted((SpeakerSummary(**dict(r)) for r in rows), key=lambda s: ids.index(s.id))


def headlines(conn: sqlite3.Connection, text: str, limit: int = 5) -> list[ArticleHit]:
    """The articles whose headline has the words (as a quote search reads them: phrases,
    prefix*, OR, NOT; stemmed), best match first, from the headline index."""
    query = fts_query(text)
    if not query:
        return []
    rows = conn.execute(
        "SELECT a.id, a.title, a.source, a.date,"
        " (SELECT COUNT(*) FROM quotes WHERE article_rowid = a.rowid) AS quotes"
        " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
        " WHERE articles_fts MATCH ? ORDER BY articles_fts.rank LIMIT ?",
        (query, limit),
    )
    return [ArticleHit(**dict(r)) for r in rows]


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
        f"{OCCURRENCE}{FROM} WHERE q.person_id = ?{NEWEST_FIRST} LIMIT ?",
        (person_id, recent),
    ).fetchall()
    answers, answered_by = answer_links(conn, person_id)
    return SpeakerProfile(
        **dict(row),
        labels=label_counts(conn, person_id),
        evidence=evidence(conn, person_id),
        answers=answers,
        answered_by=answered_by,
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
        id=head["id"],
        text=head["text"],
        size=size.fetchone()[0],
        first=found[0],
        speakers=attributions(conn, cluster_id),
        occurrences=found,
    )


def attributions(conn: sqlite3.Connection, cluster_id: int, top: int = 10) -> list[Attribution]:
    """Everyone a quote cluster's words are attributed to, most often first: the same words
    said by two people (a quote re-quoted by an opponent) show as such."""
    rows = conn.execute(
        "SELECT p.name AS speaker, q.person_id AS speaker_id, COUNT(*) AS occurrences"
        " FROM quotes q LEFT JOIN people p ON p.id = q.person_id WHERE q.cluster_id = ?"
        " GROUP BY q.person_id ORDER BY occurrences DESC, speaker LIMIT ?",
        (cluster_id, top),
    )
    return [Attribution(**dict(r)) for r in rows]


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
