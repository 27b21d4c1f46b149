"""Train the quote scorer (src/saidwhat/models/quote_scorer.json) from PolNeAR train.

    .venv/bin/python scripts/train_quote_scorer.py [--train ../shared/data/polnear/train.jsonl]
        [--cache /tmp/saidwhat-train-<ner|noner>-<parse code digest>.spacy]
        [--out src/saidwhat/models/quote_scorer.json]

The parse is the run-time one (``SAIDWHAT_NER`` decides whether it has entities; the text with
the sections no quote is read from blanked, ``pipeline.parse_text``), so that the features the
scorer learns from are the features it sees when extracting.

Every candidate the rules propose on a train article is labelled right when at least half of
its characters lie in one gold attribution whose source span its source overlaps (the lenient
"with speaker" rule of ../shared/eval/score.py). A logistic regression learns P(right); an
isotonic regression fitted on out-of-fold predictions (5 folds by article) calibrates it; the
threshold maximises the mean of out-of-fold lenient speech and direct F1 with speaker.
Deterministic: fixed folds and solver.
Dev is never read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from spacy.tokens import DocBin

from polnear import article_of  # scripts/polnear.py, next to this script
from saidwhat.parse import load_pipeline, ner_enabled
from saidwhat.pipeline import parse_text
from saidwhat.quotes import propose, select

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
# the regularisation with the best out-of-fold mean F1 (the threshold's measure) of C = 0.025,
# 0.05, 0.1, 0.25, 0.5, 1: 0.8576, 0.8583, 0.8574, 0.8558, 0.8542, 0.8529
C = 0.05
FOLDS = 5


def parse_digest() -> str:
    """A digest of the parse step's code, the word lists it reads, the structure step that says
    which sections are blanked, and the model's version: a cache parsed by other code (a new
    sentence rule) is never read as this code's parse."""
    digest = hashlib.sha1(load_pipeline().meta["version"].encode())
    digest.update((ROOT / "src/saidwhat/pipeline.py").read_bytes())
    for step in ("parse", "lang", "structure"):
        for path in sorted(p for p in (ROOT / "src/saidwhat" / step).iterdir() if p.is_file()):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def parsed(texts: list[str], cache: Path):
    """spaCy docs of the texts, parsed once and cached as a DocBin."""
    nlp = load_pipeline()
    if cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(texts) and all(d.text == t for d, t in zip(docs, texts, strict=True)):
            return docs
    docs = list(nlp.pipe(texts, batch_size=16))
    DocBin(docs=docs).to_disk(cache)
    return docs


def chars(frags) -> set[int]:
    return {i for s, e in frags for i in range(s, e)}


def label(raw, golds: list[tuple[dict, set[int]]]) -> int:
    """1 when the candidate would count as right with speaker (lenient)."""
    pc = chars(raw.fragments)
    best, inside = None, 0.0
    for q, gc in golds:
        share = len(gc & pc) / max(1, len(pc))
        if share > inside:
            best, inside = q, share
    if best is None or inside < 0.5:
        return 0
    gs, ge = best.get("speaker_start"), best.get("speaker_end")
    if gs is None or ge is None or ge <= gs:
        return int(raw.source is None)
    return int(raw.source is not None and raw.source[0] < ge and gs < raw.source[1])


def candidates(train: Path, cache: Path) -> tuple[list[dict], list[dict], np.ndarray, list, list]:
    """The gold articles, and every candidate the rules propose on them: its features, its
    label, the index of its article and the candidate itself."""
    gold = [json.loads(line) for line in train.open(encoding="utf-8")]
    articles = [article_of(g) for g in gold]
    docs = parsed([parse_text(a) for a in articles], cache)
    rows, labels, groups, owners = [], [], [], []
    for n, (g, article, doc) in enumerate(zip(gold, articles, docs, strict=True)):
        golds = [(q, chars(q.get("fragments") or [[q["start"], q["end"]]])) for q in g["quotes"]]
        for raw, feats, _ in propose(doc, article):
            rows.append(feats)
            labels.append(label(raw, golds))
            groups.append(n)
            owners.append(raw)
    return gold, rows, np.array(labels), groups, owners


def default_cache() -> Path:
    setup = "ner" if ner_enabled() else "noner"  # a cache of one set-up never serves the other
    return Path(f"/tmp/saidwhat-train-{setup}-{parse_digest()}.spacy")


