"""Speakers across articles: each article's speaker records become corpus-wide people and
organisations at ingest, and a name a user types finds them (``find_people``).

A person with a first name joins the person with the same surname and an agreeing first name
(or a surname-only person whose titles, affiliations or co-occurring speakers agree). A bare
surname joins a person only on such evidence, never on the surname alone: "Sanders" the press
secretary and "Bernie Sanders" the senator stay two people. Organisations join by their key
(``lang.orgs.org_key``); groups, unnamed people, documents and unknown sources are records of
their article and join nothing (``PER_ARTICLE``). User corrections (``store.corrections``)
are pins (name -> person), consulted first here, so a merge or split survives re-ingest.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from saidwhat.lang.names import (
    PersonName,
    first_names_agree,
    person_key,
    roles_agree,
    written_name,
)
from saidwhat.lang.orgs import org_key
from saidwhat.lang.text import normalise
from saidwhat.records import Article, Speaker

PERSONLIKE = ("person",)
# Speakers that are one article's own and never join across articles: "officials", "a senior
# aide", "the report", "the author" are not the same ones in two articles.
PER_ARTICLE = ("group", "unnamed", "document", "unknown")
SQLITE_MIN_INT, SQLITE_MAX_INT = -(2**63), 2**63 - 1
COOCCURRENCE_WINDOW = 500  # co-quoted people are looked for in a person's latest N articles


@dataclass
class Candidate:
    id: int
    first: str | None
    titles: list[str]
    affiliations: list[str]


def display_name(speaker: Speaker) -> str:
    """The name as written without leading honorifics/titles: "Mayor Bill de Blasio" -> "Bill
    de Blasio" (organisations keep their name)."""
    if speaker.kind not in PERSONLIKE:
        return speaker.name.strip()
    return written_name(speaker.name, speaker.titles)


def resolve_article(
    conn: sqlite3.Connection, article_rowid: int, article: Article, date: str | None
) -> dict[str, int]:
    """Link every speaker of one article to a corpus-wide person (creating people as needed);
    returns {article speaker id: person id}. Full names first, so that bare surnames can use
    the people already resolved in this article as co-occurrence evidence."""
    order = sorted(article.speakers, key=lambda s: _is_bare_surname(s))
    resolved: dict[str, int] = {}
    for speaker in order:
        person_id = _pinned(conn, speaker)
        if person_id is None and speaker.kind not in PER_ARTICLE:
            person_id = _match(conn, speaker, set(resolved.values()))
        if person_id is None:
            person_id = _create(conn, speaker)
        resolved[speaker.id] = person_id
        _record(conn, article_rowid, speaker, person_id, date)
    return resolved


def _is_bare_surname(speaker: Speaker) -> bool:
    return speaker.kind in PERSONLIKE and person_key(speaker.name, speaker.titles).first is None


def _pinned(conn: sqlite3.Connection, speaker: Speaker) -> int | None:
    keys = {normalise(speaker.name), normalise(display_name(speaker))}
    marks = ",".join("?" * len(keys))
    row = conn.execute(
        f"SELECT person_id FROM pins WHERE norm IN ({marks})", tuple(keys)
    ).fetchone()
    return row[0] if row else None


def _match(conn: sqlite3.Connection, speaker: Speaker, cospeakers: set[int]) -> int | None:
    if speaker.kind not in PERSONLIKE:
        row = conn.execute(
            "SELECT p.id FROM aliases a JOIN people p ON p.id = a.person_id"
            " WHERE a.norm = ? AND p.kind = ? ORDER BY p.id LIMIT 1",
            (org_key(speaker.name), speaker.kind),
        ).fetchone()
        return row[0] if row else None
    return match_person(conn, person_key(speaker.name, speaker.titles), speaker, cospeakers)


