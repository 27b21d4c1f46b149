"""A byline as a reader writes it down: without the date a page prints beside the name ("By Jo
Lind, March 3, 2026 3:04 PM" -> "By Jo Lind"), and none at all when the page only holds a
placeholder where the author's name goes ("Username", "Staff", "admin")."""

from __future__ import annotations

import re

from saidwhat.lang.dates import DATE_LINE

PLACEHOLDERS = frozenset(
    {"username", "user", "admin", "administrator", "staff", "staff writer", "staff reporter",
     "web staff", "news staff", "digital staff", "editor", "editors", "editorial staff",
     "webmaster", "unknown", "anonymous", "guest", "author", "contributor", "newsroom",
     "reporter", "web editor", "site editor", "n/a", "none"}
)  # fmt: skip
_BY = re.compile(r"^(?i:by)[\s:]+")
_EDGES = " \t,;|\u00b7\u2022-\u2013\u2014/"


def clean_byline(byline: str | None) -> str | None:
    """The byline without a date in it, or None when what is left is a placeholder."""
    if not byline:
        return None
    text = byline
    date = DATE_LINE.search(text)
    while date is not None and date.end() > date.start():
        text = (text[: date.start()].rstrip(_EDGES) + " " + text[date.end() :]).strip(_EDGES)
        date = DATE_LINE.search(text)
    name = _BY.sub("", text).strip(_EDGES)
    if not name or name.casefold() in PLACEHOLDERS or not any(ch.isalpha() for ch in name):
        return None
    return text.strip(_EDGES)
