"""Measure the quotes step on PolNeAR dev with the reference scorer (a benchmark, not a test).

    .venv/bin/python benchmarks/quotes_dev.py [--gold ../shared/data/polnear/dev.jsonl]
        [--pred /tmp/saidwhat-quotes-dev.jsonl] [--cache DOCBIN]

Runs structure -> parse -> find_quotes on every gold text, writes predictions JSONL (speaker
span = the candidate's source mention as written), prints docs/s (wall clock and per CPU-second,
which is the per-core figure on a shared machine) and the reference scorer's
figures. With --cache, parsed docs are read from (or written to) a DocBin and the speed
figure then covers find_quotes only.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from spacy.tokens import DocBin

from saidwhat.evaluate.score import LEVELS, judge_predictions
from saidwhat.parse import load_pipeline
from saidwhat.quotes import find_quotes

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "scripts"))
from polnear import article_of  # noqa: E402  (scripts/polnear.py)


def calibration(gold: list[dict], rows: list[dict]) -> None:
    """Share of predictions right with speaker (lenient) per score band: calibrated scores
    mean that of those scored >= 0.8 at least 80% are right. Judged by ``evaluate.score``,
    which agrees with the reference scorer to the digit."""
    bands: dict[str, list[int]] = {}
    for g, row in zip(gold, rows, strict=True):
        for judged in judge_predictions(g, row["quotes"], LEVELS["lenient"]):
            score = judged.quote["score"]
            band = ">=0.8" if score >= 0.8 else "0.6-0.8" if score >= 0.6 else "<0.6"
            bands.setdefault(band, []).append(int(judged.right_with_speaker))
    for band in (">=0.8", "0.6-0.8", "<0.6"):
        hits = bands.get(band, [])
        if hits:
            share = sum(hits) / len(hits)
            print(f"score {band}: {len(hits)} predicted, {share:.3f} right with speaker")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "data/polnear/dev.jsonl")
    ap.add_argument("--pred", type=Path, default=Path("/tmp/saidwhat-quotes-dev.jsonl"))
    ap.add_argument("--cache", type=Path, help="DocBin of parsed gold texts (made if absent)")
    args = ap.parse_args()
    gold = [json.loads(line) for line in args.gold.open(encoding="utf-8")]
    nlp = load_pipeline()
    articles = [article_of(g) for g in gold]
    cached = args.cache is not None and args.cache.exists()
    start, cpu = time.perf_counter(), time.process_time()
    if cached:
        docs = list(DocBin().from_disk(args.cache).get_docs(nlp.vocab))
        start, cpu = time.perf_counter(), time.process_time()
    else:
        docs = nlp.pipe((a.text for a in articles), batch_size=16)
    rows, kept = [], []
    for g, article, doc in zip(gold, articles, docs, strict=True):
        kept.append(doc)
        quotes = []
        for c in find_quotes(doc, article):
            src = c.source
            quotes.append(
                {
                    "start": c.start,
                    "end": c.end,
                    "fragments": [list(f) for f in c.fragments],
                    "speaker_start": src[0] if src else None,
                    "speaker_end": src[1] if src else None,
                    "type": c.type,
                    "score": c.score,
                }
            )
        rows.append({"id": g["id"], "quotes": quotes})
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    if args.cache is not None and not cached:
        DocBin(docs=kept).to_disk(args.cache)
    with args.pred.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row) + "\n")
    what = "find_quotes only (cached parse)" if cached else "parse + find_quotes"
    print(
        f"{len(gold)} docs in {elapsed:.1f}s = {len(gold) / elapsed:.1f} docs/s wall, "
        f"{len(gold) / cpu:.1f} docs per CPU-second, one process ({what})"
    )
    scorer = SHARED / "eval/score.py"
    subprocess.run(
        [sys.executable, str(scorer), str(args.gold), str(args.pred), "--brief"], check=True
    )
    calibration(gold, rows)
    with args.pred.with_suffix(".score.json").open("w") as full:
        cmd = [sys.executable, str(scorer), str(args.gold), str(args.pred)]
        subprocess.run(cmd, check=True, stdout=full)


if __name__ == "__main__":
    main()
