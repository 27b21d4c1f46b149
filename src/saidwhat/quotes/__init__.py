"""The quotes step: find every attribution of speech in a parsed article.

Rules over the parse (``clauses``) and over the quote marks (``marked``) propose (cue,
content, source) candidates with high recall; a logistic regression trained on PolNeAR scores
each one with a calibrated probability (``scoring``); the best non-overlapping ones above the
learned threshold are kept. Only body paragraphs, key points and the headline are read.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from saidwhat.quotes.candidate import UNATTRIBUTED, QuoteCandidate
from saidwhat.quotes.clauses import clause_candidates, colon_candidates, rule_starts
from saidwhat.quotes.features import ContentFlags, Letters, candidate_features, quoted_share
from saidwhat.quotes.filters import no_speech
from saidwhat.quotes.lists import list_candidates
from saidwhat.quotes.marked import DIALOGUE_TURN, absorb_marks, mark_candidates
from saidwhat.quotes.marks import MarkSpan, find_mark_spans, looks_like_title
from saidwhat.quotes.proposals import Raw, Regions
from saidwhat.quotes.scoring import Scorer, load_scorer
from saidwhat.quotes.spans import SpanIndex, overlap
from saidwhat.quotes.syntax import sentence_bounds
from saidwhat.quotes.transcript import transcript_candidates
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
    rules first, then the quotations in marks that no clause candidate holds. The turns of an
    interview transcript hold the quotations in marks inside them."""
    tokens = rule_starts(doc, regions)
    sents = sentence_bounds(doc)
    turns = transcript_candidates(doc, regions)
    colons = {t.cue.i for t in turns if t.cue is not None}
    raws = (
        clause_candidates(doc, tokens, regions)
        + list_candidates(doc, regions)
        + [
            raw
            for raw in colon_candidates(doc, tokens, regions, sents)
            if raw.cue is None or raw.cue.i not in colons
        ]
    )
    free = absorb_marks(raws, spans, doc)
    if turns:
        free = _hold_in_turns(turns, free, spans, regions.text)
    raws += turns
    raws += mark_candidates(doc, spans, free, raws, regions, sents)
    return sorted(raws, key=lambda r: (r.start, r.end))


def _hold_in_turns(
    turns: list[Raw], chains: list[list[int]], spans: list[MarkSpan], text: str
) -> list[list[int]]:
    """Give each transcript turn the quotations in marks that start on its lines (the label's
    line included); return the chains left free. The lines are in text order and do not
    overlap, so each chain asks one by bisection."""
    lines = sorted(
        (text.rfind("\n", 0, s) + 1, e, n)
        for n, turn in enumerate(turns)
        for s, e in turn.fragments
    )
    starts = [start for start, _, _ in lines]
    free = []
    for chain in chains:
        first = spans[chain[0]].start
        at = bisect.bisect_right(starts, first) - 1
        if at < 0 or first >= lines[at][1]:
            free.append(chain)
        else:
            turns[lines[at][2]].marks.extend(chain)
    return free


