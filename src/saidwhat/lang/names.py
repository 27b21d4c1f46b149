"""Person names: one model of how English news writes a person's name, read by the speakers
step (a name as written in one article) and by the store (the keys that join one person
across articles), so that both take a name apart the same way.

    "Texas Sen. Ted Cruz"         -> name "Ted Cruz", title "Sen.", affiliation "Texas"
    "Republican Donald Trump"     -> name "Donald Trump", affiliation "Republican"
    "Mayor Bill de Blasio"        -> name "Bill de Blasio": surname key "de blasio", given "bill"
    "Martin Luther King Jr."      -> surname key "king", suffix "Jr." kept apart
    "Ban Ki-moon", "Bashar al-Assad" stay whole

The rules (pinned by tests/lang/test_names.py and tests/store/test_names_shared.py):
- Leading words that are no part of the name come off, never the last word: honorifics and
  prefixes ("Mr.", "former"), titles (longest first: "White House Press Secretary", "Sen."),
  the words that make a title precise ("Chief", "Deputy", "State"), styles ("Rabbi",
  "Pope", "U.S."), and the speaker's own titles when they are given. Capitalised words
  before a title are affiliations ("Texas", "FBI", "South Korean", "Senate"), and so is a
  party word before a name ("Democrat Hillary Clinton").
- A style that is also a first name or starts a surname ("Justice", "Prince", "St.") is a
  style only when two name words follow ("Justice Harlow" may be a man called Justice).
- Suffixes are taken off only at the end ("Jr.", "III", "PhD"), so that a name word that
  reads like one ("Ii Okafor") stays.
- The surname keeps its particles ("de Blasio", "van den Berg", "bin Laden", "al-Assad");
  a capitalised particle that starts the name and is a common first name is the first name
  ("Al Gore": first "al", surname "gore"), while "Al-Assad" (hyphenated) is a surname.
- Written with capitals (text from an article), each name word is capitalised, a particle or
  an initial: "the billionaire estate mogul" is no name. Written all in lower case (a user's
  query, "sen bernie sanders"), case tells nothing and is not asked for.
- Gender comes from an honorific ("Mr.", "Ms.") only, never from a first name: the article's
  pronouns and role nouns say the rest (speakers step).
Keys are the normalised words (``lang.text.normalise``: case, dots and hyphens aside), so
"Sen. Bernie Sanders" and "sen bernie sanders" give the same keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from saidwhat.lang import words as lx
from saidwhat.lang.text import normalise
from saidwhat.lang.titles import TITLES

ROLE_STOPWORDS = {"the", "of", "a", "an", "for", "and", "in", "at", "on", "to", "s"}
_EDGE = " ,.;:\"'\u201c\u201d\u2018\u2019()-\u2013\u2014\u2015"
_GIVEN_NAMES = lx.MALE_NAMES | lx.FEMALE_NAMES
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]?\.?|[A-Z]")  # "B.", "G.K.", "J"
_JOINERS = re.compile(r"[-'\u2019\u2010\u2011]")  # "al-Assad", "d'Estaing"
_SPACES = re.compile(r"\s+")  # compiled once: clean() is called for every name mention
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_LEADING_THE = re.compile(r"^(?i:the)\s+")


def _plain(word: str) -> str:
    """A word for the lists: lower case, edge dots and commas off ("Sen." -> "sen")."""
    return word.lower().strip(".,")


def _phrase(title: str) -> tuple[str, ...]:
    return tuple(_plain(w) for w in title.split())


# words written with a dot: "Mr.", "Jr.", "Sen.", "Gov."
_ABBREVIATIONS = (
    lx.HONORIFICS | lx.POST_NOMINALS | {t[:-1] for t in TITLES if t.endswith(".")} | {"st"}
)
# titles as word sequences, longest first (a dot is optional: "Sgt" in British style)
_TITLE_PHRASES = sorted({_phrase(t) for t in TITLES}, key=len, reverse=True)
_TITLES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}  # in the order of _TITLE_PHRASES
for _title in _TITLE_PHRASES:
    _TITLES_BY_FIRST.setdefault(_title[0], []).append(_title)


@dataclass(frozen=True)
class PersonName:
    """A person's name taken apart. ``shown`` is the name as written without what stands
    before it (suffix kept: "Martin Luther King Jr."); the keys are lower case."""

    shown: str
    surname: str  # the key: "de blasio", "king"
    first: str | None  # the first given name or initial: "bill", "s"
    core: str  # every name word, normalised, suffix off: "bill de blasio"
    gender: str | None = None  # from an honorific only
    titles: tuple[str, ...] = ()  # as written before the name: "Sen.", "Press Secretary"
    affiliations: tuple[str, ...] = ()  # as written before a title: "Texas", "FBI"
    suffix: str | None = None  # "Jr.", "III"
    words: tuple[str, ...] = field(default=(), repr=False)  # the name words as written

    @property
    def tokens(self) -> int:
        """How many words the name has (suffix aside): fuller names win."""
        return len(self.words)

    @property
    def bare(self) -> str:
        """The name words as written, suffix off: "Martin Luther King"."""
        return " ".join(self.words)

    @property
    def last(self) -> str:
        """The surname's last word: "blasio" of "de blasio"."""
        return self.surname.split()[-1] if self.surname else ""


