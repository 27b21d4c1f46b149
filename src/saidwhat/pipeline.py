"""The data path for one article and for a stream of them:
read (a Document) → structure → parse → quotes → speakers → Article.

``extract_many`` runs every text through one loaded spaCy pipeline (``parse.parse_pairs``); its
output depends on its inputs only, so the same code serves one process, a pool or a Dask
cluster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.language import Language

from saidwhat.about import __version__
from saidwhat.errors import InputError
from saidwhat.parse import load_pipeline, parse_pairs
from saidwhat.quotes import READ_SECTIONS, find_quotes
from saidwhat.read.html import looks_like_html
from saidwhat.records import Article, Document, Skipped
from saidwhat.speakers import attribute
from saidwhat.structure import structure_document

_NOT_NEWLINE = re.compile(r"[^\n]")


def extract(
    text_or_html: str,
    *,
    url: str | None = None,
    id: str | None = None,
    title: str | None = None,
    published: str | None = None,
    source: str | None = None,
    nlp: Language | None = None,
    model: str | None = None,
) -> Article:
    """Extract one article: structure, quotes and speakers. Raises InputError on no article."""
    document = text_document(
        text_or_html, url=url, id=id, title=title, published=published, source=source
    )
    result = next(extract_many([document], nlp=nlp, model=model))
    if isinstance(result, Skipped):
        raise InputError(result.origin, result.reason)
    return result


def text_document(text_or_html: str, **metadata: str | None) -> Document:
    """The Document of a text or an HTML page given as a string, with what is known of it
    (``url``, ``id``, ``title``, ``published``, ``source``)."""
    is_html = looks_like_html(text_or_html)
    return Document(
        text=None if is_html else text_or_html,
        html=text_or_html if is_html else None,
        origin=metadata.get("url") or "<text>",
        **metadata,
    )


def parse_text(article: Article) -> str:
    """What spaCy parses: the article text with the sections no quote is read from (noise,
    credit, byline, dateline, kicker) blanked by spaces, newlines kept. Offsets stay those of
    the article; the blanked parts cost no parse and lend no names to the speakers step."""
    blanked = [s for s in article.sections if s.kind not in READ_SECTIONS]
    if not blanked:
        return article.text
    pieces, position = [], 0
    for section in sorted(blanked, key=lambda s: s.start):
        start = max(section.start, position)
        pieces.append(article.text[position:start])
        pieces.append(_NOT_NEWLINE.sub(" ", article.text[start : section.end]))
        position = max(position, section.end)
    pieces.append(article.text[position:])
    return "".join(pieces)


def extract_many(
    documents: Iterable[Document | Skipped],
    *,
    nlp: Language | None = None,
    model: str | None = None,
    batch_size: int = 16,
) -> Iterator[Article | Skipped]:
    """Stream articles (or Skipped records, in input order) through one spaCy pipeline."""
    nlp = nlp or load_pipeline(model)
    model_name = (
        f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
    )

    def structured() -> Iterator[tuple[str, Article | Skipped]]:
        for document in documents:
            if isinstance(document, Skipped):
                yield "", document
                continue
            try:
                article = structure_document(document)
            except InputError as exc:
                yield "", Skipped(origin=exc.origin, reason=exc.reason)
                continue
            yield parse_text(article), article

    for doc, item in parse_pairs(nlp, structured(), batch_size):
        if isinstance(item, Skipped):
            yield item
            continue
        item.meta.setdefault("saidwhat", __version__)
        item.meta.setdefault("model", model_name)
        candidates = find_quotes(doc, item)
        yield attribute(doc, item, candidates)
