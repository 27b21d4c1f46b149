"""Helpers over the dependency parse: token sets to character spans, the source mention of a cue.

Reads token ``dep_``, ``head``, ``pos_``, ``lemma_`` (parser, tagger, lemmatizer) and, to keep
dates out of source mentions, ``ent_type_`` (NER).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

QUOTE_CHARS = set("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201f`")
# children that are an aside of the source mention, not the name itself
SOURCE_ASIDES = {"appos", "relcl", "acl", "punct", "advcl", "parataxis"}
# a cue without a subject borrows it from the verb it hangs off ("..., saying", "and added")
BORROW_SUBJECT = {"advcl", "xcomp", "conj", "pcomp"}


def is_quote_token(tok: Token) -> bool:
    return bool(tok.text) and all(c in QUOTE_CHARS for c in tok.text)


def trimmed(tokens: list[Token]) -> list[Token]:
    """Drop punctuation (but not quote marks), coordinators and spaces at both edges."""
    lo, hi = 0, len(tokens)

    def weak(t: Token) -> bool:
        return (t.is_punct and not is_quote_token(t)) or t.is_space or t.dep_ == "cc"

    while lo < hi and weak(tokens[lo]):
        lo += 1
    while hi > lo and weak(tokens[hi - 1]):
        hi -= 1
    return tokens[lo:hi]


def char_span(tokens: Iterable[Token]) -> tuple[int, int] | None:
    """The character extent of the tokens (first start to last end), edge punctuation trimmed."""
    toks = trimmed(sorted(tokens, key=lambda t: t.i))
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def subtree_span(doc: Doc, tok: Token, minus: Iterable[Token] = ()) -> list[Token]:
    """The tokens of tok's subtree between its edges, without the excluded tokens."""
    excluded = {t.i for t in minus}
    return [doc[i] for i in range(tok.left_edge.i, tok.right_edge.i + 1) if i not in excluded]


def subject_of(verb: Token, hops: int = 3) -> Token | None:
    """The subject of a cue verb, borrowed from the governing verb when it has none (also
    through a noun: "issued a statement saying"); for a relative clause without a relative
    pronoun subject, the noun it modifies."""
    tok = verb
    for _ in range(hops + 1):
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj  # a relative "who" stays as written (the speakers step resolves it)
        if tok.dep_ == "relcl":
            return tok.head
        if tok.dep_ == "acl" and tok.head.dep_ in ("dobj", "pobj", "attr"):
            # "Trump issued a statement saying ...": the subject of the verb that has the noun
            noun = tok.head
            tok = noun.head.head if noun.dep_ == "pobj" else noun.head
            continue
        if tok.dep_ not in BORROW_SUBJECT or tok.head is tok:
            return None
        tok = tok.head
    return None


def mention_span(doc: Doc, head: Token) -> tuple[int, int] | None:
    """The source mention as written: the noun phrase without appositions or relative clauses
    ("Lindsay Walters, a spokeswoman," -> "Lindsay Walters")."""
    keep: list[Token] = [head]
    for child in head.children:
        if child.dep_ in SOURCE_ASIDES:
            continue
        if child.i > head.i and any(t.text == "," for t in doc[head.i : child.left_edge.i]):
            continue
        if child.dep_ in ("prep", "npadvmod") and any(
            t.ent_type_ in ("DATE", "TIME") for t in child.subtree
        ):
            continue  # "Trump on Wednesday said": the time is not part of the name
        keep.extend(child.subtree)
    lo, hi = min(t.i for t in keep), max(t.i for t in keep)
    return char_span(doc[lo : hi + 1])


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token indices of each token's sentence, in one pass (``Token.sent`` costs a
    walk over the doc on every call)."""
    bounds: list[tuple[int, int]] = []
    for sent in doc.sents:
        bounds.extend([(sent.start, sent.end)] * (sent.end - sent.start))
    return bounds
