"""The parse step's speed-ups change nothing: the stand-in components and numpy's matrix
products annotate every token as spaCy's own pipeline does, and blanking unread sections keeps
every offset."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, SENT_START, TAG

from saidwhat.parse import (
    BLAS_THREAD_VARIABLES,
    PIECE_CHARS,
    default_model_name,
    ner_enabled,
    one_blas_thread,
    parse_pairs,
    text_pieces,
)
from saidwhat.parse.fast import FastAttributes, FastLemmas
from saidwhat.pipeline import parse_text
from saidwhat.quotes import find_quotes
from saidwhat.records import Document
from saidwhat.structure import structure_document

ATTRS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
INVENTED = [  # invented sentences that exercise the ruler's exceptions (aux, contractions...)
    "\"We're gonna win this, y'all,\" said Mayor Rosa Delgado of Port Aldous on Tuesday.",
    "It was the council that had done it; there is no doubt, and I ain't sure they've let's go.",
    "She doesn't think the ferries, which have been late, will be on time.  Nothin' works.",
    "Once again the board's chair, Mara Ellison, told reporters: \u201cFuel has doubled.\u201d",
    "",
]


def test_the_stand_ins_annotate_exactly_like_spacy(nlp, request):
    texts = list(INVENTED)
    if (request.config.rootpath.parent / "shared" / "data" / "polnear" / "dev.jsonl").exists():
        dev = request.getfixturevalue("polnear_dev")
        texts += [doc["text"] for doc in dev[:12]]
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributes)
    assert isinstance(nlp.get_pipe("lemmatizer"), FastLemmas)
    assert not any(node.ops.use_blis for node in nlp.get_pipe("parser").model.walk())
    ner = ner_enabled()  # without NER, entities come from parse.entities (test_entities.py)
    plain = spacy.load(default_model_name(), exclude=[] if ner else ["ner"])
    for rule in ("saidwhat_sentence_cap", "saidwhat_line_starts"):  # ours, not stand-ins
        plain.add_pipe(rule, first=True)
    attrs = ATTRS if ner else [a for a in ATTRS if a not in (ENT_IOB, ENT_TYPE)]
    for ours, theirs in zip(nlp.pipe(texts), plain.pipe(texts), strict=True):
        assert numpy.array_equal(ours.to_array(attrs), theirs.to_array(attrs)), ours.text[:60]


def blas_threads() -> set[int]:
    from threadpoolctl import threadpool_info

    return {lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"}


def test_blas_runs_on_one_thread_unless_the_user_set_a_count(monkeypatch):
    from threadpoolctl import threadpool_limits

    for name in BLAS_THREAD_VARIABLES:  # Dask sets them in the test process
        monkeypatch.delenv(name, raising=False)
    with threadpool_limits(limits=2, user_api="blas"):
        one_blas_thread()
        assert blas_threads() == {1}
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "2")
    with threadpool_limits(limits=2, user_api="blas"):
        one_blas_thread()
        assert blas_threads() == {2}


@pytest.mark.parametrize(
    ("text", "blanked"),
    [
        (
            "Harbour News\n\nFerries late again\n\nBy Ann Lee\n\n"
            '"Fuel doubled," said Mara Ellison.\n\nShare this\n\nCopyright Harbour Wire',
            {"kicker", "byline", "noise", "credit"},
        ),
        ("Just one paragraph, no sections to blank.", set()),
    ],
)
def test_blanked_text_keeps_every_offset(text: str, blanked: set[str]):
    article = structure_document(Document(text=text, origin="invented"))
    parsed = parse_text(article)
    assert len(parsed) == len(article.text)
    assert [i for i, c in enumerate(parsed) if c == "\n"] == [
        i for i, c in enumerate(article.text) if c == "\n"
    ]
    assert {s.kind for s in article.sections} - {"paragraph", "headline"} == blanked
    for section in article.sections:
        piece = parsed[section.start : section.end]
        if section.kind in ("paragraph", "key_point", "headline"):
            assert piece == section.text
        else:
            assert not piece.strip()


@pytest.mark.parametrize(
    ("text", "size", "pieces"),
    [
        ("one\ntwo\nthree\n", 8, ["one\ntwo\n", "three\n"]),
        ("no line break here at all", 10, ["no line ", "break ", "here at ", "all"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("One. Two three four", 12, ["One. ", "Two three ", "four"]),
        ('He said "yes." Then more', 18, ['He said "yes." ', "Then more"]),
        ("ab\n\ncd", 3, ["ab\n\n", "cd"]),
        ("short", 10, ["short"]),
    ],
)
def test_text_pieces_cut_at_line_breaks_then_sentence_ends_keeping_every_character(
    text, size, pieces
):
    assert text_pieces(text, size) == pieces
    assert "".join(pieces) == text


def test_a_long_text_is_parsed_in_pieces_into_one_doc_with_the_same_text_and_quotes(nlp):
    paragraphs = [  # invented people and places
        f'"The ferry to Port Aldous {n} will run again," said Mayor Rosa Delgado.\n'
        f"Harbour chief Mara Ellison told reporters the repairs cost {n} million.\n"
        for n in range(1, 9)
    ]
    text = "".join(paragraphs)
    assert nlp.max_length > PIECE_CHARS
    whole, _ = next(parse_pairs(nlp, [(text, 0)], 16))
    joined, _ = next(parse_pairs(nlp, [(text, 0)], 16, piece_chars=300))
    assert len(text_pieces(text, 300)) > 1
    assert joined.text == text
    assert [(t.idx, t.text) for t in joined] == [(t.idx, t.text) for t in whole]
    assert joined.has_annotation("DEP") and joined.has_annotation("LEMMA")
    article = structure_document(Document(text=text, origin="invented"))
    quotes = [(q.start, q.end) for q in find_quotes(whole, article)]
    assert quotes and [(q.start, q.end) for q in find_quotes(joined, article)] == quotes
