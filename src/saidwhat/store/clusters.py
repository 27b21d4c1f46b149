"""Quote clusters: one cluster per quote however often it is reprinted, trimmed, re-punctuated
or partly quoted.

A quote joins a cluster when its normalised wording is one the cluster has (exact or
re-punctuated), or when the fingerprint index proposes a cluster whose wording contains it, is
contained in it, or differs by a light edit. Only the few clusters sharing fingerprints are
compared, never all pairs. ``closeness`` is also what ``check`` reports.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

from saidwhat.store.models import Closeness
from saidwhat.store.text import content_words, fingerprints, normalise, stable_hash

MIN_PART_WORDS = 6  # a shorter fragment ("a racist assault") is too common to join a cluster
CHECK_PART_WORDS = 3  # but someone checking "not be intimidated" wants the quote it is part of
EDIT_SIMILARITY = 90.0  # fuzz.ratio at or above which two wordings are one lightly edited quote
PARAPHRASE_SIMILARITY = 55.0  # token_sort_ratio at or above which `check` calls it a paraphrase
# A reworded part of a longer quote is a paraphrase for `check` when its best-aligned stretch
# of the quote scores this partial_ratio and the quote has this share of its content words.
# Measured once on the quotes of PolNeAR dev (../shared, not in this repository): two-word
# rewordings of 7-14-word parts pass 93.5% of the time, while 0.6% of random 6-14-word parts
# pass against one of the 40 quotes of other articles sharing most content words with them
# (partial_ratio alone at 80: 83% and 1.7%).
PART_PARAPHRASE_SIMILARITY = 75.0
PART_CONTENT_SHARE = 0.8
CANDIDATES = 4
PER_FINGERPRINT = 64


@dataclass(frozen=True)
class Likeness:
    closeness: Closeness
    similarity: float


def likeness(
    query: str, wording: str, min_part: int = MIN_PART_WORDS, paraphrase: bool = True
) -> Likeness | None:
    """How close two normalised wordings are, or None when they are different quotes. A part
    shorter than ``min_part`` words counts as trimmed only when it is the whole other text;
    without ``paraphrase`` only exact and trimmed are looked for (what clustering needs)."""
    if query == wording:
        return Likeness("exact", 100.0)
    short, long = sorted((query, wording), key=len)
    long_enough = len(short.split()) >= min_part
    if long_enough and f" {short} " in f" {long} ":
        return Likeness("trimmed", 100.0)
    ratio = fuzz.ratio(query, wording, score_cutoff=EDIT_SIMILARITY)
    if ratio:
        return Likeness("trimmed", round(ratio, 1))
    part_cutoff = PART_PARAPHRASE_SIMILARITY if paraphrase else EDIT_SIMILARITY
    partial = fuzz.partial_ratio(short, long, score_cutoff=part_cutoff) if long_enough else 0
    if partial >= EDIT_SIMILARITY:
        return Likeness("trimmed", round(partial, 1))
    if not paraphrase:
        return None
    similarity = fuzz.token_sort_ratio(query, wording, score_cutoff=PARAPHRASE_SIMILARITY)
    if partial and content_share(short, long) >= PART_CONTENT_SHARE:
        similarity = max(similarity, partial)  # a reworded part of a longer quote
    return Likeness("paraphrase", round(similarity, 1)) if similarity else None


def content_share(part: str, whole: str) -> float:
    """The share of ``part``'s content words that ``whole`` has too (1.0 when it has none)."""
    words = content_words(part)
    return len(words & set(whole.split())) / len(words) if words else 1.0


def candidate_clusters(conn: sqlite3.Connection, norm: str, limit: int = CANDIDATES) -> list[int]:
    """Clusters sharing the most fingerprints with a wording (the n-gram index lookup). A
    fingerprint shared by very many clusters (a stock phrase) contributes only its first
    PER_FINGERPRINT clusters, so the cost of a look-up does not grow with the corpus."""
    shared: Counter[int] = Counter()
    for fingerprint in fingerprints(norm):
        shared.update(
            r[0]
            for r in conn.execute(
                "SELECT cluster_id FROM fingerprints WHERE hash = ? LIMIT ?",
                (fingerprint, PER_FINGERPRINT),
            )
        )
    return [cluster_id for cluster_id, _ in shared.most_common(limit)]


def best_wording(
    conn: sqlite3.Connection,
    cluster_id: int,
    norm: str,
    min_part: int = MIN_PART_WORDS,
    paraphrase: bool = True,
) -> Likeness | None:
    """The closest of a cluster's wordings to ``norm``."""
    best: Likeness | None = None
    for (wording,) in conn.execute(
        "SELECT norm FROM wordings WHERE cluster_id = ? ORDER BY length(norm) DESC LIMIT 20",
        (cluster_id,),
    ):
        found = likeness(norm, wording, min_part, paraphrase)
        if found and (best is None or likeness_rank(found) > likeness_rank(best)):
            best = found
    return best


def likeness_rank(found: Likeness) -> tuple[int, float]:
    return ({"exact": 2, "trimmed": 1, "paraphrase": 0}[found.closeness], found.similarity)


def assign_cluster(conn: sqlite3.Connection, text: str, own: set[int]) -> int:
    """The cluster of a quote's text, created when no cluster holds the same quote. A quote
    never joins a cluster by near-likeness with another quote of its own article (``own``: the
    clusters its article's quotes are in so far): an article that quotes a part of a quote
    again is attributing twice, not reprinting."""
    norm = normalise(text)
    key = stable_hash(norm)
    row = conn.execute("SELECT cluster_id FROM wordings WHERE norm_hash = ?", (key,)).fetchone()
    if row:
        return row[0]
    cluster_id = None
    for candidate in candidate_clusters(conn, norm):
        if candidate not in own and best_wording(conn, candidate, norm, paraphrase=False):
            cluster_id = candidate
            break
    if cluster_id is None:
        cluster_id = conn.execute("INSERT INTO clusters (text) VALUES (?)", (text,)).lastrowid
    else:
        conn.execute(
            "UPDATE clusters SET text = ? WHERE id = ? AND length(text) < ?",
            (text, cluster_id, len(text)),
        )
    conn.execute(
        "INSERT INTO wordings (norm_hash, cluster_id, norm) VALUES (?, ?, ?)",
        (key, cluster_id, norm),
    )
    conn.executemany(
        "INSERT OR IGNORE INTO fingerprints (hash, cluster_id) VALUES (?, ?)",
        [(h, cluster_id) for h in fingerprints(norm)],
    )
    return cluster_id
