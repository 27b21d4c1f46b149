"""What schema migration 10 (who gets a voice) costs: a copy of a store is set back to version
9 as tests/store/test_report.py does it (no label columns, running counts or answers; records
without labels), then opened, which labels every stored speaker from its record and counts
the report's running counts. Prints wall and CPU seconds, and CPU per article.

    python benchmarks/store.py --quotes 20000 --db /tmp/s.db --keep
    python benchmarks/migration10.py --db /tmp/s.db
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from saidwhat.store import Corpus

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path[:0] = [str(TESTS), str(TESTS / "store")]  # the test module and its builders
from test_report import to_version_9  # noqa: E402  (the test's own way of setting it back)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="a store (benchmarks/store.py)")
    args = parser.parse_args()
    if not args.db.exists():
        sys.exit(f"{args.db}: no such store (build one: python benchmarks/store.py --keep)")
    with tempfile.TemporaryDirectory(prefix="saidwhat-migration-") as folder:
        copy = Path(folder) / "store.db"
        source = sqlite3.connect(args.db)
        source.execute(f"VACUUM INTO '{copy}'")
        source.close()
        raw = sqlite3.connect(copy)
        articles, quotes = raw.execute(
            "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM quotes)"
        ).fetchone()
        raw.close()
        to_version_9(copy)
        started, started_cpu = time.perf_counter(), time.process_time()
        corpus = Corpus(copy)
        wall, cpu = time.perf_counter() - started, time.process_time() - started_cpu
        version = corpus.conn.execute("PRAGMA user_version").fetchone()[0]
        corpus.close()
    print(
        f"migration 9 -> {version} on {articles:,} articles ({quotes:,} quotes): {wall:.1f} s"
        f" wall, {cpu:.1f} CPU-s, {1000 * cpu / articles:.2f} CPU-ms an article"
    )


if __name__ == "__main__":
    main()
