"""Features of a candidate attribution for the learned scorer (sparse, named, binary or small).

Reads token lemma, tag, POS, dependency labels and the entity type of the source head (NER).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

import numpy
from spacy.attrs import DEP, IDX, LENGTH, LOWER, POS, SENT_START, SPACY
from spacy.symbols import AUX, PROPN, VERB
from spacy.tokens import Doc, Token

from saidwhat.lang.verbs import SPEECH_NOUNS, hooks_quotes, is_speech_verb
from saidwhat.lang.words import FIRST_PERSON_PLURAL, FIRST_PERSON_SINGULAR, GROUP_HEADS
from saidwhat.quotes.proposals import Raw
from saidwhat.quotes.syntax import any_of

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
        self._before: list[int] | None = None  # letters before each position

    def count(self, start: int, end: int) -> int:
        if self._before is None:
            self._before = _running(_alnum(self.text))  # a list: reading a numpy item costs more
        return self._before[end] - self._before[start] if end > start else 0


_ASCII_ALNUM = numpy.array([chr(c).isalnum() for c in range(128)] + [False])


def _alnum(text: str) -> numpy.ndarray:
    """``str.isalnum`` of each character: by a table for ASCII, asked of the others only
    (asking each character cost 0.02 s of the quotes step over PolNeAR dev)."""
    codes = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)
    alnum = _ASCII_ALNUM[numpy.minimum(codes, 128)]
    others = numpy.flatnonzero(codes >= 128).tolist()
    alnum[others] = [text[i].isalnum() for i in others]
    return alnum


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
        columns = doc.to_array([POS, DEP, LOWER, SENT_START, IDX, LENGTH, SPACY]).T
        pos, dep, lower, starts, idx, length, space = columns
        strings = doc.vocab.strings
        self.doc = doc
        self.verb = _running(any_of(pos, (VERB, AUX)))
        self.proper = _running(pos == PROPN)
        self.idx, self.ends = idx.tolist(), (idx + length).tolist()
        self.text_end = int(idx[-1] + length[-1] + space[-1]) if len(doc) else 0
        self.subject = _running(
            any_of(dep, [strings.add(label) for label in ("nsubj", "nsubjpass")])
        )
        self.first_person = _running(any_of(lower, [strings.add(word) for word in FIRST_PERSON]))
        self.sentence_start = _running(starts == 1)
        self._cues: dict[int, CueFacts] = {}
        self._sources: dict[int, SourceFacts] = {}
        self._words: dict[int, tuple[str, bool]] = {}
        self._mentions: dict[tuple[int, int], tuple[int, bool] | None] = {}

    def cue(self, token: Token) -> CueFacts:
        """What the features read of a cue token, read once: most cues propose several
        candidates (a complement, an object, a quotation in marks). With ``source``,
        ``mention`` and ``word``: 0.03-0.05 s less CPU of the quotes step's 1.4 s over
        PolNeAR dev (its feature calls in isolation: 0.166 -> 0.098 s on 40 articles)."""
        found = self._cues.get(token.i)
        if found is None:
            found = self._cues[token.i] = CueFacts(token)
        return found

    def source(self, token: Token) -> SourceFacts:
        """What the features read of a source's head token, read once (see ``cue``)."""
        found = self._sources.get(token.i)
        if found is None:
            found = self._sources[token.i] = SourceFacts(token)
        return found

    def tokens(self, start: int, end: int) -> tuple[int, int] | None:
        """The tokens [a, b) of ``doc.char_span(start, end, alignment_mode="expand")``, found
        by bisection over the token offsets (the tokens and their trailing spaces tile the
        text), without the Span: 0.04 s of the quotes step's 1.2 s over PolNeAR dev."""
        if not 0 <= start < self.text_end or not 0 < end <= self.text_end:
            return None
        first = bisect.bisect_right(self.idx, start) - 1
        last = bisect.bisect_right(self.idx, end - 1) - 1
        if start == self.ends[first]:  # in the space after a token: the next one
            first += 1
        return first, last + 1

    def mention(self, span: tuple[int, int]) -> tuple[int, bool] | None:
        """A source mention's length in tokens and whether it holds a proper noun, read once
        (see ``cue``); None where no tokens hold it."""
        if span not in self._mentions:
            words = self.tokens(*span)
            self._mentions[span] = (
                None
                if words is None
                else (words[1] - words[0], self.proper[words[1]] > self.proper[words[0]])
            )
        return self._mentions[span]

    def word(self, i: int) -> tuple[str, bool]:
        """A content edge token's first-word feature value and whether it holds a sentence
        end, read once (see ``cue``)."""
        found = self._words.get(i)
        if found is None:
            token = self.doc[i]
            shown = token.lower_ if token.is_stop or token.is_punct else token.pos_
            text = token.text
            found = self._words[i] = (shown, "." in text or "!" in text or "?" in text)
        return found


class CueFacts:
    """The attributes of a cue token that its features read."""

    def __init__(self, cue: Token):
        self.i, self.idx = cue.i, cue.idx
        self.lemma = lemma = cue.lemma_.lower()
        self.speech = is_speech_verb(lemma)
        self.tag, self.dep = cue.tag_, cue.dep_
        self.hook = float(hooks_quotes(lemma))
        self.speech_noun = float(lemma in SPEECH_NOUNS)
        # one walk of the children (a list, a set and two generators over them cost 1.4% of
        # the quotes step: there is a cue per candidate, few shared)
        self.particles: list[str] = []
        negated = modal = passive = False
        for c in cue.children:
            dep = c.dep_
            if dep == "prt":
                self.particles.append(c.lower_)
            negated = negated or dep == "neg"
            passive = passive or dep in ("auxpass", "nsubjpass")
            modal = modal or c.tag_ == "MD"
        self.negated, self.modal, self.passive = float(negated), float(modal), float(passive)


