"""Exact, faster stand-ins for two spaCy components of the English pipelines.

Profiling a full extraction showed ``attribute_ruler`` and ``lemmatizer`` costing nearly as
much as the dependency parser: both walk every token in Python (a Span per matched token, a
Token object and a rule lookup per lemma). These stand-ins give the same annotations:

- attributes: every pattern is matched with array operations over the doc's word, tag,
  dependency and space columns (a pattern needing a value the doc lacks is passed over), and
  the values are written with ``Doc.from_array`` in the ruler's order, so later rules still
  win; the two patterns that set other attributes set them token by token.
- lemmas: the lemmatizer's own ``lemmatize`` is called once per distinct (orth, tag, pos,
  morph) and its answer reused, with the lemmatizer's rule that a lemma already set (by the
  attribute ruler) is kept. Its word index per part of speech becomes a dict: spaCy keeps it as
  a list (57,000 nouns) and tests ``form in index`` on it, which cost about 70 µs per new word
  and 15% of a first pass over PolNeAR dev.

``tests/parse/test_parse.py`` checks token by token that the annotations equal the original
components'.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

_TESTED = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}  # columns of the match array
_MATCH_ATTRS = [LOWER, TAG, DEP, IS_SPACE]
MAX_KNOWN = 500_000  # distinct token analyses whose lemma is remembered (a few tens of MB)
_SET = {"POS": (0, POS), "MORPH": (1, MORPH), "LEMMA": (2, LEMMA)}  # set through arrays


class Unsupported(ValueError):
    """A ruler pattern this stand-in cannot evaluate exactly (the original is kept)."""


class _Condition:
    """One token test of a pattern, on a column of hashes."""

    def __init__(self, attr: str, test):
        if attr not in _TESTED:
            raise Unsupported(attr)
        self.column = _TESTED[attr]
        if isinstance(test, (bool, str)):
            self.kind, self.value = "eq", int(test) if isinstance(test, bool) else _id(test)
        elif isinstance(test, dict) and len(test) == 1 and set(test) <= {"IN", "NOT_IN"}:
            ((self.kind, values),) = test.items()
            self.value = numpy.array([_id(v) for v in values], dtype=numpy.uint64)
            self.members = frozenset(self.value.tolist())
        elif isinstance(test, dict) and set(test) == {"REGEX"} and attr == "LOWER":
            self.kind, self.value = "regex", re.compile(test["REGEX"])
            self._seen: dict[int, bool] = {}
        else:
            raise Unsupported(f"{attr}: {test!r}")

    def mask(self, column: numpy.ndarray, strings) -> numpy.ndarray:
        if self.kind == "eq":
            return column == self.value
        if self.kind == "IN":
            return numpy.isin(column, self.value)
        if self.kind == "NOT_IN":
            return ~numpy.isin(column, self.value)
        hits = [h for h in numpy.unique(column).tolist() if self._matches(h, strings)]
        return numpy.isin(column, numpy.array(hits, dtype=numpy.uint64))

    def _matches(self, word: int, strings) -> bool:
        """Whether the regex finds the word (by hash): remembered, as words recur."""
        found = self._seen.get(word)
        if found is None:
            if len(self._seen) > MAX_KNOWN:
                self._seen.clear()
            found = self._seen[word] = self.value.search(strings[word]) is not None
        return found


_NONE = numpy.array([], dtype=numpy.intp)  # no tokens (read only; most rules meet none)


class _Rule:
    """One ruler pattern (its alternatives), the token it sets and what it sets."""

    def __init__(self, ruler: AttributeRuler, number: int):
        pattern = ruler.patterns[number]
        self.number, self.index = number, pattern.get("index", 0)
        self.alternatives = [
            [[_Condition(attr, test) for attr, test in token.items()] for token in tokens]
            for tokens in pattern["patterns"]
        ]
        self.needed = [  # per alternative, the values it must find in the doc to match
            {(c.column, c.value) for conditions in tokens for c in conditions if c.kind == "eq"}
            for tokens in self.alternatives
        ]
        self.tests = [  # per alternative of one token that tests values only: its tests
            tokens[0] if len(tokens) == 1 and _by_values(tokens[0]) else None
            for tokens in self.alternatives
        ]
        only = self.alternatives[0][0] if len(self.alternatives) == 1 else []
        self.single = (  # the (column, value) of a rule testing one value of one token
            (only[0].column, only[0].value)
            if len(self.alternatives[0]) == 1 and len(only) == 1 and only[0].kind == "eq"
            else None
        )
        token = Doc(ruler.vocab, words=["x"])[0]  # the values, as the ruler would set them
        set_token_attrs(token, ruler.attrs[number])
        found = (token.pos, token.morph.key, token.lemma)
        names = set(pattern["attrs"])
        self.arrays = [(_SET[n][0], found[_SET[n][0]]) for n in names & set(_SET)]
        others = {IDS_BY_NAME[n] for n in names - set(_SET)}
        self.others = {k: v for k, v in ruler.attrs[number].items() if k in others}

    def targets(self, values: numpy.ndarray, strings, where: _Where) -> numpy.ndarray:
        """The tokens this rule sets, in match order. Most of the 179 English patterns test
        a tag or word the doc lacks, and are passed over; most others test values of one
        token, and meet the tokens that hold them all (``where``) without array work."""
        if self.single is not None:  # 63 of the rules ("TAG": "NN"): no set made, no sort
            return where.indices(*self.single) if self.single in where.present else _NONE
        n, found, met = len(values), [], set()
        for tokens, needed, tests in zip(self.alternatives, self.needed, self.tests, strict=True):
            width = len(tokens)
            if width > n or not needed <= where.present:
                continue
            if tests is not None:
                met.update(where.meeting(tests))
                continue
            hit = numpy.ones(n - width + 1, dtype=bool)
            for offset, conditions in enumerate(tokens):
                for condition in conditions:
                    column = values[offset : n - width + 1 + offset, condition.column]
                    hit &= condition.mask(column, strings)
            starts = numpy.flatnonzero(hit)
            found.append(starts + (self.index if self.index >= 0 else width + self.index))
        if not found:
            return numpy.array(sorted(met), dtype=numpy.intp) if met else _NONE
        found.append(numpy.array(sorted(met), dtype=numpy.intp))
        return numpy.unique(numpy.concatenate(found))


def _by_values(conditions: list[_Condition]) -> bool:
    """Whether a token's tests can be met through the tokens holding each value: equal to a
    value, or in or not in a list of them, and one at least naming the values it needs."""
    kinds = {c.kind for c in conditions}
    return kinds <= {"eq", "IN", "NOT_IN"} and bool(kinds & {"eq", "IN"})


class _Where:
    """The doc's (column, value) pairs, and the tokens holding each, found when first asked."""

    def __init__(self, values: numpy.ndarray):
        self.values = values
        self.present = {
            (column, value)
            for column in range(values.shape[1])
            for value in numpy.unique(values[:, column]).tolist()
        }
        self._tokens: dict[tuple[int, int], set[int]] = {}
        self._indices: dict[tuple[int, int], numpy.ndarray] = {}
        self._columns: dict[int, list[int]] = {}

    def indices(self, column: int, value: int) -> numpy.ndarray:
        """The tokens holding the value in the column, in order."""
        found = self._indices.get((column, value))
        if found is None:
            found = numpy.flatnonzero(self.values[:, column] == value)
            self._indices[column, value] = found
        return found

    def tokens(self, column: int, value: int) -> set[int]:
        found = self._tokens.get((column, value))
        if found is None:
            found = self._tokens[column, value] = set(self.indices(column, value).tolist())
        return found

    def meeting(self, conditions: list[_Condition]) -> set[int]:
        """The tokens that meet every test (see ``_by_values``)."""
        sets = [
            self.tokens(c.column, c.value) if c.kind == "eq" else self._any_of(c)
            for c in conditions
            if c.kind != "NOT_IN"
        ]
        found = set.intersection(*sets)
        for c in conditions:
            if c.kind == "NOT_IN":
                column = self._column(c.column)
                found = {i for i in found if column[i] not in c.members}
        return found

    def _any_of(self, condition: _Condition) -> set[int]:
        found: set[int] = set()
        for value in condition.members:
            if (condition.column, value) in self.present:
                found |= self.tokens(condition.column, value)
        return found

    def _column(self, column: int) -> list[int]:
        found = self._columns.get(column)
        if found is None:
            found = self._columns[column] = self.values[:, column].tolist()
        return found


