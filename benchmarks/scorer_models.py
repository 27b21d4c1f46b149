"""Is the logistic-regression quote scorer the ceiling? Out of fold against gradient boosting.

    .venv/bin/python benchmarks/scorer_models.py [--trees 300] [--leaves 31] [--min-count 5]
        [--features lemma=question,ev=late-cue]

Both learners see the same candidates and features as ``scripts/train_quote_scorer.py`` (PolNeAR
train, 5 folds by article, isotonic calibration), and each is scored the way the training script
picks its threshold: the best out-of-fold mean of lenient speech and direct F1 with speaker over
thresholds 0.2-0.7. Gradient boosting (scikit-learn's ``HistGradientBoostingClassifier``) needs
dense input, so it gets the features seen on at least ``--min-count`` candidates. Prints each
learner's figure and its fitting time; dev is never read. Needs ``../shared``. With
``--features`` (names as the scorer's features: ``lemma=respond`` for a cue, ``ev=late-cue`` for
a rule's evidence), it prints instead, for each of them and each kind of candidate, how many train
candidates have it and how many are right: what any learner can know of a rare cue.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import platform
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import train_quote_scorer as training  # noqa: E402  (scripts/train_quote_scorer.py)


def print_counts(rows: list[dict], y: np.ndarray, names: list[str]) -> None:
    """Train candidates and right ones by feature and kind of candidate."""
    seen: Counter[tuple[str, str]] = Counter()
    right: Counter[tuple[str, str]] = Counter()
    for features, label in zip(rows, y, strict=True):
        kind = next(name[5:] for name in features if name.startswith("kind="))
        for name in names:
            if name in features:
                seen[name, kind] += 1
                right[name, kind] += int(label)
    for name in names:
        kinds = sorted(kind for feature, kind in seen if feature == name)
        for kind in kinds:
            key = (name, kind)
            print(f"{name} ({kind}): {right[key]} of {seen[key]} candidates right")
        if not kinds:
            print(f"{name}: no train candidate")


def _cpu() -> str:
    """The processor's model name (Linux), else the architecture."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.machine()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=training.SHARED / "data/polnear/train.jsonl")
    ap.add_argument("--trees", type=int, default=300)
    ap.add_argument("--leaves", type=int, default=31)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument(
        "--features", default="", help="comma-separated feature names to count (lemma=respond)"
    )
    args = ap.parse_args()
    if not args.train.exists():
        sys.exit(f"error: {args.train}: PolNeAR train not found (../shared is needed)")
    gold, rows, y, groups, owners = training.candidates(args.train, training.default_cache())
    _, X = training.features_matrix(rows)
    seen = np.asarray((X != 0).sum(axis=0)).ravel() >= args.min_count
    print(f"machine: {_cpu()}, {os.cpu_count()} cores, python {platform.python_version()}")
    print(f"{len(y)} train candidates, {X.shape[1]} features ({seen.sum()} on >= {args.min_count})")
    if args.features:
        print_counts(rows, y, [n.strip() for n in args.features.split(",") if n.strip()])
        return

    def boosted() -> HistGradientBoostingClassifier:
        return HistGradientBoostingClassifier(
            max_iter=args.trees,
            max_leaf_nodes=args.leaves,
            l2_regularization=1.0,
            early_stopping=False,
            random_state=0,
        )

    learners = [
        (f"logistic regression (C {training.C})", training.logistic, X),
        (
            f"gradient boosting ({args.trees} trees, {args.leaves} leaves)",
            boosted,
            X[:, seen].toarray().astype(np.float32),
        ),
    ]
    for name, make, matrix in learners:
        started = time.process_time()
        oof = training.out_of_fold(make, matrix, y, groups)
        spent = time.process_time() - started
        with contextlib.redirect_stderr(io.StringIO()):  # the sweep prints every threshold
            _, (threshold, f1, precision) = training.calibrated(gold, owners, groups, oof, y)
        print(
            f"{name}: out-of-fold mean F1+spk {f1:.4f} at threshold {threshold:.2f}, "
            f"precision {precision:.4f}; five fits {spent:.0f} CPU-s",
            flush=True,
        )


if __name__ == "__main__":
    main()
