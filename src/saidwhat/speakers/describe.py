"""Descriptions of people: "The Republican presidential nominee", "the Indiana governor", "the
New York businessman" -> the person of the article they describe.

What the article says about each named person is gathered once (``Profiles``): the titles and
affiliations of their speaker record and the words written right around their name
("Republican presidential nominee Donald Trump", "Mike Pence, the Indiana governor", "Sen.
Jeff Merkley (D-Ore.)"). A description is then scored against each person: every word of it
the person's profile holds counts for them, a party, state or gender that contradicts it
counts against them. Which words are compared, and their synonyms ("GOP" = "Republican",
"Gov." = "governor", "Vt." = "Vermont"), come from ``lang.words``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from saidwhat.lang import titles as tl
from saidwhat.lang import words as lx
from saidwhat.speakers.discourse import Discourse, Recency, Resolution
from saidwhat.speakers.entity import Entity
from saidwhat.speakers.phrases import first_person
from saidwhat.speakers.roster import Roster

_SKIP_POS = {"DET", "PRON", "PUNCT", "CCONJ", "ADP", "PART", "SPACE", "VERB", "AUX", "NUM"}
_PARTIES = {"republican", "democratic", "libertarian", "independent", "green"}
_STATES = {abbreviation: state for state, abbreviation in lx.US_STATES.items()}
_STATE_NAMES = set(lx.US_STATES)
# "(D-Ore.)", ", R-Tenn.,": a party letter and a state after a lawmaker's name
_PARTY_STATE = re.compile(r"^,?\s*\(?([DRI])-([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)")
# how a word before a name can stand to it and still describe the person
_MODIFIERS = {"compound", "amod", "nmod", "npadvmod", "appos", "nsubj", "poss"}
_PARTY_LETTER = {"d": "democratic", "r": "republican", "i": "independent"}
DEFINITE = {"the", "this", "that", "these", "those"}
_QUALIFIER_STOPWORDS = {"of", "for", "the", "to", "at", "in", "with"}
_INDEFINITE = {"a", "an", "one", "another", "some"}
_RECENT_ENOUGH = 1.0  # a referent by recency alone: the previous speaker or a recent subject
POSSESSIVE_PRONOUNS = {"his", "her", "its", "their", "our", "my", "your"}
LEDE_PARAGRAPHS = 2  # the headline and the opening paragraphs, by index from 0


def descriptor(word: str) -> str | None:
    """A word as compared between descriptions and profiles: lower case, dots off, synonyms
    and state abbreviations read as what they stand for; None for a word that says nothing."""
    plain = word.lower().strip(".,;:()'\u2019\"")
    if not plain or not any(ch.isalpha() for ch in plain):
        return None
    if word.lower().rstrip(",") in _STATES:
        return _STATES[word.lower().rstrip(",")]
    return lx.DESCRIPTOR_SYNONYMS.get(plain, plain)


class Profiles:
    """What the article says about each named person, as descriptor words."""

    def __init__(self, doc: Doc, roster: Roster):
        self.doc = doc
        self.roster = roster
        self._words: dict[int, set[str]] = {}
        self._names: dict[int, list[tuple[int, int]]] = {}  # id(person) -> name mentions
        for start, end, person in roster.people:
            self._names.setdefault(id(person), []).append((start, end))

    def words(self, person: Entity) -> set[str]:
        """Read on first use: most articles describe few people."""
        if id(person) not in self._words:
            self._words[id(person)] = set()
            for start, end in self._names.get(id(person), []):
                self._read_around(person, start, end)
        found = set(self._words[id(person)])
        for value in (*person.titles, *person.affiliations):
            found.update(w for w in map(descriptor, value.split()) if w)
        return found

    def first_named(self, person: Entity) -> int:
        """Where the article first names the person (a description resolved to them earlier
        is one of their mentions, but no name)."""
        return min((start for start, _ in self._names.get(id(person), [])), default=person.first)

    def _read_around(self, person: Entity, start: int, end: int) -> None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return
        found = self._words.setdefault(id(person), set())
        i = span.start - 1
        while i >= 0 and not self.doc[i + 1].is_sent_start:  # "Republican Gov. Mike Pence"
            token = self.doc[i]
            if token.pos_ not in ("PROPN", "NOUN", "ADJ") or token.dep_ not in _MODIFIERS:
                break
            word = descriptor(token.text)
            if word:
                found.add(word)
            i -= 1
        match = _PARTY_STATE.match(self.roster.text[end : end + 24])  # Doc.text is rebuilt
        if match:  # "Sen. Jeff Merkley (D-Ore.)"
            found.add(_PARTY_LETTER[match.group(1).lower()])
            state = descriptor(match.group(2))
            if state:
                found.add(state)
        after = self.doc[span.end : span.end + 12]
        if len(after) > 1 and after[0].text == ",":  # "Mike Pence, the Indiana governor,"
            for token in after[1:]:
                if token.text in (",", ".", ";") or token.pos_ in ("VERB", "AUX"):
                    break
                word = descriptor(token.text) if token.pos_ not in _SKIP_POS else None
                if word:
                    found.add(word)


@dataclass
class Description:
    """A description as written: its head noun, the words that qualify it, whether it is
    definite ("the", "this", a possessive) and the gender its nouns carry."""

    head: str
    words: set[str]
    definite: bool
    gender: str | None
    qualifiers: set[str] = field(default_factory=set)  # after the head: "for Hillary Clinton"


def read_description(span: Span) -> Description | None:
    """The description a source mention is, from its parse; None when its head is no noun."""
    head = span.root
    if head.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    first = span[0]
    definite = first.lower_ in DEFINITE or first.lower_ in POSSESSIVE_PRONOUNS
    definite = definite or any(t.dep_ == "poss" for t in head.children)
    words, qualifiers = set(), set()
    for token in span:
        if token.i == head.i or token.pos_ in _SKIP_POS or token.dep_ == "poss":
            continue
        word = descriptor(token.text)
        if word:  # "a spokeswoman for Hillary Clinton": the words after the head qualify less
            (words if token.i < head.i else qualifiers).add(word)
    lemma = head.lemma_.lower()
    phrase = " ".join(t.lower_ for t in span if t.i >= head.i - 1 and t.i <= head.i)
    gender = lx.PERSON_NOUNS.get(phrase) or lx.PERSON_NOUNS.get(lemma)
    for word in words:
        gender = gender or lx.PERSON_NOUNS.get(word)
    return Description(
        head=descriptor(lemma) or lemma,
        words=words,
        definite=definite,
        gender=gender,
        qualifiers=qualifiers,
    )


def fit(description: Description, person: Entity, profile: set[str]) -> tuple[int, int]:
    """(agreements, contradictions) of a description with a person's profile words."""
    agree = sum(1 for w in description.words if w in profile)
    agree += description.head in profile
    clash = 0
    mine_parties = description.words & _PARTIES
    if mine_parties and (profile & _PARTIES) and not (mine_parties & profile):
        clash += 1
    mine_states = description.words & _STATE_NAMES
    if mine_states and (profile & _STATE_NAMES) and not (mine_states & profile):
        clash += 1
    if description.gender and person.gender and description.gender != person.gender:
        clash += 1
    return agree, clash


