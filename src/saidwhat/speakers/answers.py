"""Who answers whom: a quote that the article says responds to someone else.

Four ways news says it (words in ``lang.answers``), read over the parse:

- ``responded``: "X responded to Y", "X replied to Y's question", "X hit back at Y";
- ``rejected``: "X rejected Y's claim that ...", "X dismissed criticism from Y";
- ``asked``: "Asked about Y's remarks, X said ...", "When asked about Y, X said ...";
- ``in_response``: "In response to Y, X said ...", "Responding to Y's tweet, X said ...".

The answered one (Y) is a named person, or a named body the article quotes, written right
after the words that say it (as such, as the owner of a claim: "Y's remarks", or as its author:
"criticism from Y"); a pronoun, a role ("the mayor") or anything further away is not read,
and neither is a negated verb ("did not respond to"). The answering quote is the answerer's
quote cued in the same sentence, else their next quote in that paragraph or the next one
("Varga hit back at Ortiz. 'She has not taken a ferry in years,' he said."). The answered
quote is Y's quote in the same sentence, else Y's earlier quote that says most of what the
claim does ("Y said the fares would double. X rejected Y's claim that fares would double").
Measured on fixture articles and PolNeAR dev (README, "Who answers whom").
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from saidwhat.lang import answers as ax
from saidwhat.lang import words as lx
from saidwhat.lang.hashed import WordTest
from saidwhat.lang.text import normalise
from saidwhat.records import Answer, AnswerCue, Quote
from saidwhat.records import Span as TextSpan
from saidwhat.speakers.discourse import Discourse
from saidwhat.speakers.entity import Entity

_SKIP = {"DET", "ADJ", "NUM"}  # words before the answered name: "the", "recent"
_AUTHOR_PREPOSITIONS = {"by", "from", "of"}  # "criticism from Y"
_NEGATIONS = {"not", "n't", "never", "no"}
_ASKED_AFTER = {"when", "after", "while", "once", "if", ","}
_RESPONDING = {"responding", "replying", "reacting", "answering"}
_NAME_REACH = 80  # characters before a token where a name holding it may start
CLAIM_OVERLAP = 0.6  # of the claim's content words an earlier quote must say to be the one


@dataclass
class Cue:
    """One place where the article says someone answers: the words, the answered one, and
    the answerer when the words give them (the subject of "responded")."""

    how: AnswerCue
    words: tuple[int, int]
    answered: Entity
    mention: tuple[int, int]
    sentence: Span
    subject: Token | None
    follow: bool = False  # "X's response to Y came in tweets. She tweeted: ..."


def find_answers(
    doc: Doc,
    reader: Discourse,
    quotes: list[tuple[Quote, Entity | None]],
    speaker_ids: dict[int, str],
    paragraphs: list[tuple[int, int]],
) -> dict[str, Answer]:
    """{quote id: whom it answers} for the quotes of one article (text order)."""
    cues = _cues(doc, reader)
    starts = [s for s, _ in paragraphs] or [0]
    found: dict[str, Answer] = {}
    for n, cue in enumerate(cues):
        if cue.answered.kind != "person" and id(cue.answered) not in speaker_ids:
            continue  # a body answers only if it speaks in the article ("reaction to Brexit")
        answerer = _answerer(cue, reader, quotes)
        if answerer is None or answerer is cue.answered:
            continue
        until = cues[n + 1].words[0] if n + 1 < len(cues) else len(doc.text)
        quote = _answering_quote(cue, answerer, quotes, starts, until)
        if quote is None or quote.id in found:
            continue
        answered_quote = _answered_quote(cue, quotes)
        text = doc.text
        found[quote.id] = Answer(
            name=cue.answered.name,
            kind=cue.answered.kind,
            speaker_id=speaker_ids.get(id(cue.answered)),
            quote_id=answered_quote.id if answered_quote is not None else None,
            mention=_span(text, cue.mention),
            cue=_span(text, cue.words),
            how=cue.how,
        )
    return found


# -- the words that say it ------------------------------------------------------------------
def _cues(doc: Doc, reader: Discourse) -> list[Cue]:
    """The cues of the article, in text order. Only the words a cue can start at are read
    (found with array operations): a walk over every token cost a fifth of the speakers
    step."""
    found = []
    for i in _cue_words(doc):
        token = doc[i]
        cue = _verb_cue(token, reader) or _phrase_cue(token, reader)
        if cue is not None:
            found.append(cue)
    return found


_CUE_LEMMAS = ax.RESPOND_VERBS | ax.BACK_VERBS | ax.REBUT_VERBS | ax.RESPONSE_NOUNS
_CUE_WORDS = frozenset(get_string_id(w) for w in ("asked", "in", *_RESPONDING))
_CUE_LEMMA = WordTest(lambda lemma: lemma.lower() in _CUE_LEMMAS)


def _cue_words(doc: Doc) -> list[int]:
    """The tokens where ``_verb_cue`` or ``_phrase_cue`` may find a cue: a lemma (lower
    case) of their verbs and nouns, or one of the words they start at."""
    if not len(doc):
        return []
    lower, lemma = doc.to_array([LOWER, LEMMA]).T.tolist()
    hits = set(_CUE_LEMMA.positions(doc.vocab.strings, lemma))
    hits.update(i for i, word in enumerate(lower) if word in _CUE_WORDS)
    return sorted(hits)


def _verb_cue(token: Token, reader: Discourse) -> Cue | None:
    """ "X responded to Y", "X hit back at Y", "X rejected Y's claim"."""
    if token.pos_ != "VERB" or token.tag_ in ("VBG", "VB") or _negated(token):
        return None  # "responding": a phrase; "to respond", "will respond": no answer given
    lemma = token.lemma_.lower()
    if lemma in ax.RESPOND_VERBS:
        to = _next_word(token, {"to"}, reach=3)
        how, phrase, claim_needed = "responded", to, False
    elif lemma in ax.BACK_VERBS:
        back = _next_word(token, ax.BACK_PARTICLES, reach=2)
        phrase = _next_word(back, ax.BACK_PREPOSITIONS, reach=1) if back else None
        how, claim_needed = "responded", False
    elif lemma in ax.REBUT_VERBS:
        off = _next_word(token, {"off", "aside"}, reach=1)  # "brushed off Y's remarks"
        how, phrase, claim_needed = "rejected", off or token, True
    else:
        return None
    if phrase is None:
        return None
    answered = _answered(phrase.i + 1, reader, claim_needed)
    if answered is None:
        return None
    entity, mention, end = answered
    subject = _subject(token)
    return Cue(how, (token.idx, end), entity, mention, token.sent, subject)


def _phrase_cue(token: Token, reader: Discourse) -> Cue | None:
    """ "Asked about Y's remarks, X said", "In response to Y, X said", "Responding to Y"."""
    lower = token.lower_
    doc = token.doc
    owner, noun_cue = None, False
    if lower == "asked" and token.tag_ == "VBN":
        before = doc[token.i - 1] if token.i > token.sent.start else None
        about = _next_word(token, ax.ASK_PREPOSITIONS, reach=1)
        if about is None or not (before is None or before.lower_ in _ASKED_AFTER):
            return None
        how, phrase = "asked", about
    elif lower == "in":
        noun = _next_word(token, ax.RESPONSE_NOUNS, reach=2)
        phrase = _next_word(noun, {"to"}, reach=1) if noun else None
        how = "in_response"
    elif token.lemma_.lower() in ax.RESPONSE_NOUNS and token.pos_ == "NOUN":
        if any(doc[i].lower_ == "in" for i in range(max(0, token.i - 2), token.i)):
            return None  # read from its "in": "in (a) response to"
        phrase, how = _next_word(token, {"to"}, reach=1), "in_response"
        owner, noun_cue = next((c for c in token.children if c.dep_ == "poss"), None), True
    elif lower in _RESPONDING:  # tagged as a verb, or as a name at a sentence's start
        phrase, how = _next_word(token, {"to"}, reach=1), "in_response"
    else:
        return None
    if phrase is None:
        return None
    answered = _answered(phrase.i + 1, reader, claim_needed=False)
    if answered is None:
        return None
    entity, mention, end = answered
    return Cue(how, (token.idx, end), entity, mention, token.sent, owner, follow=noun_cue)


def _answered(
    i: int, reader: Discourse, claim_needed: bool
) -> tuple[Entity, tuple[int, int], int] | None:
    """The named person or body written at token ``i`` (after "the" or an adjective): as
    such, as a claim's owner ("Y's claim") or its author ("the claim by Y"); with where it
    is written and where the phrase read ends. ``claim_needed``: only as owner or author."""
    doc = reader.doc
    i = _skip(doc, i)
    if i >= len(doc):
        return None
    named = _named_at(doc[i], reader)
    if named is not None:
        entity, (start, end) = named
        last = doc.char_span(start, end, alignment_mode="expand")
        after = last.end if last is not None else i + 1
        owner = after < len(doc) and doc[after].tag_ == "POS"
        claim = _skip(doc, after + 1) if owner else None
        if owner and claim < len(doc) and doc[claim].lemma_.lower() in ax.CLAIM_NOUNS:
            return entity, (start, end), doc[claim].idx + len(doc[claim])
        return None if claim_needed else (entity, (start, end), end)
    if doc[i].lemma_.lower() not in ax.CLAIM_NOUNS:
        return None
    by = i + 1
    if by < len(doc) and doc[by].lower_ in _AUTHOR_PREPOSITIONS and by + 1 < len(doc):
        named = _named_at(doc[_skip(doc, by + 1)], reader)
        if named is not None:
            entity, (start, end) = named
            return entity, (start, end), end
    return None


def _named_at(token: Token, reader: Discourse) -> tuple[Entity, tuple[int, int]] | None:
    """The named person (its mention) or named body (its entity span) written at a
    capitalised word (the tagger may call a surname a common noun: "to Lund")."""
    if not token.text[:1].isupper():
        return None
    roster = reader.roster
    for start, end, person in roster.people_before(token.idx + 1, token.idx - _NAME_REACH):
        if start <= token.idx < end:
            person = reader.canonical(person)
            return (person, (start, end)) if person.named else None
    ent = roster.ent_at(token.i)
    if ent is not None and ent.label_ in ("ORG", "FAC", "GPE"):
        body = roster.known_organization(ent.text)
        if body is not None and body.named:
            return body, (ent.start_char, ent.end_char)
    return None


# -- who answers, and with which quote -------------------------------------------------------
def _answerer(
    cue: Cue, reader: Discourse, quotes: list[tuple[Quote, Entity | None]]
) -> Entity | None:
    """Who answers: the subject of the answering verb (the owner of "response"), else the
    one speaker of the quotes cued in the sentence, else the first person the sentence names
    after the words ("Asked about Y's remarks, transit director Omar Haddad said ..."); for
    "a response to Y", else the speaker of the next quote ("... came in tweets. She
    tweeted: ...")."""
    if cue.subject is not None:
        named = _named_at(cue.subject, reader)
        if named is not None:
            return named[0]
        for quote, entity in quotes:
            mention = quote.speaker_mention
            if entity is not None and mention and mention.start <= cue.subject.idx < mention.end:
                return entity
    sentence = cue.sentence
    speakers = {
        id(entity): entity
        for quote, entity in quotes
        if entity is not None
        and quote.cue is not None
        and sentence.start_char <= quote.cue.start < sentence.end_char
        and not _inside(quote, cue.words[0])
    }
    if len(speakers) == 1:
        return next(iter(speakers.values()))
    after = reader.roster.people_before(sentence.end_char, cue.words[1])
    if after:
        return reader.canonical(after[0][2])
    if cue.follow:
        later = [e for q, e in quotes if q.start >= cue.words[1] and e is not None]
        return later[0] if later and later[0] is not cue.answered else None
    return None


def _answering_quote(
    cue: Cue,
    answerer: Entity,
    quotes: list[tuple[Quote, Entity | None]],
    paragraph_starts: list[int],
    until: int,
) -> Quote | None:
    """The answerer's quote cued in the cue's sentence, else their next quote in this
    paragraph or the next one, before the next cue; never one whose words hold the cue or
    the answered one ("dismissed criticism from Y as premature" is no answer of its own)."""
    sentence = cue.sentence
    mine = [
        q
        for q, entity in quotes
        if entity is answerer and not _inside(q, cue.words[0]) and not _inside(q, cue.mention[0])
    ]
    here = [
        q
        for q in mine
        if q.cue is not None and sentence.start_char <= q.cue.start < sentence.end_char
    ]
    if here:
        return here[0]
    paragraph = bisect_right(paragraph_starts, cue.words[0])
    for quote in mine:
        if cue.words[1] <= quote.start < until:
            later = bisect_right(paragraph_starts, quote.start)
            return quote if later - paragraph <= 1 else None
    return None


def _answered_quote(cue: Cue, quotes: list[tuple[Quote, Entity | None]]) -> Quote | None:
    """The answered one's quote the article carries: in the cue's sentence, else an earlier
    quote of theirs that says what the cue's "claim that ..." says (most of its words)."""
    sentence = cue.sentence
    theirs = [q for q, entity in quotes if entity is cue.answered]
    here = [q for q in theirs if sentence.start_char <= q.start < sentence.end_char]
    if here:
        return here[0]
    claim = _content_words(_claimed(cue))
    if not claim:
        return None
    for quote in reversed([q for q in theirs if q.end <= cue.words[0]]):
        if len(claim & _content_words(quote.text)) >= CLAIM_OVERLAP * len(claim):
            return quote
    return None


def _claimed(cue: Cue) -> str:
    """What the answered claim says, when the article writes it: "Y's claim that [the fares
    would double]" up to the next comma or the sentence's end."""
    doc = cue.sentence.doc
    span = doc.char_span(cue.words[0], cue.words[1], alignment_mode="expand")
    if span is None or span.end >= cue.sentence.end or doc[span.end].lower_ != "that":
        return ""
    words = []
    for token in doc[span.end + 1 : cue.sentence.end]:
        if token.text in (",", ";", ":"):
            break
        words.append(token.text)
    return " ".join(words)


def _content_words(text: str) -> set[str]:
    return {w for w in normalise(text).split() if w not in lx.STOPWORDS}


# -- small readings --------------------------------------------------------------------------
def _next_word(token: Token, words: set[str] | frozenset[str], reach: int) -> Token | None:
    """The first of the next ``reach`` tokens (in the sentence) that is one of ``words``,
    skipping adverbs ("responded quickly to")."""
    doc = token.doc
    for i in range(token.i + 1, min(token.i + 1 + reach, token.sent.end)):
        if doc[i].lower_ in words or doc[i].lemma_.lower() in words:
            return doc[i]
        if doc[i].pos_ not in ("ADV", "DET", "ADJ"):
            return None
    return None


def _skip(doc: Doc, i: int) -> int:
    while i < len(doc) and doc[i].pos_ in _SKIP and doc[i].lower_ not in ax.CLAIM_NOUNS:
        i += 1
    return i


def _negated(verb: Token) -> bool:
    if any(child.dep_ == "neg" for child in verb.children):
        return True
    doc = verb.doc
    return any(doc[i].lower_ in _NEGATIONS for i in range(max(verb.sent.start, verb.i - 3), verb.i))


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it is joined to ("X spoke and rejected")."""
    for token in (verb, verb.head if verb.dep_ == "conj" else None):
        if token is None:
            continue
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
    return None


def _inside(quote: Quote, at: int) -> bool:
    """Whether ``at`` lies in what the quote says (not its cue or source)."""
    return any(s <= at < e for s, e in quote.fragments)


def _span(text: str, span: tuple[int, int]) -> TextSpan:
    return TextSpan(text=text[span[0] : span[1]], start=span[0], end=span[1])
