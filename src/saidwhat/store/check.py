"""Did anyone really say this? The real quotes closest to a claimed wording, each with who
said it and where and when it appeared first."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from saidwhat.lang.text import normalise
from saidwhat.store.clusters import (
    CHECK_PART_WORDS,
    Likeness,
    best_wording,
    candidate_clusters,
    likeness_rank,
)
from saidwhat.store.lookups import first_occurrence
from saidwhat.store.models import CheckMatch
from saidwhat.store.search import SqlFilters, rank_floor
from saidwhat.store.text import content_words


def check(conn: sqlite3.Connection, text: str, limit: int = 5) -> list[CheckMatch]:
    """The real quotes closest to ``text``: clusters proposed by the fingerprint index (exact,
    trimmed, partial), then, if none of those is exact or trimmed, by full-text search on its
    longest content words (paraphrases); each compared word by word."""
    norm = normalise(text)
    if not norm:
        return []
    found: dict[int, Likeness] = {}

    def compare(cluster_ids: Iterable[int]) -> None:
        for cluster_id in cluster_ids:
            if cluster_id not in found:
                likeness = best_wording(conn, cluster_id, norm, CHECK_PART_WORDS)
                if likeness:
                    found[cluster_id] = likeness

    compare(candidate_clusters(conn, norm, limit=10))
    if all(f.closeness == "paraphrase" for f in found.values()):
        compare(_fts_candidates(conn, norm))
    ranked = sorted(found.items(), key=lambda item: likeness_rank(item[1]), reverse=True)
    matches = []
    for cluster_id, likeness in ranked[:limit]:
        occurrence, size = first_occurrence(conn, cluster_id)
        matches.append(
            CheckMatch(
                closeness=likeness.closeness,
                similarity=min(likeness.similarity, 100.0),
                text=conn.execute(
                    "SELECT text FROM clusters WHERE id = ?", (cluster_id,)
                ).fetchone()[0],
                speaker=occurrence.speaker,
                speaker_id=occurrence.speaker_id,
                cluster_id=cluster_id,
                occurrences=size,
                first=occurrence,
            )
        )
    return matches


def _fts_candidates(conn: sqlite3.Connection, norm: str, words: int = 4) -> list[int]:
    """Clusters of the best full-text matches of the longest content words of ``norm``."""
    content = sorted(content_words(norm), key=lambda w: (len(w), w))
    if not content:
        return []
    match = SqlFilters().match(" OR ".join(f'"{w}"' for w in content[-words:]))
    floor = rank_floor(conn, match, 30) or 0
    rows = conn.execute(
        "SELECT q.cluster_id FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid"
        " WHERE quotes_fts MATCH ? AND quotes_fts.rowid >= ?"
        " ORDER BY bm25(quotes_fts, 1.0, 0.0) LIMIT 30",
        (match, floor),
    )
    return list(dict.fromkeys(r[0] for r in rows if r[0] is not None))
