"""Quote-mark spans: where double quotation marks open and close, paragraph by paragraph.

Text-level (no parse), so it never fails on odd input: a stray closing mark is ignored, an
unclosed quote runs to the end of its paragraph, and the news convention of multi-paragraph
quotes (a paragraph opens a quote without closing it; the next paragraph re-opens with a quote
mark) links the pieces into one quote. Single quotes inside double quotes are content (nested
quotes); apostrophes are never marks.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENERS = "\u201c\u201e\u00ab\u201f"  # “ „ « ‟
CLOSERS = "\u201d\u00bb"  # ” »
STRAIGHT = '"'
# a straight mark opens after these (or at the start of a paragraph), otherwise it closes
OPEN_CONTEXT = set(" \t\n([{\u2014\u2013-/:;,\u00a0")


@dataclass
class MarkSpan:
    """One quotation in marks: [start, end) includes the marks; ``closed`` is False when the
    paragraph ended first. ``continues`` is the index of the span it continues (multi-paragraph
    quotes), else None."""

    start: int
    end: int
    closed: bool
    continues: int | None = None


def _paragraph_spans(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """(open, close_end, closed) for every double-quoted stretch in text[start:end]."""
    spans: list[tuple[int, int, bool]] = []
    opened: int | None = None
    i = start
    while i < end:
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
            elif two_singles and (i == start or text[i - 1] in OPEN_CONTEXT):
                opened = i  # '' used as an opening mark (old wire style)
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
        tail = end
        while tail > opened and text[tail - 1].isspace():
            tail -= 1
        if tail - opened > 1:
            spans.append((opened, tail, False))
    return spans


def find_mark_spans(text: str, regions: list[tuple[int, int]]) -> list[MarkSpan]:
    """Quotation spans in text order within the given regions (paragraphs, in text order)."""
    out: list[MarkSpan] = []
    for start, end in regions:
        # a region may hold several lines: treat each line as a paragraph of its own
        line_start = start
        for line in text[start:end].split("\n"):
            line_end = line_start + len(line)
            first_char = line_start + (len(line) - len(line.lstrip()))
            for s, e, closed in _paragraph_spans(text, line_start, line_end):
                cont = None
                if out and not out[-1].closed and s == first_char:
                    cont = len(out) - 1 if out[-1].continues is None else out[-1].continues
                out.append(MarkSpan(s, e, closed, cont))
            line_start = line_end + 1
    return out
