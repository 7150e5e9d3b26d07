"""Speakers of the session 34 rules: a nationality or an age used as a noun ("the Dutchman", "the
31-year-old"), an office or a titled name the recognizer took for a body, a body whose name looks like
a product model, an indefinite apposition, a report contrasted with another (", while X said"), a
body called by another noun, and a relative's noun that is no role of the man it names.

Every sentence here is written for this test; none comes from an evaluation page.
"""

from __future__ import annotations

from quote_texts import speaker_name  # tests/ is on sys.path (rootdir conftest)
from saidwhat.analysis import analyze_text


def test_a_nationality_used_as_a_noun_is_the_one_person_named() -> None:
    art = analyze_text("Gloucester head coach Rhys Penhale watched his side lose 38-12 on Saturday. "
                       "The Welshman, whose team have lost four of five, said the players had to take "
                       "responsibility.")
    assert speaker_name(art, "take responsibility") == "Rhys Penhale"


def test_a_nationality_is_not_the_only_name_inside_the_quote() -> None:
    art = analyze_text('Coach Marten Vos defended his goalkeeper after the defeat. "Andries made one mistake '
                       'and everyone forgets the ten saves before it," the Dutchman said.')
    assert speaker_name(art, "one mistake") == "Marten Vos"


def test_a_nationality_after_two_named_people_is_neither() -> None:
    art = analyze_text("Tomas Berdan beat Luis Ortega in straight sets on Sunday. The Spaniard said "
                       'afterwards that he had "no energy left" after his semi-final.')
    assert speaker_name(art, "no energy left") not in ("Tomas Berdan", "Luis Ortega")


def test_a_nationality_is_no_actor_of_its_own_name() -> None:
    art = analyze_text('Sara Lind won the race in Oslo. "It was hard," the Swede said.')
    assert not any(a.name in ("Swede", "the Swede") and a.kind != "anonymous" and a.kind != "person"
                   for a in art.actors)
    assert speaker_name(art, "It was hard") == "Sara Lind"


def test_an_age_the_parser_gave_to_the_object_still_speaks() -> None:
    art = analyze_text("Kenya's Faith Moraa broke her own record in Eugene on Saturday. "
                       '"I wanted to show that women can keep pushing," the 31-year-old told reporters.')
    assert speaker_name(art, "keep pushing") == "Faith Moraa"
    assert not any("told" in a.name for a in art.actors)


def test_the_name_beside_an_office_tagged_as_a_body_speaks() -> None:
    art = analyze_text("The Home Secretary, Shabana Rahman, announced on Monday that hotels would be "
                       "phased out by 2029.")
    assert speaker_name(art, "phased out by 2029") == "Shabana Rahman"


def test_a_body_whose_name_looks_like_a_model_is_a_body() -> None:
    art = analyze_text("The government in Kinshasa welcomed the report, while the rebel group M23 "
                       'dismissed it as "biased and unverified".')
    assert speaker_name(art, "biased and unverified") == "M23"


def test_a_body_known_by_one_noun_is_not_another_noun() -> None:
    art = analyze_text("The government in Kinshasa welcomed the report. The rebel group said the report "
                       "was biased.")
    assert speaker_name(art, "was biased") != "The government in Kinshasa"


def test_an_indefinite_apposition_is_no_part_of_the_name() -> None:
    art = analyze_text("Airlines for Europe, an industry group, said the tax would cost the sector "
                       "about 1 billion euros a year.")
    assert speaker_name(art, "cost the sector") == "Airlines for Europe"


def test_a_contrasted_report_has_its_own_speaker() -> None:
    art = analyze_text("Veltra said the tariffs were unfair, while Norrin chief executive Oskar Lind said "
                       "they would start a trade war.")
    assert speaker_name(art, "the tariffs were unfair") == "Veltra"
    assert speaker_name(art, "start a trade war") == "Oskar Lind"


def test_the_company_is_not_the_union_named_before() -> None:
    art = analyze_text("Harwick Logistics, the Leeds-based parcel carrier, said it would cut 1,200 jobs. "
                       'The trade union GMB called the move "a betrayal of workers". The company said staff '
                       "would be offered redeployment.")
    assert speaker_name(art, "offered redeployment") == "Harwick Logistics"


def test_a_title_before_a_first_name_tagged_as_a_body_is_a_person() -> None:
    art = analyze_text("Parent Derek Owens said families needed to reach their children. Superintendent "
                       'Marcus Bell told the board that schools would install landlines. "No child will be '
                       'unreachable," he said.')
    assert speaker_name(art, "No child will be unreachable") == "Marcus Bell"


def test_the_wife_of_a_man_gives_him_no_gender() -> None:
    art = analyze_text("Laura Whitfield, the wife of Senator James Whitfield, campaigned in Iowa for her "
                       "husband. Their son, Michael Whitfield, said the team had raised $4 million. The "
                       'senator himself was in New Hampshire, where he said that "the race is far from '
                       'over."')
    assert speaker_name(art, "the race is far from over") == "James Whitfield"


def test_a_nationality_is_not_a_person_the_text_places_elsewhere() -> None:
    art = analyze_text("Kenya's Faith Moraa broke the record in Eugene. \"I wanted to show it,\" the "
                       "Ethiopian told reporters.")
    assert speaker_name(art, "I wanted to show it") != "Faith Moraa"


def test_an_age_is_the_person_the_text_gave_that_age() -> None:
    art = analyze_text("Aoife Keane, a 34-year-old dairy farmer from west Cork, won the senior title on "
                       'Wednesday. Mary Doyle, the event\'s managing director, said the win was "long '
                       'overdue." The 34-year-old said she would use the prize money to fix the roof of her '
                       "shed.")
    assert speaker_name(art, "use the prize money") == "Aoife Keane"


def test_a_name_opening_a_sentence_with_a_body_beside_it_is_a_body() -> None:
    art = analyze_text("Velmont, the French carmaker, said on Wednesday it would pause production for two "
                       'weeks. "We are working with our suppliers," the company said in a statement.')
    assert speaker_name(art, "pause production") == "Velmont"
    assert speaker_name(art, "working with our suppliers") == "Velmont"


def test_a_nationality_with_a_region_before_it_is_a_description() -> None:
    art = analyze_text("Ciaran Walsh won the title by two shots on Sunday. \"I have waited my whole "
                       'career to win this one," said the Northern Irishman.')
    assert speaker_name(art, "waited my whole career") == "Ciaran Walsh"


def test_the_company_is_no_public_body() -> None:
    art = analyze_text("Shares in Calder Therapeutics jumped after regulators approved its drug. The Food "
                       "and Drug Administration said the drug had shown a clear benefit. The company said it "
                       "expected to launch the drug within weeks.")
    assert speaker_name(art, "launch the drug") != "Food and Drug Administration"


def test_a_place_after_in_only_qualifies_the_source() -> None:
    art = analyze_text('The complaint, filed in federal court in San Francisco, says the company "copied '
                       'millions of works". In a filing, the city of Oakland argued that the case should be '
                       "dismissed.")
    assert speaker_name(art, "copied millions of works") != "San Francisco"
    assert speaker_name(art, "should be dismissed") == "Oakland"
