"""Speaker resolution on short invented articles (people and places are made up).

The candidates are built by hand here, so these tests exercise the speakers step alone on
the real spaCy parse; tests/speakers/test_seed.py goes through the whole pipeline.
"""

from __future__ import annotations

from attribution import run, speaker_names

from saidwhat.quotes.candidate import QuoteCandidate
from saidwhat.records import Article, Document
from saidwhat.speakers import attribute
from saidwhat.structure import structure_document


def test_pronouns_follow_gender_and_the_previous_speaker(nlp):
    text = (
        "Mayor Anna Kowalski of Riverton opened the new bridge on Monday.\n\n"
        "Council member Tom Brandt watched from the crowd.\n\n"
        '"This bridge joins two halves of our town," Kowalski said.\n\n'
        "She added that the old ferry would become a museum.\n\n"
        "Brandt said the cost had doubled. He added that he would ask for an audit."
    )
    article = run(
        nlp,
        text,
        [
            ('"This bridge joins two halves of our town,"', "Kowalski", "said"),
            ("that the old ferry would become a museum", "She", "added"),
            ("the cost had doubled", "Brandt", "said"),
            ("that he would ask for an audit", "He", "added"),
        ],
    )
    assert speaker_names(article) == [
        "Anna Kowalski",
        "Anna Kowalski",
        "Tom Brandt",
        "Tom Brandt",
    ]
    she = article.quotes[1]
    assert she.speaker_mention.text == "She"  # the local mention is kept
    assert any("pronoun 'She' -> 'Anna Kowalski'" in e for e in she.evidence)
    kowalski = article.speaker(she.speaker_id)
    assert kowalski.kind == "person"
    assert "Mayor" in kowalski.titles
    assert "Riverton" in kowalski.affiliations
    assert {m.text for m in kowalski.mentions} >= {"Anna Kowalski", "Kowalski", "She"}


def test_role_nouns_resolve_to_the_named_holder(nlp):
    text = (
        "Attorney General Mark Delaney sued the Harbor Company on Tuesday.\n\n"
        "Riverton spokeswoman Lena Ortiz said the city supported the suit.\n\n"
        "The attorney general said the company had hidden its losses.\n\n"
        "The spokeswoman added that the city would file its own claim."
    )
    article = run(
        nlp,
        text,
        [
            ("the city supported the suit", "Lena Ortiz", "said"),
            ("the company had hidden its losses", "The attorney general", "said"),
            ("that the city would file its own claim", "The spokeswoman", "added"),
        ],
    )
    assert speaker_names(article) == ["Lena Ortiz", "Mark Delaney", "Lena Ortiz"]
    ortiz = article.speaker(article.quotes[0].speaker_id)
    assert ortiz.titles == ["spokeswoman"]
    assert ortiz.affiliations == ["Riverton"]
    delaney = article.speaker(article.quotes[1].speaker_id)
    assert delaney.titles == ["Attorney General"]
    assert any(
        "'The attorney general' -> 'Mark Delaney': the Attorney General, named in the headline" in e
        for e in article.quotes[1].evidence
    )


def test_surname_variants_join_the_fullest_name(nlp):
    text = (
        "Governor Pieter van der Berg signed the water bill on Friday.\n\n"
        '"Clean water is not a luxury," Van der Berg said.\n\n'
        "Later, van der Berg said the bill would cost less than expected."
    )
    article = run(
        nlp,
        text,
        [
            ('"Clean water is not a luxury,"', "Van der Berg", "said"),
            ("the bill would cost less than expected", "van der Berg", "said"),
        ],
    )
    assert speaker_names(article) == ["Pieter van der Berg", "Pieter van der Berg"]
    assert len(article.speakers) == 1
    assert article.speakers[0].titles == ["Governor"]
    assert any("(fullest name, " in e for e in article.quotes[0].evidence)


def test_quote_paragraph_without_source_continues_the_previous_speaker(nlp):
    text = (
        '"We will rebuild the pier before summer," harbor master Ida Novak said.\n\n'
        '"The boats cannot wait another year."\n\n'
        "The storm destroyed the pier in March."
    )
    article = run(
        nlp,
        text,
        [
            ('"We will rebuild the pier before summer,"', "Ida Novak", "said"),
            ('"The boats cannot wait another year."', None, None),
        ],
    )
    first, second = article.quotes
    assert first.speaker_id == second.speaker_id
    assert second.speaker_mention == first.speaker_mention
    assert second.confidence < first.confidence
    assert any("continues the quote before it" in e for e in second.evidence)


