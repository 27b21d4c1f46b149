"""What the entity layer tags wrongly about names, mended before the roster reads them: a
title's last word taken into a name ("Secretary of State Jon Husted" tagged from "State"), a
body or place shortened and tagged as a person ("Peabody" after "Peabody Energy", "N. Korea"
beside "North Korea"), and the word tests the roster needs for that (a given name, one edit)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span

from saidwhat.lang import titles as tl
from saidwhat.lang.names import clean, parse_name

BODY_LABELS = ("ORG", "FAC", "GPE")
_TITLE = tl.title_pattern()


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
    long_names: dict[str, int] = {}  # full name -> where first written
    for ent in reversed([e for e in ents if e.label_ in BODY_LABELS]):
        long_names[clean(ent.text)] = ent.start_char
    short = {}
    for ent in people:
        long_form = _short_of(clean(ent.text), long_names)
        if long_form is None or ent.text.lower() in surnames:
            continue
        initial = "." in ent.text
        if initial or long_names[long_form] < ent.start_char or title_cased(ent.start_char):
            short[ent.start] = long_form
    return short


def _short_of(name: str, long_names: dict[str, int]) -> str | None:
    """The body or place a name shortens: by its first word or by its initial."""
    words = name.split()
    for long_name in long_names:
        full = long_name.split()
        if len(words) == 1 and len(full) > 1 and full[0] == words[0]:
            return long_name
        initial = len(words[0]) == 2 and words[0].endswith(".") and full[0][0] == words[0][0]
        if len(words) == len(full) > 1 and initial and words[1:] == full[1:]:
            return long_name
    return None


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
