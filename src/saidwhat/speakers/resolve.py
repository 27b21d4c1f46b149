"""From a source as written ("He", "Press Secretary", "the department", "de Blasio",
"Officials") to the real speaker, with the hops taken written down as evidence.

Sources are resolved in text order, so each attribution knows the ones before it: the subject
of the previous attribution is the strongest antecedent for a pronoun, and an unnamed role
holder ("Press Secretary added") takes the name given for the first time in the attribution
right after it ("... Sanders added").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc

from saidwhat.lang import titles as tl
from saidwhat.lang import words as lx
from saidwhat.records import Article
from saidwhat.speakers.roster import Entity, Roster, clean, parse_name

# How far back (in paragraphs) an antecedent or a previous attribution may lie.
WINDOW_PARAGRAPHS = 3
_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "another"}
_TITLE_RE = tl.title_pattern()
_ACRONYM = re.compile(r"[A-Z][A-Z&.]{1,9}")


@dataclass
class Resolution:
    """The speaker a source mention refers to, how sure the hops are, and why."""

    entity: Entity | None
    certainty: float
    evidence: list[str]


class Resolver:
    """Resolves the source mentions of one article, in text order."""

    def __init__(self, doc: Doc, article: Article, roster: Roster):
        self.doc = doc
        self.text = article.text
        self.roster = roster
        sentences = list(doc.sents)
        self._sentence_starts = [s.start_char for s in sentences]
        self._sentence_tokens = [s.start for s in sentences]
        self._paragraph_starts = [s for s, _ in article.paragraphs] or [0]
        self.history: list[tuple[int, Entity]] = []  # resolved sources: (start, speaker)
        self._groups: dict[str, Entity] = {}
        self._unknown: dict[str, Entity] = {}
        byline = re.sub(r"^(?i:by)\s+", "", article.byline or "").strip()
        self.author = Entity(name=byline or "the author", kind="person" if byline else "unknown")
        self._roles: dict[str, Entity] = {}
        self._alias: dict[int, Entity] = {}  # id(roster person) -> the speaker it merged into

    # -- positions --------------------------------------------------------------------------
    def sentence(self, at: int) -> int:
        return bisect_right(self._sentence_starts, at)

    def paragraph(self, at: int) -> int:
        return bisect_right(self._paragraph_starts, at)

    def previous(self, at: int, window: int = WINDOW_PARAGRAPHS) -> Entity | None:
        """The speaker of the last attribution before ``at``, if at most ``window``
        paragraphs back."""
        for start, entity in reversed(self.history):
            if start < at:
                return entity if self.paragraph(at) - self.paragraph(start) <= window else None
        return None

    def _canonical(self, entity: Entity) -> Entity:
        return self._alias.get(id(entity), entity)

    # -- entry point ------------------------------------------------------------------------
    def resolve(self, span: tuple[int, int], enclosing: Entity | None = None) -> Resolution:
        """Resolve one source mention; record it so later sources can refer back to it."""
        result = self._resolve(span, enclosing, depth=0)
        if result.entity is not None:
            result.entity.add_mention(span)
            self.history.append((span[0], result.entity))
        return result

    def _resolve(self, span: tuple[int, int], enclosing: Entity | None, depth: int) -> Resolution:
        start, end = span
        written = self.text[start:end]
        words = clean(written).lower().split()
        if len(words) == 1 and words[0] in _PRONOUN_WORDS:
            return self._pronoun(words[0], written, start, enclosing, depth)
        if len(words) > 1 and words[-1] in lx.GROUP_HEADS:
            return self._group(start, end)  # "Harlow Springs officials", "Clinton aides"
        person = self.roster.person_at(start, end) or self._known_name(written, start, words)
        if person is not None:
            return self._named_person(self._canonical(person), written, start)
        content = [w for w in words if w not in _DETERMINERS]
        title = self._title_head(start, end, content)
        if title:
            return self._role(written, start, title)
        org = self._organization(start, end)
        if org is not None:
            return org
        if content and content[-1] in lx.ORG_HEADS:
            body = self.roster.organization_by_head(content[-1], start)
            if body is not None:
                return Resolution(body, 0.8, [f"body '{written}' -> '{body.name}' (named nearby)"])
            body = self.roster.organization(written, (start, end))
            return Resolution(body, 0.6, [f"body '{written}' (not named in the article)"])
        if self._is_group(start, end, content):
            return self._group(start, end)
        return self._unlisted(written, start, end)

    # -- names and bodies -------------------------------------------------------------------
    def _named_person(self, person: Entity, written: str, at: int) -> Resolution:
        evidence = []
        role = self._unnamed_role_before(person, at)
        if role is not None:
            unnamed = role.name  # read before the merge names it
            self._merge(person, role)
            evidence.append(
                f"name '{clean(written)}' first appears right after the unnamed "
                f"'{unnamed}' -> same speaker"
            )
            return Resolution(role, 0.6 if person.given else 0.8, evidence)
        if not clean(written).endswith(person.name):
            evidence.append(f"name '{clean(written)}' -> '{person.name}' (fullest name)")
        return Resolution(person, 1.0 if not evidence else 0.95, evidence)

    def _known_name(self, written: str, at: int, words: list[str]) -> Entity | None:
        """A person named elsewhere, whatever the parser tagged here ('Brandt' as ORG)."""
        if not words or len(words) > 4 or words[-1] in lx.ORG_HEADS:
            return None
        if not clean(written)[:1].isupper():
            return None
        person = self.roster.person_by_name(written, at)
        name = parse_name(written)
        if person is not None and name and all(_is_name_word(w) for w in name.shown.split()):
            end = at + len(written.rstrip())
            return self.roster.add_person(at, end)  # a fuller name written here counts
        return person

    def _unnamed_role_before(self, person: Entity, at: int) -> Entity | None:
        """An unnamed role holder ("The city's finance director told ...") quoted in the
        attribution just before a name the article gives here for the first time, untitled."""
        if person.first < at or person.titles:
            return None
        role = self.previous(at, window=1)
        if role is None or role.named or role.kind != "person":
            return None
        if role.gender and person.gender and role.gender != person.gender:
            return None
        return role

    def _merge(self, person: Entity, role: Entity) -> None:
        role.name, role.named, role.surname = person.name, True, person.surname
        role.gender = role.gender or person.gender
        for title in person.titles:
            role.add_title(title)
        for body in person.affiliations:
            role.add_affiliation(body)
        for mention in person.mentions:
            role.add_mention(mention)
        self._alias[id(person)] = role
        self._roles = {k: v for k, v in self._roles.items() if v is not role}

    def _organization(self, start: int, end: int) -> Resolution | None:
        """A body named by an entity of the mention: the one at its head, else the first
        organisation; a plural head ("two of England's hospital groups") is a group."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        ents = self.roster.ents_within(span) if span else []
        ents = [e for e in ents if e.label_ in ("ORG", "FAC", "GPE", "NORP")]
        head = [e for e in ents if e.start <= span.root.i < e.end] if ents else []
        if not head and span is not None and span.root.tag_ in ("NNS", "NNPS"):
            return None
        ranked = head + sorted(ents, key=lambda e: e.label_ not in ("ORG", "FAC"))
        for ent in ranked:
            if ent.label_ == "NORP":
                return self._group(start, end) if ent.text.lower().endswith("s") else None
            body = self.roster.organization(ent.text)
            return Resolution(body, 0.95, [f"body '{ent.text}' (named entity {ent.label_})"])
        body = self.roster.known_organization(self.text[start:end])
        if body is not None:
            return Resolution(body, 0.95, [f"body '{body.name}'"])
        return None

    def _role(self, written: str, at: int, title: str) -> Resolution:
        """'Press Secretary', 'the mayor' -> the person holding that role in the article."""
        holders = [self._canonical(p) for p in self.roster.holders(title)]
        if holders:
            holder = min(holders, key=lambda p: abs(p.first - at))
            shown = tl.display_title(title)
            evidence = [f"role '{written.strip()}' -> '{holder.name}' ({shown} in the article)"]
            return Resolution(holder, 0.85, evidence)
        # One unnamed holder per wording: "the spokesman" twice is one person, "a senior
        # official" and "an official" may be two.
        key = " ".join(w for w in clean(written).lower().split() if w not in _DETERMINERS)
        role = self._roles.get(key)
        if role is None:
            role = Entity(name=clean(written), kind="person", named=False)
            role.add_title(title)
            for body in self.roster.role_bodies(title, at):
                role.add_affiliation(body)
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
        name = clean(self.text[start:end])
        first = self.doc.char_span(start, end, alignment_mode="expand")
        if first is not None and len(first) and first[0].pos_ != "PROPN" and name[1:2].islower():
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
        if _ACRONYM.fullmatch(name):
            body = self.roster.organization(name, (start, end))
            return Resolution(body, 0.8, [f"body '{name}' (acronym)"])
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and any(t.pos_ == "PROPN" for t in span):
            person = self.roster.add_person(start, end)  # joins the same name, if any
            if person is not None:
                return self._named_person(self._canonical(person), written, start)
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
            relative = self._relative_antecedent(at)
            if relative is not None:
                found = self._resolve(relative, enclosing, depth + 1)
                found.evidence.insert(0, f"'{written}' -> '{self.text[slice(*relative)]}'")
                return found
        if word in lx.PERSONAL_PRONOUNS or word in lx.RELATIVE_PRONOUNS:
            return self._antecedent(written, at, lx.PRONOUN_GENDER.get(word))
        if word in lx.FIRST_PERSON_SINGULAR:
            evidence = [f"pronoun '{written}' outside quotes -> the author '{self.author.name}'"]
            return Resolution(self.author, 0.6, evidence)
        previous = self.previous(at)
        if previous is not None and previous.kind != "person":
            evidence = [f"pronoun '{written}' -> '{previous.name}' (previous source)"]
            return Resolution(previous, 0.6, evidence)
        plural = self._plural_subject_before(at) if word in lx.PLURAL_PRONOUNS else None
        if plural is not None:
            found = self._group(*plural)
            found.evidence = [f"pronoun '{written}' -> '{found.entity.name}' (earlier subject)"]
            found.certainty = 0.5
            return found
        return Resolution(None, 0.0, [f"pronoun '{written}' unresolved"])

    def _plural_subject_before(self, at: int) -> tuple[int, int] | None:
        """'Twenty-seven states ... are challenging ... They argue': the nearest plural
        subject in this or the previous sentence."""
        found = None
        for token in self.doc[self._sentence_tokens[max(0, self.sentence(at) - 2)] :]:
            if token.idx >= at:
                break
            if token.dep_ == "nsubj" and token.tag_ in ("NNS", "NNPS"):
                found = (token.left_edge.idx, token.idx + len(token))
        return found

    def _relative_antecedent(self, at: int) -> tuple[int, int] | None:
        """'X, who ..., said': the noun the relative clause hangs on."""
        token = self.doc.char_span(at, at + 1, alignment_mode="expand")
        if token is None or not len(token):
            return None
        verb = token[0].head
        if verb.dep_ != "relcl" or verb.head.i >= token[0].i:
            return None
        noun = verb.head
        ent = self.roster.ent_at(noun.i)
        if ent is not None:
            return ent.start_char, ent.end_char
        left = noun.left_edge
        return self.doc[left.i].idx, noun.idx + len(noun)

    def _antecedent(self, written: str, at: int, gender: str | None) -> Resolution:
        """he/she -> the best earlier person: near, a subject, above all the previous speaker."""
        previous = self.previous(at)
        here_sentence, here_paragraph = self.sentence(at), self.paragraph(at)
        scores: dict[int, tuple[float, Entity, int, bool]] = {}

        def consider(person: Entity, start: int) -> None:
            person = self._canonical(person)
            if person.kind != "person" or (gender and person.gender not in (None, gender)):
                return
            if here_paragraph - self.paragraph(start) > WINDOW_PARAGRAPHS:
                return
            back = here_sentence - self.sentence(start)
            is_previous = person is previous
            subject = self._is_subject(start)
            score = -float(back) + 1.5 * subject + 2.5 * is_previous
            if id(person) not in scores or score > scores[id(person)][0]:
                scores[id(person)] = (score, person, back, is_previous)

        first = here_paragraph - WINDOW_PARAGRAPHS  # the earliest paragraph consider() takes
        since = self._paragraph_starts[first - 1] if first >= 1 else 0
        for start, _, person in self.roster.people_before(at, since):
            consider(person, start)
        for start, entity in self.history:
            if since <= start < at:
                consider(entity, start)
        if not scores:
            return Resolution(None, 0.0, [f"pronoun '{written}': no earlier {gender or ''} person"])
        ranked = sorted(scores.values(), key=lambda item: -item[0])
        score, person, back, is_previous = ranked[0]
        margin = score - ranked[1][0] if len(ranked) > 1 else 3.0
        person.gender = person.gender or gender
        why = "previous speaker" if is_previous else "nearest earlier person"
        hop = f"pronoun '{written}' -> '{person.name}' ({why}, {back} sentence(s) back)"
        certainty = 0.9 if is_previous and margin >= 2 else 0.75 if margin >= 1 else 0.55
        return Resolution(person, certainty, [hop])

    def _is_subject(self, start: int) -> bool:
        """Whether the name starting here is (the head of) a clause subject."""
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None or not len(span):
            return False
        token = span[0]
        while token.dep_ in ("compound", "flat") and token.head is not token:
            token = token.head
        return token.dep_ in ("nsubj", "nsubjpass")


_PRONOUN_WORDS = (
    lx.PERSONAL_PRONOUNS
    | lx.PLURAL_PRONOUNS
    | lx.FIRST_PERSON_SINGULAR
    | lx.FIRST_PERSON_PLURAL
    | lx.RELATIVE_PRONOUNS
    | lx.NEUTER_PRONOUNS
)


def _is_name_word(word: str) -> bool:
    """A word that can be part of a person's name: capitalised, or a particle ('de')."""
    return word[:1].isupper() or word.lower() in lx.PARTICLES
