"""The user's notion of a quote (issue 9): types, precision filters, speaker rules, confidence.

Every sentence here is written for this test; none comes from an evaluation page.
"""

from __future__ import annotations

import math

import pytest

from quote_texts import speaker_name  # tests/ is on sys.path (rootdir conftest)
from saidwhat.analysis import analyze_text
from saidwhat.analysis.attribution import Attribution, find_attributions
from saidwhat.analysis.attribution.confidence import load_weights, probability
from saidwhat.analysis.attribution.profile import Drop, judge
from saidwhat.analysis.attribution.quotes import quote_states
from saidwhat.analysis.attribution.spans import (
    add_untagged_continuations,
    after_semicolon,
    clause_extent,
    label_only,
    merge_continued_quotes,
)
from saidwhat.analysis.nlp import get_nlp
from saidwhat.schema import QuoteKind


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def _reasons(text: str) -> list[Drop | None]:
    doc = get_nlp()(text)
    return [judge(doc, a).drop for a in find_attributions(doc)]


def _judged(text: str, content: str, cue: str, source: str | None) -> Drop | None:
    """The drop reason for a hand-made attribution (the tagger's output is not under test)."""
    att = Attribution(content=[_span(text, content)], cue=[_span(text, cue)],
                      source=[_span(text, source)] if source else [], kind="indirect")
    return judge(get_nlp()(text), att).drop


_speaker = speaker_name  # tests/quote_texts.py


# ------------------------------------------------------------------ type

def test_beliefs_are_typed_and_hidden_by_default() -> None:
    text = "The mayor believes the bridge will last another forty years. She said the toll would stay."
    shown = analyze_text(text)
    assert [q.type for q in shown.quotes] == ["speech"]
    both = analyze_text(text, include_beliefs=True)
    assert sorted(q.type for q in both.quotes) == ["belief", "speech"]


def test_min_confidence_filters_quotes() -> None:
    text = "Teresa Okafor, the mayor, said the toll would pay for the repairs within ten years."
    assert analyze_text(text).quotes
    assert analyze_text(text, min_confidence=1.0).quotes == []


# ------------------------------------------------------------------ precision filters

def test_non_communication_verb_object_is_no_quote() -> None:
    assert "object, not a statement" in _reasons(
        "Volvo revealed the new XC40 Recharge at a press event in Gothenburg on Tuesday.")


@pytest.mark.parametrize("verb", ["declined", "refused"])
def test_declining_to_say_is_no_statement(verb: str) -> None:
    """'He declined to say when his company's lander would be ready': nothing was said."""
    text = f"He {verb} to say when his company's lander would be ready."
    assert _judged(text, "when his company's lander would be ready", "say", "He") == "non-communication verb"
    assert _judged("He said when the lander would be ready.", "when the lander would be ready", "said",
                   "He") is None


def test_non_communication_verb_is_no_quote() -> None:
    text = "The committee approved the harbour budget on Thursday night."
    assert _judged(text, "the harbour budget", "approved", "The committee") == "non-communication verb"


def test_author_first_person_is_no_quote() -> None:
    assert "author first person" in _reasons(
        "We believe the city council made the wrong decision on the budget this year.")


def test_generic_you_is_no_quote() -> None:
    assert "generic you" in _reasons("You might think the new stadium will pay for itself within a decade.")


def test_unsourced_passive_is_no_quote() -> None:
    text = "The ministry has been accused of hiding the true cost of the dam."
    assert "unsourced passive" in _reasons(text)


def test_anonymity_request_is_no_quote() -> None:
    reasons = _reasons("Two officials, who asked not to be named because they were not authorised to speak, "
                       "said the talks had stalled.")
    assert "anonymity request" in reasons and None in reasons  # the real quote stays


def test_headline_is_no_quote() -> None:
    assert "headline or title" in _reasons("Harbor Town Votes: Council Approves Bridge Toll After Long Night")


def test_credit_line_is_no_quote() -> None:
    assert "credit line" in _reasons(
        "This article was originally published by Coastal Weekly and is republished here with permission.")


