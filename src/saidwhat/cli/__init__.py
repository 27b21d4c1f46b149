"""The ``saidwhat`` command. Each command group lives in its own module and registers itself."""

from __future__ import annotations

import sys

import typer

from saidwhat.about import __version__
from saidwhat.cli import corpus as corpus_commands
from saidwhat.cli import evaluate as evaluate_commands
from saidwhat.cli import extract as extract_commands
from saidwhat.cli import report as report_commands
from saidwhat.cli import run as run_commands
from saidwhat.cli import serve as serve_commands
from saidwhat.cli import speakers as speaker_commands
from saidwhat.errors import SaidwhatError

app = typer.Typer(
    name="saidwhat",
    help="Who said what in the news: every quotation, attributed to a named speaker.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"saidwhat {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Who said what in the news: every quotation, attributed to a named speaker."""


for module in (
    extract_commands,
    corpus_commands,
    speaker_commands,
    report_commands,
    evaluate_commands,
    run_commands,
    serve_commands,
):
    module.register(app)


def main() -> None:
    """Entry point: run the app; our own errors become one line on stderr, exit 2."""
    try:
        app()
    except SaidwhatError as exc:
        print(f"saidwhat: {exc}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("saidwhat: interrupted", file=sys.stderr)
        sys.exit(130)