class FastAttributes:
    """The attribute ruler, matched and applied with array operations (same output).

    The ruler matches every pattern on the doc as it comes in, then applies the matches in
    pattern order, a later one overwriting an earlier one's attribute. So does this: masks on
    the incoming arrays, then per attribute the last rule's value wins.
    """

    def __init__(self, ruler: AttributeRuler):
        self.ruler = ruler
        self.rules = [_Rule(ruler, number) for number in range(len(ruler.patterns))]

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        values = doc.to_array(_MATCH_ATTRS)
        out = doc.to_array([POS, MORPH, LEMMA])
        where = _Where(values)
        later = []
        for rule in self.rules:
            targets = rule.targets(values, strings, where)
            if not len(targets):
                continue
            for column, value in rule.arrays:
                out[targets, column] = value
            if rule.others:
                later.append((rule, targets))
        doc.from_array([POS, MORPH, LEMMA], out)
        for rule, targets in later:
            for i in targets:
                set_token_attrs(doc[int(i)], rule.others)
        return doc


class FastLemmas:
    """The rule lemmatizer, asked once per distinct token analysis."""

    def __init__(self, lemmatizer: Lemmatizer):
        self.lemmatizer = lemmatizer
        self.known: dict[tuple[int, int, int, int], str] = {}
        if lemmatizer.lookups.has_table("lemma_index"):
            index = lemmatizer.lookups.get_table("lemma_index")
            for pos in list(index.keys()):  # same membership, found by hash (order kept)
                index[pos] = dict.fromkeys(index[pos])

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        values = doc.to_array([ORTH, TAG, POS, MORPH, LEMMA])
        todo = numpy.ones(len(doc), dtype=bool)
        if not self.lemmatizer.overwrite:
            todo = values[:, 4] == 0  # a lemma set before (by the attribute ruler) stays
        keys, first, inverse = _unique_rows(values[todo, :4])
        positions = numpy.flatnonzero(todo)
        lemmas = numpy.empty(len(keys), dtype=numpy.uint64)
        strings = doc.vocab.strings
        if len(self.known) > MAX_KNOWN:  # names and typos keep coming in a crawl
            self.known.clear()
        for n, key in enumerate(map(tuple, keys.tolist())):
            lemma = self.known.get(key)
            if lemma is None:
                lemma = self.lemmatizer.lemmatize(doc[int(positions[first[n]])])[0]
                self.known[key] = lemma
            lemmas[n] = strings.add(lemma)  # per doc: a memory zone may have freed it
        values[todo, 4] = lemmas[inverse.reshape(-1)]
        doc.from_array([LEMMA], numpy.ascontiguousarray(values[:, 4:]))
        return doc


