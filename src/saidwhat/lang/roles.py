"""The role lexicon: which words make a source a politician, an expert, a spokesperson...
(``roles.txt`` beside this module defines each role and holds the words). A user file of the
same form extends it: its phrases are read first and win over the built-in ones.

Phrases are kept as tuples of normalised words (``lang.text.normalise``: "Sen." is "sen",
"sheriff's" is "sheriffs"); ``find`` matches them in a text as whole words, singular or
plural, the longest first, so that "white house" (government) beats "house" (a politician's
body) and "press secretary" (spokesperson) beats "secretary".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from saidwhat.lang.text import normalise

BUILT_IN = Path(__file__).with_name("roles.txt")
SECTIONS = ("person", "person by body", "body")
ROLE_NAMES = {
    "government": "government/official",
    "politician": "elected politician",
    "police_legal": "police/legal",
    "expert": "expert/academic",
    "business": "business",
    "advocacy": "advocacy/NGO",
    "media": "media/journalist",
    "spokesperson": "spokesperson",
    "citizen": "citizen/witness",
    "unknown": "unknown",
}
# the values of records.SourceRole, as read aloud (the ground floor's modules do not import
# each other; a test holds the two equal)
ROLES = tuple(ROLE_NAMES)
_SECTION = re.compile(r"\[\s*([a-z ]+?)\s*\]")
_POSSESSIVE = re.compile(r"['\u2019]s\b")  # "NBC's" is "NBC"

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    """What a phrase says: its role, and whether that role is only the default of a title
    whose body decides ("president" of a company)."""

    role: str
    by_body: bool = False
    source: str = "built-in"  # the lexicon file it came from, for the evidence


@dataclass
class Match:
    """A phrase found in some words: where (word positions), which phrase, what it says."""

    start: int
    end: int
    phrase: Phrase
    entry: Entry

    @property
    def words(self) -> str:
        return " ".join(self.phrase)


@dataclass
class RoleLexicon:
    """Phrases said of people (titles, role nouns) and words in bodies' names, by role."""

    person: dict[Phrase, Entry] = field(default_factory=dict)
    body: dict[Phrase, Entry] = field(default_factory=dict)
    _one_word_people: frozenset[str] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    _shapes: dict[int, tuple[int, frozenset[str]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def _shape(self, table: dict[Phrase, Entry]) -> tuple[int, frozenset[str]]:
        """The table's longest phrase (in words) and the words its phrases start with, made
        once (``find`` is asked for every speaker, and measured every phrase each time) and
        made again after ``add``."""
        shape = self._shapes.get(id(table))
        if shape is None:
            longest = max((len(p) for p in table), default=0)
            shape = self._shapes[id(table)] = (longest, frozenset(p[0] for p in table if p))
        return shape

    def one_word_people(self) -> frozenset[str]:
        """The one-word phrases said of people ("spokeswoman"), made once (asked for every
        word of every speaker's name) and made again after ``add``."""
        if self._one_word_people is None:
            self._one_word_people = frozenset(p[0] for p in self.person if len(p) == 1)
        return self._one_word_people

    def add(self, text: str, origin: str) -> None:
        """Read a lexicon in the form of ``roles.txt``; phrases already known keep their
        entry (read a user file first, so that it wins). A bad line is a one-line error
        naming ``origin`` and the line (ValueError)."""
        section, self._one_word_people = None, None
        self._shapes.clear()
        for number, raw in enumerate(text.splitlines(), 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            heading = _SECTION.fullmatch(line)
            if heading:
                section = heading.group(1)
                if section not in SECTIONS:
                    raise ValueError(
                        f"{origin}:{number}: unknown section [{section}] (use "
                        + ", ".join(f"[{s}]" for s in SECTIONS)
                        + ")"
                    )
                continue
            role, colon, phrases = line.partition(":")
            role = role.strip()
            if section is None or not colon or role not in ROLES:
                why = (
                    "a line before any [section]"
                    if section is None
                    else f"not 'role: phrase, phrase' with a role of {', '.join(ROLES)}"
                )
                raise ValueError(f"{origin}:{number}: {why}")
            table = self.body if section == "body" else self.person
            entry = Entry(role, by_body=section == "person by body", source=origin)
            for phrase in phrases.split(","):
                key = tuple(normalise(phrase).split())
                if key:
                    table.setdefault(key, entry)

    def find(self, text: str, table: dict[Phrase, Entry]) -> list[Match]:
        """Every phrase of ``table`` in ``text``, whole words, singular or plural; where
        phrases overlap, the longest (then the rightmost) is kept."""
        words = normalise(_POSSESSIVE.sub("", text)).split()
        forms = [{w, singular(w)} for w in words]
        longest, firsts = self._shape(table)
        found = []
        for i in range(len(words)):
            if firsts.isdisjoint(forms[i]):
                continue  # no phrase starts with this word (most words): no window tried
            for n in range(min(longest, len(words) - i), 0, -1):
                key = tuple(words[i : i + n])
                phrase = key if key in table else _singular_key(forms[i : i + n], table)
                if phrase is not None:
                    found.append(Match(i, i + n, phrase, table[phrase]))
                    break
        found.sort(key=lambda m: (-(m.end - m.start), -m.end))
        kept: list[Match] = []
        for match in found:
            if all(match.end <= k.start or match.start >= k.end for k in kept):
                kept.append(match)
        return sorted(kept, key=lambda m: m.start)


def _singular_key(forms: list[set[str]], table: dict[Phrase, Entry]) -> Phrase | None:
    """The phrase of ``table`` these words spell when some of them are read singular."""
    keys: list[Phrase] = [()]
    for options in forms:
        keys = [key + (w,) for key in keys for w in options]
    return next((key for key in keys if key in table), None)


def singular(word: str) -> str:
    """A plural noun's singular, by its ending ("officials", "witnesses", "parties")."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def read_lexicon(user_text: str | None = None, origin: str = "user lexicon") -> RoleLexicon:
    """The built-in lexicon, extended by a user lexicon's text (its phrases win)."""
    lexicon = RoleLexicon()
    if user_text is not None:
        lexicon.add(user_text, origin)
    lexicon.add(BUILT_IN.read_text(encoding="utf-8"), "built-in")
    return lexicon
