"""Candidate attributions from rules over the parse and the quote marks (high recall).

Each rule proposes (cue, content, source) triples; the scorer (``quotes.scoring``) then decides
which are real attributions. Shapes covered:
- a verb with a clausal complement (``X said (that) ...``, ``..., X said``, ``said X``);
- a cue hanging off the content clause (``..., another source said``: parataxis);
- ``according to X``;
- a verb with an object (``called the plan a "disaster"``, ``X denied the report``);
- ``Name: ...`` lead-ins (headlines, interviews);
- text in quote marks: snapped into the clause that holds it, else attached to a reporting
  verb next to it, a colon lead-in, or appended as a further fragment of the quote it continues
  (split quotes, quote paragraphs following an attributed quote).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import numpy
from spacy.attrs import DEP, HEAD, LOWER, ORTH, POS
from spacy.tokens import Doc, Token

from saidwhat.quotes.candidate import FragmentExtent
from saidwhat.quotes.marks import MarkSpan
from saidwhat.quotes.spans import SpanIndex, overlap
from saidwhat.quotes.syntax import (
    char_span,
    is_quote_token,
    mention_span,
    sentence_bounds,
    subject_of,
    subtree_span,
)

# '"…" ― Jane Doe' (a name after a dash ends the line or sentence)
DASH_SOURCE = re.compile(
    r"[ \t\u00a0]*([\u2015\u2014\u2013-]{1,2})[ \t\u00a0]*"
    r"([A-Z][\w.'\u2019-]*(?:[ \t][A-Z][\w.'\u2019-]*){0,4})(?=[ \t\u00a0]*(?:[.,]|$))",
    re.MULTILINE,
)
ADJUNCT_PREPS = {"during", "at", "in", "after", "before", "since", "amid", "while"}
OBJECT_DEPS = {"dobj", "oprd", "dative", "attr"}
OBJECT_PREPS = {"for", "on", "as", "to", "about", "of", "with", "by", "against"}
# reporting verbs used to hook quote marks that the parse did not attach (small, closed class)
SPEECH_LEMMAS = {
    "say",
    "add",
    "tell",
    "write",
    "tweet",
    "ask",
    "explain",
    "continue",
    "note",
    "argue",
    "declare",
    "respond",
    "reply",
    "state",
    "insist",
    "warn",
    "recall",
    "claim",
    "post",
    "announce",
    "conclude",
    "joke",
    "quip",
    "observe",
    "remark",
    "answer",
    "comment",
    "put",
}
#


@dataclass
class Raw(FragmentExtent):
    """A proposed attribution before scoring; spans are character offsets into the doc."""

    kind: str
    fragments: list[tuple[int, int]]
    cue: Token | None = None
    cue_span: tuple[int, int] | None = None
    subject: Token | None = None
    source: tuple[int, int] | None = None
    evidence: list[str] = field(default_factory=list)
    marks: list[int] = field(default_factory=list)  # indices of mark spans it holds


class Regions:
    """The article parts quotes may come from (body, key points, headline), for fast lookup."""

    def __init__(self, text: str, spans: list[tuple[int, int]]):
        self.text = text  # the article text (``Doc.text`` is rebuilt on every access)
        merged: list[tuple[int, int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
            else:
                merged.append((s, e))
        self.spans = merged
        self.starts = [s for s, _ in merged]

    def index(self, pos: int) -> int | None:
        """The region holding character pos, or None."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return i if i >= 0 and pos < self.spans[i][1] else None


def _with_source(raw: Raw, doc: Doc, cue: Token) -> Raw:
    """Set the cue and its source: the cue's subject, unless the parser took it from inside
    the quote (then the words between quote and cue: '"…," Chief Ann Bo said')."""
    subj = subject_of(cue)
    raw.cue, raw.cue_span = cue, _cue_span(cue)
    if raw.marks and subj is not None and any(s <= subj.idx < e for s, e in raw.fragments):
        subj = None
        raw.evidence.append("source-next-to-cue")
        between = [t for t in doc[max(0, cue.i - 12) : cue.i] if t.idx >= raw.end]
        between = [t for t in between if not t.is_punct and not is_quote_token(t)]
        if cue.idx < raw.start:
            between = []
            for t in doc[cue.i + 1 :]:
                if t.is_punct or t.idx >= raw.start:
                    break
                between.append(t)
        names = [t for t in between if t.pos_ in ("PROPN", "NOUN", "PRON")]
        if names and len(between) <= 8:
            raw.subject, raw.source = names[-1], char_span(between)
            return raw
    if subj is not None:
        raw.subject, raw.source = subj, mention_span(doc, subj)
    return raw


