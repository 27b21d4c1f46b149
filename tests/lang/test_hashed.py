"""WordTest: which positions hold a word that passes, each word tested once."""

from saidwhat.lang.hashed import WordTest


def test_positions_of_passing_words_each_word_tested_once():
    strings = {1: "Said", 2: "the", 3: "told"}
    asked: list[str] = []

    def speech(word: str) -> bool:
        asked.append(word)
        return word.lower() in {"said", "told"}

    test = WordTest(speech)
    assert test.positions(strings, [2, 1, 2, 3, 1]) == [1, 3, 4]
    assert test.positions(strings, [3, 2]) == [0]
    assert sorted(asked) == ["Said", "the", "told"]  # remembered by hash across calls


def test_no_words_no_positions():
    assert WordTest(str.isupper).positions({}, []) == []
