"""Who a speaker is as a source: named or anonymous, the role they speak in (``roles``), and
their gender as the article refers to them, each with the words that gave it
(``Speaker.clues``).

Read from the article record alone (speaker names, kinds, titles, affiliations, mentions, the
text and its headline), never from the parse, so that the store labels the speakers of
articles it already holds (schema migration 10) and relabels them under another role lexicon
without extracting again; extraction calls the same function on the record it has just built.

- **Anonymity**: a person or body the article names is ``named``; one person or a group of
  people it does not name ("a senior administration official", "sources", "residents",
  "Officials") is ``anonymous``; a document, a source that is neither, and a role spoken of
  only in the headline (the body says who it is) are ``unknown``. An unnamed role whose
  mention names the person ("An attorney for Pagliano, Mark MacDougall") is named. Words
  after the source that say its name was withheld ("on condition of anonymity") are kept.
- **Gender**: only what the article says of that speaker: an honorific at their name ("Ms.",
  "Mr."), a gendered role noun among their titles or in their description ("spokeswoman",
  "his father", "Jo Lind, a mother of three,"), the pronouns the resolver linked to them as
  the speaker continuing ("she said" after their quote; a pronoun it could only give to the
  nearest earlier person is a guess and says nothing here). Honorifics and role nouns
  outrank pronouns (a pronoun may be linked wrongly), and a pronoun whose sentence names
  someone else of its gender before it is no clue; clues of one rank that disagree leave it
  ``unknown``. Never from a first name or any list of names: a first name says nothing
  certain about how the article refers to a person, and a guess would put the guesser's
  assumptions into the figures a researcher cites.

Measured on a hand-checked sample of PolNeAR dev speakers (README, "Sources").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from saidwhat.lang import titles as tl
from saidwhat.lang import words as lx
from saidwhat.lang.roles import RoleLexicon, singular
from saidwhat.lang.text import normalise
from saidwhat.records import Article, Clue, Quote, Span, Speaker
from saidwhat.speakers.discourse import PREVIOUS_SPEAKER
from saidwhat.speakers.source_roles import (
    Reading,
    appositions,
    head_phrase,
    locate,
    role,
    role_lexicon,
)

__all__ = ["label_article", "label_speaker", "role_lexicon"]

_PEOPLE = ("person", "unnamed")
_HEADLINES = ("headline", "kicker", "heading")
_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir)\.?\s+$")
_HONORIFIC_AT = re.compile(r"^(Mr|Mrs|Ms|Miss|Sir)\b\.?\s+[A-Z]")
_GROUP_PARTS = re.compile(r",\s+|\s+and\s+")
_WINDOW = 200  # characters after a source's mention read for a withheld name
_NOT_PEOPLE = {"poll", "report", "document"}  # GROUP_HEADS that are no people
_PEOPLE_HEADS = (lx.GROUP_HEADS - _NOT_PEOPLE) | lx.PARTY_WORDS | set(lx.PERSON_NOUNS)
_PEOPLE_HEADS |= {"one", "source"}
_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "one", "another"}
_MOST_CLUES = 3  # clues kept per label and rule: enough to show why, not every "he"
_STOP = re.compile(r"[.!?][\"'\u201d\u2019]?\s")
_ABBREVIATED = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Sen|Rep|Gov|Gen|Lt|Col)|\b[A-Z])\.$")
_QUOTED = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]|''.*?''")
_CONTINUING = f"({PREVIOUS_SPEAKER},"  # in a pronoun's evidence: the speaker continuing
_GENDERED = re.compile(r"\b(Mr|Mrs|Ms|Miss|[a-z]+(?:-[a-z]+)?)\b\.?")


def label_article(article: Article, lexicon: RoleLexicon | None = None) -> Article:
    """The article with every speaker labelled (anonymity, role, gender, clues)."""
    reading = Reading(
        text=article.text,
        lexicon=lexicon or role_lexicon(),
        headlines=[(s.start, s.end) for s in article.sections if s.kind in _HEADLINES],
        speakers=article.speakers,
        quotes=article.quotes,
    )
    labelled = [label_speaker(s, reading) for s in article.speakers]
    return article.model_copy(update={"speakers": labelled})


def label_speaker(speaker: Speaker, reading: Reading) -> Speaker:
    """One speaker record with its labels and the clues that gave them."""
    anonymity, clues = _anonymity(speaker, reading)
    found_role, role_clues = role(speaker, reading, anonymity)
    gender, gender_clues = _gender(speaker, reading)
    return speaker.model_copy(
        update={
            "anonymity": anonymity,
            "role": found_role,
            "gender": gender,
            "clues": clues + role_clues + gender_clues,
        }
    )


# -- named or anonymous ---------------------------------------------------------------------
def _anonymity(speaker: Speaker, reading: Reading) -> tuple[str, list[Clue]]:
    first = min(speaker.mentions, key=lambda m: m.start) if speaker.mentions else None

    def clue(value: str, rule: str, at: Span | None = first) -> list[Clue]:
        words = at.text if at else speaker.name
        start, end = (at.start, at.end) if at else (None, None)
        return [Clue(aspect="anonymity", value=value, words=words, rule=rule, start=start,
                     end=end)]  # fmt: skip

    kind, lexicon = speaker.kind, reading.lexicon
    if kind == "document" or (kind == "organization" and _document_words(speaker.name)):
        return "unknown", clue("unknown", "a document, not a person or a body")
    if kind == "organization":
        return "named", clue("named", "a body the article names")
    if kind == "person" and is_proper_name(speaker.name, lexicon):
        return "named", clue("named", "a person the article names")
    if kind == "group" and all(is_proper_name(p, lexicon) for p in _group_parts(speaker.name)):
        return "named", clue("named", "people the article names together")
    named_there = _named_in_mention(speaker, reading.speakers, lexicon)
    if named_there is not None:
        mention, name = named_there
        return "named", clue("named", f"the article names them right there: '{name}'", mention)
    if not _names_people(speaker, lexicon):
        return "unknown", clue("unknown", "a source as written, neither a person nor a body")
    if speaker.mentions and all(
        reading.in_headline(m.start) and reading.in_headline(m.end - 1) for m in speaker.mentions
    ):
        return "unknown", clue("unknown", "spoken of only in the headline, as its shorthand")
    what = {"group": "a group", "unknown": "a source"}.get(kind, "a person")
    found = clue("anonymous", f"{what} the article does not name")
    return "anonymous", found + _withheld(speaker, reading.text)


def _withheld(speaker: Speaker, text: str) -> list[Clue]:
    """Words right after a source's mention that say the name was withheld."""
    for mention in sorted(speaker.mentions, key=lambda m: m.start):
        after = text[mention.end : mention.end + _WINDOW].lower()
        cut = re.search(r"[.!?]\s|\n", after)
        after = after[: cut.start()] if cut else after
        for phrase in lx.WITHHELD_NAME:
            at = after.find(phrase)
            if at >= 0:
                start = mention.end + at
                return [Clue(aspect="anonymity", value="anonymous",
                             words=text[start : start + len(phrase)], rule="name withheld",
                             start=start, end=start + len(phrase))]  # fmt: skip
    return []


