"""The article page's text cut into escaped-later segments, each knowing which quote covers it.

The template prints every segment through autoescaping and wraps quoted ones in ``<mark>``;
the markup therefore never comes from the article text, only from these boundaries.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from saidwhat.records import Article, Quote, Speaker
from saidwhat.store.models import ArticleLinks, ClusterRef
from saidwhat.store.writer import quote_words

PALETTE_SIZE = 10  # colour classes .c0 ... .c9 in style.css
SHOWN = ("kicker", "headline", "key_point", "byline", "dateline", "paragraph", "credit")


@dataclass
class QuoteView:
    """One quote as the page shows it: what was said (a split quote's pieces joined by " … ",
    without the narrator's words between them), its speaker and the speaker's colour class,
    where the speaker's name links to in the corpus (none when nobody there matches), and
    for a stored article the quote's cluster."""

    number: int
    quote: Quote
    words: str
    speaker: Speaker | None
    colour: str
    speaker_url: str | None = None
    cluster: ClusterRef | None = None


@dataclass
class Segment:
    text: str
    quote: QuoteView | None = None
    labels: list[QuoteView] = field(default_factory=list)  # quotes that end here


@dataclass
class Block:
    kind: str
    segments: list[Segment]


def quote_views(
    article: Article, links: ArticleLinks | None = None, speaker_urls: dict[str, str] | None = None
) -> list[QuoteView]:
    """Each quote with its speaker and, given the article's ``links``, its cluster; a
    speaker links to ``speaker_urls[speaker id]``, else to the corpus-wide speaker of
    ``links``, else nowhere. A speaker's colour is fixed by its order in the article."""
    links = links or ArticleLinks()
    urls = {s: f"/speakers/{person}" for s, person in links.people.items()}
    urls.update(speaker_urls or {})
    colours = {s.id: f"c{i % PALETTE_SIZE}" for i, s in enumerate(article.speakers)}
    views = []
    for number, quote in enumerate(sorted(article.quotes, key=lambda q: q.start), start=1):
        views.append(
            QuoteView(
                number,
                quote,
                quote_words(article, quote),
                article.speaker(quote.speaker_id),
                colours.get(quote.speaker_id, "cx"),
                urls.get(quote.speaker_id) if quote.speaker_id else None,
                links.clusters.get(quote.id),
            )
        )
    return views


def _fragments(view: QuoteView) -> list[tuple[int, int]]:
    return [tuple(f) for f in view.quote.fragments] or [(view.quote.start, view.quote.end)]


def _block_spans(article: Article) -> list[tuple[str, int, int]]:
    spans = [(s.kind, s.start, s.end) for s in article.sections if s.kind in SHOWN]
    if not spans:
        spans = [("paragraph", s, e) for s, e in article.paragraphs]
    return sorted(spans, key=lambda b: b[1]) or [("paragraph", 0, len(article.text))]


def blocks(article: Article, views: list[QuoteView]) -> list[Block]:
    """The shown sections of the article, each cut at every quote boundary inside it."""
    pieces = [(s, e, v) for v in views for s, e in _fragments(v) if e > s]
    label_at: dict[int, list[QuoteView]] = defaultdict(list)
    for v in views:
        label_at[max(e for _, e in _fragments(v))].append(v)
    result = []
    for kind, start, end in _block_spans(article):
        cuts = {start, end}
        cuts.update(x for s, e, _ in pieces for x in (s, e) if start < x < end)
        bounds = sorted(cuts)
        segments = []
        for a, b in zip(bounds, bounds[1:], strict=False):
            covering = [(e - s, v) for s, e, v in pieces if s <= a and b <= e]
            inner = min(covering, key=lambda c: c[0])[1] if covering else None
            segments.append(Segment(article.text[a:b], inner, label_at.pop(b, [])))
        result.append(Block(kind, segments))
    return result
