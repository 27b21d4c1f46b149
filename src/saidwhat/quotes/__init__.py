"""The quotes step: find every attribution of speech in a parsed article.

Rules over the parse (``clauses``) and over the quote marks (``marked``) propose (cue,
content, source) candidates with high recall; a logistic regression trained on PolNeAR scores
each one with a calibrated probability (``scoring``); the best non-overlapping ones above the
learned threshold are kept. Only body paragraphs, key points and the headline are read.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from saidwhat.quotes.candidate import QuoteCandidate
from saidwhat.quotes.clauses import clause_candidates, colon_candidates, rule_starts
from saidwhat.quotes.features import Letters, candidate_features, quoted_share
from saidwhat.quotes.marked import absorb_marks, mark_candidates
from saidwhat.quotes.marks import MarkSpan, find_mark_spans
from saidwhat.quotes.proposals import Raw, Regions
from saidwhat.quotes.scoring import Scorer, load_scorer
from saidwhat.quotes.spans import SpanIndex, overlap
from saidwhat.quotes.syntax import sentence_bounds
from saidwhat.records import Article

READ_SECTIONS = ("paragraph", "key_point", "headline")


def regions_of(article: Article) -> tuple[Regions, dict[int, str]]:
    """The readable parts of the article and the section kind at each part's start."""
    spans = list(article.paragraphs)
    kinds = {s: "paragraph" for s, _ in article.paragraphs}
    for section in article.sections:
        if section.kind in READ_SECTIONS:
            spans.append((section.start, section.end))
            kinds[section.start] = section.kind
    return Regions(article.text, spans), kinds


def find_candidates(doc: Doc, regions: Regions, spans: list[MarkSpan]) -> list[Raw]:
    """All proposals of the article in text order (overlapping ones included): the clause
    rules first, then the quotations in marks that no clause candidate holds."""
    tokens = rule_starts(doc, regions)
    sents = sentence_bounds(doc)
    raws = clause_candidates(doc, tokens, regions) + colon_candidates(doc, tokens, regions, sents)
    free = absorb_marks(raws, spans, doc)
    raws += mark_candidates(doc, spans, free, raws, regions, sents)
    return sorted(raws, key=lambda r: (r.start, r.end))


def propose(doc: Doc, article: Article) -> list[tuple[Raw, dict[str, float], float]]:
    """Every candidate with its features and quoted share (the scorer's input)."""
    regions, kinds = regions_of(article)
    spans = find_mark_spans(article.text, regions.spans)
    marks = [(m.start, m.end) for m in spans]
    starts = [m.start for m in spans]

    def in_quote(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and pos < spans[i].end

    letters = Letters(article.text)
    out = []
    for raw in find_candidates(doc, regions, spans):
        region = regions.index(raw.start)
        kind = kinds.get(regions.spans[region][0], "paragraph") if region is not None else "other"
        held = [marks[i] for i in raw.marks]
        quoted = quoted_share(letters, raw.fragments, held) if held else 0.0
        out.append((raw, candidate_features(raw, doc, quoted, kind, in_quote), quoted))
    return out


def _nested(inner: Raw, outer: Raw) -> bool:
    """True when inner's cue lies in outer's content (an attribution reported by another)."""
    return inner.cue is not None and any(s <= inner.cue.idx < e for s, e in outer.fragments)


def select(scored: list[tuple[float, Raw]], threshold: float) -> list[tuple[float, Raw]]:
    """Best first: keep a candidate unless it shares a cue with a kept one or mostly repeats
    a kept one's content (nested attributions with their own cue stay)."""
    kept: list[tuple[float, Raw]] = []
    cues: set[int] = set()  # the tokens of the kept candidates' cues
    around: SpanIndex[Raw] = SpanIndex()
    for score, raw in sorted(scored, key=lambda x: -x[0]):
        if score < threshold:
            break
        if raw.cue is not None and raw.cue.i in cues:
            continue
        span = (raw.start, raw.end)
        if any(_repeats(raw, span, other) for other in around.near(span)):
            continue
        kept.append((score, raw))
        around.add(raw, span)
        if raw.cue is not None:
            cues.add(raw.cue.i)
    return sorted(kept, key=lambda x: (x[1].start, x[1].end))


def _repeats(raw: Raw, span: tuple[int, int], other: Raw) -> bool:
    """Each holds at least half of the other's extent, and neither is nested in the other."""
    if _nested(raw, other) or _nested(other, raw):
        return False
    shared = overlap(span, (other.start, other.end))
    return shared >= 0.5 * (span[1] - span[0]) and shared >= 0.5 * (other.end - other.start)


def quote_type(quoted: float) -> str:
    return "indirect" if quoted == 0 else "direct" if quoted > 0.95 else "mixed"


def find_quotes(doc: Doc, article: Article, scorer: Scorer | None = None) -> list[QuoteCandidate]:
    """Every quote candidate of the article's readable parts, in text order."""
    scorer = scorer or load_scorer()
    proposals = propose(doc, article)
    quoted = {id(raw): q for raw, _, q in proposals}
    scored = [(scorer.score(f), raw) for raw, f, _ in proposals]
    out = []
    for score, raw in select(scored, scorer.threshold):
        evidence = list(raw.evidence)
        if raw.cue is not None:
            evidence.append(f"cue:{raw.cue.lemma_.lower()}")
        evidence.append(f"model:quote-scorer p={score:.2f}")
        out.append(
            QuoteCandidate(
                fragments=list(raw.fragments),
                type=quote_type(quoted[id(raw)]),  # type: ignore[arg-type]
                cue=raw.cue_span,
                source=raw.source,
                score=round(score, 4),
                evidence=evidence,
            )
        )
    return out


__all__ = ["QuoteCandidate", "find_quotes", "propose", "select"]
