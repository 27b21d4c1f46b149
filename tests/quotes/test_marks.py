"""Quote-mark spans on raw text (no parse): pairing, paragraphs, stray marks, apostrophes."""

from __future__ import annotations

from saidwhat.quotes.marks import find_mark_spans


def spans_of(text: str) -> list[tuple[str, bool, int | None]]:
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    return [(text[m.start : m.end], m.closed, m.continues) for m in find_mark_spans(text, lines)]


def test_straight_and_curly_pairs():
    expected = [('"yes"', True, None), ("\u201cno\u201d", True, None)]
    assert spans_of('He said "yes" and \u201cno\u201d.') == expected


def test_apostrophes_and_nested_single_quotes_are_not_marks():
    text = "\u201cIt\u2019s the \u2018best\u2019 plan,\u201d she said. Don't worry."
    assert spans_of(text) == [("\u201cIt\u2019s the \u2018best\u2019 plan,\u201d", True, None)]


def test_unclosed_paragraph_continues_into_reopened_paragraph():
    text = '"First part.\n"Second part."\nNo quote here.'
    assert spans_of(text) == [('"First part.', False, None), ('"Second part."', True, 0)]


def test_stray_closing_mark_is_ignored():
    assert spans_of("A stray \u201d mark and \u201ca quote\u201d.") == [
        ("\u201ca quote\u201d", True, None)
    ]
