"""Give every unit of an article its kind: kicker, headline, box heading, key point, byline,
dateline, body paragraph, credit or noise.

The order of a news page drives the rules: page chrome, then kicker and headline, then a
header zone (byline, date, key-points box), then the body, which the first prose unit opens
(with a dateline, if any), then the credit and trailing furniture. Inside the body only units
that match a pattern of their own (noise, credit, box) leave the body: a paragraph wrongly
dropped is a quotation lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from saidwhat.read.html import same_headline
from saidwhat.structure import patterns as p
from saidwhat.structure.units import split_units

TITLE_SEARCH_UNITS = 4
"""The page title is looked for among the first units only (a headline is at the top)."""
_SENTENCE_END = tuple(".!?\"”’'")
_SENTENCES = re.compile(r"[.!?][\"”’']?\s+[\"“‘']?[A-Z]")


@dataclass(frozen=True)
class Part:
    """One structural part: its kind and span in the article text."""

    kind: str
    start: int
    end: int


def lay_out(text: str, title: str | None = None) -> list[Part]:
    """Every part of the text in order; spans never overlap."""
    units = split_units(text)
    pieces = [text[s:e] for s, e in units]
    kicker, headline = _find_headline(pieces, title)
    top = kicker if kicker is not None else headline
    parts: list[Part] = []
    body = box = after_credit = False
    previous = ""
    for index, ((start, end), piece) in enumerate(zip(units, pieces, strict=True)):
        if index == headline:
            kind = "headline"
        elif index == kicker:
            kind = "kicker"
        elif top is not None and index < top:
            kind = "noise"  # page chrome above the kicker/headline
        elif p.is_credit(piece):
            kind, after_credit = "credit", True
        elif p.is_noise(piece) or (not body and p.is_date(piece)):
            kind = "noise"
        elif p.is_box_heading(piece):
            kind, box = "heading", True
        elif p.bullet_length(piece) and (box or not body):
            kind, start = "key_point", start + p.bullet_length(piece)
        elif not body and (p.is_byline(piece) or _byline_tail(previous, piece)):
            kind = "byline"
        elif after_credit and _furniture(piece):
            kind = "noise"
        else:
            kind = "paragraph"
            if not body:
                body = True
                cut, _ = p.dateline_length(piece)
                if cut:
                    parts.append(Part("dateline", start, start + len(piece[:cut].rstrip())))
                    start += cut
        box = box and kind in ("heading", "key_point")
        previous = kind
        parts.append(Part(kind, start, end))
    return parts


def header(parts: list[Part]) -> list[Part]:
    """The parts above the body (page chrome, headline, byline, box, date lines): where a
    publication date is printed, and the only place it is looked for."""
    body = next((i for i, part in enumerate(parts) if part.kind in ("dateline", "paragraph")), None)
    return parts[:body]


def dateline_agency(text: str, parts: list[Part]) -> str | None:
    """The agency in the dateline ('Reuters' in 'LONDON (Reuters) -'), if any."""
    dateline = next((part for part in parts if part.kind == "dateline"), None)
    return p.dateline_length(text[dateline.start :])[1] if dateline else None


def _find_headline(pieces: list[str], title: str | None) -> tuple[int | None, int | None]:
    """(kicker index, headline index): by the page title when it is given, else by shape."""
    if title:
        for index, piece in enumerate(pieces[:TITLE_SEARCH_UNITS]):
            if same_headline(piece, title):
                before = pieces[index - 1] if index else ""
                kicker = (
                    index - 1 if before and _plain(before) and p.is_kicker_like(before) else None
                )
                return kicker, index
    first = next((i for i, piece in enumerate(pieces) if _plain(piece) is not False), None)
    if first is None or not _plain(pieces[first]) or first + 1 >= len(pieces):
        return None, None
    following = pieces[first + 1]
    if not (p.is_headline_like(pieces[first]) or _opens_article(pieces[first], following)):
        return None, None
    if (
        p.is_kicker_like(pieces[first])
        and first + 2 < len(pieces)
        and _plain(following)
        and p.is_headline_like(following)
        and len(p.words(following)) > len(p.words(pieces[first]))
    ):
        return first, first + 1
    return None, first


def _opens_article(piece: str, following: str) -> bool:
    """A short first line is a headline in sentence case when a byline or a dateline follows
    it; a one-sentence one also when a paragraph at least twice its length follows."""
    if not p.headline_sized(piece):
        return False
    if p.dateline_length(following)[0] or p.is_byline(following):
        return True
    return len(p.words(following)) >= 2 * len(p.words(piece)) and not _SENTENCES.search(piece)


def _plain(piece: str) -> bool | None:
    """True for a unit no pattern claims; False for page chrome (noise, date) that may precede
    a headline; None for units that rule a headline out (byline, box, bullet, credit)."""
    if p.is_noise(piece) or p.is_date(piece):
        return False
    if (
        p.is_byline(piece)
        or p.is_box_heading(piece)
        or p.bullet_length(piece)
        or p.is_credit(piece)
    ):
        return None
    return True


def _byline_tail(previous: str, piece: str) -> bool:
    """'Associated Press' or 'Staff Writer' on the line after 'By Jane Doe'."""
    return (
        previous == "byline"
        and 1 <= len(p.words(piece)) <= 4
        and p.is_title_case(piece)
        and (not piece.endswith(_SENTENCE_END))
    )


def _furniture(piece: str) -> bool:
    """After the credit: short lines that are not sentences are page furniture."""
    return len(p.words(piece)) <= 12 and not piece.endswith(_SENTENCE_END)
