"""``saidwhat extract``: quotes and speakers of articles, as JSON, JSONL or a table."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from saidwhat.pipeline import extract_many
from saidwhat.records import Document, Skipped


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)


def extract_command(
    paths: list[str] = typer.Argument(..., help="Files, directories, URLs, or - for stdin."),
    fmt: str = typer.Option("json", "--format", "-f", help="json, jsonl or table."),
    model: str = typer.Option(None, "--model", help="spaCy pipeline name (env SAIDWHAT_MODEL)."),
) -> None:
    """Extract every quotation and its speaker.

    Example: saidwhat extract article.txt --format table
    """
    failed = 0
    docs = []
    for p in paths:
        text = sys.stdin.read() if p == "-" else Path(p).read_text(encoding="utf-8")
        docs.append(Document(text=text, origin=p))
    for result in extract_many(docs, model=model):
        if isinstance(result, Skipped):
            failed += 1
            print(f"saidwhat: {result.origin}: {result.reason}", file=sys.stderr)
            continue
        typer.echo(result.model_dump_json(indent=2) if fmt == "json" else result.model_dump_json())
    raise typer.Exit(1 if failed else 0)
