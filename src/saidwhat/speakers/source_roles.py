"""The role a source speaks in, read with the role lexicon (``lang/roles.txt``, extended by a
user file) over what the article says of the speaker, most telling first:

1. their titles ("Sen." -> politician; "Director" takes the role of the body it serves,
   "Director, Institute for Policy Integrity" -> expert);
2. an unnamed source's or a group's own words, up to the head noun ("senior administration
   official" -> government; "developers and supporters", two roles, decides nothing);
3. the words written before their name ("Dr. Connie Mariano", "NBC's Dante Chinni",
   "Tulsa police Chief Chuck Jordan"), then the description set after it ("Mary Fenwick, a
   commuter, said");
4. the bodies they are affiliated with ("White House" -> government);
5. the descriptions the article resolved to them ("the Republican nominee").

A body's role comes from its own name ("Justice Department" -> police/legal). Each decision
is one clue: the words, and which phrase of which lexicon made it.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from saidwhat.errors import SaidwhatError
from saidwhat.lang import titles as tl
from saidwhat.lang.roles import ROLE_NAMES, Match, RoleLexicon, read_lexicon
from saidwhat.lang.text import normalise
from saidwhat.records import Clue, Quote, Speaker

ROLES_FILE = "SAIDWHAT_ROLES"  # a user role lexicon's path; `--roles` sets it for the workers
# where a noun phrase's head ends: what follows qualifies it ("officials at the agency")
_QUALIFIERS = {"of", "for", "at", "in", "on", "with", "to", "from", "who", "that", "which",
               "familiar", "close", "by", "near", "inside", "within", "about"}  # fmt: skip
_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "one", "another", "this"}
# ", a commuter,", ", 34, a nurse at the clinic,": an apposition that describes a name
_APPOSITION = re.compile(r",\s+(?:\d{1,3},\s+)?(?:a|an|the)\s+(?P<words>[^,.;:()\n\"\u201c]{2,60})")

Found = tuple[str, list[Clue]]


@dataclass
class Reading:
    """What labelling reads besides the speaker: the article's text, the role lexicon, where
    its headlines are, and all its speakers."""

    text: str
    lexicon: RoleLexicon
    headlines: list[tuple[int, int]] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def in_headline(self, at: int) -> bool:
        i = bisect_right(self.headlines, (at, 10**12)) - 1
        return i >= 0 and self.headlines[i][0] <= at < self.headlines[i][1]


def role_lexicon() -> RoleLexicon:
    """The lexicon extraction uses: the built-in one, extended by the user file named in
    $SAIDWHAT_ROLES (set by ``--roles``; worker processes inherit it)."""
    return user_lexicon(os.environ.get(ROLES_FILE) or None)


@lru_cache(maxsize=4)
def user_lexicon(path: str | None) -> RoleLexicon:
    """The built-in lexicon extended by the file at ``path``; a file that cannot be read or
    has a bad line is a one-line error naming it."""
    if path is None:
        return read_lexicon()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise SaidwhatError(f"{path}: cannot read the role lexicon ({reason})") from None
    try:
        return read_lexicon(text, path)
    except ValueError as exc:
        raise SaidwhatError(str(exc)) from None


def role(speaker: Speaker, reading: Reading, anonymity: str) -> Found:
    """The speaker's role and the clue that gave it (``unknown`` and none when nothing
    does). Own words are read for an anonymous source and a group the article names."""
    lexicon = reading.lexicon
    if speaker.kind == "document":
        return "unknown", []
    if speaker.kind == "organization":
        found = _matched(speaker, reading, speaker.name, lexicon.body, "a body named so")
        return found or ("unknown", [])
    for title in speaker.titles:
        found = _person_role(speaker, reading, title, f"title '{title}'")
        if found:
            return found
    if anonymity == "anonymous" or (anonymity == "named" and speaker.kind == "group"):
        found = _own_words(speaker, reading)
        if found:
            return found if found[0] != "unknown" else ("unknown", [])
    if speaker.kind == "person":
        found = _written_before_name(speaker, reading) or _apposition_role(speaker, reading)
        if found:
            return found
    found = _affiliation_role(speaker, reading)
    if found or speaker.kind != "person":
        return found or ("unknown", [])
    for mention in sorted(speaker.mentions, key=lambda m: m.start):
        words = mention.text.split()
        if words and words[0].lower() in _DETERMINERS:
            found = _person_role(speaker, reading, head_phrase(mention.text),
                                 f"described as '{mention.text}'")  # fmt: skip
            if found:
                return found
    return "unknown", []


def _person_role(speaker: Speaker, reading: Reading, words: str, how: str) -> Found | None:
    """The role a title or description says, or the role of the body a title serves."""
    match = _head(reading.lexicon.find(words, reading.lexicon.person))
    if match is None:
        return None
    if match.entry.by_body:
        body = _affiliation_role(speaker, reading, f"{how} serving ")
        body = body or _written_body(speaker, reading, words)
        if body is not None:
            return body
    if match.entry.role == "unknown":
        return None
    return match.entry.role, [_clue(speaker, reading, words, f"{how} ({says(match)})", match)]


def _own_words(speaker: Speaker, reading: Reading) -> Found | None:
    """An unnamed source's or a group's words up to the head ("administration officials");
    coordinated heads of two roles ("developers and supporters") decide ``unknown``."""
    own = head_phrase(speaker.name)
    lexicon = reading.lexicon
    for table in (lexicon.person, lexicon.body):
        matches = lexicon.find(own, table)
        if len({m.entry.role for m in matches}) > 1 and re.search(r"\band\b|&", own):
            return "unknown", []
        match = _head(matches)
        if match is None or (table is lexicon.body and speaker.kind not in ("group", "unknown")):
            continue
        if match.entry.by_body:
            found = _affiliation_role(speaker, reading, f"own words '{own}' serving ")
            if found:
                return found
        if match.entry.role != "unknown":
            return match.entry.role, [
                _clue(speaker, reading, own, f"own words ({says(match)})", match)
            ]
    return None


def _written_before_name(speaker: Speaker, reading: Reading) -> Found | None:
    """Words before the name in one of its mentions: a title or body that did not become a
    title or affiliation ("Dr. Connie Mariano", "NBC's Dante Chinni")."""
    lexicon = reading.lexicon
    for mention in sorted(speaker.mentions, key=lambda m: m.start):
        at = mention.text.find(speaker.name)
        before = mention.text[:at] if at > 0 else ""
        if not before.strip():
            continue
        for table, how in ((lexicon.person, "written before the name"),
                           (lexicon.body, "body written before the name")):  # fmt: skip
            match = _head(lexicon.find(before, table))
            if match is not None and match.entry.role != "unknown":
                rule = f"{how}: '{mention.text}' ({says(match)})"
                return match.entry.role, [_clue(speaker, reading, mention.text, rule, match)]
    return None


def _apposition_role(speaker: Speaker, reading: Reading) -> Found | None:
    """The role of the description set after a name ("Mary Fenwick, a commuter, said")."""
    for words, start in appositions(speaker, reading.text):
        found = _person_role(speaker, reading, words, f"described as '{words}'")
        if found:
            role_found, found_clues = found
            placed = [c.model_copy(update={"start": start, "end": start + len(words)})
                      for c in found_clues]  # fmt: skip
            return role_found, placed
    return None


def appositions(speaker: Speaker, text: str) -> list[tuple[str, int]]:
    """The descriptions written right after the speaker's names, up to their head noun, with
    where they start: "Mary Fenwick, a commuter, said" -> ("commuter", ...); an age between
    is passed over ("Jo Lind, 34, a nurse")."""
    found = []
    for mention in speaker.mentions:
        if not mention.text[:1].isupper():
            continue
        after = _APPOSITION.match(text, mention.end)
        if after:
            words = head_phrase(after.group("words")).strip()
            found.append((words, after.start("words")))
    return found


def _written_body(speaker: Speaker, reading: Reading, title: str) -> Found | None:
    """The role of body words written before a title in a mention ("Tulsa police Chief")."""
    lexicon = reading.lexicon
    for mention in speaker.mentions:
        at = mention.text.lower().find(title.lower())
        if at <= 0:
            continue
        match = _head(lexicon.find(mention.text[:at], lexicon.body))
        if match is not None and match.entry.role != "unknown":
            rule = f"title '{title}' serving '{match.words}' ({says(match)})"
            return match.entry.role, [_clue(speaker, reading, mention.text, rule, match)]
    return None


def _affiliation_role(speaker: Speaker, reading: Reading, lead: str = "") -> Found | None:
    """The role of the first affiliation whose name the lexicon knows."""
    for body in speaker.affiliations:
        found = _matched(speaker, reading, body, reading.lexicon.body,
                         f"{lead or 'affiliation '}'{body}'")  # fmt: skip
        if found:
            return found
    return None


def _matched(speaker: Speaker, reading: Reading, words: str, table, how: str) -> Found | None:
    match = _head(reading.lexicon.find(words, table))
    if match is None or match.entry.role == "unknown":
        return None
    return match.entry.role, [_clue(speaker, reading, words, f"{how} ({says(match)})", match)]


def head_phrase(name: str) -> str:
    """A description up to its head noun: "officials at the agency" -> "officials"."""
    words = []
    for word in name.split():
        if normalise(word) in _QUALIFIERS:
            break
        words.append(word)
    return " ".join(words) or name


def _head(matches: list[Match]) -> Match | None:
    """Of the phrases found, the one nearest the end (a noun phrase's head)."""
    return max(matches, key=lambda m: m.end) if matches else None


def says(match: Match) -> str:
    """'"senator" is elected politician', naming a user lexicon when the phrase is its."""
    source = "" if match.entry.source == "built-in" else f", in {match.entry.source}"
    return f"'{match.words}' is {ROLE_NAMES[match.entry.role]}{source}"


def _clue(speaker: Speaker, reading: Reading, words: str, rule: str, match: Match) -> Clue:
    where = locate(speaker, reading.text, words)
    return Clue(aspect="role", value=match.entry.role, words=words, rule=rule,
                start=where[0] if where else None, end=where[1] if where else None)  # fmt: skip


def locate(speaker: Speaker, text: str, words: str) -> tuple[int, int] | None:
    """Where the words (a title, an affiliation, own words) are written at one of the
    speaker's mentions: inside it, or just before or after it ("Sen." for "Senator")."""
    forms = [words] + [short for short, shown in tl.TITLE_DISPLAY.items() if shown == words]
    pattern = "|".join(
        r"\b" + r"[\s\W]+".join(re.escape(w.strip(".")) for w in form.split()) + r"\b\.?"
        for form in forms
        if form.strip(" .")
    )
    if not pattern:
        return None
    regex = re.compile(pattern, re.IGNORECASE)
    for mention in sorted(speaker.mentions, key=lambda m: m.start):
        start = max(0, mention.start - 120)
        window = text[start : mention.end + 160]
        best = min(
            regex.finditer(window),
            key=lambda m: abs(start + m.start() - mention.start),
            default=None,
        )
        if best is not None:
            return start + best.start(), start + best.end()
    return None
