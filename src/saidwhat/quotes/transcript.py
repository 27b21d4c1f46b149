"""Interview transcripts: a speaker label and a colon open each turn ("PENCE: …", "Q: …",
"MR. O'NEIL: …", "JONES-SMITH: …"), and the turn is what that speaker said, up to the next
label. An article is read as a transcript only when at least two lines open with a label, so
one "UPDATE:" or "WATCH:" line is never a speaker.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from saidwhat.quotes.marks import SPEAKER_LABEL
from saidwhat.quotes.proposals import Raw, Regions

MIN_TURNS = 2
# all-capital words that open a line with a colon without naming a speaker
NOT_SPEAKERS = {"BREAKING", "UPDATE", "UPDATED", "WATCH", "VIDEO", "PHOTO", "PHOTOS", "NOTE",
                "CORRECTION", "EXCLUSIVE", "LIVE", "READ", "RELATED", "SOURCE", "SOURCES",
                "ADVERTISEMENT", "WARNING", "ALERT", "FACT", "CHECK", "TRANSCRIPT", "EDITOR'S",
                "EDITOR\u2019S", "SEE", "ALSO", "MORE", "AUDIO", "LISTEN"}  # fmt: skip
# a line that is only a stage direction: "(CROSSTALK.)", "[LAUGHTER]"
_STAGE = re.compile(r"[\"\u201c\u2018']?\s*[(\[][^)\]]*[)\]]\W*")


def _is_speaker(label: str) -> bool:
    return not any(word in NOT_SPEAKERS for word in label.replace(".", " ").split())


def _lines(text: str, regions: Regions) -> list[tuple[int, int]]:
    """Every non-empty line of the read regions, as (start, end) with edges trimmed."""
    out = []
    for start, end in regions.spans:
        pos = start
        for line in text[start:end].split("\n"):
            lo, hi = pos + len(line) - len(line.lstrip()), pos + len(line.rstrip())
            if hi > lo:
                out.append((lo, hi))
            pos += len(line) + 1
    return out


def transcript_candidates(doc: Doc, regions: Regions) -> list[Raw]:
    """One candidate per turn: the label is the source, the colon the cue, the rest of the
    line (and the unlabelled lines after it, up to the next turn) the content."""
    text = regions.text
    lines = _lines(text, regions)
    turns: list[tuple[int, re.Match[str]]] = []  # (line index, label match)
    for n, (lo, hi) in enumerate(lines):
        found = SPEAKER_LABEL.match(text, lo, hi)
        if found is not None and _is_speaker(found.group(1)):
            turns.append((n, found))
    if len(turns) < MIN_TURNS:
        return []
    out = []
    for k, (n, label) in enumerate(turns):
        last = turns[k + 1][0] if k + 1 < len(turns) else n + 1  # the last turn: its own line
        fragments = [(label.end(), _content_end(text, lines[n]))]
        for lo, hi in lines[n + 1 : last]:
            if _STAGE.fullmatch(text, lo, hi):
                break
            fragments.append((lo, _content_end(text, (lo, hi))))
        colon = doc.char_span(label.end(1), label.end(1) + 1, alignment_mode="expand")
        source = doc.char_span(label.start(1), label.end(1), alignment_mode="expand")
        if colon is None or source is None:
            continue
        fragments = [(s, e) for s, e in fragments if e > s]
        if not fragments:
            continue
        raw = Raw("transcript-turn", fragments, colon[0], (label.end(1), label.end(1) + 1))
        raw.subject, raw.source = source[-1], label.span(1)
        raw.evidence.append("speaker-label")
        out.append(raw)
    return out


def _content_end(text: str, line: tuple[int, int]) -> int:
    """The line's end without a closing quote mark left alone at its end."""
    end = line[1]
    while end > line[0] and text[end - 1] in "\"\u201d\u2019' ":
        end -= 1
    return end if end > line[0] else line[1]
