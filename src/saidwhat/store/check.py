"""Did X really say Y? A verdict a fact-checker can publish: the real quotes closest to a
claimed wording, each compared word by word (``store.compare``), with who said it and where
and when it appeared first.

Candidates come from the store's indexes, never from all quotes: the cluster with the claim's
exact wording, the clusters sharing word 4-grams with it, the clusters whose full form holds
it as a phrase, then (when none of those has the claim's words) the clusters whose full forms
share its rarest-looking words, and, with a named speaker, that speaker's quotes sharing them.
Ranking: the same words first, then near-verbatim, then topic; within those, direct speech
before reported, closer wording first, then the earliest first appearance.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from saidwhat.lang.meaning import carries_meaning, number_key
from saidwhat.lang.text import normalise
from saidwhat.store.align import Word, span_text, words
from saidwhat.store.clusters import candidate_clusters, clusters_containing
from saidwhat.store.compare import TOPIC_SHARE, Comparison, compare
from saidwhat.store.lookups import attributions
from saidwhat.store.models import AlignedWords, CheckMatch, CheckReport, Occurrence, Verdict
from saidwhat.store.people import find_people
from saidwhat.store.rows import FROM, OCCURRENCE
from saidwhat.store.search import SqlFilters
from saidwhat.store.text import SHINGLE, WINDOW, content_words, person_tag, stable_hash

SHARED_CLUSTERS = 10  # clusters sharing the most 4-grams with the claim
PHRASE_CLUSTERS = 20  # clusters whose full form holds the claim as a phrase
SHINGLES_MEET = SHINGLE + WINDOW - 1  # words in a row that always share a fingerprint
TOPIC_CLUSTERS = 20  # clusters found by the claim's longest content words
TOPIC_WORDS = 5
TOPIC_WINDOW = 2000  # a word in more full forms than this is ranked among the newest ones
WORDINGS = 20  # wordings of a cluster looked at, longest first
ALIGNED = 4  # of which aligned with the claim word by word at most
SPOKEN = {"direct", "mixed"}


@dataclass(frozen=True)
class Found:
    """The closest wording of one cluster to the claim."""

    cluster_id: int
    comparison: Comparison
    text: str
    type: str

    @property
    def direct(self) -> bool:
        """Whether the agreeing words are direct speech (inside the marks of a mixed quote)."""
        return self.type == "direct" or (self.type == "mixed" and self.comparison.quoted)

    @property
    def verdict(self) -> Verdict:
        words_verdict = self.comparison.verdict
        if words_verdict in ("verbatim", "verbatim_part", "altered") and not self.direct:
            return "reported_only"
        return words_verdict


def check(
    conn: sqlite3.Connection, text: str, speaker: str | None = None, limit: int = 5
) -> CheckReport:
    """The verdict on a claimed wording (attributed to ``speaker``, when given)."""
    claim = words(text)
    ids = find_people(conn, speaker) if speaker else []
    found = _compare_candidates(conn, text, claim, ids) if claim else []
    firsts = {f.cluster_id: _first(conn, f.cluster_id) for f in found}
    found.sort(key=lambda f: _rank(f, firsts[f.cluster_id]), reverse=True)
    matches = [_match(conn, text, f, firsts[f.cluster_id]) for f in found[:limit]]
    best, others = (matches[0] if matches else None), None
    if speaker:
        best = _best_in(conn, text, found, ids, mine=True) if ids else None
        others = _best_in(conn, text, found, ids, mine=False)
    return CheckReport(
        claim=text,
        speaker=speaker,
        speaker_ids=ids,
        verdict=best.verdict if best else "not_found",
        summary=summary(best, others, speaker, found_speaker=bool(ids)),
        best=best,
        others=others,
        matches=matches,
    )


def _compare_candidates(
    conn: sqlite3.Connection, text: str, claim: list[Word], speaker_ids: list[int]
) -> list[Found]:
    """The closest wording of every candidate cluster, in stages: the cheap indexes first,
    full-text search only while the claim's words are not found."""
    norm = normalise(text)
    found: dict[int, Found] = {}

    def add(cluster_ids: list[int]) -> None:
        for cluster_id in cluster_ids:
            if cluster_id not in found and (best := _closest(conn, cluster_id, claim, norm)):
                found[cluster_id] = best

    exact = conn.execute(
        "SELECT cluster_id FROM wordings WHERE norm_hash = ?", (stable_hash(norm),)
    ).fetchone()
    add([exact[0]] if exact else [])
    add(candidate_clusters(conn, norm, limit=SHARED_CLUSTERS, every_shingle=True))
    if len(claim) < SHINGLES_MEET:  # a longer claim meets what contains it by its 4-grams
        add(sorted(clusters_containing(conn, text, limit=PHRASE_CLUSTERS)))
    if not any(f.comparison.tier == 3 for f in found.values()):
        add(_topic_clusters(conn, norm))
    if speaker_ids and not any(
        f.comparison.tier == 3 and _spoken_by(conn, f.cluster_id, speaker_ids, True)
        for f in found.values()
    ):
        add(_speaker_clusters(conn, norm, speaker_ids))
    return list(found.values())