def test_bodies_and_their_head_nouns(nlp):
    text = (
        "The Riverton Transport Department closed the tunnel on Sunday.\n\n"
        "The Transport Department said the walls had cracked.\n\n"
        "The department added that repairs would take a month."
    )
    article = run(
        nlp,
        text,
        [
            ("the walls had cracked", "The Transport Department", "said"),
            ("that repairs would take a month", "The department", "added"),
        ],
    )
    first, second = (article.speaker(q.speaker_id) for q in article.quotes)
    assert first is second or first.id == second.id
    assert first.kind == "organization"
    assert "Transport Department" in first.name


def test_unnamed_groups(nlp):
    text = (
        "Officials said the tunnel would reopen in May.\n\n"
        "But critics of the plan say the repairs are too slow."
    )
    article = run(
        nlp,
        text,
        [
            ("the tunnel would reopen in May", "Officials", "said"),
            ("the repairs are too slow", "critics of the plan", "say"),
        ],
    )
    names = speaker_names(article)
    assert names == ["officials", "critics"]  # a description is named by its head phrase
    assert article.speakers[1].mentions[-1].text == "critics of the plan"
    assert all(s.kind == "group" for s in article.speakers)


def test_unnamed_role_takes_the_surname_that_follows(nlp):
    text = (
        "The council voted on the budget on Thursday.\n\n"
        "Press Secretary added that the vote was a relief.\n\n"
        "As for the critics, she said the council would listen to them.\n\n"
        '"Nobody gets everything in a budget," Ortega added.'
    )
    article = run(
        nlp,
        text,
        [
            ("that the vote was a relief", "Press Secretary", "added"),
            ("the council would listen to them", "she", "said"),
            ('"Nobody gets everything in a budget,"', "Ortega", "added"),
        ],
    )
    assert speaker_names(article) == ["Ortega", "Ortega", "Ortega"]
    assert len(article.speakers) == 1
    ortega = article.speakers[0]
    assert ortega.titles == ["Press Secretary"]
    assert [m.text for m in ortega.mentions] == ["Press Secretary", "she", "Ortega"]


def test_first_person_inside_a_quote_is_its_speaker(nlp):
    text = '"When I said I would fix the roads, I meant it," Mayor Rosa Lindqvist said.'
    article = run(
        nlp,
        text,
        [
            ('"When I said I would fix the roads, I meant it,"', "Mayor Rosa Lindqvist", "said"),
            ("I would fix the roads", "I", "said"),
        ],
    )
    outer, inner = article.quotes
    assert inner.speaker_id == outer.speaker_id
    assert inner.speaker_mention.text == "I"


def test_records_are_consistent(nlp):
    text = (
        "Senator Olga Petrova spoke in Lakeside on Monday.\n\n"
        '"Taxes will not rise," Petrova said. "Not this year."\n\n'
        "Residents said they were relieved."
    )
    article = run(
        nlp,
        text,
        [
            ('"Taxes will not rise,"', "Petrova", "said"),
            ("they were relieved", "Residents", "said"),
        ],
    )
    assert [q.id for q in article.quotes] == ["q1", "q2"]
    assert [s.id for s in article.speakers] == ["s1", "s2"]
    for quote in article.quotes:
        assert quote.text == article.text[quote.start : quote.end]
        assert quote.cue.text == article.text[quote.cue.start : quote.cue.end]
        assert 0.0 <= quote.confidence <= 1.0
        assert quote.evidence[0] == "test candidate"
    for speaker in article.speakers:
        for mention in speaker.mentions:
            assert mention.text == article.text[mention.start : mention.end]
    assert Article.model_validate_json(article.model_dump_json()) == article


def test_bare_surname_means_the_most_mentioned_bearer(nlp):
    text = (
        "Senator Maria Lund toured the flooded valley on Monday. Maria Lund met farmers.\n\n"
        "Her brother, Erik Lund, runs a dairy there.\n\n"
        "Lund said the state would pay for new dikes."
    )
    article = run(nlp, text, [("the state would pay for new dikes", "Lund", "said")])
    assert speaker_names(article) == ["Maria Lund"]


def test_first_person_outside_quotes_is_the_author(nlp):
    text = "I asked the ferry operators about the fares.\n\nI said the fares were too high."
    article = run(nlp, text, [("the fares were too high", "I", "said")])
    (quote,) = article.quotes
    assert article.speaker(quote.speaker_id).name == "the author"
    assert any("outside quotes -> the author" in e for e in quote.evidence)


def test_titles_and_bodies_from_appositions(nlp):
    text = (
        "Nora Feld, the Harbor Authority's chief economist, said tolls would rise.\n\n"
        "Later the mayor, Paul Okafor, said he would veto any rise."
    )
    article = run(
        nlp,
        text,
        [
            ("tolls would rise", "Nora Feld", "said"),
            ("he would veto any rise", "Paul Okafor", "said"),
        ],
    )
    feld, okafor = (article.speaker(q.speaker_id) for q in article.quotes)
    assert feld.titles == ["economist"]
    assert feld.affiliations == ["Harbor Authority"]
    assert okafor.titles == ["Mayor"]


