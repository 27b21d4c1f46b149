"""Re-keying stored people after the name rules changed (schema migrations 4 and 5), stored
bodies after the organisation key changed (migration 6), and people after extraction and the
store shared one name model (migration 7: ``one_name_model``), and people whose first names
are one name's familiar and formal forms (migration 13: ``join_familiar_names``).

A person is keyed by ``person_key`` (surname with its particles, first name) when an ingest
first meets them, and later ingests find them by that key. When the rules change, a store
made before keeps the old keys while new ingests use the new ones, so one person splits in
two: an old row keyed "ben carson" and a new one keyed "carson" with the first name "ben".

Re-keying reads every person's shown name (the fullest form seen) with the current rules,
and joins each re-keyed person to the person an ingest would join a speaker of that name to
(store.people.match_person: same surname and agreeing first names, else a bare surname on
agreeing roles or co-quoted people). Each re-keyed person is joined at most once, so
re-keying never chains people together that no single speaker would have joined.
Corrections survive: pins move with their person, and two people that both carry pins (the
two sides of a user's split, or two corrected people) are never joined.
"""

from __future__ import annotations

import sqlite3

from saidwhat.lang.names import (
    PersonName,
    first_names_agree,
    is_lead_word,
    parse_name,
    person_key,
)
from saidwhat.lang.orgs import org_key
from saidwhat.lang.text import normalise
from saidwhat.lang.words import NICKNAMES
from saidwhat.records import Speaker
from saidwhat.store.people import (
    COOCCURRENCE_WINDOW,
    PER_ARTICLE,
    PERSONLIKE,
    fold_person,
    is_pinned,
    match_person,
    move_speakers,
    rebuild_roles,
)


def rekey_people(conn: sqlite3.Connection) -> int:
    """Give every person the keys the current rules read from its name and join the people
    that now meet; returns how many people were joined into another."""
    return sum(_join_match(conn, person_id) for person_id in _rekey(conn))


def _rekey(conn: sqlite3.Connection) -> list[int]:
    """Store the current keys of every person whose keys changed; returns their ids."""
    marks = ",".join("?" * len(PERSONLIKE))
    rows = conn.execute(
        f"SELECT id, name, first_name, surname FROM people WHERE kind IN ({marks}) ORDER BY id",
        PERSONLIKE,
    ).fetchall()
    changed = []
    for person_id, name, first, surname in rows:
        parsed = person_key(name)
        if parsed.first is None:
            # a first name learnt from a fuller form the person is not shown by (a pinned
            # person's name is never upgraded) stays while the surname does, unless the rules
            # now drop that word before a surname ("speaker" of "Speaker Johnson")
            dropped = first is not None and is_lead_word(first)
            new_first = first if parsed.surname == surname and not dropped else None
        else:
            # the first name seen first stays ("s" once "Sam Q. Jones" named "S. Jones")
            new_first = first if first_names_agree(first, parsed.first) else parsed.first
        if (parsed.surname, new_first) != (surname, first):
            conn.execute(
                "UPDATE people SET surname = ?, first_name = ? WHERE id = ?",
                (parsed.surname, new_first, person_id),
            )
            changed.append(person_id)
    return changed


def _join_match(conn: sqlite3.Connection, person_id: int) -> bool:
    """Join a re-keyed person and the person an ingest would join its name to, if any."""
    row = conn.execute(
        "SELECT name, kind, first_name, surname FROM people WHERE id = ?", (person_id,)
    ).fetchone()
    if row is None:  # already joined into a person re-keyed before it
        return False
    name, kind, first, surname = row
    roles = conn.execute(
        "SELECT kind, value FROM roles WHERE person_id = ?", (person_id,)
    ).fetchall()
    speaker = Speaker(
        id=str(person_id),
        name=name,
        kind=kind,
        titles=[v for k, v in roles if k == "title"],
        affiliations=[v for k, v in roles if k == "affiliation"],
    )
    key = PersonName(shown=name, core=normalise(name), surname=surname, first=first)
    other = match_person(conn, key, speaker, _cospeakers(conn, person_id), exclude=person_id)
    if other is None:
        return False
    mine, theirs = is_pinned(conn, person_id), is_pinned(conn, other)
    if mine and theirs:
        return False
    # the corrected person stays, else the one the corpus met first (the lower id)
    stays = mine or (not theirs and person_id < other)
    keep, gone = (person_id, other) if stays else (other, person_id)
    _take_name(conn, keep, gone)
    fold_person(conn, keep, gone)
    return True