def features_matrix(rows: list[dict]):
    """The candidates' features as a sparse matrix (int32 indices, for liblinear)."""
    vec = DictVectorizer()
    X = vec.fit_transform(rows).tocsr()
    X.indices, X.indptr = X.indices.astype(np.int32), X.indptr.astype(np.int32)
    return vec, X


def logistic() -> LogisticRegression:
    return LogisticRegression(C=C, max_iter=3000, solver="liblinear", random_state=0)


def out_of_fold(make_model, X, y: np.ndarray, groups: list[int]) -> np.ndarray:
    """P(right) of each candidate from a model fitted on the other folds (by article)."""
    groups_arr = np.array(groups)
    oof = np.zeros(len(y))
    for k in range(FOLDS):
        test = groups_arr % FOLDS == k
        oof[test] = make_model().fit(X[~test], y[~test]).predict_proba(X[test])[:, 1]
    return oof


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=SHARED / "data/polnear/train.jsonl")
    ap.add_argument("--cache", type=Path, default=default_cache())
    ap.add_argument("--out", type=Path, default=ROOT / "src/saidwhat/models/quote_scorer.json")
    args = ap.parse_args()
    gold, rows, y, groups, owners = candidates(args.train, args.cache)
    print(f"{len(rows)} candidates, {y.mean():.3f} positive", file=sys.stderr)
    vec, X = features_matrix(rows)
    oof = out_of_fold(logistic, X, y, groups)
    iso, (threshold, _, _) = calibrated(gold, owners, groups, oof, y)
    model = logistic().fit(X, y)
    weights = {
        name: round(float(w), 5)
        for name, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
        if abs(w) > 1e-6
    }
    out = {
        "about": "saidwhat quote scorer; reproduce with scripts/train_quote_scorer.py",
        "trained_on": "PolNeAR train",
        "candidates": len(y),
        "weights": dict(sorted(weights.items())),
        "intercept": round(float(model.intercept_[0]), 5),
        "calibration": {
            "x": [round(float(v), 5) for v in iso.X_thresholds_],
            "y": [round(float(v), 5) for v in iso.y_thresholds_],
        },
        "threshold": threshold,
    }
    args.out.write_text(json.dumps(out, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} weights, threshold {threshold})", file=sys.stderr)


def calibrated(gold, owners, groups, oof: np.ndarray, y: np.ndarray):
    """The isotonic calibration of out-of-fold P(right), and the best (threshold, mean F1 with
    speaker, precision) of the ``sweep`` over the calibrated scores."""
    iso = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(oof, y)
    return iso, max(sweep(gold, owners, groups, iso.predict(oof)), key=lambda m: m[1])


def sweep(gold, owners, groups, cal) -> list[tuple[float, float, float]]:
    """Out-of-fold lenient mean speech/direct F1 with speaker and precision at each threshold
    from 0.2 to 0.7 (printed as well); the training threshold is the best of them."""
    sys.path.insert(0, str(SHARED / "eval"))
    import score as reference  # ../shared/eval/score.py

    by_doc: dict[int, list] = {}
    for raw, n, p in zip(owners, groups, cal, strict=True):
        by_doc.setdefault(n, []).append((float(p), raw))
    measured = []
    for t in np.arange(0.2, 0.71, 0.05):
        preds = {}
        for n, g in enumerate(gold):
            kept = select(by_doc.get(n, []), float(t))
            preds[g["id"]] = {"quotes": [pred_row(raw) for _, raw in kept]}
        res = reference.score(gold, preds, 0.5)
        f1 = (res["speech"]["f1_with_speaker"] + res["direct"]["f1_with_speaker"]) / 2
        print(
            f"threshold {t:.2f}: mean speech/direct F1+spk {f1:.4f}, "
            f"precision {res['precision']:.4f}",
            file=sys.stderr,
        )
        measured.append((round(float(t), 2), f1, res["precision"]))
    return measured


def pred_row(raw) -> dict:
    s = raw.source
    return {
        "start": raw.start,
        "end": raw.end,
        "fragments": [list(f) for f in raw.fragments],
        "speaker_start": s[0] if s else None,
        "speaker_end": s[1] if s else None,
    }


if __name__ == "__main__":
    main()
