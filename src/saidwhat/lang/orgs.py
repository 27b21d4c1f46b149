"""One key for the ways a body's name is written, read by extraction (one article's bodies) and
by the store (organisations across articles), so that both join the same variants:
"the Department of Justice" = "Justice Department" = "Justice Department's"."""

from __future__ import annotations

import re

from saidwhat.lang.text import normalise

_EDGE = re.compile(
    r"^[\s,.;:\"'\u201c\u201d\u2018\u2019()]+|[\s,.;:\"'\u201c\u201d\u2018\u2019()]+$"
)
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_OF_FORM = re.compile(r"(department|ministry) of (\w+)")


def org_key(name: str) -> str:
    """'The Department of Justice' -> 'justice department'; case, punctuation, a leading
    'the' and a trailing possessive aside."""
    text = _POSSESSIVE.sub("", _EDGE.sub("", name))
    key = normalise(text)
    key = key[4:] if key.startswith("the ") else key
    match = _OF_FORM.fullmatch(key)
    return f"{match.group(2)} {match.group(1)}" if match else key
