"""The store's SQLite schema and its forward migrations, versioned by ``PRAGMA user_version``.

Each migration is a list of statements applied once, in order, inside one transaction, so a
store made by an older saidwhat is upgraded in place the first time a newer one opens it
(``store.connection`` opens a store and applies them).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import partial

from saidwhat.store import answers, rollups, sourcing
from saidwhat.store.rekey import (
    join_familiar_names,
    one_name_model,
    rekey_organisations,
    rekey_people,
)

# A step of a migration: an SQL statement, or a function for what SQL alone cannot do. A
# function runs today's code on the schema of its own version: a later migration that adds a
# column such a function reads must come with a frozen copy of the function's SQL.
Step = str | Callable[[sqlite3.Connection], object]

# Migration N brings a store from user_version N-1 to N. Append only; never edit a released one.
MIGRATIONS: list[list[Step]] = [
    [
        # Every input an ingest saw, by origin: ingested (with the article it became) or
        # skipped (with the reason). ``input_hash`` lets a rerun skip unchanged inputs early.
        """CREATE TABLE inputs (
            origin TEXT PRIMARY KEY,
            status TEXT NOT NULL CHECK (status IN ('ingested', 'skipped')),
            reason TEXT,
            input_hash TEXT,
            article_id TEXT,
            seen_at TEXT NOT NULL
        )""",
        "CREATE INDEX inputs_hash ON inputs(input_hash)",
        # One row per article identity (given id, else URL, else hash of the text). ``record`` is
        # the whole Article as zlib-compressed JSON, so the store can hand back what it was given.
        """CREATE TABLE articles (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            text_hash TEXT NOT NULL,
            source TEXT,
            url TEXT,
            published TEXT,
            date TEXT,
            title TEXT,
            origin TEXT,
            ingested_at TEXT NOT NULL,
            record BLOB NOT NULL
        )""",
        # Corpus-wide speakers: people, organisations, groups.
        """CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            first_name TEXT,
            surname TEXT
        )""",
        "CREATE INDEX people_surname ON people(surname)",
        """CREATE TABLE aliases (
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            norm TEXT NOT NULL,
            PRIMARY KEY (person_id, norm)
        ) WITHOUT ROWID""",
        "CREATE INDEX aliases_norm ON aliases(norm)",
        # Titles and affiliations with when they were seen (article dates).
        """CREATE TABLE roles (
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('title', 'affiliation')),
            value TEXT NOT NULL,
            norm TEXT NOT NULL,
            first_seen TEXT,
            last_seen TEXT,
            count INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (person_id, kind, norm)
        ) WITHOUT ROWID""",
        # Each article's speaker record, linked to its corpus-wide person.
        """CREATE TABLE article_speakers (
            article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            speaker_id TEXT NOT NULL,
            person_id INTEGER NOT NULL REFERENCES people(id),
            name TEXT NOT NULL,
            titles TEXT NOT NULL DEFAULT '[]',
            affiliations TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (article_rowid, speaker_id)
        ) WITHOUT ROWID""",
        "CREATE INDEX article_speakers_person ON article_speakers(person_id)",
        # User corrections: a pinned name always resolves to this person (merge/split survive
        # re-ingest because resolution consults the pins first).
        """CREATE TABLE pins (
            norm TEXT PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE
        )""",
        # Quote clusters: the same words (reprinted, trimmed, re-punctuated) across articles.
        """CREATE TABLE clusters (
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL
        )""",
        # Distinct normalised wordings of each cluster, and their winnowed word-shingle
        # fingerprints: the n-gram index that finds near-duplicates without comparing all pairs.
        """CREATE TABLE wordings (
            norm_hash INTEGER PRIMARY KEY,
            cluster_id INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
            norm TEXT NOT NULL
        )""",
        "CREATE INDEX wordings_cluster ON wordings(cluster_id)",
        """CREATE TABLE fingerprints (
            hash INTEGER NOT NULL,
            cluster_id INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
            PRIMARY KEY (hash, cluster_id)
        ) WITHOUT ROWID""",
        # One row per quote occurrence, with the fields queries filter on copied from the article.
        """CREATE TABLE quotes (
            rowid INTEGER PRIMARY KEY,
            article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
            quote_id TEXT NOT NULL,
            text TEXT NOT NULL,
            type TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            confidence REAL NOT NULL,
            speaker_id TEXT,
            person_id INTEGER REFERENCES people(id),
            cluster_id INTEGER REFERENCES clusters(id),
            source TEXT,
            date TEXT,
            UNIQUE (article_rowid, quote_id)
        )""",
        "CREATE INDEX quotes_person ON quotes(person_id, date)",
        "CREATE INDEX quotes_cluster ON quotes(cluster_id, date)",
        "CREATE INDEX quotes_source ON quotes(source)",
        """CREATE VIRTUAL TABLE quotes_fts USING fts5(
            text, content='quotes', content_rowid='rowid',
            tokenize='porter unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts(rowid, text) VALUES (new.rowid, new.text);
        END""",
        """CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        END""",
    ],
]

# 2: filter tags (speaker, outlet, quote type) as a second full-text column, so that a search
# with filters intersects small doclists instead of ranking every match of a common word.
MIGRATIONS.append(
    [
        "ALTER TABLE quotes ADD COLUMN tags TEXT NOT NULL DEFAULT ''",
        "UPDATE quotes SET tags = saidwhat_tags(person_id, source, type)",
        "DROP TRIGGER quotes_ai",
        "DROP TRIGGER quotes_ad",
        "DROP TABLE quotes_fts",
        """CREATE VIRTUAL TABLE quotes_fts USING fts5(
            text, tags, content='quotes', content_rowid='rowid',
            tokenize='porter unicode61 remove_diacritics 2'
        )""",
        "INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')",
        """CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts(rowid, text, tags) VALUES (new.rowid, new.text, new.tags);
        END""",
        """CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text, tags)
            VALUES ('delete', old.rowid, old.text, old.tags);
        END""",
        """CREATE TRIGGER quotes_au AFTER UPDATE OF text, tags ON quotes BEGIN
            INSERT INTO quotes_fts(quotes_fts, rowid, text, tags)
            VALUES ('delete', old.rowid, old.text, old.tags);
            INSERT INTO quotes_fts(rowid, text, tags) VALUES (new.rowid, new.text, new.tags);
        END""",
    ]
)

# 3: quotes by date, so that the newest-first listing (a search without words) reads the
# newest rows of an index instead of sorting every quote.
MIGRATIONS.append(["CREATE INDEX quotes_date ON quotes(date)"])

# 4: people keyed by the name rules before the store read the speakers lexicon ("Ben Carson"
# had the surname "ben carson") get the current keys, and join the people new ingests made
# under them, so that one person is not two. A later change of the keys appends this again.
MIGRATIONS.append([rekey_people])

# 5: "Speaker" is a style before a name ("Speaker Johnson" had the first name "speaker"), and
# a first name that the rules now drop is forgotten: the keys changed again.
MIGRATIONS.append([rekey_people])

# 6: bodies are keyed by the organisation key extraction reads too (lang.orgs.org_key), so
# "Department of Justice" and "Justice Department" are one body in the corpus as in an article.
MIGRATIONS.append([rekey_organisations])

# 7: one name model for extraction and the store: names without what stands before them,
# people re-keyed and joined, descriptions and groups one record per article.
MIGRATIONS.append([one_name_model])

# 8: article headlines in a full-text index of their own, so that a search also offers the
# articles whose headline has its words ("ferry" finds the ferry-strike stories even when no
# quote says "ferry") without reading every article row; and each quote's date by its rowid,
# so that sorting the matches of a search by date reads a small index instead of the quote
# rows (benchmarks/store.py at 1M quotes: CPU p50 27 instead of 37 ms). Safe to apply again.
MIGRATIONS.append(
    [
        "CREATE INDEX IF NOT EXISTS quotes_rowid_date ON quotes(rowid, date)",
        """CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
            title, content='articles', content_rowid='rowid',
            tokenize='porter unicode61 remove_diacritics 2'
        )""",
        "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
        """CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title) VALUES (new.rowid, new.title);
        END""",
        """CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title)
            VALUES ('delete', old.rowid, old.title);
        END""",
        """CREATE TRIGGER IF NOT EXISTS articles_au AFTER UPDATE OF title ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title)
            VALUES ('delete', old.rowid, old.title);
            INSERT INTO articles_fts(rowid, title) VALUES (new.rowid, new.title);
        END""",
    ]
)


def recluster_quotes(conn: sqlite3.Connection) -> None:
    """Migration 9's clustering (loaded only then: clustering needs fuzzy matching)."""
    from saidwhat.store.clusters import recluster

    recluster(conn)