def test_inch_mark_is_no_quotation_mark() -> None:
    toks = ["a", "34", '"', "screen", "and", "a", "27", '"', "one"]
    inside, _ = quote_states(toks, [0] * len(toks))
    assert inside == [0] * len(toks)
    text = 'The desk fits a 34" 3440x1440 monitor and a 27" 2560x1440 monitor side by side.'
    assert analyze_text(text).quotes == []


def test_stray_closing_mark_quotes_only_back_to_the_previous_quote() -> None:
    # one paragraph (a page whose extraction lost its breaks): a stray closing mark late in it
    toks = ["He", "said", "\u201c", "yes", "\u201d", ".", "Sales", "were", "\u201d", "weak", "."]
    inside, _ = quote_states(toks, [0] * len(toks))
    assert inside[:5] == [0, 0, 1, 1, 1]  # the text before the first quote stays outside
    assert inside[5:9] == [1, 1, 1, 1]  # the lost opening mark lies after the previous quote
    assert inside[9:] == [0, 0]


def test_topic_of_speech_is_no_quote() -> None:
    text = "The coach joked about the weather before the match in Leeds."
    assert _judged(text, "the weather", "joked about", "The coach") == "topic, not a statement"


def test_naming_participle_is_no_quote() -> None:
    text = "She co-wrote a ballad called Harbor Lights with a friend in 2012."
    assert _judged(text, "Harbor Lights", "called", None) == "naming, not a statement"


def test_speech_act_with_object_stays() -> None:
    text = "The harbour master denied the accusation on Friday."
    assert _judged(text, "the accusation", "denied", "The harbour master") is None


def test_action_verb_with_noun_object_is_no_quote() -> None:
    text = "The night guards discovered the stolen painting in a garage near the harbour."
    assert _judged(text, "the stolen painting in a garage near the harbour", "discovered",
                   "The night guards") == "object, not a statement"


def test_noun_phrase_object_with_a_relative_clause_is_no_quote() -> None:
    text = "The map shows the ports where fishing has been banned since 2015."
    assert _judged(text, "the ports where fishing has been banned since 2015", "shows", "The map") \
        == "object, not a statement"
    clause = "The map shows that fishing has been banned in the ports since 2015."
    assert _judged(clause, "that fishing has been banned in the ports since 2015", "shows", "The map") is None


def test_action_verb_with_clause_stays() -> None:
    text = "The night guard testified that the gate had been open since midnight."
    assert _judged(text, "that the gate had been open since midnight", "testified", "The night guard") is None


def test_guilty_plea_is_no_quote() -> None:
    text = "The driver pleaded guilty to stealing two trucks from a depot in Hull."
    assert _judged(text, "stealing two trucks from a depot in Hull", "pleaded guilty to",
                   "The driver") == "object, not a statement"


def test_hypothetical_cue_is_no_quote() -> None:
    text = "Some economists might argue that the rate cut in Oslo came too late."
    assert _judged(text, "that the rate cut in Oslo came too late", "might argue", "Some economists") \
        == "hypothetical"
    plain = "Some economists argue that the rate cut in Oslo came too late."
    assert _judged(plain, "that the rate cut in Oslo came too late", "argue", "Some economists") is None


def test_that_said_is_no_quote() -> None:
    text = "The ferry lost money for years. That said, the two towns could still share its cost next year."
    assert _judged(text, "the two towns could still share its cost next year", "said", "That") \
        == "discourse idiom"
    plain = "The ferry lost money for years. Berg said the two towns could still share its cost next year."
    assert _judged(plain, "the two towns could still share its cost next year", "said", "Berg") is None


def test_present_tense_evidence_from_it_is_no_quote() -> None:
    text = "Ferry traffic fell by half in March. It shows that the new bridge works as planned."
    assert _judged(text, "that the new bridge works as planned", "shows", "It") == "evidence from a pronoun"
    company = "The ferry line sold its last boat. It confirmed that the new bridge had taken its passengers."
    assert _judged(company, "that the new bridge had taken its passengers", "confirmed", "It") is None


