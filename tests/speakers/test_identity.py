"""Who, exactly: each speaker resolved to the right named person or body of the article, with
the name alone as its name and the chain of evidence that led there. The articles are
invented for these tests (people, places and bodies made up); quotes and sources are given as
the quotes step would hand them over, so that only the speakers step is under test."""

from __future__ import annotations

from attribution import run, speaker_names


def speaker(article, n: int):
    return article.speaker(article.quotes[n].speaker_id)


def test_a_name_is_a_name_titles_places_and_parties_go_to_the_record(nlp):
    text = (
        "Calder Sen. Marta Quill toured the harbor on Monday.\n\n"
        "Republican Tobias Renwick watched from the pier.\n\n"
        "Quill said the dredging would start in May.\n\n"
        "Renwick said the plan was too costly."
    )
    article = run(
        nlp,
        text,
        [
            ("the dredging would start in May", "Quill", "said"),
            ("the plan was too costly", "Renwick", "said"),
        ],
    )
    quill, renwick = speaker(article, 0), speaker(article, 1)
    assert (quill.name, quill.titles, quill.affiliations) == (
        "Marta Quill",
        ["Senator"],
        ["Calder"],
    )
    assert (renwick.name, renwick.affiliations) == ("Tobias Renwick", ["Republican"])


def test_headline_words_are_never_part_of_a_name(nlp):
    text = (
        "Harbor Mom Corners Quill Over Dredging Plan\n\n"
        "Mayor Marta Quill met residents on Monday.\n\n"
        "Quill said the dredging would start in May."
    )
    article = run(nlp, text, [("the dredging would start in May", "Quill", "said")])
    assert speaker_names(article) == ["Marta Quill"]
    mentions = {m.text for m in speaker(article, 0).mentions}
    assert "Harbor Mom Corners Quill" not in mentions


def test_descriptions_resolve_to_the_person_they_describe(nlp):
    text = (
        "Calder Gov. Marta Quill and Republican nominee Tobias Renwick met on Monday.\n\n"
        "Quill said the ferries would run all winter.\n\n"
        "The Calder governor added that the fares would not rise.\n\n"
        "The Republican nominee said the ferries were a waste of money."
    )
    article = run(
        nlp,
        text,
        [
            ("the ferries would run all winter", "Quill", "said"),
            ("that the fares would not rise", "The Calder governor", "added"),
            ("the ferries were a waste of money", "The Republican nominee", "said"),
        ],
    )
    assert speaker_names(article) == ["Marta Quill", "Marta Quill", "Tobias Renwick"]
    evidence = article.quotes[1].evidence[-1]
    assert evidence.startswith("'The Calder governor' -> 'Marta Quill'")
    assert "named in the headline" in evidence or "named in paragraph" in evidence


def test_a_spokeswoman_for_someone_is_not_that_someone(nlp):
    text = (
        "Mayor Marta Quill proposed a new ferry tax on Monday.\n\n"
        "A spokeswoman for Marta Quill said the tax would fund repairs."
    )
    article = run(
        nlp, text, [("the tax would fund repairs", "A spokeswoman for Marta Quill", "said")]
    )
    spokeswoman = speaker(article, 0)
    assert spokeswoman.kind == "unnamed"
    assert (spokeswoman.name, spokeswoman.affiliations) == ("spokeswoman", ["Marta Quill"])


def test_a_spokeswoman_for_someone_is_the_one_the_article_names_so(nlp):
    text = (
        "Quill spokeswoman Ida Lorne called the tax fair on Monday.\n\n"
        "Mayor Marta Quill proposed the tax last week.\n\n"
        "Harbor traders protested on Tuesday.\n\n"
        "The council met on Wednesday.\n\n"
        "The vote was delayed again.\n\n"
        "A spokeswoman for Marta Quill said the tax would fund repairs."
    )
    article = run(
        nlp, text, [("the tax would fund repairs", "A spokeswoman for Marta Quill", "said")]
    )
    assert speaker_names(article) == ["Ida Lorne"]