def _unique_rows(rows: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """``numpy.unique(rows, axis=0, return_index=True, return_inverse=True)``: the distinct
    rows in the same order, where each first occurs, and which one each row is. numpy sorts
    the rows as records, comparing them field by field through a generic function: half the
    component's CPU (0.065 of 0.14 s over PolNeAR dev). A stable ``lexsort`` of the columns
    gives the same order (numbers, first column first) and the same first rows."""
    order = numpy.lexsort(rows.T[::-1])
    ranked = rows[order]
    starts = numpy.ones(len(rows), dtype=bool)
    starts[1:] = (ranked[1:] != ranked[:-1]).any(axis=1)
    inverse = numpy.empty(len(rows), dtype=numpy.intp)
    inverse[order] = numpy.cumsum(starts) - 1
    return ranked[starts], order[starts], inverse


def _id(value: str) -> int:
    return get_string_id(value)


IDS_BY_NAME = {"TAG": TAG, "DEP": DEP, "POS": POS, "MORPH": MORPH, "LEMMA": LEMMA}


@Language.factory("saidwhat_fast_attributes")
def _make_attributes(nlp: Language, name: str) -> FastAttributes:
    return FastAttributes(nlp.get_pipe("attribute_ruler"))


@Language.factory("saidwhat_fast_lemmas")
def _make_lemmas(nlp: Language, name: str) -> FastLemmas:
    return FastLemmas(nlp.get_pipe("lemmatizer"))


def speed_up(nlp: Language) -> Language:
    """Swap in the stand-ins, keeping component names; pipelines without them are unchanged."""
    for name, factory, kind in (
        ("attribute_ruler", "saidwhat_fast_attributes", AttributeRuler),
        ("lemmatizer", "saidwhat_fast_lemmas", Lemmatizer),
    ):
        if name in nlp.pipe_names and isinstance(nlp.get_pipe(name), kind):
            if kind is Lemmatizer and nlp.get_pipe(name).mode != "rule":
                continue
            nlp.add_pipe(factory, name=f"{name}_fast", after=name)
            nlp.remove_pipe(name)
            nlp.rename_pipe(f"{name}_fast", name)
    return nlp
