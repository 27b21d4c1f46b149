"""Wording as a key: what two spellings of the same words have in common.

Read by the name model (``lang.names``), the organisation key (``lang.orgs``) and the store's
clusters, search tags and check (``store.text``).
"""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Lower-case words only: 'Don't,  he said—"NO."' and 'dont he said no' are one wording."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "").replace("'", "")
    return _SPACE.sub(" ", _NON_WORD.sub(" ", text)).strip()
