"""Each stored speaker's labels as a source (named or anonymous, role, gender), kept on its
article speaker row and copied onto its quotes, so that the report counts them from indexes.

``relabel`` labels the speakers of the stored articles again from their records, without
extracting: schema migration 10 runs it once (articles stored before labels existed), and
``saidwhat relabel --roles FILE`` after a change of the role lexicon. The labelling itself is
the speakers step's (``speakers.sources``), imported only here, when it runs: the commands
that only read a store never load it.
"""

from __future__ import annotations

import re
import sqlite3
import zlib
from collections.abc import Callable

from saidwhat.records import Article, Speaker
from saidwhat.store.models import LabelCount, SourceEvidence

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
    changed, last, done = 0, 0, 0
    while rows := conn.execute(
        "SELECT rowid, record FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, BATCH)
    ).fetchall():
        # the speakers step loads the parse's modules: only a store with articles pays
        from saidwhat.speakers.source_roles import role_lexicon, user_lexicon
        from saidwhat.speakers.sources import label_article

        lexicon = user_lexicon(roles_file) if roles_file else role_lexicon()
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


# -- a speaker's labels, with the sentences that gave them ----------------------------------
EVIDENCE_ARTICLES = 3  # the latest articles whose clues a profile shows
_STOP = re.compile(r"[.!?][\"'\u201d\u2019]?\s|\n")


def label_counts(conn: sqlite3.Connection, person_id: int) -> list[LabelCount]:
    """How many of the articles that quote a speaker give each label, most first."""
    rows = conn.execute(
        "SELECT 'anonymity', anonymity, COUNT(*) FROM article_speakers WHERE person_id = ?"
        " GROUP BY anonymity UNION ALL SELECT 'role', role, COUNT(*) FROM article_speakers"
        " WHERE person_id = ? GROUP BY role UNION ALL SELECT 'gender', gender, COUNT(*)"
        " FROM article_speakers WHERE person_id = ? GROUP BY gender",
        (person_id, person_id, person_id),
    )
    found = [LabelCount(aspect=a, value=v, articles=n) for a, v, n in rows]
    return sorted(found, key=lambda c: (c.aspect, -c.articles, c.value))


def evidence(conn: sqlite3.Connection, person_id: int) -> list[SourceEvidence]:
    """The clues of the speaker's latest articles, each with the sentence its words are in."""
    rows = conn.execute(
        "SELECT s.speaker_id, a.id, a.source, a.date, a.record FROM article_speakers s"
        " JOIN articles a ON a.rowid = s.article_rowid WHERE s.person_id = ?"
        " ORDER BY a.date DESC, a.rowid DESC LIMIT ?",
        (person_id, EVIDENCE_ARTICLES),
    ).fetchall()
    found = []
    for speaker_id, article_id, source, date, record in rows:
        article = Article.model_validate_json(zlib.decompress(record))
        speaker = article.speaker(speaker_id)
        for clue in speaker.clues if speaker else []:
            found.append(
                SourceEvidence(
                    aspect=clue.aspect,
                    value=clue.value,
                    words=clue.words,
                    rule=clue.rule,
                    sentence=sentence_around(article.text, clue.start, clue.end),
                    article_id=article_id,
                    source=source,
                    date=date,
                )
            )
    return found


def sentence_around(text: str, start: int | None, end: int | None) -> str | None:
    """The sentence holding text[start:end] (from the last full stop or line break before
    it to the next after it); None where the words are not placed in the text."""
    if start is None or end is None or not 0 <= start <= end <= len(text):
        return None
    since = max(0, start - 400)
    stops = [m.end() for m in _STOP.finditer(text, since, start)]
    begin = max([since, *stops])
    after = _STOP.search(text, end)
    finish = after.start() + 1 if after else len(text)
    return " ".join(text[begin:finish].split())
