"""What the quotes step hands to the speakers step: content, cue and source as written."""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter

from saidwhat.records import QuoteSection, QuoteType

UNATTRIBUTED = "no cue found: kept as a quotation without a speaker"
"""The evidence of a quotation in marks that no cue claims and the scorer did not keep: shown
with no speaker and a low confidence, and no attribution (``saidwhat evaluate`` leaves it out
of the predictions it scores)."""


_END = itemgetter(1)


class FragmentExtent:
    """``start``/``end`` of whatever holds content ``fragments`` (a split quote has several)."""

    fragments: list[tuple[int, int]]

    @property
    def start(self) -> int:
        return min(self.fragments)[0]  # the least (start, end) has the least start

    @property
    def end(self) -> int:
        return max(map(_END, self.fragments))  # no generator: asked ~60,000 times a dev pass

    def holds(self, at: int) -> bool:
        """Whether character ``at`` lies in the content (in one of its fragments)."""
        return any(s <= at < e for s, e in self.fragments)


@dataclass
class QuoteCandidate(FragmentExtent):
    """A found attribution before speaker resolution. Spans are (start, end) into article.text."""

    fragments: list[tuple[int, int]]
    type: QuoteType
    section: QuoteSection = "paragraph"
    cue: tuple[int, int] | None = None
    source: tuple[int, int] | None = None
    score: float = 0.5
    evidence: list[str] = field(default_factory=list)
