"""The white-space class is exactly what Python strips, in both regex dialects' spelling."""

from __future__ import annotations

import re
import sys

from saidwhat.lang.space import BLANK, SPACE_CLASS


def test_the_class_is_exactly_str_isspace() -> None:
    space = re.compile(f"[{SPACE_CLASS}]")
    for code in range(sys.maxunicode + 1):
        assert bool(space.fullmatch(chr(code))) == chr(code).isspace(), hex(code)
    assert re.match(BLANK, " \u3000\t") and re.match(BLANK, "") and not re.match(BLANK, " x ")
    assert "\\s" not in SPACE_CLASS and "\\d" not in SPACE_CLASS
