"""Turns of a dialogue written as prose: a question and its answer alternate speakers.

News most often continues a speaker over quote paragraphs with no cue of their own ("We will
win," Smith said. / "The people are with us."), so that stays the default reading. A written
dialogue is told apart by its questions: after two speakers have traded turns in consecutive
paragraphs, an unattributed answer to a question goes to the one who did not ask it, and an
unattributed question after an answer goes back to the one who asked before.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from saidwhat.quotes.marked import is_question
from saidwhat.records import Quote
from saidwhat.speakers.entity import Entity


@dataclass(frozen=True)
class Turn:
    """A quote already attributed: where it is, what it says, who said it and how surely."""

    quote: Quote
    speaker: Entity | None
    certainty: float


def other_party(
    turns: list[Turn], text: str, start: int, paragraph_starts: list[int]
) -> Turn | None:
    """The turn of the other party of a dialogue, whose speaker says the quote ``text`` at
    ``start`` (a quote with no source of its own); None when the quotes before are no
    dialogue of two speakers in consecutive paragraphs, or the question rule does not say."""
    if len(turns) < 2:
        return None
    last, before = turns[-1], turns[-2]
    if last.speaker is None or before.speaker is None or last.speaker is before.speaker:
        return None
    here = bisect_right(paragraph_starts, start)
    last_at = bisect_right(paragraph_starts, last.quote.start)
    before_at = bisect_right(paragraph_starts, before.quote.start)
    if not here - last_at == last_at - before_at == 1:
        return None  # not three consecutive paragraphs, one turn each
    asked, asks = is_question(last.quote.text), is_question(text)
    if asked and not asks:
        return before  # the answer to the question just asked
    if asks and not asked and is_question(before.quote.text):
        return before  # the asker asks again after the answer
    return None
