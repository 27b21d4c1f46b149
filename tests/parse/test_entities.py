"""Without NER the parse still names people, bodies, places, groups and dates (the light
entity layer of saidwhat.parse.entities), the way the speakers and quotes steps read them.
The sentences are invented (people and places made up)."""

from __future__ import annotations

import pytest

from saidwhat.parse import load_pipeline, ner_enabled

TEXT = (
    "Mayor Odile Varga of Port Aldous said on Wednesday that the ferries from Harlowe were late. "
    '"We will fix it," Varga added. The Harbour Transport Department declined to comment, '
    "and Republicans in New Carrow called the plan weak. "
    "Attorney General Bram de Wit told reporters the inquiry would start this week."
)


@pytest.fixture(scope="module")
def doc(monkeypatch_module):
    monkeypatch_module.setenv("SAIDWHAT_NER", "off")
    nlp = load_pipeline()
    assert "ner" not in nlp.pipe_names and "saidwhat_light_ents" in nlp.pipe_names
    return nlp(TEXT)


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_names_without_ner(doc):
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Odile Varga", "PERSON") in ents  # the title "Mayor" stays outside, as with NER
    assert ("Varga", "PERSON") in ents  # a lone name that speaks
    assert ("Bram de Wit", "PERSON") in ents  # particle inside, two-word title outside
    assert ("Harbour Transport Department", "ORG") in ents
    assert ("New Carrow", "GPE") in ents and ("Port Aldous", "GPE") in ents
    assert ("Republicans", "NORP") in ents
    assert ("Wednesday", "DATE") in ents and ("week", "DATE") in ents


def test_a_lone_word_without_a_clue_is_left_untagged(doc):
    assert "Harlowe" not in {e.text for e in doc.ents}
    assert all(e.text != "Mayor" for e in doc.ents)


def test_ner_is_opt_in(monkeypatch):
    monkeypatch.delenv("SAIDWHAT_NER", raising=False)
    assert not ner_enabled()
    monkeypatch.setenv("SAIDWHAT_NER", "on")
    assert ner_enabled()