def match_person(
    conn: sqlite3.Connection,
    name: PersonName,
    speaker: Speaker,
    cospeakers: set[int],
    exclude: int | None = None,
) -> int | None:
    """The person a speaker with these name keys joins, if any (``exclude``: a person not to
    join, the one being re-keyed itself)."""
    if not name.surname:
        return None
    candidates = [c for c in _candidates(conn, name.surname) if c.id != exclude]
    if name.first:
        same_first = [c for c in candidates if first_names_agree(c.first, name.first)]
        if same_first:
            return max(same_first, key=lambda c: _evidence(conn, c, speaker, cospeakers)).id
        candidates = [c for c in candidates if c.first is None]
    scored = [(_evidence(conn, c, speaker, cospeakers), c.id) for c in candidates]
    scored = [s for s in scored if s[0] > 0]
    return max(scored)[1] if scored else None


def _candidates(conn: sqlite3.Connection, surname: str) -> list[Candidate]:
    rows = conn.execute(
        "SELECT id, first_name FROM people WHERE surname = ? AND kind = 'person'", (surname,)
    ).fetchall()
    out = []
    for person_id, first in rows:
        roles = conn.execute(
            "SELECT kind, value FROM roles WHERE person_id = ?", (person_id,)
        ).fetchall()
        out.append(
            Candidate(
                id=person_id,
                first=first,
                titles=[v for k, v in roles if k == "title"],
                affiliations=[v for k, v in roles if k == "affiliation"],
            )
        )
    return out


def _evidence(
    conn: sqlite3.Connection, candidate: Candidate, speaker: Speaker, cospeakers: set[int]
) -> int:
    """How much besides the surname says this speaker is that person: agreeing (or
    conflicting) titles and affiliations, and people quoted alongside both."""
    score = _role_score(speaker.titles, candidate.titles, 2)
    score += _role_score(speaker.affiliations, candidate.affiliations, 1)
    if cospeakers:
        marks = ",".join("?" * len(cospeakers))
        shared = conn.execute(
            "SELECT COUNT(DISTINCT b.person_id) FROM (SELECT article_rowid FROM article_speakers"
            "  WHERE person_id = ? ORDER BY article_rowid DESC LIMIT ?) a"
            " JOIN article_speakers b ON b.article_rowid = a.article_rowid"
            f" WHERE b.person_id IN ({marks})",
            (candidate.id, COOCCURRENCE_WINDOW, *cospeakers),
        ).fetchone()[0]
        score += shared
    return score


def _role_score(ours: list[str], theirs: list[str], weight: int) -> int:
    """+2 when roles agree, -weight when both sides have roles and none agree (a senator is
    not a press secretary), 0 when one side knows none."""
    if not ours or not theirs:
        return 0
    return 2 if roles_agree(ours, theirs) else -weight


def _create(conn: sqlite3.Connection, speaker: Speaker) -> int:
    name: PersonName | None = None
    if speaker.kind in PERSONLIKE:
        name = person_key(speaker.name, speaker.titles)
    cursor = conn.execute(
        "INSERT INTO people (name, kind, first_name, surname) VALUES (?, ?, ?, ?)",
        (
            display_name(speaker),
            speaker.kind,
            name.first if name else None,
            name.surname if name else None,
        ),
    )
    return cursor.lastrowid


def _record(
    conn: sqlite3.Connection, article_rowid: int, speaker: Speaker, person_id: int, date: str | None
) -> None:
    """Store the link, the aliases, the roles, and give the person its fullest name."""
    conn.execute(
        "INSERT OR REPLACE INTO article_speakers (article_rowid, speaker_id, person_id, name,"
        " titles, affiliations, anonymity, role, gender) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article_rowid,
            speaker.id,
            person_id,
            speaker.name,
            json.dumps(speaker.titles),
            json.dumps(speaker.affiliations),
            speaker.anonymity,
            speaker.role,
            speaker.gender,
        ),
    )
    for alias in _aliases(speaker):
        key = org_key(alias) if speaker.kind not in PERSONLIKE else normalise(alias)
        conn.execute(
            "INSERT OR IGNORE INTO aliases (person_id, alias, norm) VALUES (?, ?, ?)",
            (person_id, alias, key),
        )
    _add_roles(conn, person_id, "title", speaker.titles, date)
    _add_roles(conn, person_id, "affiliation", speaker.affiliations, date)
    if speaker.kind in PERSONLIKE:
        _upgrade_name(conn, person_id, speaker)


