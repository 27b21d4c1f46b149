"""What the quotes step hands to the speakers step: content, cue and source as written."""

from __future__ import annotations

from dataclasses import dataclass, field

from saidwhat.records import QuoteSection, QuoteType

UNATTRIBUTED = "no cue found: kept as a quotation without a speaker"
"""The evidence of a quotation in marks that no cue claims and the scorer did not keep: shown
with no speaker and a low confidence, and no attribution (``saidwhat evaluate`` leaves it out
of the predictions it scores)."""


class FragmentExtent:
    """``start``/``end`` of whatever holds content ``fragments`` (a split quote has several)."""

    fragments: list[tuple[int, int]]

    @property
    def start(self) -> int:
        return min(s for s, _ in self.fragments)

    @property
    def end(self) -> int:
        return max(e for _, e in self.fragments)


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