def test_bodies_campaigns_and_documents(nlp):
    text = (
        "Tobias Renwick opened his campaign office in Port Aldous.\n\n"
        "The campaign said volunteers would knock on every door.\n\n"
        "The Renwick campaign later said the office would stay open all night.\n\n"
        "A new report by the Harbor Institute said the port was losing money."
    )
    article = run(
        nlp,
        text,
        [
            ("volunteers would knock on every door", "The campaign", "said"),
            ("the office would stay open all night", "The Renwick campaign", "said"),
            ("the port was losing money", "A new report by the Harbor Institute", "said"),
        ],
    )
    assert speaker_names(article) == [
        "Renwick campaign",
        "Renwick campaign",
        "Harbor Institute report",
    ]
    assert [s.kind for s in article.speakers] == ["organization", "document"]


def test_named_people_together_are_one_group_of_their_names(nlp):
    text = (
        "Marta Quill and Tobias Renwick debated on Monday.\n\n"
        "Quill and Renwick said the ferries must keep running."
    )
    article = run(nlp, text, [("the ferries must keep running", "Quill and Renwick", "said")])
    group = speaker(article, 0)
    assert (group.name, group.kind) == ("Marta Quill and Tobias Renwick", "group")


def test_a_surname_shared_by_two_means_the_one_named_in_the_item(nlp):
    text = (
        "Governor Ivo Lund signed the budget.\n\n"
        "Lund said the budget was balanced. Lund also thanked the council.\n\n"
        "___\n\n"
        "9:15 a.m.\n\n"
        "Harbor Commissioner Greta Lund says the port will reopen.\n\n"
        "Lund said the repairs were finished."
    )
    article = run(
        nlp,
        text,
        [
            ("the budget was balanced", "Lund", "said"),
            ("the repairs were finished", "Lund", "said"),
        ],
    )
    assert speaker_names(article) == ["Ivo Lund", "Greta Lund"]


def test_a_misspelt_surname_just_after_the_name_is_that_person(nlp):
    text = (
        '"The tax is unfair," said Odile Varga, who runs a bakery on the quay.\n\n'
        "Vargas believes that the council ignored the bakers.\n\n"
        '"They never asked us," she said.'
    )
    article = run(
        nlp,
        text,
        [
            ('"The tax is unfair,"', "Odile Varga", "said"),
            ("that the council ignored the bakers", "Vargas", "believes"),
            ('"They never asked us,"', "she", "said"),
        ],
    )
    assert speaker_names(article) == ["Odile Varga"] * 3


def test_gender_comes_from_the_article_never_from_a_first_name(nlp):
    """'Dana' says nothing; 'Mr. Holt' does, and a later "she" cannot be him."""
    text = (
        "Dana Holt and Ruth Lind spoke at the pier.\n\n"
        "Mr. Holt said the pier was safe.\n\n"
        "Lind said the pier needed repairs.\n\n"
        "She added that the council had been warned."
    )
    article = run(
        nlp,
        text,
        [
            ("the pier was safe", "Mr. Holt", "said"),
            ("the pier needed repairs", "Lind", "said"),
            ("that the council had been warned", "She", "added"),
        ],
    )
    assert speaker_names(article) == ["Dana Holt", "Ruth Lind", "Ruth Lind"]
    holt = speaker(article, 0)
    assert any(m.text == "Mr. Holt" for m in holt.mentions)


def test_an_op_eds_i_is_the_writer_of_its_closing_author_line(nlp):
    text = (
        "I grew up on the harbor. I know what the ferries mean to us.\n\n"
        "I said it at the council: the ferries must run.\n\n"
        "Odile Varga is a baker in Port Aldous and a member of the harbor council."
    )
    article = run(nlp, text, [("the ferries must run", "I", "said")])
    assert speaker_names(article) == ["Odile Varga"]


def test_a_two_word_title_before_a_name_is_read_whole(nlp):
    text = (
        "The dredging plan went to court.\n\n"
        "But Attorney General Marta Quill said the harbor board had broken no law."
    )
    article = run(nlp, text, [("the harbor board had broken no law", "Marta Quill", "said")])
    assert speaker(article, 0).titles == ["Attorney General"]