def _aliases(speaker: Speaker) -> list[str]:
    """The name and every mention written as a name (capitalised, sharing the surname)."""
    names = [speaker.name, display_name(speaker)]
    if speaker.kind in PERSONLIKE:
        surname = person_key(speaker.name, speaker.titles).surname
        for mention in speaker.mentions:
            text = mention.text.strip()
            if text[:1].isupper() and surname and surname in normalise(text):
                names.append(text)
    return list(dict.fromkeys(n for n in names if n))


def _add_roles(
    conn: sqlite3.Connection, person_id: int, kind: str, values: Iterable[str], date: str | None
) -> None:
    for value in dict.fromkeys(v.strip() for v in values if v.strip()):
        conn.execute(
            "INSERT INTO roles (person_id, kind, value, norm, first_seen, last_seen, count)"
            " VALUES (?, ?, ?, ?, ?, ?, 1)"
            " ON CONFLICT (person_id, kind, norm) DO UPDATE SET count = count + 1,"
            " first_seen = COALESCE(MIN(first_seen, excluded.first_seen), first_seen,"
            "   excluded.first_seen),"
            " last_seen = COALESCE(MAX(last_seen, excluded.last_seen), last_seen,"
            "   excluded.last_seen)",
            (person_id, kind, value, normalise(value), date, date),
        )


def _upgrade_name(conn: sqlite3.Connection, person_id: int, speaker: Speaker) -> None:
    """A person is named by the fullest form seen ("Sanders" -> "Sarah Huckabee Sanders")."""
    name = person_key(speaker.name, speaker.titles)
    current = conn.execute(
        "SELECT name, first_name FROM people WHERE id = ?", (person_id,)
    ).fetchone()
    if current is None or is_pinned(conn, person_id):
        return
    shown = display_name(speaker)
    if len(shown.split()) > len(current[0].split()):
        conn.execute(
            "UPDATE people SET name = ?, first_name = COALESCE(first_name, ?) WHERE id = ?",
            (shown, name.first, person_id),
        )


def is_pinned(conn: sqlite3.Connection, person_id: int) -> bool:
    """Whether the user named this person (by merge, split or aliases file): it keeps that
    name, and its names resolve to it before any rule."""
    row = conn.execute("SELECT 1 FROM pins WHERE person_id = ? LIMIT 1", (person_id,)).fetchone()
    return row is not None


def rebuild_roles(conn: sqlite3.Connection, person_ids: Iterable[int]) -> None:
    """Recount the titles and affiliations of these people from their article speakers (after
    an article was replaced, or a merge or split moved speakers between people)."""
    for person_id in set(person_ids):
        conn.execute("DELETE FROM roles WHERE person_id = ?", (person_id,))
        rows = conn.execute(
            "SELECT s.titles, s.affiliations, a.date FROM article_speakers s"
            " JOIN articles a ON a.rowid = s.article_rowid WHERE s.person_id = ?",
            (person_id,),
        ).fetchall()
        for titles, affiliations, date in rows:
            _add_roles(conn, person_id, "title", json.loads(titles), date)
            _add_roles(conn, person_id, "affiliation", json.loads(affiliations), date)


