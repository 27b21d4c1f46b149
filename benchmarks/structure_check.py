"""Check the structure step on PolNeAR (a measurement, not a test): no body text with a gold
quotation in it may leave the read sections, and dates and outlets read from the text.

    .venv/bin/python benchmarks/structure_check.py [--split dev --split train] [--show 20]

Prints, per split: articles, gold quote characters outside paragraph/key point/headline
sections (must be 0) and the quotes they belong to, the articles given a publication date by a
date line above the body (with the lines it was read from, for a human to check that nothing
came from body text) and the outlets read from bylines.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from saidwhat.lang.dates import read_date_line
from saidwhat.records import Article, Document
from saidwhat.structure import structure_document

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
READ_KINDS = ("paragraph", "key_point", "headline")
FIGURES = (
    "articles",
    "skipped (NFC changed the text)",
    "gold quotes",
    "gold quote characters outside read sections",
    "gold quotes with characters outside read sections",
    "body paragraphs",
    "articles dated from a line above the body",
    "date-only lines in the body (never read as the date)",
)


def lost_characters(article: Article, quotes: list[dict]) -> tuple[int, int]:
    """(gold quote characters outside the read sections, quotes with any such character)."""
    read = [(s.start, s.end) for s in article.sections if s.kind in READ_KINDS]
    inside = bytearray(len(article.text))
    for start, end in read:
        inside[start:end] = b"\x01" * (end - start)
    chars = quotes_hit = 0
    for quote in quotes:
        pieces = quote["fragments"] or [(quote["start"], quote["end"])]
        outside = sum(
            1
            for start, end in pieces
            for i in range(start, end)
            if not inside[i] and not article.text[i].isspace()
        )
        chars += outside
        quotes_hit += outside > 0
    return chars, quotes_hit


def check(path: Path, show: int) -> None:
    figures: Counter[str] = Counter(dict.fromkeys(FIGURES, 0))
    dated: list[tuple[str, str, str]] = []
    outlets: Counter[str] = Counter()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            gold = json.loads(line)
            article = structure_document(Document(text=gold["text"], origin=gold["id"]))
            figures["articles"] += 1
            if article.text != gold["text"]:  # NFC changed the text: gold offsets differ
                figures["skipped (NFC changed the text)"] += 1
                continue
            chars, quotes = lost_characters(article, gold["quotes"])
            figures["gold quotes"] += len(gold["quotes"])
            figures["gold quote characters outside read sections"] += chars
            figures["gold quotes with characters outside read sections"] += quotes
            figures["body paragraphs"] += len(article.paragraphs)
            figures["date-only lines in the body (never read as the date)"] += sum(
                1 for s in article.sections if s.kind == "paragraph" and read_date_line(s.text)
            )
            if article.published:
                figures["articles dated from a line above the body"] += 1
                dated.append((gold["id"], _date_line(article), article.published))
            if article.source:
                outlets[article.source] += 1
    print(f"== {path.name}")
    for name, value in figures.items():
        print(f"  {name}: {value}")
    print(f"  sources read (byline outlet, credit or dateline agency): {dict(outlets)}")
    for doc_id, used, value in dated[:show]:
        print(f"  date {value!r:32} from {used!r:45} ({doc_id})")


def _date_line(article: Article) -> str:
    """The line above the body that the date was read from."""
    for section in article.sections:
        if section.kind in ("dateline", "paragraph"):
            break
        if read_date_line(section.text):
            return section.text
    raise AssertionError(f"{article.origin}: a date not read from a line above the body")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", action="append", choices=("dev", "train"))
    parser.add_argument("--show", type=int, default=20, help="date lines to print per split")
    args = parser.parse_args()
    for split in args.split or ["dev", "train"]:
        path = POLNEAR / f"{split}.jsonl"
        if not path.exists():
            raise SystemExit(f"structure_check: {path}: not found (PolNeAR lives in ../shared)")
        check(path, args.show)


if __name__ == "__main__":
    main()
