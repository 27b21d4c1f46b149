"""Ingesting: read → extract → store, the one path by which inputs become a corpus (the CLI's
``saidwhat ingest``, the Python API's ``saidwhat.ingest``). It sits above both the store, which
takes records, and extraction, which knows nothing of stores.

    from saidwhat import ingest
    report = ingest(["articles/", "crawl.jsonl.gz"], "news.db", workers=2)

Inputs the store already holds unchanged are skipped before extraction, so a rerun (or a
resumed, interrupted ingest) extracts only what is new or changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from saidwhat.read import iter_documents
from saidwhat.records import Document, Skipped
from saidwhat.run.local import extract_parallel
from saidwhat.store import Corpus
from saidwhat.store.models import IngestReport
from saidwhat.store.writer import Progress, input_hash


def ingest(
    inputs: Iterable[str | Path | Document],
    corpus: Corpus | str | Path,
    *,
    workers: int = 1,
    batch_size: int = 100,
    force: bool = False,
    model: str | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Read, extract and store inputs (paths, directories, URLs, '-', or Document records)
    into ``corpus`` (a Corpus or the path of its file). Unchanged inputs already in the corpus
    are skipped before extraction; ``force`` re-extracts them (after a better extractor)."""
    store = corpus if isinstance(corpus, Corpus) else Corpus(corpus)
    report = IngestReport()
    hashes: dict[str, str] = {}

    def fresh() -> Iterator[Document | Skipped]:
        for document in documents(inputs):
            if isinstance(document, Document):
                if not force and store.unchanged(document):
                    report.unchanged += 1
                    if progress:
                        progress(report)
                    continue
                hashes[document.origin] = input_hash(document)
            yield document

    extracted = extract_parallel(fresh(), workers=workers, model=model)
    return store.add(
        extracted,
        batch_size=batch_size,
        force=force,
        input_hashes=hashes,
        progress=progress,
        report=report,
    )


def documents(inputs: Iterable[str | Path | Document]) -> Iterator[Document | Skipped]:
    """Documents from paths via the readers, in order; Document records pass through."""
    paths: list[str] = []
    for item in inputs:
        if isinstance(item, Document):
            if paths:
                yield from iter_documents(paths)
                paths = []
            yield item
        else:
            paths.append(str(item))
    if paths:
        yield from iter_documents(paths)
