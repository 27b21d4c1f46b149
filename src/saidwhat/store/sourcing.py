"""Each stored speaker's labels as a source (named or anonymous, role, gender), kept on its
article speaker row and copied onto its quotes, so that the report counts them from indexes.

``relabel`` labels the speakers of the stored articles again from their records, without
extracting: schema migration 10 runs it once (articles stored before labels existed), and
``saidwhat relabel --roles FILE`` after a change of the role lexicon. The labelling itself is
the speakers step's (``speakers.sources``), imported only here, when it runs: the commands
that only read a store never load it.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Callable

from saidwhat.records import Article, Speaker

BATCH = 500  # articles read at a time (the rows are rewritten as they are read)
COLUMNS = {  # the tables that keep a speaker's labels, and how
    "article_speakers": "TEXT NOT NULL DEFAULT 'unknown'",
    "quotes": "TEXT",  # NULL: a quote without a speaker
}
LABEL_COLUMNS = ("anonymity", "role", "gender")


def labels(speaker: Speaker | None) -> tuple[str | None, str | None, str | None]:
    """(anonymity, role, gender) of a speaker, as the store keeps them (None: no speaker)."""
    if speaker is None:
        return None, None, None
    return speaker.anonymity, speaker.role, speaker.gender


def relabel(
    conn: sqlite3.Connection,
    roles_file: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Label every stored speaker again (with the built-in role lexicon, extended by
    ``roles_file``); returns how many speakers' labels changed."""
    from saidwhat.speakers.source_roles import role_lexicon, user_lexicon
    from saidwhat.speakers.sources import label_article

    lexicon = user_lexicon(roles_file) if roles_file else role_lexicon()
    changed, last, done = 0, 0, 0
    while rows := conn.execute(
        "SELECT rowid, record FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, BATCH)
    ).fetchall():
        for rowid, record in rows:
            article = Article.model_validate_json(zlib.decompress(record))
            labelled = label_article(article, lexicon)
            if labelled.speakers != article.speakers:
                changed += _store(conn, rowid, article, labelled)
            last = rowid
        done += len(rows)
        if progress:
            progress(done)
    return changed


def _store(conn: sqlite3.Connection, rowid: int, before: Article, after: Article) -> int:
    """Write an article's new labels: its record, its speaker rows and its quotes."""
    record = zlib.compress(after.model_dump_json(exclude_none=True).encode("utf-8"), 6)
    conn.execute("UPDATE articles SET record = ? WHERE rowid = ?", (record, rowid))
    old = {s.id: labels(s) for s in before.speakers}
    changed = 0
    for speaker in after.speakers:
        now = labels(speaker)
        if old.get(speaker.id) == now:
            continue
        changed += 1
        conn.execute(
            "UPDATE article_speakers SET anonymity = ?, role = ?, gender = ?"
            " WHERE article_rowid = ? AND speaker_id = ?",
            (*now, rowid, speaker.id),
        )
        conn.execute(
            "UPDATE quotes SET anonymity = ?, role = ?, gender = ?"
            " WHERE article_rowid = ? AND speaker_id = ?",
            (*now, rowid, speaker.id),
        )
    return changed
