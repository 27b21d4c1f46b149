"""One real person, body, group or document of an article, as the speakers step builds it up:
the future Speaker record, with the gender and name keys that resolution reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from saidwhat.lang import titles as tl
from saidwhat.records import SpeakerKind


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
    suffix: str | None = None  # "Jr.": shown only to tell two people of one name apart
    # the mentions as a set and the first one's start, kept by add_mention: a pasted page of
    # 8,000 quotes by one person made each look a walk over all of their mentions
    _seen: set[tuple[int, int]] = field(default_factory=set, repr=False, compare=False)
    _first: int = field(default=0, repr=False, compare=False)
    # where add_mention also writes each new mention down, (start, end, id): the bodies' index
    heard: list[tuple[int, int, int]] | None = field(default=None, repr=False, compare=False)

    @property
    def first(self) -> int:
        """Where the first mention starts (0 before any)."""
        return self._first

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
        if span not in self._seen:
            self._first = min(self._first, span[0]) if self._seen else span[0]
            self._seen.add(span)
            self.mentions.append(span)
            if self.heard is not None:
                self.heard.append((*span, id(self)))