def _closest(
    conn: sqlite3.Connection, cluster_id: int, claim: list[Word], norm: str
) -> Found | None:
    """The wording of a cluster closest to the claim (the same words beat a part of them,
    which beats near words). Only wordings with half the claim's content words (numbers,
    negations and the like aside) can be near it or on its topic; of those, the full form
    and the few closest by characters are aligned."""
    wanted = {w for w in content_words(norm) if not carries_meaning(number_key(w))}
    rows = [
        (text, quote_type, wording)
        for text, quote_type, wording in conn.execute(
            "SELECT text, type, norm FROM wordings WHERE cluster_id = ?"
            " ORDER BY length(norm) DESC LIMIT ?",
            (cluster_id, WORDINGS),
        )
        if len(wanted & set(wording.split())) >= TOPIC_SHARE * len(wanted)
    ]
    if len(rows) > ALIGNED:
        rest = sorted(rows[1:], key=lambda row: fuzz.ratio(norm, row[2]), reverse=True)
        rows = [rows[0], *rest[: ALIGNED - 1]]
    best: Found | None = None
    for text, quote_type, _ in rows:
        comparison = compare(claim, words(text))
        if comparison is None:
            continue
        candidate = Found(cluster_id, comparison, text, quote_type)
        if best is None or _closeness(candidate) > _closeness(best):
            best = candidate
    return best


def _closeness(found: Found) -> tuple[int, bool, bool, float]:
    """The same words first, said directly first (a part of a direct quote beats the whole of a
    reported one), then the whole before a part, then the closer wording."""
    comparison = found.comparison
    return (comparison.tier, found.direct, comparison.verdict == "verbatim", comparison.similarity)


def _rank(found: Found, first: Occurrence) -> tuple:
    """Best first: the words, direct speech, closeness, then the earliest first appearance."""
    earliest = -int((first.date or "9999").replace("-", "")[:8].ljust(8, "0"))
    return (found.comparison.tier, found.direct, found.comparison.similarity, earliest)


def _topic_clusters(conn: sqlite3.Connection, norm: str) -> list[int]:
    """Clusters whose full forms best match the claim's longest content words (bm25), among
    the newest TOPIC_WINDOW full forms that have any of them."""
    content = sorted(content_words(norm), key=lambda w: (len(w), w))[-TOPIC_WORDS:]
    if not content:
        return []
    match = " OR ".join(f'"{w}"' for w in content)
    floor = conn.execute(
        "SELECT rowid FROM clusters_fts WHERE clusters_fts MATCH ? ORDER BY rowid DESC"
        " LIMIT 1 OFFSET ?",
        (match, TOPIC_WINDOW - 1),
    ).fetchone()
    rows = conn.execute(
        "SELECT rowid FROM clusters_fts WHERE clusters_fts MATCH ? AND rowid >= ?"
        " ORDER BY rank LIMIT ?",
        (match, floor[0] if floor else 0, TOPIC_CLUSTERS),
    )
    return [r[0] for r in rows]


def _speaker_clusters(conn: sqlite3.Connection, norm: str, speaker_ids: list[int]) -> list[int]:
    """Clusters of the named speaker's quotes that best match the claim's content words."""
    content = sorted(content_words(norm), key=lambda w: (len(w), w))[-TOPIC_WORDS:]
    if not content:
        return []
    filters = SqlFilters(tags=[" OR ".join(person_tag(i) for i in speaker_ids)])
    rows = conn.execute(
        "SELECT q.cluster_id FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid"
        " WHERE quotes_fts MATCH ? AND q.cluster_id IS NOT NULL"
        " ORDER BY bm25(quotes_fts, 1.0, 0.0) LIMIT ?",
        (filters.match(" OR ".join(f'"{w}"' for w in content)), TOPIC_CLUSTERS),
    )
    return list(dict.fromkeys(r[0] for r in rows))


def _who(speaker_ids: list[int], mine: bool | None) -> tuple[str, list[int]]:
    """The SQL condition for quotes by the named speaker (mine), by anyone else, or by all."""
    if mine is None:
        return "", []
    marks = ",".join("?" * len(speaker_ids))
    if mine:
        return f" AND q.person_id IN ({marks})", speaker_ids
    return f" AND (q.person_id IS NULL OR q.person_id NOT IN ({marks}))", speaker_ids


