"""Helpers over the dependency parse: token sets to character spans, the source mention of a cue.

Reads token ``dep_``, ``head``, ``pos_``, ``lemma_`` (parser, tagger, lemmatizer) and, to keep
dates out of source mentions, ``ent_type_`` (NER).
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter

import numpy
from spacy.tokens import Doc, Span, Token

_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201f`"
QUOTE_CHARS = set(_QUOTES)
# children that are an aside of the source mention, not the name itself
SOURCE_ASIDES = {"appos", "relcl", "acl", "punct", "advcl", "parataxis"}
# a cue without a subject borrows it from the verb it hangs off ("..., saying", "and added")
BORROW_SUBJECT = {"advcl", "xcomp", "conj", "pcomp"}
_position = attrgetter("i")  # sorts tokens faster than a lambda


def is_quote_token(tok: Token) -> bool:
    """Whether the token is quote marks only (stripping them leaves nothing: a test of each
    character in turn cost a tenth of the clause rules)."""
    text = tok.text
    return bool(text) and not text.strip(_QUOTES)


def _weak(t: Token) -> bool:
    """Punctuation (but not quote marks), a coordinator or a space: trimmed at the edges."""
    return (t.is_punct and not is_quote_token(t)) or t.is_space or t.dep_ == "cc"


def trimmed(tokens: list[Token]) -> list[Token]:
    """Drop punctuation (but not quote marks), coordinators and spaces at both edges."""
    lo, hi = 0, len(tokens)
    while lo < hi and _weak(tokens[lo]):
        lo += 1
    while hi > lo and _weak(tokens[hi - 1]):
        hi -= 1
    return tokens[lo:hi]


def char_span(tokens: Iterable[Token]) -> tuple[int, int] | None:
    """The character extent of the tokens (first start to last end), edge punctuation trimmed."""
    if isinstance(tokens, Span):  # in order already: trimmed at its edges by index
        return char_extent(tokens.doc, tokens.start, tokens.end)
    toks = trimmed(sorted(tokens, key=_position))
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def char_extent(doc: Doc, lo: int, hi: int) -> tuple[int, int] | None:
    """``char_span(doc[lo:hi])`` without the Span: trimming a Span sliced it again and took
    its edge tokens through it (a slice and two lookups of the Span's bounds each), 3.6% of
    the quotes step, mostly from ``mention_span``."""
    while lo < hi and _weak(doc[lo]):
        lo += 1
    while hi > lo and _weak(doc[hi - 1]):
        hi -= 1
    if lo == hi:
        return None
    last = doc[hi - 1]
    return doc[lo].idx, last.idx + len(last.text)


def subtree_span(doc: Doc, tok: Token, minus: Iterable[Token] = ()) -> list[Token]:
    """The tokens of tok's subtree between its edges, without the excluded tokens."""
    excluded = {t.i for t in minus}
    return [doc[i] for i in range(tok.left_edge.i, tok.right_edge.i + 1) if i not in excluded]


# "forced Stumpf to admit that …": who admits is the object of these verbs, not their subject
OBJECT_CONTROL = {"force", "press", "pressure", "push", "compel", "ask", "urge", "challenge",
                  "dare", "invite", "encourage", "get", "prod", "goad"}  # fmt: skip


def subject_of(verb: Token, hops: int = 3) -> Token | None:
    """The subject of a cue verb, borrowed from the governing verb when it has none (also
    through a noun: "issued a statement saying"); for a relative clause without a relative
    pronoun subject, the noun it modifies; for a participle on a name, or a verb after a name
    that the parser hung elsewhere (``_glued_subject``), the name; for an infinitive after an
    object-control verb ("forced Stumpf to admit"), the object."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else verb
    if before.pos_ == "PROPN" and before.dep_ == "pobj" and _glued_subject(verb, before):
        return before
    tok = verb
    for _ in range(hops + 1):
        for child in tok.children:  # a loop, not a generator: ~7,500 cues a dev pass
            if child.dep_ == "nsubj" and not child.is_punct:
                return _fronted_name(child)  # a relative "who" stays (resolved by speakers)
        if tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.head.pos_ == "PROPN"):
            return tok.head
        if tok.dep_ == "xcomp" and tok.head.lemma_ in OBJECT_CONTROL:
            obj = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
            if obj is not None:
                return obj
        if tok.dep_ == "acl" and tok.head.dep_ in ("dobj", "pobj", "attr"):
            # "Trump issued a statement saying ...": the subject of the verb that has the noun
            noun = tok.head
            tok = noun.head.head if noun.dep_ == "pobj" else noun.head
            continue
        if tok.dep_ not in BORROW_SUBJECT or tok.head is tok:
            return None
        tok = tok.head
    return None


def _glued_subject(verb: Token, name: Token) -> bool:
    """The name right before the verb that the parser hung on the phrase before it: "footage
    of Hillary Clinton asking"; a verb with no subject, "…with the editorial board of the
    Washington Post Trump said"."""
    if verb.tag_ == "VBG":
        return name.head.lower_ == "of"
    return verb.tag_ in ("VBD", "VBZ") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children
    )


