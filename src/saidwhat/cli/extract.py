"""``saidwhat extract``: quotes and speakers of articles, as JSON, JSONL or a table."""

from __future__ import annotations

import enum
import itertools
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import typer

from saidwhat.cli.article_table import write_tables
from saidwhat.cli.options import ROLES, use_roles
from saidwhat.cli.progress import progress_bar
from saidwhat.records import Article, Skipped


class Format(enum.StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


HELP = (
    "Extract every quotation and its speaker from news articles.\n\n"
    "json prints one object for one article and an array for several; jsonl prints one "
    "article a line; table prints the structure found, then one row per quotation. "
    "An input that cannot be read is reported on stderr as one line "
    "(saidwhat: INPUT: REASON) while the others go on; the exit code is then 1.\n\n"
    "Examples:\n\n"
    "saidwhat extract article.txt --format table\n\n"
    "saidwhat extract https://example.org/news/story.html\n\n"
    "cat page.html | saidwhat extract - --format jsonl\n\n"
    "saidwhat extract corpus/ articles.jsonl --format jsonl --workers 2 > quotes.jsonl"
)


def register(app: typer.Typer) -> None:
    app.command("extract", help=HELP)(extract_command)


def extract_command(
    paths: list[str] = typer.Argument(
        ..., help="Text/HTML files, JSONL/CSV/WARC corpora, directories, http(s) URLs, or -."
    ),
    fmt: Format = typer.Option(Format.json, "--format", "-f", help="Output format."),
    model: str = typer.Option(None, "--model", help="spaCy pipeline name (env SAIDWHAT_MODEL)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes."),
    roles: Path = ROLES,
) -> None:
    """Extract every quotation and its speaker (help text: HELP)."""
    from saidwhat.read import iter_documents
    from saidwhat.run.local import extract_parallel

    use_roles(roles)
    results = extract_parallel(iter_documents(paths), workers=workers, model=model)
    with _Reporter() as report:
        articles = report.articles(results)
        try:
            if fmt is Format.table:
                write_tables(articles)
            elif fmt is Format.jsonl:
                for article in articles:
                    sys.stdout.write(article.model_dump_json() + "\n")
            else:
                _write_json(articles)
            sys.stdout.flush()
        except BrokenPipeError:  # `saidwhat extract ... | head`: the reader has had enough
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(1) from None
    raise typer.Exit(1 if report.failed else 0)


def _write_json(articles: Iterator[Article]) -> None:
    """One article: one object. Several: an array, streamed (each article once it is done)."""
    first = next(articles, None)
    if first is None:
        return
    second = next(articles, None)
    if second is None:
        sys.stdout.write(first.model_dump_json(indent=2) + "\n")
        return
    sys.stdout.write("[\n" + first.model_dump_json(indent=2))
    for article in itertools.chain([second], articles):
        sys.stdout.write(",\n" + article.model_dump_json(indent=2))
    sys.stdout.write("\n]\n")


class _Reporter:
    """Skipped inputs as one stderr line each; a live count on stderr when it is a terminal."""

    def __init__(self) -> None:
        self.failed = 0
        self.done = 0
        self._bar = progress_bar(
            "{task.fields[articles]} articles, {task.fields[skipped]} skipped", spinner=True
        )
        self._task = self._bar.add_task("extract", total=None, articles=0, skipped=0)

    def __enter__(self) -> _Reporter:
        self._bar.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._bar.stop()

    def articles(self, results: Iterator[Article | Skipped]) -> Iterator[Article]:
        """The articles of a result stream; every Skipped is reported on the way."""
        for result in results:
            if isinstance(result, Skipped):
                self.failed += 1
                # One line, whatever a file name or an upstream message holds.
                self._say(" ".join(f"saidwhat: {result.origin}: {result.reason}".splitlines()))
            else:
                self.done += 1
                yield result
            self._bar.update(self._task, articles=self.done, skipped=self.failed)

    def _say(self, line: str) -> None:
        if self._bar.disable:
            print(line, file=sys.stderr, flush=True)
        else:  # above the live bar, which rich redraws below it
            self._bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