def add_column(conn: sqlite3.Connection, table: str, column: str, declaration: str) -> None:
    """ALTER TABLE ADD COLUMN, unless the table has the column already."""
    if column not in {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}:
        conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")


# 9: clusters mean "the same quote": membership is decided against a cluster's full form (no
# chaining through a shared phrase), a part joins only when distinctive and by an agreeing
# speaker, a quote with no content of its own is in no cluster, and an edit that changes what
# is said is another quote. Every wording keeps a printed form and the best way it was printed
# (direct, mixed, indirect) for check, and a full-text index of full forms finds the clusters
# a phrase is part of. The stored clusters are made again under these rules. Running it again
# on a store that has it only clusters again (a test may set a store's version back).
MIGRATIONS.append(
    [
        "UPDATE quotes SET cluster_id = NULL",
        "DELETE FROM fingerprints",
        "DELETE FROM wordings",
        "DELETE FROM clusters",
        lambda conn: add_column(conn, "wordings", "text", "TEXT NOT NULL DEFAULT ''"),
        lambda conn: add_column(conn, "wordings", "type", "TEXT NOT NULL DEFAULT 'direct'"),
        """CREATE VIRTUAL TABLE IF NOT EXISTS clusters_fts USING fts5(
            text, content='clusters', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER IF NOT EXISTS clusters_ai AFTER INSERT ON clusters BEGIN
            INSERT INTO clusters_fts(rowid, text) VALUES (new.id, new.text);
        END""",
        """CREATE TRIGGER IF NOT EXISTS clusters_ad AFTER DELETE ON clusters BEGIN
            INSERT INTO clusters_fts(clusters_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END""",
        """CREATE TRIGGER IF NOT EXISTS clusters_au AFTER UPDATE OF text ON clusters BEGIN
            INSERT INTO clusters_fts(clusters_fts, rowid, text) VALUES ('delete', old.id, old.text);
            INSERT INTO clusters_fts(rowid, text) VALUES (new.id, new.text);
        END""",
        recluster_quotes,
    ]
)

