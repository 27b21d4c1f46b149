"""Memory stays flat with corpus size: a 1,000- and a 5,000-article run of the real pipeline
on a 2-worker local pool, with the peak RSS of each worker and of the main process.

The articles are tiny and invented here (random made-up names and places, so that the
vocabulary keeps growing as it would over a real crawl, which is what would make spaCy's
string store grow without the per-batch memory zone). Prints a table and exits 1 when a
worker's peak grows by more than --tolerance between the two runs.

    .venv/bin/python benchmarks/memory.py [--small 1000] [--large 5000] [--workers 2]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections.abc import Iterator

from _measure import ChildMemory

SYLLABLES = [
    "ka",
    "lo",
    "mer",
    "vin",
    "dra",
    "sel",
    "tu",
    "bren",
    "ol",
    "ash",
    "quin",
    "zor",
    "pel",
    "ha",
    "ri",
    "mon",
    "tey",
    "gal",
    "fen",
    "ur",
]
VERBS = ("said", "told reporters", "added", "said in a statement", "argued")


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def invented_articles(count: int, seed: int = 7) -> Iterator:
    """Short invented news items with direct and indirect quotes and new names in each."""
    from saidwhat.records import Document

    rng = random.Random(seed)
    for number in range(count):
        person = f"{_name(rng, 2)} {_name(rng, 3)}"
        other = f"{_name(rng, 2)} {_name(rng, 2)}"
        town, body = _name(rng, 3), _name(rng, 2)
        text = (
            f"{town} council approves new {body} plan\n\n"
            f"The council of {town} voted on Tuesday to approve the {body} plan after a "
            f"long debate.\n\n"
            f'"This is a good day for {town}," {person}, the council leader, '
            f"{rng.choice(VERBS)}.\n\n"
            f"{other}, who opposed the plan, said the costs had not been explained. "
            f'"We will keep asking questions," {other.split()[-1]} said.'
        )
        yield Document(id=f"memory-{number}", text=text, origin=f"invented:{number}")


def run(count: int, workers: int) -> dict:
    from saidwhat.run.local import extract_parallel

    started = time.perf_counter()
    quotes = 0
    with ChildMemory() as memory:
        for result in extract_parallel(invented_articles(count), workers=workers):
            quotes += len(getattr(result, "quotes", []))
    return {
        "articles": count,
        "quotes": quotes,
        "seconds": time.perf_counter() - started,
        "workers_mb": sorted(memory.peaks.values(), reverse=True)[:workers],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--tolerance", type=float, default=0.10, help="allowed growth (0.10)")
    args = parser.parse_args()
    rows = [run(args.small, args.workers), run(args.large, args.workers)]
    main_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'articles':>9} {'quotes':>7} {'seconds':>8} {'art/s':>6}  peak RSS per worker (MB)")
    for row in rows:
        peaks = " / ".join(f"{p:.0f}" for p in row["workers_mb"])
        rate = row["articles"] / row["seconds"]
        print(f"{row['articles']:9d} {row['quotes']:7d} {row['seconds']:8.1f} {rate:6.1f}  {peaks}")
    print(f"main process peak RSS over both runs: {main_mb:.0f} MB")
    small, large = max(rows[0]["workers_mb"]), max(rows[1]["workers_mb"])
    growth = (large - small) / small
    print(f"worker peak growth from {args.small} to {args.large} articles: {growth:+.1%}")
    sys.exit(0 if growth <= args.tolerance else 1)


if __name__ == "__main__":
    main()
