"""Features of a candidate attribution for the learned scorer (sparse, named, binary or small).

Reads token lemma, tag, POS, dependency labels and the entity type of the source head (NER).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

import numpy
from spacy.attrs import DEP, LOWER, POS, SENT_START
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc

from saidwhat.lang.verbs import SPEECH_NOUNS, hooks_quotes, is_speech_verb
from saidwhat.lang.words import FIRST_PERSON_PLURAL, FIRST_PERSON_SINGULAR, GROUP_HEADS
from saidwhat.quotes.proposals import Raw

FIRST_PERSON = FIRST_PERSON_SINGULAR | FIRST_PERSON_PLURAL | {"i"}


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


class Letters:
    """The letters and digits of a text counted once (prefix sums, made on first use), so that
    those of any span are one subtraction. Counting them character by character for each
    candidate, each tested against every quote mark it holds, was quadratic."""

    def __init__(self, text: str):
        self.text = text
        self._before: numpy.ndarray | None = None  # letters before each position

    def count(self, start: int, end: int) -> int:
        if self._before is None:
            alnum = numpy.fromiter(map(str.isalnum, self.text), bool, len(self.text))
            self._before = numpy.concatenate(([0], numpy.cumsum(alnum, dtype=numpy.int64)))
        return int(self._before[end] - self._before[start]) if end > start else 0


def quoted_share(
    letters: Letters, fragments: list[tuple[int, int]], marks: list[tuple[int, int]]
) -> float:
    """Share of the content's letters that lie inside quote marks."""
    merged: list[tuple[int, int]] = []
    for s, e in sorted(marks):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    ends = [e for _, e in merged]
    inside = total = 0
    for s, e in fragments:
        total += letters.count(s, e)
        for ms, me in merged[bisect.bisect_right(ends, s) :]:
            if ms >= e:
                break
            inside += letters.count(max(s, ms), min(e, me))
    return inside / total if total else 0.0


class ContentFlags:
    """Per token of a parse, read once per article as arrays: whether it is a verb, a subject,
    a first person word, a sentence start; a candidate's content features are then counts
    over a span of them (four walks over its tokens each made a spaCy Token per token, for
    every candidate). Each is kept as running counts, so that a span's count is one
    subtraction (a numpy reduction per feature cost more than the rest of the features)."""

    def __init__(self, doc: Doc):
        pos, dep, lower, starts = doc.to_array([POS, DEP, LOWER, SENT_START]).T
        strings = doc.vocab.strings
        self.verb = _running(numpy.isin(pos, (VERB, AUX)))
        self.subject = _running(
            numpy.isin(dep, [strings.add(label) for label in ("nsubj", "nsubjpass")])
        )
        self.first_person = _running(
            numpy.isin(lower, [strings.add(word) for word in FIRST_PERSON])
        )
        self.sentence_start = _running(starts == 1)


def _running(flags: numpy.ndarray) -> list[int]:
    """How many tokens before each position are flagged: span [a, b) holds ``r[b] - r[a]``."""
    return [0, *numpy.cumsum(flags, dtype=numpy.int64).tolist()]