def fold_person(conn: sqlite3.Connection, keep: int, gone: int) -> None:
    """Move everything that names person ``gone`` (article speakers, quotes and their search
    tags, aliases, pins) to ``keep``, recount its roles and delete ``gone``."""
    conn.execute("UPDATE article_speakers SET person_id = ? WHERE person_id = ?", (keep, gone))
    conn.execute(
        "UPDATE quotes SET person_id = ?, tags = saidwhat_tags(?, source, type)"
        " WHERE person_id = ?",
        (keep, keep, gone),
    )
    conn.execute(
        "INSERT OR IGNORE INTO aliases (person_id, alias, norm)"
        " SELECT ?, alias, norm FROM aliases WHERE person_id = ?",
        (keep, gone),
    )
    conn.execute("UPDATE pins SET person_id = ? WHERE person_id = ?", (keep, gone))
    if has_answers(conn):
        conn.execute("UPDATE answers SET answered_id = ? WHERE answered_id = ?", (keep, gone))
    conn.execute("DELETE FROM people WHERE id = ?", (gone,))
    rebuild_roles(conn, [keep])


def move_speakers(
    conn: sqlite3.Connection, to: int, article_rowid: int, where: str, value: object
) -> None:
    """Move one article's speaker links and quotes whose ``where`` column ("person_id" or
    "speaker_id") is ``value`` to person ``to``, the quotes' search tags with them."""
    column = {"person_id": "person_id", "speaker_id": "speaker_id"}[where]
    conn.execute(
        f"UPDATE article_speakers SET person_id = ? WHERE article_rowid = ? AND {column} = ?",
        (to, article_rowid, value),
    )
    conn.execute(
        "UPDATE quotes SET person_id = ?, tags = saidwhat_tags(?, source, type)"
        f" WHERE article_rowid = ? AND {column} = ?",
        (to, to, article_rowid, value),
    )
    if has_answers(conn):  # answers to the moved speakers follow them
        conn.execute(
            "UPDATE answers SET answered_id = (SELECT s.person_id FROM article_speakers s"
            " WHERE s.article_rowid = answers.article_rowid"
            " AND s.speaker_id = answers.answered_speaker)"
            " WHERE article_rowid = ? AND answered_speaker IS NOT NULL",
            (article_rowid,),
        )


def has_answers(conn: sqlite3.Connection) -> bool:
    """Whether the store has the answers table (schema 10): the re-keying of older migrations
    runs this code on stores made before it."""
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'answers'")
    return found.fetchone() is not None


def drop_orphans(conn: sqlite3.Connection) -> None:
    """People no article speaks of any more and no correction names are removed."""
    conn.execute(
        "DELETE FROM people WHERE id NOT IN (SELECT person_id FROM article_speakers)"
        " AND id NOT IN (SELECT person_id FROM pins)"
    )


def find_people(conn: sqlite3.Connection, name_or_id: str | int) -> list[int]:
    """People a user means by a name or id: exact id, else exact alias, else same surname +
    first name; most-quoted first."""
    person_id = _as_id(name_or_id)
    if person_id is not None:
        row = conn.execute("SELECT id FROM people WHERE id = ?", (person_id,)).fetchone()
        if row:
            return [row[0]]
    norm = normalise(str(name_or_id))
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT person_id FROM aliases WHERE norm IN (?, ?)",
            (norm, org_key(str(name_or_id))),
        )
    ]
    if not ids:
        name = person_key(str(name_or_id))
        ids = [
            c.id
            for c in _candidates(conn, name.surname)
            if name.first is None or first_names_agree(c.first, name.first)
        ]
    return sorted(ids, key=lambda i: -_quote_count(conn, i))


def _as_id(name_or_id: str | int) -> int | None:
    """The id an int or a string of ASCII digits stands for, if SQLite can hold it (a longer
    number, or a digit of another script such as '²', is a name that matches nobody)."""
    if isinstance(name_or_id, str):
        if not (name_or_id.isascii() and name_or_id.isdigit()):
            return None
        name_or_id = int(name_or_id)
    return name_or_id if SQLITE_MIN_INT <= name_or_id <= SQLITE_MAX_INT else None


def _quote_count(conn: sqlite3.Connection, person_id: int) -> int:
    return conn.execute("SELECT COUNT(*) FROM quotes WHERE person_id = ?", (person_id,)).fetchone()[
        0
    ]