def _spoken_by(conn: sqlite3.Connection, cluster_id: int, ids: list[int], mine: bool) -> bool:
    condition, params = _who(ids, mine)
    row = conn.execute(
        f"SELECT 1 FROM quotes q WHERE q.cluster_id = ?{condition} LIMIT 1", (cluster_id, *params)
    )
    return row.fetchone() is not None


def _first(
    conn: sqlite3.Connection, cluster_id: int, ids: Sequence[int] = (), mine: bool | None = None
) -> Occurrence | None:
    """Where the quote appeared first (by the named speaker or by others, if asked): the
    earliest dated direct occurrence, else the first stored direct one, else the same for
    reported speech. Index look-ups on (cluster, date), however big the cluster."""
    condition, params = _who(list(ids), mine)
    for extra in (
        " AND q.type = 'direct' AND q.date IS NOT NULL ORDER BY q.date, q.rowid",
        " AND q.type = 'direct' ORDER BY q.rowid",
        " AND q.date IS NOT NULL ORDER BY q.date, q.rowid",
        " ORDER BY q.rowid",
    ):
        row = conn.execute(
            f"{OCCURRENCE}{FROM} WHERE q.cluster_id = ?{condition}{extra} LIMIT 1",
            (cluster_id, *params),
        ).fetchone()
        if row:
            return Occurrence(**dict(row))
    return None


def _best_in(
    conn: sqlite3.Connection, text: str, ranked: list[Found], ids: list[int], mine: bool
) -> CheckMatch | None:
    """The best match said by the named speaker (mine) or by anyone else, with its first
    appearance by them."""
    for found in ranked:
        first = _first(conn, found.cluster_id, ids, mine)
        if first is not None:
            return _match(conn, text, found, first)
    return None


def _match(conn: sqlite3.Connection, text: str, found: Found, first: Occurrence) -> CheckMatch:
    comparison = found.comparison
    size = conn.execute("SELECT COUNT(*) FROM quotes WHERE cluster_id = ?", (found.cluster_id,))
    return CheckMatch(
        verdict=found.verdict,
        words=comparison.verdict,
        similarity=comparison.similarity,
        text=found.text,
        type=found.type,
        alignment=[
            AlignedWords(
                kind=piece.kind,
                claim=span_text(text, piece.claim),
                quote=span_text(found.text, piece.quote),
            )
            for piece in comparison.pieces
        ],
        changes=comparison.changes,
        speaker=first.speaker,
        speaker_id=first.speaker_id,
        speakers=attributions(conn, found.cluster_id),
        cluster_id=found.cluster_id,
        occurrences=size.fetchone()[0],
        first=first,
    )


def _where(o: Occurrence) -> str:
    return ", ".join(part for part in (o.source, o.date or o.published) if part) or "no outlet"


def _edit(piece: AlignedWords) -> str:
    if piece.kind == "added":
        return f"'{piece.claim}' added"
    if piece.kind == "dropped":
        return f"'{piece.quote}' dropped"
    return f"'{piece.claim}' for '{piece.quote}'"


def summary(
    best: CheckMatch | None, other: CheckMatch | None, who: str | None, found_speaker: bool
) -> str:
    """The verdict in one sentence, with who, and where first (``who``: the speaker named in
    the question, ``found_speaker``: whether the corpus knows them)."""
    if best is None:
        if who and not found_speaker:
            text = f"Nobody named {who} is quoted in the corpus."
        elif who:
            text = f"No quote by {who} comes close to these words."
        else:
            return "No quote in the corpus comes close to these words."
        if other:
            text += (
                f" Closest by someone else ({other.verdict.replace('_', ' ')}):"
                f" {other.speaker or 'an unknown speaker'}, first in {_where(other.first)}."
            )
        return text
    speaker = best.speaker or "an unknown speaker"
    first = f" First: {_where(best.first)}."
    changes = "; ".join(c.describe() for c in best.changes)
    edits = ", ".join(_edit(a) for a in best.alignment if a.kind in ("added", "dropped", "changed"))
    return {
        "verbatim": f"{speaker} said these words.",
        "verbatim_part": f"These words are part of a longer quote by {speaker}.",
        "altered": f"A quote by {speaker} has these words with edits: {edits}.",
        "contradicts": f"A quote by {speaker} says otherwise ({changes}).",
        "reported_only": f"Only reported speech by {speaker} has these words, no direct quote.",
        "similar_topic": f"No quote has these words; {speaker} spoke on the same topic.",
    }[best.verdict] + first
