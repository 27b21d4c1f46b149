"""The quality figures of DESIGN.md ("Measuring quality"), computed exactly as the reference
scorer ``../shared/eval/score.py`` does, so ``saidwhat evaluate`` and it agree to the digit.

Gold documents: ``{"id", "text", "quotes": [{"start", "end", "fragments"?, "speaker_start",
"speaker_end", "cue", "type"}]}``. Predictions: ``{id: {"id", "quotes": [{"start", "end",
"fragments"?, "speaker_start", "speaker_end", "speaker"?}]}}``, offsets into the gold text.

A gold quote is *found* when one predicted quote covers at least THETA of its characters; a
predicted quote is *right* when at least THETA of its characters lie in one gold quote; its
speaker is right when the predicted speaker span overlaps the gold one (or both have none).
Lenient THETA = 0.5, strict THETA = 0.9.

Identity (``identity``, the reference scorer's ``--canon``): of the gold attributions that
a canon file resolves to their speaker's canonical name, the share found (lenient) whose
predicted speaker NAME is that speaker: same last name word and no conflicting given name
(for an unnamed speaker: the same head noun), titles and honorifics aside.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

LEVELS = {"lenient": 0.5, "strict": 0.9}

# Characters after which a straight double quote opens a quotation.
_OPEN_CONTEXT = set(" \t([{\u2014\u2013-/:;,\u00a0")

# The speech-act cue words (the list of ../shared/data/polnear/speech_cues.txt): a gold cue is
# a speech act when any of its words fully matches, or when it is a lone colon.
_SPEECH_WORD = re.compile(
    r"^(according|say|said|says|saying|tell|told|tells|telling|add|added|adds|adding|ask|asked|"
    r"asks|announc\w*|argu\w*|claim\w*|explain\w*|not(e|ed|es|ing)|writ\w*|wrote|tweet\w*|"
    r"report\w*|stat(e|ed|es|ing)|insist\w*|warn\w*|declar\w*|call(s|ed|ing)?|describ\w*|"
    r"suggest\w*|acknowledg\w*|admit\w*|den(y|ied|ies|ying)|repl(y|ied|ies|ying)|respond\w*|"
    r"comment\w*|remark\w*|testif\w*|confirm\w*|predict\w*|promis\w*|vow\w*|urg\w*|blast\w*|"
    r"criticiz\w*|accus\w*|charg\w*|contend\w*|maintain\w*|recall\w*|quip\w*|jok\w*|shout\w*|"
    r"yell\w*|continu\w*|conced\w*|emphasiz\w*|stress\w*|assert\w*|posted|posting|mention\w*|"
    r"observ\w*|pledg\w*|boast\w*|complain\w*|lament\w*|reiterat\w*|repeat\w*|tout\w*|slam\w*|"
    r"decri\w*|denounc\w*|question\w*|demand\w*|threaten\w*|interview\w*|speak\w*|spoke\w*|"
    r"recount\w*|echo\w*|clarif\w*|blam\w*|dismiss\w*|prais\w*|cit(e|ed|es|ing)|"
    r"statement|remarks|interview|tweet)$"
)


def quote_mask(text: str) -> bytearray:
    """1 for each character inside double quotation marks (marks included).

    Curly marks open and close explicitly; a straight mark opens after start, space or opening
    punctuation and otherwise toggles. Every newline closes (news quotes re-open per paragraph).
    """
    mask = bytearray(len(text))
    inside = False
    for i, ch in enumerate(text):
        if ch == "\n":
            inside = False
        elif ch == "\u201c":
            inside = True
            mask[i] = 1
        elif ch == "\u201d":
            inside = False
            mask[i] = 1
        elif ch == '"':
            mask[i] = 1
            before = text[i - 1] if i else " "
            inside = True if before in _OPEN_CONTEXT or before == "\n" else not inside
        elif inside:
            mask[i] = 1
    return mask


def is_direct(text: str, mask: bytearray, start: int, end: int) -> bool:
    """A span is a direct quote when it has letters or digits and all of them are quoted."""
    alnum = [mask[i] for i in range(start, end) if text[i].isalnum()]
    return bool(alnum) and all(alnum)


def is_speech_cue(quote: Mapping) -> bool:
    """Whether a gold attribution's cue is a speech act."""
    cue = (quote.get("cue") or "").lower()
    if cue.strip() == ":":
        return True
    return any(_SPEECH_WORD.match(word) for word in re.findall(r"[a-z]+", cue))


def characters(quote: Mapping) -> set[int]:
    """The content characters of a quote (its fragments, else start..end)."""
    pieces = quote.get("fragments") or [[quote["start"], quote["end"]]]
    return {i for s, e in pieces for i in range(s, e)}


def speaker_span(quote: Mapping | None) -> tuple[int, int] | None:
    s, e = (quote or {}).get("speaker_start"), (quote or {}).get("speaker_end")
    return (s, e) if s is not None and e is not None and e > s else None


def same_speaker(gold: Mapping, pred: Mapping | None) -> bool:
    """Speaker right: spans overlap, or neither side has a speaker."""
    g, p = speaker_span(gold), speaker_span(pred)
    if g is None and p is None:
        return True
    return g is not None and p is not None and g[0] < p[1] and p[0] < g[1]


def _best(target: set[int], others: Iterable[tuple[Mapping, set[int]]]) -> tuple[Mapping, float]:
    """The other quote holding the largest share of ``target``'s characters (first on ties)."""
    best: Mapping = {}
    share = 0.0
    for other, chars in others:
        value = len(target & chars) / max(1, len(target))
        if value > share:
            best, share = other, value
    return best, share


