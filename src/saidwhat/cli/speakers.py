"""The corpus's people: the most-quoted speakers, one speaker's profile, and the corrections a
user makes (merge, split, aliases files), which survive re-ingest."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table
from rich.text import Text

from saidwhat.cli.options import DB, JSON, console, print_json
from saidwhat.errors import SaidwhatError
from saidwhat.store import Corpus

speakers_app = typer.Typer(
    help="List the most-quoted speakers, or correct them (merge, split).",
    invoke_without_command=True,
    no_args_is_help=False,
)


def register(app: typer.Typer) -> None:
    app.add_typer(speakers_app, name="speakers")
    app.command("speaker")(speaker_command)


@speakers_app.callback()
def speakers_command(
    ctx: typer.Context,
    db: Path = DB,
    top: int = typer.Option(20, "--top", min=1, help="How many speakers."),
    kind: str = typer.Option(None, "--kind", help="person, organization, group or unknown."),
    as_json: bool = JSON,
) -> None:
    """The most-quoted speakers of the corpus.

    Examples:
      saidwhat speakers --top 10
      saidwhat speakers merge "Bill de Blasio" "B. de Blasio"
      saidwhat speakers split "Bernie Sanders" "Sanders"
    """
    if ctx.invoked_subcommand is not None:
        return
    found = Corpus(db, readonly=True).speakers(top=top, kind=kind)
    if as_json:
        return print_json(found)
    table = Table("id", "speaker", "kind", "quotes", "articles", "first seen", "last seen")
    for s in found:
        table.add_row(
            str(s.id),
            s.name,
            s.kind,
            str(s.quotes),
            str(s.articles),
            s.first_seen or "",
            s.last_seen or "",
        )
    console.print(table)


@speakers_app.command("merge")
def merge_command(
    target: str = typer.Argument(..., help="The speaker to keep (name, alias or id)."),
    others: list[str] = typer.Argument(..., help="Speakers that are the same one."),
    db: Path = DB,
) -> None:
    """Merge speakers the machine kept apart. The correction survives re-ingest.

    Example: saidwhat speakers merge "Bill de Blasio" "Mayor de Blasio" --db news.db
    """
    corpus = Corpus(db)
    for other in others:
        profile = corpus.merge_speakers(target, other)
    typer.echo(
        f"{profile.name} (id {profile.id}): {profile.quotes} quotes, aliases: "
        f"{', '.join(profile.aliases)}"
    )


@speakers_app.command("split")
def split_command(
    speaker: str = typer.Argument(..., help="The speaker that wrongly holds two people."),
    names: list[str] = typer.Argument(..., help="Names (as written) that are someone else."),
    db: Path = DB,
) -> None:
    """Split off the mentions written as NAMES into a new speaker. Survives re-ingest.

    Example: saidwhat speakers split "Bernie Sanders" "Sanders" "Ms. Sanders"
    """
    profile = Corpus(db).split_speaker(speaker, names)
    typer.echo(f"new speaker {profile.name} (id {profile.id}): {profile.quotes} quotes")


@speakers_app.command("aliases")
def aliases_command(
    path: Path = typer.Argument(..., help="Lines of 'Canonical Name = alias; alias'."),
    db: Path = DB,
) -> None:
    """Apply an aliases file: speakers known under an alias are merged into the canonical
    one, and future ingests resolve the aliases the same way.

    Example file line:  Bill de Blasio = Mayor de Blasio; B. de Blasio
    Example: saidwhat speakers aliases aliases.txt --db news.db
    """
    merges = Corpus(db).apply_aliases(path)
    typer.echo(f"{path}: applied, {merges} speakers merged")


def speaker_command(
    name: str = typer.Argument(..., help="A name, alias or id."),
    db: Path = DB,
    recent: int = typer.Option(10, "--recent", min=0, help="How many latest quotes to show."),
    as_json: bool = JSON,
) -> None:
    """A speaker's profile: aliases, titles, affiliations, outlets, first/last seen, quotes.

    Examples:
      saidwhat speaker "de Blasio"
      saidwhat speaker 12 --json
    """
    profile = Corpus(db, readonly=True).speaker(name, recent=recent)
    if profile is None:
        raise SaidwhatError(f"{name}: no such speaker in the corpus")
    if as_json:
        return print_json(profile)
    console.print(f"[bold]{profile.name}[/bold] ({profile.kind}, id {profile.id})", markup=True)
    console.print(
        f"{profile.quotes} quotes in {profile.articles} articles, "
        f"{profile.first_seen or '?'} to {profile.last_seen or '?'}",
        markup=False,
    )
    console.print("aliases: " + "; ".join(profile.aliases), markup=False)
    for label, roles in (("titles", profile.titles), ("affiliations", profile.affiliations)):
        shown = [
            f"{r.value} ({r.first_seen or '?'}..{r.last_seen or '?'}, {r.count}x)" for r in roles
        ]
        console.print(f"{label}: " + "; ".join(shown), markup=False)
    console.print(
        "outlets: " + "; ".join(f"{o.source} ({o.quotes})" for o in profile.outlets), markup=False
    )
    table = Table("date", "source", "quote")
    for q in profile.recent:
        table.add_row(q.date or "", q.source or "", Text(q.text))
    console.print(table)
