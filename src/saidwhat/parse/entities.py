"""A light entity layer for parses without NER: names from proper-noun runs, cheaply.

The NER component costs about as much as the rest of the pipeline together. What the engine
reads from it is coarse: person names and bodies for the speakers step (``doc.ents`` PERSON,
ORG, GPE, NORP) and dates kept out of source mentions (``ent_type_`` DATE). This component
gives those from the tagger alone, in one pass over the tokens:

- a run of capitalised proper nouns (lower-case name particles inside: "Bill de Blasio") is a
  name: ORG when its last word is an organisation head of ``lang.words`` ("White
  House", "Justice Department") or a media or company word ("Fox News"), GPE when it looks
  like a place ("New York", "United States"), NORP when it ends in a plural proper noun
  ("Democrats"; a lone word only with a group ending), ORG when it is an acronym or follows
  "the", else PERSON when it has two words, follows a title ("President Trump"; the title
  stays outside, as with NER) or is the subject of a speech verb ("Sanders added"); a lone
  word without such a clue is left untagged;
- day and month names and a few time nouns ("on Wednesday", "last week") are DATE.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IS_LOWER, IS_PUNCT, LOWER, ORTH, POS, SENT_START
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Span, Token

from saidwhat.lang import words as lx
from saidwhat.lang.titles import title_pattern
from saidwhat.lang.verbs import is_speech_verb

_TITLE = title_pattern()
DATE, NAME, PARTICLE = 1, 2, 3  # token kinds
_HYPHENS = {"-", "\u2010", "\u2011"}
_BODY_LINKS = {"of", "on", "for", "to"}
_ATTRS = [ORTH, LOWER, POS, SENT_START, IS_PUNCT, IS_LOWER]
_TIME_IDS = numpy.array([get_string_id(w) for w in lx.TIME_WORDS], dtype=numpy.uint64)
_PARTICLE_IDS = numpy.array([get_string_id(w) for w in lx.PARTICLES], dtype=numpy.uint64)


def _kinds(doc: Doc) -> tuple[list[int], list[bool]]:
    """Per token, in array operations (a Python walk over the tokens costs more than this
    whole component may): DATE a time word, NAME a name word (a capitalised proper noun, or a
    capitalised noun inside a sentence: the tagger calls "Sanders" in '..., Sanders added' a
    plural noun), PARTICLE a lower-case name particle ("de"), 0 anything else; and whether
    the token starts a sentence."""
    if not len(doc):
        return [], []
    orth, lower, pos, start, punct, is_lower = doc.to_array(_ATTRS).T
    unique, where = numpy.unique(orth, return_inverse=True)
    strings = doc.vocab.strings
    upper = numpy.array([strings[int(o)][:1].isupper() for o in unique])[where]
    time = numpy.isin(lower, _TIME_IDS)
    starts = start == 1
    opens = numpy.zeros(len(doc), dtype=bool)  # after punctuation opening a sentence ('"Sa..')
    opens[1:] = (starts & (punct == 1))[:-1]
    noun_inside = (pos == NOUN) & ~starts & ~opens
    kinds = numpy.zeros(len(doc), dtype=numpy.int8)
    kinds[numpy.isin(lower, _PARTICLE_IDS) & (is_lower == 1)] = PARTICLE
    kinds[upper & ~time & ((pos == PROPN) | noun_inside)] = NAME
    kinds[time & ((pos == PROPN) | (pos == NOUN))] = DATE
    return kinds.tolist(), starts.tolist()


def _after_titles(doc: Doc, i: int, j: int) -> int:
    """The start of the name after leading titles ("Attorney General Jeff Sessions"), as NER
    leaves them out of the name and the speakers step reads them from the text before it."""
    while j - i > 1:
        if j - i > 2 and _TITLE.fullmatch(doc[i : i + 2].text):
            i += 2
        elif _TITLE.fullmatch(doc[i].text):
            i += 1
        else:
            break
    return i


def _label(run: Span, titled: bool, after_the: bool) -> str | None:
    """The entity label of a name run; None for a lone word with no clue to its kind (the
    speakers step then reads it as written, as it does with words NER leaves untagged)."""
    first, last = run[0].lower_, run[-1].lower_
    if _TITLE.fullmatch(run.text):
        return None  # a role without a name ("Press Secretary added")
    if last in lx.ORG_HEADS or last in lx.ORG_LAST_WORDS or run.text.isupper():
        return "ORG"
    if first in lx.PLACE_FIRST_WORDS or last in lx.PLACE_LAST_WORDS:
        return "GPE"
    if run[-1].tag_ == "NNPS" and (len(run) > 1 or last.endswith(lx.GROUP_ENDINGS)):
        return "NORP"
    if after_the:
        return "ORG"  # "the Harbor Authority": people are not written with "the"
    if len(run) > 1 or titled or _speaks(run[0]):
        return "PERSON"
    return None


def _speaks(token: Token) -> bool:
    """The subject of a speech verb ("Sanders added"): a lone name that speaks is a person."""
    return token.dep_ == "nsubj" and is_speech_verb(token.head.lemma_.lower())


@Language.component("saidwhat_light_ents")
def light_ents(doc: Doc) -> Doc:
    """Set ``doc.ents`` from proper-noun runs and time words (see the module docstring)."""
    ents: list[Span] = []
    kinds, starts = _kinds(doc)
    n, end = len(doc), 0
    for i in [i for i, kind in enumerate(kinds) if kind]:
        if i < end:
            continue
        if kinds[i] == DATE:
            ents.append(Span(doc, i, i + 1, label="DATE"))
            continue
        end = _name_at(kinds, i)
        if not end:
            continue
        joined = False
        while end < n and not starts[end]:
            if _name_at(kinds, end):
                end = _name_at(kinds, end)
            elif _hyphenated(doc, end):
                end += 2  # "Ki-moon", "Crouse-Mays": spaCy splits the hyphen off
            elif (further := _body_of(doc, kinds, end)) and not starts[further - 1]:
                end, joined = further, True  # "Federal Bureau of Prisons"
            else:
                break
        first = _after_titles(doc, i, end)
        after_the = first > 0 and doc[first - 1].lower_ == "the"
        label = "ORG" if joined else _label(doc[first:end], first > i, after_the)
        if label is not None:
            ents.append(Span(doc, first, end, label=label))
    doc.ents = ents
    return doc


def _name_at(kinds: list[int], i: int) -> int:
    """The end of the name word at ``i``, particles before it included ("van der Berg");
    0 when no name word starts here."""
    j = i
    while j < len(kinds) and kinds[j] == PARTICLE:
        j += 1
    return j + 1 if j < len(kinds) and kinds[j] == NAME else 0


def _hyphenated(doc: Doc, i: int) -> bool:
    """A hyphen joined to the name word before it and a word after it ("Ki-moon")."""
    return (
        i + 1 < len(doc)
        and doc[i].text in _HYPHENS
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i + 1].is_alpha
    )


def _body_of(doc: Doc, kinds: list[int], i: int) -> int:
    """The end of "of / on / for / to (the) Name..." continuing a body's name at ``i``
    ("Commission on Presidential Debates", "Alliance to Reclaim Our Schools"): only after an
    organisation head word; 0 otherwise."""
    if doc[i - 1].lower_ not in lx.ORG_HEADS or doc[i].lower_ not in _BODY_LINKS:
        return 0
    j = i + 1 + (i + 1 < len(doc) and doc[i + 1].lower_ == "the")
    if j >= len(doc) or not _name_at(kinds, j) and not _capital_word(doc[j], kinds[j]):
        return 0
    end = j
    while end < len(doc) and (_name_at(kinds, end) or _capital_word(doc[end], kinds[end])):
        end = _name_at(kinds, end) or end + 1
    return end


def _capital_word(token: Token, kind: int) -> bool:
    """A capitalised word inside a body's name that the tagger did not call a proper noun
    ("Reclaim", "Our" in "Alliance to Reclaim Our Schools"); never a day or month."""
    return kind != DATE and token.is_alpha and token.text[:1].isupper() and not token.is_sent_start
