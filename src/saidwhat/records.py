"""The one data contract: every step, the JSON output, the store, the API and the evaluation
speak these records. Offsets are character offsets into ``Article.text`` (NFC-normalised).

Pydantic models, so that FastAPI can publish them as its schema and JSON round-trips are
lossless (``Article.model_validate_json(a.model_dump_json()) == a``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

QuoteType = Literal["direct", "mixed", "indirect"]
QuoteSection = Literal["paragraph", "headline", "key_point"]
SpeakerKind = Literal["person", "organization", "group", "unnamed", "document", "unknown"]
"""person: a named person; organization: a named body; group: people as a group ("officials",
"Democrats", "Obama and Clinton"); unnamed: one person the article does not name ("a senior
aide", "the spokesman"); document: a thing that says (a report, a poll, an ad); unknown: a
source as written that is none of these."""
Anonymity = Literal["named", "anonymous", "unknown"]
"""named: the article names who speaks (a person, a body, people named together); anonymous:
it does not ("a senior administration official", "sources", "residents"); unknown: not a
person or body (a document, a source as written that is none of these)."""
SourceRole = Literal[
    "government",
    "politician",
    "police_legal",
    "expert",
    "business",
    "advocacy",
    "media",
    "spokesperson",
    "citizen",
    "unknown",
]
"""What a source speaks as, read from the titles, affiliations and role nouns the article gives
with the role lexicon (``lang/roles.txt``, where each role is defined)."""
Gender = Literal["female", "male", "unknown"]
"""As the article refers to the speaker (honorifics, role nouns, pronouns), never guessed."""
Aspect = Literal["anonymity", "role", "gender"]
AnswerCue = Literal["responded", "rejected", "asked", "in_response"]
"""How the article says a quote answers someone: "X responded to Y", "X rejected Y's claim",
"asked about Y's remarks, X said", "in response to Y"."""
SectionKind = Literal[
    "kicker",
    "headline",
    "heading",  # a box title such as "What to Know": not body text, not a key point
    "key_point",
    "byline",
    "dateline",
    "paragraph",
    "credit",
    "noise",
]


class Record(BaseModel):
    """Base: forbid unknown fields so a typo never silently drops data."""

    model_config = ConfigDict(extra="forbid", defer_build=True)


class Span(Record):
    """A piece of the article text: ``text == article.text[start:end]``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Section(Span):
    """A structural part of the article (headline, key point, body paragraph, noise...)."""

    kind: SectionKind


class Answer(Record):
    """Whom a quote answers, as the article says it: "X rejected Y's claim that ...", "asked
    about Y's remarks, X said ...". The answered one is a speaker of the article
    (``speaker_id``) when it quotes them too, else only named (``name``, ``kind``)."""

    name: str = Field(description="the answered speaker's name (clean, as in a Speaker record)")
    kind: SpeakerKind = "unknown"
    speaker_id: str | None = Field(None, description="their Speaker record, if they are quoted")
    quote_id: str | None = Field(None, description="the answered quote, if the article has it")
    mention: Span = Field(description="the answered one as written")
    cue: Span = Field(description="the words that make it an answer ('responded to')")
    how: AnswerCue


class Quote(Record):
    """One attribution of speech: what was said, the cue, and who said it."""

    id: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    fragments: list[tuple[int, int]] = Field(
        default_factory=list, description="content pieces; a split quote has several"
    )
    type: QuoteType
    section: QuoteSection = Field(
        "paragraph",
        description="where the quote is: a body paragraph, the headline or a key point (a "
        "headline quote restates the story; it is kept apart from the body's)",
    )
    cue: Span | None = None
    speaker_id: str | None = Field(None, description="id of the Speaker record in this article")
    speaker_mention: Span | None = Field(
        None, description="the source as written at the cue (may be a pronoun or role noun)"
    )
    confidence: float = Field(0.0, ge=0.0, le=1.0)
    evidence: list[str] = Field(
        default_factory=list, description="rules/models and coreference hops used, in order"
    )
    answers: Answer | None = Field(None, description="whom this quote answers, if it says")


class Clue(Record):
    """One reason for a speaker's anonymity, role or gender: the words that gave it and the
    rule that read them. ``start``/``end`` place the words in the article text when they are
    written there (a title taken off a name, a pronoun, "Ms."), so that the sentence can be
    shown."""

    aspect: Aspect
    value: str = Field(description="the label these words support")
    words: str = Field(description="the words, as written")
    rule: str = Field(description="how they were read, in words")
    start: int | None = Field(None, ge=0)
    end: int | None = Field(None, ge=0)


class Speaker(Record):
    """One real speaker of an article: a person, an organisation or an unnamed group."""

    id: str
    name: str
    kind: SpeakerKind = "unknown"
    titles: list[str] = Field(default_factory=list)
    affiliations: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)
    anonymity: Anonymity = "unknown"
    role: SourceRole = "unknown"
    gender: Gender = "unknown"
    clues: list[Clue] = Field(
        default_factory=list, description="why anonymity, role and gender are what they are"
    )


class Article(Record):
    """One article after the whole data path (read → structure → parse → quotes → speakers)."""

    id: str
    source: str | None = Field(None, description="outlet, e.g. 'AP' or a domain")
    url: str | None = None
    published: str | None = Field(None, description="ISO 8601 date or datetime, as given")
    title: str | None = Field(None, description="title given by the input's metadata")
    origin: str | None = Field(None, description="where it was read: path, path:line, URL")
    headline: str | None = None
    kicker: str | None = None
    key_points: list[str] = Field(default_factory=list)
    byline: str | None = None
    dateline: str | None = None
    credit: str | None = None
    text: str
    paragraphs: list[tuple[int, int]] = Field(
        default_factory=list, description="body paragraphs (noise and credit excluded)"
    )
    sections: list[Section] = Field(default_factory=list, description="every structural part")
    quotes: list[Quote] = Field(default_factory=list)
    speakers: list[Speaker] = Field(default_factory=list)
    meta: dict[str, str] = Field(
        default_factory=dict, description="provenance: saidwhat version, model, crawl date..."
    )

    def speaker(self, speaker_id: str | None) -> Speaker | None:
        """The speaker record a quote links to."""
        return next((s for s in self.speakers if s.id == speaker_id), None)


class Document(Record):
    """An input as read, before structure: text or HTML plus what the source told us."""

    id: str | None = None
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    origin: str = Field(description="path, path:line, URL or '-' for stdin")
    meta: dict[str, str] = Field(default_factory=dict)


class Skipped(Record):
    """An input that could not be used, with a one-line reason. Never dropped silently."""

    origin: str
    reason: str
