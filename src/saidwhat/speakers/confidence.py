"""How sure an attribution is, as a probability that the quote and its speaker are right.

The raw figure is the quote finder's probability times the certainty of the speaker hops; an
isotonic table fitted on PolNeAR train (``scripts/fit_speaker_confidence.py`` writes
``saidwhat/models/speaker_confidence.json``) maps it to the observed share of attributions
right with speaker, so that quotes scored >= 0.8 are right at least 80% of the time
(checked on dev by ``saidwhat evaluate``).
"""

from __future__ import annotations

import bisect
import json
from functools import lru_cache
from importlib import resources

MODEL_FILE = "speaker_confidence.json"


def raw_confidence(quote_score: float, speaker_certainty: float) -> float:
    """Quote probability times speaker certainty, both clipped to [0, 1]."""
    return max(0.0, min(1.0, quote_score)) * max(0.0, min(1.0, speaker_certainty))


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The fitted (raw, calibrated) steps; empty when no table is installed."""
    path = resources.files("saidwhat.models") / MODEL_FILE
    if not path.is_file():
        return (), ()
    table = json.loads(path.read_text(encoding="utf-8"))
    return tuple(table["x"]), tuple(table["y"])


def calibrate(raw: float) -> float:
    """Linear interpolation in the fitted table (clipped at its ends)."""
    xs, ys = _table()
    if not xs:
        return raw
    i = bisect.bisect_left(xs, raw)
    if i == 0:
        return ys[0]
    if i == len(xs):
        return ys[-1]
    x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
    return y0 if x1 == x0 else y0 + (y1 - y0) * (raw - x0) / (x1 - x0)


def confidence(quote_score: float, speaker_certainty: float, calibrated: bool = True) -> float:
    """The confidence a Quote record carries, rounded to 3 places."""
    raw = raw_confidence(quote_score, speaker_certainty)
    return round(calibrate(raw) if calibrated else raw, 3)