def clean(text: str) -> str:
    """A name without leading article, trailing possessive or surrounding punctuation; a
    final dot that belongs to the last word stays ("Jr.", "Mr.", "James B.", "N.Y.")."""
    text = _SPACES.sub(" ", text)
    kept = text.strip(_EDGE)
    after = text[len(text.rstrip(_EDGE)) :]
    if after.startswith(".") and kept and _dot_belongs(kept.split(" ")[-1]):
        kept += "."
    kept = _POSSESSIVE.sub("", kept)
    return _LEADING_THE.sub("", kept).strip()


def _dot_belongs(word: str) -> bool:
    """Whether a dot after ``word`` is its own (an initial, an abbreviation), not a full stop."""
    plain = word.lower().strip(_EDGE)
    return len(plain) == 1 or "." in plain or plain in _ABBREVIATIONS


def parse_name(text: str, titles: Iterable[str] = ()) -> PersonName | None:
    """The name in ``text`` taken apart (see the module docstring); None when no name is left
    (only titles, a description, a number). Cached: an article names its people many times."""
    return _parse_name(text, tuple(titles))


@lru_cache(maxsize=8192)
def _parse_name(text: str, titles: tuple[str, ...]) -> PersonName | None:
    words = clean(text).split()
    cased = any(ch.isupper() for ch in text)
    own = sorted({_phrase(t) for t in titles if t.strip()}, key=len, reverse=True)
    gender, found_titles, affiliations, words = _leads(words, own)
    suffix: list[str] = []
    while len(words) > 1 and _plain(words[-1]) in lx.POST_NOMINALS:
        suffix.insert(0, words.pop())
    comma = bool(suffix) and words[-1].endswith(",")  # "Martin Luther King, Jr."
    words[-1:] = [words[-1].rstrip(",")] if words else []
    if not words or not all(_name_word(w, cased) for w in words):
        return None
    alone = len(words) == 1 and _plain(words[0]) in lx.HONORIFICS | lx.NAME_PREFIXES
    if alone or _title_at([*map(_plain, words), ""], own) == len(words):
        return None  # only a title or an honorific is left ("Retired General", "Mr.")
    if len(words) == 1 and words[0].isupper() and "." in words[0] and len(words[0]) <= 5:
        return None  # an acronym ("N.Y.", "U.N."), not a name
    keys = [normalise(w) for w in words]
    begin = len(words) - 1
    while begin > 0 and keys[begin - 1] in lx.SURNAME_PARTICLES:
        begin -= 1
    if begin == 0 and len(words) > 1 and words[0][:1].isupper() and keys[0] in _GIVEN_NAMES:
        begin = 1  # "Al Gore", not "Al-Assad" (one word: "al assad")
    first = keys[0].split()[0] if begin > 0 else None
    core = " ".join(keys)
    shown = " ".join(words) + (("," if comma else "") + " " + " ".join(suffix) if suffix else "")
    return PersonName(
        shown=shown,
        surname=" ".join(keys[begin:]),
        first=first,
        core=core,
        gender=gender,
        titles=tuple(found_titles),
        affiliations=tuple(affiliations),
        suffix=" ".join(suffix) or None,
        words=tuple(words),
    )


def person_key(name: str, titles: Iterable[str] = ()) -> PersonName:
    """The store's keys for a speaker's name: those of ``parse_name``, else (a name that is
    no person's name, "Mr.", "Governor") its normalised words, surname its last word."""
    parsed = parse_name(name, titles)
    if parsed is not None:
        return parsed
    core = normalise(name)
    return PersonName(
        shown=clean(name), surname=core.split()[-1] if core else "", first=None, core=core
    )


def written_name(name: str, titles: Iterable[str] = ()) -> str:
    """The name as written without what stands before it: "Mayor Bill de Blasio" -> "Bill de
    Blasio", "U.S. Attorney Dana Whitcombe" -> "Dana Whitcombe"; else the name itself."""
    parsed = parse_name(name, titles)
    return parsed.shown if parsed is not None else name.strip()


