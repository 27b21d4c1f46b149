"""From a source as written ("He", "Press Secretary", "the department", "de Blasio",
"Officials") to the real speaker, with the hops taken written down as evidence.

Sources are resolved in text order, so each attribution knows the ones before it: the subject
of the previous attribution is the strongest antecedent for a pronoun, and an unnamed role
holder ("Press Secretary added") takes the name given for the first time in the attribution
right after it ("... Sanders added").
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from saidwhat.lang import titles as tl
from saidwhat.lang import words as lx
from saidwhat.lang.names import clean, parse_name
from saidwhat.records import Article
from saidwhat.speakers.bodies_said import PLACE_HEADS, body_of, document_of, organization_in
from saidwhat.speakers.describe import Description, Profiles, described_person, read_description
from saidwhat.speakers.discourse import Discourse, Resolution
from saidwhat.speakers.entity import Entity
from saidwhat.speakers.phrases import (
    COLLECTIVES,
    DETERMINERS,
    bio_name,
    head_phrase,
    is_name_word,
    is_person_noun,
    members_of,
    party_one,
    says_as_role,
    subject_above,
)
from saidwhat.speakers.roster import Roster

_TITLE_RE = tl.title_pattern()
_ACRONYM = re.compile(r"[A-Z][A-Z&.]{1,9}")
_NO_DESCRIPTION = Description(head="", words=set(), definite=False, gender=None)


class Resolver(Discourse):
    """Resolves the source mentions of one article, in text order."""

    def __init__(self, doc: Doc, article: Article, roster: Roster):
        super().__init__(doc, article, roster)
        self._groups: dict[str, Entity] = {}
        self._unknown: dict[str, Entity] = {}
        byline = re.sub(r"^(?i:by)\s+", "", article.byline or "").strip() or bio_name(article)
        self.author = Entity(name=byline or "the author", kind="person" if byline else "unknown")
        self._roles: dict[str, Entity] = {}
        self.named_later: dict[int, str] = {}  # id(role) -> the hop that named it afterwards
        self.profiles = Profiles(doc, roster)

    # -- entry point ------------------------------------------------------------------------
    def resolve(
        self,
        span: tuple[int, int],
        enclosing: Entity | None = None,
        content: list[tuple[int, int]] = (),
    ) -> Resolution:
        """Resolve one source mention of a quote with this ``content``; record both, so that
        later sources can refer back to the speaker and names said in the content count as
        said, not spoken of."""
        result = self._resolve(span, enclosing, depth=0)
        if result.entity is not None:
            result.entity.add_mention(span)
            self.record(span[0], result.entity)
        self.said(content)
        return result

    def _resolve(self, span: tuple[int, int], enclosing: Entity | None, depth: int) -> Resolution:
        start, end = span
        written = self.text[start:end]
        words = clean(written).lower().split()
        if len(words) == 1 and words[0] in _PRONOUN_WORDS:
            return self._pronoun(words[0], written, start, enclosing, depth)
        if len(words) == 3 and words[1] == "of" and words[2] in ("whom", "which") and not depth:
            found = self._of_whom(written, start, enclosing)
            if found is not None:
                return found
        mention = self.doc.char_span(start, end, alignment_mode="expand")
        if mention is None or not len(mention):
            return self._unlisted(written, start, end)
        if words in (["each"], ["both"]) and not depth:
            subject = subject_above(mention.root)
            if subject is not None:  # "Trump and Clinton vied ..., each touting ..."
                found = self._resolve(subject, enclosing, depth + 1)
                found.evidence.insert(0, f"'{written}' -> '{self.text[slice(*subject)]}'")
                return found
        head = mention.root
        people_head = head.lower_ in lx.GROUP_HEADS and head.lemma_ not in lx.DOCUMENT_HEADS
        if len(words) > 1 and (words[-1] in lx.GROUP_HEADS or people_head):
            return self._group(start, end)  # "Clinton aides", "one GOP source in the room"
        together = self._together(mention, depth)
        if together is not None:
            return together
        person = self._person_of(mention, head, written, words)
        if person is not None:
            return self._named_person(self.canonical(person), written, start)
        content = [w for w in words if w not in DETERMINERS]
        lemma = head.lemma_.lower()
        members = members_of(head) if lemma in COLLECTIVES else None
        if members is not None:  # "a group of black parents": black parents
            return self._group(self.doc[members.left_edge.i].idx, members.idx + len(members))
        if head.pos_ == "NOUN" and (lemma in lx.DOCUMENT_HEADS or head.lower_ in lx.DOCUMENT_HEADS):
            return document_of(self, mention)
        bare_place = lemma in PLACE_HEADS and content == [lemma]  # "the state"
        if (
            head.pos_ == "NOUN"
            and (lemma in lx.ORG_HEADS or bare_place)
            and not head.text[:1].isupper()
        ):
            return body_of(self, mention, written, lemma)
        if head.tag_ == "NNS" and head.pos_ == "NOUN":
            return self._group(start, end)  # "The experts", "the senators": several people
        title = self._title_head(start, end, content)
        if title or (head.pos_ == "NOUN" and is_person_noun(head)) or party_one(content):
            return self._role(written, start, title, mention)
        org = organization_in(self, start, end)
        if org is not None:
            return org
        if content and content[-1] in lx.ORG_HEADS:
            return body_of(self, mention, written, content[-1])
        if self._is_group(start, end, content):
            return self._group(start, end)
        return self._unlisted(written, start, end)

    def _of_whom(self, written: str, start: int, enclosing: Entity | None) -> Resolution | None:
        """'most of whom', 'many of which': the people the clause is on, the noun it hangs
        off, else the plural noun just before it."""
        whom = start + written.lower().rindex(written.split()[-1].lower())
        relative = self.relative_antecedent(whom) or self.plural_noun_before(start)
        if relative is None:
            return None
        found = self._resolve(relative, enclosing, 1)
        found.evidence.insert(0, f"'{written}' -> '{self.text[slice(*relative)]}'")
        return found

    def _person_of(
        self, mention: Span, head: Token, written: str, words: list[str]
    ) -> Entity | None:
        """The named person a mention is: the one whose name holds its head, or the name set
        beside a role noun ("the Democratic candidate Hillary Clinton", "A lawyer for the
        outlets, David Schulz", "one of the family's attorneys, Justin Bamberg"), never a name
        in a phrase that qualifies the role ("A spokeswoman for Hillary Clinton"); for a name
        the parser took apart, any name in it."""
        person = self.roster.person_at(head.idx, head.idx + len(head))
        if person is not None:
            return person
        common = not head.text[:1].isupper() or head.is_sent_start  # "Experts on N. Korea"
        if (head.pos_ == "NOUN" or head.lower_ == "one") and common:
            for token in head.children:  # in the mention or just after it, set off by commas
                if token.dep_ in ("appos", "compound", "npadvmod") and token.i > head.i:
                    named = self.roster.person_at(token.idx, token.idx + len(token))
                    if named is not None:
                        together = self._together_at(token)
                        return together.entity if together is not None else named
            owner = next((t for t in head.children if t.dep_ == "poss"), None)
            if owner is not None and not says_as_role(head):  # "Obama's gut reaction"
                named = self.roster.person_at(owner.idx, owner.idx + len(owner))
                together = self._together_at(owner) if named is not None else None
                return together.entity if together is not None else named
            return None  # a role, body or document noun heads it
        start, end = mention.start_char, mention.end_char
        return self.roster.person_at(start, end) or self._known_name(written, start, words)

    def _together(self, mention: Span, depth: int) -> Resolution | None:
        """Named people or bodies side by side ("Obama and Clinton", "Mr. Grassley and Mr.
        Leahy", "China and the United States"): one group named by their names, when each
        part is a named person or body (the antecedent of a relative pronoun too)."""
        if depth > 1:
            return None
        return self._together_at(mention.root, mention.end)

    def _together_at(self, head: Token, end: int | None = None) -> Resolution | None:
        """The group of the named people coordinated at ``head`` (up to token ``end``)."""
        parts = [head] + [
            t for t in head.children if t.dep_ == "conj" and (end is None or t.i < end)
        ]
        if len(parts) < 2:
            return None
        people = []
        for part in parts:
            person = self.roster.person_at(part.idx, part.idx + len(part))
            ent = self.roster.ent_at(part.i) if person is None else None
            if ent is not None and ent.label_ in ("ORG", "GPE"):
                person = self.roster.organization(ent.text)
            if person is None:
                return None
            people.append(self.canonical(person))
        names = [p.name for p in people]
        name = ", ".join(names[:-1]) + " and " + names[-1]
        group = self._groups.get(name.lower())
        if group is None:
            group = self._groups[name.lower()] = Entity(name=name, kind="group", named=True)
        return Resolution(group, 0.85, [f"{name} (named together)"])

    # -- names and bodies -------------------------------------------------------------------
    def _named_person(self, person: Entity, written: str, at: int) -> Resolution:
        evidence = []
        role = self._unnamed_role_before(person, at)
        if role is not None:
            unnamed = role.name  # read before the merge names it
            self._merge(person, role)
            self.named_later[id(role)] = (
                f"'{unnamed}' -> '{role.name}': the role holder named in the next "
                f"attribution, in {self.where(person)}"
            )
            evidence.append(
                f"name '{clean(written)}' first appears right after the unnamed "
                f"'{unnamed}' -> same speaker"
            )
            return Resolution(role, 0.6 if person.given else 0.8, evidence)
        if not clean(written).endswith(person.name):
            evidence.append(
                f"name '{clean(written)}' -> '{person.name}' (fullest name, {self.where(person)})"
            )
        return Resolution(person, 1.0 if not evidence else 0.95, evidence)

    def _known_name(self, written: str, at: int, words: list[str]) -> Entity | None:
        """A person named elsewhere, whatever the parser tagged here ('Brandt' as ORG)."""
        if not words or len(words) > 4 or words[-1] in lx.ORG_HEADS:
            return None
        if not clean(written)[:1].isupper():
            return None
        person = self.roster.person_by_name(written, at)
        name = parse_name(written)
        if person is not None and name and all(is_name_word(w) for w in name.shown.split()):
            end = at + len(written.rstrip())
            return self.roster.add_person(at, end)  # a fuller name written here counts
        return person

    def _unnamed_role_before(self, person: Entity, at: int) -> Entity | None:
        """An unnamed role holder ("The city's finance director told ...") quoted in the
        attribution just before a name the article gives here for the first time, untitled;
        never one brought in as "a campaign aide": the article chose not to name them."""
        if person.first < at or person.titles:
            return None
        role = self.previous(at, window=1)
        if role is None or role.named or role.kind != "unnamed":
            return None
        spoke = self._spoke[id(role)]
        said_at = spoke[bisect_left(spoke, at) - 1]  # where the role's attribution starts
        if self.text[said_at : said_at + 3].lower().split(" ")[0] in ("a", "an"):
            return None
        if role.gender and person.gender and role.gender != person.gender:
            return None
        return role

    def _merge(self, person: Entity, role: Entity) -> None:
        role.name, role.named, role.surname = person.name, True, person.surname
        role.kind, role.given, role.suffix = "person", person.given, person.suffix
        role.gender = role.gender or person.gender
        for title in person.titles:
            role.add_title(title)
        for body in person.affiliations:
            role.add_affiliation(body)
        for mention in person.mentions:
            role.add_mention(mention)
        self._alias[id(person)] = role
        self._roles = {k: v for k, v in self._roles.items() if v is not role}

    def _role(
        self, written: str, at: int, title: str | None, mention: Span | None = None
    ) -> Resolution:
        """'Press Secretary', 'the Indiana governor', 'The New York businessman' -> the person
        the article names who holds that role or fits that description; else an unnamed
        person with that role."""
        described = described_person(self, written, at, title, mention)
        if described is not None:
            return described
        # One unnamed holder per wording: "the spokesman" twice is one person, "a senior
        # official" and "an official" may be two.
        key = " ".join(w for w in clean(written).lower().split() if w not in DETERMINERS)
        role = self._roles.get(key)
        if role is None:
            shown = head_phrase(mention) if mention is not None else clean(written)
            role = Entity(name=shown, kind="unnamed", named=False)
            if title:
                role.add_title(title)
                for body in self.roster.role_bodies(title, at):
                    role.add_affiliation(body)
            if mention is not None:
                role.gender = (read_description(mention) or _NO_DESCRIPTION).gender
                for body in self.roster.bodies_within(mention.start_char, mention.end_char):
                    role.add_affiliation(body)
                for token in mention[mention.root.i - mention.start + 1 :]:  # "for Hillary Clinton"
                    named = self.roster.person_at(token.idx, token.idx + len(token))
                    if named is not None:
                        role.add_affiliation(self.canonical(named).name)
            self._roles[key] = role
        return Resolution(role, 0.5, [f"role '{written.strip()}' (no name for it in the article)"])

    def _title_head(self, start: int, end: int, content: list[str]) -> str | None:
        """The title heading the mention, if any: 'Press Secretary', 'a spokeswoman for X'."""
        if not content:
            return None
        for words in (" ".join(content[-2:]), content[-1]):
            if _TITLE_RE.fullmatch(words):
                return words
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) and _TITLE_RE.fullmatch(span.root.lower_):
            return span.root.lower_
        return None

    def _is_group(self, start: int, end: int, content: list[str]) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        head = span.root if span is not None and len(span) else None
        plural = head is not None and head.tag_ in ("NNS", "NNPS")
        return plural or bool(content and content[-1] in lx.GROUP_HEADS)

    def _group(self, start: int, end: int) -> Resolution:
        """An unnamed group ("Officials", "Harlow Springs officials"), one record per wording;
        bodies named in the wording are its affiliations."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        name = head_phrase(span) if span is not None and len(span) else clean(self.text[start:end])
        if span is not None and len(span) and span[0].pos_ != "PROPN" and name[1:2].islower():
            name = name[:1].lower() + name[1:]  # "Officials" at a sentence start
        group = self._groups.get(name.lower())
        if group is None:
            group = Entity(name=name, kind="group", named=False)
            for body in self.roster.bodies_within(start, end):
                group.add_affiliation(body)
            self._groups[name.lower()] = group
        return Resolution(group, 0.9, [f"unnamed group '{name}'"])

    def _unlisted(self, written: str, start: int, end: int) -> Resolution:
        """A source the parser did not tag: an acronym is a body, a proper name a person
        (joined to the same name elsewhere), anything else an unknown source as written."""
        name = clean(written) or written.strip()
        if self.roster.title_cased(start):  # "Promise No Ward Closures": headline words
            return Resolution(None, 0.2, [f"'{name}': headline words, no name of the article"])
        if _ACRONYM.fullmatch(name):
            body = self.roster.organization(name, (start, end))
            return Resolution(body, 0.8, [f"body '{name}' (acronym)"])
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and any(t.pos_ == "PROPN" for t in span):
            person = self.roster.add_person(start, end)  # joins the same name, if any
            if person is not None:
                return self._named_person(self.canonical(person), written, start)
        inside = {id(p): p for _, _, p in self.roster.people_before(end, start)}
        if len(inside) == 1:  # "A lesson from Loretta Lynch: ..." in a headline
            found = self._named_person(self.canonical(*inside.values()), written, start)
            found.evidence.insert(0, f"the one person named in the source '{name}'")
            return found
        unknown = self._unknown.setdefault(name.lower(), Entity(name=name, kind="unknown"))
        return Resolution(unknown, 0.5, [f"source '{name}' as written"])

    # -- pronouns ---------------------------------------------------------------------------
    def _pronoun(
        self, word: str, written: str, at: int, enclosing: Entity | None, depth: int
    ) -> Resolution:
        if word in lx.FIRST_PERSON_SINGULAR | lx.FIRST_PERSON_PLURAL and enclosing is not None:
            evidence = [f"pronoun '{written}' inside a quote of '{enclosing.name}'"]
            return Resolution(enclosing, 0.85, evidence)
        if word in lx.RELATIVE_PRONOUNS and depth == 0:
            relative = self.relative_antecedent(at)
            if relative is not None:
                found = self._resolve(relative, enclosing, depth + 1)
                found.evidence.insert(0, f"'{written}' -> '{self.text[slice(*relative)]}'")
                return found
        if word in lx.PERSONAL_PRONOUNS or word in lx.RELATIVE_PRONOUNS:
            return self.antecedent(written, at, lx.PRONOUN_GENDER.get(word))
        if word in lx.FIRST_PERSON_SINGULAR:
            evidence = [f"pronoun '{written}' outside quotes -> the author '{self.author.name}'"]
            return Resolution(self.author, 0.6, evidence)
        previous = self.previous(at)
        if previous is not None and previous.kind != "person":
            evidence = [f"pronoun '{written}' -> '{previous.name}' (previous source)"]
            return Resolution(previous, 0.6, evidence)
        plural = self.plural_subject_before(at) if word in lx.PLURAL_PRONOUNS else None
        if plural is not None:
            found = self._group(*plural)
            found.evidence = [f"pronoun '{written}' -> '{found.entity.name}' (earlier subject)"]
            found.certainty = 0.5
            return found
        return Resolution(None, 0.0, [f"pronoun '{written}' unresolved"])


_PRONOUN_WORDS = (
    lx.PERSONAL_PRONOUNS
    | lx.PLURAL_PRONOUNS
    | lx.FIRST_PERSON_SINGULAR
    | lx.FIRST_PERSON_PLURAL
    | lx.RELATIVE_PRONOUNS
    | lx.NEUTER_PRONOUNS
)
