"""``saidwhat.Corpus``: the Python API of a quote store (one SQLite file).

    from saidwhat import Corpus, ingest
    corpus = Corpus("news.db")
    ingest(["articles/"], corpus, workers=2)   # reading and extracting happen above the store
    for hit in corpus.search("sanctuary cities", speaker="de Blasio", since="2018-01-01"):
        print(hit.speaker, hit.snippet, hit.source, hit.date)
    corpus.check("We will not be intimidated")

Every thread gets its own SQLite connection (WAL: many readers, one writer), so a web server
can share one Corpus between its worker threads.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from saidwhat.errors import SaidwhatError
from saidwhat.records import Article, Document, Skipped
from saidwhat.store import answers as answering
from saidwhat.store import lookups
from saidwhat.store import report as reporting
from saidwhat.store import search as searching
from saidwhat.store.connection import connect, transaction
from saidwhat.store.corrections import apply_aliases, merge_people, parse_aliases, split_person
from saidwhat.store.filters import QuoteFilters
from saidwhat.store.models import (
    ArticleHit,
    ArticleLinks,
    CheckReport,
    Cluster,
    CorpusStats,
    IngestReport,
    InputEntry,
    NetworkEdge,
    Occurrence,
    QuoteHit,
    QuoteType,
    SpeakerProfile,
    SpeakerSummary,
    WeekCount,
)
from saidwhat.store.people import drop_orphans
from saidwhat.store.schema import SCHEMA_VERSION
from saidwhat.store.search import COUNT_CAP, Sort

if TYPE_CHECKING:
    from saidwhat.store.writer import Progress


class Corpus:
    """A quote corpus in one SQLite file: created (or upgraded) on open unless ``readonly``."""

    def __init__(self, path: str | Path = "saidwhat.db", *, readonly: bool = False):
        self.path = Path(path)
        self.readonly = readonly
        self._local = threading.local()
        # open now: a missing or foreign file is an error here, not at the first query
        self.conn.execute("PRAGMA user_version")

    @property
    def conn(self) -> sqlite3.Connection:
        """This thread's connection."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = connect(self.path, readonly=self.readonly)
        return conn

    def close(self) -> None:
        """Close this thread's connection."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def add(
        self,
        articles: Iterable[Article | Skipped],
        *,
        batch_size: int = 100,
        force: bool = False,
        input_hashes: dict[str, str] | None = None,
        progress: Progress | None = None,
        report: IngestReport | None = None,
    ) -> IngestReport:
        """Store extracted Article records (and log Skipped inputs), one transaction per
        ``batch_size``; see ``store.writer.ingest_articles``. ``saidwhat.ingest`` reads and
        extracts inputs and calls this."""
        from saidwhat.store.writer import ingest_articles  # writing loads the clustering

        return ingest_articles(
            self.conn,
            articles,
            batch_size=batch_size,
            force=force,
            input_hashes=input_hashes,
            progress=progress,
            report=report,
        )

    def relabel(self, roles_file: str | None = None) -> int:
        """Label the stored speakers again as sources (after a change of the role lexicon:
        ``roles_file`` extends the built-in one); returns how many speakers changed."""
        from saidwhat.store.sourcing import relabel

        with transaction(self.conn):
            return relabel(self.conn, roles_file)

    def unchanged(self, document: Document) -> bool:
        """Whether this input was ingested before from identical content (a rerun skips it
        before extraction)."""
        from saidwhat.store.writer import unchanged_input

        return unchanged_input(self.conn, document)

    def merge_speakers(self, target: str | int, other: str | int) -> SpeakerProfile:
        """Correct the machine: ``other`` is the same speaker as ``target``. Survives re-ingest."""
        with transaction(self.conn):
            person_id = merge_people(self.conn, target, other)
        return self.speaker(person_id)

    def split_speaker(self, speaker: str | int, names: list[str]) -> SpeakerProfile:
        """Correct the machine: the mentions written as ``names`` are someone else than
        ``speaker``; they become a new speaker named ``names[0]``. Survives re-ingest."""
        with transaction(self.conn):
            person_id = split_person(self.conn, speaker, names)
            drop_orphans(self.conn)
        return self.speaker(person_id)

    def apply_aliases(self, path: str | Path) -> int:
        """Apply an aliases file (``Canonical Name = alias; alias`` a line): known speakers
        under an alias are merged into the canonical one, and future ingests follow it."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise SaidwhatError(f"{path}: cannot read aliases file ({exc.strerror})") from None
        entries = parse_aliases(text, str(path))
        with transaction(self.conn):
            merges = apply_aliases(self.conn, entries)
            drop_orphans(self.conn)
        return merges

    # -- questions -------------------------------------------------------------------------

    def search(
        self,
        text: str = "",
        *,
        speaker: str | None = None,
        source: str | None = None,
        since: str | None = None,
        until: str | None = None,
        type: QuoteType | None = None,
        filters: QuoteFilters | None = None,
        limit: int = 20,
        offset: int = 0,
        sort: Sort = "relevance",
    ) -> list[QuoteHit]:
        """Full-text search of quotes, best first (bm25), with highlighted snippets.

        ``text``: words (all required), "exact phrases", prefix*, OR, NOT; empty lists the
        newest quotes. ``speaker``: a name or id (aliases count); ``source``: outlet;
        ``since``/``until``: dates YYYY[-MM[-DD]] inclusive; ``type``: direct|mixed|indirect;
        or all of them as one ``filters`` record. Invalid filters raise a one-line error.
        ``sort``: "relevance", or "newest" / "oldest" first (undated quotes last).
        """
        wanted = filters or QuoteFilters.of(
            speaker=speaker, source=source, since=since, until=until, type=type
        )
        return searching.search(self.conn, text, wanted, limit=limit, offset=offset, sort=sort)

    def count(
        self, text: str = "", *, filters: QuoteFilters | None = None, cap: int = COUNT_CAP
    ) -> int:
        """How many quotes ``search(text, filters=filters)`` finds, counted up to ``cap`` + 1
        (which means: more than ``cap``)."""
        return searching.count(self.conn, text, filters or QuoteFilters(), cap=cap)

    def quotes(
        self,
        *,
        speaker: str | None = None,
        source: str | None = None,
        since: str | None = None,
        until: str | None = None,
        type: QuoteType | None = None,
        filters: QuoteFilters | None = None,
        by_cluster: bool = False,
        newest: bool = False,
    ) -> Iterator[Occurrence]:
        """Every quote occurrence matching the filters, oldest first (streamed), or newest
        first; with ``by_cluster`` the occurrences of one cluster come together."""
        wanted = filters or QuoteFilters.of(
            speaker=speaker, source=source, since=since, until=until, type=type
        )
        return searching.occurrences(self.conn, wanted, by_cluster=by_cluster, newest=newest)

    def speakers(self, *, top: int = 20, kind: str | None = None) -> list[SpeakerSummary]:
        """The ``top`` most-quoted speakers (optionally only one kind: person, organization...)."""
        return lookups.speakers(self.conn, top=top, kind=kind)

    def speakers_named(self, name: str, *, limit: int = 5) -> list[SpeakerSummary]:
        """The speakers a name means, as the ``speaker`` filter reads it, most-quoted first."""
        return lookups.speakers_named(self.conn, name, limit=limit)

    def headlines(self, text: str, *, limit: int = 5) -> list[ArticleHit]:
        """The articles whose headline has these words (search syntax), best match first."""
        return lookups.headlines(self.conn, text, limit=limit)

    def speaker(self, name_or_id: str | int, *, recent: int = 10) -> SpeakerProfile | None:
        """A speaker's profile: aliases, titles and affiliations with when they were seen,
        quote count, outlets, first/last seen, ``recent`` latest quotes. A name matches any
        alias ("de Blasio", "Mayor Bill de Blasio"); None when nobody matches."""
        return lookups.speaker(self.conn, name_or_id, recent=recent)

    def timeline(self, name_or_id: str | int) -> list[WeekCount]:
        """A speaker's dated quotes per week (the week's Monday), oldest first, empty weeks
        left out; the speaker is the one ``speaker()`` would profile."""
        return lookups.timeline(self.conn, name_or_id)

    def report(
        self, by: reporting.By = "outlet", *, filters: QuoteFilters | None = None
    ) -> reporting.SourcingReport:
        """Who gets a voice: articles, quotes and sources by outlet, month or both, with the
        shares of quotes and sources by anonymity, role, gender and quote type and the most
        quoted speakers, for the quotes the filters choose (``store.report``)."""
        return reporting.report(self.conn, by, filters or QuoteFilters())

    def network(
        self,
        *,
        kind: Literal["answer", "co-quoted"] = "answer",
        text: str = "",
        filters: QuoteFilters | None = None,
    ) -> list[NetworkEdge]:
        """The speaker network: who answers whom among the quotes the filters choose (with
        ``text``, among a search's first 10,000 hits; weight: answering quotes), or who is
        quoted with whom (named people and bodies; weight: articles)."""
        wanted = filters or QuoteFilters()
        if kind == "co-quoted":
            return answering.coquoted_edges(self.conn, wanted)
        hits = None
        if text.strip():
            hits = [h.id for h in self.search(text, filters=wanted, limit=COUNT_CAP)]
        return answering.answer_edges(self.conn, wanted, hits)

    def network_nodes(self, edges: list[NetworkEdge]) -> dict[str, tuple[str, str, int]]:
        """The edges' ends: {node id: (name, kind, quotes)} (an id, or "name:" and a name
        no corpus speaker bears)."""
        return answering.graph_nodes(self.conn, edges)

    def check(self, text: str, *, speaker: str | None = None, limit: int = 5) -> CheckReport:
        """Did anyone (or ``speaker``) really say this? The verdict (verbatim, verbatim_part,
        altered, contradicts, reported_only, similar_topic, not_found: ``models.VERDICTS``)
        with its evidence: the closest real quotes, best first, each aligned word by word with
        the claim, with who said it and where and when it appeared first; with a speaker, the
        best match by them and the best by anyone else."""
        from saidwhat.store import check as checking  # fuzzy matching: loaded when asked

        return checking.check(self.conn, text, speaker=speaker, limit=limit)

    def cluster(self, cluster_id: int, *, limit: int | None = None) -> Cluster | None:
        """One quote across the corpus: every occurrence (article, outlet, date, url, exact
        wording), oldest first (only the first ``limit`` if given; ``size`` counts all), and
        where it appeared first."""
        return lookups.cluster(self.conn, cluster_id, limit=limit)

    def article(self, article_id: str) -> Article | None:
        """The stored Article record (text, structure, quotes, speakers) by its id."""
        return lookups.article(self.conn, article_id)

    def article_links(self, article_id: str) -> ArticleLinks | None:
        """How a stored article links into the corpus: {article speaker id -> corpus speaker
        id} and {quote id -> its cluster (id, size, where it was printed first)}."""
        return lookups.article_links(self.conn, article_id)

    def log(self, *, skipped: bool = False, limit: int | None = None) -> list[InputEntry]:
        """Inputs seen by ingests, newest first; ``skipped`` only the skipped ones."""
        where = " WHERE status = 'skipped'" if skipped else ""
        rows = self.conn.execute(
            f"SELECT origin, status, reason, article_id, seen_at FROM inputs{where}"
            " ORDER BY seen_at DESC, origin LIMIT ?",
            (-1 if limit is None else limit,),
        )
        return [InputEntry(**dict(r)) for r in rows]

    def stats(self) -> CorpusStats:
        """How big the corpus is."""

        def count(sql: str) -> int:
            return self.conn.execute(sql).fetchone()[0]

        files = [self.path, Path(f"{self.path}-wal")]
        return CorpusStats(
            articles=count("SELECT COUNT(*) FROM articles"),
            quotes=count("SELECT COUNT(*) FROM quotes"),
            speakers=count("SELECT COUNT(*) FROM people"),
            clusters=count("SELECT COUNT(*) FROM clusters"),
            inputs=count("SELECT COUNT(*) FROM inputs"),
            skipped=count("SELECT COUNT(*) FROM inputs WHERE status = 'skipped'"),
            schema_version=SCHEMA_VERSION,
            size_bytes=sum(f.stat().st_size for f in files if f.exists()),
        )