def is_proper_name(name: str, lexicon: RoleLexicon) -> bool:
    """A name, not role or group words in capitals ("Officials", "One Republican"): every
    word capitalised (or a particle), at least one of them no role, group or party word."""
    words = re.sub(r"['\u2019]s\b", "", name).split()
    if not words or not all(w[:1].isupper() or w.lower() in lx.PARTICLES for w in words):
        return False
    return not all(_people_word(w, lexicon) for w in words)


def _people_word(word: str, lexicon: RoleLexicon) -> bool:
    """A word that names a kind of people, not somebody: "officials", "Republican", "one"."""
    plain = normalise(word)
    forms = {plain, singular(plain)}
    people = bool(forms & lexicon.one_word_people()) or bool(forms & _PEOPLE_HEADS)
    return people and not forms & _NOT_PEOPLE


def _names_people(speaker: Speaker, lexicon: RoleLexicon) -> bool:
    """Whether a source the article does not name is people: a title, or a description whose
    head names people ("local election officials", "one questioner"), not things ("party
    procedures", "federal statistics")."""
    if speaker.titles:
        return True
    for written in (speaker.name, *(m.text for m in speaker.mentions)):
        words = normalise(head_phrase(written)).split()
        if words and _people_word(words[-1], lexicon):
            return True
    return False


