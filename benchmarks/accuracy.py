"""Accuracy benchmark: saidwhat against textacy's ``direct_quotations`` on PolNeAR dev, side by
side, with the figures of DESIGN.md (scored by saidwhat.evaluate, equal to score.py) and docs/s.

    .venv/bin/pip install -e '.[dev,bench]'
    .venv/bin/python benchmarks/accuracy.py [--gold ../shared/data/polnear/dev.jsonl] [--limit N]

textacy raises ValueError on an odd number of quote marks: such documents count as raising and
get an empty prediction. Both systems parse with the same spaCy pipeline; parse time included.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from saidwhat.evaluate import evaluate, load_gold, run_pipeline, score_all
from saidwhat.parse import load_pipeline

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev.jsonl"

ROWS = (
    ("lenient", "speech", "f1_with_speaker"),
    ("lenient", "direct", "f1_with_speaker"),
    ("lenient", "all", "f1_with_speaker"),
    ("lenient", "speech", "f1"),
    ("lenient", "direct", "f1"),
    ("lenient", "all", "f1"),
    ("lenient", "speech", "recall_with_speaker"),
    ("strict", "speech", "f1_with_speaker"),
    ("strict", "direct", "f1_with_speaker"),
)


def textacy_run(docs: list[dict], model: str | None) -> dict:
    """textacy's direct quotations in score.py's PRED format, with speed and raising count."""
    from textacy.extract.triples import direct_quotations

    nlp = load_pipeline(model)
    predictions, raised = {}, 0
    started = time.perf_counter()
    for gold, doc in zip(docs, nlp.pipe(d["text"] for d in docs), strict=True):
        quotes = []
        try:
            for triple in direct_quotations(doc):
                speaker = triple.speaker
                quotes.append(
                    {
                        "start": triple.content.start_char,
                        "end": triple.content.end_char,
                        "speaker_start": speaker[0].idx if speaker else None,
                        "speaker_end": speaker[-1].idx + len(speaker[-1]) if speaker else None,
                        "speaker": " ".join(t.text for t in speaker),
                    }
                )
        except ValueError:
            raised += 1
            quotes = []
        predictions[str(gold["id"])] = {"id": str(gold["id"]), "quotes": quotes}
    seconds = time.perf_counter() - started
    result = score_all([dict(d, id=str(d["id"])) for d in docs], predictions)
    result["documents_raised"] = raised
    result["docs_per_second"] = round(len(docs) / max(1e-9, seconds), 2)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    docs = load_gold(args.gold, args.limit)
    load_pipeline(args.model)  # loaded once, outside both timings
    ours = evaluate(docs, run_pipeline(docs, args.model))
    theirs = textacy_run(docs, args.model)
    table = Table(title=f"{args.gold.name}: {len(docs)} documents (lenient = 50%, strict = 90%)")
    for column in ("figure", "saidwhat", "textacy"):
        table.add_column(column, justify="left" if column == "figure" else "right")
    for level, name, key in ROWS:
        table.add_row(
            f"{level} {name} {key}",
            f"{ours[level][name][key]:.3f}",
            f"{theirs[level][name][key]:.3f}",
        )
    table.add_row(
        "lenient precision", *(f"{r['lenient']['precision']:.3f}" for r in (ours, theirs))
    )
    table.add_row("predicted quotes", *(str(r["lenient"]["predicted"]) for r in (ours, theirs)))
    table.add_row("documents raising", *(str(r["documents_raised"]) for r in (ours, theirs)))
    table.add_row(
        "docs / s (parse included)", *(f"{r['docs_per_second']:.2f}" for r in (ours, theirs))
    )
    cal = ours["calibration"]
    table.add_row(
        f"quotes scored >= {cal['threshold']} right with speaker",
        f"{cal['share_right']:.3f} of {cal['confident_quotes']}",
        "-",
    )
    Console().print(table)


if __name__ == "__main__":
    main()
