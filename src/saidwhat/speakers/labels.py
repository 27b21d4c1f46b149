"""Speaker labels of an interview transcript ("PENCE:", "MR. O'NEIL:", "JONES-SMITH:", "Q:",
"A:") resolved to the people the article names: a label is a name in capitals, so it is read
in title case and matched against the article's roster ("PENCE" -> Mike Pence); "Q" is the
interviewer and "A" the person the article interviews (its most-mentioned person).

A hook of the speakers step, called for candidates with the ``speaker-label`` evidence; the
resolver's own rules do not apply to capitalised labels (the light entity layer reads a word
in capitals as an organisation).
"""

from __future__ import annotations

import re

from saidwhat.lang.names import parse_name
from saidwhat.speakers.discourse import Resolution
from saidwhat.speakers.entity import Entity
from saidwhat.speakers.resolve import Resolver

QUESTION_LABELS = {"Q", "QUESTION", "INTERVIEWER"}
ANSWER_LABELS = {"A", "ANSWER"}
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
LABEL_EVIDENCE = "speaker-label"


def title_case(label: str) -> str:
    """'MR. O'NEIL' -> "Mr. O'Neil", 'JONES-SMITH' -> 'Jones-Smith', 'McCAIN' stays."""
    if not label.isupper():
        return label
    return _WORD.sub(lambda m: m.group(0).capitalize(), label.lower())


class LabelResolver:
    """Resolves the labels of one article, one speaker per distinct label."""

    def __init__(self, resolver: Resolver):
        self.resolver = resolver
        self._known: dict[str, Entity] = {}

    def resolve(self, span: tuple[int, int]) -> Resolution:
        label = self.resolver.text[span[0] : span[1]].strip()
        key = label.upper()
        if key in self._known:
            entity = self._known[key]
            entity.add_mention(span)
            return Resolution(entity, 0.9, [f"speaker label '{label}' -> '{entity.name}'"])
        result = self._first(label, key, span)
        if result.entity is not None:
            self._known[key] = result.entity
            result.entity.add_mention(span)
            self.resolver.record(span[0], result.entity)
        return result

    def _first(self, label: str, key: str, span: tuple[int, int]) -> Resolution:
        if key in QUESTION_LABELS:
            entity = Entity(name="the interviewer", kind="unnamed", named=False)
            return Resolution(entity, 0.6, [f"speaker label '{label}': the interviewer"])
        if key in ANSWER_LABELS:
            person = self._interviewee(span[0])
            if person is None:
                entity = Entity(name="the interviewee", kind="unnamed", named=False)
                return Resolution(entity, 0.5, [f"speaker label '{label}': the interviewee"])
            return Resolution(
                person, 0.7, [f"speaker label '{label}' -> '{person.name}' (the interviewee)"]
            )
        written = title_case(label)
        person = self.resolver.roster.person_by_name(written, span[0])
        if person is not None:
            return Resolution(person, 0.95, [f"speaker label '{label}' -> '{person.name}'"])
        name = parse_name(written)
        entity = Entity(
            name=name.bare if name else written,
            kind="person",
            given=name.first if name else None,
            surname=name.surname if name else None,
            gender=name.gender if name else None,
        )
        return Resolution(entity, 0.8, [f"speaker label '{label}' (not named elsewhere)"])

    def _interviewee(self, at: int) -> Entity | None:
        """The person most mentioned before the first answer, else in the whole article."""
        people = [e for e in self.resolver.roster.entities if e.kind == "person" and e.named]
        before = [p for p in people if p.mentions and p.first < at] or people
        if not before:
            return None
        return max(before, key=lambda p: (len(p.mentions), -p.first))
