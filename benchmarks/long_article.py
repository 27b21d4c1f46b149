"""Time and peak memory of one very long article, parse included.

Texts over ``parse.PIECE_CHARS`` characters are parsed in pieces; this shows what that costs
at a few sizes up to the readers' 5 MB limit. The articles are the bundled demo articles
(invented) one after another, repeated to the size; each size runs in a fresh process so
that its peak RSS is its own.

    .venv/bin/python benchmarks/long_article.py [--sizes 250000,1200000,4900000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

DEMO = Path(__file__).resolve().parent.parent / "examples" / "demo"


def article(size: int) -> str:
    bodies = [
        p.read_text(encoding="utf-8").split("\n\n", 1)[-1] for p in sorted(DEMO.glob("*.txt"))
    ]
    body = "\n\n".join(bodies)
    return "A very long invented article\n\n" + (body * (size // len(body) + 1))[:size]


def measure(size: int) -> dict:
    from saidwhat.parse import load_pipeline
    from saidwhat.pipeline import extract

    load_pipeline()
    text = article(size)
    started = time.process_time()
    result = extract(text)
    return {
        "characters": len(text),
        "quotes": len(result.quotes),
        "cpu_seconds": time.process_time() - started,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="250000,1200000,4900000", help="characters, comma-separated"
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    print(f"{'characters':>12} {'quotes':>7} {'CPU s':>8} {'peak MB':>8}")
    for size in (int(s) for s in args.sizes.split(",")):
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(size)], capture_output=True, text=True
        )
        if done.returncode != 0:
            print(f"{size:>12} failed: {done.stderr.strip().splitlines()[-1][:160]}")
            continue
        row = json.loads(done.stdout.strip().splitlines()[-1])
        print(
            f"{row['characters']:>12,} {row['quotes']:>7} {row['cpu_seconds']:>8.1f} "
            f"{row['peak_mb']:>8.0f}"
        )


if __name__ == "__main__":
    main()
