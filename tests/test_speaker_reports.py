"""Speakers of the session 35 rules: a name equated with a subject ("Her rival is X"), a spokesman who is
not the office a later description names, a description after someone spoke of another person (and
one that goes on speaking), an age the parser made a compound, the person a titled questioner asked,
a hyphenated surname, a document's reader, a complement the tagger took only the tail of, a content
that runs into a sentence with its own cue, a relative clause under a cue, and a report inside a
report.

Every sentence here is written for this test; none comes from an evaluation page.
"""

from __future__ import annotations

from quote_texts import speaker_name  # tests/ is on sys.path (rootdir conftest)
from saidwhat.analysis import analyze_text


def test_a_name_equated_with_the_subject_is_the_pronouns_antecedent() -> None:
    art = analyze_text('His campaign chair, Owen Price, said he "never stops knocking on doors." '
                       'Her closest rival is Green candidate Samuel Achebe, a retired surveyor. '
                       '"The town needs a plan, not slogans," he said.')
    assert speaker_name(art, "not slogans") == "Samuel Achebe"


def test_a_spokesman_is_not_the_office_named_after_him() -> None:
    art = analyze_text("Voters in Lakeview on Sunday chose Dana Moss as their candidate for mayor, against "
                       "the incumbent, Rolf Decker of the Civic Union. Ivan Lutz, a spokesman for Decker's "
                       'campaign, said the record "speaks for itself." The mayor himself told a local paper '
                       'that he welcomed "an honest fight".')
    assert speaker_name(art, "an honest fight") != "Ivan Lutz"


def test_a_description_after_someone_spoke_of_another_is_that_person() -> None:
    art = analyze_text("Painter Adam Lindqvist won the Turner Prize on Tuesday. Jury chair Robert Osei said "
                       'Lindqvist had made "the boldest work of the decade". The 44-year-old novelist told '
                       'reporters that he was "still in shock".')
    assert speaker_name(art, "still in shock") == "Adam Lindqvist"


def test_an_age_the_parser_made_a_compound_is_an_age() -> None:
    art = analyze_text("Tom Reddy, the founder of the collapsed lender Crestline, was sentenced to 12 years "
                       'in prison on Friday. Judge Martin Cole said Reddy had shown "no remorse at all" for '
                       'his victims. The 41-year-old told the court that he had made "terrible choices."')
    assert speaker_name(art, "terrible choices") == "Tom Reddy"


def test_a_description_that_goes_on_speaking_is_the_speaker() -> None:
    art = analyze_text("Mark Dunne is on solid ground attacking the council, Eleanor Faye said Monday. "
                       "But, the former chief executive of Harbourline added, it's not the way to win.")
    assert speaker_name(art, "not the way to win") == "Eleanor Faye"


def test_a_titled_questioner_is_not_the_person_asked() -> None:
    art = analyze_text('Judge Naomi Clarke asked Victor Hale whether he had read the agreement. '
                       '"I have," Hale said. "Then we can proceed," the judge replied.')
    assert speaker_name(art, "we can proceed") == "Naomi Clarke"


def test_a_hyphenated_surname_alone_is_the_person_it_names() -> None:
    art = analyze_text("Lena Oduya-Marsh, the founder of a collapsed lender, was sentenced on Friday. "
                       'Prosecutors said Oduya-Marsh had shown "no regret at all".')
    assert not any(a.name == "Oduya-Marsh" and a.kind == "organization" for a in art.actors)


def test_the_outlet_that_saw_a_document_is_not_its_author() -> None:
    art = analyze_text('"The plant cannot open before 2028," according to a briefing note seen by '
                       "Bloomberg. The note did not give a reason.")
    assert speaker_name(art, "cannot open before 2028") != "Bloomberg"


def test_a_complement_the_tagger_took_only_the_tail_of_is_the_content() -> None:
    art = analyze_text("Shares in Corvel fell 4% on Monday after the retailer cut its forecast. "
                       '"This has been a harder year than we planned," chief executive Ruth Amadi told '
                       'analysts. "But the demand for our products remains strong." Finance director Leo '
                       "Brandt said the company would save £30m through a cost programme by the end of next "
                       "year.")
    assert speaker_name(art, "demand for our products") != "Leo Brandt"
    assert speaker_name(art, "save £30m") == "Leo Brandt"


def test_a_content_runs_into_no_sentence_with_its_own_cue() -> None:
    art = analyze_text("The Tate Modern said on Monday that the sculpture had been restored. "
                       'Critic Hanna Berg of Uppsala University said the gallery had "rushed the work." '
                       "The sculpture will return to the Turbine Hall in June, it said.")
    quote = next(q for q in art.quotes if "Turbine Hall" in q.text)
    assert "rushed the work" not in quote.text
    assert speaker_name(art, "Turbine Hall") != "Hanna Berg"


def test_a_relative_clause_under_a_cue_stays_with_it() -> None:
    art = analyze_text("Northjet, the low-cost airline, has been fined €1.2m by the regulator for charging "
                       "for hand luggage. The airline said it would appeal against the decision, which it "
                       'called "unfair and rushed". "Our fares are low because customers only pay for what '
                       'they use," chief executive Ian Moss said.')
    assert speaker_name(art, "unfair and rushed") != "Ian Moss"


def test_a_report_inside_a_report_has_its_own_speaker() -> None:
    art = analyze_text('According to a report in the Herald, Mayor Paul Dorsey told aides that he '
                       'would "rather resign" than raise the tax.')
    holding = [q for q in art.quotes if "rather resign" in q.text]
    speakers = {art.actor(q.speaker.actor).name for q in holding if q.speaker.actor}
    assert "Paul Dorsey" in speakers  # the inner report: his words
    assert len(holding) == 2  # and the newspaper's report of them