def test_a_name_set_beside_one_of_a_group_is_the_speaker(nlp):
    text = (
        "The ferry crew sued the harbor board.\n\n"
        "The board broke its word, said one of the crew's lawyers, Tobias Renwick, on Friday."
    )
    article = run(nlp, text, [("The board broke its word", "one of the crew's lawyers", "said")])
    assert speaker_names(article) == ["Tobias Renwick"]


def test_a_ledes_indefinite_description_is_the_person_named_further_down(nlp):
    text = (
        "Judge turns down harbor appeal\n\n"
        "A Calder judge has rejected the harbor board's appeal, saying the law was clear.\n\n"
        "Calder Supreme Court Justice Ines Varga ruled on Thursday.\n\n"
        "The board said it would appeal again."
    )
    article = run(nlp, text, [("the law was clear", "A Calder judge", "saying")])
    assert speaker_names(article) == ["Ines Varga"]


def test_a_plural_noun_opening_a_sentence_is_a_group_not_the_name_inside_it(nlp):
    text = (
        "Dredging starts in Calder\n\n"
        "Mayor Marta Quill opened the works on Monday.\n\n"
        "Experts on Quill's harbor plan said the channel would silt up again."
    )
    article = run(
        nlp,
        text,
        [("the channel would silt up again", "Experts on Quill's harbor plan", "said")],
    )
    assert speaker(article, 0).kind == "group"


def test_a_subject_in_the_pronouns_own_sentence_beats_the_previous_speaker(nlp):
    """The previous speaker is the likelier "she", unless the pronoun's own sentence has
    named someone else as a subject before it."""
    text = (
        "The festival opened on the quay.\n\n"
        "Guests included Tomas Brell, Ada Wren and Lisa Kerr.\n\n"
        '"It is a fine night," said Tomas Brell.\n\n'
        "When Ms. Kerr took the stage after him, she added the words, ''Port Aldous.''"
    )
    article = run(
        nlp,
        text,
        [
            ('"It is a fine night,"', "Tomas Brell", "said"),
            ("''Port Aldous.''", "she", "added"),
        ],
    )
    assert speaker_names(article) == ["Tomas Brell", "Lisa Kerr"]


def test_a_relative_pronoun_after_a_list_of_names_is_the_last_name(nlp):
    text = (
        "The harbor museum opened on Sunday.\n\n"
        "Guests included Tomas Brell, Ada Wren and Lisa Kerr, who joked that the ferry was "
        "late again.\n\n"
        "Brell left early."
    )
    article = run(nlp, text, [("that the ferry was late again", "who", "joked")])
    assert speaker_names(article) == ["Lisa Kerr"]


def test_which_just_after_a_body_is_that_body(nlp):
    text = (
        "Mayor Ines Varga said the streets were safe.\n\n"
        "To solve this quandary, they turned to the Calder Police Department which reported "
        '"214 shooting incidents" in the city.'
    )
    article = run(
        nlp,
        text,
        [
            ("the streets were safe", "Mayor Ines Varga", "said"),
            ('"214 shooting incidents"', "which", "reported"),
        ],
    )
    assert speaker_names(article) == ["Ines Varga", "Calder Police Department"]


def test_a_titled_surname_is_not_a_namesake_named_later_with_other_titles(nlp):
    """A "Governor Brell" in the lede is not "the first lady, Ada Brell" of a later paragraph."""
    text = (
        "Brell rallies the harbor towns\n\n"
        "Worried about turnout, Governor Brell is taking his case to the harbor towns.\n\n"
        "The governor told dockworkers on Saturday that the ferries would run.\n\n"
        "The campaign plans to send Mr. Brell and the first lady, Ada Brell, to every town."
    )
    article = run(nlp, text, [("that the ferries would run", "The governor", "told")])
    assert speaker(article, 0).name != "Ada Brell"
    assert "Governor" in speaker(article, 0).titles


def test_a_source_phrase_naming_one_person_is_that_person(nlp):
    text = (
        "A lesson from Ines Varga: 'Keep the ferries running'\n\n"
        "Calder's former mayor Ines Varga spoke to students on Monday."
    )
    article = run(nlp, text, [("'Keep the ferries running'", "A lesson from Ines Varga", None)])
    assert speaker_names(article) == ["Ines Varga"]


