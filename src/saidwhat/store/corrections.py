"""User corrections of the corpus's people: merge two people, split one, apply an aliases file.

Each correction pins the names it concerns to a person (table ``pins``); ingest consults the
pins before any rule (``store.people``), so a correction survives re-ingest.
"""

from __future__ import annotations

import sqlite3

from saidwhat.errors import SaidwhatError
from saidwhat.lang.names import person_key
from saidwhat.lang.text import normalise
from saidwhat.store.people import (
    PERSONLIKE,
    find_people,
    fold_person,
    move_speakers,
    rebuild_roles,
)


def one_person(conn: sqlite3.Connection, name_or_id: str | int) -> int:
    """The one person a correction names; an unknown or ambiguous name is a one-line error."""
    ids = find_people(conn, name_or_id)
    if not ids:
        raise SaidwhatError(f"{name_or_id}: no such speaker in the corpus")
    if len(ids) > 1:
        raise SaidwhatError(
            f"{name_or_id}: ambiguous, {len(ids)} speakers match (use an id from "
            "`saidwhat speakers --json`)"
        )
    return ids[0]


def merge_people(conn: sqlite3.Connection, target: str | int, other: str | int) -> int:
    """Merge ``other`` into ``target`` and pin every name of both to ``target``."""
    keep, gone = one_person(conn, target), one_person(conn, other)
    if keep == gone:
        return keep
    fold_person(conn, keep, gone)
    _pin_aliases(conn, keep)
    return keep


def split_person(conn: sqlite3.Connection, person: str | int, names: list[str]) -> int:
    """Move the speakers written as one of ``names`` out of ``person`` into a new person named
    ``names[0]``; pin the names on both sides so the split survives re-ingest."""
    source = one_person(conn, person)
    norms = {normalise(n) for n in names}
    moved = [
        (article_rowid, speaker_id)
        for article_rowid, speaker_id, name in conn.execute(
            "SELECT article_rowid, speaker_id, name FROM article_speakers WHERE person_id = ?",
            (source,),
        )
        if normalise(name) in norms
    ]
    if not moved:
        raise SaidwhatError(f"{person}: no speaker of it is written as {' or '.join(names)}")
    kind, surname = conn.execute(
        "SELECT kind, surname FROM people WHERE id = ?", (source,)
    ).fetchone()
    first = person_key(names[0]).first if kind in PERSONLIKE else None
    new = conn.execute(
        "INSERT INTO people (name, kind, first_name, surname) VALUES (?, ?, ?, ?)",
        (names[0], kind, first, surname),
    ).lastrowid
    for article_rowid, speaker_id in moved:
        move_speakers(conn, new, article_rowid, "speaker_id", speaker_id)
    marks = ",".join("?" * len(norms))
    conn.execute(
        f"UPDATE aliases SET person_id = ? WHERE person_id = ? AND norm IN ({marks})",
        (new, source, *norms),
    )
    for norm in norms:
        conn.execute(
            "INSERT OR IGNORE INTO aliases (person_id, alias, norm) VALUES (?, ?, ?)",
            (new, names[0], norm),
        )
    _pin_aliases(conn, new)
    _pin_aliases(conn, source)
    rebuild_roles(conn, [source, new])
    return new


def _pin_aliases(conn: sqlite3.Connection, person_id: int) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO pins (norm, person_id)"
        " SELECT norm, person_id FROM aliases WHERE person_id = ?",
        (person_id,),
    )


def parse_aliases(text: str, origin: str) -> list[tuple[str, list[str]]]:
    """An aliases file: one speaker a line, ``Canonical Name = alias; other alias``; '#'
    starts a comment. A malformed line is a one-line error naming the file and line."""
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        name, sep, aliases = line.partition("=")
        names = [a.strip() for a in aliases.split(";") if a.strip()]
        if not sep or not name.strip() or not names:
            raise SaidwhatError(f"{origin}:{number}: expected 'Name = alias; alias', got {line!r}")
        entries.append((name.strip(), names))
    return entries


def apply_aliases(conn: sqlite3.Connection, entries: list[tuple[str, list[str]]]) -> int:
    """Make each alias mean its canonical speaker: people already known under the alias are
    merged into it, and the alias is pinned so that future ingests resolve it the same way.
    A canonical name the corpus does not know yet becomes a person. Returns merges done."""
    merges = 0
    for name, aliases in entries:
        norm = normalise(name)
        ids = [r[0] for r in conn.execute("SELECT person_id FROM aliases WHERE norm = ?", (norm,))]
        if ids:
            target = ids[0]
        else:
            parsed = person_key(name)
            target = conn.execute(
                "INSERT INTO people (name, kind, first_name, surname) VALUES (?, 'person', ?, ?)",
                (name, parsed.first, parsed.surname),
            ).lastrowid
        for alias in [name, *aliases]:
            conn.execute(
                "INSERT OR IGNORE INTO aliases (person_id, alias, norm) VALUES (?, ?, ?)",
                (target, alias, normalise(alias)),
            )
            for (other,) in conn.execute(
                "SELECT DISTINCT person_id FROM aliases WHERE norm = ? AND person_id != ?",
                (normalise(alias), target),
            ).fetchall():
                merge_people(conn, target, other)
                merges += 1
        _pin_aliases(conn, target)
    return merges
