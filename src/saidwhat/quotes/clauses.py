"""Candidate attributions from rules over the dependency parse (high recall); the scorer
(``quotes.scoring``) then decides which are real. Shapes covered:
- a verb with a clausal complement (``X said (that) ...``, ``..., X said``, ``said X``);
- a cue hanging off the content clause (``..., another source said``: parataxis);
- ``according to X``;
- a verb with an object (``called the plan a "disaster"``, ``X denied the report``);
- a noun with a that-clause (``Trump's claim that ...``);
- ``Name: ...`` lead-ins (headlines, interviews).
Text in quote marks is the business of ``quotes.marked``.
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, HEAD, LOWER, ORTH, POS
from spacy.tokens import Doc, Token

from saidwhat.quotes.proposals import Raw, Regions, cue_span, span_of, with_source
from saidwhat.quotes.syntax import char_span, is_quote_token, mention_span, subtree_span

ADJUNCT_PREPS = {"during", "at", "in", "after", "before", "since", "amid", "while"}
OBJECT_DEPS = {"dobj", "oprd", "dative", "attr"}
OBJECT_PREPS = {"for", "on", "as", "to", "about", "of", "with", "by", "against"}


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
    frags = span_of(list(doc[clause.left_edge.i : clause.right_edge.i + 1]), within)
    if not frags:
        return []
    raw = Raw("noun-clause", frags, noun, cue_span(noun), evidence=["that-clause-of-noun"])
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
                frags = span_of(subtree_span(doc, tok.head, minus=tok.subtree), within)
                if frags:
                    raw = Raw(
                        "according",
                        frags,
                        tok,
                        cue_span(tok),
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
            frags = span_of(list(doc[lo : hi + 1]), within)
            if frags:
                where = "after" if side[0].i < tok.i else "before"
                out.append(
                    with_source(Raw("ccomp", frags, evidence=[f"ccomp-{where}-cue"]), doc, tok)
                )
        if ccomps:
            continue
        if tok.dep_ == "parataxis" and tok.head.pos_ in ("VERB", "AUX"):
            frags = span_of(subtree_span(doc, tok.head, minus=tok.subtree), within)
            if frags:
                out.append(
                    with_source(Raw("parataxis", frags, evidence=["cue-after-clause"]), doc, tok)
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
            frags = span_of(_object_core(doc, lo, hi), within)
            if frags and not _quoted_term(regions.text[frags[0][0] : frags[0][1]]):
                out.append(with_source(Raw("object", frags, evidence=["object-of-cue"]), doc, tok))
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
        frags = span_of(rest, region)
        src = char_span(lead)
        if len(rest) >= 3 and frags and src:
            head = max(lead, key=lambda t: t.pos_ == "PROPN")
            colon = (tok.idx, tok.idx + 1)
            out.append(Raw(kind, frags, tok, colon, head, src, ["name-colon-lead-in"]))
    return out


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
