"""Proposals that report no speech, kept out whatever the scorer would say: a belief ("Burton
thinks that …", "she decided to …"), a refusal or a
non-answer ("declined to say when …", "did not immediately respond to requests"), evidence
that shows rather than a speaker who says ("the video shows …", "evidence suggests …", "the
results showed …"), and a phrasal verb that is no speech act ("called off a meeting").

PolNeAR's annotators marked some of these as attributions; a reader of saidwhat's output
wants what someone said, and a refusal says nothing (issue 14).
"""

from __future__ import annotations

from spacy.tokens import Token

from saidwhat.lang import verbs
from saidwhat.lang.words import EVIDENCE_NOUNS
from saidwhat.quotes.proposals import Raw

_WH_WORDS = {"whether", "if", "when", "how", "why", "what", "who", "where", "which"}
# the verbs of ``PHRASAL_NOT_SPEECH``: the other cues' children are not walked (a walk for
# each of ~7,800 proposals cost 1.5% of the quotes step)
_PHRASAL_VERBS = frozenset(verb for verb, _ in verbs.PHRASAL_NOT_SPEECH)


def _negated(verb: Token) -> bool:
    """A negation among the verb's auxiliaries ("did not say", "isn't saying"), not one the
    parser hung on it from a quote before it ('"Probably not," she said')."""
    doc = verb.doc
    return any(
        c.dep_ == "neg"
        and verb.i - 3 <= c.i < verb.i
        and not any(t.is_punct for t in doc[c.i + 1 : verb.i])
        for c in verb.children
    )


def _asks_nothing(verb: Token) -> bool:
    """No clause of content, or only an open question ("did not say whether …")."""
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    return not clauses or all(c.left_edge.lower_ in _WH_WORDS for c in clauses)


def no_speech(raw: Raw) -> str | None:
    """Why the proposal reports no speech ('refusal', 'belief', 'non-answer', 'perception',
    'phrasal verb'), or None when it may."""
    cue = raw.cue
    if cue is None or cue.pos_ not in ("VERB", "AUX", "NOUN"):
        return None
    lemma = cue.lemma_.lower()
    governor = cue.head.lemma_.lower() if cue.dep_ in ("xcomp", "ccomp") else ""
    if lemma in verbs.REFUSAL_VERBS or governor in verbs.REFUSAL_VERBS:
        return "refusal"
    if lemma in verbs.BELIEF_VERBS:
        return "belief"
    if lemma in verbs.NON_ANSWERS and _negated(cue) and _asks_nothing(cue):
        return "non-answer"
    subject = raw.subject
    if (
        lemma in verbs.PERCEPTION_VERBS
        and subject is not None
        and subject.lemma_.lower() in EVIDENCE_NOUNS
    ):
        return "perception"
    if lemma in _PHRASAL_VERBS and any(
        (lemma, c.lower_) in verbs.PHRASAL_NOT_SPEECH for c in cue.children if c.dep_ == "prt"
    ):
        return "phrasal verb"
    return None