def described_person(
    reader: Discourse, written: str, at: int, title: str | None, mention: Span | None
) -> Resolution | None:
    """The named person a role or description refers to: a holder of the title, or, for
    a definite description ("the", a possessive), the person whose profile fits it best
    among those spoken of lately; None when nobody fits without contradiction."""
    holders = {id(p): p for p in map(reader.canonical, reader.roster.holders(title or ""))}
    description = read_description(mention) if mention is not None else None
    if description is None and not holders:
        return None
    candidates = reader.recent_people(at)
    near = {id(p) for p, _ in candidates}
    indefinite = mention is not None and mention[0].lower_ in _INDEFINITE
    for key, person in holders.items():  # a holder named anywhere, further than the window
        qualified = description is not None and _qualified(
            description, reader.profiles.words(person)
        )
        if key not in near and (not indefinite or qualified):  # "a spokeswoman for Clinton"
            distance = abs(reader.paragraph(person.first) - reader.paragraph(at))
            candidates.append((person, Recency(-2.0 - 0.5 * distance, 99, False, person.first)))
    if indefinite and description is not None and reader.paragraph(at) <= LEDE_PARAGRAPHS:
        candidates += _named_further_down(reader, description, at, {id(p) for p, _ in candidates})
    best, best_score, why = None, -1e9, ""
    for person, recency in candidates:
        profile = reader.profiles.words(person)
        agree, clash = fit(description, person, profile) if description else (0, 0)
        holder = id(person) in holders
        if clash:
            continue
        gendered = bool(description and description.gender and person.gender)
        score = recency.score + 3.0 * holder + 2.5 * agree + 2.0 * gendered
        if not (holder or agree):
            # spoken of just before, and nothing the article says of them contradicts it
            definite = description is not None and description.definite
            if not definite or first_person(mention) or (title and not recency.is_previous):
                continue  # a role noun by recency alone: only for the speaker just before
            if score < _RECENT_ENOUGH:
                continue
        if score > best_score:
            best, best_score = person, score
            why = (
                f"the {tl.display_title(title)}"
                if holder and title
                else (f"described so ({agree} word(s) agree)" if agree else "spoken of just before")
            )
    if best is None:
        return None
    evidence = [f"'{written.strip()}' -> '{best.name}': {why}, named in {reader.where(best)}"]
    return Resolution(best, 0.85 if holders else 0.75, evidence)


def _named_further_down(
    reader: Discourse, description: Description, at: int, known: set[int]
) -> list[tuple[Entity, Recency]]:
    """The people first named after a lede's indefinite description whose profile holds its
    head: news opens on "A New York judge has rejected ..." and names "Manhattan Supreme
    Court Justice Frank Nervo" further down."""
    found = []
    for person in {id(p): p for p in map(reader.canonical, reader.roster.entities)}.values():
        named = reader.profiles.first_named(person)
        if person.kind != "person" or named <= at or id(person) in known:
            continue
        if description.head in reader.profiles.words(person):
            distance = reader.paragraph(named) - reader.paragraph(at)
            found.append((person, Recency(-2.0 - 0.5 * distance, 99, False, named)))
    return found


def _qualified(description: Description, profile: set[str]) -> bool:
    """The words after the head name what the person belongs to ("a spokeswoman for Hillary
    Clinton" and "Clinton spokeswoman Jennifer Palmieri")."""
    names = {w for w in description.qualifiers if w not in _QUALIFIER_STOPWORDS}
    return bool(names & profile)
