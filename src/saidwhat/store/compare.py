"""What a claimed wording is to one real quote, read from their word alignment: the same
words (verbatim), a contiguous part of them (verbatim part), the same with a few words added,
dropped or changed (altered), or such an edit that changes what is said (contradicts: a
negation added or dropped, an opposite quantifier, another number, date or name), else
shared words only (similar topic) or nothing (None).

A fuzzy ratio cannot tell "Nobody should have to choose" from "Everybody should have to
choose" (97 of 100); the alignment can, and names the words.
"""

from __future__ import annotations

from dataclasses import dataclass

from saidwhat.lang.meaning import (
    NEGATIONS,
    carries_meaning,
    is_date,
    is_number,
    opposite_quantifiers,
)
from saidwhat.store.align import Piece, Word, align, words
from saidwhat.store.models import CHANGE_NOTES, ChangeKind, MeaningChange, WordVerdict

# Dice overlap of the claim and the part of the quote it stands for, at or above which the
# claim is that quote with edits (altered or contradicts) rather than other words on the same
# topic: one word in three may differ.
NEAR = 0.6
# Near-verbatim also means few edits: at most this share of the claim's content words (or
# EDITED_WORDS) added, dropped or changed, negations, quantifiers, numbers and dates aside
# (their changes are what ``contradicts`` looks for). "This man is totally, thoroughly,
# unqualified to be president" is no altered "this man is running to be president".
EDITED_SHARE = 0.25
EDITED_WORDS = 2
# A claim below NEAR is on a quote's topic when the quote has this share of its content words
# (and at least TOPIC_WORDS of them).
TOPIC_SHARE = 0.5
TOPIC_WORDS = 2


@dataclass(frozen=True)
class Comparison:
    verdict: WordVerdict
    similarity: float  # 0-100: Dice overlap of the claim and the part of the quote it faces
    pieces: list[Piece]
    changes: list[MeaningChange]
    quoted: bool  # every agreeing word of the quote stands inside quote marks

    @property
    def tier(self) -> int:
        """How strong a finding the words are: the same words, near-verbatim, topic only."""
        return {"verbatim": 3, "verbatim_part": 3, "similar_topic": 1}.get(self.verdict, 2)


def compare_texts(claim: str, quote: str) -> Comparison | None:
    return compare(words(claim), words(quote))


def compare(claim: list[Word], quote: list[Word]) -> Comparison | None:
    """The claim's relation to the quote, or None when they share no meaningful words."""
    if not claim or not quote:
        return None
    pieces = align(claim, quote)
    same = [p for p in pieces if p.kind == "same"]
    agreeing = sum(len(p.claim) for p in same)
    faced = sum(len(p.quote) for p in pieces if p.kind != "context")
    similarity = round(200 * agreeing / (len(claim) + faced), 1) if pieces else 0.0
    quoted = all(w.quoted for p in same for w in p.quote)
    edits = [p for p in pieces if p.kind in ("added", "dropped", "changed")]
    if pieces and not edits:
        verbatim = all(p.kind == "same" for p in pieces)
        return Comparison("verbatim" if verbatim else "verbatim_part", 100.0, pieces, [], quoted)
    if similarity >= NEAR * 100 and _few_edits(edits, claim):
        lowercase = not any(c.isupper() for w in claim for c in w.text)
        changes = meaning_changes(edits, lowercase)
        verdict = "contradicts" if changes else "altered"
        return Comparison(verdict, similarity, pieces, changes, quoted)
    if on_topic(claim, quote):
        return Comparison("similar_topic", similarity, pieces, [], quoted)
    return None


def _few_edits(edits: list[Piece], claim: list[Word]) -> bool:
    def edited(side: tuple[Word, ...]) -> int:
        return sum(1 for w in side if w.content and not carries_meaning(w.key))

    count = sum(max(edited(p.claim), edited(p.quote)) for p in edits)
    return count <= max(EDITED_WORDS, EDITED_SHARE * sum(1 for w in claim if w.content))


def on_topic(claim: list[Word], quote: list[Word]) -> bool:
    """Whether the quote has most of the claim's content words."""
    wanted = {w.key for w in claim if w.content}
    shared = wanted & {w.key for w in quote}
    return len(shared) >= TOPIC_WORDS and len(shared) >= TOPIC_SHARE * len(wanted)


def meaning_changes(edits: list[Piece], lowercase: bool = False) -> list[MeaningChange]:
    """The edits that change what is said. ``lowercase``: the claim was typed without capitals,
    so any content word may stand for a name there."""
    changes = []
    for piece in edits:
        claim, quote = piece.keys("claim"), piece.keys("quote")
        found: list[tuple[ChangeKind, str | None]] = []
        if opposite_quantifiers(claim, quote):
            found.append(("quantifier", None))
        else:
            negations = sum(k in NEGATIONS for k in claim) - sum(k in NEGATIONS for k in quote)
            if negations:
                note = "negation added" if negations > 0 else "negation dropped"
                found.append(("negation", note))
        claim_parts = [part for w in piece.claim for part in w.parts]
        quote_parts = [part for w in piece.quote for part in w.parts]
        for kind, test in (("number", is_number), ("date", is_date)):
            mine, theirs = sorted(filter(test, claim_parts)), sorted(filter(test, quote_parts))
            if mine and theirs and mine != theirs:
                found.append((kind, None))
        quote_names = [w for w in piece.quote if w.name_like and not is_date(w.key)]
        claim_names = [
            w
            for w in piece.claim
            if (w.name_like or lowercase and w.content) and not is_date(w.key)
        ]
        if quote_names and claim_names:
            found.append(("name", None))
        claim_said, quote_said = (" ".join(w.text for w in s) for s in (piece.claim, piece.quote))
        changes += [
            MeaningChange(
                kind=kind, claim=claim_said, quote=quote_said, note=note or CHANGE_NOTES[kind]
            )
            for kind, note in found
        ]
    return changes