def test_question_put_to_the_speaker_is_not_the_speakers_quote() -> None:
    text = "Asked whether he would run again, Olsen said the harbour came first."
    assert _judged(text, "whether he would run again", "Asked", "Olsen") == "question put to the speaker"
    asking = "Olsen asked whether the harbour would reopen in May."
    assert _judged(asking, "whether the harbour would reopen in May", "asked", "Olsen") is None


def test_quoted_title_after_a_naming_participle_is_no_quote() -> None:
    text = "She sent him a song called \u201cWinter Light\u201d the week before the wedding."
    att = Attribution(content=[_span(text, "Winter Light")], cue=[_span(text, "called")], kind="direct")
    assert judge(get_nlp()(text), att).drop == "naming, not a statement"


def test_calling_someone_by_name_is_no_quote() -> None:
    text = "Everyone at the sawmill called him Teddy."
    assert _judged(text, "him Teddy", "called", "Everyone at the sawmill") == "naming, not a statement"
    judged = "The mayor called the harbour plan unfair."
    assert _judged(judged, "the harbour plan unfair", "called", "The mayor") is None


# ------------------------------------------------------------------ content spans

def _att(text: str, content: str, cue: str, source: str, kind: QuoteKind = "indirect") -> Attribution:
    return Attribution(content=[_span(text, content)], cue=[_span(text, cue)], source=[_span(text, source)],
                       kind=kind)


def _texts(text: str, spans: list[tuple[int, int]] | None) -> list[str]:
    assert spans is not None
    return [text[s:e] for s, e in spans]


def test_reported_clause_cut_short_is_extended() -> None:
    text = "The council announced that the new ferry would carry two hundred passengers from May."
    att = _att(text, "that the new ferry", "announced", "The council")
    assert _texts(text, clause_extent(get_nlp()(text), att)) == [
        "that the new ferry would carry two hundred passengers from May"]


def test_reported_clause_stops_before_the_main_clause() -> None:
    text = "After the coach suggested the striker was injured, the club told reporters he would play."
    att = _att(text, "the striker was injured, the club told reporters he would play", "suggested",
               "the coach")
    assert _texts(text, clause_extent(get_nlp()(text), att)) == ["the striker was injured"]


def test_infinitive_stops_before_a_finite_verb_coordinated_with_the_cue() -> None:
    text = "The challenger promised to protect the ferry service and attacked the mayor on her budget."
    att = _att(text, "to protect the ferry service and attacked the mayor on her budget", "promised",
               "The challenger")
    assert _texts(text, clause_extent(get_nlp()(text), att)) == ["to protect the ferry service"]


def test_reported_content_does_not_reach_back_over_a_semicolon() -> None:
    text = "The new port may not end the losses; Berg has said that he expects to save ten million."
    att = Attribution(content=[_span(text, "The new port may not end the losses"),
                               _span(text, "that he expects to save ten million")],
                      cue=[_span(text, "has said")], source=[_span(text, "Berg")], kind="indirect")
    assert _texts(text, after_semicolon(get_nlp()(text), att)) == ["that he expects to save ten million"]


def test_untagged_quotation_after_the_cue_sentence_continues_the_quote() -> None:
    text = ("Nora Berg found the old ferry at dawn. \u201cIt looked abandoned,\u201d she wrote in a letter. "
            "\u201cRust everywhere. No lights at all.\u201d The council sold it a year later.")
    att = Attribution(content=[_span(text, "\u201cIt looked abandoned,\u201d")], cue=[_span(text, "wrote")],
                      source=[_span(text, "she")], kind="direct")
    add_untagged_continuations(get_nlp()(text), [att])
    assert _texts(text, att.content)[-1] == "\u201cRust everywhere. No lights at all.\u201d"
    own = text.replace(" The council", " Berg added. The council")
    att2 = Attribution(content=[_span(own, "\u201cIt looked abandoned,\u201d")], cue=[_span(own, "wrote")],
                       kind="direct")
    add_untagged_continuations(get_nlp()(own), [att2])
    assert len(att2.content) == 1  # that quotation has a cue of its own


