"""Fit the confidence calibration of attributions on PolNeAR train and write
src/saidwhat/models/speaker_confidence.json (an isotonic step table, a few hundred bytes).

    .venv/bin/python scripts/fit_speaker_confidence.py [--gold ../shared/data/polnear/train.jsonl]

Each predicted quote's raw confidence (quote probability x speaker certainty) is paired with
whether it is right with speaker (lenient, as ``saidwhat evaluate`` judges it); an isotonic
regression maps raw to observed share. Re-run after the quote scorer or the resolver changes.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.progress import track
from sklearn.isotonic import IsotonicRegression

from polnear import article_of  # scripts/polnear.py, next to this script
from saidwhat.evaluate.run import load_gold, prediction
from saidwhat.evaluate.score import LEVELS, judge_predictions
from saidwhat.parse import load_pipeline
from saidwhat.quotes import find_quotes
from saidwhat.speakers import attribute
from saidwhat.speakers.confidence import MODEL_FILE

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "saidwhat" / "models" / MODEL_FILE
DEFAULT_GOLD = REPO.parent / "shared" / "data" / "polnear" / "train.jsonl"


def pairs(docs: list[dict]) -> tuple[list[float], list[int]]:
    """(raw confidence, right with speaker) for every predicted quote of every document."""
    nlp = load_pipeline()
    articles = [article_of(d) for d in docs]
    raw, right = [], []
    parsed = nlp.pipe(a.text for a in articles)
    for gold, article, doc in track(
        zip(docs, articles, parsed, strict=True), total=len(docs), description="train"
    ):
        result = attribute(doc, article, find_quotes(doc, article), calibrated=False)
        preds = prediction(result)["quotes"]
        for pred, judged in zip(
            preds, judge_predictions(gold, preds, LEVELS["lenient"]), strict=True
        ):
            raw.append(pred["confidence"])
            right.append(int(judged.right_with_speaker))
    return raw, right


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    args = parser.parse_args()
    raw, right = pairs(load_gold(args.gold))
    iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(raw, right)
    xs = [round(float(x), 4) for x in iso.X_thresholds_]
    ys = [round(float(y), 4) for y in iso.y_thresholds_]
    table = {"x": xs, "y": ys, "fitted_on": args.gold.name, "quotes": len(raw)}
    OUT.write_text(json.dumps(table) + "\n", encoding="utf-8")
    print(f"{len(raw)} quotes, {sum(right)} right with speaker; {len(xs)} steps -> {OUT}")


if __name__ == "__main__":
    main()
