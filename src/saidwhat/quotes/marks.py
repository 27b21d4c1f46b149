"""Quote-mark spans: where quotation marks open and close, paragraph by paragraph.

Text-level (no parse), so it never fails on odd input: a stray closing mark is ignored, an
unclosed quote runs to the end of its paragraph, and the news convention of multi-paragraph
quotes (a paragraph opens a quote without closing it; the next paragraph re-opens with a quote
mark) links the pieces into one quote, as does a quote that a photo caption or an inserted
line interrupts (the line after it goes on until a closing mark). Single quotes inside double
quotes are content (nested quotes); in a line with no double mark, single marks are the outer
ones, as British papers print them ('I love cats,' he said); apostrophes are never marks; a
closing mark typed where a quote opens (at a line's start or after a space, before a word) opens
it. A
line that opens with a speaker label ("PENCE: ...", "Q: ...") starts a turn of its own, never
a continuation.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

OPENERS = "\u201c\u201e\u00ab\u201f"  # “ „ « ‟
CLOSERS = "\u201d\u00bb"  # ” »
STRAIGHT = '"'
# a straight mark opens after these (or at the start of a paragraph), otherwise it closes
OPEN_CONTEXT = set(" \t\n([{\u2014\u2013-/:;,\u00a0")
DOUBLE_MARKS = set(OPENERS + CLOSERS + STRAIGHT)
_WHITE = re.compile(r"\s")
_DOUBLED_SINGLES = re.compile("''|\u2018\u2018|\u2019\u2019")  # ''old wire style'' doubles
SINGLE_OPENERS = "\u2018'"  # ‘ '
# Where a paragraph scan has something to do: any mark it reads (the rest is skipped by one
# regex search instead of a step of Python per character).
_SCANNED = re.compile("[" + re.escape(OPENERS + CLOSERS + STRAIGHT + "'\u2018\u2019") + "]")
_DOUBLE = re.compile("[" + re.escape("".join(sorted(DOUBLE_MARKS))) + "]")
_SINGLE_OPENER = re.compile("[" + re.escape(SINGLE_OPENERS) + "]")
SINGLE_CLOSERS = "\u2019'"  # ’ '
# a single mark closes a quote after punctuation ('Yes,' she said), or before punctuation or
# the end of the line when it holds two words or more ('Trump is a liar'.)
_CLOSING_PUNCT = set(",.!?\u2026\u2014-")
_AFTER_CLOSE = set(",.;:!?)\u2014\u2013\n")
# "PENCE:", "MR. O'NEIL:", "JONES-SMITH:", "Q:" at the start of a line, after an optional mark
_LABEL_WORD = r"[A-Z][A-Z.\u2019'\-]*[A-Z.]"
SPEAKER_LABEL = re.compile(
    rf"[\"\u201c\u2018']?[ \t]*(Q|A|{_LABEL_WORD}(?:[ \t]+{_LABEL_WORD}){{0,3}}):[ \t]+(?=\S)"
)


@dataclass
class MarkSpan:
    """One quotation in marks: [start, end) includes the marks; ``closed`` is False when the
    paragraph ended first. ``continues`` is the index of the span it continues (multi-paragraph
    quotes), else None."""

    start: int
    end: int
    closed: bool
    continues: int | None = None
    title: bool = False  # the title of a work, not words said (set where sections are known)


_TITLE_SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into",
                      "nor", "of", "on", "or", "the", "to", "up", "with", "vs"}  # fmt: skip
_TITLE_MAX_WORDS = 8


def looks_like_title(inside: str) -> bool:
    """Words in marks that name a work ("One Hundred Years of Solitude", "American Skin (41
    Shots)"): two to eight words, every one capitalised but the small ones, no sentence in
    them, and no comma or full stop before the closing mark ('"Thank You," she said' is
    speech). Only for body text: headlines capitalise every word."""
    words = inside.strip(" \t\"'\u201c\u201d\u2018\u2019").split()
    if not 2 <= len(words) <= _TITLE_MAX_WORDS or not words[0][:1].isupper():
        return False
    if words[-1][-1] in ",.":
        return False
    if any(ch in inside for ch in "!?;:") or ". " in inside:
        return False
    capital = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    return all(w[:1].isupper() or w[:1].isdigit() or w[:1] == "(" for w in capital)


def _paragraph_spans(
    text: str, start: int, end: int, opened: int | None = None
) -> list[tuple[int, int, bool]]:
    """(open, close_end, closed) for every double-quoted stretch in text[start:end];
    ``opened`` when the line starts inside a quote (it continues one)."""
    spans: list[tuple[int, int, bool]] = []
    i = start
    while i < end:
        mark = _SCANNED.search(text, i, end)
        if mark is None:
            break
        i = mark.start()
        ch = text[i]
        two_singles = ch in "'\u2018\u2019" and i + 1 < end and text[i + 1] == ch
        if ch in OPENERS or (ch == "\u2018" and two_singles):
            if opened is None:
                opened = i
            i += 2 if two_singles else 1
            continue
        if ch in CLOSERS or (ch in "'\u2019" and two_singles):
            step = 2 if two_singles else 1
            if opened is not None:
                spans.append((opened, i + step, True))
                opened = None
            elif (two_singles or ch == "\u201d") and (i == start or text[i - 1] in OPEN_CONTEXT):
                # '' used as an opening mark (old wire style); ” typed for “ before a word
                opened = i if two_singles or text[i + 1 : i + 2].isalnum() else None
            i += step
            continue
        if ch == STRAIGHT:
            opens = i == start or text[i - 1] in OPEN_CONTEXT
            if opened is None:
                opened = i
            elif not opens or i + 1 >= end or not text[i + 1].isalnum():
                spans.append((opened, i + 1, True))
                opened = None
            else:
                opened = i  # two openers in a row: the first was stray
        i += 1
    if opened is not None:
        spans.extend(_unclosed(text, opened, end))
    return spans


def _unclosed(text: str, opened: int, end: int) -> list[tuple[int, int, bool]]:
    """A quote opened and not closed on its line: it runs to the line's last character."""
    tail = end
    while tail > opened and text[tail - 1].isspace():
        tail -= 1
    return [(opened, tail, False)] if tail - opened > 1 else []


