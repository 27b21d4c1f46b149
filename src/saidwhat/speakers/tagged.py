"""What the entity layer tags wrongly about names, mended before the roster reads them: a
title's last word taken into a name ("Secretary of State Jon Husted" tagged from "State"), a
body or place shortened and tagged as a person ("Peabody" after "Peabody Energy", "N. Korea"
beside "North Korea"), a capitalised verb of a headline read as a name word, and the tests the
roster needs for that (a given name, one edit, the shape of a line)."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span

from saidwhat.lang import titles as tl
from saidwhat.lang.names import clean, parse_name

BODY_LABELS = ("ORG", "FAC", "GPE")
_TITLE = tl.title_pattern()
_SMALL = {"a", "an", "the", "of", "on", "in", "to", "for", "and", "or", "at", "by", "with", "as"}


def past_title(ent: Span) -> Span:
    """The name without the word that ends a title before it ("Secretary of State Jon
    Husted" tagged from "State")."""
    doc = ent.doc
    title = doc[ent.start - 2 : ent.start + 1] if ent.start >= 2 else None
    if len(ent) > 2 and title is not None and title[1].lower_ == "of":
        return (
            Span(doc, ent.start + 1, ent.end, label=ent.label_)
            if _TITLE.fullmatch(title.text)
            else ent
        )
    return ent


def short_forms(
    ents: tuple[Span, ...] | list[Span],
    people: list[Span],
    surnames: set[str],
    title_cased: Callable[[int], bool],
) -> dict[int, str]:
    """The person-tagged names that shorten a body or place of the article, by their first
    token, with the full name: "Peabody" after "Peabody Energy", or in a headline; "N. Korea"
    wherever "North Korea" stands. Never the surname of a person named in full."""
    by_first: dict[str, tuple[str, int]] = {}  # first word -> (full name, first written at)
    by_initial: dict[tuple[str, tuple[str, ...]], str] = {}  # (initial, other words) -> name
    for ent in ents:
        if ent.label_ in BODY_LABELS and " " in ent.text:
            name = clean(ent.text)
            words = name.split()
            by_first.setdefault(words[0], (name, ent.start_char))
            by_initial.setdefault((words[0][0], tuple(words[1:])), name)
    short: dict[int, str] = {}
    if not by_first:
        return short
    for ent in people:
        words = ent.text.split()
        if len(words) == 1 and words[0] in by_first and ent.text.lower() not in surnames:
            name, written = by_first[words[0]]
            if written < ent.start_char or title_cased(ent.start_char):
                short[ent.start] = name
        elif len(words) > 1 and len(words[0]) == 2 and words[0].endswith("."):
            name = by_initial.get((words[0][0], tuple(words[1:])))
            if name is not None:
                short[ent.start] = name
    return short


def has_given_name(text: str) -> bool:
    name = parse_name(text)
    return name is not None and name.first is not None


def one_edit(a: str, b: str) -> bool:
    """Two different words one insertion, deletion or substitution apart."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


def line_shape(line: str) -> tuple[bool, bool]:
    """Whether a line reads as a sentence (a full stop or quote mark at its end, or not 3 to
    14 words), and whether every word but the small ones is capitalised."""
    sentence = line.endswith((".", "?", "!", '"', "\u201d")) or not 3 <= len(line.split()) <= 14
    content = [w for w in re.findall(r"[A-Za-z][\w'\u2019-]*", line) if w.lower() not in _SMALL]
    return sentence, len(content) >= 2 and all(w[0].isupper() for w in content)
