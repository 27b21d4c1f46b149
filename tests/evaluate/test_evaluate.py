"""`saidwhat evaluate` agrees with the reference scorer ../shared/eval/score.py to the digit."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from saidwhat.evaluate.run import load_canon
from saidwhat.evaluate.score import identity, score_all

SCORE_KEYS = ("lenient", "strict", "documents", "documents_predicted")


def reference_score(shared_dir: Path, gold: Path, pred: Path, *more: str) -> dict:
    scorer = shared_dir / "eval" / "score.py"
    out = subprocess.run(
        ["python3", str(scorer), str(gold), str(pred), *more],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def perturbed_predictions(gold: list[dict], seed: int = 7) -> dict[str, dict]:
    """Predictions near the gold ones (shifted, missing, spurious, wrong speaker, no document)."""
    rng = random.Random(seed)
    preds = {}
    for doc in gold:
        if rng.random() < 0.05:
            continue
        size = len(doc["text"])
        quotes = []
        for q in doc["quotes"]:
            if rng.random() < 0.3:
                continue
            start = max(0, q["start"] + rng.randint(-40, 40))
            end = min(size, max(start + 1, q["end"] + rng.randint(-40, 40)))
            keep = rng.random() < 0.7
            quotes.append(
                {
                    "start": start,
                    "end": end,
                    "speaker_start": q.get("speaker_start") if keep else None,
                    "speaker_end": q.get("speaker_end") if keep else None,
                }
            )
        for _ in range(2):
            start = rng.randint(0, max(0, size - 10))
            quotes.append({"start": start, "end": min(size, start + rng.randint(5, 300))})
        preds[doc["id"]] = {"id": doc["id"], "quotes": quotes}
    return preds


def test_scorer_equals_reference_on_perturbed_predictions(shared_dir, polnear_dev, tmp_path):
    preds = perturbed_predictions(polnear_dev)
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text("".join(json.dumps(p) + "\n" for p in preds.values()), encoding="utf-8")
    gold_file = shared_dir / "data" / "polnear" / "dev.jsonl"
    assert score_all(polnear_dev, preds) == reference_score(shared_dir, gold_file, pred_file)


def test_identity_equals_reference_on_perturbed_names(shared_dir, polnear_dev, tmp_path):
    """Speaker names right, wrong, with titles, partial or missing: the same shares as the
    reference scorer's --canon."""
    canon_file = shared_dir / "data" / "polnear" / "dev_speakers.jsonl"
    canon = load_canon(canon_file)
    rng = random.Random(11)
    variants = [
        lambda n: n,
        lambda n: f"Sen. {n}",
        lambda n: n.split()[-1],
        lambda n: f"Someone {n.split()[-1]}s",
        lambda n: "Jane Doe",
        lambda n: None,
    ]
    preds = {}
    for doc in polnear_dev:
        quotes = []
        for q in doc["quotes"]:
            row = canon.get((doc["id"], q.get("attribution_id")))
            name = row["speaker_canonical"] if row else "Nobody"
            quotes.append(
                {"start": q["start"], "end": q["end"], "speaker": rng.choice(variants)(name)}
            )
        preds[doc["id"]] = {"id": doc["id"], "quotes": quotes}
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text("".join(json.dumps(p) + "\n" for p in preds.values()), encoding="utf-8")
    gold_file = shared_dir / "data" / "polnear" / "dev.jsonl"
    reference = reference_score(shared_dir, gold_file, pred_file, "--canon", str(canon_file))
    assert identity(polnear_dev, preds, canon) == reference["identity"]
    assert 0 < reference["identity"]["accuracy_on_found"] < 1


def test_evaluate_command_matches_reference(shared_dir, polnear_dev, tmp_path):
    gold_file = tmp_path / "gold.jsonl"
    # The first documents plus every one the reader normalises (NFC), whose offsets
    # evaluate must map back into the gold text.
    subset = polnear_dev[:20] + [
        d for d in polnear_dev[20:] if not unicodedata.is_normalized("NFC", d["text"])
    ]
    assert len(subset) > 20
    gold_file.write_text("".join(json.dumps(d) + "\n" for d in subset), encoding="utf-8")
    pred_file = tmp_path / "pred.jsonl"
    saidwhat = Path(sys.executable).parent / "saidwhat"
    canon_file = shared_dir / "data" / "polnear" / "dev_speakers.jsonl"
    out = subprocess.run(
        [
            str(saidwhat),
            "evaluate",
            str(gold_file),
            "--json",
            "--pred-out",
            str(pred_file),
            "--canon",
            str(canon_file),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert out.returncode == 0, out.stderr
    mine = json.loads(out.stdout)
    assert mine["documents_raised"] == 0, mine["failures"]
    assert mine["docs_per_second"] > 0
    assert 0.0 <= mine["calibration"]["share_right"] <= 1.0
    reference = reference_score(shared_dir, gold_file, pred_file, "--canon", str(canon_file))
    assert {k: mine[k] for k in (*SCORE_KEYS, "identity")} == reference
    assert mine["documents_predicted"] == len(subset)


def test_bad_gold_file_is_one_line_error(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x", "quotes": []}\nnot json\n', encoding="utf-8")
    saidwhat = Path(sys.executable).parent / "saidwhat"
    out = subprocess.run(
        [str(saidwhat), "evaluate", str(bad)], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0
    assert f"{bad}:2" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.parametrize(
    ("cue", "speech"),
    [("said", True), (":", True), ("according to", True), ("believes", False), ("", False)],
)
def test_speech_cue_slice(cue, speech):
    from saidwhat.evaluate.score import is_speech_cue

    assert is_speech_cue({"cue": cue}) is speech


def test_missing_gold_file_and_bad_pred_out_are_one_line_errors(tmp_path):
    saidwhat = Path(sys.executable).parent / "saidwhat"
    missing = subprocess.run(
        [str(saidwhat), "evaluate", str(tmp_path / "none.jsonl")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert missing.returncode == 2
    assert missing.stderr.strip() == f"saidwhat: {tmp_path / 'none.jsonl'}: no such gold file"
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "text": "Nothing said.", "quotes": []}\n', encoding="utf-8")
    bad_out = tmp_path / "no" / "pred.jsonl"
    out = subprocess.run(
        [str(saidwhat), "evaluate", str(gold), "--pred-out", str(bad_out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2
    assert "no such directory" in out.stderr and "Traceback" not in out.stderr
