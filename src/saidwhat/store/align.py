"""Word-level alignment of a claimed wording against a real quote: which words agree, which the
claim added, dropped or changed, and which words of a longer quote lie outside the part the
claim corresponds to (context). What ``check`` shows as its evidence and reads its verdicts
from.

Words are compared without case, punctuation and quote marks, a word's inner hyphens, dots
and slashes ("off-ramp", "U.S.", "9/11") included, and with number words as digits ("three"
is "3"); words written apart or together ("off ramp", "offramp") agree. They are shown as
printed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from saidwhat.lang.meaning import number_key
from saidwhat.lang.titles import TITLE_DISPLAY
from saidwhat.lang.words import HONORIFICS, STOPWORDS

_WORD = re.compile(r"\w+(?:[-'’./]\w+)*|%")  # "off-ramp", "U.S", "9/11" are one word each
_PART_MARKS = re.compile(r"[-./]")
_OPENING = '“«„"'
_QUOTE_MARKS = '“”«»„"'
_SENTENCE_END = re.compile(r"[.!?:;…]|[“«„\"]\s*$")

# Words whose dot is no sentence end ("Mrs. Clinton": "Clinton" is capitalised as a name).
ABBREVIATIONS = HONORIFICS | {t[:-1] for t in TITLE_DISPLAY if t.endswith(".")} | {"st", "mt", "jr"}

PieceKind = Literal["same", "added", "dropped", "changed", "context"]


@dataclass(frozen=True)
class Word:
    text: str  # as printed
    key: str  # as compared: its parts joined
    parts: tuple[str, ...]  # split at inner hyphens, dots, slashes ("seven-and-a-half")
    start: int
    end: int
    quoted: bool  # inside quote marks (the directly quoted words of a mixed quote)
    initial: bool  # the first word of a sentence, so its capital is no sign of a name

    @property
    def name_like(self) -> bool:
        """Capitalised where a common word would not be ("Clinton", not "We" or "USA")."""
        return (
            not self.initial
            and self.text[:1].isupper()
            and any(c.islower() for c in self.text)
            and self.key != "i"
        )

    @property
    def content(self) -> bool:
        return self.key not in STOPWORDS and len(self.key) > 2


def _parts(token: str) -> tuple[str, ...]:
    """A word's parts without case and marks, number words as digits: "Off-ramp" is
    ("off", "ramp"), "U.S" ("u", "s"), "seven-and-a-half" ("7", "and", "a", "half")."""
    if token.isascii():
        folded = token.lower().replace("'", "")
    else:
        folded = unicodedata.normalize("NFKC", token).casefold().replace("'", "").replace("’", "")
    if not _PART_MARKS.search(folded):
        return (number_key(folded),) if folded else ()
    return tuple(number_key(part) for part in _PART_MARKS.split(folded) if part)


def words(text: str) -> list[Word]:
    """The words of a text with where they are; a word is inside quote marks when an odd
    number of marks (or an opening curly mark not yet closed) comes before it."""
    found: list[Word] = []
    inside = False
    position = 0
    for match in _WORD.finditer(text):
        between = text[position : match.start()]
        for mark in between:
            if mark in _QUOTE_MARKS:
                inside = mark in _OPENING and (mark != '"' or not inside)
        token = match.group(0)
        parts = ("percent",) if token == "%" else _parts(token)
        if parts:
            abbreviated = between.startswith(".") and found and found[-1].key in ABBREVIATIONS
            initial = not found or (bool(_SENTENCE_END.search(between)) and not abbreviated)
            word = Word(token, "".join(parts), parts, match.start(), match.end(), inside, initial)
            found.append(word)
        position = match.end()
    return found


@dataclass(frozen=True)
class Piece:
    """A stretch of the alignment: the claim's words and the quote's words it stands for."""

    kind: PieceKind
    claim: tuple[Word, ...] = ()
    quote: tuple[Word, ...] = ()

    def keys(self, side: str) -> list[str]:
        return [w.key for w in (self.claim if side == "claim" else self.quote)]


def _is_anchor(keys: list[str], start: int, size: int) -> bool:
    """A run of agreeing words that places the claim in the quote: two words or more, or one
    content word (a lone "the" agrees anywhere)."""
    return size >= 2 or (size == 1 and keys[start] not in STOPWORDS and len(keys[start]) > 2)


def align(claim: list[Word], quote: list[Word]) -> list[Piece]:
    """The claim against the quote, in order. The part of the quote the claim stands for runs
    from the first to the last anchor, widened by as many words as the claim has before and
    after its anchors within the sentence (so that "Everybody" at the claim's start faces the
    quote's "Nobody"); the quote's words outside it are context, never dropped words. Empty
    when nothing anchors."""
    claim_keys, quote_keys = [w.key for w in claim], [w.key for w in quote]
    blocks = SequenceMatcher(None, claim_keys, quote_keys, autojunk=False).get_matching_blocks()
    anchors = [b for b in blocks if b.size and _is_anchor(claim_keys, b.a, b.size)]
    if not anchors:
        return []
    first, last = anchors[0], anchors[-1]
    start = first.b
    while start > 0 and first.b - start < first.a and not quote[start].initial:
        start -= 1
    end = last.b + last.size
    while end < len(quote) and end - last.b - last.size < len(claim) - last.a - last.size:
        if quote[end].initial:
            break
        end += 1
    matcher = SequenceMatcher(None, claim_keys, quote_keys[start:end], autojunk=False)
    kinds = {"equal": "same", "replace": "changed", "delete": "added", "insert": "dropped"}
    pieces = [
        Piece(kinds[tag], tuple(claim[i1:i2]), tuple(quote[start + j1 : start + j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]
    return _tidy(pieces, quote[:start], quote[end:])


def _tidy(pieces: list[Piece], before: list[Word], after: list[Word]) -> list[Piece]:
    """Words written apart or together agree ("off ramp", "off-ramp"), also when the quote's
    half of such a word fell outside the part the claim faces ("[I]f" against "If"); runs of
    agreeing words become one piece; the quote's words outside are context."""
    if pieces and pieces[0].kind == "changed":
        pieces[0], before = _absorb(pieces[0], before, at_start=True)
    if pieces and pieces[-1].kind == "changed":
        pieces[-1], after = _absorb(pieces[-1], after, at_start=False)
    tidy = [Piece("context", quote=tuple(before))] if before else []
    for piece in pieces:
        if piece.kind == "changed" and _joined(piece.claim) == _joined(piece.quote):
            piece = Piece("same", piece.claim, piece.quote)
        if tidy and tidy[-1].kind == piece.kind == "same":
            piece = Piece("same", tidy[-1].claim + piece.claim, tidy[-1].quote + piece.quote)
            tidy.pop()
        tidy.append(piece)
    if after:
        tidy.append(Piece("context", quote=tuple(after)))
    return tidy


def _absorb(piece: Piece, context: list[Word], at_start: bool) -> tuple[Piece, list[Word]]:
    """The changed piece with up to two context words next to it, if with them the quote's
    words join up to the claim's."""
    for n in (1, 2):
        if len(context) < n:
            break
        taken = tuple(context[-n:]) if at_start else tuple(context[:n])
        quote = taken + piece.quote if at_start else piece.quote + taken
        if _joined(quote) == _joined(piece.claim):
            rest = context[:-n] if at_start else context[n:]
            return Piece("changed", piece.claim, quote), rest
    return piece, context


def _joined(found: tuple[Word, ...]) -> str:
    return "".join(w.key for w in found)


def span_text(text: str, found: tuple[Word, ...]) -> str:
    """The words as printed, with what stands between them (punctuation, marks) in between."""
    return text[found[0].start : found[-1].end] if found else ""


def shorten_context(text: str, before: bool, keep: int = 8) -> str:
    """The words of a longer quote next to the part a claim stands for: the last ``keep``
    words before it (``before``) or the first ``keep`` after it, the rest an ellipsis."""
    parts = text.split()
    if len(parts) <= keep:
        return text
    return "… " + " ".join(parts[-keep:]) if before else " ".join(parts[:keep]) + " …"
