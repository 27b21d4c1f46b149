"""Word-level alignment of a claimed wording against a real quote: which words agree, which the
claim added, dropped or changed, and which words of a longer quote lie outside the part the
claim corresponds to (context). What ``check`` shows as its evidence and reads its verdicts
from.

Words are compared in the store's normalised form (case, punctuation and quote marks aside)
with number words as digits ("three" is "3"), and shown as printed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from saidwhat.lang.meaning import number_key
from saidwhat.lang.words import STOPWORDS

_WORD = re.compile(r"\w+(?:['’]\w+)*|%")
_OPENING = '“«„"'
_QUOTE_MARKS = '“”«»„"'
_SENTENCE_END = re.compile(r"[.!?:;…]|[“«„\"]\s*$")

PieceKind = Literal["same", "added", "dropped", "changed", "context"]


@dataclass(frozen=True)
class Word:
    text: str  # as printed
    key: str  # as compared
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


def _fold(token: str) -> str:
    """A word as ``lang.text.normalise`` spells it (a word has no other marks to drop)."""
    return unicodedata.normalize("NFKC", token).casefold().replace("'", "").replace("’", "")


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
        key = "percent" if token == "%" else number_key(_fold(token))
        if key:
            initial = not found or bool(_SENTENCE_END.search(between))
            found.append(Word(token, key, match.start(), match.end(), inside, initial))
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
    pieces = [Piece("context", quote=tuple(quote[:start]))] if start else []
    matcher = SequenceMatcher(None, claim_keys, quote_keys[start:end], autojunk=False)
    kinds = {"equal": "same", "replace": "changed", "delete": "added", "insert": "dropped"}
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        pieces.append(Piece(kinds[tag], tuple(claim[i1:i2]), tuple(quote[start + j1 : start + j2])))
    if end < len(quote):
        pieces.append(Piece("context", quote=tuple(quote[end:])))
    return pieces


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