def test_a_body_shortened_to_its_first_word_is_still_the_body(nlp):
    text = (
        "The mine was sold in 2007 by the coal giant Calder Energy. From the start, the "
        "buyer was loaded with debts.\n\n"
        'In a statement, Calder said: "The buyer was solvent when it was sold."'
    )
    article = run(nlp, text, [('"The buyer was solvent when it was sold."', "Calder", "said")])
    assert speaker_names(article) == ["Calder Energy"]
    assert speaker(article, 0).kind == "organization"


def test_a_source_brought_in_as_a_someone_is_not_the_next_name(nlp):
    """The article chose not to name "a campaign aide": the name in the next attribution is
    someone else."""
    text = (
        "Mayor Ines Varga will visit the harbor on Sunday, according to a campaign aide. "
        "Tomas Brell, her opponent, said the visit was a stunt."
    )
    article = run(
        nlp,
        text,
        [
            ("Mayor Ines Varga will visit the harbor on Sunday", "a campaign aide", "according to"),
            ("the visit was a stunt", "Tomas Brell", "said"),
        ],
    )
    assert speaker_names(article) == ["campaign aide", "Tomas Brell"]


def test_a_title_ending_in_of_state_stays_out_of_the_name(nlp):
    text = (
        "The court ruled against the purge of voter rolls, a blow to Republican Secretary of "
        "State Ada Brell.\n\n"
        "Brell said the state would appeal."
    )
    article = run(nlp, text, [("the state would appeal", "Brell", "said")])
    assert speaker_names(article) == ["Ada Brell"]
    assert speaker(article, 0).titles == ["Secretary of State"]


def test_a_place_shortened_to_an_initial_is_the_place(nlp):
    text = (
        "Leaders denounce N. Calder test\n\n"
        "The council condemned North Calder's latest test on Friday.\n\n"
        "North Calder said the test was a success."
    )
    article = run(nlp, text, [("the test was a success", "North Calder", "said")])
    assert speaker_names(article) == ["North Calder"]


def test_the_state_is_the_state_named_before(nlp):
    text = (
        "Both campaigns are contesting Florida this fall.\n\n"
        "The state said its voter rolls were in order."
    )
    article = run(nlp, text, [("its voter rolls were in order", "The state", "said")])
    assert speaker_names(article) == ["Florida"]


def test_an_assembly_after_a_title_word_is_a_body_not_a_person(nlp):
    """ "General" is also a title; "the General Assembly" is still no person "Assembly"."""
    text = (
        "Tomas Brell, the head of the harbor league, spoke last.\n\n"
        "Under his watch, the General Assembly set up a new agency for ports. He has backed "
        "the plan, and he said it would pass."
    )
    article = run(nlp, text, [("it would pass", "he", "said")])
    assert speaker_names(article) == ["Tomas Brell"]


def test_one_party_source_is_an_unnamed_source_not_the_party(nlp):
    text = (
        "The harbor panel met behind closed doors on Tuesday.\n\n"
        "The chairman shouted at the members, one Calder Party source in the room said."
    )
    article = run(
        nlp,
        text,
        [("The chairman shouted at the members", "one Calder Party source in the room", "said")],
    )
    assert speaker(article, 0).kind == "group"
    assert speaker_names(article)[0].endswith("source")


def test_the_campaign_in_a_roundup_item_is_the_campaign_of_that_item(nlp):
    text = (
        "The Latest: Harbor race\n\n"
        "10 a.m.\n\n"
        "Tomas Brell's campaign said the ferry deal was a mistake.\n\n"
        "___\n\n"
        "7:45 a.m.\n\n"
        "Ines Varga plans to call on young people to join the harbor guard.\n\n"
        "The campaign says Varga will announce the plan on Friday."
    )
    article = run(
        nlp,
        text,
        [
            ("the ferry deal was a mistake", "Tomas Brell's campaign", "said"),
            ("Varga will announce the plan on Friday", "The campaign", "says"),
        ],
    )
    assert speaker_names(article)[1] == "Varga campaign"


