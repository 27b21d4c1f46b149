"""PolNeAR gold documents as saidwhat articles (shared by the quote-scorer training script and
the quotes benchmark)."""

from __future__ import annotations

import sys

from saidwhat.records import Article, Document
from saidwhat.structure import structure_document


def article_of(gold: dict) -> Article:
    """The structured article of a gold text; when the structure step changes the text (e.g.
    Unicode normalisation), the gold text split into paragraphs, so offsets stay comparable."""
    article = structure_document(Document(id=gold["id"], text=gold["text"], origin=gold["id"]))
    if article.text == gold["text"]:
        return article
    print(
        f"note: {gold['id']}: structure changed the text; using plain paragraphs", file=sys.stderr
    )
    text, pos, paragraphs = gold["text"], 0, []
    for line in text.split("\n"):
        if line.strip():
            paragraphs.append((pos, pos + len(line)))
        pos += len(line) + 1
    return Article(id=gold["id"], text=text, paragraphs=paragraphs)
