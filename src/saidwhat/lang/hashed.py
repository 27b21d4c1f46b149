"""A test of words asked by their hashes, as ``Doc.to_array`` gives them: which tokens hold a
word that passes. Each distinct word is tested once per process and remembered by its hash,
so that an article costs one dictionary look-up per token (finding the article's distinct
words with numpy and reading each one's string to test it cost 0.3-0.6 ms an article, in the
steps that look for cue and head words)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

MAX_KNOWN = 500_000  # words remembered (a crawl keeps bringing new names and typos)


class WordTest:
    """``test`` of a word's string, asked by the word's hash in a string store."""

    def __init__(self, test: Callable[[str], bool]) -> None:
        self.test = test
        self.known: dict[int, bool] = {}

    def positions(self, strings: Mapping[int, str], words: list[int]) -> list[int]:
        """The positions in ``words`` (hashes of ``strings``) of the words that pass."""
        known = self.known
        if len(known) > MAX_KNOWN:
            known.clear()
        out = []
        for i, word in enumerate(words):
            passes = known.get(word)
            if passes is None:
                passes = known[word] = self.test(strings[word])
            if passes:
                out.append(i)
        return out