def _cospeakers(conn: sqlite3.Connection, person_id: int) -> set[int]:
    """People quoted alongside a person in its latest articles (ingest's co-occurrence
    evidence, taken over the person's articles instead of one article)."""
    return {
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT b.person_id FROM (SELECT article_rowid FROM article_speakers"
            "  WHERE person_id = ? ORDER BY article_rowid DESC LIMIT ?) a"
            " JOIN article_speakers b ON b.article_rowid = a.article_rowid"
            " WHERE b.person_id != ?",
            (person_id, COOCCURRENCE_WINDOW, person_id),
        )
    }


def _take_name(conn: sqlite3.Connection, keep: int, gone: int) -> None:
    """The joined person is shown by the fuller name of the two (a corrected person keeps
    the name the user gave) and keeps a first name either had."""
    (keep_name, keep_first), (gone_name, gone_first) = (
        conn.execute("SELECT name, first_name FROM people WHERE id = ?", (i,)).fetchone()
        for i in (keep, gone)
    )
    fuller = len(gone_name.split()) > len(keep_name.split()) and not is_pinned(conn, keep)
    conn.execute(
        "UPDATE people SET name = ?, first_name = ? WHERE id = ?",
        (gone_name if fuller else keep_name, keep_first or gone_first, keep),
    )


def rekey_organisations(conn: sqlite3.Connection) -> int:
    """Give the aliases and pins of every organisation and group the current key
    (``lang.orgs.org_key``, which extraction reads too) and join the bodies of one kind that
    now share a key, the one the corpus met first keeping its row, as an ingest joins a body
    to the first with its key. Before the key was shared, "Department of Justice" and "Justice
    Department" were one body in an article and two in the corpus. Two bodies that both carry
    a user's correction are never joined. Returns how many bodies were joined into another."""
    marks = ",".join("?" * len(PERSONLIKE))
    rows = conn.execute(
        "SELECT a.person_id, a.alias, a.norm FROM aliases a JOIN people p ON p.id = a.person_id"
        f" WHERE p.kind NOT IN ({marks})",
        PERSONLIKE,
    ).fetchall()
    for person_id, alias, norm in rows:
        key = org_key(alias)
        if key == norm:
            continue
        conn.execute("DELETE FROM aliases WHERE person_id = ? AND norm = ?", (person_id, norm))
        conn.execute(
            "INSERT OR IGNORE INTO aliases (person_id, alias, norm) VALUES (?, ?, ?)",
            (person_id, alias, key),
        )
        pinned = conn.execute(
            "DELETE FROM pins WHERE norm = ? AND person_id = ?", (norm, person_id)
        ).rowcount
        if pinned:
            conn.execute(
                "INSERT OR IGNORE INTO pins (norm, person_id) VALUES (?, ?)", (key, person_id)
            )
    joined = 0
    while pair := _bodies_sharing_a_key(conn):
        keep, gone = pair
        fold_person(conn, keep, gone)
        joined += 1
    return joined


def _bodies_sharing_a_key(conn: sqlite3.Connection) -> tuple[int, int] | None:
    """Two bodies of one kind with a key in common that may be joined (the first met, the
    other), if any; a pair of corrected bodies is passed over."""
    marks = ",".join("?" * len(PERSONLIKE))
    pairs = conn.execute(
        "SELECT MIN(a.person_id), b.person_id FROM aliases a"
        " JOIN aliases b ON b.norm = a.norm AND b.person_id > a.person_id"
        " JOIN people p ON p.id = a.person_id JOIN people q ON q.id = b.person_id"
        f" WHERE p.kind = q.kind AND p.kind NOT IN ({marks})"
        " GROUP BY b.person_id ORDER BY b.person_id",
        PERSONLIKE,
    ).fetchall()
    for keep, gone in pairs:
        if not (is_pinned(conn, keep) and is_pinned(conn, gone)):
            return keep, gone
    return None


