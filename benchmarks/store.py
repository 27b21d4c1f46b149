"""Store benchmark: build a corpus of N quotes (default 1,000,000) by replicating and varying
real extracted quotes, then measure ingest rate, file size and p50/p95 latency of search,
speaker and check, and of what the search page adds: a search in date order, the count of
its matches and the headlines that have its words.

The seed quotes come from running the real pipeline over the demo corpus (examples/demo), or
over ../shared/examples/seed-article.txt when the demo is absent. Each synthetic article copies
a seed article's text and quotes and varies them: another outlet and date, some speakers under
other invented names, and each quote reprinted exactly (syndication), re-punctuated, trimmed, or
with words swapped for others from the seed vocabulary (a new quote).

    python benchmarks/store.py                     # 1M quotes into a temporary file
    python benchmarks/store.py --quotes 20000      # quick check
    python benchmarks/store.py --db /tmp/big.db --keep
    python benchmarks/store.py --db /tmp/big.db --reuse   # questions only, on that store
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from saidwhat.pipeline import extract_many
from saidwhat.read import iter_documents
from saidwhat.records import Article
from saidwhat.store import Corpus
from saidwhat.store.writer import ingest_articles

REPO = Path(__file__).resolve().parent.parent
OUTLETS = [f"Outlet {n}" for n in range(60)]
FIRST = ["Ada", "Ivo", "Mira", "Tomas", "Lena", "Piet", "Rosa", "Omar", "Yuki", "Nils", "Zara",
         "Luca", "Hana", "Emil", "Sofia", "Ravi", "Ines", "Karl", "Noor", "Otto"]  # fmt: skip
SURNAME_STEMS = ("Quill", "Marsh", "Toll", "Brenn", "Oka", "Varg", "Dunn", "Hale")
SURNAME_ENDS = ("", "er", "ton", "sby", "ley", "wick", "more", "field", "ham", "stead")
LAST = [stem + end for stem in SURNAME_STEMS for end in SURNAME_ENDS]
ORDERS = ("newest", "oldest")


def seed_articles() -> list[Article]:
    """Real extracted articles with at least one quote."""
    demo = REPO / "examples" / "demo"
    seed = REPO.parent / "shared" / "examples" / "seed-article.txt"
    inputs = [str(demo)] if demo.is_dir() and any(demo.iterdir()) else [str(seed)]
    found = [a for a in extract_many(iter_documents(inputs)) if isinstance(a, Article) and a.quotes]
    if not found:
        sys.exit(f"no quotes extracted from {inputs}: nothing to replicate")
    return found


def words_of(seeds: list[Article]) -> list[str]:
    """The words of the seed articles (all their text, not only quotes) and some numbers: what
    a reworded quote draws its new words from."""
    words = {w for a in seeds for w in a.text.split() if w.isalpha()}
    return sorted(words | {str(n) for n in range(1, 2000)})


def vary_quote(text: str, vocabulary: list[str], rng: random.Random) -> str:
    """Reprint (40%), re-punctuate (15%), trim (15%) or reword into a new quote (30%)."""
    roll = rng.random()
    words = text.split()
    if roll < 0.40 or len(words) < 4:
        return text
    if roll < 0.55:
        return text.upper().replace(",", "").rstrip(".") + "!"
    if roll < 0.70:
        cut = rng.randint(1, max(1, len(words) // 4))
        return " ".join(words[cut:])
    for _ in range(max(2, len(words) // 3)):
        words[rng.randrange(len(words))] = rng.choice(vocabulary)
    return " ".join(words)


def synthetic(
    seeds: list[Article], quotes: int, rng: random.Random, start: int = 0
) -> Iterator[Article]:
    """Articles (ids from ``start``) until ``quotes`` quotes have been produced."""
    vocabulary = words_of(seeds)
    made, n = 0, start
    while made < quotes:
        base = seeds[n % len(seeds)]
        speakers = [
            s.model_copy(update={"name": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "mentions": []})
            if s.kind == "person" and rng.random() < 0.7
            else s
            for s in base.speakers
        ]
        chosen = base.quotes[: quotes - made]
        day = rng.randrange(730)
        yield base.model_copy(
            update={
                "id": f"bench-{n}",
                "url": f"https://example.org/{n}",
                "source": rng.choice(OUTLETS),
                "published": f"{2023 + day // 365}-{1 + day % 365 // 31:02d}-{1 + day % 28:02d}",
                "origin": f"bench:{n}",
                "quotes": [
                    q.model_copy(update={"text": vary_quote(q.text, vocabulary, rng)})
                    for q in chosen
                ],
                "speakers": speakers,
            }
        )
        made += len(chosen)
        n += 1


def latencies(calls: list[Callable[[], object]]) -> tuple[float, float, float, float]:
    """p50 and p95 in milliseconds, wall clock and CPU time of this process (the CPU figures
    do not count the time other processes on a shared machine took from us)."""
    wall, cpu = [], []
    for call in calls:
        start, start_cpu = time.perf_counter(), time.process_time()
        call()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return *percentiles(wall), *percentiles(cpu)


def percentiles(values: list[float]) -> tuple[float, float]:
    return statistics.median(values), statistics.quantiles(values, n=20)[18]


def build(corpus: Corpus, seeds: list[Article], quotes: int, rng: random.Random) -> None:
    """Ingest the synthetic articles and print the ingest rate."""
    started, started_cpu = time.perf_counter(), time.process_time()

    def show(report) -> None:
        if report.articles % 5000 == 0:
            rate = report.quotes / (time.perf_counter() - started)
            cpu_rate = report.quotes / (time.process_time() - started_cpu)
            print(
                f"  {report.quotes:>9,} quotes  {rate:,.0f} quotes/s wall,"
                f" {cpu_rate:,.0f} per CPU-second",
                flush=True,
            )

    report = ingest_articles(
        corpus.conn, synthetic(seeds, quotes, rng), batch_size=1000, progress=show
    )
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - started_cpu
    corpus.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(
        f"ingest: {report.quotes:,} quotes in {report.articles:,} articles, {seconds:.0f} s, "
        f"{report.quotes / seconds:,.0f} quotes/s ({report.articles / seconds:,.0f} articles/s);"
        f" CPU {cpu_seconds:.0f} s, {report.quotes / cpu_seconds:,.0f} quotes per CPU-second"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None, help="default: a temporary file")
    parser.add_argument("--keep", action="store_true", help="keep the database file at the end")
    parser.add_argument(
        "--reuse", action="store_true", help="time the questions on an existing --db, no build"
    )
    parser.add_argument("--queries", type=int, default=200, help="timed calls per question")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    folder = None
    if args.db is None:
        folder = tempfile.TemporaryDirectory(prefix="saidwhat-bench-")
        args.db = Path(folder.name) / "bench.db"
    seeds = seed_articles()
    print(f"seed: {len(seeds)} articles, {sum(len(a.quotes) for a in seeds)} real quotes")

    reuse = args.reuse and args.db.exists()
    corpus = Corpus(args.db)
    if reuse:
        print(f"reusing {args.db} (built by an earlier run; ingest not measured)")
    else:
        build(corpus, seeds, args.quotes, rng)
    stats = corpus.stats()
    print(
        f"store: {stats.quotes:,} quotes, {stats.size_bytes / 2**20:,.0f} MiB,"
        f" {stats.speakers:,} speakers, {stats.clusters:,} clusters"
    )
    rng = random.Random(args.seed + 1)  # the same questions whether built now or reused

    vocabulary = words_of(seeds)
    texts = [q.text for a in seeds for q in a.quotes]
    quote_words = [[w for w in t.split() if w.isalpha() and len(w) > 4] for t in texts]
    quote_words = [ws for ws in quote_words if len(ws) >= 2]
    people = [s.name for s in corpus.speakers(top=200)]

    def one_search(i: int) -> Callable[[], object]:
        """Words of one real quote: two of them; one with an outlet; one with a speaker."""
        words = rng.choice(quote_words)
        if i % 3 == 0:
            return lambda w=" ".join(rng.sample(words, 2)): corpus.search(w)
        if i % 3 == 1:
            return lambda w=rng.choice(words), s=rng.choice(OUTLETS): corpus.search(w, source=s)
        return lambda w=rng.choice(words), p=rng.choice(people): corpus.search(w, speaker=p)

    searches = [one_search(i) for i in range(args.queries)]
    speakers = [(lambda p=rng.choice(people): corpus.speaker(p)) for _ in range(args.queries)]
    checks = [
        (lambda t=vary_quote(rng.choice(texts), vocabulary, rng): corpus.check(t))
        for _ in range(args.queries)
    ]
    # what the search page asks besides: the same kind of words, in date order (each way),
    # counted, and looked up in the headlines (asked after the questions above, so that
    # those stay the same questions as in earlier runs)
    dated = [
        (lambda w=rng.choice(rng.choice(quote_words)), s=ORDERS[i % 2]: corpus.search(w, sort=s))
        for i in range(args.queries)
    ]
    counts = [
        (lambda w=rng.choice(rng.choice(quote_words)): corpus.count(w)) for _ in range(args.queries)
    ]
    headlines = [
        (lambda w=rng.choice(rng.choice(quote_words)): corpus.headlines(w))
        for _ in range(args.queries)
    ]
    # did X say it: a varied quote asked of a speaker (last, for the same reason)
    asked = [
        (
            lambda t=vary_quote(rng.choice(texts), vocabulary, rng), p=rng.choice(people): (
                corpus.check(t, speaker=p)
            )
        )
        for _ in range(args.queries)
    ]
    questions = [("search", searches), ("speaker", speakers), ("check", checks)]
    questions += [("search by date", dated), ("count", counts), ("headlines", headlines)]
    questions += [("check with a speaker", asked)]
    for name, calls in questions:
        p50, p95, cpu50, cpu95 = latencies(calls)
        print(
            f"{name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms wall; CPU p50 {cpu50:.1f} ms,"
            f" p95 {cpu95:.1f} ms ({len(calls)} calls)"
        )
    corpus.close()
    if args.keep or reuse:
        print(f"kept {args.db}")
    else:
        for path in (args.db, Path(f"{args.db}-wal"), Path(f"{args.db}-shm")):
            path.unlink(missing_ok=True)
    if folder:
        folder.cleanup()


if __name__ == "__main__":
    main()
