"""Quote clusters: one cluster per quote, holding its reprints, re-punctuations, trims and
partial quotes, and nothing else.

A cluster has a full form (``clusters.text``, the longest wording; every other one is in it).
A new quote joins a cluster when its normalised wording is one the cluster has, or when,
compared with the cluster's full form (never with a shorter member, so that membership cannot
chain from quote to quote through a phrase they share):

- it is the full form lightly edited (``fuzz.ratio`` >= 90, a few words edited), what is said
  unchanged (a negation, quantifier, number, date or name changed is another quote);
- it is a contiguous part of the full form (or such a part lightly edited), or the full form
  a part of it (it then becomes the full form), the shorter one found in no other cluster's
  full form (a stock phrase such as "the former secretary of state" is in many), and the
  partial quote's speaker agrees with the cluster's, or one of them is unknown.

Either way the shorter wording must be distinctive, six words or more, three of them content
words: a short quote joins only by its exact wording.

A quote with no content of its own (a name, a pronoun, "to comment") is in no cluster. Only
the clusters sharing a word 4-gram with the quote are compared (the fingerprint index), never
all pairs; a full-text index of the full forms finds every cluster a phrase is part of.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter

from rapidfuzz import fuzz

from saidwhat.lang.titles import TITLES
from saidwhat.lang.words import HONORIFICS, NAME_PREFIXES, STOPWORDS
from saidwhat.store.align import words
from saidwhat.store.compare import compare
from saidwhat.store.text import content_words, fingerprints, normalise, shingles, stable_hash

MIN_PART_WORDS = 6  # a shorter part ("a racist assault") is too common to tell its quote
MIN_PART_CONTENT = 3  # content words a part needs to be told apart from a stock phrase
MIN_CONTENT = 2  # content words (not names) a quote needs to be clustered at all
EDIT_SIMILARITY = 90.0  # fuzz.ratio at or above which two wordings may be one quote, edited
EDIT_WORDS = 85.0  # and the word overlap (compare.similarity) they need: two words in 14 edited
_WORD = re.compile(r"\w+")
ROLE_WORDS = (  # words of titles: "the former secretary of state" is a name for a person
    frozenset(
        {w.strip(".") for title in TITLES for w in title.split()} | HONORIFICS | NAME_PREFIXES
    )
    - STOPWORDS
)
CANDIDATES = 4
PER_FINGERPRINT = 64
SAME_PHRASE = 8  # clusters whose full form may contain a part, looked at to call it ambiguous
STOCK_WORDS = 12  # a part this long or shorter may be a stock phrase; a longer one is not
TYPE_RANK = {"direct": 2, "mixed": 1, "indirect": 0}


def has_content(text: str, norm: str | None = None) -> bool:
    """Whether a quote says something of its own: MIN_CONTENT content words that are not
    capitalised names, not all of them titles ("Trump", "he", "to comment", "Crooked Hillary"
    and "the former secretary of state" do not)."""
    capitalised = sum(1 for w in _WORD.findall(text) if w[0].isupper() and not w.isupper())
    content = content_words(normalise(text) if norm is None else norm)
    if len(content - ROLE_WORDS) - capitalised >= MIN_CONTENT:
        return True  # enough content words even if every capitalised word were a name
    own = [w.key for w in words(text) if w.content and not w.name_like]
    return len(own) >= MIN_CONTENT and not ROLE_WORDS.issuperset(own)


def distinctive(norm: str) -> bool:
    """Long enough, and with enough content words, to be a part of only one quote."""
    return len(norm.split()) >= MIN_PART_WORDS and len(content_words(norm)) >= MIN_PART_CONTENT


def candidate_clusters(
    conn: sqlite3.Connection, norm: str, limit: int = CANDIDATES, every_shingle: bool = False
) -> list[int]:
    """Clusters sharing the most word 4-grams with a wording (the n-gram index look-up): its
    winnowed fingerprints, so that a shared run of seven words always meets; with
    ``every_shingle`` every 4-gram of it (``check``: a short quote inside the claim meets it
    too). A fingerprint shared by very many clusters (a stock phrase) contributes only its
    first PER_FINGERPRINT clusters, so the cost of a look-up does not grow with the corpus."""
    shared: Counter[int] = Counter()
    for hashed in set(shingles(norm)) if every_shingle else fingerprints(norm):
        shared.update(
            r[0]
            for r in conn.execute(
                "SELECT cluster_id FROM fingerprints WHERE hash = ? LIMIT ?",
                (hashed, PER_FINGERPRINT),
            )
        )
    return [cluster_id for cluster_id, _ in shared.most_common(limit)]


def clusters_containing(conn: sqlite3.Connection, text: str, limit: int = SAME_PHRASE) -> set[int]:
    """Clusters whose full form contains the words of ``text`` in a row (the full-text index
    proposes, the normalised wording decides)."""
    norm = normalise(text)
    phrase = '"' + text.replace('"', '""') + '"'
    rows = conn.execute(
        "SELECT c.id, c.text FROM clusters_fts f JOIN clusters c ON c.id = f.rowid"
        " WHERE clusters_fts MATCH ? LIMIT ?",
        (phrase, limit),
    )
    return {cid for cid, full in rows if contains(normalise(full), norm)}


def contains(long: str, short: str) -> bool:
    return f" {short} " in f" {long} "


def speaker_agrees(conn: sqlite3.Connection, cluster_id: int, person_id: int | None) -> bool:
    """Whether the cluster has a quote by this person, or no quote by a known speaker (or the
    person is unknown)."""
    if person_id is None:
        return True
    sql = "SELECT 1 FROM quotes WHERE cluster_id = ? AND person_id {} LIMIT 1"
    if conn.execute(sql.format("= ?"), (cluster_id, person_id)).fetchone():
        return True
    return conn.execute(sql.format("IS NOT NULL"), (cluster_id,)).fetchone() is None


def lightly_edited(text: str, full: str) -> bool:
    """Whether a wording is the full form (or a part of it) with a word or two edited, what is
    said unchanged."""
    found = compare(words(text), words(full))
    return found is not None and found.similarity >= EDIT_WORDS and not found.changes


def joins(
    conn: sqlite3.Connection, cluster_id: int, text: str, norm: str, person_id: int | None
) -> tuple[bool, bool]:
    """Whether a quote joins this cluster, decided against its full form, and whether it
    becomes the cluster's full form. A short quote joins only by its exact wording: one word
    more or less is a large edit of five."""
    full = conn.execute("SELECT text FROM clusters WHERE id = ?", (cluster_id,)).fetchone()[0]
    full_norm = normalise(full)
    longer = len(norm) > len(full_norm)
    short, long, short_text = (full_norm, norm, full) if longer else (norm, full_norm, text)
    if not distinctive(short):
        return False, False
    if fuzz.ratio(norm, full_norm, score_cutoff=EDIT_SIMILARITY):
        return lightly_edited(text, full), False
    if contains(long, short):
        if not speaker_agrees(conn, cluster_id, person_id):
            return False, False
        stock = len(short.split()) <= STOCK_WORDS and clusters_containing(conn, short_text)
        return not stock or stock <= {cluster_id}, longer
    if not longer and fuzz.partial_ratio(short, long, score_cutoff=EDIT_SIMILARITY):
        # a part of the full form, lightly edited
        return speaker_agrees(conn, cluster_id, person_id) and lightly_edited(text, full), False
    return False, False


def assign_cluster(
    conn: sqlite3.Connection,
    text: str,
    own: set[int],
    person_id: int | None = None,
    quote_type: str = "direct",
) -> int | None:
    """The cluster of a quote (created when no cluster holds the same quote), or None for a
    quote with no content of its own. A quote never joins a cluster by likeness with another
    quote of its own article (``own``: the clusters its article's quotes are in so far): an
    article that quotes a part of a quote again is attributing twice, not reprinting."""
    norm = normalise(text)
    if not has_content(text, norm):
        return None
    key = stable_hash(norm)
    row = conn.execute("SELECT cluster_id, type FROM wordings WHERE norm_hash = ?", (key,))
    found = row.fetchone()
    if found:
        if TYPE_RANK[quote_type] > TYPE_RANK.get(found[1], 0):  # the best way it was printed
            conn.execute(
                "UPDATE wordings SET text = ?, type = ? WHERE norm_hash = ?",
                (text, quote_type, key),
            )
        return found[0]
    cluster_id = None
    for candidate in candidate_clusters(conn, norm):
        if candidate in own:
            continue
        joined, extends = joins(conn, candidate, text, norm, person_id)
        if joined:
            cluster_id = candidate
            if extends:
                conn.execute("UPDATE clusters SET text = ? WHERE id = ?", (text, cluster_id))
            break
    if cluster_id is None:
        cluster_id = conn.execute("INSERT INTO clusters (text) VALUES (?)", (text,)).lastrowid
    conn.execute(
        "INSERT INTO wordings (norm_hash, cluster_id, norm, text, type) VALUES (?, ?, ?, ?, ?)",
        (key, cluster_id, norm, text, quote_type),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO fingerprints (hash, cluster_id) VALUES (?, ?)",
        [(h, cluster_id) for h in fingerprints(norm)],
    )
    return cluster_id


def recluster(conn: sqlite3.Connection) -> None:
    """Cluster every stored quote again under the current rules, article by article in the
    order they were stored (schema migration 9: clusters made by chaining come apart)."""
    articles = [r[0] for r in conn.execute("SELECT rowid FROM articles ORDER BY rowid")]
    for article_rowid in articles:
        quotes = conn.execute(
            "SELECT rowid, text, person_id, type FROM quotes WHERE article_rowid = ?"
            " ORDER BY length(text), rowid",
            (article_rowid,),
        ).fetchall()
        own: set[int] = set()
        for rowid, text, person_id, quote_type in quotes:
            cluster_id = assign_cluster(conn, text, own, person_id, quote_type)
            if cluster_id is not None:
                own.add(cluster_id)
                conn.execute(
                    "UPDATE quotes SET cluster_id = ? WHERE rowid = ?", (cluster_id, rowid)
                )