def one_name_model(conn: sqlite3.Connection) -> None:
    """Migration 7: stored people as the one name model reads them. Names lose what stood
    before them ("Texas Sen. Ted Cruz" -> "Ted Cruz"; a corrected person keeps the user's
    name); a "person" whose name is a description ("A New York judge": lower-case words, no
    name) becomes an unnamed person; people are re-keyed and the ones that now meet are
    joined ("Texas Sen. Ted Cruz" joins "Ted Cruz"); and every group, unnamed person,
    document or unknown source that an older store merged across articles is split into one
    record per article."""
    marks = ",".join("?" * len(PERSONLIKE))
    rows = conn.execute(
        f"SELECT id, name FROM people WHERE kind IN ({marks})", PERSONLIKE
    ).fetchall()
    for person_id, name in rows:
        if is_pinned(conn, person_id):
            continue
        parsed = parse_name(name)
        if parsed is None and any(w[:1].islower() for w in name.split()):
            conn.execute("UPDATE people SET kind = 'unnamed' WHERE id = ?", (person_id,))
        elif parsed is not None and parsed.shown != name:
            conn.execute("UPDATE people SET name = ? WHERE id = ?", (parsed.shown, person_id))
    rekey_people(conn)
    split_per_article(conn)


def join_familiar_names(conn: sqlite3.Connection) -> int:
    """Migration 13: people of one surname whose first names are a familiar and a formal form
    of one name ("Joe Biden", "Joseph R. Biden"), kept apart before first names agreed so,
    are joined as an ingest now joins them; returns how many were joined."""
    familiar = set(NICKNAMES).union(*NICKNAMES.values())
    rows = conn.execute(
        "SELECT id, first_name FROM people WHERE kind = 'person' AND first_name IS NOT NULL"
        " ORDER BY id"
    ).fetchall()
    return sum(_join_match(conn, person_id) for person_id, first in rows if first in familiar)


def split_per_article(conn: sqlite3.Connection) -> int:
    """Give every speaker of a per-article kind (``PER_ARTICLE``) that spans several
    articles one record per article, quotes, aliases and roles with it; a corrected one
    stays as the user made it. Returns how many records were added."""
    marks = ",".join("?" * len(PER_ARTICLE))
    spread = conn.execute(
        "SELECT s.person_id, COUNT(DISTINCT s.article_rowid) FROM article_speakers s"
        f" JOIN people p ON p.id = s.person_id WHERE p.kind IN ({marks})"
        " GROUP BY s.person_id HAVING COUNT(DISTINCT s.article_rowid) > 1",
        PER_ARTICLE,
    ).fetchall()
    added = 0
    for person_id, _ in spread:
        if is_pinned(conn, person_id):
            continue
        name, kind = conn.execute(
            "SELECT name, kind FROM people WHERE id = ?", (person_id,)
        ).fetchone()
        articles = [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT article_rowid FROM article_speakers WHERE person_id = ?"
                " ORDER BY article_rowid",
                (person_id,),
            )
        ]
        for article_rowid in articles[1:]:  # the first article keeps the record
            new = conn.execute(
                "INSERT INTO people (name, kind) VALUES (?, ?)", (name, kind)
            ).lastrowid
            move_speakers(conn, new, article_rowid, "person_id", person_id)
            conn.execute(
                "INSERT OR IGNORE INTO aliases (person_id, alias, norm)"
                " SELECT ?, alias, norm FROM aliases WHERE person_id = ?",
                (new, person_id),
            )
            rebuild_roles(conn, [new])
            added += 1
        rebuild_roles(conn, [person_id])
    return added
