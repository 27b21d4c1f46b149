"""Who answers whom across the corpus: each quote that answers someone (``Quote.answers``)
is a row linking the answering quote (whose speaker is the answerer) to the answered
corpus speaker, and to the answered quote when the article carries it.

The answered one is the article's own speaker when the article quotes them
(``answered_speaker``); else they are found by name as an ingest would join a speaker of that
name (``people.match_person``, a body by its key), and a name nobody bears yet is kept and
linked when an ingest brings them (``link_named``).
"""

from __future__ import annotations

import sqlite3

from saidwhat.lang.names import person_key
from saidwhat.lang.orgs import org_key
from saidwhat.lang.text import normalise
from saidwhat.records import Article, Speaker
from saidwhat.store.filters import QuoteFilters
from saidwhat.store.models import AnswerLink, NetworkEdge, Occurrence
from saidwhat.store.people import PERSONLIKE, find_people, match_person
from saidwhat.store.rows import FROM, OCCURRENCE
from saidwhat.store.search import SqlFilters

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS answers (
        quote_rowid INTEGER PRIMARY KEY REFERENCES quotes(rowid) ON DELETE CASCADE,
        article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
        answered_speaker TEXT,
        answered_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
        answered_name TEXT NOT NULL,
        answered_kind TEXT NOT NULL,
        answered_key TEXT NOT NULL,
        answered_quote INTEGER REFERENCES quotes(rowid) ON DELETE SET NULL,
        how TEXT NOT NULL,
        cue TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS answers_answered ON answers(answered_id)",
    "CREATE INDEX IF NOT EXISTS answers_article ON answers(article_rowid, answered_speaker)",
    "CREATE INDEX IF NOT EXISTS answers_unlinked ON answers(answered_key)"
    " WHERE answered_id IS NULL",
]
_NAMED_KINDS = "('person', 'organization')"  # co-quoted: people of many articles, not "officials"
# what an answer row reads as: answerer (the quote's speaker) and answered, by id and name
EDGE = (
    "SELECT q.person_id AS source_id, sp.name AS source_name, a.answered_id AS target_id,"
    " COALESCE(tp.name, a.answered_name) AS target_name, COUNT(*) AS weight"
    " FROM answers a JOIN quotes q ON q.rowid = a.quote_rowid"
    " LEFT JOIN people sp ON sp.id = q.person_id LEFT JOIN people tp ON tp.id = a.answered_id"
)


def write_answers(
    conn: sqlite3.Connection,
    article_rowid: int,
    article: Article,
    people: dict[str, int],
    quote_rowids: dict[str, int],
) -> None:
    """Store the answers of one article's quotes (its quotes and speakers already stored)."""
    cospeakers = set(people.values())
    for quote in article.quotes:
        answer = quote.answers
        if answer is None or quote.id not in quote_rowids:
            continue
        answered = people.get(answer.speaker_id) if answer.speaker_id else None
        if answered is None:
            answered = _by_name(conn, answer.name, answer.kind, cospeakers)
        conn.execute(
            "INSERT OR REPLACE INTO answers (quote_rowid, article_rowid, answered_speaker,"
            " answered_id, answered_name, answered_kind, answered_key, answered_quote, how, cue)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                quote_rowids[quote.id],
                article_rowid,
                answer.speaker_id,
                answered,
                answer.name,
                answer.kind,
                _key(answer.name, answer.kind),
                quote_rowids.get(answer.quote_id) if answer.quote_id else None,
                answer.how,
                answer.cue.text,
            ),
        )


def _by_name(conn: sqlite3.Connection, name: str, kind: str, cospeakers: set[int]) -> int | None:
    """The corpus speaker an answered name means, as an ingest would join a speaker so
    named; None when nobody (yet)."""
    if kind in PERSONLIKE:
        speaker = Speaker(id="", name=name, kind=kind)
        return match_person(conn, person_key(name), speaker, cospeakers)
    if kind == "organization":
        row = conn.execute(
            "SELECT p.id FROM aliases a JOIN people p ON p.id = a.person_id"
            " WHERE a.norm = ? AND p.kind = 'organization' ORDER BY p.id LIMIT 1",
            (org_key(name),),
        ).fetchone()
        return row[0] if row else None
    return None


def _key(name: str, kind: str) -> str:
    """The name as the aliases table keys it (``link_named`` looks a name up there)."""
    return normalise(name) if kind in PERSONLIKE else org_key(name)


def link_named(conn: sqlite3.Connection) -> int:
    """Link the answers to a name nobody bore when they were stored to whoever bears it now
    (a speaker with that name among their aliases); returns how many were linked."""
    rows = conn.execute(
        "SELECT a.quote_rowid, a.answered_name, a.answered_kind, a.article_rowid FROM answers a"
        " WHERE a.answered_id IS NULL AND a.answered_speaker IS NULL"
        " AND EXISTS (SELECT 1 FROM aliases WHERE norm = a.answered_key)"
    ).fetchall()
    linked = 0
    for quote_rowid, name, kind, article_rowid in rows:
        cospeakers = {
            r[0]
            for r in conn.execute(
                "SELECT person_id FROM article_speakers WHERE article_rowid = ?", (article_rowid,)
            )
        }
        found = _by_name(conn, name, kind, cospeakers)
        if found is not None:
            conn.execute(
                "UPDATE answers SET answered_id = ? WHERE quote_rowid = ?", (found, quote_rowid)
            )
            linked += 1
    return linked