def _cue_span(cue: Token) -> tuple[int, int]:
    """The cue verb with its particle ("pointed out") or "according to"."""
    toks = [cue] + [
        c for c in cue.children if c.dep_ == "prt" or (c.lower_ == "to" and c.i == cue.i + 1)
    ]
    return min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks)


def _span_of(tokens: list[Token], within: tuple[int, int]) -> list[tuple[int, int]]:
    """The content span of the tokens, kept inside the cue's paragraph (the parser may run a
    sentence over a paragraph break)."""
    span = char_span(t for t in tokens if within[0] <= t.idx < within[1])
    return [span] if span and span[1] > span[0] else []


def _noun_clause(doc: Doc, noun: Token, within: tuple[int, int]) -> list[Raw]:
    """ "Trump's claim that ...", "a Times report that ...": a noun with a that-clause; the
    source is the possessor or the proper-noun compound."""
    clause = next(
        (c for c in noun.children if c.dep_ in ("acl", "relcl", "ccomp") and c.i > noun.i
         and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)),
        None,
    )  # fmt: skip
    if clause is None:
        return []
    frags = _span_of(list(doc[clause.left_edge.i : clause.right_edge.i + 1]), within)
    if not frags:
        return []
    raw = Raw("noun-clause", frags, noun, _cue_span(noun), evidence=["that-clause-of-noun"])
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    names = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if owner is not None:
        raw.subject, raw.source = owner, mention_span(doc, owner)
    elif names:
        raw.subject, raw.source = names[-1], char_span(doc[names[0].left_edge.i : noun.i])
    return [raw]


def _quoted_term(content: str) -> bool:
    """A few words wholly in quote marks ('"sanctuary cities"'): a term, not something said."""
    text = content.strip(" .,")
    marks = "\"'\u201c\u201d\u2018\u2019"
    return len(text) > 1 and text[0] in marks and text[-1] in marks and len(text.split()) <= 4


def _object_core(doc: Doc, lo: int, hi: int) -> list[Token]:
    """The object words without trailing asides: stop at the first comma outside quote marks
    and leave out time/place adjuncts ('called it "a mess" during the debate')."""
    out: list[Token] = []
    quoted = False
    skip_until = -1
    for tok in doc[lo : hi + 1]:
        if is_quote_token(tok):
            quoted = not quoted
        elif tok.text in (",", ";", "—", "--") and not quoted and out:
            break
        if tok.i <= skip_until:
            continue
        if tok.dep_ == "prep" and tok.lower_ in ADJUNCT_PREPS and out:
            skip_until = tok.right_edge.i
            continue
        out.append(tok)
    return out


def clause_candidates(doc: Doc, tokens: list[Token], regions: Regions) -> list[Raw]:
    """Verb-centred candidates: clausal complements, parataxis, objects, according to."""
    out: list[Raw] = []
    for tok in tokens:
        within = regions.spans[regions.index(tok.idx) or 0]
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
            if pobj is not None and tok.head is not tok:
                frags = _span_of(subtree_span(doc, tok.head, minus=tok.subtree), within)
                if frags:
                    raw = Raw(
                        "according",
                        frags,
                        tok,
                        _cue_span(tok),
                        pobj,
                        mention_span(doc, pobj),
                        ["according-to"],
                    )
                    out.append(raw)
            continue
        if tok.pos_ == "NOUN":
            out.extend(_noun_clause(doc, tok, within))
            continue
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        ccomps = [c for c in tok.children if c.dep_ == "ccomp"]
        for side in (
            c for c in ([c for c in ccomps if c.i < tok.i], [c for c in ccomps if c.i > tok.i]) if c
        ):
            lo = min(c.left_edge.i for c in side)
            hi = max(c.right_edge.i for c in side)
            frags = _span_of(list(doc[lo : hi + 1]), within)
            if frags:
                where = "after" if side[0].i < tok.i else "before"
                out.append(
                    _with_source(Raw("ccomp", frags, evidence=[f"ccomp-{where}-cue"]), doc, tok)
                )
        if ccomps:
            continue
        if tok.dep_ == "parataxis" and tok.head.pos_ in ("VERB", "AUX"):
            frags = _span_of(subtree_span(doc, tok.head, minus=tok.subtree), within)
            if frags:
                out.append(
                    _with_source(Raw("parataxis", frags, evidence=["cue-after-clause"]), doc, tok)
                )
            continue
        objs = [
            c
            for c in tok.children
            if c.i > tok.i
            and (
                c.dep_ in OBJECT_DEPS
                or c.dep_ == "prep"
                and c.lower_ in OBJECT_PREPS
                or c.dep_ == "xcomp"
            )
        ]
        if objs:
            lo = min(c.left_edge.i for c in objs)
            hi = max(c.right_edge.i for c in objs)
            frags = _span_of(_object_core(doc, lo, hi), within)
            if frags and not _quoted_term(regions.text[frags[0][0] : frags[0][1]]):
                out.append(_with_source(Raw("object", frags, evidence=["object-of-cue"]), doc, tok))
    return out


