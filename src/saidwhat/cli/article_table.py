"""The `table` format of `saidwhat extract`: what a journalist checks first, readable in a
terminal: the structure found, then one row per quotation with its speaker and confidence."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from saidwhat.records import Article, Quote

QUOTE_CHARS = 160
"""Longer quotations are trimmed in the table (the JSON formats keep them whole)."""
PLAIN_WIDTH = 120
"""Width when stdout is not a terminal (rich would otherwise assume 80 columns)."""


def write_tables(articles: Iterable[Article]) -> None:
    """Print each article's structure and quotation table to stdout, as they come."""
    console = Console(width=None if sys.stdout.isatty() else PLAIN_WIDTH, highlight=False)
    for number, article in enumerate(articles):
        if number:
            console.print()
        console.print(structure_summary(article))
        console.print(quote_table(article))


def structure_summary(article: Article) -> Table:
    """The article's structure as label/value rows (only what was found)."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold cyan", no_wrap=True)
    grid.add_column()
    rows = [
        ("article", article.origin or article.id),
        ("source", article.source),
        ("published", article.published),
        ("kicker", article.kicker),
        ("headline", article.headline),
        *(("key point", f"• {point}") for point in article.key_points),
        ("byline", article.byline),
        ("dateline", article.dateline),
        ("credit", article.credit),
        ("paragraphs", str(len(article.paragraphs))),
        ("quotes", str(len(article.quotes))),
    ]
    for label, value in rows:
        if value:
            grid.add_row(label, Text(value))
    return grid


def quote_table(article: Article) -> Table:
    """One row per quotation: type, speaker, cue, the words quoted, confidence."""
    table = Table(show_lines=False, expand=False, pad_edge=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("type")
    table.add_column("speaker", style="bold")
    table.add_column("cue", style="magenta")
    table.add_column("quote", ratio=1)
    table.add_column("conf", justify="right")
    for number, quote in enumerate(sorted(article.quotes, key=lambda q: q.start), start=1):
        table.add_row(
            str(number),
            quote.type,
            speaker_label(article, quote),
            quote.cue.text if quote.cue else "",
            Text(trim(quoted_words(article, quote))),
            f"{quote.confidence:.2f}",
        )
    return table


def speaker_label(article: Article, quote: Quote) -> Text:
    """The speaker's canonical name; the mention as written (dim) when no record resolves."""
    speaker = article.speaker(quote.speaker_id)
    if speaker is not None:
        return Text(speaker.name)
    if quote.speaker_mention is not None:
        return Text(quote.speaker_mention.text, style="dim")
    return Text("")


def quoted_words(article: Article, quote: Quote) -> str:
    """The words attributed: the fragments of a split quote joined by an ellipsis, so the
    attribution between them ('…," she said. "…') is not shown as part of the quote."""
    if len(quote.fragments) < 2:
        return quote.text
    return " … ".join(article.text[start:end] for start, end in quote.fragments)


def trim(text: str, limit: int = QUOTE_CHARS) -> str:
    """One line, at most ``limit`` characters, cut at a word with an ellipsis."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + " …"
