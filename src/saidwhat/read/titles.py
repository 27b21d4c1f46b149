"""A page title as a headline: browsers' titles carry the site or the author after a separator
("Ferry fares rise | The Marlow Herald", "Ferry fares rise - marlowherald.com", "Ferry fares
rise | Jo Lind"); the headline is what comes before it."""

from __future__ import annotations

import re

from saidwhat.lang.words import ORG_LAST_WORDS

_SEPARATOR = re.compile(r"\s+(\||-|\u2013|\u2014|::|\u00b7|\u00bb)\s+")
_DOMAIN = re.compile(
    r"(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*"
    r"\.(?:com|org|net|co|uk|us|news|info|io|tv|de|fr|ca|au|in|ie|nz|eu)/?",
    re.IGNORECASE,
)
_SMALL = {"of", "the", "and", "&", "for", "on", "in", "at", "a", "de", "la"}
MAX_SUFFIX_WORDS = 5


def _fold(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _names(piece: str) -> bool:
    """A short run of capitalised words: a site or a person's name."""
    words = piece.split()
    return 0 < len(words) <= MAX_SUFFIX_WORDS and all(
        w[:1].isupper() or w.lower() in _SMALL for w in words
    )


def _is_suffix(piece: str, separator: str, site: str | None, author: str | None) -> bool:
    folded = _fold(piece)
    if not folded:
        return True
    if any(known and folded == _fold(known) for known in (site, author)):
        return True
    if _DOMAIN.fullmatch(piece.strip()):
        return True
    if not _names(piece):
        return False
    # a pipe is page furniture; after a dash only an outlet's name ('- The Marlow Herald')
    return separator == "|" or piece.split()[-1].lower() in ORG_LAST_WORDS


def headline_of_title(title: str, *, site: str | None = None, author: str | None = None) -> str:
    """The title without the site or author names a page adds after a separator."""
    text = title.strip()
    while True:
        found = list(_SEPARATOR.finditer(text))
        if not found:
            return text
        last = found[-1]
        head, tail = text[: last.start()].strip(), text[last.end() :].strip()
        if len(head.split()) < 2 or not _is_suffix(tail, last.group(1), site, author):
            return text
        text = head