def colon_candidates(
    doc: Doc, tokens: list[Token], regions: Regions, sents: list[tuple[int, int]]
) -> list[Raw]:
    """``Name: what they said`` at the start of a sentence (headlines, interview transcripts);
    at the start of a paragraph the whole paragraph is what they said."""
    out: list[Raw] = []
    for tok in tokens:
        sent_start, sent_end = sents[tok.i]
        if tok.text != ":" or tok.i == sent_start or tok.i - sent_start > 5:
            continue
        lead = [t for t in doc[sent_start : tok.i] if not is_quote_token(t)]
        if not lead or not any(t.pos_ == "PROPN" or t.is_title or t.is_upper for t in lead):
            continue
        if any(t.pos_ in ("VERB", "AUX") for t in lead):
            continue
        region = regions.spans[regions.index(tok.idx) or 0]
        kind, end = "colon-name", sent_end
        if not regions.text[region[0] : lead[0].idx].strip("\"\u201c\u201d' "):
            kind = "colon-paragraph"
            while end < len(doc) and doc[end].idx < region[1]:
                end += 1
        rest = list(doc[tok.i + 1 : end])
        frags = _span_of(rest, region)
        src = char_span(lead)
        if len(rest) >= 3 and frags and src:
            head = max(lead, key=lambda t: t.pos_ == "PROPN")
            colon = (tok.idx, tok.idx + 1)
            out.append(Raw(kind, frags, tok, colon, head, src, ["name-colon-lead-in"]))
    return out


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
            tok.lemma_.lower() in SPEECH_LEMMAS or _adjacent_with_subject(doc, tok, inside)
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
                _with_source(Raw("marks", frags, marks=list(chain), evidence=evidence), doc, cue)
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


def rule_starts(doc: Doc, regions: Regions) -> list[Token]:
    """The tokens the clause and colon rules can start from, in text order and in the read
    regions: verbs, nouns heading a clause, "according" and colons. Chosen over arrays, since
    making a Token of every word cost more than the rules themselves."""
    if not len(doc):
        return []
    pos, lower, orth, dep = doc.to_array([POS, LOWER, ORTH, DEP]).T  # uint64 hashes
    head = doc.to_array(HEAD).astype(numpy.int64)  # offset to the head, may be negative
    strings = doc.vocab.strings
    noun_clauses = numpy.zeros(len(doc), dtype=bool)
    clause = numpy.isin(dep, [strings["acl"], strings["relcl"], strings["ccomp"]]) & (head < 0)
    noun_clauses[numpy.flatnonzero(clause) + head[clause]] = True  # HEAD is relative
    wanted = (
        numpy.isin(pos, [strings["VERB"], strings["AUX"]])
        | (pos == strings["NOUN"]) & noun_clauses
        | (lower == strings["according"])
        | (orth == strings[":"])
    )
    found = (doc[int(i)] for i in numpy.flatnonzero(wanted))
    return [t for t in found if regions.index(t.idx) is not None]


def find_candidates(doc: Doc, regions: Regions, spans: list[MarkSpan]) -> list[Raw]:
    """All proposals of the article in text order (overlapping ones included)."""
    tokens = rule_starts(doc, regions)
    sents = sentence_bounds(doc)
    raws = clause_candidates(doc, tokens, regions) + colon_candidates(doc, tokens, regions, sents)
    free = absorb_marks(raws, spans, doc)
    raws += mark_candidates(doc, spans, free, raws, regions, sents)
    return sorted(raws, key=lambda r: (r.start, r.end))
