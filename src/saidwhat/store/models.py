"""Typed answers of the corpus (pydantic, so the CLI prints them as JSON and FastAPI publishes
them as its schema). Whole records (Article, Quote, Speaker) come from saidwhat.records; these
are the views a query returns: an occurrence of a quote, a speaker profile, a cluster...
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from saidwhat.records import Article, QuoteType, Record, SpeakerKind

Closeness = Literal["exact", "trimmed", "paraphrase"]


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


class SpeakerProfile(SpeakerSummary):
    """Everything the corpus knows about one speaker."""

    aliases: list[str] = Field(default_factory=list)
    titles: list[Role] = Field(default_factory=list)
    affiliations: list[Role] = Field(default_factory=list)
    outlets: list[OutletCount] = Field(default_factory=list)
    recent: list[Occurrence] = Field(default_factory=list, description="latest quotes first")


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


class Cluster(Record):
    """One quote across the corpus: every occurrence, oldest first; ``first`` is where it
    appeared first (earliest date, then earliest ingested)."""

    id: int
    text: str = Field(description="the longest wording seen")
    size: int
    first: Occurrence
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


class CheckMatch(Record):
    """A real quote close to the text being checked, and how close its wording is."""

    closeness: Closeness = Field(
        description="exact: same words; trimmed: one is part of the other; paraphrase: similar"
        " words, or similar to a part of the other"
    )
    similarity: float = Field(
        ge=0,
        le=100,
        description="how close the words are (trimmed, or a reworded part of a longer quote: to"
        " the part they match); 100 = same words",
    )
    text: str
    speaker: str | None = None
    speaker_id: int | None = None
    cluster_id: int
    occurrences: int
    first: Occurrence


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
