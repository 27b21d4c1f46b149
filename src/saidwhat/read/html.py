"""HTML to a Document: the main text by trafilatura, plus what the markup says (title, date,
author, site name). The headline is kept as the first line of the text, so that the structure
step finds it and the quote engine can read it."""

from __future__ import annotations

import logging
import warnings

from saidwhat.errors import InputError
from saidwhat.read.decode import normalise_text
from saidwhat.read.titles import headline_of_title
from saidwhat.read.visible import visible_text
from saidwhat.records import Document

for _name in ("trafilatura", "htmldate", "courlan", "readability", "justext"):
    # Their log lines would break the one-line-per-error rule on stderr.
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False


MIN_ARTICLE_WORDS = 12
"""Less main text than this is a menu, a login wall or an error page, not an article."""

VISIBLE_TEXT_NOTE = "the page's visible text: the main-text extractor found none"
"""Article.meta["text_from"] of a page read by its visible text (read.visible)."""


def looks_like_html(text: str) -> bool:
    """True when a string is an HTML page or fragment rather than plain text."""
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        "<body" in head or "<p>" in head or "<div" in head or "<article" in head
    )


def document_from_text(
    text: str, origin: str, *, html: bool = False, url: str | None = None
) -> Document:
    """A Document from decoded text, through the HTML extractor when it is a page."""
    if html or looks_like_html(text):
        return document_from_html(text, origin=origin, url=url)
    return Document(text=text, origin=origin, url=url)


def document_from_html(
    html: str,
    *,
    origin: str,
    url: str | None = None,
    id: str | None = None,
    title: str | None = None,
    published: str | None = None,
    source: str | None = None,
    meta: dict[str, str] | None = None,
) -> Document:
    """A text Document from an HTML page; given fields win over the page's own metadata.
    When trafilatura finds no text at all (a page nested deeper than lxml builds, say), the
    page's visible text is read instead if it holds a paragraph, and ``meta["text_from"]``
    says so. InputError when the page holds no article text."""
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            page = trafilatura.bare_extraction(
                html,
                url=url,
                with_metadata=True,
                favor_recall=True,
                include_comments=False,
                include_tables=False,
            )
        except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
            raise InputError(origin, f"HTML cannot be parsed ({type(exc).__name__})") from None
    # getattr: trafilatura gives None for a page it cannot make a tree of
    lines = [line.strip() for line in (getattr(page, "text", None) or "").splitlines()]
    lines = [line for line in lines if line]
    page_title = getattr(page, "title", None)
    author = getattr(page, "author", None)
    page_meta = {"author": author} if author else {}
    if not lines:  # none at all (a page nested past lxml's depth): its visible text, if any
        page_title, lines = visible_text(html)
        if not any(len(line.split()) >= MIN_ARTICLE_WORDS for line in lines):
            lines = []  # menus and buttons only: still no article
        page_meta = {"text_from": VISIBLE_TEXT_NOTE}
    if sum(len(line.split()) for line in lines) < MIN_ARTICLE_WORDS:
        raise InputError(origin, "no article text found in the HTML page")
    site = source or getattr(page, "sitename", None)
    headline = (
        headline_of_title(normalise_text(title or page_title or ""), site=site, author=author)
        or None
    )
    if headline and not _starts_with(lines, headline):
        lines.insert(0, headline)
    return Document(
        id=id,
        text=normalise_text("\n\n".join(lines)),
        url=url or getattr(page, "url", None),
        title=headline,
        published=published or getattr(page, "date", None),
        source=source or getattr(page, "sitename", None),
        origin=origin,
        meta={**page_meta, **(meta or {})},
    )


def _starts_with(lines: list[str], headline: str) -> bool:
    """True when the headline is one of the first lines (after a kicker, say)."""
    return any(same_headline(line, headline) for line in lines[:4])


def same_headline(a: str, b: str) -> bool:
    """True when two strings are the same headline up to case, spacing and a final period."""
    return _fold(a) == _fold(b)


def _fold(text: str) -> str:
    """Letters and digits only, lower case: what is left of a headline after re-punctuation."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())
