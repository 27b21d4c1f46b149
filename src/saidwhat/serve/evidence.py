"""A quote's evidence in words, for the pages: the one place that reads the evidence steps.

Extraction writes each step as a short code (the rule that proposed the quote, in
quotes/candidates.py; the reporting word and the model's probability, in quotes/__init__.py)
or as a sentence (the hops that resolved the speaker, in speakers/). The API keeps them as
they are; a journalist reads "said after the quote; model confidence 97%" instead of
"ccomp-after-cue" and "model:quote-scorer p=0.97". A code not listed here is shown as it is
(never dropped); tests/serve/test_evidence.py checks that the demo corpus has none.
"""

from __future__ import annotations

import re

RULES = {
    "quote-marks": "in quotation marks",
    "ccomp-after-cue": "said after the quote (“…,” she said)",
    "ccomp-before-cue": "said before the quote (she said that …)",
    "cue-after-clause": "said after the sentence (…, she said)",
    "object-of-cue": "what the reporting verb tells (she urged …)",
    "that-clause-of-noun": "a “that” clause after a word such as claim or statement",
    "according-to": "introduced by “according to”",
    "name-colon-lead-in": "a name and a colon before the words (Name: …)",
    "colon-lead-in": "a sentence ending in a colon leads into the quote",
    "cue:said-after-quote": "the reporting verb comes after the quote",
    "cue:before": "the reporting verb comes before the quote",
    "source-next-to-cue": "the speaker is named next to the reporting verb",
    "multi-paragraph-quote": "the quote runs over more than one paragraph",
    "split-quote": "one quote split by its attribution (“…,” she said. “…”)",
    "continued-quote": "the quote goes on in the next quotation marks",
    "dash-attribution": "the speaker is named after a dash (“…” — Name)",
}
_CUE = re.compile(r"cue:(\w[\w' -]*)")
_MODEL = re.compile(r"model:quote-scorer p=([01](?:\.\d+)?)")
# The speaker hops quote what the article wrote in straight marks: a mark that opens (after a
# space) or closes (before a space) becomes a curly one; the apostrophe of "O'Brien" or
# "city's" stays, and a title quoted inside a quoted headline nests.
_OPENING = re.compile(r"(?<![^\s(])'(?=\S)")
_CLOSING = re.compile(r"(?<=\S)'(?![^\s),;:])")
ENTITY_KINDS = {"ORG": "an organisation", "PERSON": "a person", "GPE": "a place", "NORP": "a group"}
_ENTITY = re.compile(r"named entity ([A-Z_]+)")


def in_words(step: str) -> str:
    """One evidence step as a reader would say it."""
    if step in RULES:
        return RULES[step]
    if model := _MODEL.fullmatch(step):
        return f"model confidence {percent(float(model.group(1)))}"
    if cue := _CUE.fullmatch(step):
        return f"reporting word “{cue.group(1)}”"
    words = _CLOSING.sub("”", _OPENING.sub("“", step))
    words = _ENTITY.sub(lambda m: f"recognised as {ENTITY_KINDS.get(m[1], m[1])}", words)
    return words.replace(" -> “", " is “").replace(" -> ", ": ")


def percent(probability: float) -> str:
    """0.973 -> '97%': how the pages write a confidence."""
    return f"{round(probability * 100)}%"


QUOTE_TYPES = {
    "direct": "direct quote",
    "mixed": "partial quote in reported speech",
    "indirect": "reported speech",
}
