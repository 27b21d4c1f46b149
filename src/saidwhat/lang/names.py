"""Person names as keys: strip honorifics and titles, find the surname (with its particles:
"de Blasio", "van der Berg") and the first name, and compare roles loosely.

What is an honorific, a title, a particle or a suffix is decided by the word lists of
``lang.words`` and ``lang.titles``, the same lists extraction reads (lx.STYLES included),
plus two only the store reads (lx.SURNAME_PARTICLES, lx.POST_NOMINALS). A style that is also
a first name ("Justice Harlow", "Prince Fielder") is dropped here whatever follows, while
extraction keeps it before a lone surname (lx.NAME_LIKE_STYLES): there a bare surname joins the
article's one bearer at once, here only on evidence (agreeing roles, people quoted alongside).
The store does not call the speakers step's ``roster.parse_name``: that reads a name as
written in one article (case and dots: "Sen." is a title, "Al" a first name only by its
capital; its surname is the last word), while the store's keys must be the same for every
way a user or an article writes the name ("Sen. Bernie Sanders", "sen bernie sanders"), and
its surname keeps the particles ("de blasio"), as the people table is keyed on it (changing
that would re-key stored corpora).

Where the store read names differently before the lists were shared, the journalist merging
one person across articles decided:
- Leading words dropped are the lexicon's honorifics and prefixes ("Mr.", "former",
  "retired"), every word of its titles ("White House Press Secretary", "Chief of Staff"),
  its styles ("Rabbi", "Pope", "U.S.") and the words of the speaker's own titles; never the
  last word. A lone initial stays a first name ("S. Jones" ~ "Sam Jones"), as only "U.S." as
  a whole is a style.
- Suffixes are dropped only at the end ("Martin Luther King Jr." -> "king"), so that a name
  word that reads like one ("Ii Okafor") stays.
- Particles are the lexicon's plus "den", "das", "dos", "ibn", "el", which only ever stand
  before a surname; no longer "ben", "do", "mac", "st", which are also first names or
  styles ("Ben Carson" has the first name "ben", not the surname "ben carson").
- A particle that starts the name, is written with a capital and is a common first name in
  the lexicon is the first name ("Al Gore" -> first "al", surname "gore", so "Gore" joins
  him), while "al-Assad", "Al-Assad" (hyphenated: part of the surname) and "de Blasio" stay
  bare surnames.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from saidwhat.lang import words as lx
from saidwhat.lang.text import normalise
from saidwhat.lang.titles import TITLES

ROLE_STOPWORDS = {"the", "of", "a", "an", "for", "and", "in", "at", "on", "to", "s"}
_TITLE_WORDS = {w for title in TITLES for w in normalise(title).split()}
_LEAD_WORDS = lx.HONORIFICS | lx.NAME_PREFIXES | _TITLE_WORDS
# styles as word sequences, longest first: "U.S." is "u s" as a whole, the letters alone initials
_LEAD_PHRASES = sorted((tuple(normalise(s).split()) for s in lx.STYLES), key=len, reverse=True)
_GIVEN_NAMES = lx.MALE_NAMES | lx.FEMALE_NAMES
_WORD = re.compile(r"\w+")
_HYPHEN = re.compile(r"[-\u2010\u2011]")


@dataclass(frozen=True)
class PersonName:
    """A person's name as keys: ``core`` without honorifics, lower-case surname and first."""

    core: str
    surname: str
    first: str | None


def lead_length(words: list[str], titles: Iterable[str] = ()) -> int:
    """How many of the leading normalised ``words`` are honorifics, styles or title words
    rather than the name (never all of them: the last word is the surname)."""
    own = {w for t in titles for w in normalise(t).split()}
    start = 0
    while len(words) - start > 1:
        rest = tuple(words[start:])
        step = next((len(p) for p in _LEAD_PHRASES if rest[: len(p)] == p), 0)
        step = step or (1 if rest[0] in _LEAD_WORDS or rest[0] in own else 0)
        if not step or step >= len(rest):
            break
        start += step
    return start


def written_name(name: str, titles: Iterable[str] = ()) -> str:
    """The name as written without its leading honorifics and titles: "Mayor Bill de Blasio"
    -> "Bill de Blasio", "U.S. Attorney Dana Whitcombe" -> "Dana Whitcombe"."""
    words = name.split()
    parts = [normalise(w).split() for w in words]
    drop = lead_length([p for part in parts for p in part], titles)
    kept = 0
    while kept < len(words) and drop > 0 and len(parts[kept]) <= drop:
        drop -= len(parts[kept])
        kept += 1
    return " ".join(words[kept:])


def parse_person(name: str, titles: Iterable[str] = ()) -> PersonName:
    """Keys of a person's name. "Mayor Bill de Blasio" -> core "bill de blasio", surname
    "de blasio", first "bill"; "de Blasio" -> first None (see the module docstring)."""
    words = normalise(name).split()
    capital = _capitals(name, len(words))
    while len(words) > 1 and words[-1] in lx.POST_NOMINALS:
        words.pop()
    start = lead_length(words, titles)
    words, capital = words[start:], capital[start:]
    if not words:
        return PersonName(core="", surname="", first=None)
    begin = len(words) - 1
    while begin > 0 and words[begin - 1] in lx.SURNAME_PARTICLES:
        begin -= 1
    if begin == 0 and len(words) > 1 and capital[0] and words[0] in _GIVEN_NAMES:
        begin = 1  # "Al Gore", not "Al-Assad"
    first = words[0] if begin > 0 else None
    return PersonName(core=" ".join(words), surname=" ".join(words[begin:]), first=first)


def _capitals(name: str, count: int) -> list[bool]:
    """Per normalised word of ``name``, whether it was written as a word of its own with a
    capital: "Al" in "Al Gore", not in "Al-Assad", where the hyphen binds the particle to the
    surname (all False when the words do not line up, so nothing is read from case then)."""
    text = unicodedata.normalize("NFKC", name).replace("’", "").replace("'", "")
    written = [
        (word, _HYPHEN.search(token) is None)
        for token in text.split()
        for word in _WORD.findall(token)
    ]
    if len(written) != count:
        return [False] * count
    return [alone and word[:1].isupper() for word, alone in written]


def first_names_agree(a: str | None, b: str | None) -> bool:
    """Same first name, or one is the other's initial ("b" ~ "bill")."""
    if not a or not b:
        return False
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def role_words(role: str) -> frozenset[str]:
    return frozenset(w for w in normalise(role).split() if w not in ROLE_STOPWORDS)


def roles_agree(ours: list[str], theirs: list[str]) -> bool:
    """True when some role of one side is a word-subset of a role of the other
    ("press secretary" ~ "White House press secretary"; "mayor" !~ "senator")."""
    mine = [role_words(r) for r in ours]
    other = [role_words(r) for r in theirs]
    return any(a and b and (a <= b or b <= a) for a in mine for b in other)
