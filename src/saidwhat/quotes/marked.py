"""Candidate attributions for text in quote marks: each quotation is snapped into the clause
candidate that holds it (``absorb_marks``), else attached to a reporting verb next to it, a
colon lead-in or a dash and a name after it, or appended as a further fragment of the quote it
continues (split quotes, quote paragraphs following an attributed quote). Scare quotes
('"sanctuary city" policies') are left alone.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from saidwhat.lang.verbs import hooks_quotes
from saidwhat.quotes.marks import MarkSpan
from saidwhat.quotes.proposals import Raw, Regions, with_source
from saidwhat.quotes.spans import SpanIndex, overlap

# '"…" ― Jane Doe' (a name after a dash ends the line or sentence)
DASH_SOURCE = re.compile(
    r"[ \t\u00a0]*([\u2015\u2014\u2013-]{1,2})[ \t\u00a0]*"
    r"([A-Z][\w.'\u2019-]*(?:[ \t][A-Z][\w.'\u2019-]*){0,4})(?=[ \t\u00a0]*(?:[.,]|$))",
    re.MULTILINE,
)


def _chains(spans: list[MarkSpan]) -> list[list[int]]:
    """Mark spans grouped into quotes: a multi-paragraph quote is one chain of spans."""
    chains: list[list[int]] = []
    where: dict[int, int] = {}
    for i, s in enumerate(spans):
        if s.continues is not None and s.continues in where:
            chains[where[s.continues]].append(i)
            where[i] = where[s.continues]
        else:
            where[i] = len(chains)
            chains.append([i])
    return chains


def is_scare_quote(doc: Doc, mark: MarkSpan) -> bool:
    """A term in quote marks rather than speech: a few words modifying a noun outside the marks
    ('"sanctuary city" policies') or following "so-called"."""
    span = doc.char_span(mark.start, mark.end, alignment_mode="expand")
    if span is None or not mark.closed:
        return False
    words = [t for t in span if t.is_alpha]
    if not words or len(words) > 4:
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in ("so-called", "called") and len(words) <= 3:
        return True
    root = span.root
    return (
        root.dep_ in ("compound", "amod", "nmod")
        and not (span.start <= root.head.i < span.end)
        and root.head.pos_ in ("NOUN", "PROPN")
    )


def absorb_marks(raws: list[Raw], spans: list[MarkSpan], doc: Doc) -> list[list[int]]:
    """Grow each clause candidate over the quote marks it overlaps; return the chains no
    candidate holds (they need a cue of their own). Scare quotes are left alone."""
    free: list[list[int]] = []
    single: SpanIndex[Raw] = SpanIndex()  # the candidates of one fragment, by their extent
    for raw in raws:
        if len(raw.fragments) == 1:
            single.add(raw, raw.fragments[0])
    for chain in _chains(spans):
        first = spans[chain[0]]
        if len(chain) == 1 and is_scare_quote(doc, first):
            continue
        held = False
        for raw in single.near((first.start, first.end)):
            frag = raw.fragments[0]
            if len(raw.fragments) != 1 or not overlap(frag, (first.start, first.end)):
                continue
            if raw.cue is not None and any(
                spans[j].start <= raw.cue.idx < spans[j].end for j in chain
            ):
                continue  # an attribution inside the quote does not hold the quote
            held = True
            s, e = min(frag[0], first.start), max(frag[1], first.end)
            raw.fragments = sorted([(s, e)] + [(spans[j].start, spans[j].end) for j in chain[1:]])
            if len(raw.fragments) == 1:
                single.add(raw, raw.fragments[0])  # grown over the marks
            raw.marks.extend(chain)
            if len(chain) > 1:
                raw.evidence.append("multi-paragraph-quote")
        if not held:
            free.append(chain)
    return free


def _adjacent_with_subject(doc: Doc, verb: Token, quote: tuple[int, int]) -> bool:
    """Any verb with a subject right next to a quote ('"…?" Vitter demanded', 'he boasted,
    "…"'): at most four tokens between them, no sentence end between."""
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    if verb.idx >= quote[1]:
        gap = doc.char_span(quote[1], verb.idx, alignment_mode="expand")
    else:
        gap = doc.char_span(verb.idx + len(verb.text), quote[0], alignment_mode="expand")
    return gap is not None and len(gap) <= 4 and not any(t.text in ".!?" for t in gap)


def _speech_verb_near(
    doc: Doc, lo: int, hi: int, inside: tuple[int, int], within: tuple[int, int]
) -> Token | None:
    """The reporting verb nearest to the quote, outside it, within tokens [lo, hi) and the
    character range ``within`` (the quote's paragraphs)."""
    best, dist = None, 10**9
    for tok in doc[lo:hi]:
        if not within[0] <= tok.idx < within[1] or inside[0] <= tok.idx < inside[1]:
            continue
        if tok.pos_ in ("VERB", "AUX") and (
            hooks_quotes(tok.lemma_.lower()) or _adjacent_with_subject(doc, tok, inside)
        ):
            d = min(abs(tok.idx - inside[0]), abs(tok.idx - inside[1]))
            if d < dist:
                best, dist = tok, d
    return best


def _attach(host: Raw, chain: list[int], frags: list[tuple[int, int]], why: str) -> None:
    """Add a quote to a candidate as further fragments (split or continued quotes)."""
    host.fragments = sorted(host.fragments + frags)
    host.marks.extend(chain)
    host.evidence.append(why)


def _lead_in(
    doc: Doc, regions: Regions, sents: list[tuple[int, int]], start: int
) -> tuple[int, int] | None:
    """The token range of the sentence ending in a colon right before a quote (same paragraph
    or the end of the previous one), else None."""
    i = regions.index(start)
    if i is None:
        return None
    base, stop = regions.spans[i][0], start
    if not regions.text[base:stop].strip() and i > 0:
        base, stop = regions.spans[i - 1]
    before = regions.text[base:stop].rstrip()
    if not before.endswith(":"):
        return None
    end = base + len(before)
    colon = doc.char_span(end - 1, end, alignment_mode="expand")
    if colon is None:
        return None
    return sents[colon[0].i][0], colon[0].i + 1


def mark_candidates(
    doc: Doc,
    spans: list[MarkSpan],
    chains: list[list[int]],
    raws: list[Raw],
    regions: Regions,
    sents: list[tuple[int, int]],
) -> list[Raw]:
    """Candidates for quotations in marks that no clause candidate holds."""
    out: list[Raw] = []
    hosts = _Hosts(raws)
    for chain in chains:
        first, last = spans[chain[0]], spans[chain[-1]]
        frags = [(spans[j].start, spans[j].end) for j in chain]
        qspan = doc.char_span(first.start, last.end, alignment_mode="expand")
        if qspan is None or len(qspan) < 2:
            continue
        words = sum(1 for t in qspan if t.is_alpha)
        inside = (first.start, last.end)
        within = (
            regions.spans[regions.index(first.start) or 0][0],
            regions.spans[regions.index(last.end - 1) or 0][1],
        )
        dash = DASH_SOURCE.match(regions.text, last.end)
        if dash is not None:
            raw = Raw("marks-dash", frags, None, dash.span(1), None, dash.span(2), ["quote-marks"])
            raw.marks = list(chain)
            raw.evidence.append("dash-attribution")
            out.append(raw)
            continue
        lo = min(sents[qspan.start][0], max(0, qspan.start - 5))
        hi = max(sents[qspan.end - 1][1], min(len(doc), qspan.end + 5))
        cue = _speech_verb_near(doc, lo, hi, inside, within)
        host = hosts.with_cue(cue)
        if host is not None:  # '"…," she said. "…"': the second part of a split quote
            _attach(host, chain, frags, "split-quote")
            hosts.add(host)  # it grew
            continue
        evidence = ["quote-marks"]
        if cue is None:
            lead = _lead_in(doc, regions, sents, first.start)
            if lead is not None:
                cue = _speech_verb_near(doc, lead[0], lead[1], inside, (0, len(regions.text)))
                evidence.append("colon-lead-in")
        if cue is not None:
            if "colon-lead-in" not in evidence:
                evidence.append("cue:" + ("said-after-quote" if cue.idx > last.end else "before"))
            out.append(
                with_source(Raw("marks", frags, marks=list(chain), evidence=evidence), doc, cue)
            )
            hosts.add(out[-1])
            continue
        host = hosts.continued(first.start, regions)
        if host is not None and words >= 2:
            _attach(host, chain, frags, "continued-quote")
            hosts.add(host)
            continue
        if words >= 4:
            out.append(Raw("marks-alone", frags, marks=list(chain), evidence=["quote-marks"]))
    return out


class _Hosts:
    """The candidates a further quote in marks may join (they hold marks and have a cue), by
    cue token and by position, in the order they were proposed. Asking every candidate for
    every quote was quadratic in the length of the article."""

    def __init__(self, raws: list[Raw]):
        self._by_cue: dict[int, Raw] = {}
        self._around: SpanIndex[Raw] = SpanIndex()
        for raw in raws:
            self.add(raw)

    def add(self, raw: Raw) -> None:
        """File a new candidate, or again one whose fragments grew."""
        if raw.marks and raw.cue is not None:
            self._by_cue.setdefault(raw.cue.i, raw)
            self._around.add(raw, (raw.start, raw.end))

    def with_cue(self, cue: Token | None) -> Raw | None:
        return self._by_cue.get(cue.i) if cue is not None else None

    def continued(self, start: int, regions: Regions) -> Raw | None:
        """The one this quote continues: the last to end before it, if that is in the same or
        the previous region (so only the candidates around those regions are asked)."""
        here = regions.index(start)
        if here is None:
            return None
        lo = regions.spans[max(here - 1, 0)][0]
        before = [r for r in self._around.near((lo, start + 1)) if r.end <= start]
        if not before:
            return None
        prev = max(before, key=lambda r: r.end)
        there = regions.index(prev.end - 1)
        if there is None or here - there > 1:
            return None
        return prev