def propose(doc: Doc, article: Article) -> list[tuple[Raw, dict[str, float], float]]:
    """Every candidate with its features and quoted share (the scorer's input)."""
    regions, kinds = regions_of(article)
    spans = find_mark_spans(article.text, regions.spans)
    for mark in spans:
        region = regions.index(mark.start)
        kind = kinds.get(regions.spans[region][0]) if region is not None else None
        mark.title = kind != "headline" and looks_like_title(article.text[mark.start : mark.end])
    marks = [(m.start, m.end) for m in spans]
    starts = [m.start for m in spans]

    def in_quote(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and pos < spans[i].end

    letters, flags = Letters(article.text), ContentFlags(doc)
    out = []
    for raw in find_candidates(doc, regions, spans):
        if no_speech(raw) is not None:
            continue
        region = regions.index(raw.start)
        kind = kinds.get(regions.spans[region][0], "paragraph") if region is not None else "other"
        raw.section = kind if kind in READ_SECTIONS else "paragraph"
        held = [marks[i] for i in raw.marks]
        quoted = quoted_share(letters, raw.fragments, held) if held else 0.0
        out.append((raw, candidate_features(raw, flags, quoted, kind, in_quote), quoted))
    return out


def _nested(inner: Raw, outer: Raw) -> bool:
    """True when inner's cue lies in outer's content (an attribution reported by another)."""
    return inner.cue is not None and outer.holds(inner.cue.idx)


def select(scored: list[tuple[float, Raw]], threshold: float) -> list[tuple[float, Raw]]:
    """Best first: keep a candidate unless it shares a cue with a kept one (but for the items
    of a list) or mostly repeats a kept one's content; then leave out the attributions
    reported inside a kept one's content (``_outermost``)."""
    kept: list[tuple[float, Raw]] = []
    cues: set[int] = set()  # the tokens of the kept candidates' cues
    around: SpanIndex[Raw] = SpanIndex()
    for score, raw in sorted(scored, key=lambda x: -x[0]):
        if score < threshold:
            break
        if raw.cue is not None and raw.cue.i in cues and raw.kind != "colon-list-item":
            continue  # the items of a list share their lead-in's cue
        span = (raw.start, raw.end)
        if any(_repeats(raw, span, other) for other in around.near(span)):
            continue
        kept.append((score, raw))
        around.add(raw, span)
        if raw.cue is not None:
            cues.add(raw.cue.i)
    return sorted(_outermost(kept), key=lambda x: (x[1].start, x[1].end))


def _outermost(kept: list[tuple[float, Raw]]) -> list[tuple[float, Raw]]:
    """The kept candidates but those reported inside another kept one: its cue in the
    other's content and at least half of its extent inside the other's ("Jo Lin says he told
    Ann Moe that …": Jo Lin's attribution, whose content holds the nested one). PolNeAR marks
    the outermost attribution only (3 of 19,832 train attributions lie inside another); the
    nested ones, kept, were scored as quotes of the wrong speaker (train, quotes step alone:
    precision with speaker 0.868 -> 0.891, speech F1 with speaker 0.798 -> 0.807)."""
    around: SpanIndex[Raw] = SpanIndex()
    for _, raw in kept:
        around.add(raw, (raw.start, raw.end))
    return [
        (score, raw)
        for score, raw in kept
        if not any(_reported_inside(raw, other) for other in around.near((raw.start, raw.end)))
    ]


def _reported_inside(inner: Raw, outer: Raw) -> bool:
    """Inner's cue lies in outer's content (and not the other way round), and at least half of
    inner's extent lies inside outer's."""
    if inner is outer or not _nested(inner, outer) or _nested(outer, inner):
        return False
    return overlap((inner.start, inner.end), (outer.start, outer.end)) >= 0.5 * (
        inner.end - inner.start
    )


def _repeats(raw: Raw, span: tuple[int, int], other: Raw) -> bool:
    """Each holds at least half of the other's extent, and neither is nested in the other."""
    if _nested(raw, other) or _nested(other, raw):
        return False
    shared = overlap(span, (other.start, other.end))
    return shared >= 0.5 * (span[1] - span[0]) and shared >= 0.5 * (other.end - other.start)


VERBATIM_KINDS = {"transcript-turn"}
"""Proposals whose content is verbatim without quote marks (a transcript's turns)."""


def unattributed(
    scored: list[tuple[float, Raw]], kept: list[tuple[float, Raw]]
) -> list[tuple[float, Raw]]:
    """The quotations in marks that no cue claims and no kept candidate holds: still
    quotations, kept with their low score and no speaker, so that a reader sees every quote
    on the page (issue 14)."""
    around: SpanIndex[Raw] = SpanIndex()
    for _, raw in kept:
        for fragment in raw.fragments:
            around.add(raw, fragment)
    out = []
    for score, raw in scored:
        if raw.kind != "marks-alone" or any(
            overlap(f, g) for f in raw.fragments for other in around.near((raw.start, raw.end))
            for g in other.fragments
        ):  # fmt: skip
            continue
        raw.evidence.append(UNATTRIBUTED)
        out.append((score, raw))
    return out


SURE_KINDS = {"transcript-turn", "colon-list-item", "marks-dash", DIALOGUE_TURN}
"""Proposals that the layout itself attributes, kept whatever the scorer says: a labelled
turn of a transcript, an item of a list after a colon lead-in, a quote followed by '― Name',
a turn of a dialogue (a question or its answer in a paragraph of its own).
Train holds few of them, so the scorer under-rates them (dev, lenient direct F1 with speaker:
0.886 scored, 0.920 kept; speech 0.814 -> 0.819)."""


def _sure(score: float, raw: Raw, threshold: float) -> float:
    """The scorer's probability, raised to the threshold for a ``SURE_KINDS`` proposal."""
    return max(score, threshold) if raw.kind in SURE_KINDS else score


def quote_type(quoted: float, kind: str = "") -> str:
    if kind in VERBATIM_KINDS:
        return "direct"
    return "indirect" if quoted == 0 else "direct" if quoted > 0.95 else "mixed"


def find_quotes(doc: Doc, article: Article, scorer: Scorer | None = None) -> list[QuoteCandidate]:
    """Every quote candidate of the article's readable parts, in text order."""
    scorer = scorer or load_scorer()
    proposals = propose(doc, article)
    quoted = {id(raw): q for raw, _, q in proposals}
    scored = [(_sure(scorer.score(f), raw, scorer.threshold), raw) for raw, f, _ in proposals]
    kept = select(scored, scorer.threshold)
    kept = sorted(kept + unattributed(scored, kept), key=lambda x: (x[1].start, x[1].end))
    out = []
    for score, raw in kept:
        evidence = list(raw.evidence)
        if raw.cue is not None:
            evidence.append(f"cue:{raw.cue.lemma_.lower()}")
        evidence.append(f"model:quote-scorer p={score:.2f}")
        out.append(
            QuoteCandidate(
                fragments=list(raw.fragments),
                type=quote_type(quoted[id(raw)], raw.kind),  # type: ignore[arg-type]
                section=raw.section,  # type: ignore[arg-type]
                cue=raw.cue_span,
                source=raw.source,
                score=round(score, 4),
                evidence=evidence,
            )
        )
    return out


__all__ = ["QuoteCandidate", "find_quotes", "propose", "select"]