class SourceFacts:
    """The attributes of a source's head token that its features read."""

    def __init__(self, subj: Token):
        self.i = subj.i
        self.ent = subj.ent_type_ or "O"
        self.pos, self.lower = subj.pos_, subj.lower_
        self.lemma = subj.lemma_.lower()


def _running(flags: numpy.ndarray) -> list[int]:
    """How many tokens before each position are flagged: span [a, b) holds ``r[b] - r[a]``."""
    return [0, *numpy.cumsum(flags, dtype=numpy.int64).tolist()]


def candidate_features(
    raw: Raw,
    flags: ContentFlags,
    quoted: float,
    section: str,
    in_quote: Callable[[int], bool],
) -> dict[str, float]:
    """Named features of one candidate; ``flags`` are those of its doc, ``quoted`` is its
    quoted share, ``section`` its kind, ``in_quote(pos)`` tells whether a character lies
    inside quote marks."""
    f: dict[str, float] = {"bias": 1.0, f"kind={raw.kind}": 1.0, f"section={section}": 1.0}
    if not raw.marks and in_quote(raw.start):
        f["inside_other_quote"] = 1.0
    content = flags.tokens(raw.fragments[0][0], raw.fragments[-1][1])
    ntok = content[1] - content[0] if content is not None else 0
    f[f"len={_bucket(ntok, (2, 4, 8, 15, 30, 60))}"] = 1.0
    f[f"frags={min(len(raw.fragments), 3)}"] = 1.0
    q = "none" if quoted == 0 else "all" if quoted > 0.95 else "part"
    f[f"quoted={q}"] = 1.0
    f[f"kind_quoted={raw.kind}|{q}"] = 1.0
    for tag in raw.evidence:
        f[f"ev={tag}"] = 1.0
    if content is not None and ntok:
        a, b = content
        first, ends = flags.word(a)[0], flags.word(b - 1)[1]
        f[f"first={first}"] = 1.0
        f["content_has_verb"] = float(flags.verb[b] > flags.verb[a])
        f["content_has_subj"] = float(flags.subject[b] > flags.subject[a])
        f["content_first_person"] = float(flags.first_person[b] > flags.first_person[a])
        f["content_ends_sentence"] = float(ends)
        starts = flags.sentence_start[b] - flags.sentence_start[a + 1]
        f[f"content_sentences={min(starts + 1, 3)}"] = 1.0
    cue = flags.cue(raw.cue) if raw.cue is not None else None
    if cue is not None:
        lemma, speech = cue.lemma, cue.speech
        f[f"lemma={lemma}"] = 1.0
        f[f"kind_lemma={raw.kind}|{lemma}"] = 1.0
        f[f"speech={speech}"] = 1.0
        f[f"kind_speech={raw.kind}|{speech}"] = 1.0
        f[f"cue_tag={cue.tag}"] = 1.0
        dep = raw.cue_dep or cue.dep
        f[f"cue_dep={dep}"] = 1.0
        f[f"kind_cue_dep={raw.kind}|{dep}"] = 1.0
        f["cue_hook"] = cue.hook
        f["cue_speech_noun"] = cue.speech_noun
        for particle in cue.particles:
            f[f"cue_prt={lemma}|{particle}"] = 1.0
        f["cue_neg"] = cue.negated
        f["cue_aux_modal"] = cue.modal
        f["cue_passive"] = cue.passive
        f["cue_in_content"] = float(raw.holds(cue.idx) and raw.kind != "according")
        gap = min(abs(cue.idx - raw.start), abs(cue.idx - raw.end))
        f[f"gap={_bucket(gap, (2, 10, 40, 120))}"] = 1.0
        f["cue_before"] = float(cue.idx < raw.start)
        f["cue_quoted"] = float(in_quote(cue.idx))
    else:
        f["no_cue"] = 1.0
    subj = flags.source(raw.subject) if raw.subject is not None else None
    if subj is None:
        f["no_source"] = 1.0
    else:
        f[f"src_ent={subj.ent}"] = 1.0
        f[f"src_pos={subj.pos}"] = 1.0
        f[f"kind_src_pos={raw.kind}|{subj.pos}"] = 1.0
        if subj.pos == "PRON":
            f[f"src_pron={subj.lower}"] = 1.0
        else:
            f[f"src_lemma={subj.lemma}"] = 1.0
        if cue is not None:
            f["src_after_cue"] = float(subj.i > cue.i)
        if raw.source is not None:
            inside = raw.holds(raw.source[0])
            f["src_in_content"] = float(inside)
            mention = flags.mention(raw.source)
            if mention is not None:
                f[f"src_len={_bucket(mention[0], (1, 2, 4, 8))}"] = 1.0
                f["src_has_name"] = float(mention[1])
                f["src_group"] = float(subj.lower in GROUP_HEADS)
                f["src_first_person"] = float(subj.lower in FIRST_PERSON)
    return f
