"""What has been said so far in an article, as the speakers step reads it in text order:
where each sentence and paragraph starts, who spoke before, which earlier people a pronoun or
a description may mean (``recent_people``) and which one a "he" or "she" does
(``antecedent``).

A referent is scored by how near it is (sentences back), whether it is a clause subject,
above all whether it is the previous speaker, unless someone else became the subject since;
a name inside quote marks (said, not spoken of) scores less, an often named person more.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from saidwhat.quotes.marks import find_mark_spans
from saidwhat.quotes.spans import Covered
from saidwhat.records import Article
from saidwhat.speakers.entity import Entity
from saidwhat.speakers.roster import Roster

# How far back (in paragraphs) an antecedent or a previous attribution may lie.
WINDOW_PARAGRAPHS = 3
# The nearest name mentions, and the nearest sources, weighed as referents at one point, at
# most: a window of PolNeAR (dev and 400 train articles) holds at most 22 and 12; a paragraph
# of thousands of quotes held thousands, weighed again for every pronoun (quadratic).
MAX_REFERENTS = 100
# How a pronoun's hop names its antecedent in the evidence (the labelling of sources reads it:
# a pronoun that continues the previous speaker is the reliable reading)
PREVIOUS_SPEAKER, NEAREST_PERSON = "previous speaker", "nearest earlier person"


@dataclass(frozen=True)
class Weights:
    """How a referent is scored (see ``Discourse.recent_people``): per sentence back, for a
    clause subject, for a name inside quote marks or said in an attribution, for how often the
    article names them (log), for the previous speaker, unless another person has overtaken
    them as the subject since (then nothing: a half bonus kept "Tina Houchins had a question
    for the president. ... she said" on the president)."""

    back: float = 1.0
    subject: float = 1.5
    quoted: float = 2.0
    often: float = 0.3
    previous: float = 2.5


WEIGHTS = Weights()


@dataclass
class Recency:
    """How an earlier person stands as a referent at some point: a score (higher is likelier),
    sentences back, whether they are the previous speaker, where last seen, whether they are
    the person seen last of all."""

    score: float
    back: int
    is_previous: bool
    start: int
    latest: bool = False


@dataclass
class Resolution:
    """The speaker a source mention refers to, how sure the hops are, and why."""

    entity: Entity | None
    certainty: float
    evidence: list[str]


class Discourse:
    """An article's positions and the speakers resolved so far (``history``)."""

    def __init__(self, doc: Doc, article: Article, roster: Roster):
        self.doc = doc
        self.text = article.text
        self.roster = roster
        sentences = list(doc.sents)
        self._sentence_starts = [s.start_char for s in sentences]
        self._sentence_tokens = [s.start for s in sentences]
        self._paragraph_starts = [s for s, _ in article.paragraphs] or [0]
        self.history: list[tuple[int, Entity]] = []  # resolved sources: (start, speaker)
        self._by_start: list[tuple[int, int]] = []  # (start, place in history), sorted
        self._spoke: dict[int, list[int]] = {}  # id(speaker) -> where their sources start
        self._paragraphs = article.paragraphs
        self._marks: list[tuple[int, int]] | None = None  # read on first use
        self._subjects: dict[tuple[int, bool], bool] = {}
        self.author: Entity | None = None  # the writer, once known
        self.documents: dict[str, Entity] = {}  # the documents that spoke, by name
        self._alias: dict[int, Entity] = {}  # id(roster person) -> the speaker it merged into
        self._said = Covered()  # the contents of the attributions so far

    # -- positions --------------------------------------------------------------------------
    def sentence(self, at: int) -> int:
        return bisect_right(self._sentence_starts, at)

    def paragraph(self, at: int) -> int:
        return bisect_right(self._paragraph_starts, at)

    def where(self, entity: Entity) -> str:
        """Where the article first names someone, in words: 'paragraph 12', 'the headline'."""
        number = self.paragraph(entity.first)
        return f"paragraph {number}" if number >= 1 else "the headline"

    def previous(self, at: int, window: int = WINDOW_PARAGRAPHS) -> Entity | None:
        """The speaker of the last attribution before ``at``, if at most ``window``
        paragraphs back."""
        for start, entity in reversed(self.history):
            if start < at:
                return entity if self.paragraph(at) - self.paragraph(start) <= window else None
        return None

    def record(self, start: int, speaker: Entity) -> None:
        """Add a resolved source to ``history`` (and to its indexes)."""
        insort(self._by_start, (start, len(self.history)))
        insort(self._spoke.setdefault(id(speaker), []), start)
        self.history.append((start, speaker))

    def _sources_between(self, since: int, at: int) -> list[tuple[int, Entity]]:
        """The sources starting in [since, at), at most the MAX_REFERENTS nearest, in the
        order resolved."""
        end = bisect_left(self._by_start, (at,))
        first = max(bisect_left(self._by_start, (since,)), end - MAX_REFERENTS)
        return [self.history[n] for _, n in sorted(self._by_start[first:end], key=lambda x: x[1])]

    def canonical(self, entity: Entity) -> Entity:
        return self._alias.get(id(entity), entity)

    def last_person(self, at: int) -> Entity | None:
        """The named person spoken of last before ``at``, if in the window."""
        return next((p for p, recency in self.recent_people(at) if recency.latest), None)

    def window_start(self, at: int) -> int:
        first = self.paragraph(at) - WINDOW_PARAGRAPHS
        return self._paragraph_starts[first - 1] if first >= 1 else 0

    def plural_subject_before(self, at: int) -> tuple[int, int] | None:
        """'Twenty-seven states ... are challenging ... They argue': the nearest plural
        subject in this or the previous sentence."""
        found = None
        for token in self.doc[self._sentence_tokens[max(0, self.sentence(at) - 2)] :]:
            if token.idx >= at:
                break
            if token.dep_ == "nsubj" and token.tag_ in ("NNS", "NNPS"):
                found = (token.left_edge.idx, token.idx + len(token))
        return found

    def plural_noun_before(self, at: int) -> tuple[int, int] | None:
        """The plural noun phrase just before ``at`` in its sentence ("95 retired generals and
        admirals -- most of whom"), its coordinated nouns with it."""
        first = self._sentence_tokens[max(0, self.sentence(at) - 1)]
        here = self.doc.char_span(at, at + 1, alignment_mode="expand")
        if here is None or not len(here):
            return None
        for i in range(here.start - 1, first - 1, -1):
            token = self.doc[i]
            if token.tag_ in ("NNS", "NNPS"):
                head = token.head if token.dep_ == "conj" else token
                return self.doc[head.left_edge.i].idx, token.idx + len(token)
        return None

    def relative_antecedent(self, at: int) -> tuple[int, int] | None:
        """'X, who ..., said', 'generals and admirals, most of whom said': the noun the
        relative clause hangs on; of a list of names, the one just before the pronoun ("Will
        Smith, Patti LaBelle and Stevie Wonder, who joked"); where the parse hangs no relative
        clause on a noun ("the Police Department which reported"), the name just before."""
        token = self.doc.char_span(at, at + 1, alignment_mode="expand")
        if token is None or not len(token):
            return None
        pronoun = token[0]
        verb = pronoun.head
        for _ in range(3):  # "whom" <- "of" <- "most" <- the clause's verb
            if verb.dep_ == "relcl" or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.dep_ != "relcl" or verb.head.i >= pronoun.i:
            return self._name_just_before(pronoun)
        noun = verb.head
        if noun.dep_ == "appos" and noun.head.i < noun.i:
            noun = noun.head  # "China, the biggest polluter, which": the one described
        last = self._name_just_before(pronoun)
        if last is not None and any(c.idx < last[1] <= c.idx + len(c) for c in noun.conjuncts):
            return last
        if noun.conjuncts:  # "China and the United States, ..., which": the two together
            together = [noun, *noun.conjuncts]
            first = self.doc[min(t.left_edge.i for t in together)]
            final = max(together, key=lambda t: t.i)
            return first.idx, final.idx + len(final)
        ent = self.roster.ent_at(noun.i)
        if ent is not None:
            return ent.start_char, ent.end_char
        left = noun.left_edge
        return self.doc[left.i].idx, noun.idx + len(noun)

    def _name_just_before(self, pronoun: Token) -> tuple[int, int] | None:
        """The named entity ending just before a relative pronoun (a comma between)."""
        i = pronoun.i - 1
        if i >= 0 and self.doc[i].text == ",":
            i -= 1
        ent = self.roster.ent_at(i) if i >= 0 else None
        if ent is None or ent.end != i + 1 or ent.label_ not in ("PERSON", "ORG", "NORP"):
            return None
        return ent.start_char, ent.end_char

    def recent_people(
        self, at: int, gender: str | None = None, *, unnamed: bool = False
    ) -> list[tuple[Entity, Recency]]:
        """The named people spoken of in the window before ``at`` (names and earlier
        speakers), each scored by how recent, how prominent and how likely a referent: near,
        a subject, above all the previous speaker. A ``gender`` leaves out those known to
        have the other one; ``unnamed`` lets unnamed role holders in ("a spokeswoman ... she
        added")."""
        previous = self.previous(at)
        here_sentence = self.sentence(at)
        found: dict[int, tuple[Entity, Recency]] = {}
        seen: list[tuple[int, Entity, bool]] = []  # (where, who, a subject there), in order

        def consider(person: Entity, start: int) -> None:
            person = self.canonical(person)
            if person.kind != "person" and not (unnamed and person.kind == "unnamed"):
                return
            if person is self.author:
                return  # the writer is "I", never "he" or "she"
            if gender and person.gender not in (None, gender):
                return
            back = here_sentence - self.sentence(start)
            subject = self.is_subject(start)
            quoted = self.quoted(start)
            score = -WEIGHTS.back * back + WEIGHTS.subject * subject - WEIGHTS.quoted * quoted
            score += WEIGHTS.often * math.log1p(len(person.mentions))
            known = found.get(id(person))
            if known is None or score > known[1].score:
                found[id(person)] = (person, Recency(score, back, person is previous, start))
            overtakes = subject and not quoted and (back == 0 or self.is_subject(start, main=True))
            seen.append((start, person, overtakes))

        since = self.window_start(at)
        for start, _, person in self.roster.people_before(at, since, last=MAX_REFERENTS):
            consider(person, start)
        for start, entity in self._sources_between(since, at):
            consider(entity, start)
        if previous is not None and id(previous) in found:
            # the previous speaker, unless someone else became the subject since they spoke
            spoke_at = self._spoke.get(id(previous), [])
            n = bisect_left(spoke_at, at)
            spoke = spoke_at[n - 1] if n else -1
            if not any(w > spoke and p is not previous and subj for w, p, subj in seen):
                found[id(previous)][1].score += WEIGHTS.previous
        latest_at = max((w for w, _, _ in seen), default=-1)
        for _, recency in found.values():
            recency.latest = recency.start == latest_at
        return list(found.values())

    def said(self, content: list[tuple[int, int]]) -> None:
        """Record the content of an attribution: names in it are said, not spoken of."""
        for fragment in content:
            self._said.add(fragment)

    def quoted(self, at: int) -> bool:
        """Whether position ``at`` lies inside quote marks or in the content of an earlier
        attribution (a name said, not spoken of: "They said Clinton doesn't show...")."""
        if self._marks is None:
            self._marks = [(m.start, m.end) for m in find_mark_spans(self.text, self._paragraphs)]
        i = bisect_right(self._marks, (at, len(self.text) + 1)) - 1
        if i >= 0 and at < self._marks[i][1]:
            return True
        return at in self._said

    def antecedent(self, written: str, at: int, gender: str | None) -> Resolution:
        """he/she -> the best earlier person (see ``_recent_people``)."""
        scores = self.recent_people(at, gender, unnamed=True)
        if not scores:
            return Resolution(None, 0.0, [f"pronoun '{written}': no earlier {gender or ''} person"])
        ranked = sorted(scores, key=lambda item: -item[1].score)
        person, best = ranked[0]
        margin = best.score - ranked[1][1].score if len(ranked) > 1 else 3.0
        person.gender = person.gender or gender
        why = PREVIOUS_SPEAKER if best.is_previous else NEAREST_PERSON
        back = f"{best.back} sentence(s) back" if best.back < 99 else "further back"
        hop = (
            f"pronoun '{written}' -> '{person.name}' ({why}, {back}; named in {self.where(person)})"
        )
        certainty = 0.9 if best.is_previous and margin >= 2 else 0.75 if margin >= 1 else 0.55
        return Resolution(person, certainty, [hop])

    def is_subject(self, start: int, *, main: bool = False) -> bool:
        """Whether the name starting here is (the head of) a clause subject, with ``main`` of
        its sentence's main clause (asked for the same names again and again: remembered)."""
        key = (start, main)
        known = self._subjects.get(key)
        if known is None:
            known = self._subjects[key] = self._read_subject(start, main)
        return known

    def _read_subject(self, start: int, main: bool) -> bool:
        span = self.doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None or not len(span):
            return False
        token = span[0]
        while token.dep_ in ("compound", "flat") and token.head.i != token.i:
            if token.head.pos_ == "NOUN":
                return False  # "the Clinton campaign took ...": the campaign is the subject
            token = token.head
        if token.dep_ == "ROOT" and token.tag_.startswith("VB") and token.i > span[0].i:
            return True  # "Scott bristles at ...", the name parsed as a compound of the verb
        if token.dep_ == "poss" and token.head.dep_ in ("nsubj", "nsubjpass"):
            token = token.head  # "Mr. Obama's bet is that ...": the subject's owner
        if token.dep_ not in ("nsubj", "nsubjpass"):
            return False
        verb = token.head
        return not main or verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"
