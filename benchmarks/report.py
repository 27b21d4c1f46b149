"""Sourcing report benchmark: how long `saidwhat report` takes on a big store (build one with
benchmarks/store.py --keep), p50/p95 wall and CPU per question:

- the outlet-by-month table over the whole corpus (`--by both`);
- one outlet by month (`--by month --outlet X`), a random outlet each time;
- by outlet, and by month, over everything;
- one outlet by month for day-precise dates (counted from the quotes, not the running counts).

And the whole command as a user runs it (`saidwhat report --by both --format csv`, a new
process each time: Python's start and the imports included), wall and CPU time.

    python benchmarks/report.py --db /tmp/b13.db
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

from saidwhat.store import Corpus, QuoteFilters
from store import latencies, percentiles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="a store (benchmarks/store.py)")
    parser.add_argument("--queries", type=int, default=50, help="timed calls per question")
    parser.add_argument("--commands", type=int, default=10, help="timed runs of the command")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not args.db.exists():
        sys.exit(f"{args.db}: no such store (build one: python benchmarks/store.py --keep)")
    corpus = Corpus(args.db, readonly=True)
    stats = corpus.stats()
    print(f"store: {stats.quotes:,} quotes in {stats.articles:,} articles, {args.db}")
    rng = random.Random(args.seed)
    outlets = [r[0] for r in corpus.conn.execute("SELECT DISTINCT source FROM report_people")]
    months = sorted({r[0] for r in corpus.conn.execute("SELECT month FROM report_people")} - {""})
    first = corpus.report("both")
    print(f"outlet-by-month table: {len(first.rows):,} rows ({len(outlets)} outlets, "
          f"{len(months)} months)")  # fmt: skip

    def one_outlet(days: bool = False):
        outlet = rng.choice(outlets)
        since, until = sorted(rng.sample(months, 2))
        if days:
            filters = QuoteFilters(source=outlet, since=f"{since}-02", until=f"{until}-27")
        else:
            filters = QuoteFilters(source=outlet)
        return lambda: corpus.report("month", filters=filters)

    questions = [
        ("outlet by month, whole corpus", [lambda: corpus.report("both")] * args.queries),
        ("one outlet by month", [one_outlet() for _ in range(args.queries)]),
        ("by outlet", [lambda: corpus.report("outlet")] * args.queries),
        ("by month", [lambda: corpus.report("month")] * args.queries),
        ("one outlet by month, day-precise dates (quotes counted)",
         [one_outlet(days=True) for _ in range(args.queries)]),
    ]  # fmt: skip
    for name, calls in questions:
        p50, p95, cpu50, cpu95 = latencies(calls)
        print(
            f"{name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms wall; CPU p50 {cpu50:.1f} ms,"
            f" p95 {cpu95:.1f} ms ({len(calls)} calls)"
        )
    command = [sys.executable, "-m", "saidwhat", "report", "--by", "both", "--format", "csv",
               "--db", str(args.db)]  # fmt: skip
    walls, cpus = [], []
    for _ in range(args.commands):
        started, before = time.perf_counter(), _children_cpu()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        walls.append((time.perf_counter() - started) * 1000)
        cpus.append((_children_cpu() - before) * 1000)
    p50, p95 = percentiles(walls)
    cpu50, cpu95 = percentiles(cpus)
    print(f"`saidwhat report --by both --format csv` (new process): p50 {p50:.0f} ms,"
          f" p95 {p95:.0f} ms wall; CPU p50 {cpu50:.0f} ms, p95 {cpu95:.0f} ms"
          f" ({args.commands} runs)")  # fmt: skip


def _children_cpu() -> float:
    """CPU seconds (user and system) of the finished child processes."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


if __name__ == "__main__":
    main()