def is_lead_word(word: str) -> bool:
    """A word that stands before a name and is no part of it (honorific, prefix, title,
    style): a first name once read as such is dropped when the rules learn better."""
    plain = _plain(word)
    return (
        plain in lx.HONORIFICS
        or plain in lx.NAME_PREFIXES
        or (plain,) in _TITLE_PHRASES
        or plain in lx.STYLES
    )


def _leads(
    words: list[str], own: list[tuple[str, ...]]
) -> tuple[str | None, list[str], list[str], list[str]]:
    """Take the words that stand before the name off ``words``: (gender from an honorific,
    titles, affiliations, the rest). The last word always stays."""
    gender = None
    titles: list[str] = []
    affiliations: list[str] = []
    while len(words) > 1:
        plain = [_plain(w) for w in words]
        lead = plain[0]
        step = _title_at(plain, own)  # before the prefixes: "Deputy Press Secretary"
        if step:
            titles.append(" ".join(words[:step]))
            words = words[step:]
            continue
        if lead in lx.HONORIFICS or lead in lx.NAME_PREFIXES:
            gender = gender or lx.HONORIFIC_GENDER.get(lead)
            words = words[1:]
            continue
        if lx.is_style_lead([w.lower() for w in words]):
            titles.append(words[0])
            words = words[1:]
            continue
        before = _before_title(words, plain, own)
        if before:
            affiliations.append(" ".join(words[:before]))
            words = words[before:]
            continue
        if lead in lx.PERSON_NOUNS and len(words) >= 3:  # "Baker Lucien Marchetti"
            titles.append(words[0])
            words = words[1:]
            continue
        if lead in lx.PARTY_WORDS and len(words) >= 3 and words[0][:1].isupper():
            affiliations.append(words[0])  # "Republican Donald Trump"
            words = words[1:]
            continue
        break
    return gender, titles, affiliations, words


def _title_at(plain: list[str], own: list[tuple[str, ...]]) -> int:
    """How many leading words form a title (with the modifiers before it: "Deputy Press
    Secretary", "State Sen."), leaving at least one word; 0 if none."""
    start = 0
    while start < len(plain) - 1:
        rest = tuple(plain[start:])
        for phrase in [*own, *_TITLES_BY_FIRST.get(rest[0], ())]:  # only those it starts
            if rest[: len(phrase)] == phrase and len(rest) > len(phrase):  # with can match
                return start + len(phrase)
        if plain[start] not in lx.TITLE_MODIFIERS:
            return 0
        start += 1
    return 0


def _before_title(words: list[str], plain: list[str], own: list[tuple[str, ...]]) -> int:
    """How many leading capitalised words stand before a title or a style and are neither
    themselves ("Texas" in "Texas Sen. Ted Cruz", "South Korean" in "South Korean President
    Park", "Manhattan Supreme Court" in "Manhattan Supreme Court Justice Frank Nervo"): an
    affiliation. 0 when no title follows within three words."""
    for count in range(1, min(4, len(words) - 1)):
        if not words[count - 1][:1].isupper() or _plain(words[count - 1]) in lx.STYLES:
            return 0
        if _title_at(plain[count:], own) or lx.is_style_lead([w.lower() for w in words[count:]]):
            return count
    return 0


def _name_word(word: str, cased: bool) -> bool:
    """A word a name can hold: capitalised (or any, when nothing was capitalised), a
    particle ("de", "al-Assad"), an initial; never a number."""
    if not any(ch.isalpha() for ch in word) or any(ch.isdigit() for ch in word):
        return False
    if not cased or word[:1].isupper() or _INITIALS.fullmatch(word):
        return True
    pieces = _JOINERS.split(word)
    return pieces[0].lower() in lx.SURNAME_PARTICLES and (
        len(pieces) == 1 or pieces[-1][:1].isupper()
    )


def first_names_agree(a: str | None, b: str | None) -> bool:
    """Same first name, one is the other's initial ("b" ~ "bill"), or a familiar form of
    it ("joe" ~ "joseph", "jim" ~ "jimmy": ``words.NICKNAMES``)."""
    if not a or not b:
        return False
    if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return True
    return bool(_name_forms(a) & _name_forms(b))


def _name_forms(first: str) -> frozenset[str]:
    return lx.NICKNAMES.get(first, frozenset()) | {first}


def role_words(role: str) -> frozenset[str]:
    return frozenset(w for w in normalise(role).split() if w not in ROLE_STOPWORDS)


def roles_agree(ours: list[str], theirs: list[str]) -> bool:
    """True when some role of one side is a word-subset of a role of the other
    ("press secretary" ~ "White House press secretary"; "mayor" !~ "senator")."""
    mine = [role_words(r) for r in ours]
    other = [role_words(r) for r in theirs]
    return any(a and b and (a <= b or b <= a) for a in mine for b in other)