def test_reported_clause_goes_on_after_a_colon() -> None:
    text = "The mayor argued that the town needs more buses: that is, the route should run every hour."
    att = _att(text, "that the town needs more buses: that is, the route should run every hour", "argued",
               "The mayor")
    assert clause_extent(get_nlp()(text), att) is None


def test_quoted_label_is_the_content() -> None:
    text = 'The senator called the budget "a fairy tale" in a speech on Monday.'
    att = _att(text, 'the budget "a fairy tale" in a speech on Monday', "called", "The senator", "mixed")
    assert _texts(text, label_only(get_nlp()(text), att, "call")) == ["a fairy tale"]


def test_quoted_label_inside_a_contrast_keeps_the_whole_content() -> None:
    text = 'The senator called it not a budget, but "a fairy tale" for voters.'
    att = _att(text, 'it not a budget, but "a fairy tale" for voters', "called", "The senator", "mixed")
    assert label_only(get_nlp()(text), att, "call") is None


def test_quote_over_two_paragraphs_is_one_quote() -> None:
    text = ('Ana Lopez said: "The harbour will reopen in spring.\n\n'
            '"The ferries will run every hour," Lopez said.')
    first = _att(text, '"The harbour will reopen in spring', "said", "Ana Lopez", "direct")
    second = _att(text, '"The ferries will run every hour,"', "Lopez said", "Lopez", "direct")
    second.cue, second.source = [(text.rindex("said"), len(text) - 1)], [_span(text, "Lopez said")]
    merged = merge_continued_quotes(get_nlp()(text), [first, second])
    assert len(merged) == 1
    assert _texts(text, merged[0].content) == ['"The harbour will reopen in spring',
                                               '"The ferries will run every hour,"']


def test_next_quotation_by_the_same_source_continues_the_quote() -> None:
    text = '"We are ready," Lopez said, adding, "The ships are waiting." A clerk said "No."'
    source = [_span(text, "Lopez")]
    first = Attribution(content=[_span(text, '"We are ready,"')], cue=[_span(text, "said")], source=source,
                        kind="direct")
    second = Attribution(content=[_span(text, '"The ships are waiting."')], cue=[_span(text, "adding")],
                         source=list(source), kind="direct")
    said = text.rindex("said")
    third = Attribution(content=[_span(text, '"No."')], cue=[(said, said + 4)],
                        source=[_span(text, "A clerk")], kind="direct")
    merged = merge_continued_quotes(get_nlp()(text), [first, second, third])
    assert [len(a.content) for a in merged] == [2, 1]


# ------------------------------------------------------------------ speakers

def test_descriptive_source_is_its_own_speaker() -> None:
    art = analyze_text("Two people familiar with the negotiations said the deal would be signed next week.")
    assert _speaker(art, "the deal") == "Two people familiar with the negotiations"


def test_definite_description_resolves_to_earlier_subject() -> None:
    art = analyze_text("Northwind Motors unveiled a compact electric van in Oslo on Tuesday.\n\n"
                       "The carmaker said the van would go on sale in spring.")
    assert _speaker(art, "the van would") == "Northwind Motors"


def test_description_with_nationality_and_relative_clause_resolves() -> None:
    art = analyze_text("Northwind Motors showed a long electric estate car at the fair.\n\n"
                       "The Swedish carmaker, which has sold vans for decades, says the car will reach "
                       "dealers next year.")
    assert _speaker(art, "the car will reach") == "Northwind Motors"


def test_a_named_body_does_not_refer_back_to_another_organisation() -> None:
    art = analyze_text("The Coastal Growers Union condemned the new levy on Monday.\n\n"
                       "The state agriculture department said the levy would be reviewed in the autumn.")
    assert _speaker(art, "the levy would") != "Coastal Growers Union"


def test_description_never_resolves_to_an_object() -> None:
    art = analyze_text("Greta Lund met Ivan Petrov in Vienna last week.\n\n"
                       "The singer said the meeting had been friendly.")
    assert _speaker(art, "the meeting") == "Greta Lund"


