"""Run the whole pipeline over gold documents and score it: predictions, speed, failures and
the confidence calibration check (is a quote scored >= 0.8 right at least 80% of the time?)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from saidwhat.errors import InputError
from saidwhat.evaluate.score import LEVELS, judge_predictions, score_all
from saidwhat.parse import load_pipeline
from saidwhat.pipeline import extract_many
from saidwhat.quotes.candidate import UNATTRIBUTED
from saidwhat.read.decode import normalise_text, normalised_offsets
from saidwhat.records import Article, Document, Skipped

CONFIDENT = 0.8


def _lines(path: Path, what: str) -> list[str]:
    """The lines of a file the user named; unreadable is a one-line InputError naming it."""
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(str(path), f"no such {what} file") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = f"cannot read {what} file ({exc.__class__.__name__})"
        raise InputError(str(path), reason) from None


def load_gold(path: Path, limit: int | None = None) -> list[dict]:
    """Gold documents of a JSONL file; a broken line is a one-line InputError naming it."""
    lines = _lines(path, "gold")
    docs = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
            if not isinstance(doc.get("text"), str) or not isinstance(doc.get("quotes"), list):
                raise ValueError("needs 'text' and 'quotes'")
        except (ValueError, AttributeError) as exc:
            raise InputError(f"{path}:{number}", f"not a gold document ({exc})") from None
        doc.setdefault("id", f"{path.name}:{number}")
        docs.append(doc)
        if limit is not None and len(docs) >= limit:
            break
    if not docs:
        raise InputError(str(path), "no gold documents")
    return docs


def load_canon(path: Path) -> dict[tuple[str, str], dict]:
    """A canon file (rows ``{"id", "attribution_id", "speaker_canonical", "kind"}``, as
    ../shared/data/polnear/dev_speakers.jsonl) keyed by (document id, attribution id)."""
    lines = _lines(path, "canon")
    canon = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            canon[(row["id"], row["attribution_id"])] = row
            row["speaker_canonical"], row["kind"]  # noqa: B018  (both are needed)
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{number}", f"not a canon row ({exc})") from None
    return canon


def prediction(article: Article, offsets: list[int] | None = None) -> dict:
    """One line of the reference scorer's PRED format for an article; ``offsets`` maps
    article offsets back into the gold text when the reader normalised it (NFC, CRLF). The
    attributions only: a quotation kept without a speaker (``UNATTRIBUTED``) is left out."""

    def at(i: int) -> int:
        return offsets[i] if offsets else i

    quotes = []
    for q in article.quotes:
        if UNATTRIBUTED in q.evidence:
            continue  # a quotation without a speaker, below the scorer's threshold: no attribution
        mention = q.speaker_mention
        speaker = article.speaker(q.speaker_id)
        quotes.append(
            {
                "start": at(q.start),
                "end": at(q.end),
                "fragments": [[at(s), at(e)] for s, e in q.fragments],
                "speaker_start": at(mention.start) if mention else None,
                "speaker_end": at(mention.end) if mention else None,
                "speaker": speaker.name if speaker else None,
                "confidence": q.confidence,
            }
        )
    return {"id": article.id, "quotes": quotes}


@dataclass
class Run:
    """What one evaluation run produced."""

    predictions: dict[str, dict] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)  # gold id -> one-line reason
    seconds: float = 0.0


def _articles(
    docs: list[dict], model: str | None
) -> Iterator[tuple[dict, Article | Skipped | Exception]]:
    """Each gold document with its result; a document that raises is reported, not fatal."""
    nlp = load_pipeline(model)
    position = 0
    while position < len(docs):
        pending = docs[position:]
        stream = extract_many((_document(d) for d in pending), nlp=nlp)
        try:
            for result in stream:
                yield docs[position], result
                position += 1
        except Exception:  # noqa: BLE001 - one bad document must not end the run
            # The stream died on the first document not yet yielded: run it alone to get its
            # own result or error, then resume the stream after it.
            try:
                result = next(extract_many([_document(docs[position])], nlp=nlp))
            except Exception as exc:  # noqa: BLE001
                result = exc
            yield docs[position], result
            position += 1


def _document(gold: dict) -> Document:
    return Document(id=str(gold["id"]), text=gold["text"], origin=str(gold["id"]))


def run_pipeline(
    docs: list[dict], model: str | None = None, progress: Callable[[], None] | None = None
) -> Run:
    """Predictions for every gold document that went through; failures with their reason."""
    load_pipeline(model)  # load outside the timing: speed is per document, parse included
    run = Run()
    started = time.perf_counter()
    for gold, result in _articles(docs, model):
        gid = str(gold["id"])
        if isinstance(result, Exception):
            run.failures[gid] = f"{type(result).__name__}: {str(result).splitlines()[0][:160]}"
        elif isinstance(result, Skipped):
            run.failures[gid] = result.reason
        elif result.text == gold["text"]:
            run.predictions[gid] = prediction(result)
        elif result.text == normalise_text(gold["text"]):
            run.predictions[gid] = prediction(result, normalised_offsets(gold["text"]))
        else:
            run.failures[gid] = "the structure step changed the text (offsets would be wrong)"
        if progress:
            progress()
    run.seconds = time.perf_counter() - started
    return run


def calibration(docs: list[dict], predictions: Mapping[str, Mapping]) -> dict:
    """Of the quotes scored >= 0.8, the share right with speaker (lenient)."""
    confident = right = 0
    for doc in docs:
        preds = predictions.get(str(doc["id"]), {}).get("quotes", [])
        sure = [p for p in preds if p.get("confidence", 0.0) >= CONFIDENT]
        for judged in judge_predictions(doc, sure, LEVELS["lenient"]):
            confident += 1
            right += judged.right_with_speaker
    return {
        "threshold": CONFIDENT,
        "confident_quotes": confident,
        "right_with_speaker": right,
        "share_right": round(right / max(1, confident), 4),
    }


def evaluate(docs: list[dict], run: Run) -> dict:
    """The reference scorer's object plus speed, failures and the calibration check."""
    gold = [dict(d, id=str(d["id"])) for d in docs]
    result = score_all(gold, run.predictions)
    result["documents_raised"] = len(run.failures)
    result["failures"] = run.failures
    result["seconds"] = round(run.seconds, 3)
    result["docs_per_second"] = round(len(docs) / max(1e-9, run.seconds), 2)
    result["calibration"] = calibration(gold, run.predictions)
    return result
