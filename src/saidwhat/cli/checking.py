"""``saidwhat check``: did X really say Y? The verdict with its definition, then each match
with its word alignment: in colour on a terminal (added words green, dropped ones struck out
in red, the rest of a longer quote dim), with markers in plain text — ``{+added+}``,
``[-dropped-]``, a change as ``[-quote's words-]{+claim's words+}`` (as wdiff writes them)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.text import Text

from saidwhat.cli.options import DB, JSON, console, print_json
from saidwhat.store import Corpus
from saidwhat.store.align import shorten_context
from saidwhat.store.models import VERDICTS, AlignedWords, CheckMatch, CheckReport

STYLES = {"added": "bold green", "dropped": "red strike", "context": "dim"}
MARKS = {"added": ("{+", "+}"), "dropped": ("[-", "-]")}


def alignment_text(alignment: list[AlignedWords], plain: bool) -> Text:
    """The claim against the quote, word by word, styled or marked."""
    text = Text()

    def put(words: str, kind: str, space: bool = True) -> None:
        if text and space:
            text.append(" ")
        if plain and kind in MARKS:
            words = MARKS[kind][0] + words + MARKS[kind][1]
        text.append(words, style=None if plain else STYLES.get(kind))

    for n, piece in enumerate(alignment):
        if piece.kind == "context":
            put(shorten_context(piece.quote, before=n == 0), "context")
        elif piece.kind == "same":
            put(piece.claim, "same")
        else:
            if piece.quote:
                put(piece.quote, "dropped")
            if piece.claim:
                put(piece.claim, "added", space=not piece.quote)
    return text


def _label(verdict: str) -> str:
    return verdict.replace("_", " ")


def _print_match(match: CheckMatch, heading: str, plain: bool) -> None:
    first = match.first
    where = " ".join(p for p in (first.source, first.date or first.published, first.url) if p)
    console.print(
        Text(
            f"{heading}{_label(match.verdict)} ({match.similarity:.0f}% alike, {match.type}) — "
            f"{match.speaker or 'unknown speaker'}; first: {where or 'unknown outlet'};"
            f" {match.occurrences} occurrence{'' if match.occurrences == 1 else 's'},"
            f" cluster {match.cluster_id}"
        ),
        soft_wrap=True,
    )
    console.print(Text("    ").append(alignment_text(match.alignment, plain)), soft_wrap=True)
    for change in match.changes:
        console.print(Text(f"    {change.describe()}"), soft_wrap=True)
    others = [a for a in match.speakers if a.speaker_id != match.speaker_id]
    if others:
        names = ", ".join(f"{a.speaker or 'unknown'} ({a.occurrences})" for a in others)
        console.print(Text(f"    the same words are also attributed to: {names}"), soft_wrap=True)


def print_report(report: CheckReport) -> None:
    plain = not console.is_terminal or console.no_color
    headline = Text(f"{_label(report.verdict)}: {VERDICTS[report.verdict]}", style="bold")
    console.print(headline, soft_wrap=True)
    console.print(Text(report.summary), soft_wrap=True)
    shown = []
    if report.speaker:
        sides = ((f"by {report.speaker}: ", report.best), ("by others: ", report.others))
        for heading, match in sides:
            if match:
                _print_match(match, heading, plain)
                shown.append(match.cluster_id)
    rest = [m for m in report.matches if m.cluster_id not in shown]
    for n, match in enumerate(rest, 1):
        _print_match(match, f"{n}. ", plain)


def check_command(
    text: str = typer.Argument(..., help="The words someone is said to have said."),
    db: Path = DB,
    speaker: str = typer.Option(
        None, "--speaker", help="Did this person say it? (name, alias or id)"
    ),
    limit: int = typer.Option(5, "--limit", min=1, help="At most this many matches."),
    as_json: bool = JSON,
) -> None:
    """Did X really say Y? A verdict with its evidence: verbatim, verbatim part, altered
    (words added, dropped or changed), contradicts (a negation, quantifier, number, date or
    name changed), reported only, similar topic or not found; each match aligned word by word
    with the claim, with who said it and where and when it appeared first.

    Examples:
      saidwhat check "We will not be intimidated"
      saidwhat check "nobody should choose between a paycheck and getting home alive" --db demo.db
      saidwhat check "the city will never cooperate" --speaker "Ada Quill" --json
    """
    report = Corpus(db, readonly=True).check(text, speaker=speaker, limit=limit)
    if as_json:
        return print_json(report)
    print_report(report)
