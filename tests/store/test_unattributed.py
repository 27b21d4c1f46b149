"""A quotation with no speaker found (issue 14) goes through the record contract and the store:
stored, searchable and shown with no speaker and its low confidence. The article is invented
for this test (people and places are fictional)."""

from __future__ import annotations

import saidwhat
from saidwhat.quotes.candidate import UNATTRIBUTED
from saidwhat.records import Article

TEXT = (
    "Posters appear on the Calder town hall\n\n"
    "Residents of Calder woke up on Tuesday to find the town hall covered in posters.\n\n"
    '"The river belongs to everyone, not to the mill owners of this valley."\n\n'
    "The town clerk had the posters removed by noon.\n"
)


def test_a_quote_without_a_speaker_is_kept_stored_and_found(corpus, nlp):
    article = saidwhat.extract(TEXT, nlp=nlp, id="posters")
    quote = next(q for q in article.quotes if "river belongs" in q.text)
    assert quote.speaker_id is None and quote.speaker_mention is None
    assert UNATTRIBUTED in quote.evidence and quote.confidence < 0.3
    again = Article.model_validate_json(article.model_dump_json())  # the record round-trips
    assert again.quotes == article.quotes

    corpus.add([article])
    hits = corpus.search("river belongs")
    assert [(h.speaker, h.speaker_id) for h in hits] == [(None, None)]
    assert hits[0].confidence == quote.confidence
    stored = corpus.article("posters")
    assert stored is not None and stored.quotes == article.quotes
