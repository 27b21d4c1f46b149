"""Person names as keys: strip honorifics and titles, find the surname (with its particles:
"de Blasio", "van der Berg") and the first name, and compare roles loosely.
"""

from __future__ import annotations

from dataclasses import dataclass

from saidwhat.store.text import normalise

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "rev", "reverend", "fr", "father", "sister", "brother", "rabbi", "imam", "sheikh",
    "president", "vice", "mayor", "governor", "gov", "senator", "sen", "representative", "rep",
    "congressman", "congresswoman", "councilman", "councilwoman", "councillor", "councilmember",
    "judge", "justice", "chief", "commissioner", "secretary", "minister", "prime", "premier",
    "ambassador", "general", "gen", "col", "colonel", "capt", "captain", "lt", "sgt", "sergeant",
    "officer", "detective", "det", "attorney", "chancellor", "speaker", "leader", "deputy",
    "press", "former", "acting", "interim", "state", "house", "white", "us", "u", "s", "the",
    "coach", "king", "queen", "prince", "princess", "pope", "cardinal", "bishop", "saint", "st",
}  # fmt: skip
PARTICLES = {"de", "del", "della", "der", "den", "di", "da", "das", "do", "dos", "du", "van",
             "von", "la", "le", "bin", "ibn", "al", "el", "ben", "mac", "st"}  # fmt: skip
SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"}
ROLE_STOPWORDS = {"the", "of", "a", "an", "for", "and", "in", "at", "on", "to", "s"}


@dataclass(frozen=True)
class PersonName:
    """A person's name as keys: ``core`` without honorifics, lower-case surname and first."""

    core: str
    surname: str
    first: str | None


def parse_person(name: str, titles: list[str] = ()) -> PersonName:
    """Keys of a person's name. "Mayor Bill de Blasio" -> core "bill de blasio", surname
    "de blasio", first "bill"; "de Blasio" -> first None. Leading words that are honorifics or
    words of the speaker's own titles are dropped (never the last word: it is the surname)."""
    title_words = {w for t in titles for w in normalise(t).split()}
    words = [w for w in normalise(name).split() if w not in SUFFIXES] or normalise(name).split()
    while len(words) > 1 and (words[0] in HONORIFICS or words[0] in title_words):
        words = words[1:]
    if not words:
        return PersonName(core="", surname="", first=None)
    start = len(words) - 1
    while start > 0 and words[start - 1] in PARTICLES:
        start -= 1
    surname = " ".join(words[start:])
    first = words[0] if start > 0 else None
    return PersonName(core=" ".join(words), surname=surname, first=first)


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
