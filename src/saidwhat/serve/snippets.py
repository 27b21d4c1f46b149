"""Search snippets from the store mark matching words as ``[word]``; the page shows them in
bold. The snippet is split into (text, is_match) pairs so that the template escapes every
piece itself: a bracket in a quote can at worst bold the wrong words, never inject markup."""

from __future__ import annotations

import re

_MATCH = re.compile(r"\[([^\[\]]*)\]")


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    parts: list[tuple[str, bool]] = []
    position = 0
    for match in _MATCH.finditer(snippet):
        if match.start() > position:
            parts.append((snippet[position : match.start()], False))
        parts.append((match.group(1), True))
        position = match.end()
    if position < len(snippet):
        parts.append((snippet[position:], False))
    return parts
