"""``saidwhat report``: who gets a voice, by outlet, by month or both, as a table, CSV or
JSON (the figures of ``Corpus.report``)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import get_args

import typer

from saidwhat.cli.options import (
    DB,
    ROLES,
    SINCE,
    TYPE,
    UNTIL,
    cli_filters,
    print_json,
    use_roles,
)
from saidwhat.errors import SaidwhatError
from saidwhat.lang.roles import ROLE_NAMES
from saidwhat.store import Corpus
from saidwhat.store.report import By, ReportRow, flat

FORMATS = ("table", "csv", "json")


def register(app: typer.Typer) -> None:
    app.command("report")(report_command)
    app.command("relabel")(relabel_command)


def report_command(
    by: str = typer.Option("outlet", "--by", help="outlet, month or both."),
    db: Path = DB,
    outlet: str = typer.Option(None, "--outlet", help="Only this outlet."),
    since: str = SINCE,
    until: str = UNTIL,
    type_: str = TYPE,
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv or json."),
) -> None:
    """Who gets a voice: articles, quotes and sources per outlet and/or month, the share of
    quotes and of sources that are anonymous, by role and by gender (as the articles refer
    to them), the quote types and the most quoted speakers.

    A source is one speaker of one article; a person quoted in three articles is three
    sources and one speaker.

    Examples:
      saidwhat report --by outlet
      saidwhat report --by month --outlet AP --since 2024 --format csv > ap.csv
      saidwhat report --by both --format json
    """
    if by not in get_args(By):
        raise SaidwhatError(f"--by {by}: use outlet, month or both")
    if fmt not in FORMATS:
        raise SaidwhatError(f"--format {fmt}: use table, csv or json")
    filters = cli_filters(source=outlet, since=since, until=until, type=type_)
    found = Corpus(db, readonly=True).report(by, filters=filters)
    if fmt == "json":
        return print_json(found)
    if fmt == "csv":
        columns, rows = flat(found)
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, columns)
        writer.writeheader()
        writer.writerows(rows)
        return typer.echo(buffer.getvalue(), nl=False)
    heads = {"outlet": ["outlet"], "month": ["month"], "both": ["outlet", "month"]}[by]
    lines = [[*heads, *COLUMNS]]
    lines += [[*(_key(row, h) for h in heads), *_cells(row)] for row in found.rows]
    lines.append([*(["all"] * len(heads)), *_cells(found.total)])
    typer.echo(f"Who gets a voice\n\n{_aligned(lines)}\n\n{CAPTION}")
    if not found.rows:
        typer.echo("no quotes found", err=True)


COLUMNS = ["articles", "quotes", "sources", "anonymous", "women", "men", "roles", "direct",
           "most quoted"]  # fmt: skip
CAPTION = (
    "shares of sources (anonymous: of sources / of quotes; direct: of quotes);"
    " all figures: --format csv or json"
)


def _aligned(lines: list[list[str]]) -> str:
    """Plain text columns, the header and the total set off by rules: a table of 1,440
    outlet-months printed in milliseconds (rich took 5 CPU-seconds) and kept whole when
    piped, where rich cut the columns to the terminal's width."""
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    numbers = {i for i, head in enumerate(lines[0]) if head in COLUMNS[:3]}

    def text(line: list[str]) -> str:
        cells = (c.rjust(w) if i in numbers else c.ljust(w) for i, (c, w) in
                 enumerate(zip(line, widths, strict=True)))  # fmt: skip
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([text(lines[0]), rule, *map(text, lines[1:-1]), rule, text(lines[-1])])


def _key(row: ReportRow, head: str) -> str:
    if head == "outlet":
        return row.outlet or "(unknown)"
    return row.month or "(undated)"


def _pct(share: float) -> str:
    return f"{100 * share:.0f}%"


def _cells(row: ReportRow) -> list[str]:
    """The figures of one row: counts, then shares as percentages."""
    quotes, sources = row.quote_shares, row.source_shares
    anonymous = (
        f"{_pct(sources['anonymity']['anonymous'])}/{_pct(quotes['anonymity']['anonymous'])}"
    )
    roles = sorted(
        ((r, s) for r, s in sources["role"].items() if r != "unknown" and s),
        key=lambda item: -item[1],
    )
    role = ", ".join(f"{ROLE_NAMES[r].split('/')[0]} {_pct(s)}" for r, s in roles[:2])
    top = row.top_speakers[0] if row.top_speakers else None
    return [
        str(row.articles),
        str(row.quotes),
        str(row.sources),
        anonymous,
        _pct(sources["gender"]["female"]),
        _pct(sources["gender"]["male"]),
        role,
        _pct(quotes["type"]["direct"]),
        f"{top.name} ({top.quotes})" if top else "",
    ]


def relabel_command(
    db: Path = DB,
    roles: Path = ROLES,
) -> None:
    """Label the corpus's speakers again as sources (named or anonymous, role, gender) from
    the stored articles, without extracting again: after changing the role lexicon.

    Example: saidwhat relabel --roles my-roles.txt --db news.db
    """
    use_roles(roles)
    changed = Corpus(db).relabel(str(roles) if roles else None)
    typer.echo(f"{changed} speakers labelled anew in {db}")
