"""A proposed attribution before scoring (``Raw``), the article parts quotes are read from
(``Regions``), and what the clause rules and the quote-mark rules both do with a cue: set it
with its source, and cut a content span to the cue's paragraph."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from itertools import takewhile

from spacy.tokens import Doc, Token

from saidwhat.quotes.candidate import FragmentExtent
from saidwhat.quotes.syntax import char_span, is_quote_token, mention_span, subject_of


@dataclass
class Raw(FragmentExtent):
    """A proposed attribution before scoring; spans are character offsets into the doc."""

    kind: str
    fragments: list[tuple[int, int]]
    cue: Token | None = None
    cue_span: tuple[int, int] | None = None
    subject: Token | None = None
    source: tuple[int, int] | None = None
    evidence: list[str] = field(default_factory=list)
    marks: list[int] = field(default_factory=list)  # indices of mark spans it holds
    section: str = "paragraph"  # the kind of the article part it is in (READ_SECTIONS)
    # the cue's relation where a rule reads the parse otherwise than the parser (a "ccomp" that
    # is a late parataxis: clauses._late_cue); the scorer's features read this one
    cue_dep: str | None = None


class Regions:
    """The article parts quotes may come from (body, key points, headline), for fast lookup."""

    def __init__(self, text: str, spans: list[tuple[int, int]]):
        self.text = text  # the article text (``Doc.text`` is rebuilt on every access)
        merged: list[tuple[int, int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
            else:
                merged.append((s, e))
        self.spans = merged
        self.starts = [s for s, _ in merged]

    def index(self, pos: int) -> int | None:
        """The region holding character pos, or None."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return i if i >= 0 and pos < self.spans[i][1] else None


def with_source(raw: Raw, doc: Doc, cue: Token) -> Raw:
    """Set the cue and its source: the cue's subject, unless the parser took it from inside
    the quote or misplaced it (``_misplaced``): then the words between quote and cue ('"…,"
    Chief Ann Bo said'), else the nearest subject before the cue outside the content
    ('Sanders said, going on to say that …')."""
    subj = subject_of(cue) or _inverted_subject(raw, cue)
    raw.cue, raw.cue_span = cue, cue_span(cue)
    if subj is None or not (raw.holds(subj.idx) or _misplaced(doc, subj, cue)):
        if subj is not None:
            raw.subject, raw.source = subj, mention_span(doc, subj, cue)
        return raw
    raw.evidence.append("source-next-to-cue")
    between = [t for t in doc[max(0, cue.i - 12) : cue.i] if t.idx >= raw.end]
    if cue.idx < raw.start or not between:  # or '"…," said Leslie Wimes': after the cue
        between = []
        for t in doc[cue.i + 1 :]:
            if t.is_punct or t.is_sent_start or raw.start <= t.idx < raw.end:
                break
            between.append(t)
    first = list(takewhile(lambda t: t.text != ",", between))  # 'Flynn, a top aide,'
    words = [t for t in between if not t.is_punct and not is_quote_token(t)]
    names = [t for t in first or words if t.pos_ in ("PROPN", "NOUN", "PRON")]
    if names and len(words) <= 8:
        raw.subject, raw.source = names[-1], char_span(words)
        return raw
    for t in reversed(doc[max(0, cue.i - 12) : cue.i]):
        if t.dep_ == "nsubj" and not raw.holds(t.idx):
            raw.subject, raw.source = t, mention_span(doc, t)
            break
        if t.is_sent_start:
            break
    return raw


def _misplaced(doc: Doc, subj: Token, cue: Token) -> bool:
    """The subject follows the cue and opens with a quote mark (a title, not who spoke), or
    is borrowed from a verb after the cue (the parser hung "Sanders said, going on to say
    that …" on a verb of the quote)."""
    if subj.i < cue.i:
        return False
    edge = subj.left_edge.i
    borrowed = subj.dep_ == "nsubj" and subj.head != cue
    return borrowed or (edge > 0 and is_quote_token(doc[edge - 1]))


def _inverted_subject(raw: Raw, cue: Token) -> Token | None:
    """'"…," reply Burton and Nick': after the content, a cue with no subject whose object
    right after it is a name is inverted; the object is who spoke. So is the name that a cue
    opening its sentence before the content is parsed into ('Said Ellis: "…"')."""
    if cue.idx < raw.start and cue.is_sent_start and cue.dep_ == "compound":
        name = cue.head
        return name if name.i == cue.i + 1 and name.pos_ == "PROPN" else None
    if cue.idx < raw.end:
        return None
    obj = next((c for c in cue.children if c.dep_ in ("dobj", "npadvmod")), None)
    if obj is None or obj.left_edge.i != cue.i + 1 or obj.pos_ not in ("PROPN", "NOUN"):
        return None
    return obj


def cue_span(cue: Token) -> tuple[int, int]:
    """The cue verb with its particle ("pointed out") or "according to"."""
    start = cue.idx
    end = start + len(cue.text)
    for c in cue.children:  # one walk, no lists (asked for each of ~7,500 candidates)
        if c.dep_ == "prt" or (c.lower_ == "to" and c.i == cue.i + 1):
            start, end = min(start, c.idx), max(end, c.idx + len(c.text))
    return start, end


def span_of(
    tokens: list[Token], within: tuple[int, int], *, gaps: bool = False
) -> list[tuple[int, int]]:
    """The content span of the tokens, kept inside the cue's paragraph (the parser may run a
    sentence over a paragraph break). With ``gaps``, tokens interrupted by others (the cue's
    clause inside the content: 'The museum, Mr. Obama said, would ...') give one fragment per
    unbroken run."""
    lo, hi = within
    kept = [t for t in tokens if lo <= t.idx < hi]
    runs: list[list[Token]] = [kept] if kept and not gaps else []  # one run without gaps
    for tok in kept if gaps else ():
        if runs and tok.i == runs[-1][-1].i + 1:
            runs[-1].append(tok)
        else:
            runs.append([tok])
    spans = [char_span(run) for run in runs if any(t.is_alpha or t.is_digit for t in run)]
    return [span for span in spans if span and span[1] > span[0]]
