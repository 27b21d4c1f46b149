"""Small readings of a source mention's words: a description cut after its head, a mention
without its article, whether a noun owned by someone is itself a speaker, an op-ed's author
line, the members a collective names ("a group of parents"), the subject a quantifier stands
for ("each")."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from saidwhat.lang import titles as tl
from saidwhat.lang import words as lx
from saidwhat.lang.names import clean, parse_name
from saidwhat.records import Article

DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "another"}
_TITLE_RE = tl.title_pattern()


def is_name_word(word: str) -> bool:
    """A word that can be part of a person's name: capitalised, or a particle ('de')."""
    return word[:1].isupper() or word.lower() in lx.PARTICLES


def without_determiner(mention: Span) -> str:
    """The mention's words without a leading article or demonstrative ('the report')."""
    words = list(mention)
    while words and words[0].lower_ in DETERMINERS:
        words.pop(0)
    return clean("".join(t.text_with_ws for t in words)) or clean(mention.text)


def first_person(mention: Span | None) -> bool:
    """'my father', 'our president': the writer's own, not someone the article named."""
    return mention is not None and any(t.lower_ in ("my", "our") for t in mention)


_GROUP_OF = {"group", "number", "handful", "majority", "minority", "couple", "team", "pair"}


def head_phrase(span: Span) -> str:
    """A description cut after its head, the words that qualify it after it left out (they
    become affiliations): "advisers to Mr. Obama" -> "advisers", "Political observers in
    Virginia" -> "Political observers", "developers and supporters in Congress" ->
    "developers and supporters", "a group of black parents with kids" -> "black parents";
    leading determiners go too."""
    head = span.root
    if head.lemma_.lower() in _GROUP_OF:
        of = next((c for c in head.children if c.lower_ == "of"), None)
        noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if noun is not None and span.start <= noun.i < span.end:
            head = noun
    last = max([head] + [c for c in head.children if c.dep_ == "conj" and c.i < span.end])
    start = max(head.left_edge.i, span.start)
    words = list(span.doc[start : last.i + 1])
    while words and (words[0].lower_ in DETERMINERS or words[0].dep_ in ("poss", "case")):
        words.pop(0)
    text = "".join(t.text_with_ws for t in words).strip()
    return clean(text) or clean(span.text)


def says_as_role(head: Token) -> bool:
    """A noun that is itself a speaker when owned ("Trump's spokeswoman", "Clinton's
    campaign", "Ivana Trump's brief"): a role, a kind of person, a body or a document."""
    lemma = head.lemma_.lower()
    return (
        is_person_noun(head)
        or _TITLE_RE.fullmatch(lemma) is not None
        or lemma in lx.ORG_HEADS
        or lemma in lx.DOCUMENT_HEADS
        or lemma in lx.GROUP_HEADS
    )


def party_one(content: list[str]) -> bool:
    """'The Republican', 'the Democrat': one member of a party, as a description."""
    return len(content) == 1 and content[0] in lx.PARTY_WORDS and not content[0].endswith("s")


# "Charlotte Meehan is playwright-in-residence at ...": an op-ed's author, in a closing line
_BIO = re.compile(
    r"([A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+){1,3}) (?:is|was|has been|serves as) "
)


def bio_name(article: Article) -> str:
    """The writer named in one of the last two paragraphs' author line, if there is one."""
    for start, end in article.paragraphs[-2:]:
        paragraph = article.text[start:end]
        match = _BIO.match(paragraph)
        name = parse_name(match.group(1)) if match and len(paragraph.split()) <= 60 else None
        if name is not None:
            return name.bare
    return ""


def is_person_noun(token: Token) -> bool:
    """A noun that names a kind of person ("businessman", "ex-wife"), not a title."""
    return token.lemma_.lower() in lx.PERSON_NOUNS or token.lower_ in lx.PERSON_NOUNS


def document_name(mention: Span) -> str:
    """A document named by its owner and what it is: "a new report by Politico" -> "Politico
    report", "A memorable Hillary Clinton ad in 2008" -> "Hillary Clinton ad", "the IMF
    report" -> "IMF report"; adjectives, numbers and determiners left out."""
    head = mention.root
    kept = [t for t in mention if t.i < head.i and t.dep_ in ("compound", "poss")]
    kept = [t for t in kept if t.pos_ in ("PROPN", "NOUN")]
    by = next((c for c in head.children if c.lower_ == "by" and c.i > head.i), None)
    agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
    owner = []
    if agent is not None and agent.i < mention.end:
        owner = [t for t in agent.subtree if t.pos_ == "PROPN" and t.i <= agent.i]
    words = [t.text for t in owner] + [t.text for t in kept] + [head.text]
    name = clean(" ".join(words))
    return name or without_determiner(mention)


def subject_above(token: Token) -> tuple[int, int] | None:
    """The subject of the nearest clause above ``token`` that has another one ("Trump and
    Clinton vied ..., each touting"): its whole phrase, as characters."""
    verb = token.head
    for _ in range(4):
        subject = next(
            (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != token.i),
            None,
        )
        if subject is not None:
            first = subject.doc[subject.left_edge.i]
            last = subject.doc[subject.right_edge.i]
            return first.idx, last.idx + len(last)
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


COLLECTIVES = {"group", "coalition", "handful", "number", "couple", "crowd", "band"}


def members_of(head: Token) -> Token | None:
    """The plural noun "of" names after a collective head ("a group of black parents with
    kids", "a handful of senators"); None when there is none."""
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return noun if noun is not None and noun.tag_ in ("NNS", "NNPS") else None