def candidate_features(
    raw: Raw,
    doc: Doc,
    flags: ContentFlags,
    quoted: float,
    section: str,
    in_quote: Callable[[int], bool],
) -> dict[str, float]:
    """Named features of one candidate; ``flags`` are those of ``doc``, ``quoted`` is its
    quoted share, ``section`` its kind, ``in_quote(pos)`` tells whether a character lies
    inside quote marks."""
    f: dict[str, float] = {"bias": 1.0, f"kind={raw.kind}": 1.0, f"section={section}": 1.0}
    if not raw.marks and in_quote(raw.start):
        f["inside_other_quote"] = 1.0
    content = doc.char_span(raw.fragments[0][0], raw.fragments[-1][1], alignment_mode="expand")
    ntok = len(content) if content is not None else 0
    f[f"len={_bucket(ntok, (2, 4, 8, 15, 30, 60))}"] = 1.0
    f[f"frags={min(len(raw.fragments), 3)}"] = 1.0
    q = "none" if quoted == 0 else "all" if quoted > 0.95 else "part"
    f[f"quoted={q}"] = 1.0
    f[f"kind_quoted={raw.kind}|{q}"] = 1.0
    for tag in raw.evidence:
        f[f"ev={tag}"] = 1.0
    if content is not None and len(content):
        first = content[0]
        f[f"first={first.lower_ if first.is_stop or first.is_punct else first.pos_}"] = 1.0
        a, b = content.start, content.end
        f["content_has_verb"] = float(flags.verb[b] > flags.verb[a])
        f["content_has_subj"] = float(flags.subject[b] > flags.subject[a])
        f["content_first_person"] = float(flags.first_person[b] > flags.first_person[a])
        f["content_ends_sentence"] = float(any(ch in content[-1].text for ch in ".!?"))
        starts = flags.sentence_start[b] - flags.sentence_start[a + 1]
        f[f"content_sentences={min(starts + 1, 3)}"] = 1.0
    cue = raw.cue
    if cue is not None:
        lemma = cue.lemma_.lower()
        speech = is_speech_verb(lemma)
        f[f"lemma={lemma}"] = 1.0
        f[f"kind_lemma={raw.kind}|{lemma}"] = 1.0
        f[f"speech={speech}"] = 1.0
        f[f"kind_speech={raw.kind}|{speech}"] = 1.0
        f[f"cue_tag={cue.tag_}"] = 1.0
        f[f"cue_dep={cue.dep_}"] = 1.0
        f[f"kind_cue_dep={raw.kind}|{cue.dep_}"] = 1.0
        f["cue_hook"] = float(hooks_quotes(lemma))
        f["cue_speech_noun"] = float(lemma in SPEECH_NOUNS)
        children = list(cue.children)
        kids = {c.dep_ for c in children}
        for c in children:
            if c.dep_ == "prt":
                f[f"cue_prt={lemma}|{c.lower_}"] = 1.0
        f["cue_neg"] = float("neg" in kids)
        f["cue_aux_modal"] = float(any(c.tag_ == "MD" for c in children))
        f["cue_passive"] = float("auxpass" in kids or "nsubjpass" in kids)
        f["cue_in_content"] = float(
            any(s <= cue.idx < e for s, e in raw.fragments) and raw.kind != "according"
        )
        gap = min(abs(cue.idx - raw.start), abs(cue.idx - raw.end))
        f[f"gap={_bucket(gap, (2, 10, 40, 120))}"] = 1.0
        f["cue_before"] = float(cue.idx < raw.start)
        f["cue_quoted"] = float(in_quote(cue.idx))
    else:
        f["no_cue"] = 1.0
    subj = raw.subject
    if subj is None:
        f["no_source"] = 1.0
    else:
        ent = subj.ent_type_ or "O"
        f[f"src_ent={ent}"] = 1.0
        f[f"src_pos={subj.pos_}"] = 1.0
        f[f"kind_src_pos={raw.kind}|{subj.pos_}"] = 1.0
        if subj.pos_ == "PRON":
            f[f"src_pron={subj.lower_}"] = 1.0
        else:
            f[f"src_lemma={subj.lemma_.lower()}"] = 1.0
        if cue is not None:
            f["src_after_cue"] = float(subj.i > cue.i)
        if raw.source is not None:
            inside = any(s <= raw.source[0] < e for s, e in raw.fragments)
            f["src_in_content"] = float(inside)
            mention = doc.char_span(*raw.source, alignment_mode="expand")
            if mention is not None:
                f[f"src_len={_bucket(len(mention), (1, 2, 4, 8))}"] = 1.0
                f["src_has_name"] = float(any(t.pos_ == "PROPN" for t in mention))
                f["src_group"] = float(subj.lower_ in GROUP_HEADS)
                f["src_first_person"] = float(subj.lower_ in FIRST_PERSON)
    return f
