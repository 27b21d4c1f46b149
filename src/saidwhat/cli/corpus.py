"""Corpus commands: ingest, log, upgrade, search, check (``cli.checking``), cluster, export
(the people of a corpus are in ``cli.speakers``).

Every command takes ``--db`` (default ./saidwhat.db or $SAIDWHAT_DB). Query commands open the
store read-only and print a table, or JSON with ``--json``; none of them loads spaCy.
"""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import typer
from rich.table import Table
from rich.text import Text

from saidwhat.cli.checking import check_command
from saidwhat.cli.options import (
    DB,
    JSON,
    ROLES,
    SINCE,
    SOURCE,
    SPEAKER,
    TYPE,
    UNTIL,
    cli_filters,
    console,
    print_json,
    use_roles,
)
from saidwhat.cli.progress import progress_bar
from saidwhat.errors import SaidwhatError
from saidwhat.records import Skipped
from saidwhat.store import Corpus, QuoteFilters
from saidwhat.store.export import cluster_rows, model_for, write_graph, write_rows
from saidwhat.store.models import IngestReport
from saidwhat.store.schema import SCHEMA_VERSION
from saidwhat.store.search import Sort, snippet_parts


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
    app.command("log")(log_command)
    app.command("upgrade")(upgrade_command)
    app.command("search")(search_command)
    app.command("check")(check_command)
    app.command("cluster")(cluster_command)
    app.command("export")(export_command)


def _estimate(paths: list[str]) -> int | None:
    """Roughly how many inputs the paths hold (for the ETA); None when it cannot be told
    cheaply (stdin, URLs, compressed corpora, WARC archives)."""
    from saidwhat.read.files import walk_directory

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
    roles: Path = ROLES,
) -> None:
    """Extract quotes and speakers from articles and add them to the corpus.

    Safe to rerun: inputs already ingested unchanged are skipped before extraction, changed
    articles replace their old quotes, and an interrupted ingest continues where it stopped.
    Inputs that cannot be used are recorded with the reason (see `saidwhat log --skipped`).

    Examples:
      saidwhat ingest examples/demo --db news.db
      saidwhat ingest crawl.jsonl.gz more/ --db news.db --workers 2 --aliases aliases.txt
    """
    from saidwhat.ingestion import ingest  # extraction loads spaCy: only this command pays

    use_roles(roles)
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

        report = ingest(
            paths,
            corpus,
            workers=workers,
            batch_size=batch,
            force=force,
            model=model,
            progress=show,
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
        return print_json(entries)
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


def upgrade_command(db: Path = DB) -> None:
    """Bring a corpus made by an older saidwhat up to this version's schema, in place.

    Commands that only read a corpus, and `saidwhat serve`, open it read-only and refuse an
    older one; ingest, relabel and corrections upgrade it as they open it.

    Examples:
      saidwhat upgrade --db news.db
    """
    if not db.exists():
        raise SaidwhatError(f"{db}: no such corpus")
    Corpus(db).close()  # a writer's opening applies the migrations the file lacks
    console.print(f"{db}: up to date (schema version {SCHEMA_VERSION})")


def search_command(
    text: str = typer.Argument("", help='Words, "exact phrases", prefix*, OR, NOT.'),
    db: Path = DB,
    speaker: str = SPEAKER,
    source: str = SOURCE,
    since: str = SINCE,
    until: str = UNTIL,
    type_: str = TYPE,
    limit: int = typer.Option(20, "--limit", min=1, help="At most this many results."),
    sort: str = typer.Option(
        "relevance", "--sort", help="relevance, newest or oldest (undated quotes last)."
    ),
    as_json: bool = JSON,
) -> None:
    """Full-text search of the quotes, best match first (or by date), with highlighted
    snippets.

    Examples:
      saidwhat search "sanctuary cities" --speaker "de Blasio"
      saidwhat search immigra* --since 2018-01-01 --type direct --sort newest --json
    """
    filters = cli_filters(speaker=speaker, source=source, since=since, until=until, type=type_)
    if sort not in get_args(Sort):
        raise SaidwhatError(f"--sort {sort}: use relevance, newest or oldest")
    hits = Corpus(db, readonly=True).search(text, filters=filters, limit=limit, sort=sort)
    if as_json:
        return print_json(hits)
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
        return print_json(found)
    table = Table("date", "source", "speaker", "exact wording", "url")
    for o in found.occurrences:
        table.add_row(o.date or "", o.source or "", o.speaker or "?", Text(o.text), o.url or "")
    console.print(table)
    if len(found.speakers) > 1:  # the same words said by several people stay visible
        names = ", ".join(f"{a.speaker or 'unknown'} ({a.occurrences})" for a in found.speakers)
        console.print(Text(f"attributed to {len(found.speakers)} speakers: {names}"))


def export_command(
    out: Path = typer.Option(..., "--out", "-o", help="The file to write."),
    fmt: str = typer.Option(
        None, "--format", "-f", help="jsonl, csv or parquet (default jsonl); graphml or csv."
    ),
    per: str = typer.Option("occurrence", "--per", help="occurrence or cluster (one row each)."),
    graph: bool = typer.Option(
        False,
        "--graph",
        help="The speaker network instead: who answers whom, who is quoted"
        " with whom (GraphML, or CSV edge and node lists).",
    ),
    db: Path = DB,
    speaker: str = SPEAKER,
    source: str = SOURCE,
    since: str = SINCE,
    until: str = UNTIL,
    type_: str = TYPE,
) -> None:
    """Export quotes with speaker and article fields, or the speaker network (--graph).

    The network: an edge from each speaker to each one they answer (weight: answering
    quotes), and between named speakers quoted in the same articles (weight: articles), for
    Gephi or networkx.

    Examples:
      saidwhat export --format csv --out quotes.csv --speaker "de Blasio"
      saidwhat export --format parquet --out clusters.parquet --per cluster
      saidwhat export --graph --out speakers.graphml --since 2024
      saidwhat export --graph --format csv --out edges.csv   # and edges-nodes.csv
    """
    filters = cli_filters(speaker=speaker, source=source, since=since, until=until, type=type_)
    if graph:
        return _export_graph(out, fmt or "graphml", filters, db)
    fmt = fmt or "jsonl"
    if fmt not in ("jsonl", "csv", "parquet"):
        raise SaidwhatError(f"--format {fmt}: must be jsonl, csv or parquet")
    if per not in ("occurrence", "cluster"):
        raise SaidwhatError(f"--per {per}: must be occurrence or cluster")
    rows = Corpus(db, readonly=True).quotes(filters=filters, by_cluster=per == "cluster")
    if per == "cluster":
        rows = cluster_rows(rows)
    count = write_rows(rows, model_for(per), fmt, out)
    typer.echo(f"{count} rows ({per}) written to {out}")


def _export_graph(out: Path, fmt: str, filters: QuoteFilters, db: Path) -> None:
    if fmt not in ("graphml", "csv"):
        raise SaidwhatError(f"--format {fmt}: a network is written as graphml or csv")
    corpus = Corpus(db, readonly=True)
    edges = corpus.network(filters=filters) + corpus.network(kind="co-quoted", filters=filters)
    nodes = corpus.network_nodes(edges)
    nodes_out = write_graph(edges, nodes, fmt, out)
    answers = sum(1 for e in edges if e.kind == "answer")
    also = f" and {len(nodes)} speakers to {nodes_out}" if nodes_out else ""
    typer.echo(
        f"{len(nodes)} speakers, {answers} answer links, {len(edges) - answers} co-quotation"
        f" links written to {out}{also}"
    )