def _fronted_name(subj: Token) -> Token:
    """'With 50 days until the election, Minyon Moore, …, called', 'To understand the real
    Dred Scott, Chief Justice Roberts said': the parser takes the last noun of a fronted phrase
    as the subject and the name after it as its apposition. A subject right after a
    preposition or a verb is such a noun; its apposition that is a name is who spoke."""
    edge = subj.left_edge.i
    if subj.i > subj.head.i or edge == 0 or subj.doc[edge - 1].pos_ not in ("ADP", "VERB"):
        return subj  # 'said Rep. Jo Ray (D-N.C.)': a subject after its verb is as written
    name = (c for c in subj.children if c.dep_ == "appos" and c.i > subj.i and c.pos_ == "PROPN")
    return next(name, subj)


def mention_span(doc: Doc, head: Token, cue: Token | None = None) -> tuple[int, int] | None:
    """The source mention as written: the noun phrase without appositions or relative clauses
    ("Lindsay Walters, a spokeswoman," -> "Lindsay Walters") or the cue ("Said Ellis:"). A
    name that the parser hung on the phrase right before the cue (``_glued_subject``) is the
    one word: "the Washington Post Trump said" -> "Trump"."""
    if cue is not None and head.dep_ == "pobj" and head.i == cue.i - 1:
        return char_span([head])
    keep: list[Token] = [head]
    for child in head.children:
        if child.dep_ in SOURCE_ASIDES or child == cue:
            continue
        if child.i > head.i and any(t.text == "," for t in doc[head.i : child.left_edge.i]):
            continue
        if child.dep_ in ("prep", "npadvmod") and any(
            t.ent_type_ in ("DATE", "TIME") for t in child.subtree
        ):
            continue  # "Trump on Wednesday said": the time is not part of the name
        keep.extend(child.subtree)
    lo, hi = min(t.i for t in keep), max(t.i for t in keep)
    return char_extent(doc, lo, hi + 1)


def any_of(column: numpy.ndarray, values: Iterable[int]) -> numpy.ndarray:
    """``numpy.isin(column, values)`` for a few values (labels, hashes): one comparison each.
    isin's own checks and conversions cost ~50 µs a call, 0.03 s of the quotes step over
    PolNeAR dev at eight calls an article."""
    mask = numpy.zeros(len(column), dtype=bool)
    for value in values:
        mask |= column == value
    return mask


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token indices of each token's sentence, in one pass (``Token.sent`` costs a
    walk over the doc on every call)."""
    bounds: list[tuple[int, int]] = []
    for sent in doc.sents:
        bounds.extend([(sent.start, sent.end)] * (sent.end - sent.start))
    return bounds