@dataclass(frozen=True)
class Judged:
    """One predicted quote, judged against the gold quotes of its document."""

    quote: Mapping
    direct: bool
    right: bool
    right_with_speaker: bool


def judge_predictions(gold_doc: Mapping, preds: list[Mapping], theta: float) -> list[Judged]:
    """Judge each predicted quote of one document (precision side)."""
    text = gold_doc["text"]
    mask = quote_mask(text)
    golds = [(q, characters(q)) for q in gold_doc["quotes"]]
    judged = []
    for p in preds:
        best, inside = _best(characters(p), golds)
        right = inside >= theta
        judged.append(
            Judged(
                quote=p,
                direct=is_direct(text, mask, p["start"], p["end"]),
                right=right,
                right_with_speaker=right and same_speaker(best, p),
            )
        )
    return judged


SLICES: dict[str, Callable[[Mapping], bool]] = {
    "all": lambda q: True,
    "speech": is_speech_cue,
    "direct": lambda q: q.get("type") == "direct",
}


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / max(1e-9, p + r), 4)


def score(gold_docs: list[Mapping], pred_docs: Mapping[str, Mapping], theta: float) -> dict:
    """Precision, recall and F1 (with and without speaker) per slice at one THETA."""
    found = {k: [0, 0, 0] for k in SLICES}  # gold in slice, found, found with right speaker
    judged: list[Judged] = []
    for doc in gold_docs:
        preds = list(pred_docs.get(doc["id"], {}).get("quotes", []))
        pred_chars = [(p, characters(p)) for p in preds]
        for q in doc["quotes"]:
            best, cover = _best(characters(q), pred_chars)
            hit = cover >= theta
            ok = hit and same_speaker(q, best)
            for name, member in SLICES.items():
                if member(q):
                    found[name][0] += 1
                    found[name][1] += hit
                    found[name][2] += ok
        judged.extend(judge_predictions(doc, preds, theta))
    n = len(judged)
    direct = [j for j in judged if j.direct]
    precision = sum(j.right for j in judged) / max(1, n)
    precision_spk = sum(j.right_with_speaker for j in judged) / max(1, n)
    precision_direct = sum(j.right for j in direct) / max(1, len(direct))
    precision_direct_spk = sum(j.right_with_speaker for j in direct) / max(1, len(direct))
    out: dict = {
        "predicted": n,
        "precision": round(precision, 4),
        "precision_with_speaker": round(precision_spk, 4),
        "predicted_direct": len(direct),
        "precision_direct": round(precision_direct, 4),
    }
    for name, (gold, hit, ok) in found.items():
        p, ps = (
            (precision_direct, precision_direct_spk)
            if name == "direct"
            else (precision, precision_spk)
        )
        r, rs = hit / max(1, gold), ok / max(1, gold)
        out[name] = {
            "gold": gold,
            "recall": round(r, 4),
            "recall_with_speaker": round(rs, 4),
            "f1": _f1(p, r),
            "f1_with_speaker": _f1(ps, rs),
        }
    return out


def score_all(gold_docs: list[Mapping], pred_docs: Mapping[str, Mapping]) -> dict:
    """Both levels plus document counts: the object the reference scorer prints."""
    result: dict = {level: score(gold_docs, pred_docs, theta) for level, theta in LEVELS.items()}
    result["documents"] = len(gold_docs)
    result["documents_predicted"] = sum(1 for g in gold_docs if g["id"] in pred_docs)
    return result


# Words the reference scorer leaves out of a name before comparing: titles and honorifics.
_NAME_EXTRAS = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "the", "mayor",
                "secretary", "senator"}  # fmt: skip


def name_tokens(name: str | None) -> list[str]:
    words = re.findall(r"[a-z0-9]+", (name or "").lower().replace(".", ""))
    return [w for w in words if w not in _NAME_EXTRAS]


def same_name(canonical: str, kind: str, predicted: str | None) -> bool:
    """The predicted name is the canonical speaker: same last word and no conflicting given
    name; for an unnamed speaker, the same head noun (plural aside)."""
    gold, pred = name_tokens(canonical), name_tokens(predicted)
    if not gold or not pred:
        return False
    if kind == "unnamed":
        return gold[-1].rstrip("s") == pred[-1].rstrip("s")
    if gold[-1] != pred[-1]:
        return False
    return set(pred) <= set(gold) or set(gold) <= set(pred)


def identity(
    gold_docs: list[Mapping],
    pred_docs: Mapping[str, Mapping],
    canon: Mapping[tuple[str, str], Mapping],
    theta: float = LEVELS["lenient"],
) -> dict:
    """Speaker identity against a canon ``{(doc id, attribution id): row}``: how many
    annotated, found, found with the right name, and the two shares."""
    annotated = found = right = 0
    for doc in gold_docs:
        preds = [(p, characters(p)) for p in pred_docs.get(doc["id"], {}).get("quotes", [])]
        for q in doc["quotes"]:
            row = canon.get((doc["id"], q.get("attribution_id")))
            if not row:
                continue
            annotated += 1
            best, cover = _best(characters(q), preds)
            if cover >= theta:
                found += 1
                right += same_name(row["speaker_canonical"], row["kind"], best.get("speaker"))
    return {
        "annotated": annotated,
        "found": found,
        "right_name": right,
        "accuracy_on_found": round(right / max(1, found), 4),
        "recall_with_name": round(right / max(1, annotated), 4),
    }