def test_the_study_is_the_survey_that_spoke_just_before(nlp):
    text = (
        "The new rules favor the ruling party, according to a recent Calder Courier survey of "
        "voter lists. The study found that harbor districts lost twice as many voters."
    )
    article = run(
        nlp,
        text,
        [
            (
                "The new rules favor the ruling party",
                "a recent Calder Courier survey",
                "according to",
            ),
            ("that harbor districts lost twice as many voters", "The study", "found"),
        ],
    )
    assert speaker_names(article) == ["Calder Courier survey", "Calder Courier survey"]
    assert speaker(article, 1).kind == "document"


def test_the_owner_of_a_subject_is_spoken_of_as_a_subject(nlp):
    """ "Brell's bet is ..." makes Brell the one a "He" after it means, not the previous
    speaker."""
    text = (
        "Tomas Brell and his adviser Ada Wren praised the ferry plan.\n\n"
        '"It will be first-order business," Wren said.\n\n'
        "Brell's bet is that the ferries will be harder to cut once they run. He says "
        "that the harbor will thank him."
    )
    article = run(
        nlp,
        text,
        [
            ('"It will be first-order business,"', "Wren", "said"),
            ("that the harbor will thank him", "He", "says"),
        ],
    )
    assert speaker_names(article) == ["Ada Wren", "Tomas Brell"]


def test_which_after_an_apposition_is_the_bodies_it_describes(nlp):
    text = (
        "The deal came from the Harbor League and the Calder Ferry Company, the two biggest "
        "shippers, which together vowed to cut fuel use by half."
    )
    article = run(nlp, text, [("to cut fuel use by half", "which", "vowed")])
    assert speaker_names(article) == ["Harbor League and Calder Ferry Company"]


def test_a_name_the_parse_hangs_on_the_verb_is_still_its_subject(nlp):
    """The parser reads "Scott bristles at" as a compound of the verb: Scott is still the
    subject, and so the "he" after it."""
    text = (
        "Ada Scott is running for the harbor seat again.\n\n"
        '"He will struggle to raise money," said Kai Lund, a professor at Calder College. '
        '"There is doubt whether he can."\n\n'
        'Scott bristles at the suggestion he won\'t be ready. "I have raised all I needed," '
        "he said."
    )
    article = run(
        nlp,
        text,
        [
            ('"He will struggle to raise money,"', "Kai Lund", "said"),
            ('"I have raised all I needed,"', "he", "said"),
        ],
    )
    assert speaker_names(article) == ["Kai Lund", "Ada Scott"]


def test_a_misspelt_subject_and_a_name_inside_a_body_name(nlp):
    """ "Varda believes" one letter off "Ines Varga" named just before is her; "the Brell
    campaign took ..." makes the campaign the subject, not Brell: the "she" is Varga."""
    text = (
        "Dana Brell plans two rallies in Port Aldous this week.\n\n"
        '"The Brell campaign is in panic mode," said Ines Varga, who leads the harbor caucus.\n\n'
        "Varda believes that the Brell campaign took harbor voters for granted.\n\n"
        '"They thought a rally would do it. It is not enough," she said.'
    )
    article = run(
        nlp,
        text,
        [
            ('"The Brell campaign is in panic mode,"', "Ines Varga", "said"),
            ('"They thought a rally would do it. It is not enough,"', "she", "said"),
        ],
    )
    assert speaker_names(article) == ["Ines Varga", "Ines Varga"]


def test_a_group_of_people_is_those_people_not_a_body_named_near(nlp):
    text = (
        "The Calder Teachers League backed the plan on Monday.\n\n"
        "A group of harbor parents with children in the new schools said the plan was rushed."
    )
    article = run(
        nlp,
        text,
        [
            (
                "the plan was rushed",
                "A group of harbor parents with children in the new schools",
                "said",
            )
        ],
    )
    assert speaker_names(article) == ["harbor parents"]
    assert speaker(article, 0).kind == "group"


def test_each_is_the_people_of_the_clause_it_hangs_on(nlp):
    text = (
        "Ines Varga and Tomas Brell vied for the harbor seat on Wednesday, each touting their "
        "own record and saying the other lacks judgment."
    )
    article = run(nlp, text, [("the other lacks judgment", "each", "saying")])
    assert speaker_names(article) == ["Ines Varga and Tomas Brell"]
