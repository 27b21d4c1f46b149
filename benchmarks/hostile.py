"""Time against size for hostile inputs: the cost of extraction must grow linearly (or as
n log n) with the input, else one pasted megabyte keeps a worker busy for days (issue 11:
2,500 bare quote marks took 5.6 s, 5,000 took 21 s, 10,000 took 86 s).

Kinds (all invented text): ``marks``, straight quote marks only; ``spaced``, quote marks
and spaces; ``line``, one line of words without punctuation; ``quotes``, short quotes one
after another on one line ('"Yes 1," said Ann Lowe.'); ``people``, the same by a different
person each, with a title and a body; ``pronouns``, the same by 'she'; ``continued``, one quote
continued over N paragraphs; ``html``, a paragraph nested N elements deep.

Each size doubles the one before; the last column is the time per unit, which stays flat
when the growth is linear and doubles with each row when it is quadratic. A series stops
after a run over --cap seconds. CPU seconds in this process, after one warm-up extraction.

    .venv/bin/python benchmarks/hostile.py [--kinds marks,line] [--cap 60] [--max-chars 1000000]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

PARAGRAPH = (
    '<p>"The bridge opens in May," said Ottoline Farrant, the county engineer.'
    " Work on the crossing began two years ago.</p>"
)


def marks(n: int) -> str:
    return '"' * n


def spaced(n: int) -> str:
    return '" ' * n


def line(n: int) -> str:
    words = ["harbour", "ferry", "council", "winter", "Pellworth", "boats", "timetable", "the"]
    return " ".join(words[i % len(words)] for i in range(n))


def quotes(n: int) -> str:
    return " ".join(f'"Yes {i}," said Ann Lowe.' for i in range(n))


GIVEN = ["Ann", "Bram", "Cleo", "Dov", "Esme", "Finn", "Greta", "Hugo", "Ines", "Jory"]


def surname(i: int) -> str:
    """An invented surname per number: Vel + letters ('Velab', 'Velac', ...)."""
    letters = ""
    while True:
        i, r = divmod(i, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[r]
        if not i:
            return "Vel" + letters


def people(n: int) -> str:
    return " ".join(
        f'"Yes {i}," said {GIVEN[i % len(GIVEN)]} {surname(i)}, a spokeswoman for the'
        f" {surname(i).upper()} Harbour Board."
        for i in range(n)
    )


def continued(n: int) -> str:
    lead = '"The ferry will run all winter," said Ann Lowe, the harbour master.'
    return "\n\n".join([lead, *(f'"And the boats will sail on day {i}."' for i in range(n))])


def pronouns(n: int) -> str:
    lead = "Ann Lowe, the harbour master, spoke on Monday in Pellworth."
    return " ".join([lead, *(f'"Yes {i}," she said.' for i in range(n))])


def html(n: int) -> str:
    head = "<html><head><title>Bridge opens</title></head><body>"
    return f"{head}{'<div>' * n}{PARAGRAPH}{'</div>' * n}</body></html>"


KINDS: dict[str, tuple[Callable[[int], str], int, str]] = {
    # kind: (input of size n, first n, what n counts)
    "marks": (marks, 1000, "marks"),
    "spaced": (spaced, 1000, "marks"),
    "line": (line, 10_000, "words"),
    "quotes": (quotes, 500, "quotes"),
    "people": (people, 500, "people"),
    "pronouns": (pronouns, 500, "quotes"),
    "continued": (continued, 500, "paragraphs"),
    "html": (html, 1000, "levels"),
}


def run(kind: str, cap: float, max_chars: int) -> None:
    from saidwhat.errors import InputError
    from saidwhat.pipeline import extract

    make, n, unit = KINDS[kind]
    print(f"\n{kind}")
    print(f"{unit:>10} {'characters':>11} {'quotes':>7} {'CPU s':>8} {'ms per 1000':>12}")
    while True:
        text = make(n)
        if len(text) > max_chars:
            break
        started = time.process_time()
        try:
            found = len(extract(text).quotes)
        except InputError:
            found = 0
        seconds = time.process_time() - started
        print(f"{n:>10,} {len(text):>11,} {found:>7} {seconds:>8.2f} {seconds / n * 1e6:>12.1f}")
        if seconds > cap:
            break
        n *= 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", default=",".join(KINDS), help="comma-separated")
    parser.add_argument("--cap", type=float, default=60.0, help="stop a series after this")
    parser.add_argument("--max-chars", type=int, default=1_000_000, help="largest input")
    args = parser.parse_args()
    from saidwhat.pipeline import extract

    extract('"Warm up," said Ann Lowe.')
    for kind in args.kinds.split(","):
        run(kind, args.cap, args.max_chars)


if __name__ == "__main__":
    main()
