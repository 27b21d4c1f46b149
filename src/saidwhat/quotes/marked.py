"""Candidate attributions for text in quote marks: each quotation is snapped into the clause
candidate that holds it (``absorb_marks``), else attached to a reporting verb next to it, a
colon lead-in or a dash and a name after it, or appended as a further fragment of the quote it
continues (split quotes, quote paragraphs following an attributed quote). Scare quotes
('"sanctuary city" policies') are left alone.
"""

from __future__ import annotations

import bisect
import re

import numpy
from spacy.attrs import IDX, LEMMA, POS
from spacy.tokens import Doc, Token

from saidwhat.lang.hashed import WordTest
from saidwhat.lang.verbs import hooks_quotes
from saidwhat.quotes.marks import MarkSpan
from saidwhat.quotes.proposals import Raw, Regions, with_source
from saidwhat.quotes.spans import SpanIndex, overlap

ADJACENT_REACH = 8  # tokens: a verb further from a quote has more than 4 tokens between them

# '"…" ― Jane Doe', '"…" -- said Mr. Cornwallaby' (a name after a dash, and maybe a
# reporting verb, ends the line or sentence)
DASH_SOURCE = re.compile(
    r"[ \t\u00a0]*([\u2015\u2014\u2013-]{1,2})[ \t\u00a0]*"
    r"(?:(said|says|say|writes|wrote|asks|asked|adds|added|replies|replied|tweeted|posted)"
    r"[ \t\u00a0]+)?"
    r"([A-Z][\w.'\u2019-]*(?:[ \t][A-Z][\w.'\u2019-]*){0,4})(?=[ \t\u00a0]*(?:[.,;]|$))",
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
    """A term in quote marks rather than speech: the title of a work, a few words modifying a
    noun outside the marks ('"sanctuary city" policies') or following "so-called"."""
    span = doc.char_span(mark.start, mark.end, alignment_mode="expand")
    if span is None or not mark.closed:
        return False
    if mark.title:
        return True
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
    """Grow each clause candidate's fragment over the quote marks it overlaps (a split
    candidate's fragments each over their own); return the chains no candidate holds (they
    need a cue of their own). Scare quotes are left alone."""
    free: list[list[int]] = []
    around: SpanIndex[Raw] = SpanIndex()  # the candidates, by their fragments
    for raw in raws:
        for fragment in raw.fragments:
            around.add(raw, fragment)
    for chain in _chains(spans):
        first = spans[chain[0]]
        if len(chain) == 1 and is_scare_quote(doc, first):
            continue
        held = False
        for raw in around.near((first.start, first.end)):
            k = next(
                (k for k, f in enumerate(raw.fragments) if overlap(f, (first.start, first.end))),
                None,
            )
            if k is None:
                continue
            if raw.cue is not None and any(
                spans[j].start <= raw.cue.idx < spans[j].end for j in chain
            ):
                continue  # an attribution inside the quote does not hold the quote
            held = True
            frag = raw.fragments[k]
            grown = (min(frag[0], first.start), max(frag[1], first.end))
            rest = [f for i, f in enumerate(raw.fragments) if i != k and not overlap(f, grown)]
            raw.fragments = sorted(
                [grown, *rest] + [(spans[j].start, spans[j].end) for j in chain[1:]]
            )
            around.add(raw, grown)  # grown over the marks
            raw.marks.extend(chain)
            if len(chain) > 1:
                raw.evidence.append("multi-paragraph-quote")
        if not held:
            free.append(chain)
    return free


NAME_ABBREVIATIONS = {"Jr", "Sr", "St"}  # a name that ends in one keeps its full stop


def _dash_candidate(
    doc: Doc, dash: re.Match[str], frags: list[tuple[int, int]], chain: list[int]
) -> Raw:
    """'"…" ― Jane Doe': the name is the source, the verb (if any) or the dash the cue."""
    cue_at = dash.span(2) if dash.group(2) else dash.span(1)
    cue = doc.char_span(*cue_at, alignment_mode="expand")
    start, end = dash.span(3)
    last = dash.group(3).split()[-1]
    if last.endswith(".") and len(last) > 2 and last[:-1] not in NAME_ABBREVIATIONS:
        end -= 1  # the full stop after the name ('-- said Mr. Cornelis Wald.')
    name = doc.char_span(start, end, alignment_mode="expand")
    raw = Raw("marks-dash", frags, cue[0] if cue else None, cue_at, None, (start, end))
    raw.subject = name[-1] if name else None
    raw.marks = list(chain)
    raw.evidence += ["quote-marks", "dash-attribution"]
    return raw


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


class _SpeechVerbs:
    """Where the verbs that may introduce a quote are, found once per article: a verb whose
    lemma hooks quotes anywhere, and any verb with a subject right next to a quote (looked for
    only there). Looking at every token of a quote's sentences for every quote was quadratic:
    8,000 bare quote marks are one sentence, and took 48 s."""

    def __init__(self, doc: Doc, text: str):
        self.doc, self.text = doc, text
        idx, pos, lemma = doc.to_array([IDX, POS, LEMMA]).reshape(-1, 3).T  # uint64
        self.starts = idx.astype(numpy.int64)  # each token's character offset
        strings = doc.vocab.strings
        verb = numpy.isin(pos, numpy.array([strings["VERB"], strings["AUX"]], dtype=numpy.uint64))
        verbs = numpy.flatnonzero(verb).tolist()
        hooked = _HOOKING.positions(strings, lemma[verb].tolist())
        self.hooks = [verbs[k] for k in hooked]  # token indices, ascending

    def nearest(
        self, lo: int, hi: int, inside: tuple[int, int], within: tuple[int, int]
    ) -> Token | None:
        """The reporting verb nearest to the quote ``inside``, outside it, within tokens
        [lo, hi) and the character range ``within`` (the quote's paragraphs); of two as near,
        the one before the quote."""
        first_in, first_after = self._first_at(inside[0]), self._first_at(inside[1])
        low, high = max(lo, self._first_at(within[0])), min(hi, self._first_at(within[1]))
        before = self._last(low, min(high, first_in), first_in, inside)
        after = self._first(max(low, first_after), high, first_after, inside)
        if before is None or after is None:
            return before or after
        gap_before = min(abs(before.idx - inside[0]), abs(before.idx - inside[1]))
        gap_after = min(abs(after.idx - inside[0]), abs(after.idx - inside[1]))
        return before if gap_before <= gap_after else after

    def _first_at(self, char: int) -> int:
        """The first token starting at or after character ``char``."""
        return int(numpy.searchsorted(self.starts, char, side="left"))

    def _last(self, lo: int, hi: int, edge: int, quote: tuple[int, int]) -> Token | None:
        """The last qualifying verb in tokens [lo, hi), which end at the quote's ``edge``."""
        k = bisect.bisect_left(self.hooks, hi) - 1
        best = self.hooks[k] if k >= 0 and self.hooks[k] >= lo else -1
        for i in range(hi - 1, max(lo, edge - ADJACENT_REACH, best + 1) - 1, -1):
            if self._qualifies(i, quote):
                best = i
                break
        return self.doc[best] if best >= 0 else None

    def _first(self, lo: int, hi: int, edge: int, quote: tuple[int, int]) -> Token | None:
        """The first qualifying verb in tokens [lo, hi), which start at the quote's ``edge``."""
        k = bisect.bisect_left(self.hooks, lo)
        best = self.hooks[k] if k < len(self.hooks) and self.hooks[k] < hi else hi
        for i in range(lo, min(hi, edge + ADJACENT_REACH, best)):
            if self._qualifies(i, quote):
                best = i
                break
        return self.doc[best] if best < hi else None

    def _qualifies(self, i: int, quote: tuple[int, int]) -> bool:
        tok = self.doc[i]
        if tok.pos_ not in ("VERB", "AUX"):
            return False
        if _hooks(tok.lemma_):
            return True
        if tok.idx >= quote[1] and self.text[quote[1] - 2 : quote[1] - 1] == ".":
            return False  # '"… smart." Trump was': the quote ended its sentence
        return _adjacent_with_subject(self.doc, tok, quote)


def _hooks(lemma: str) -> bool:
    return hooks_quotes(lemma.lower())


_HOOKING = WordTest(_hooks)


def _lead_in(
    doc: Doc, regions: Regions, sents: list[tuple[int, int]], start: int
) -> tuple[int, int] | None:
    """The token range of the sentence ending in a colon right before a quote (same paragraph
    or the end of the previous one), else None."""
    i = regions.index(start)
    if i is None:
        return None
    base, stop = regions.spans[i][0], start
    end = _visible_end(regions.text, base, stop)
    if end == base and i > 0:
        base, stop = regions.spans[i - 1]
        end = _visible_end(regions.text, base, stop)
    if end == base or regions.text[end - 1] != ":":
        return None
    colon = doc.char_span(end - 1, end, alignment_mode="expand")
    if colon is None:
        return None
    return sents[colon[0].i][0], colon[0].i + 1


def _visible_end(text: str, base: int, stop: int) -> int:
    """Where text[base:stop] ends without its trailing white space (``base`` when blank);
    read from the end, as slicing the paragraph for every quote was quadratic."""
    while stop > base and text[stop - 1].isspace():
        stop -= 1
    return stop


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
    verbs = _SpeechVerbs(doc, regions.text)
    turn: Raw | None = None  # the last turn of a dialogue
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
            out.append(_dash_candidate(doc, dash, frags, chain))
            continue
        lo = min(sents[qspan.start][0], max(0, qspan.start - 5))
        hi = max(sents[qspan.end - 1][1], min(len(doc), qspan.end + 5))
        cue = verbs.nearest(lo, hi, inside, within)
        host = hosts.with_cue(cue)
        if host is not None:  # '"…," she said. "…"': the second part of a split quote
            hosts.attach(host, chain, frags, "split-quote")
            continue
        evidence = ["quote-marks"]
        if cue is None:
            lead = _lead_in(doc, regions, sents, first.start)
            if lead is not None:
                cue = verbs.nearest(lead[0], lead[1], inside, (0, len(regions.text)))
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
        latest = max((r for r in (turn, host) if r is not None), key=lambda r: r.end, default=None)
        if words >= 2 and _new_turn(regions, latest, first.start, last.end):
            turn = Raw(DIALOGUE_TURN, frags, marks=list(chain), evidence=["quote-marks"])
            out.append(turn)
            continue
        if host is not None and words >= 2:
            hosts.attach(host, chain, frags, "continued-quote")
            continue
        if words >= 4:
            out.append(Raw("marks-alone", frags, marks=list(chain), evidence=["quote-marks"]))
    return out


DIALOGUE_TURN = "dialogue-turn"
_CLOSING = "\"'\u201d\u2019 \n"


def is_question(text: str) -> bool:
    """Whether a quotation asks ('"And if it never does?"'), its closing marks aside."""
    return text.rstrip(_CLOSING).endswith("?")


def _new_turn(regions: Regions, before_raw: Raw | None, start: int, end: int) -> bool:
    """A quote opening the paragraph after a quote that asked, or asking after one that
    answered, is a turn of a dialogue, not more of the same quote (its speaker is read by
    the speakers step, ``speakers.dialogue``)."""
    if before_raw is None:
        return False
    before = before_raw.fragments[-1]
    here, there = regions.index(start), regions.index(before[1] - 1)
    if here is None or there is None or here - there != 1:
        return False
    if not _opens_line(regions.text, start) or not _opens_line(regions.text, before[0]):
        return False
    return is_question(regions.text[before[0] : before[1]]) != is_question(regions.text[start:end])


def _opens_line(text: str, at: int) -> bool:
    return not text[text.rfind("\n", 0, at) + 1 : at].strip()


class _Hosts:
    """The candidates a further quote in marks may join (they hold marks and have a cue), by
    cue token and by where they end, in the order they were proposed. Asking every candidate
    for every quote was quadratic in the length of the article, and so was asking the ones
    of a long paragraph, or re-sorting the fragments of a quote continued over thousands."""

    def __init__(self, raws: list[Raw]):
        self._by_cue: dict[int, Raw] = {}
        self._raws: list[Raw] = []  # by when first filed
        self._number: dict[int, int] = {}  # id(raw) -> its place in _raws
        self._end: list[int] = []  # where each ends (Raw.end reads every fragment)
        self._ends: list[tuple[int, int]] = []  # (end, number), sorted
        for raw in raws:
            self.add(raw)

    def add(self, raw: Raw) -> None:
        """File a new candidate."""
        if raw.marks and raw.cue is not None:
            self._by_cue.setdefault(raw.cue.i, raw)
            self._number[id(raw)] = len(self._raws)
            self._raws.append(raw)
            self._end.append(raw.end)
            bisect.insort(self._ends, (raw.end, len(self._raws) - 1))

    def attach(self, host: Raw, chain: list[int], frags: list[tuple[int, int]], why: str) -> None:
        """Add a quote to a filed candidate as further fragments (split or continued quotes)."""
        number = self._number[id(host)]
        end = self._end[number]
        for frag in frags:
            bisect.insort(host.fragments, frag)  # they were sorted: as sorted(old + new)
        host.marks.extend(chain)
        host.evidence.append(why)
        grown = max(end, *(e for _, e in frags))
        if grown != end:
            del self._ends[bisect.bisect_left(self._ends, (end, number))]
            bisect.insort(self._ends, (grown, number))
            self._end[number] = grown

    def with_cue(self, cue: Token | None) -> Raw | None:
        return self._by_cue.get(cue.i) if cue is not None else None

    def continued(self, start: int, regions: Regions) -> Raw | None:
        """The one this quote continues: the last to end before it in the same region, or in
        the previous region when this quote opens its line (so only the candidates around
        those regions are asked). A quote inside a sentence of the next paragraph ('She called
        for the bonus to be "clawed back"') continues nothing."""
        here = regions.index(start)
        if here is None:
            return None
        last = bisect.bisect_right(self._ends, (start, len(self._raws))) - 1
        if last < 0:
            return None
        end = self._ends[last][0]
        there = regions.index(end - 1)
        if there is None or here - there > 1:
            return None
        prev = self._raws[self._ends[bisect.bisect_left(self._ends, (end, -1))][1]]
        if here == there:
            return prev
        return prev if _opens_line(regions.text, start) else None