def _document_words(name: str) -> bool:
    words = normalise(name).split()
    return bool(words) and singular(words[-1]) in lx.DOCUMENT_HEADS


def _group_parts(name: str) -> list[str]:
    return [part for part in _GROUP_PARTS.split(name) if part]


def _named_in_mention(
    speaker: Speaker, speakers: list[Speaker], lexicon: RoleLexicon
) -> tuple[Span, str] | None:
    """A role whose mention names a person of the article after a comma ("An attorney for
    Pagliano, Mark MacDougall"): the article names the source there."""
    names = [
        s.name
        for s in speakers
        if s is not speaker and s.kind == "person" and is_proper_name(s.name, lexicon)
    ]
    for mention in speaker.mentions:
        for name in names:
            at = mention.text.find(name)
            if at > 1 and mention.text[:at].rstrip().endswith(","):
                return mention, name
    return None


# -- gender ---------------------------------------------------------------------------------
def _gender(speaker: Speaker, reading: Reading) -> tuple[str, list[Clue]]:
    if speaker.kind not in _PEOPLE:
        return "unknown", []
    text = reading.text
    strong = _honorifics(speaker, text) + _role_nouns(speaker, text)
    for clues in (strong, _pronouns(speaker, reading.quotes, text)):
        said = {c.value for c in clues}
        if said:  # clues that disagree: say so, decide nothing
            return (said.pop() if len(said) == 1 else "unknown"), _few(clues)
    return "unknown", []


def _honorifics(speaker: Speaker, text: str) -> list[Clue]:
    """ "Ms. Tanden", "Mr. Obama": an honorific written at one of the speaker's names."""
    found = []
    for mention in speaker.mentions:
        at = _HONORIFIC_AT.match(mention.text)
        before = _HONORIFIC_BEFORE.search(text[max(0, mention.start - 6) : mention.start])
        if at:
            start, word = mention.start, at.group(1)
        elif before:
            start, word = mention.start - len(before.group(0)), before.group(1)
        else:
            continue
        end = start + len(word) + (text[start + len(word) : start + len(word) + 1] == ".")
        found.append(Clue(aspect="gender", value=lx.HONORIFIC_GENDER[word.lower()],
                          words=text[start:end], rule="honorific", start=start,
                          end=end))  # fmt: skip
    return _distinct(found)


def _role_nouns(speaker: Speaker, text: str) -> list[Clue]:
    """A gendered role noun among the speaker's titles ("spokeswoman") or in the words the
    article describes them with ("a spokeswoman for ...", "his father")."""
    found = []
    for title in speaker.titles:
        value = tl.TITLE_GENDER.get(title.lower())
        if value:
            where = locate(speaker, text, title)
            found.append(Clue(aspect="gender", value=value, words=title, rule="role noun",
                              start=where[0] if where else None,
                              end=where[1] if where else None))  # fmt: skip
    described = [(head_phrase(m.text), m.start) for m in speaker.mentions if _description(m.text)]
    for words, at in described + appositions(speaker, text):
        for word in re.finditer(r"[\w-]+", words):
            plain = word.group(0).lower()
            value = lx.PERSON_NOUNS.get(plain) or tl.TITLE_GENDER.get(plain)
            if value:
                start = at + word.start()
                found.append(Clue(aspect="gender", value=value, words=word.group(0),
                                  rule="role noun", start=start,
                                  end=start + len(word.group(0))))  # fmt: skip
    return _distinct(found)


