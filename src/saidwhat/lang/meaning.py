"""Words whose change turns a quote into another statement: negations, quantifiers, numbers,
dates. Read by the store's check (a claim that flips one of them contradicts the quote it
resembles, however close the other words are) and by its clustering (such an edit is another
quote, never a reprint). Words are in the store's normalised form (``lang.text.normalise``:
"don't" is "dont").
"""

from __future__ import annotations

from saidwhat.lang.words import word_set

NEGATIONS = word_set(
    """not no never nobody none nothing neither nor nowhere cannot dont doesnt didnt cant wont
wouldnt shouldnt couldnt isnt arent wasnt werent havent hasnt hadnt mustnt neednt aint"""
)

# Quantifiers by what they claim of a set; a change between opposite sides ("nobody" for
# "everybody", "few" for "most") reverses the statement, a change within a side does not.
QUANTIFIER_SIDE = {
    word: side
    for side, words in {
        "all": "all every everybody everyone everything always each",
        "none": "no none nobody nothing never neither nowhere",
        "some": "some somebody someone something sometimes",
        "many": "many most more much often",
        "few": "few fewer less least rarely seldom",
    }.items()
    for word in words.split()
}
OPPOSITE = ("all none", "some none", "many none", "many few", "all few")
OPPOSITE_SIDES = {frozenset(pair.split()) for pair in OPPOSITE}

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
_TEENS = "fifteen sixteen seventeen eighteen nineteen twenty"
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
# Number words a newspaper may write in figures ("three", "3"); "dozen", "hundred" and
# "million" are words of their own ("two million" is not "2 1000000").
NUMBER_WORDS = {word: str(value) for value, word in enumerate(f"{_UNITS} {_TEENS}".split())} | {
    word: str(value) for word, value in {**_TENS, "ninety": 90}.items()
}
SCALE_WORDS = word_set("dozen hundred thousand million billion trillion percent")

DATE_WORDS = word_set(
    """january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
saturday sunday today tomorrow yesterday tonight"""
)


def number_key(word: str) -> str:
    """The form a number is compared in: "three" and "3" are one number."""
    return NUMBER_WORDS.get(word, word)


def is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and 1800 <= int(word) <= 2099


def is_number(word: str) -> bool:
    """A count or amount (a compared key: number words are digits by now), not a year."""
    return (word[:1].isdigit() and not is_year(word)) or word in SCALE_WORDS


def is_date(word: str) -> bool:
    return word in DATE_WORDS or is_year(word)


def opposite_quantifiers(claim: list[str], quote: list[str]) -> bool:
    """Whether one side uses a quantifier the other side's quantifier opposes."""
    claim_sides = {QUANTIFIER_SIDE[w] for w in claim if w in QUANTIFIER_SIDE}
    quote_sides = {QUANTIFIER_SIDE[w] for w in quote if w in QUANTIFIER_SIDE}
    return any(frozenset((a, b)) in OPPOSITE_SIDES for a in claim_sides for b in quote_sides)


def carries_meaning(word: str) -> bool:
    """A negation, quantifier, number or date: a word whose change is read as a change of
    what is said, not counted as an edit of wording."""
    return word in NEGATIONS or word in QUANTIFIER_SIDE or is_number(word) or is_date(word)