def test_pronoun_resolves_to_subject_not_object() -> None:
    art = analyze_text("Anna Berg interviewed Tomas Lind at length on Sunday.\n\n"
                       "She told viewers that the interview had taken three months to arrange.")
    assert _speaker(art, "the interview had") == "Anna Berg"


def test_pronoun_prefers_main_clause_subject_over_subordinate_one() -> None:
    art = analyze_text("Marta Quinlan declined to say whether the night Oskar Brandt left the depot "
                       "was the first time.\n\n“We will see what the inquiry finds,” she said.")
    assert _speaker(art, "We will see") == "Marta Quinlan"


def test_pronoun_takes_the_subject_of_its_own_sentence() -> None:
    art = analyze_text("Deputy Lena Holt said the ferry would run on Sunday.\n\n"
                       "When Governor Piet Vos opened the bridge last week, "
                       "he said the tolls would end in May.")
    assert _speaker(art, "the tolls would end") == "Piet Vos"


def test_pronoun_chain_keeps_its_person() -> None:
    art = analyze_text("Senator Walter Brisk claims that he sold the mill to pay his debts. "
                       "During the trip he was filmed walking beside Henrik Solberg near the harbour.\n\n"
                       "He later told the radio host: “I took the decision alone, and I stand by it.”")
    assert _speaker(art, "I took the decision") == "Walter Brisk"


def test_appositive_name_is_the_speaker() -> None:
    art = analyze_text("The firm that builds the trains, Nordbahn Systems, "
                       "said the order was its largest ever.")
    assert _speaker(art, "the order") == "Nordbahn Systems"


def test_by_phrase_agent_is_the_speaker() -> None:
    art = analyze_text("The plan was welcomed by several harbour pilots, "
                       "who said it would make the channel safer.")
    assert _speaker(art, "it would make") == "several harbour pilots"


def test_joint_speakers_are_one_group() -> None:
    art = analyze_text("Vindman and Williams said the call had alarmed them.")
    assert _speaker(art, "the call") == "Vindman and Williams"


def test_a_list_of_names_and_others_is_one_group() -> None:
    # the parser hangs the list as a chain ("Rao" on "Toretti", "and others" on "Rao")
    art = analyze_text("Ms. Toretti, Mrs. Rao and others said they would keep raising money for the party.")
    speaker = _speaker(art, "they would keep")
    assert speaker == "Ms. Toretti, Mrs. Rao and others"
    assert next(a for a in art.actors if a.name == speaker).kind == "group"


def test_two_given_names_before_one_surname_are_a_group() -> None:
    art = analyze_text("Khizr and Ghazala Khan, the Gold Star parents, said the attacks were unfair.")
    assert _speaker(art, "the attacks") == "Khizr and Ghazala Khan, the Gold Star parents"
    art = analyze_text("Walter and Edna Brisk said they had sold the mill.")
    assert _speaker(art, "they had sold") == "Walter and Edna Brisk"


def test_transcript_lines_are_quotes_of_their_speaker() -> None:
    art = analyze_text("HOST: Do you think the toll will pass this year?\n\n"
                       "ORTIZ: I think it will pass, and I think it should.")
    assert _speaker(art, "I think it will pass") == "ORTIZ"
    assert _speaker(art, "Do you think") == "HOST"


def test_dash_signed_quote_is_by_the_signer() -> None:
    art = analyze_text("“We will rebuild the pier before the summer season starts.” ― Francisco Herrero")
    assert _speaker(art, "We will rebuild") == "Francisco Herrero"


def test_unresolved_speaker_is_unknown_and_low_confidence() -> None:
    art = analyze_text("Boats crowded the harbour at dawn.\n\n“It was the worst storm in thirty years.”")
    for q in art.quotes:
        assert q.speaker.actor is None
        assert q.confidence is not None and q.confidence < 0.5


# ------------------------------------------------------------------ confidence