# 10: who gets a voice. Each article speaker's labels as a source (named or anonymous, role,
# gender as the article gives it), copied onto its quotes; the speakers of stored articles
# labelled from their records (no extraction: the labelling reads the record alone); running
# counts by outlet and month for the report, kept by triggers; and who answers whom (empty for
# articles stored before: `saidwhat ingest --force` finds their answers, which need the
# parse). Articles get an index by outlet and date (a day-precise report counts them). Safe to
# apply again.
MIGRATIONS.append(
    [
        *(
            partial(add_column, table=table, column=name, declaration=declaration)
            for table, declaration in sourcing.COLUMNS.items()
            for name in sourcing.LABEL_COLUMNS
        ),
        sourcing.relabel,
        "CREATE INDEX IF NOT EXISTS articles_source_date ON articles(source, date)",
        rollups.create,
        *answers.SCHEMA,
    ]
)

# 11: the name model reads an affiliation before a style ("Manhattan Supreme Court Justice
# Frank Nervo" is Frank Nervo, Justice, of the Manhattan Supreme Court) and a two-word title
# whole ("Attorney General"): stored names are read again and people re-keyed and joined, as
# in 7. Safe to apply again.
MIGRATIONS.append([one_name_model])

# 12: a quote cluster's quotes by speaker and by type and date, so that "did X say it" finds a
# speaker's first appearance, everyone the words are attributed to, and the first direct
# quote of a cluster from the index alone: a cluster reprinted 19,000 times was walked row by
# row (benchmarks/store.py at 1M quotes: check with a speaker CPU p50 140 -> 30 ms, measured
# on 40 calls by cProfile). Safe to apply again.
MIGRATIONS.append(
    [
        "CREATE INDEX IF NOT EXISTS quotes_cluster_person ON quotes(cluster_id, person_id)",
        "CREATE INDEX IF NOT EXISTS quotes_cluster_type ON quotes(cluster_id, type, date)",
    ]
)

# 13: first names agree in a familiar and a formal form ("Joe Biden" is "Joseph R. Biden"):
# people that older stores kept apart on that are joined (PolNeAR train + dev held Joe Biden
# and Joseph R. Biden as two rows). Safe to apply again.
MIGRATIONS.append([join_familiar_names])

SCHEMA_VERSION = len(MIGRATIONS)