def test_odd_candidates_never_raise(nlp):
    """Sources anywhere (half words, punctuation, outside the text, empty): no exception."""
    import random

    text = (
        'Mayor Anna Kowalski said the bridge, which cost $4 million, would open. "It\'s ours," '
        "she said.\n\nOfficials at the Transport Department said: \"We agree.\" He added, 'no'."
    )
    article = structure_document(Document(text=text, origin="test"))
    doc = nlp(text)
    rng = random.Random(11)
    candidates = []
    for _ in range(200):
        start = rng.randint(0, len(text) - 2)
        source_start = rng.randint(-3, len(text) + 3)
        source = (source_start, source_start + rng.randint(-2, 25))
        candidates.append(
            QuoteCandidate(
                fragments=[(start, min(len(text), start + rng.randint(1, 60)))],
                type=rng.choice(["direct", "mixed", "indirect"]),
                cue=source if rng.random() < 0.3 else None,
                source=source if rng.random() < 0.8 else None,
                score=rng.random(),
            )
        )
    result = attribute(doc, article, candidates)
    assert len(result.quotes) == len(candidates)
    ids = {s.id for s in result.speakers}
    assert all(q.speaker_id is None or q.speaker_id in ids for q in result.quotes)


def test_unnamed_role_then_full_name_and_title_inside_a_name(nlp):
    text = (
        "The port's chief engineer told the board that the crane had failed twice.\n\n"
        '"We cannot lift anything heavy until it is fixed," Tomasz Wielgus said.\n\n'
        "The mayor's spokeswoman added that repairs would be paid for. "
        "Spokeswoman Dalia Rahimi said the port would stay open."
    )
    article = run(
        nlp,
        text,
        [
            ("that the crane had failed twice", "The port's chief engineer", "told"),
            ('"We cannot lift anything heavy until it is fixed,"', "Tomasz Wielgus", "said"),
            ("that repairs would be paid for", "The mayor's spokeswoman", "added"),
            ("the port would stay open", "Spokeswoman Dalia Rahimi", "said"),
        ],
    )
    assert speaker_names(article) == [
        "Tomasz Wielgus",
        "Tomasz Wielgus",
        "Dalia Rahimi",
        "Dalia Rahimi",
    ]
    assert article.quotes[0].speaker_mention.text == "The port's chief engineer"
    assert article.speaker(article.quotes[2].speaker_id).titles == ["spokeswoman"]


def test_group_named_after_a_body(nlp):
    text = (
        "The Lakeside Water Board raised prices.\n\n"
        "Lakeside Water Board officials said it was needed."
    )
    article = run(nlp, text, [("it was needed", "Lakeside Water Board officials", "said")])
    (group,) = article.speakers
    assert group.kind == "group"
    assert group.name == "Lakeside Water Board officials"
    assert group.affiliations == ["Lakeside Water Board"]


def test_a_styled_name_and_the_plain_name_are_one_speaker(nlp):
    text = (
        '"The lighthouse stays open," said Rabbi Miriam Feld of Port Aldous on Monday.\n\n'
        '"We raised the money ourselves," Miriam Feld said.'
    )
    article = run(
        nlp,
        text,
        [
            ('"The lighthouse stays open,"', "Rabbi Miriam Feld", "said"),
            ('"We raised the money ourselves,"', "Miriam Feld", "said"),
        ],
    )
    assert speaker_names(article) == ["Miriam Feld", "Miriam Feld"]
    assert len(article.speakers) == 1


def test_they_goes_to_an_earlier_plural_subject(nlp):
    text = (
        "Nine fishing towns along the coast are suing the Lakeside Water Board.\n\n"
        "They argue that the new dam has emptied the estuary."
    )
    article = run(nlp, text, [("that the new dam has emptied the estuary", "They", "argue")])
    (group,) = article.speakers
    assert group.kind == "group"
    assert group.name == "nine fishing towns"
    assert article.quotes[0].speaker_mention.text == "They"


def test_a_first_name_that_is_also_a_style_keeps_two_people_apart(nlp):
    text = (
        '"The court is full," said Justice Harlow on Monday.\n\n'
        '"We need a new courthouse," said Mayor Peter Harlow of Port Aldous.'
    )
    article = run(
        nlp,
        text,
        [
            ('"The court is full,"', "Justice Harlow", "said"),
            ('"We need a new courthouse,"', "Mayor Peter Harlow", "said"),
        ],
    )
    assert speaker_names(article) == ["Justice Harlow", "Peter Harlow"]