def _description(written: str) -> bool:
    """A mention that describes rather than names: "a spokeswoman for ...", "his father"."""
    words = written.split()
    return bool(words) and (not written[:1].isupper() or words[0].lower() in _DETERMINERS)


def _pronouns(speaker: Speaker, quotes: list[Quote], text: str) -> list[Clue]:
    """The pronouns the resolver linked to the speaker as the source of a quote, reading
    them as the speaker continuing (its evidence says "previous speaker"). The quotes'
    evidence is read only for a speaker with a pronoun among its mentions."""
    pronouns = [m for m in speaker.mentions if m.text.lower() in lx.PRONOUN_GENDER]
    if not pronouns:
        return []
    mentions = sorted((m.start, m.end) for m in speaker.mentions)
    longest = max(e - s for s, e in mentions)
    continuing = {
        (q.speaker_mention.start, q.speaker_mention.end)
        for q in quotes
        if q.speaker_mention is not None
        and any(e.startswith("pronoun") and _CONTINUING in e for e in q.evidence)
    }
    return [
        Clue(
            aspect="gender",
            value=lx.PRONOUN_GENDER[m.text.lower()],
            words=m.text,
            rule="pronoun for the speaker continuing",
            start=m.start,
            end=m.end,
        )  # fmt: skip
        for m in pronouns
        if (m.start, m.end) in continuing and not _someone_else_before(mentions, longest, text, m)
    ]


def _someone_else_before(
    mentions: list[tuple[int, int]], longest: int, text: str, pronoun: Span
) -> bool:
    """Whether the pronoun's sentence names, before it and outside quote marks, someone
    else of the gender it carries ("Ms. LaBelle got a huge roar when ... she added"; "My
    mother ... she still says"): then it more likely means them. ``mentions`` are the
    speaker's, sorted, the longest ``longest`` characters long; only those that reach into the
    sentence are read (a page of 8,000 quotes by "she" made each pronoun a walk over all)."""
    gender = lx.PRONOUN_GENDER[pronoun.text.lower()]
    start = _sentence_start(text, pronoun.start)
    before = _QUOTED.sub(lambda q: " " * len(q.group(0)), text[start : pronoun.start])
    near = mentions[
        bisect_left(mentions, (start - longest,)) : bisect_left(mentions, (pronoun.start,))
    ]
    theirs = [(s - start, e - start) for s, e in near]
    for word in _GENDERED.finditer(before):
        if any(s <= word.start() < e for s, e in theirs):
            continue
        plain = word.group(1).lower().rstrip(".")
        said = lx.HONORIFIC_GENDER.get(plain) or lx.PERSON_NOUNS.get(plain)
        if (said or tl.TITLE_GENDER.get(plain)) == gender:
            return True
    return False


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding ``at`` starts (after a full stop, a line break)."""
    since = max(0, at - 600)
    stops = [
        m.end()
        for m in _STOP.finditer(text, since, at)
        if not _ABBREVIATED.search(text, max(0, m.start() - 6), m.start() + 1)
    ]
    return max([text.rfind("\n", since, at) + 1, since, *stops])


def _distinct(clues: Iterable[Clue]) -> list[Clue]:
    """One clue per place (a mention read twice gives one clue)."""
    seen: dict[tuple, Clue] = {}
    for clue in clues:
        seen.setdefault((clue.value, clue.words.lower(), clue.start), clue)
    return list(seen.values())


def _few(clues: list[Clue]) -> list[Clue]:
    """At most ``_MOST_CLUES`` clues of each value and rule."""
    kept, count = [], {}
    for clue in clues:
        key = (clue.value, clue.rule)
        count[key] = count.get(key, 0) + 1
        if count[key] <= _MOST_CLUES:
            kept.append(clue)
    return kept
