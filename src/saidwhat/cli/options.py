"""What the corpus commands share: the ``--db`` option, the filters every listing takes (read
into the one ``QuoteFilters`` record), ``--json`` and JSON printing."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

import typer
from pydantic import BaseModel, ValidationError
from rich.console import Console

from saidwhat.errors import SaidwhatError
from saidwhat.store import QuoteFilters
from saidwhat.store.filters import one_line_reason

DB = typer.Option(
    "saidwhat.db", "--db", envvar="SAIDWHAT_DB", help="The corpus file (SQLite).", show_default=True
)
JSON = typer.Option(False, "--json", help="Print JSON instead of a table.")
SPEAKER = typer.Option(None, "--speaker", help="Only quotes by this speaker (name, alias or id).")
SOURCE = typer.Option(None, "--source", help="Only quotes from this outlet.")
SINCE = typer.Option(None, "--since", help="Only quotes published on or after YYYY[-MM[-DD]].")
UNTIL = typer.Option(None, "--until", help="Only quotes published on or before YYYY[-MM[-DD]].")
TYPE = typer.Option(None, "--type", help="direct, mixed or indirect.")
ROLES = typer.Option(
    None,
    "--roles",
    envvar="SAIDWHAT_ROLES",
    help="A role lexicon of your own, read before the built-in one (lang/roles.txt).",
)
console = Console()


def print_json(value: BaseModel | Iterable[BaseModel] | None) -> None:
    if isinstance(value, BaseModel) or value is None:
        data = value.model_dump() if value is not None else None
    else:
        data = [v.model_dump() for v in value]
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def cli_filters(**values: str | None) -> QuoteFilters:
    """The shared filters from the options; an invalid one is a one-line error naming the
    option ("--since 2026-02-30: no such date on the calendar")."""
    try:
        return QuoteFilters(**values)
    except ValidationError as exc:
        raise SaidwhatError(f"--{one_line_reason(exc)}") from None


def use_roles(path: Path | None) -> None:
    """Make extraction read a user's role lexicon (here and in every worker process, which
    inherit the environment); a file that cannot be read or has a bad line is a one-line
    error now, before any work."""
    if path is None:
        return
    from saidwhat.speakers.source_roles import ROLES_FILE, user_lexicon

    user_lexicon(str(path))
    os.environ[ROLES_FILE] = str(path)
