"""Typed answers of the corpus (pydantic, so the CLI prints them as JSON and FastAPI publishes
them as its schema). Whole records (Article, Quote, Speaker) come from saidwhat.records; these
are the views a query returns: an occurrence of a quote, a speaker profile, a cluster...
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from saidwhat.records import AnswerCue, Article, Aspect, QuoteType, Record, SpeakerKind


class Occurrence(Record):
    """One quote as printed in one article: the exact wording, who, where and when."""

    id: int = Field(description="the occurrence's id in this corpus")
    quote_id: str = Field(description="Quote.id within its article")
    text: str
    type: QuoteType
    confidence: float
    speaker: str | None = Field(None, description="corpus-wide speaker name")
    speaker_id: int | None = Field(None, description="corpus-wide speaker id")
    article_id: str
    source: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="as the article gave it")
    date: str | None = Field(None, description="YYYY-MM-DD, for sorting and filtering")
    title: str | None = None
    cluster_id: int | None = None
    speaker_anonymity: str | None = Field(None, description="named, anonymous or unknown")
    speaker_role: str | None = Field(None, description="the role the article gives the speaker")
    speaker_gender: str | None = Field(None, description="as the article refers to them")


class QuoteHit(Occurrence):
    """A search result: an occurrence plus its highlighted snippet and rank."""

    snippet: str = Field(description="matching words wrapped in [ and ]")
    score: float = Field(description="bm25 relevance, higher is better")
    cluster_size: int = Field(1, description="occurrences of the same quote in the corpus")


class Role(Record):
    """A title or affiliation of a speaker and when it was seen."""

    value: str
    first_seen: str | None = None
    last_seen: str | None = None
    count: int = 0


class OutletCount(Record):
    source: str
    quotes: int


class SpeakerSummary(Record):
    """A corpus-wide speaker (person, organisation or group) and how much they are quoted."""

    id: int
    name: str
    kind: SpeakerKind
    quotes: int = 0
    articles: int = 0
    first_seen: str | None = None
    last_seen: str | None = None


class LabelCount(Record):
    """How many of the articles that quote a speaker give them one label as a source."""

    aspect: Aspect
    value: str
    articles: int


class SourceEvidence(Record):
    """Why an article labels a speaker so: the words, the rule, and the sentence they are in."""

    aspect: Aspect
    value: str
    words: str
    rule: str
    sentence: str | None = Field(None, description="the article's sentence holding the words")
    article_id: str
    source: str | None = None
    date: str | None = None


class AnswerLink(Record):
    """Someone a speaker answers, or who answers them, and how often; ``id`` is None for a
    name no corpus speaker bears."""

    id: int | None = None
    name: str
    quotes: int = Field(description="answering quotes")
    how: AnswerCue | None = Field(None, description="how the latest answer was said")
    example: Occurrence | None = Field(None, description="the latest answering quote")


class SpeakerProfile(SpeakerSummary):
    """Everything the corpus knows about one speaker."""

    aliases: list[str] = Field(default_factory=list)
    titles: list[Role] = Field(default_factory=list)
    affiliations: list[Role] = Field(default_factory=list)
    outlets: list[OutletCount] = Field(default_factory=list)
    recent: list[Occurrence] = Field(default_factory=list, description="latest quotes first")
    labels: list[LabelCount] = Field(
        default_factory=list, description="anonymity, role and gender over their articles"
    )
    evidence: list[SourceEvidence] = Field(
        default_factory=list, description="the words that gave the labels, latest articles first"
    )
    answers: list[AnswerLink] = Field(default_factory=list, description="whom they answer")
    answered_by: list[AnswerLink] = Field(default_factory=list, description="who answers them")


class NetworkEdge(Record):
    """One link of the speaker network: ``source`` answers ``target`` (``kind`` answer), or
    both are quoted in the same articles (``kind`` co-quoted; ``weight`` articles)."""

    source_id: int | None = None
    source_name: str
    target_id: int | None = None
    target_name: str
    kind: Literal["answer", "co-quoted"]
    weight: int


class ArticleHit(Record):
    """An article whose headline has the words searched for."""

    id: str
    title: str
    source: str | None = None
    date: str | None = Field(None, description="YYYY-MM-DD")
    quotes: int = Field(description="quotes found in it")


class WeekCount(Record):
    """How many dated quotes a speaker has in one week."""

    week: str = Field(description="the week's Monday, YYYY-MM-DD")
    quotes: int


class Attribution(Record):
    """Someone the words of a quote cluster are attributed to, and how often."""

    speaker: str | None = None
    speaker_id: int | None = None
    occurrences: int


class Cluster(Record):
    """One quote across the corpus: every occurrence, oldest first; ``first`` is where it
    appeared first (earliest date, then earliest ingested)."""

    id: int
    text: str = Field(description="the full form: the longest wording, all others are in it")
    size: int
    first: Occurrence
    speakers: list[Attribution] = Field(
        default_factory=list, description="everyone the quote is attributed to, most first"
    )
    occurrences: list[Occurrence]


class ClusterRef(Record):
    """Where one quote of an article stands in the corpus: its cluster, how many times the
    same quote was printed, and where it was printed first."""

    id: int = Field(description="the quote cluster's id")
    size: int = Field(description="occurrences of the same quote in the corpus")
    first_article_id: str
    first_source: str | None = None
    first_date: str | None = Field(None, description="YYYY-MM-DD")


class ArticleLinks(Record):
    """How one stored article's records link into the corpus."""

    people: dict[str, int] = Field(
        default_factory=dict, description="article speaker id -> corpus-wide speaker id"
    )
    clusters: dict[str, ClusterRef] = Field(
        default_factory=dict, description="quote id -> its quote cluster"
    )


