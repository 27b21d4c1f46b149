"""CPU seconds per extraction step over PolNeAR dev, in one process: structure and parse
(spaCy and our components), quotes, speakers. Says where a change of speed comes from, which
``throughput.py`` (the whole extraction against bare spaCy) does not.

    .venv/bin/python benchmarks/step_times.py [--gold ../shared/data/polnear/dev.jsonl]

Every article is parsed first, then the quotes step runs over all of them, then the speakers
step: a first pass, as over new articles (caches filled in the run count in it).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEV, help="a PolNeAR-style JSONL file")
    args = parser.parse_args()
    if not args.gold.exists():
        sys.exit(f"{args.gold}: not found (PolNeAR dev is in ../shared/data/polnear)")
    from saidwhat.parse import load_pipeline
    from saidwhat.pipeline import parse_text
    from saidwhat.quotes import find_quotes
    from saidwhat.records import Document
    from saidwhat.speakers import attribute
    from saidwhat.structure import structure_document

    rows = [json.loads(line) for line in args.gold.open(encoding="utf-8")]
    nlp = load_pipeline()
    start = time.process_time()
    parsed = []
    for row in rows:
        article = structure_document(Document(id=row["id"], text=row["text"], origin=row["id"]))
        parsed.append((nlp(parse_text(article)), article))
    parse_done = time.process_time()
    candidates = [find_quotes(doc, article) for doc, article in parsed]
    quotes_done = time.process_time()
    for (doc, article), found in zip(parsed, candidates, strict=True):
        attribute(doc, article, found)
    speakers_done = time.process_time()
    print(
        f"{len(rows)} articles, CPU seconds: structure+parse {parse_done - start:.2f}, "
        f"quotes {quotes_done - parse_done:.2f}, speakers {speakers_done - quotes_done:.2f}, "
        f"total {speakers_done - start:.2f}"
    )


if __name__ == "__main__":
    main()
