"""Split an article text into units (paragraph-sized pieces) without moving any offset.

Blank lines always separate units. Inside a block of lines, a new unit starts at a bullet, and
at any line break where the text is not hard-wrapped prose: news pages put one paragraph a
line ("Copyright AP\\nContact Us"), e-mails and wire feeds wrap lines at ~70 characters.
"""

from __future__ import annotations

import re

BULLET = re.compile(r"(?:[•●▪◦‣∙·*\-–]|\d{1,2}[.)])[ \t\u00a0]+(?=\S)")
_LINE = re.compile(r"[^\n]*\n?")
_WRAP_WIDTH = 100
_TERMINAL = tuple(".!?:\"”’'")


def split_units(text: str) -> list[tuple[int, int]]:
    """(start, end) of each unit, in order, trimmed of surrounding whitespace."""
    units: list[tuple[int, int]] = []
    for block in _blocks(text):
        # In wrapped prose a line well short of the block's width ends its paragraph.
        width = max(end - start for start, end in block) if _is_wrapped(block) else 0
        start, end = block[0]
        for (prev_start, prev_end), (line_start, line_end) in zip(block, block[1:], strict=False):
            line = text[line_start:line_end]
            if width:
                joined = not BULLET.match(line) and prev_end - prev_start >= 0.6 * width
            else:
                joined = _continues(text[start:end], line)
            if joined:
                end = line_end
            else:
                units.append((start, end))
                start, end = line_start, line_end
        units.append((start, end))
    return units


def _blocks(text: str) -> list[list[tuple[int, int]]]:
    """Runs of non-blank lines, each line as its trimmed (start, end)."""
    blocks: list[list[tuple[int, int]]] = [[]]
    for match in _LINE.finditer(text):
        line = match.group().rstrip("\n")
        if not line.strip():
            if blocks[-1]:
                blocks.append([])
            continue
        start = match.start() + len(line) - len(line.lstrip())
        blocks[-1].append((start, match.start() + len(line.rstrip())))
    return [block for block in blocks if block]


def _is_wrapped(block: list[tuple[int, int]]) -> bool:
    """True for hard-wrapped prose: no line is long, most lines (but the last) are near full."""
    if len(block) < 2:
        return False
    lengths = [end - start for start, end in block]
    full = sum(1 for n in lengths[:-1] if n >= 40)
    return max(lengths) <= _WRAP_WIDTH and full >= max(1, (len(lengths) - 1) * 2 // 3)


def _continues(unit: str, line: str) -> bool:
    """In one-paragraph-a-line text, a line goes on the unit only when it is the lower-case
    rest of a broken sentence or bullet item."""
    return line[:1].islower() and not BULLET.match(line) and not unit.endswith(_TERMINAL)