class LinkedArticle(Article, ArticleLinks):
    """A stored article with its links into the corpus (speaker pages, quote clusters)."""


VERDICTS: dict[str, str] = {
    "verbatim": "the same words (case, punctuation and quote marks aside) were quoted",
    "verbatim_part": "the words are a contiguous part of a longer real quote",
    "altered": "near-verbatim: a real quote with a few words added, dropped or changed (listed)",
    "contradicts": "a real quote says otherwise: a negation added or dropped, an opposite"
    " quantifier, or another number, date or name (said which)",
    "reported_only": "the words match only reported speech, which is no evidence of exact words",
    "similar_topic": "no quote has these words; a quote shares most of their content words",
    "not_found": "no quote in the corpus comes close (by this speaker, when one is named)",
}
Verdict = Literal[
    "verbatim",
    "verbatim_part",
    "altered",
    "contradicts",
    "reported_only",
    "similar_topic",
    "not_found",
]
WordVerdict = Literal["verbatim", "verbatim_part", "altered", "contradicts", "similar_topic"]
ChangeKind = Literal["negation", "quantifier", "number", "date", "name"]
CHANGE_NOTES = {
    "quantifier": "opposite quantifier",
    "number": "number changed",
    "date": "date changed",
    "name": "name changed",
}


class AlignedWords(Record):
    """A stretch of the word alignment of a claim against a quote."""

    kind: Literal["same", "added", "dropped", "changed", "context"] = Field(
        description="same: words that agree; added: in the claim only; dropped: in the quote"
        " only; changed: the claim's words stand where the quote has others; context: the"
        " quote's words outside the part the claim stands for"
    )
    claim: str = Field("", description="the claim's words here, as typed")
    quote: str = Field("", description="the quote's words here, as printed")


class MeaningChange(Record):
    """An edit that changes what the quote says."""

    kind: ChangeKind
    claim: str = Field(description="the claim's words")
    quote: str = Field(description="the quote's words they stand for")
    note: str = Field(description='what changed: "negation added", "number changed"...')

    def describe(self) -> str:
        """'negation added: "not"', 'number changed: "three" → "ten"'."""
        if not self.quote:
            return f"{self.note}: '{self.claim}'"
        if not self.claim:
            return f"{self.note}: '{self.quote}'"
        return f"{self.note}: '{self.quote}' → '{self.claim}'"


class CheckMatch(Record):
    """A real quote close to the claim: the verdict, the evidence (word alignment, changes of
    meaning), who said it and where and when it appeared first."""

    verdict: Verdict = Field(description="see VERDICTS; never not_found for a match")
    words: WordVerdict = Field(
        description="what the words alone are to the quote (reported_only hides it)"
    )
    similarity: float = Field(
        ge=0, le=100, description="word overlap with the part of the quote the claim stands for"
    )
    text: str = Field(description="the matching wording, as printed")
    type: QuoteType = Field(description="direct, mixed or indirect: the best way it was printed")
    alignment: list[AlignedWords] = Field(default_factory=list)
    changes: list[MeaningChange] = Field(default_factory=list)
    speaker: str | None = Field(None, description="who said it in its first appearance")
    speaker_id: int | None = None
    speakers: list[Attribution] = Field(
        default_factory=list, description="everyone the same quote is attributed to, most first"
    )
    cluster_id: int
    occurrences: int
    first: Occurrence = Field(description="its first appearance (direct speech preferred)")


class CheckReport(Record):
    """Did X really say Y? The verdict, with the matches it rests on."""

    claim: str
    speaker: str | None = Field(None, description="the speaker named in the question")
    speaker_ids: list[int] = Field(
        default_factory=list, description="the corpus speakers that name means"
    )
    verdict: Verdict = Field(description="the verdict of ``best``, else not_found")
    summary: str = Field(description="the verdict in one sentence")
    best: CheckMatch | None = Field(
        None, description="the best match (by the named speaker, when one is named)"
    )
    others: CheckMatch | None = Field(
        None, description="with a named speaker: the best match by anyone else"
    )
    matches: list[CheckMatch] = Field(default_factory=list, description="best first")


class InputEntry(Record):
    """An input an ingest saw: ingested (as an article) or skipped (with the reason)."""

    origin: str
    status: Literal["ingested", "skipped"]
    reason: str | None = None
    article_id: str | None = None
    seen_at: str


class CorpusStats(Record):
    """How big a corpus is. No file path: the server hands this to anyone who asks, and the
    caller of ``Corpus.stats`` knows it (``Corpus.path``)."""

    articles: int
    quotes: int
    speakers: int
    clusters: int
    inputs: int
    skipped: int
    schema_version: int
    size_bytes: int


class IngestReport(Record):
    """What one ingest did. ``unchanged`` inputs were skipped before extraction."""

    articles: int = 0
    changed: int = 0
    unchanged: int = 0
    quotes: int = 0
    skipped: int = 0
    seconds: float = 0.0


class ClusterRow(Record):
    """One quote cluster as an export row: its longest wording, size, and first appearance."""

    cluster_id: int
    text: str
    occurrences: int
    speaker: str | None = None
    speaker_id: int | None = None
    sources: str = Field("", description="outlets that printed it, '; '-separated")
    first_article_id: str
    first_source: str | None = None
    first_url: str | None = None
    first_date: str | None = None
