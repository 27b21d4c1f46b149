"""One person, one row: how a corpus keeps each speaker together, on PolNeAR train + dev.

Ingests the 924 articles of ../shared/data/polnear/{train,dev}.jsonl into a fresh store and
prints, for the 12 most-quoted people, the share of their quotes that sit in their main row
(the row a fact-checker opens), and the quotes held by descriptions, groups, documents or
unknown sources merged across articles (a researcher counting sources must see none).

Who "a person" is here is read from the rows' names, not from the store's own keys: every
row named with the same first and last name is that person ("Texas Sen. Ted Cruz" and "Ted
Cruz" would be two rows of one person), and a row named by the surname alone counts as theirs
when they hold at least 90% of the quotes of that surname's full-name rows.

    .venv/bin/python benchmarks/corpus_identity.py [--db /tmp/polnear.db] [--workers 2]

Prints figures and speaker names, never article text.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from saidwhat.ingestion import ingest
from saidwhat.records import Document
from saidwhat.store import Corpus
from saidwhat.store.people import PER_ARTICLE

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
TOP = 12
DOMINANT = 0.9


def documents() -> list[Document]:
    out = []
    for split in ("train", "dev"):
        for line in (POLNEAR / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            out.append(
                Document(
                    id=doc["id"],
                    text=doc["text"],
                    title=doc.get("title"),
                    published=doc.get("date"),
                    source=doc.get("publisher"),
                    origin=f"polnear:{doc['id']}",
                )
            )
    return out


def words(name: str) -> list[str]:
    return re.findall(r"[a-z][a-z'\u2019-]*", name.lower())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="keep the store here (default: a temp file)")
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()
    if not (POLNEAR / "train.jsonl").exists():
        sys.exit(f"needs {POLNEAR}/train.jsonl and dev.jsonl (../shared beside the repo)")
    scratch = tempfile.TemporaryDirectory()
    db = options.db or Path(scratch.name) / "polnear.db"
    started = time.monotonic()
    report = ingest(documents(), Corpus(db), workers=options.workers)
    print(
        f"ingested {report.articles} articles, {report.quotes} quotes in "
        f"{time.monotonic() - started:.0f} s ({report.skipped} skipped) into {db}"
    )
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT p.id, p.name, p.kind, COUNT(q.rowid) FROM people p"
        " LEFT JOIN quotes q ON q.person_id = p.id GROUP BY p.id"
    ).fetchall()
    full: dict[tuple[str, str], list[tuple[int, str, int]]] = defaultdict(list)
    bare: dict[str, list[tuple[int, str, int]]] = defaultdict(list)
    for person_id, name, kind, quotes in rows:
        if kind != "person":
            continue
        parts = words(name)
        if len(parts) >= 2:
            full[(parts[0], parts[-1])].append((person_id, name, quotes))
        elif parts:
            bare[parts[0]].append((person_id, name, quotes))
    by_surname: dict[str, int] = defaultdict(int)
    for (_, last), held in full.items():
        by_surname[last] += sum(q for *_, q in held)
    top = sorted(full.items(), key=lambda item: -sum(q for *_, q in item[1]))[:TOP]
    print(f"\nthe {TOP} most-quoted people: share of their quotes in their main row")
    shares = []
    for (_, last), held in top:
        theirs = list(held)
        quotes = sum(q for *_, q in held)
        if quotes >= DOMINANT * by_surname[last]:
            theirs += bare.get(last, [])
        total = sum(q for *_, q in theirs)
        main_row = max(theirs, key=lambda row: row[2])
        share = main_row[2] / max(1, total)
        shares.append(share)
        others = ", ".join(f"{n!r} ({q})" for pid, n, q in theirs if pid != main_row[0] and q)
        print(f"  {main_row[1]:<28} {main_row[2]:>5} of {total:>5} = {share:.3f}  {others}")
    print(f"  average {sum(shares) / len(shares):.3f} (target >= 0.98)")
    marks = ",".join("?" * len(PER_ARTICLE))
    merged = conn.execute(
        "SELECT p.name, p.kind, COUNT(DISTINCT s.article_rowid),"
        " (SELECT COUNT(*) FROM quotes q WHERE q.person_id = p.id)"
        " FROM people p JOIN article_speakers s ON s.person_id = p.id"
        f" WHERE p.kind IN ({marks}) GROUP BY p.id HAVING COUNT(DISTINCT s.article_rowid) > 1",
        PER_ARTICLE,
    ).fetchall()
    held = sum(r[3] for r in merged)
    print(f"\nquotes held by descriptions merged across articles: {held} (target 0)")
    for name, kind, articles, quotes in merged[:10]:
        print(f"  {name!r} ({kind}) in {articles} articles, {quotes} quotes")
    print("\nthe 40 most-quoted speakers:")
    for summary in Corpus(db, readonly=True).speakers(top=40):
        print(f"  {summary.quotes:>5}  {summary.name} ({summary.kind})")


if __name__ == "__main__":
    main()
