"""A line break ends a sentence: a headline, a byline, a list item or a speaker's turn has no
full stop, and the parser ran it into the next paragraph ("Mayor Dunn sets out the ferry
plan\n\nMayor Ella Dunn spoke ..." was one sentence, whose subject was the headline's). Of
18,208 line breaks between words in PolNeAR dev and train, 54 are followed by a lower-case
word (a sentence carried over a line), so the start costs next to nothing where it is wrong.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc


@Language.component("saidwhat_line_starts")
def start_lines(doc: Doc) -> Doc:
    """Start a sentence at the first word after every white space token with a line break
    (before the parser, which keeps a preset start)."""
    space = doc.to_array(IS_SPACE)
    starts = [
        i + 1
        for i in numpy.flatnonzero(space[:-1]).tolist()
        if not space[i + 1] and "\n" in doc[i].text
    ]
    if starts:  # set together: each Token.is_sent_start set checks the whole doc's parse
        flags = doc.to_array(SENT_START)
        flags[starts] = 1
        doc.from_array([SENT_START], flags)
    return doc
