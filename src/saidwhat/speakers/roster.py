"""Who is who in one article: the named people and bodies, each with every mention, the
fullest name, titles, affiliations and gender hints, read once from the parse (doc.ents, noun
chunks) and the text around each name ("Trump spokeswoman Lindsay Walters", "Jeff Sessions,
the attorney general", "Lindsay Walters, a spokeswoman for the White House")."""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right, insort

import numpy
from spacy import symbols
from spacy.attrs import DEP, IS_TITLE, LENGTH, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from saidwhat.lang import titles as tl
from saidwhat.lang import words as lx
from saidwhat.lang.names import PersonName, clean, parse_name
from saidwhat.lang.orgs import org_key
from saidwhat.speakers.bodies import ACRONYM
from saidwhat.speakers.chunks import body_head_chunks
from saidwhat.speakers.entity import Entity
from saidwhat.speakers.roles import Roles
from saidwhat.speakers.tagged import has_given_name, line_shape, one_edit, past_title, short_forms

_TITLE_RE = tl.title_pattern()
_NSUBJ = symbols.nsubj
_STATE_IDS = frozenset(get_string_id(s) for s in lx.US_STATES if " " not in s)
_PRONOUN_IDS = {get_string_id(word): gender for word, gender in lx.PRONOUN_GENDER.items()}
_MISSPELT_NEAR = 1500  # characters: how far back a misspelt surname's person may be named
# a line that separates the items of a roundup or live blog
_BREAK_LINE = re.compile(
    r"^[ \t]*(?:_{3,}|-{3,}|\*{3,}|#{3,}|\d{1,2}:\d{2}\s*[ap]\.?m\.?)\.?[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)


class Roster(Roles):
    """The article's people and bodies, with lookup by name, role and position."""

    def __init__(self, doc: Doc, headlines: list[tuple[int, int]] = ()):
        super().__init__(doc)
        self.entities: list[Entity] = []
        # the people by surname, in the order of entities (a person's surname never changes):
        # a page of 8,000 people made each name a walk over all of them
        self._by_surname: dict[str | None, list[Entity]] = {}
        self._people_starts: list[int] = []
        self._longest = 0  # the longest person mention, in characters
        self.headlines = sorted(headlines)
        self._breaks = [m.end() for m in _BREAK_LINE.finditer(self.text)]
        self._newlines = [m.start() for m in re.finditer("\n", self.text)]
        self._line_shapes: dict[int, tuple[bool, bool]] = {}  # by line start: title_cased
        ents = self.ents = doc.ents  # built by a walk over every token: read once
        self._ent_starts = [ent.start for ent in ents]
        people = [past_title(e) for e in ents if e.label_ == "PERSON"]
        in_body = [e for e in people if not self.title_cased(e.start_char)]
        full = [e for e in in_body if has_given_name(e.text)]
        surnames = {parse_name(e.text).last for e in full}
        short = short_forms(ents, people, surnames, self.title_cased)  # "Peabody" = the body
        if short:
            people = [e for e in people if e.start not in short]
            in_body = [e for e in in_body if e.start not in short]
            full = [e for e in full if e.start not in short]
        # bodies first: what is written around a name ("the Harbor Authority's economist")
        # names them; a one-word entity that is a named person's surname is that person
        named_people, acronyms = [], []
        for ent in ents:
            if ent.label_ in ("ORG", "FAC", "GPE") and ent.text.lower() in surnames:
                named_people.append(ent)  # "Trump" tagged ORG
            elif ent.label_ in ("ORG", "FAC") and ACRONYM.fullmatch(ent.text):
                acronyms.append(ent)
            elif ent.label_ in ("ORG", "FAC"):
                self.organization(ent.text, (ent.start_char, ent.end_char))
            elif ent.label_ == "GPE":
                self._places.append((ent.start_char, clean(ent.text)))
        for ent in ents:
            if ent.start in short:  # and the short form names it from now on
                body = self.organization(short[ent.start], (ent.start_char, ent.end_char))
                self.name_body(org_key(ent.text), body)
        self._add_untagged_states()
        for ent in acronyms:  # "Alliance to Reclaim Our Schools (AROS)", then "AROS"
            long_form = self.long_form(ent.text, ent.start_char)
            if long_form is not None:
                self.name_body(org_key(ent.text), long_form)
            self.organization(ent.text, (ent.start_char, ent.end_char))
        for chunk in body_head_chunks(doc):
            root = chunk.root
            if root.pos_ != "NOUN" or root.lemma_.lower() not in lx.ORG_HEADS:
                continue
            proper = [t for t in chunk if t.pos_ == "PROPN" and t.i < root.i]
            if proper:
                named = chunk[proper[0].i - chunk.start :]
                self.organization(named.text, (named.start_char, named.end_char))
        # full names first, with what is written around them (titles, "first lady"), so that
        # a bare surname meets every person it may be and can tell them apart
        for ent in full:
            self.add_person(ent.start_char, ent.end_char)
        self._read_around()
        whole = {(e.start, e.end, e.label) for e in full}  # a set: 8,000 names on one page
        for ent in sorted(
            [e for e in in_body if (e.start, e.end, e.label) not in whole] + named_people,
            key=lambda e: e.start,
        ):
            self.add_person(ent.start_char, ent.end_char)
        for ent in people:
            if self.title_cased(ent.start_char):
                self._add_headline_name(ent.start_char, ent.end_char)
        self._add_untagged_surnames()
        self._read_around()
        self._read_genders()

    def _read_genders(self) -> None:
        """Gender as the article gives it: in a sentence that names one person and then says
        "he" or "she" (and never the other), that pronoun is theirs ("Clinton says she was
        awake"), outside quote marks on both sides. Honorifics and gendered titles give it too
        (add_person, add_title); a first name never does. Votes over the article: at least
        two, four in five agreeing ("Trump said she..." speaks of someone else at times)."""
        votes: dict[int, list[str]] = {}
        owner: dict[int, Entity] = {}
        pronouns = [  # (token, gender) of every he/she/him/his/her: no walk over each sentence
            (i, _PRONOUN_IDS[word])
            for i, word in enumerate(self.doc.to_array(LOWER).tolist())
            if word in _PRONOUN_IDS
        ]
        starts = [i for i, _ in pronouns]
        for sentence in self.doc.sents:
            named = self.people_before(sentence.end_char, sentence.start_char)
            if not named or len({id(p) for _, _, p in named}) != 1:
                continue
            first_end = named[0][1]
            if self._quoted_in(sentence, named[0][0]):
                continue  # a name said in a quote is no referent of the pronouns after it
            said = {
                gender
                for i, gender in pronouns[
                    bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)
                ]
                if self.doc[i].idx >= first_end and not self._quoted_in(sentence, self.doc[i].idx)
            }
            if len(said) == 1:
                person = named[0][2]
                votes.setdefault(id(person), []).append(said.pop())
                owner[id(person)] = person
        for key, said in votes.items():
            person = owner[key]
            top = max(set(said), key=said.count)
            if person.gender is None and len(said) >= 2 and said.count(top) >= 0.8 * len(said):
                person.gender = top

    @staticmethod
    def _quoted_in(sentence: Span, at: int) -> bool:
        """Whether ``at`` lies inside quote marks in the sentence (marks counted from its
        start; a quote over several sentences is read per sentence, well enough here)."""
        inside = False
        for token in sentence:
            if token.idx >= at:
                return inside
            if token.is_quote:
                inside = not inside
        return inside

    # -- people -----------------------------------------------------------------------------
    def add_person(self, start: int, end: int) -> Entity | None:
        """Record a person name mention (joining the person it names); None if no name."""
        name = parse_name(self.text[start:end])
        if name is None:
            return None
        person = self._match_person(name, start) or self._new_person(name)
        if name.tokens > len(person.name.split()) or (
            person.name.isupper() and not name.bare.isupper()
        ):
            person.name = name.bare
        person.suffix = person.suffix or name.suffix
        person.given = person.given or name.first
        person.gender = person.gender or name.gender
        for title in name.titles:
            person.add_title(title)
        for body in name.affiliations:
            person.add_affiliation(body)
        self._mention(person, start, end)
        return person

    def _mention(self, person: Entity, start: int, end: int) -> None:
        person.add_mention((start, end))
        at = bisect_right(self.people, (start, end), key=lambda item: item[:2])
        self.people.insert(at, (start, end, person))
        self._people_starts.insert(at, start)
        self._longest = max(self._longest, end - start)

    def _new_person(self, name: PersonName) -> Entity:
        person = Entity(name=name.bare, kind="person", given=name.first, surname=name.surname)
        self.entities.append(person)
        self._by_surname.setdefault(name.surname, []).append(person)
        return person

    def _match_person(self, name: PersonName, at: int) -> Entity | None:
        """The person a written name refers to: same surname and no clashing given name,
        or a lone given name ("Hillary") of exactly one person."""
        same = [
            p
            for p in self._by_surname.get(name.surname, ())
            if p.named
            and (not name.first or not p.given or p.given == name.first)
            and (not name.first or not p.given or p.suffix == name.suffix)
        ]
        if not same and name.tokens == 1:
            same = [p for p in self.entities if p.kind == "person" and p.given == name.surname]
            same = same or self._misspelt(name, at)
            if len(same) != 1:
                return None
        if name.gender:  # "Mr. Obama" is nobody known to be a woman
            same = [p for p in same if p.gender in (None, name.gender)]
        same = [p for p in same if not self._other_holder(p, name, at)]
        if len(same) <= 1:
            return same[0] if same else None
        return max(same, key=lambda p: self._likelihood(p, name, at, same))

    def _other_holder(self, person: Entity, name: PersonName, at: int) -> bool:
        """Whether a titled surname is someone else than a namesake the article names only
        further down with other titles ("President Obama" in the lede is not "the first lady,
        Michelle Obama" of paragraph 20)."""
        if person.first <= at or not person.titles:
            return False
        shown = {tl.display_title(t) for t in name.titles}
        written = self.title_before(at)
        shown |= {written} if written else set()
        return bool(shown) and not shown & set(person.titles)

    def _misspelt(self, name: PersonName, at: int) -> list[Entity]:
        """A surname one letter off a person named just before ("Leslie Wimes ... Wines
        believes", "Tyresha McClenney ... McLenney said"): the article misspelt them."""
        if len(name.surname) < 5 or " " in name.surname:
            return []
        return [
            p
            for p in self.entities
            if p.kind == "person"
            and p.surname
            and one_edit(p.surname, name.surname)
            and any(0 <= at - s <= _MISSPELT_NEAR for s, _ in p.mentions)
        ]

    def _likelihood(self, person: Entity, name: PersonName, at: int, rivals: list[Entity]):
        """How likely a bare surname at ``at`` means this one of several people who share it:
        an honorific or title that agrees (or clashes: "Mr. Obama" is no Michelle), the only
        one named in the current item of a roundup (AP's "The Latest": "Homeland Security
        Secretary Jeh Johnson ... Johnson said" beside Gary Johnson in other items), then the
        one the article names most, then the first named."""
        score = 0.5 * math.log1p(len(person.mentions))
        if name.gender and person.gender:
            score += 3.0 if name.gender == person.gender else -6.0
        shown = {tl.display_title(t) for t in name.titles}
        if shown and person.titles:
            score += 2.0 if shown & set(person.titles) else -1.0
        item = self.item_start(at)
        if item > 0:
            here = [p for p in rivals if any(item <= s < at for s, _ in p.mentions)]
            if here == [person]:
                score += 3.0
        return (score, -person.first)

    def item_start(self, at: int) -> int:
        """Where the item holding ``at`` starts: after the last break line of a roundup
        ("___", "***", "7:45 a.m.") before it; 0 when the article has none."""
        i = bisect_right(self._breaks, at) - 1
        return self._breaks[i] if i >= 0 else 0

    def in_headline(self, at: int) -> bool:
        """Whether position ``at`` lies in the headline, kicker or a box heading."""
        i = bisect_right(self.headlines, (at, 10**12)) - 1
        return i >= 0 and self.headlines[i][0] <= at < self.headlines[i][1]

    def _add_untagged_states(self) -> None:
        """A US state named alone ("Florida"), which the light entity layer leaves untagged
        (a lone word gives it no clue): a place, that "the state" may mean."""
        # a set test per token: numpy.isin sorted the doc's words with the 49 states' (0.37
        # of 0.4 ms an article)
        found = [
            i for i, word in enumerate(self.doc.to_array(LOWER).tolist()) if word in _STATE_IDS
        ]
        for i in found:
            token = self.doc[i]
            if token.text[:1].isupper() and self.ent_at(i) is None:
                insort(self._places, (token.idx, token.text))

    def _add_untagged_surnames(self) -> None:
        """A person's surname written alone where the entity layer saw no name ("Trump never
        missed an opportunity"): a mention too, so that pronouns and descriptions after it
        find the person spoken of."""
        surnames = {
            p.surname
            for p in self.entities
            if p.kind == "person" and p.surname and " " not in p.surname
        }
        if not surnames or not len(self.doc):
            return
        hashes = numpy.array([get_string_id(s) for s in surnames], dtype=numpy.uint64)
        found = numpy.flatnonzero(numpy.isin(self.doc.to_array(LOWER), hashes))
        if not len(found):
            return
        taken = {i for s, e, _ in self.people for i in range(s, e)}
        for org in self._orgs.values():  # "Clinton" in "the Clinton campaign" is the campaign
            taken.update(i for s, e in org.mentions for i in range(s, e))
        for i in found.tolist():  # only the tokens spelled like a surname: no walk over all
            token = self.doc[i]
            fits = token.text[:1].isupper() and token.idx not in taken
            if fits and not self.title_cased(token.idx):
                self.add_person(token.idx, token.idx + len(token.text))
        self._add_misspelt_subjects(taken)

    def _add_misspelt_subjects(self, taken: set[int]) -> None:
        """A subject one letter off the surname of someone named just before ("Leslie Wimes
        ... Wines believes that"), left untagged by the entity layer: that person."""
        dep, title, length = self.doc.to_array([DEP, IS_TITLE, LENGTH]).T
        subjects = (dep == _NSUBJ) & (title == 1) & (length >= 5)
        for i in numpy.flatnonzero(subjects).tolist():
            token = self.doc[i]
            if token.idx in taken or self.ent_at(i):
                continue
            name = parse_name(token.text)
            if name is not None and self._misspelt(name, token.idx):
                self.add_person(token.idx, token.idx + len(token.text))

    def title_cased(self, at: int) -> bool:
        """Whether ``at`` lies in a line written in title case, every word capitalised: a
        headline ("Gold Star Mom Corners Obama") or a heading inside the body, short and
        without a full stop. There a capitalised verb looks like one more name word."""
        k = bisect_left(self._newlines, at)  # the line's shape is read once: a pasted line of
        start = self._newlines[k - 1] + 1 if k else 0  # 8,000 quotes holds 8,000 names
        shape = self._line_shapes.get(start)
        if shape is None:
            end = self._newlines[k] if k < len(self._newlines) else len(self.text)
            shape = self._line_shapes[start] = line_shape(self.text[start:end].strip())
        sentence, titled = shape
        return titled and (not sentence or self.in_headline(at))  # a sentence is no heading

    def _add_headline_name(self, start: int, end: int) -> None:
        """A name in a headline written in title case ("Gold Star Mom Corners Obama"): only
        its longest ending that names a person of the body counts; headline words are never
        part of a name, and a headline alone introduces nobody."""
        words = list(re.finditer(r"\S+", self.text[start:end]))
        for first in range(len(words)):
            at = start + words[first].start()
            name = parse_name(self.text[at:end])
            if name is None:
                continue
            person = self._match_person(name, at)
            if person is not None and (name.first is None or person.given == name.first):
                self._mention(person, at, end)
                return

    def person_by_name(self, text: str, at: int) -> Entity | None:
        name = parse_name(text)
        return self._match_person(name, at) if name else None

    def person_at(self, start: int, end: int) -> Entity | None:
        """The person whose name mention overlaps [start, end) (rightmost wins). Only the
        mentions that start less than the longest mention's length before ``start`` can."""
        n = bisect_left(self._people_starts, end) - 1
        while n >= 0 and self._people_starts[n] > start - self._longest:
            s, e, person = self.people[n]
            if e > start:
                return person
            n -= 1
        return None

    def people_before(
        self, at: int, since: int = 0, last: int | None = None
    ) -> list[tuple[int, int, Entity]]:
        """The person mentions starting in [since, at) (only the ``last`` of them)."""
        first = bisect_left(self._people_starts, since)
        end = bisect_right(self._people_starts, at - 1)
        return self.people[max(first, end - last) if last is not None else first : end]

    # -- entities by token (spaCy's Span.ents and a search of doc.ents walk every token) ---
    def ents_within(self, span: Span) -> list[Span]:
        """The entities wholly inside the span, as ``span.ents`` gives them."""
        out, n = [], bisect_left(self._ent_starts, span.start)
        while n < len(self.ents) and self.ents[n].end <= span.end:  # no slice: no copy
            out.append(self.ents[n])
            n += 1
        return out

    def ent_at(self, i: int) -> Span | None:
        """The entity holding token i, if any."""
        n = bisect_right(self._ent_starts, i) - 1
        return self.ents[n] if n >= 0 and i < self.ents[n].end else None

    def holders(self, title: str) -> list[Entity]:
        shown = tl.display_title(title)
        return [e for e in self.entities if e.kind == "person" and shown in e.titles]
