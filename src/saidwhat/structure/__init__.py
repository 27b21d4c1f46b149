"""The structure step: headline, kicker, key points, byline, dateline, body, credit, noise.

``Article.text`` is the whole normalised input text; every section and paragraph is a span of
it, so quote offsets found later point into the same string a reader sees.
"""

from __future__ import annotations

import hashlib

from saidwhat.errors import InputError
from saidwhat.lang.dates import published_date
from saidwhat.read.decode import normalise_text
from saidwhat.read.html import document_from_html
from saidwhat.read.titles import headline_of_title
from saidwhat.records import Article, Document, Section
from saidwhat.structure.bylines import clean_byline
from saidwhat.structure.layout import dateline_agency, header, lay_out
from saidwhat.structure.outlets import byline_outlet
from saidwhat.structure.patterns import agency_of


def article_id(document: Document, text: str) -> str:
    """The given id, else the URL, else a hash of the normalised text (stable across runs, so
    the store recognises an article it has seen)."""
    return document.id or document.url or hashlib.sha1(text.encode()).hexdigest()[:16]


def structure_document(document: Document) -> Article:
    """An Article with text and structure, no quotes yet. Raises InputError when empty."""
    if document.text is None and document.html:
        document = document_from_html(
            document.html,
            origin=document.origin,
            url=document.url,
            id=document.id,
            title=document.title,
            published=document.published,
            source=document.source,
            meta=document.meta,
        )
    text = normalise_text(document.text or "")
    if not text.strip():
        raise InputError(document.origin, "no article text")
    title = document.title and headline_of_title(
        document.title, site=document.source, author=document.meta.get("author")
    )
    parts = lay_out(text, title)
    sections = [
        Section(kind=x.kind, start=x.start, end=x.end, text=text[x.start : x.end]) for x in parts
    ]
    of = {kind: [s.text for s in sections if s.kind == kind] for kind in {s.kind for s in sections}}
    credits = of.get("credit", [])
    agency = dateline_agency(text, parts)
    copyright_agency = next(
        (agency_of(c) for c in credits if not _contribution(c) and agency_of(c)), None
    )
    return Article(
        id=article_id(document, text),
        source=document.source
        or copyright_agency
        or (agency and (agency_of(agency) or agency))
        or byline_outlet(of.get("byline", [])),
        url=document.url,
        published=document.published
        or published_date([text[x.start : x.end] for x in header(parts)]),
        title=document.title,
        origin=document.origin,
        headline=_first(of.get("headline")) or title,
        kicker=_first(of.get("kicker")),
        key_points=of.get("key_point", []),
        byline=clean_byline(", ".join(of.get("byline", [])) or document.meta.get("author")),
        dateline=_first(of.get("dateline")),
        credit=" ".join(credits) or agency,
        text=text,
        paragraphs=[(s.start, s.end) for s in sections if s.kind == "paragraph"],
        sections=sections,
        meta=dict(document.meta),
    )


def _first(values: list[str] | None) -> str | None:
    return values[0] if values else None


def _contribution(credit: str) -> bool:
    """'The Associated Press contributed to this report': the agency helped, it is not the
    source of the story."""
    return "contributed" in credit.lower()
