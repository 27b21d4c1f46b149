"""Who is who in one article: the named people and bodies, each with every mention, the
fullest name, titles, affiliations and gender hints, read once from the parse (doc.ents, noun
chunks) and the text around each name ("Trump spokeswoman Lindsay Walters", "Jeff Sessions,
the attorney general", "Lindsay Walters, a spokeswoman for the White House")."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from saidwhat.lang import titles as tl
from saidwhat.lang import words as lx
from saidwhat.lang.orgs import org_key
from saidwhat.records import SpeakerKind

_TITLE_RE = tl.title_pattern()
_TITLE = _TITLE_RE.pattern
_CAP_WORDS = r"(?:[A-Z][\w.&-]*(?:['\u2019]s)?\s+){1,4}"
_BEFORE = re.compile(rf"(?P<mod>{_CAP_WORDS})??(?P<title>{_TITLE}),?\s+$")
_AFTER = re.compile(
    rf"^,\s+(?:(?:a|an|the|who is|who was)\s+)?(?P<mod>{_CAP_WORDS})??(?P<title>{_TITLE})"
    r"(?:\s+(?:for|of|at|to|with|in)\s+(?P<org>(?:the\s+)?[A-Z][\w.&'\u2019-]*"
    r"(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w.&'\u2019-]*){0,5}))?"
)
_OF_BODY = re.compile(
    r"^\s+of\s+(?P<org>(?:the\s+)?[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*){0,3})"
)
_TITLE_PREFIX = re.compile(rf"^(?:(?:the\s+)?{_TITLE}\s+)+")  # "President Bill Clinton"
# words before a name that are no part of it ("Mr.", "former"): one set, built once
_NAME_LEADS = lx.HONORIFICS | lx.NAME_PREFIXES
_FUNCTION_WORDS = {"the", "a", "an", "but", "and", "in", "on", "at", "as", "after", "when"}
_FUNCTION_WORDS |= {"former", "then", "while", "if", "for", "with", "by", "to", "of", "said"}


def clean(text: str) -> str:
    """A name without leading article, trailing possessive or surrounding punctuation."""
    text = re.sub(r"\s+", " ", text).strip(" ,.;:\"'\u201c\u201d\u2018\u2019()")
    text = re.sub(r"['\u2019]s?$", "", text)
    return re.sub(r"^(?i:the)\s+", "", text).strip()


@dataclass
class Entity:
    """One real person, body or group in the article (the future Speaker record)."""

    name: str
    kind: SpeakerKind
    titles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    gender: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    given: str | None = None
    surname: str | None = None
    named: bool = True  # False for an unnamed role holder ("Press Secretary") or group

    @property
    def first(self) -> int:
        return min(s for s, _ in self.mentions) if self.mentions else 0

    def add_title(self, title: str) -> None:
        shown = tl.display_title(title)
        if shown not in self.titles:
            self.titles.append(shown)
        self.gender = self.gender or tl.TITLE_GENDER.get(title.lower())

    def add_affiliation(self, body: str) -> None:
        """Add a body unless it is already there (or part of one there: 'Charlotte')."""
        if body and not any(body.lower() in known.lower() for known in self.affiliations):
            self.affiliations.append(body)

    def add_mention(self, span: tuple[int, int]) -> None:
        if span not in self.mentions:
            self.mentions.append(span)


@dataclass(frozen=True)
class PersonName:
    """A written person name taken apart: honorific gender, given name, surname key."""

    shown: str
    given: str | None
    surname: str
    gender: str | None
    tokens: int
    titles: tuple[str, ...] = ()  # titles written inside the name ("Spokeswoman Imani Farrow")


def parse_name(text: str) -> PersonName | None:
    words = clean(text).split()
    gender = None
    while words and (lead := words[0].lower().rstrip(".")) in _NAME_LEADS:
        gender = gender or lx.HONORIFIC_GENDER.get(lead)
        words = words[1:]
    titles = []
    while len(words) > 2 and _TITLE_RE.fullmatch(" ".join(words[:2])):
        titles.append(" ".join(words[:2]))  # "Attorney General Jeff Sessions"
        words = words[2:]
    while len(words) > 1 and (
        _TITLE_RE.fullmatch(words[0]) or lx.is_style_lead([w.lower() for w in words])
    ):
        titles.append(words[0])  # "Mayor de Blasio", "President Trump", "Rabbi Miriam Feld"
        words = words[1:]
    while len(words) > 1 and words[-1].lower().rstrip(".,") in lx.NAME_SUFFIXES:
        words = words[:-1]
    if not words or not any(ch.isalpha() for ch in words[-1]) or _TITLE_RE.fullmatch(words[-1]):
        return None  # no name left, or only a title ("Retired General")
    surname = words[-1].lower().strip(".,")
    given_words = [w for w in words[:-1] if w.lower() not in lx.PARTICLES]
    given = given_words[0].lower().strip(".,") if given_words else None
    if given and gender is None:
        gender = lx.FEMALE if given in lx.FEMALE_NAMES else None
        gender = gender or (lx.MALE if given in lx.MALE_NAMES else None)
    return PersonName(" ".join(words), given, surname, gender, len(words), tuple(titles))


class Roster:
    """The article's people and bodies, with lookup by name, role and position."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text
        self.entities: list[Entity] = []
        self.people: list[tuple[int, int, Entity]] = []  # person name mentions, text order
        self._people_starts: list[int] = []
        self._longest = 0  # the longest person mention, in characters
        self._orgs: dict[str, Entity] = {}
        self._places: list[tuple[int, str]] = []
        ents = self.ents = doc.ents  # built by a walk over every token: read once
        self._ent_starts = [ent.start for ent in ents]
        for ent in ents:
            if ent.label_ == "PERSON":
                self.add_person(ent.start_char, ent.end_char)
        for ent in ents:
            if ent.label_ in ("ORG", "FAC", "GPE") and self._names_person(ent.text, ent.start_char):
                self.add_person(ent.start_char, ent.end_char)  # "Trump" tagged ORG
            elif ent.label_ in ("ORG", "FAC"):
                self.organization(ent.text, (ent.start_char, ent.end_char))
            elif ent.label_ == "GPE":
                self._places.append((ent.start_char, clean(ent.text)))
        for chunk in doc.noun_chunks:
            root = chunk.root
            proper = [t for t in chunk if t.pos_ == "PROPN" and t.i < root.i]
            if root.lemma_.lower() in lx.ORG_HEADS and proper and root.pos_ == "NOUN":
                named = chunk[proper[0].i - chunk.start :]
                self.organization(named.text, (named.start_char, named.end_char))
        for start, end, person in self.people:
            self._read_roles(person, start, end)
            self._read_appositions(person, start, end)

    # -- people -----------------------------------------------------------------------------
    def add_person(self, start: int, end: int) -> Entity | None:
        """Record a person name mention (joining the person it names); None if no name."""
        name = parse_name(self.text[start:end])
        if name is None:
            return None
        person = self._match_person(name, start) or self._new_person(name)
        if name.tokens > len(person.name.split()) or (
            person.name.isupper() and not name.shown.isupper()
        ):
            person.name = name.shown
        person.given = person.given or name.given
        person.gender = person.gender or name.gender
        for title in name.titles:
            person.add_title(title)
        person.add_mention((start, end))
        at = bisect_right(self.people, (start, end), key=lambda item: item[:2])
        self.people.insert(at, (start, end, person))
        self._people_starts.insert(at, start)
        self._longest = max(self._longest, end - start)
        return person

    def _new_person(self, name: PersonName) -> Entity:
        person = Entity(name=name.shown, kind="person", given=name.given, surname=name.surname)
        self.entities.append(person)
        return person

    def _match_person(self, name: PersonName, at: int) -> Entity | None:
        """The person a written name refers to: same surname and no clashing given name,
        or a lone given name ("Hillary") of exactly one person."""
        same = [
            p
            for p in self.entities
            if p.kind == "person"
            and p.named
            and p.surname == name.surname
            and (not name.given or not p.given or p.given == name.given)
        ]
        if not same and name.tokens == 1:
            same = [p for p in self.entities if p.kind == "person" and p.given == name.surname]
            if len(same) != 1:
                return None
        if not same:
            return None
        # Several people share the surname ("Hillary", "Chelsea" Clinton): a bare surname
        # means the one the article is about (most mentioned so far), else the first named.
        before = [p for p in same if p.mentions and p.first <= at] or same
        return max(before, key=lambda p: (sum(s <= at for s, _ in p.mentions), -p.first))

    def _names_person(self, text: str, at: int) -> bool:
        """A one-word entity that is the surname of a person the article names."""
        words = clean(text).split()
        return len(words) == 1 and self.person_by_name(text, at) is not None

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

    def people_before(self, at: int, since: int = 0) -> list[tuple[int, int, Entity]]:
        """The person mentions starting in [since, at)."""
        first = bisect_left(self._people_starts, since)
        return self.people[first : bisect_right(self._people_starts, at - 1)]

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

    # -- roles around names -----------------------------------------------------------------
    def _read_roles(self, person: Entity, start: int, end: int) -> None:
        """Titles written next to a name: 'Trump spokeswoman X', 'X, a spokeswoman for Y'."""
        line_start = self.text.rfind("\n", 0, start) + 1
        before = _BEFORE.search(self.text[max(line_start, start - 80) : start])
        if before:
            of = _OF_BODY.match(self.text[end : end + 80])
            bodies = _bodies(before.group("mod"), of.group("org") if of else None)
            self._take_role(person, before.group("title"), bodies, start)
        line_end = self.text.find("\n", end)
        line_end = len(self.text) if line_end < 0 else line_end
        after = _AFTER.match(self.text[end : min(end + 140, line_end)])
        if after:
            bodies = _bodies(after.group("mod"), after.group("org"))
            self._take_role(person, after.group("title"), bodies, start)

    def _read_appositions(self, person: Entity, start: int, end: int) -> None:
        """Titles in an apposition of the parse, however long: 'X, the White House's deputy
        press secretary, said'; 'the press secretary, X, said'. Bodies named inside it count."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return
        root = span.root
        nodes = [c for c in root.children if c.dep_ == "appos"]
        nodes += [root.head] if root.dep_ == "appos" and root.head is not root else []
        for node in nodes:
            phrase = self.doc[node.left_edge.i : node.right_edge.i + 1]
            if phrase.start_char <= start < phrase.end_char:
                phrase = self.doc[node.left_edge.i : span.start]  # the title before the name
            head = node.idx - phrase.start_char  # the title must be the apposition's head
            title = next(
                (m for m in _TITLE_RE.finditer(phrase.text) if m.start() <= head < m.end()), None
            )
            if title is None:
                continue
            bodies = self.bodies_within(phrase.start_char, phrase.end_char)
            self._take_role(person, title.group(0), bodies, start)

    def bodies_within(self, start: int, end: int) -> list[str]:
        """The bodies and places the article names inside [start, end)."""
        found = [
            org.name
            for org in self._orgs.values()
            if any(start <= s and e <= end for s, e in org.mentions)
        ]
        return found + [p for s, p in self._places if start <= s < end]

    def _take_role(self, person: Entity, title: str, bodies: list[str], at: int) -> None:
        person.add_title(title)
        for body in bodies:
            person.add_affiliation(self._expand_body(clean(body)))
        if not bodies:
            for body in self.role_bodies(title, at):
                person.add_affiliation(body)

    def role_bodies(self, title: str, at: int) -> list[str]:
        """The body a role implies, when the article names it: a press secretary's White
        House, an attorney general's Justice Department, a mayor's city (nearest place)."""
        key = title.lower()
        bodies = [
            self._orgs[org_key(b)].name
            for b in tl.ROLE_BODY.get(key, ())
            if org_key(b) in self._orgs
        ]
        if key in tl.PLACE_ROLES:
            place = self.place_near(at)
            bodies += [place] if place else []
        return bodies

    def _expand_body(self, body: str) -> str:
        """'Trump' in 'Trump spokeswoman' -> 'Trump administration' when the article names
        a body after that word (the most mentioned one); else the word itself."""
        if org_key(body) in self._orgs:
            return self._orgs[org_key(body)].name
        prefix = body.lower() + " "
        bodies = [o for k, o in self._orgs.items() if k.startswith(prefix)]
        return max(bodies, key=lambda o: len(o.mentions)).name if bodies else body

    def place_near(self, at: int) -> str | None:
        """The place named nearest before ``at`` (else the first after): a mayor's city."""
        before = [p for s, p in self._places if s < at]
        if before:
            return before[-1]
        return self._places[0][1] if self._places else None

    # -- bodies -----------------------------------------------------------------------------
    def organization(self, text: str, span: tuple[int, int] | None = None) -> Entity:
        """The body with this name (created on first sight), with the mention recorded."""
        key = org_key(text)
        org = self._orgs.get(key)
        if org is None:
            org = Entity(name=clean(text), kind="organization")
            self._orgs[key] = org
            self.entities.append(org)
        if span:
            org.add_mention(span)
        return org

    def known_organization(self, text: str) -> Entity | None:
        return self._orgs.get(org_key(text))

    def organization_by_head(self, head: str, at: int) -> Entity | None:
        """'the department' -> the body whose name has that head word, nearest before ``at``."""
        head = head.lower()
        found = [o for k, o in self._orgs.items() if head in k.split() and o.mentions]
        if not found:
            return None
        return max(
            found, key=lambda o: (max((s for s, _ in o.mentions if s < at), default=-1), o.first)
        )


def _bodies(mod: str | None, org: str | None) -> list[str]:
    """The body words around a title: 'Trump' in 'Trump spokeswoman', 'the White House' in
    'spokeswoman for the White House' (function words and titles dropped)."""
    bodies = [_TITLE_PREFIX.sub("", org)] if org else []
    words = [w for w in (mod or "").split() if w.lower().strip(".") not in _FUNCTION_WORDS]
    if words and not _TITLE_RE.fullmatch(" ".join(words)):
        bodies.append(" ".join(words))
    return bodies