def test_confidence_is_monotone_in_tagger_score_and_bounded() -> None:
    weights = load_weights()
    assert weights, "the confidence weights ship with the package"
    assert weights["tagger"] > 0
    base = {"bias": 1.0, "kind=direct": 1.0, "cue=speech": 1.0, "speaker=name": 1.0}
    probs = [probability({**base, "tagger": t / 10}, weights) for t in range(11)]
    assert all(a < b for a, b in zip(probs, probs[1:], strict=False))
    assert all(0.0 <= p <= 1.0 for p in probs)


@pytest.mark.parametrize("z", [-1e6, -50.0, 0.0, 50.0, 1e6])
def test_probability_is_bounded_for_extreme_scores(z: float) -> None:
    p = probability({"bias": 1.0}, {"bias": z})
    assert 0.0 <= p <= 1.0 and not math.isnan(p)


def test_and_inside_an_organisations_name_is_no_group() -> None:
    art = analyze_text("Last year, the Science and Technology Directorate of the Department of Homeland "
                       "Security said that none of the methods were necessary.")
    speaker = _speaker(art, "none of the methods")
    assert speaker is not None and "Directorate" in speaker
    assert next(a for a in art.actors if a.name == speaker).kind == "organization"


def test_and_inside_a_speakers_apposition_makes_no_group() -> None:
    # the parse of a wild page (own pages): the parser made the apposition's noun a conjunct of the
    # name and hung the "and" on that noun; the rule used to read it as "a name and others"
    from spacy.tokens import Doc

    from saidwhat.analysis.attribution.speaker.groups import conjoined_names, name_and_others
    from saidwhat.analysis.nlp import get_nlp

    words = ["Patrick", "Nielsen", "Hayden", ",", "Teresa", "’s", "husband", "and", "Tor", "’s", "editor"]
    heads = [2, 2, 2, 2, 6, 4, 2, 6, 10, 8, 6]
    deps = ["compound", "compound", "ROOT", "punct", "poss", "case", "conj", "cc", "nmod", "case", "conj"]
    pos = ["PROPN", "PROPN", "PROPN", "PUNCT", "PROPN", "PART", "NOUN", "CCONJ", "PROPN", "PART", "NOUN"]
    doc = Doc(get_nlp().vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert not name_and_others(doc[:]) and not conjoined_names(doc[:])
    words = ["Ms.", "Toretti", ",", "Mrs.", "Rao", "and", "others"]
    heads = [1, 1, 1, 4, 1, 4, 4]
    deps = ["compound", "ROOT", "punct", "compound", "conj", "cc", "conj"]
    pos = ["PROPN", "PROPN", "PUNCT", "PROPN", "PROPN", "CCONJ", "NOUN"]
    doc = Doc(get_nlp().vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert name_and_others(doc[:])


def test_lets_say_is_no_quote() -> None:
    text = "Running a shop is hard. Let's say the rent doubles next spring in Leeds."
    assert _judged(text, "the rent doubles next spring in Leeds", "say", "'s") == "discourse idiom"
    plain = "Running a shop is hard. Ms. Ward says the rent doubles next spring in Leeds."
    assert _judged(plain, "the rent doubles next spring in Leeds", "says", "Ms. Ward") is None


def test_age_description_is_the_person_named_before() -> None:
    text = ("Tomas Verga signed a two-year deal with the Harriers on Friday. The Danish coach had been out "
            "of work since March. The 48-year-old said after his appointment: \"I am proud to join a club "
            "with such a history.\"")
    art = analyze_text(text)
    q = next(q for q in art.quotes if "proud" in q.text)
    speaker = art.actor(q.speaker.actor) if q.speaker.actor else None
    assert speaker is not None and speaker.name == "Tomas Verga"


def test_an_answer_does_not_take_the_question_before_it() -> None:
    text = ("Senator Ruth Dale pressed the agency at the hearing. “Which ferries can carry the new cranes "
            "by 2025?” Director Ian Moss responded that only the old ferry could.")
    art = analyze_text(text)
    moss = next(q for q in art.quotes if "only the old ferry" in q.text)
    assert "cranes" not in moss.text and moss.kind == "indirect"
