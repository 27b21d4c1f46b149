"""Corpus commands: ingest, log, search, speakers (merge/split), speaker, check, cluster, export.

Every command takes ``--db`` (default ./saidwhat.db or $SAIDWHAT_DB). Query commands open the
store read-only and print a table, or JSON with ``--json``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.table import Table
from rich.text import Text

from saidwhat.cli.progress import progress_bar
from saidwhat.errors import SaidwhatError
from saidwhat.read.files import walk_directory
from saidwhat.records import Skipped
from saidwhat.store import Corpus
from saidwhat.store.export import cluster_rows, model_for, write_rows
from saidwhat.store.models import IngestReport
from saidwhat.store.queries import snippet_parts

DB = typer.Option(
    "saidwhat.db", "--db", envvar="SAIDWHAT_DB", help="The corpus file (SQLite).", show_default=True
)
JSON = typer.Option(False, "--json", help="Print JSON instead of a table.")
SPEAKER = typer.Option(None, "--speaker", help="Only quotes by this speaker (name, alias or id).")
SOURCE = typer.Option(None, "--source", help="Only quotes from this outlet.")
SINCE = typer.Option(None, "--since", help="Only quotes published on or after YYYY[-MM[-DD]].")
UNTIL = typer.Option(None, "--until", help="Only quotes published on or before YYYY[-MM[-DD]].")
TYPE = typer.Option(None, "--type", help="direct, mixed or indirect.")
QUOTE_TYPES = ("direct", "mixed", "indirect")
console = Console()

speakers_app = typer.Typer(
    help="List the most-quoted speakers, or correct them (merge, split).",
    invoke_without_command=True,
    no_args_is_help=False,
)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
    app.command("log")(log_command)
    app.command("search")(search_command)
    app.add_typer(speakers_app, name="speakers")
    app.command("speaker")(speaker_command)
    app.command("check")(check_command)
    app.command("cluster")(cluster_command)
    app.command("export")(export_command)


def _print_json(value: BaseModel | Iterable[BaseModel] | None) -> None:
    if isinstance(value, BaseModel) or value is None:
        data = value.model_dump() if value is not None else None
    else:
        data = [v.model_dump() for v in value]
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _check_type(type_: str | None) -> None:
    if type_ and type_ not in QUOTE_TYPES:
        raise SaidwhatError(f"--type {type_}: must be one of {', '.join(QUOTE_TYPES)}")


def _estimate(paths: list[str]) -> int | None:
    """Roughly how many inputs the paths hold (for the ETA); None when it cannot be told
    cheaply (stdin, URLs, compressed corpora, WARC archives)."""
    total = 0
    for value in paths:
        path = Path(value)
        # The readers' own walk: article files, and one skipped input for everything else.
        for file in walk_directory(path) if path.is_dir() else [path]:
            if isinstance(file, Skipped):
                total += 1
                continue
            name = file.name.lower()
            if name.endswith((".gz", ".warc")) or not file.is_file():
                return None
            if name.endswith((".jsonl", ".ndjson", ".csv", ".tsv")):
                with file.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
                total -= name.endswith((".csv", ".tsv"))
            else:
                total += 1
    return total


def ingest_command(
    paths: list[str] = typer.Argument(
        ..., help="Files, directories, JSONL/CSV corpora, WARC archives, URLs, or - for stdin."
    ),
    db: Path = DB,
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Extraction processes."),
    batch: int = typer.Option(100, "--batch", min=1, help="Articles per transaction."),
    force: bool = typer.Option(False, "--force", help="Re-extract inputs already ingested."),
    model: str = typer.Option(None, "--model", help="spaCy pipeline name (env SAIDWHAT_MODEL)."),
    aliases: Path = typer.Option(
        None, "--aliases", help="An aliases file to apply after ingesting (see `speakers aliases`)."
    ),
) -> None:
    """Extract quotes and speakers from articles and add them to the corpus.

    Safe to rerun: inputs already ingested unchanged are skipped before extraction, changed
    articles replace their old quotes, and an interrupted ingest continues where it stopped.
    Inputs that cannot be used are recorded with the reason (see `saidwhat log --skipped`).

    Examples:
      saidwhat ingest examples/demo --db news.db
      saidwhat ingest crawl.jsonl.gz more/ --db news.db --workers 2 --aliases aliases.txt
    """
    corpus = Corpus(db)
    fields = (
        "{task.fields[articles]} articles {task.fields[quotes]} quotes "
        "{task.fields[skipped]} skipped {task.fields[unchanged]} unchanged "
        "{task.fields[rate]:.1f}/s"
    )
    with progress_bar(fields, keep=True) as bar:
        task = bar.add_task(
            "ingest", total=_estimate(paths), articles=0, quotes=0, unchanged=0, skipped=0, rate=0.0
        )

        def show(report: IngestReport) -> None:
            done = report.articles + report.unchanged + report.skipped
            bar.update(
                task,
                completed=done,
                articles=report.articles,
                quotes=report.quotes,
                unchanged=report.unchanged,
                skipped=report.skipped,
                rate=done / report.seconds if report.seconds else 0.0,
            )

        report = corpus.ingest(
            paths, workers=workers, batch_size=batch, force=force, model=model, progress=show
        )
    if aliases:
        corpus.apply_aliases(aliases)
    stats = corpus.stats()
    typer.echo(
        f"{report.articles} articles ({report.changed} replaced), {report.quotes} quotes, "
        f"{report.unchanged} unchanged, {report.skipped} skipped in {report.seconds:.1f}s; "
        f"corpus {db}: {stats.articles} articles, {stats.quotes} quotes, "
        f"{stats.speakers} speakers, {stats.clusters} quote clusters"
    )
    if report.skipped:
        typer.echo(f"skipped inputs: saidwhat log --skipped --db {db}", err=True)


def log_command(
    db: Path = DB,
    skipped: bool = typer.Option(False, "--skipped", help="Only the skipped inputs."),
    limit: int = typer.Option(None, "--limit", min=1, help="At most this many."),
    as_json: bool = JSON,
) -> None:
    """List the inputs ingests have seen: ingested (with the article id) or skipped (why).

    Examples:
      saidwhat log --skipped
      saidwhat log --db news.db --json
    """
    entries = Corpus(db, readonly=True).log(skipped=skipped, limit=limit)
    if as_json:
        return _print_json(entries)
    table = Table("status", "input", "article / reason", "when")
    for e in entries:
        table.add_row(e.status, e.origin, e.reason or e.article_id or "", e.seen_at)
    console.print(table)


def _highlighted(snippet: str) -> Text:
    """Search snippets mark matches with [ and ]; show them bold, never as rich markup."""
    text = Text()
    for part, hit in snippet_parts(snippet):
        text.append(part, style="bold yellow" if hit else None)
    return text


def search_command(
    text: str = typer.Argument("", help='Words, "exact phrases", prefix*, OR, NOT.'),
    db: Path = DB,
    speaker: str = SPEAKER,
    source: str = SOURCE,
    since: str = SINCE,
    until: str = UNTIL,
    type_: str = TYPE,
    limit: int = typer.Option(20, "--limit", min=1, help="At most this many results."),
    as_json: bool = JSON,
) -> None:
    """Full-text search of the quotes, best match first, with highlighted snippets.

    Examples:
      saidwhat search "sanctuary cities" --speaker "de Blasio"
      saidwhat search immigra* --since 2018-01-01 --type direct --json
    """
    _check_type(type_)
    hits = Corpus(db, readonly=True).search(
        text, speaker=speaker, source=source, since=since, until=until, type=type_, limit=limit
    )
    if as_json:
        return _print_json(hits)
    table = Table("speaker", "quote", "source", "date", "copies")
    for hit in hits:
        table.add_row(
            hit.speaker or "?",
            _highlighted(hit.snippet),
            hit.source or "",
            hit.date or "",
            str(hit.cluster_size),
        )
    console.print(table)
    if not hits:
        typer.echo("no quotes found", err=True)


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
        return _print_json(found)
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
        return _print_json(profile)
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


def check_command(
    text: str = typer.Argument(..., help="The words someone is said to have said."),
    db: Path = DB,
    limit: int = typer.Option(5, "--limit", min=1, help="At most this many matches."),
    as_json: bool = JSON,
) -> None:
    """Did anyone really say this? The closest real quotes: who, where and when first, and
    how close (exact / trimmed / paraphrase: reworded, also a reworded part of a longer quote).

    Examples:
      saidwhat check "We will not be intimidated"
      saidwhat check "nobody should choose between a paycheck and getting home alive" --db demo.db
      saidwhat check "the city will never cooperate" --json
    """
    matches = Corpus(db, readonly=True).check(text, limit=limit)
    if as_json:
        return _print_json(matches)
    table = Table("closeness", "similarity", "speaker", "quote", "first seen", "copies")
    for m in matches:
        first = f"{m.first.source or '?'} {m.first.date or ''} {m.first.url or ''}".strip()
        table.add_row(
            m.closeness,
            f"{m.similarity:.0f}",
            m.speaker or "?",
            Text(m.text),
            first,
            str(m.occurrences),
        )
    console.print(table)
    if not matches:
        typer.echo("no similar quote in the corpus", err=True)


def cluster_command(
    cluster_id: int = typer.Argument(..., help="A cluster id (see search --json)."),
    db: Path = DB,
    as_json: bool = JSON,
) -> None:
    """Every occurrence of one quote across the corpus, oldest first (provenance).

    Example: saidwhat cluster 42
    """
    found = Corpus(db, readonly=True).cluster(cluster_id)
    if found is None:
        raise SaidwhatError(f"cluster {cluster_id}: no such quote cluster")
    if as_json:
        return _print_json(found)
    table = Table("date", "source", "speaker", "exact wording", "url")
    for o in found.occurrences:
        table.add_row(o.date or "", o.source or "", o.speaker or "?", Text(o.text), o.url or "")
    console.print(table)


def export_command(
    out: Path = typer.Option(..., "--out", "-o", help="The file to write."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv or parquet."),
    per: str = typer.Option("occurrence", "--per", help="occurrence or cluster (one row each)."),
    db: Path = DB,
    speaker: str = SPEAKER,
    source: str = SOURCE,
    since: str = SINCE,
    until: str = UNTIL,
    type_: str = TYPE,
) -> None:
    """Export quotes with speaker and article fields.

    Examples:
      saidwhat export --format csv --out quotes.csv --speaker "de Blasio"
      saidwhat export --format parquet --out clusters.parquet --per cluster
    """
    if fmt not in ("jsonl", "csv", "parquet"):
        raise SaidwhatError(f"--format {fmt}: must be jsonl, csv or parquet")
    if per not in ("occurrence", "cluster"):
        raise SaidwhatError(f"--per {per}: must be occurrence or cluster")
    _check_type(type_)
    rows = Corpus(db, readonly=True).quotes(
        speaker=speaker,
        source=source,
        since=since,
        until=until,
        type=type_,
        by_cluster=per == "cluster",
    )
    if per == "cluster":
        rows = cluster_rows(rows)
    count = write_rows(rows, model_for(per), fmt, out)
    typer.echo(f"{count} rows ({per}) written to {out}")