def _single_spans(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """(open, close_end, closed) for the stretches in single marks of a line with no double
    mark. A mark that may be an apostrophe ("Smiths' house", "don't") does not close, and an
    unclosed quote counts only when it opens the line (one running on into the next
    paragraph)."""
    spans: list[tuple[int, int, bool]] = []
    opened: int | None = None
    # white space positions of the line: a quote of two words or more holds one
    gaps = [m.start() for m in _WHITE.finditer(text, start, end)]
    for i in range(start, end):
        ch = text[i]
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else "\n"
        if ch in SINGLE_OPENERS and before in OPEN_CONTEXT and after.isalnum():
            opened = i  # an opening mark after an unclosed one: the first was an apostrophe
            continue
        if opened is None or ch not in SINGLE_CLOSERS or before.isspace() or after.isalnum():
            continue
        words = bisect_left(gaps, i) > bisect_right(gaps, opened + 1)  # two words or more
        if before in _CLOSING_PUNCT or (after in _AFTER_CLOSE and words):
            spans.append((opened, i + 1, True))
            opened = None
    if opened is not None and not text[start:opened].strip():
        spans.extend(_unclosed(text, opened, end))
    return spans


def _closes_first(text: str, start: int, end: int) -> bool:
    """The first double mark of the line closes a quote ('we will fight," she said'): the line
    goes on with a quote that a caption or an inserted line interrupted."""
    for i in range(start, end):
        ch = text[i]
        if ch in CLOSERS:
            return True
        if ch in OPENERS:
            return False
        if ch == STRAIGHT:
            after = text[i + 1] if i + 1 < end else " "
            return i > start and (
                text[i - 1] not in OPEN_CONTEXT or text[i - 1] in ",.!?" and not after.isalnum()
            )
    return False


def label_end(text: str, start: int, end: int) -> int | None:
    """Where the speaker label that opens the line [start, end) ends (after its colon), else
    None."""
    found = SPEAKER_LABEL.match(text, start, end)
    return found.end() if found else None


def find_mark_spans(text: str, regions: list[tuple[int, int]]) -> list[MarkSpan]:
    """Quotation spans in text order within the given regions (paragraphs, in text order)."""
    out: list[MarkSpan] = []
    for start, end in regions:
        # a region may hold several lines: treat each line as a paragraph of its own
        line_start = start
        for line in text[start:end].split("\n"):
            line_end = line_start + len(line)
            first_char = line_start + (len(line) - len(line.lstrip()))
            resumed = bool(out) and not out[-1].closed and _closes_first(text, first_char, line_end)
            if resumed:
                found = _paragraph_spans(text, first_char, line_end, opened=first_char)
            elif (
                _DOUBLE.search(line)
                or not _SINGLE_OPENER.search(line)
                or _DOUBLED_SINGLES.search(line)
            ):
                found = _paragraph_spans(text, line_start, line_end)
            else:
                found = _single_spans(text, line_start, line_end)
            turn = label_end(text, first_char, line_end) is not None
            for s, e, closed in found:
                cont = None
                if out and not out[-1].closed and s == first_char and not turn:
                    cont = len(out) - 1 if out[-1].continues is None else out[-1].continues
                out.append(MarkSpan(s, e, closed, cont))
            line_start = line_end + 1
    return out
