"""A light entity layer for parses without NER: names from proper-noun runs, cheaply.

The NER component costs about as much as the rest of the pipeline together. What the engine
reads from it is coarse: person names and bodies for the speakers step (``doc.ents`` PERSON,
ORG, GPE, NORP) and dates kept out of source mentions (``ent_type_`` DATE). This component
gives those from the tagger alone, in one pass over the tokens:

- a run of capitalised proper nouns (lower-case name particles inside: "Bill de Blasio") is a
  name: ORG when its last word is an organisation head of the speakers lexicon ("White
  House", "Justice Department") or a media or company word ("Fox News"), GPE when it looks
  like a place ("New York", "United States"), NORP when it ends in a plural proper noun
  ("Democrats"; a lone word only with a group ending), an acronym is ORG, else PERSON when it
  has two words, follows a title ("President Trump"; the title stays outside, as with NER)
  or is the subject of a speech verb ("Sanders added"); a lone word without such a clue is
  left untagged;
- day and month names and a few time nouns ("on Wednesday", "last week") are DATE.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from saidwhat.quotes.features import SPEECH_WORD
from saidwhat.speakers import lexicon as lx

_TITLE = lx.title_pattern()
# plural names of groups of people ("Democrats", "Americans", "Israelis"), not "Sanders"
_GROUP_ENDINGS = ("ans", "ats", "ists", "ites", "ives", "als", "is", "ese")
TIME_WORDS = lx.word_set(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight "
    "morning afternoon evening night week weekend month year day hour january february march "
    "april june july august september october november december jan. feb. aug. sept. oct. "
    "nov. dec."
)
_ORG_LAST = lx.word_set(
    "news times post journal tribune herald press magazine program fund inc. corp. co."
)
_PLACE_FIRST = lx.word_set(
    "new united los las san santa st. saint fort port lake mount cape north south"
)
_PLACE_LAST = lx.word_set(
    "states kingdom city county island islands republic valley beach street avenue"
)


def _kinds(doc: Doc) -> list[str]:
    """One pass over the tokens: "D" a time word, "N" a name word (a capitalised proper noun,
    or a capitalised noun inside a sentence: the tagger calls "Sanders" in '..., Sanders
    added' a plural noun), "P" a lower-case name particle ("de"), "" anything else."""
    kinds = []
    opens = False  # the previous token is punctuation opening a sentence ('"Sanctuary ...')
    for token in doc:
        text, lower, pos, starts = token.text, token.lower_, token.pos_, token.is_sent_start
        if lower in TIME_WORDS:
            kind = "D" if pos in ("PROPN", "NOUN") else ""
        elif not text[:1].isupper():
            kind = "P" if lower in lx.PARTICLES and text.islower() else ""
        elif pos == "PROPN" or (pos == "NOUN" and not starts and not opens):
            kind = "N"
        else:
            kind = ""
        opens = bool(starts and token.is_punct)
        kinds.append(kind)
    return kinds


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


def _label(run: Span, titled: bool) -> str | None:
    """The entity label of a name run; None for a lone word with no clue to its kind (the
    speakers step then reads it as written, as it does with words NER leaves untagged)."""
    first, last = run[0].lower_, run[-1].lower_
    if _TITLE.fullmatch(run.text):
        return None  # a role without a name ("Press Secretary added")
    if last in lx.ORG_HEADS or last in _ORG_LAST or run.text.isupper():
        return "ORG"
    if first in _PLACE_FIRST or last in _PLACE_LAST:
        return "GPE"
    if run[-1].tag_ == "NNPS" and (len(run) > 1 or last.endswith(_GROUP_ENDINGS)):
        return "NORP"
    if len(run) > 1 or titled or _speaks(run[0]):
        return "PERSON"
    return None


def _speaks(token: Token) -> bool:
    """The subject of a speech verb ("Sanders added"): a lone name that speaks is a person."""
    return token.dep_ == "nsubj" and bool(SPEECH_WORD.match(token.head.lemma_.lower()))


@Language.component("saidwhat_light_ents")
def light_ents(doc: Doc) -> Doc:
    """Set ``doc.ents`` from proper-noun runs and time words (see the module docstring)."""
    ents: list[Span] = []
    kinds = _kinds(doc)
    i, n = 0, len(doc)
    while i < n:
        if kinds[i] == "D":
            ents.append(Span(doc, i, i + 1, label="DATE"))
        if not _name_at(kinds, i):
            i += 1
            continue
        j = i + 1
        while j < n and not doc[j].is_sent_start and _name_at(kinds, j):
            j += 1 if kinds[j] == "N" else 2
        start = _after_titles(doc, i, j)
        label = _label(doc[start:j], start > i)
        if label is not None:
            ents.append(Span(doc, start, j, label=label))
        i = j
    doc.ents = ents
    return doc


def _name_at(kinds: list[str], i: int) -> bool:
    """A name word, or a particle followed by one, starts (or goes on with) a name here."""
    return kinds[i] == "N" or (kinds[i] == "P" and i + 1 < len(kinds) and kinds[i + 1] == "N")
