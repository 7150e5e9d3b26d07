"""Speakers a reader would not give, made confident by the parse (session 33): the subject a cue
interrupts, a name in apposition that no actor holds, two people equally in focus, a "who" clause
on an organisation-tagged name.

Every sentence here is written for this test; none comes from an evaluation page.
"""

from __future__ import annotations

from quote_texts import speaker_name  # tests/ is on sys.path (rootdir conftest)
from saidwhat.analysis import analyze_text


def test_the_subject_a_cue_interrupts_is_not_the_he() -> None:
    art = analyze_text('Daniel Vance spoke in Iowa. Keller, he said, "will lose the state."')
    assert speaker_name(art, "will lose the state") == "Daniel Vance"


def test_the_subject_a_cue_interrupts_is_not_the_she_even_when_tagged_otherwise() -> None:
    # the tagger reads "Keller" here as an interjection; the recognizer still calls it a person
    art = analyze_text('Margaret Olsen said her opponent was "unfit." Keller, she added, "is not qualified."')
    assert speaker_name(art, "is not qualified") == "Margaret Olsen"


def test_an_appositive_name_no_actor_holds_is_the_speaker() -> None:
    art = analyze_text('"This is a dark day," said the Harbour Trust\'s secretary general, Agnes Callamard.')
    assert speaker_name(art, "a dark day") == "Agnes Callamard"


def test_an_owned_noun_with_a_name_beside_it_speaks() -> None:
    # "her deputy" is no noun of a person on any list, but the name beside it is one
    art = analyze_text("Nora Lindqvist criticised the budget. Her deputy, Steny Marsh, said he agreed.")
    assert speaker_name(art, "he agreed") == "Steny Marsh"


def test_a_description_after_two_joined_people_is_neither() -> None:
    art = analyze_text("Margaret Olsen and Thomas Brandt campaigned in Bergen on Monday.\n\n"
                       'The Labour nominee said the harbour was "a disgrace."')
    assert speaker_name(art, "a disgrace") not in ("Margaret Olsen", "Thomas Brandt")


def test_a_described_person_joins_the_one_the_text_places() -> None:
    # what the text says of each of the two still decides
    art = analyze_text("Margaret Olsen, the Democratic nominee, and Thomas Brandt, the Republican nominee, "
                       "campaigned in Ohio.\n\n"
                       'The Republican nominee said the harbour was "a disgrace."')
    assert speaker_name(art, "a disgrace") == "Thomas Brandt"


def test_a_who_clause_makes_a_speaking_name_a_person() -> None:
    art = analyze_text("Reince Priebus, who introduced Keller at the rally, said the party was united. "
                       'He also said the convention would be "orderly."')
    assert speaker_name(art, "would be") in ("Priebus", "Reince Priebus")


def test_a_he_goes_on_with_the_unnamed_speaker_just_before() -> None:
    art = analyze_text("Thomas Brandt spoke in Bergen on Monday. "
                       'A senior campaign aide said the rally was "huge." '
                       "He added that the campaign would return next week.")
    assert speaker_name(art, "would return next week") == "a senior campaign aide"


def test_a_he_answers_the_unnamed_speaker_who_named_him() -> None:
    art = analyze_text("Thomas Brandt attacked the press on Tuesday. A reporter asked him about his taxes. "
                       'He said he would release them "at the right time."')
    assert speaker_name(art, "at the right time") == "Thomas Brandt"


def test_a_description_whose_quote_names_the_person_chosen_speaks_for_itself() -> None:
    art = analyze_text("Margaret Olsen spoke in Bergen. Thomas Brandt spoke in Oslo. "
                       'The former secretary of state said Brandt was "unfit."')
    assert speaker_name(art, "unfit") not in ("Thomas Brandt", None)
    brandt = next(a for a in art.actors if a.name == "Thomas Brandt")
    assert not any("secretary" in alias for alias in brandt.aliases)


def test_a_description_that_replies_is_the_one_asked() -> None:
    art = analyze_text("The debate began at nine. Moderator Linda Dale asked Thomas Brandt about taxes. "
                       'The former governor replied that taxes would "stay where they are."')
    assert speaker_name(art, "stay where they are") == "Thomas Brandt"


def test_police_in_a_town_are_not_the_town() -> None:
    art = analyze_text("Police in Dayton said a 34-year-old man had been arrested.")
    assert speaker_name(art, "had been arrested") == "Police in Dayton"


def test_the_family_of_someone_is_not_that_person() -> None:
    art = analyze_text("Maria Estrada died in jail in May. The family of Maria Estrada said guards ignored "
                       "her requests for insulin.")
    assert speaker_name(art, "guards ignored") == "The family of Maria Estrada"


def test_the_speaker_after_an_opening_phrase_is_the_last_name_in_apposition() -> None:
    art = analyze_text("In a letter to Secretary-General Anton Weller, Norway's ambassador to the council, "
                       'Ingrid Solberg, wrote that Oslo reserved its "right" to respond.')
    assert speaker_name(art, "reserved its") == "Ingrid Solberg"


def test_a_named_leader_in_apposition_speaks_whatever_the_recognizer_says() -> None:
    art = analyze_text("Prime Minister Keir Starmer faced a rebellion on Wednesday. "
                       "The Conservative leader, Kemi Badenoch, said the vote showed that Labour was "
                       '"at war with itself."')
    assert speaker_name(art, "at war with itself") == "Kemi Badenoch"
    starmer = next(a for a in art.actors if a.name == "Keir Starmer")
    assert "The Conservative leader" not in starmer.aliases


def test_a_name_with_a_chief_in_apposition_is_a_person_not_the_body() -> None:
    art = analyze_text("The European Commission on Friday fined Apple 500 million euros. "
                       '"Apple must now comply with the law," Teresa Ribera, '
                       "the Commission's competition chief, told reporters in Brussels.")
    assert speaker_name(art, "comply with the law") == "Teresa Ribera"


def test_a_quote_that_ends_its_sentence_is_not_the_next_speakers() -> None:
    art = analyze_text("Senator Tereza Cristina defended the measure. "
                       '"Farmers have waited years for clear rules," she told the newspaper '
                       'Folha de S.Paulo. "This law gives them that." '
                       "The agriculture lobby FPA said in a statement that it "
                       "would try to overturn any veto in Congress.")
    assert speaker_name(art, "This law gives them that") == "Tereza Cristina"
