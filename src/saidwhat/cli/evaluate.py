"""``saidwhat evaluate``: run the pipeline on gold documents and print the DESIGN.md figures."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from saidwhat.cli.progress import progress_bar
from saidwhat.errors import InputError


def register(app: typer.Typer) -> None:
    app.command("evaluate")(evaluate_command)


def evaluate_command(
    gold: Path = typer.Argument(..., help="Gold JSONL: one {id, text, quotes} document a line."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object (score.py keys)."),
    model: str = typer.Option(None, "--model", help="spaCy pipeline name (env SAIDWHAT_MODEL)."),
    limit: int = typer.Option(None, "--limit", min=1, help="Evaluate the first N documents."),
    pred_out: Path = typer.Option(
        None, "--pred-out", help="Write predictions in the reference scorer's PRED format."
    ),
    canon: Path = typer.Option(
        None,
        "--canon",
        help="Speaker identity too: a canon JSONL of canonical speaker names per attribution"
        " (as ../shared/data/polnear/dev_speakers.jsonl; the reference scorer's --canon).",
    ),
) -> None:
    """Score saidwhat against gold attributions: precision, recall, F1 (lenient and strict;
    all / speech / direct; with and without speaker), docs per second, confidence calibration.

    Examples:

      saidwhat evaluate ../shared/data/polnear/dev.jsonl

      saidwhat evaluate dev.jsonl --limit 20 --json --pred-out pred.jsonl

      saidwhat evaluate dev.jsonl --canon dev_speakers.jsonl   # + who, by name
    """
    from saidwhat.evaluate import evaluate, load_gold, run_pipeline  # loads spaCy
    from saidwhat.evaluate.run import load_canon
    from saidwhat.evaluate.score import identity

    docs = load_gold(gold, limit)
    names = load_canon(canon) if canon else None
    if pred_out and not pred_out.parent.is_dir():
        raise InputError(str(pred_out), "no such directory for the predictions")
    with progress_bar() as bar:
        task = bar.add_task("evaluating", total=len(docs))
        run = run_pipeline(docs, model, progress=lambda: bar.advance(task))
    if pred_out:
        rows = "".join(
            json.dumps(row, ensure_ascii=False) + "\n" for row in run.predictions.values()
        )
        try:
            pred_out.write_text(rows, encoding="utf-8")
        except OSError as exc:
            raise InputError(str(pred_out), f"cannot write predictions ({exc.strerror})") from None
    result = evaluate(docs, run)
    if names is not None:
        result["identity"] = identity(docs, run.predictions, names)
    if as_json:
        typer.echo(json.dumps(result, indent=1))
    else:
        _print_table(result, gold)
    raise typer.Exit(1 if run.failures else 0)


def _print_table(result: dict, gold: Path) -> None:
    console = Console()
    table = Table(title=f"saidwhat on {gold} ({result['documents']} documents)")
    for column in ("level", "slice", "gold", "P", "R", "F1", "P+spk", "R+spk", "F1+spk"):
        table.add_column(column, justify="left" if column in ("level", "slice") else "right")
    for level in ("lenient", "strict"):
        figures = result[level]
        for name in ("all", "speech", "direct"):
            s = figures[name]
            direct = name == "direct"
            p = figures["precision_direct"] if direct else figures["precision"]
            ps = "" if direct else f"{figures['precision_with_speaker']:.3f}"
            table.add_row(
                level,
                name,
                str(s["gold"]),
                f"{p:.3f}",
                f"{s['recall']:.3f}",
                f"{s['f1']:.3f}",
                ps,
                f"{s['recall_with_speaker']:.3f}",
                f"{s['f1_with_speaker']:.3f}",
            )
    console.print(table)
    lenient = result["lenient"]
    cal = result["calibration"]
    console.print(
        f"predicted {lenient['predicted']} quotes ({lenient['predicted_direct']} direct); "
        f"{result['docs_per_second']:.2f} docs/s ({result['seconds']:.1f} s, parse included); "
        f"documents raising: {result['documents_raised']}"
    )
    console.print(
        f"calibration: {cal['right_with_speaker']} of {cal['confident_quotes']} quotes scored "
        f">= {cal['threshold']} are right with speaker ({cal['share_right']:.1%})"
    )
    if "identity" in result:
        who = result["identity"]
        console.print(
            f"identity: {who['right_name']} of {who['found']} found attributions name their"
            f" speaker right ({who['accuracy_on_found']:.3f}); found with the right name"
            f" {who['recall_with_name']:.3f} of {who['annotated']} annotated"
        )
    for gid, reason in result["failures"].items():
        console.print(f"[red]failed[/red] {gid}: {reason}")
