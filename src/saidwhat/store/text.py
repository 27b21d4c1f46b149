"""Text keys of the store: normalised wording, word-shingle fingerprints, filter tags.

Two quotes are the same wording when their normalised forms are equal (case, punctuation,
quote-mark style and spacing ignored). Near-duplicates (trimmed, partly quoted, lightly edited)
share winnowed word 4-gram fingerprints: any common run of at least ``SHINGLE + WINDOW - 1``
words is guaranteed to share one, so an index of fingerprints finds them without all-pairs.
"""

from __future__ import annotations

import hashlib

from saidwhat.lang.text import normalise
from saidwhat.lang.words import STOPWORDS

SHINGLE = 4  # words per shingle
WINDOW = 4  # winnowing window: shared runs of >= 7 words always meet


def content_words(norm: str) -> set[str]:
    """The words of a normalised wording that carry its meaning (no stopwords, no 1-2 letter
    words): what a paraphrase must mostly keep, and what check searches the full text for."""
    return {w for w in norm.split() if w not in STOPWORDS and len(w) > 2}


def stable_hash(text: str) -> int:
    """A 63-bit hash that is the same in every process (Python's hash() is salted)."""
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def shingles(norm: str) -> list[int]:
    """Hashes of every run of SHINGLE words, in order (one hash for shorter texts)."""
    words = norm.split()
    if len(words) <= SHINGLE:
        return [stable_hash(norm)] if words else []
    return [stable_hash(" ".join(words[i : i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)]


def fingerprints(norm: str) -> set[int]:
    """The winnowed subset of the shingle hashes (minimum of each window of WINDOW)."""
    hashes = shingles(norm)
    if len(hashes) <= WINDOW:
        return set(hashes)
    return {min(hashes[i : i + WINDOW]) for i in range(len(hashes) - WINDOW + 1)}


def person_tag(person_id: int) -> str:
    return f"p{person_id}"


def source_tag(source: str) -> str:
    """One alphanumeric token for an outlet, the same for 'Daily Tide' and 'daily tide'."""
    return f"s{stable_hash(normalise(source)) % 36**12:x}"


def type_tag(quote_type: str) -> str:
    return f"t{quote_type}"


def quote_tags(person_id: int | None, source: str | None, quote_type: str | None) -> str:
    """The filter tags of a quote, indexed beside its words (see store.search)."""
    tags = [person_tag(person_id) if person_id is not None else ""]
    tags += [source_tag(source) if source else "", type_tag(quote_type) if quote_type else ""]
    return " ".join(t for t in tags if t)