# -- reading them back: a speaker's answers, the network of a set of quotes ------------------
def answer_links(
    conn: sqlite3.Connection, person_id: int, limit: int = 10
) -> tuple[list[AnswerLink], list[AnswerLink]]:
    """Whom a speaker answers and who answers them, most often first, each with the latest
    answering quote."""
    answered = (
        "SELECT a.answered_id, COALESCE(p.name, a.answered_name), COUNT(*), MAX(q.rowid)"
        " FROM quotes q JOIN answers a ON a.quote_rowid = q.rowid"
        " LEFT JOIN people p ON p.id = a.answered_id WHERE q.person_id = ?"
        " GROUP BY a.answered_id, CASE WHEN a.answered_id IS NULL THEN a.answered_name END"
        " ORDER BY COUNT(*) DESC, MAX(q.rowid) DESC LIMIT ?"
    )
    answering = (
        "SELECT q.person_id, COALESCE(p.name, '?'), COUNT(*), MAX(q.rowid)"
        " FROM answers a JOIN quotes q ON q.rowid = a.quote_rowid"
        " LEFT JOIN people p ON p.id = q.person_id WHERE a.answered_id = ?"
        " GROUP BY q.person_id ORDER BY COUNT(*) DESC, MAX(q.rowid) DESC LIMIT ?"
    )
    return (
        _links(conn, conn.execute(answered, (person_id, limit)).fetchall()),
        _links(conn, conn.execute(answering, (person_id, limit)).fetchall()),
    )


def _links(conn: sqlite3.Connection, rows: list[tuple]) -> list[AnswerLink]:
    out = []
    for person_id, name, count, latest in rows:
        example = conn.execute(f"{OCCURRENCE}{FROM} WHERE q.rowid = ?", (latest,)).fetchone()
        how = conn.execute("SELECT how FROM answers WHERE quote_rowid = ?", (latest,)).fetchone()
        out.append(
            AnswerLink(
                id=person_id,
                name=name,
                quotes=count,
                how=how[0] if how else None,
                example=Occurrence(**dict(example)) if example else None,
            )  # fmt: skip
        )
    return out


def answer_edges(
    conn: sqlite3.Connection, filters: QuoteFilters, quote_ids: list[int] | None = None
) -> list[NetworkEdge]:
    """Who answers whom among the quotes the filters choose (or among ``quote_ids``, a
    search's hits): one edge per answerer and answered, weighted by answering quotes."""
    sql = SqlFilters.compile(conn, filters)
    if sql is None:
        return []
    clauses, params = list(sql.clauses), list(sql.params)
    if quote_ids is not None:
        clauses.append(f"q.rowid IN ({','.join('?' * len(quote_ids))})")
        params.extend(quote_ids)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    rows = conn.execute(
        f"{EDGE}{where} GROUP BY q.person_id, a.answered_id,"
        " CASE WHEN a.answered_id IS NULL THEN a.answered_name END ORDER BY weight DESC",
        params,
    )
    return [NetworkEdge(**dict(r), kind="answer") for r in rows]


def coquoted_edges(conn: sqlite3.Connection, filters: QuoteFilters) -> list[NetworkEdge]:
    """Named people and bodies quoted in the same article, weighted by articles, over the
    articles of the filters' outlet and dates (with a speaker: the articles quoting them)."""
    articles = SqlFilters.of_articles(filters, "art.")
    clauses, params = ["x.person_id < y.person_id", *articles.clauses], list(articles.params)
    if filters.speaker:
        ids = find_people(conn, filters.speaker)
        if not ids:
            return []
        clauses.append(
            "EXISTS (SELECT 1 FROM article_speakers z WHERE z.article_rowid = x.article_rowid"
            f" AND z.person_id IN ({','.join('?' * len(ids))}))"
        )
        params.extend(ids)
    rows = conn.execute(
        "SELECT x.person_id AS source_id, px.name AS source_name, y.person_id AS target_id,"
        " py.name AS target_name, COUNT(DISTINCT x.article_rowid) AS weight"
        " FROM article_speakers x JOIN article_speakers y ON y.article_rowid = x.article_rowid"
        " JOIN people px ON px.id = x.person_id JOIN people py ON py.id = y.person_id"
        " JOIN articles art ON art.rowid = x.article_rowid"
        f" WHERE {' AND '.join(clauses)} AND px.kind IN {_NAMED_KINDS}"
        f" AND py.kind IN {_NAMED_KINDS}"
        " GROUP BY x.person_id, y.person_id ORDER BY weight DESC",
        params,
    )
    return [NetworkEdge(**dict(r), kind="co-quoted") for r in rows]


def graph_nodes(
    conn: sqlite3.Connection, edges: list[NetworkEdge]
) -> dict[str, tuple[str, str, int]]:
    """{node id: (name, kind, quotes)} of the edges' ends (``store.export.node_key``); a name
    nobody bears is its own node, of unknown kind, with no quotes."""
    ids = {i for e in edges for i in (e.source_id, e.target_id) if i is not None}
    known = {}
    for chunk in _chunks(sorted(ids), 500):
        marks = ",".join("?" * len(chunk))
        for person_id, name, kind, quotes in conn.execute(
            "SELECT p.id, p.name, p.kind, (SELECT COUNT(*) FROM quotes q WHERE q.person_id = p.id)"
            f" FROM people p WHERE p.id IN ({marks})",
            chunk,
        ):
            known[str(person_id)] = (name, kind, quotes)
    for e in edges:
        for ident, name in ((e.source_id, e.source_name), (e.target_id, e.target_name)):
            if ident is None:
                known.setdefault(f"name:{name}", (name, "unknown", 0))
    return known


def _chunks(values: list[int], size: int) -> list[list[int]]:
    return [values[i : i + size] for i in range(0, len(values), size)]
