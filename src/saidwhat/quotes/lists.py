"""A colon lead-in followed by a list: "The president also said:" and then bullet points or
numbered items, each of them something said (each one a quotation of the lead-in's speaker).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from saidwhat.lang.verbs import hooks_quotes, is_speech_verb
from saidwhat.quotes.proposals import Raw, Regions, with_source

# "• ", "- ", "* ", "– ", "· ", "1. ", "2) " at the start of a line
LIST_ITEM = re.compile(
    r"[ \t]*(?:[\u2022\u00b7\u25aa\u25cf*\u2013\u2014-]|\d{1,2}[.)])[ \t]+(?=\S)"
)
MAX_ITEMS = 20


def _items(text: str, regions: Regions, after: int) -> list[tuple[int, int]]:
    """The list items in the lines after position ``after``, up to the first line that is
    not one."""
    out: list[tuple[int, int]] = []
    pos = after
    while len(out) < MAX_ITEMS:
        while pos < len(text) and text[pos] in " \t\n":
            pos += 1
        if regions.index(pos) is None:
            break
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        marker = LIST_ITEM.match(text, pos, end)
        if marker is None:
            break
        line_end = len(text[:end].rstrip().rstrip(";,"))  # the item's own words
        if line_end > marker.end():
            out.append((marker.end(), line_end))
        pos = end
    return out


def list_candidates(doc: Doc, regions: Regions) -> list[Raw]:
    """One candidate per list item after a line whose last sentence ends in a colon with a
    reporting verb in it."""
    text = regions.text
    out: list[Raw] = []
    colon = text.find(":\n")
    while colon >= 0:
        items = _items(text, regions, colon + 1) if regions.index(colon) is not None else []
        tokens = doc.char_span(colon, colon + 1, alignment_mode="expand") if items else None
        cue = _cue(tokens[0].sent) if tokens is not None else None
        if cue is not None:
            for item in items:
                raw = Raw("colon-list-item", [item], evidence=["colon-lead-in-list"])
                out.append(with_source(raw, doc, cue))
        colon = text.find(":\n", colon + 1)
    return out


def _cue(sent: Span) -> Token | None:
    """The last reporting verb of the lead-in sentence."""
    verbs = [
        t
        for t in sent
        if t.pos_ in ("VERB", "AUX")
        and (is_speech_verb(t.lemma_.lower()) or hooks_quotes(t.lemma_.lower()))
    ]
    return verbs[-1] if verbs else None
