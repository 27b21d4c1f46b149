"""Roles written around a person's name: titles and the bodies they belong to, before the
name ("Trump spokeswoman Lindsay Walters", "Indiana Gov. Mike Pence") or after it ("Jeff
Sessions, the attorney general", "Lindsay Walters, a spokeswoman for the White House"), in an
apposition of the parse however long ("X, the White House's deputy press secretary, said").
The roster's first half: it reads them once, after the bodies of the article are known."""

from __future__ import annotations

import re

from spacy.attrs import ORTH, SPACY
from spacy.tokens import Doc

from saidwhat.lang import titles as tl
from saidwhat.lang.names import clean
from saidwhat.speakers.bodies import Bodies
from saidwhat.speakers.entity import Entity

_TITLE_RE = tl.title_pattern()
_TITLE = _TITLE_RE.pattern
_CAP_WORDS = r"(?:[A-Z][\w.&-]*(?:['\u2019]s)?\s+){1,4}?"  # fewest: the longest title after them
_BEFORE = re.compile(rf"(?P<mod>{_CAP_WORDS})??(?P<title>{_TITLE}),?\s+$")
_AFTER = re.compile(
    rf"^,\s+(?:(?:a|an|the|who is|who was)\s+)?(?P<mod>{_CAP_WORDS})??(?P<title>{_TITLE})"
    r"(?:\s+(?:for|of|at|to|with|in)\s+(?P<org>(?:the\s+)?[A-Z][\w.&'\u2019-]*"
    r"(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w.&'\u2019-]*){0,5}))?"
)
_OF_BODY = re.compile(
    r"^\s+of\s+(?P<org>(?:the\s+)?[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*){0,3})"
)
# the last word of every title as the pattern matches it, an abbreviation with and without dot
_TITLE_ENDS = frozenset(w for t in tl.TITLES for w in (t.split()[-1], t.split()[-1].rstrip(".")))
_TITLE_PREFIX = re.compile(rf"^(?:(?:the\s+)?{_TITLE}\s+)+")  # "President Bill Clinton"
_FUNCTION_WORDS = {"the", "a", "an", "but", "and", "in", "on", "at", "as", "after", "when"}
_FUNCTION_WORDS |= {"former", "then", "while", "if", "for", "with", "by", "to", "of", "said"}


class Roles(Bodies):
    """Reads the roles around each person mention of ``people`` (set by the roster)."""

    def __init__(self, doc: Doc) -> None:
        super().__init__()
        self.doc = doc
        self.text = _text_of(doc)
        self.people: list[tuple[int, int, Entity]] = []  # person name mentions, text order
        self._roles_read: set[tuple[int, int]] = set()

    def _read_around(self) -> None:
        """Titles and affiliations written around each person mention not read yet."""
        for start, end, person in self.people:
            if (start, end) not in self._roles_read:
                self._roles_read.add((start, end))
                self._read_roles(person, start, end)
                self._read_appositions(person, start, end)

    def _read_roles(self, person: Entity, start: int, end: int) -> None:
        """Titles written next to a name: 'Trump spokeswoman X', 'X, a spokeswoman for Y'."""
        before = self._before(start)
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

    def _before(self, start: int) -> re.Match[str] | None:
        """The title (and the words qualifying it) written just before a name at ``start``."""
        line_start = self.text.rfind("\n", 0, start) + 1
        return _title_before(self.text[max(line_start, start - 80) : start])

    def title_before(self, start: int) -> str | None:
        before = self._before(start)
        return tl.display_title(before.group("title")) if before else None

    def _read_appositions(self, person: Entity, start: int, end: int) -> None:
        """Titles in an apposition of the parse, however long: 'X, the White House's deputy
        press secretary, said'; 'the press secretary, X, said'. Bodies named inside it count."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return
        root = span.root
        nodes = [c for c in root.children if c.dep_ == "appos"]
        nodes += [root.head] if root.dep_ == "appos" and root.head.i != root.i else []
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

    def _take_role(self, person: Entity, title: str, bodies: list[str], at: int) -> None:
        person.add_title(title)
        for body in bodies:
            person.add_affiliation(self._expand_body(clean(body)))
        if not bodies:
            for body in self.role_bodies(title, at):
                person.add_affiliation(body)


def _text_of(doc: Doc) -> str:
    """``doc.text`` (its words and the spaces after them) from the word and space columns:
    ``Doc.text`` makes a Token per word, 0.034 s of the speakers step over PolNeAR dev
    against 0.026 s."""
    strings = doc.vocab.strings
    words, spaces = doc.to_array([ORTH, SPACY]).T.tolist() if len(doc) else ([], [])
    pairs = zip(words, spaces, strict=True)
    return "".join([strings[w] + " " if space else strings[w] for w, space in pairs])


def _title_before(before: str) -> re.Match[str] | None:
    """``_BEFORE.search(before)``, not tried when the last word before the closing comma and
    spaces ends no title: the search tries each of up to 80 positions against every title,
    and cost 0.09 s of the roster's 0.12 s reading of roles over PolNeAR dev."""
    core = before.rstrip()
    core = core[:-1] if core.endswith(",") else core
    last = core.rsplit(None, 1)[-1].lower() if core else ""
    if last.isascii() and not any(last[i:] in _TITLE_ENDS for i in range(len(last))):
        return None  # (a word not in ASCII may match a title ignoring case: searched)
    return _BEFORE.search(before)


def _bodies(mod: str | None, org: str | None) -> list[str]:
    """The body words around a title: 'Trump' in 'Trump spokeswoman', 'the White House' in
    'spokeswoman for the White House' (function words and titles dropped)."""
    bodies = [_TITLE_PREFIX.sub("", org)] if org else []
    words = [w for w in (mod or "").split() if w.lower().strip(".") not in _FUNCTION_WORDS]
    if words and not _TITLE_RE.fullmatch(" ".join(words)):
        bodies.append(" ".join(words))
    return bodies
