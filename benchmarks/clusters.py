"""What the quote clusters of a real corpus look like (a benchmark: it prints, it asserts
nothing): PolNeAR train + dev (924 articles, ../shared/data/polnear) ingested by saidwhat.

Prints the number of clusters, how many hold more than one quote and what share of those mix
speakers (the same words attributed to differently named speakers; also counted by speaker
record, since groups such as "officials" are one record per article), how many quotes are in no
cluster (no content of their own), and the largest clusters with their texts and speakers
(PolNeAR's words: printed, never stored in the repository).

    .venv/bin/python benchmarks/clusters.py [--db /tmp/saidwhat-clusters.db] [--reuse]

The report reads the store with SQL only, so it can read a store made by an older saidwhat
(run this file with that version on PYTHONPATH to build one) before a newer one migrates it.
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"


def build(db: Path) -> None:
    from saidwhat.ingestion import ingest
    from saidwhat.store import Corpus

    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        path.unlink(missing_ok=True)
    started = time.perf_counter()
    corpus = Corpus(db)
    report = ingest([str(POLNEAR / "train.jsonl"), str(POLNEAR / "dev.jsonl")], corpus)
    corpus.close()
    print(
        f"ingested {report.articles} articles, {report.quotes} quotes in"
        f" {time.perf_counter() - started:.0f} s"
    )


def report(db: Path, top: int) -> None:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    quotes = conn.execute("SELECT COUNT(*) FROM quotes").fetchone()[0]
    unclustered = conn.execute("SELECT COUNT(*) FROM quotes WHERE cluster_id IS NULL")
    sizes = conn.execute(
        "SELECT q.cluster_id, COUNT(*) AS size, COUNT(DISTINCT lower(p.name)) AS people,"
        " COUNT(DISTINCT q.article_rowid) AS articles, COUNT(DISTINCT q.person_id) AS records"
        " FROM quotes q LEFT JOIN people p ON p.id = q.person_id"
        " WHERE q.cluster_id IS NOT NULL GROUP BY q.cluster_id ORDER BY size DESC, q.cluster_id"
    ).fetchall()
    multi = [row for row in sizes if row[1] > 1]
    mixed = [row for row in multi if row[2] > 1]
    records = [row for row in multi if row[4] > 1]
    print(f"store {db} (schema version {version}): {quotes} quotes")
    print(f"quotes in no cluster (no content of their own): {unclustered.fetchone()[0]}")
    print(f"clusters: {len(sizes)}; with more than one quote: {len(multi)}")
    share = len(mixed) / len(multi) if multi else 0.0
    print(f"multi-quote clusters that mix speakers (names): {len(mixed)} ({share:.1%})")
    print(f"multi-quote clusters with more than one speaker record: {len(records)}")
    spread = sum(1 for row in multi if row[3] > 1)
    print(f"multi-quote clusters printed in more than one article: {spread}")
    print(f"\nthe {top} largest clusters:")
    for cluster_id, size, people, articles, _ in sizes[:top]:
        full = conn.execute("SELECT text FROM clusters WHERE id = ?", (cluster_id,)).fetchone()[0]
        names = conn.execute(
            "SELECT COALESCE(p.name, '?'), COUNT(*) FROM quotes q LEFT JOIN people p"
            " ON p.id = q.person_id WHERE q.cluster_id = ? GROUP BY q.person_id"
            " ORDER BY COUNT(*) DESC LIMIT 4",
            (cluster_id,),
        ).fetchall()
        said = ", ".join(f"{name} ({n})" for name, n in names)
        print(f"- {size} quotes, {articles} articles, {people} speakers: {said}\n    {full[:300]}")
        others = conn.execute(
            "SELECT DISTINCT text FROM quotes WHERE cluster_id = ? AND text != ? LIMIT 3",
            (cluster_id, full),
        ).fetchall()
        for (text,) in others:
            print(f"    member: {text[:160]}")
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/saidwhat-clusters.db"))
    parser.add_argument("--reuse", action="store_true", help="report on --db, no ingest")
    parser.add_argument("--top", type=int, default=12, help="largest clusters to print")
    args = parser.parse_args()
    if args.reuse:
        from saidwhat.store import Corpus

        Corpus(args.db).close()  # a store of an older schema is migrated first
    else:
        build(args.db)
    report(args.db, args.top)


if __name__ == "__main__":
    main()
