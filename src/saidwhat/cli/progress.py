"""The CLI's one progress display, so every long command shows its progress alike and on
stderr (stdout stays clean JSON, JSONL or a table that can be piped on)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from rich.console import Console

if TYPE_CHECKING:
    from rich.progress import Progress

BAR_WIDTH = 20  # narrow enough to leave a line's room for the commands' own counts


def progress_bar(fields: str = "", *, spinner: bool = False, keep: bool = False) -> Progress:
    """A Progress on stderr: what runs (the task description), how far, ``fields`` (a rich
    format string over the task's own fields, e.g. ``"{task.fields[quotes]} quotes"``) and
    the time.

    How far is a bar with done/total and the time left; with ``spinner`` (work whose size is
    not known beforehand) a spinner and the time taken. A ``keep`` bar stays as the run's
    last word, and is printed once at the end where stderr is a file; any other bar vanishes
    when done and is off where stderr is not a terminal (nothing of it would remain there).

    Output to stdout while the bar runs is shown above it where stdout is the terminal too;
    stdout into a file or pipe is left alone, so that it gets the output and nothing else.
    """
    from rich.progress import (  # loaded by the long commands only (~0.1 s)
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    console = Console(stderr=True)
    columns: list[ProgressColumn] = [TextColumn("[bold]{task.description}")]
    if spinner:
        columns.insert(0, SpinnerColumn())
    else:
        columns += [BarColumn(bar_width=BAR_WIDTH), MofNCompleteColumn()]
    if fields:
        columns.append(TextColumn(fields))
    columns.append(TimeElapsedColumn() if spinner else TimeRemainingColumn())
    return Progress(
        *columns,
        console=console,
        transient=not keep,
        disable=not keep and not console.is_terminal,
        redirect_stdout=sys.stdout.isatty(),
    )
