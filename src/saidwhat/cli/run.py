"""``saidwhat run`` (a corpus into partitioned Parquet, locally or on Dask) and ``saidwhat load``
(those Parquet results into the store)."""

from __future__ import annotations

from pathlib import Path

import typer

from saidwhat.cli.options import DB
from saidwhat.cli.progress import progress_bar
from saidwhat.errors import InputError

ENGINES = ("local", "dask")
COUNTS = "{task.fields[counts]}"  # the bar's text: what the run or load has done so far


def register(app: typer.Typer) -> None:
    app.command("run")(run_command)
    app.command("load")(load_command)


def run_command(
    inputs: list[str] = typer.Argument(..., help="Files and directories (WARC, JSONL, CSV, ...)."),
    out: Path = typer.Option(..., "--out", "-o", help="Output directory (Parquet + manifest)."),
    engine: str = typer.Option("local", "--engine", help="local (process pool) or dask."),
    workers: int = typer.Option(
        1, "--workers", "-w", min=1, help="Processes (local/LocalCluster)."
    ),
    scheduler: str = typer.Option(
        None, "--scheduler", help="Dask scheduler address; default: a LocalCluster."
    ),
    model: str = typer.Option(None, "--model", help="spaCy pipeline name (env SAIDWHAT_MODEL)."),
    partition_mb: float = typer.Option(
        64.0,
        "--partition-mb",
        min=0.0,
        help="Input megabytes per partition: small files are grouped, a bigger uncompressed "
        "JSONL is cut into byte ranges, other files stay whole.",
    ),
) -> None:
    """Extract a corpus into partitioned Parquet (articles, quotes, speakers, skipped).

    A manifest in OUT records finished partitions: a rerun skips them, so a killed run just
    continues. Merge the result into a store with `saidwhat load`.

    Examples:

      saidwhat run crawl/CC-NEWS-*.warc.gz --out results --workers 2

      saidwhat run corpus/ --engine dask --workers 4 --out results

      saidwhat run /shared/cc-news --engine dask --scheduler tcp://10.0.0.5:8786 --out /shared/out
    """
    from saidwhat.run.corpus import run_corpus

    if engine not in ENGINES:
        raise InputError("--engine", f"unknown engine {engine!r}; choose local or dask")
    if scheduler and engine != "dask":
        raise InputError("--scheduler", "needs --engine dask")
    with progress_bar(COUNTS) as bar:
        task = bar.add_task("partitions", total=None, counts="")
        totals = {"articles": 0, "quotes": 0, "skipped": 0}
        inputs_done = [0]

        def tick() -> None:
            inputs_done[0] += 1
            if inputs_done[0] % 16 == 0:
                bar.update(task, counts=f"{inputs_done[0]} inputs extracted")

        def planned(count: int) -> None:
            bar.update(task, total=count)

        def finished(summary: dict) -> None:
            for key in totals:
                totals[key] += summary[key]
            counts = ", ".join(f"{v} {k}" for k, v in totals.items())
            bar.update(task, advance=1, counts=counts)

        report = run_corpus(
            inputs,
            out,
            engine=engine,
            workers=workers,
            scheduler=scheduler,
            model=model,
            partition_bytes=max(int(partition_mb * 1_000_000), 1),
            planned=planned,
            progress=finished,
            tick=tick,
        )
    t = report.totals
    bar.console.print(
        f"{report.planned} partitions ({report.already_done} finished before), "
        f"{t['articles']} articles, {t['quotes']} quotes, {t['skipped']} inputs skipped "
        f"in {report.seconds:.1f} s -> {out}"
    )


def load_command(
    directory: Path = typer.Argument(..., help="Output directory of `saidwhat run`."),
    db: Path = DB,
) -> None:
    """Merge the Parquet results of `saidwhat run` into a corpus store.

    Speakers are merged across articles and quotes clustered, as by `saidwhat ingest`;
    loading the same results twice adds nothing.

    Example: saidwhat load results --db corpus.db
    """
    from saidwhat.run.load import load_results

    with progress_bar(COUNTS) as bar:
        task = bar.add_task("loading", total=None, counts="")

        def progress(done: int, total: int, counts: str) -> None:
            bar.update(task, completed=done, total=total, counts=counts)

        report = load_results(directory, db, progress=progress)
    bar.console.print(
        f"{report.articles} articles written ({report.unchanged} unchanged), "
        f"{report.quotes} quotes, {report.skipped} skipped inputs logged -> {db}"
    )
