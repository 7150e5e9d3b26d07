"""Speakers of the session 36 rules, from judged speakers of the largest actors on PolNeAR train text no
CRF had seen: a he/she that carries on a sentence says its person's gender against the first-name
list, a pronoun in a fronted prepositional phrase is the main subject's, a he/she already speaking in
the sentence carries it past a name between, a person an outlet owns through a bare possessive
apostrophe speaks, not the outlet, a quotation between a relative clause's cue and its trailer
is the trailer's, a description is not a person its own clause names after it, and a he whose
sentence-before subject is passed over only because the quote names him is no one further back.

Every sentence here is written for this test; none comes from an evaluation page.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from quote_texts import speaker_name  # tests/ is on sys.path (rootdir conftest)
from saidwhat.analysis import analyze_text
from saidwhat.analysis.actors.mentions.names import _possessed_person
from saidwhat.analysis.actors.resolve.evidence import names_under_subject
from saidwhat.analysis.nlp import get_nlp


def test_a_he_that_carries_on_a_sentence_outweighs_the_first_name_list() -> None:
    # "Lindsey" is a woman's name on the offline list; the text says twice that this one is a man
    art = analyze_text("Senator Lindsey Moore spoke to donors in Reno on Thursday.\n\n"
                       "Moore said, “How many of you believe we lose because we are too soft? "
                       "I believe we are losing the young vote.”\n\n"
                       "He continued, “I believe Carl Benson is wrecking our chances.”\n\n"
                       "He added, “Now it is forced removal. Does that sound familiar to you?”")
    assert speaker_name(art, "wrecking our chances") == "Lindsey Moore"
    assert speaker_name(art, "sound familiar") == "Lindsey Moore"


def test_one_carried_pronoun_does_not_overrule_the_first_name_list() -> None:
    art = analyze_text("Senator Lindsey Moore spoke to donors in Reno on Thursday. "
                       "Carl Benson was there too.\n\n"
                       "Moore said the party needed new voters. She said Benson had let them down.\n\n"
                       "“We can still win,” he said.")
    assert speaker_name(art, "We can still win") != "Lindsey Moore"


def test_a_pronoun_in_a_fronted_phrase_is_the_main_subjects() -> None:
    art = analyze_text("Governor Ray Dalton was in Maine on Wednesday. In what he acknowledged as a "
                       "news conference-ending “rant,” Mayor Tom Whitaker took a whack at "
                       "Dalton's credentials.")
    assert speaker_name(art, "rant") == "Tom Whitaker"


def test_a_speaking_he_earlier_in_the_sentence_carries_past_a_name_between() -> None:
    art = analyze_text("Ray Dalton won Ohio and Iowa on Tuesday. He declared that as long as the field "
                       "remained divided, Tom Whitaker would have a path to the nomination, which he "
                       "declared “a total disaster” for the party.")
    assert speaker_name(art, "a total disaster") == "Ray Dalton"


def test_a_person_an_outlet_owns_by_a_bare_apostrophe_is_split_from_it() -> None:
    doc = get_nlp()("Fox News’ Bret Baier noticed it. CBS News' Nancy Cordes saw it too. "
                    "The Times’ Wheel of Fortune ran.")
    doc.ents = [Span(doc, 0, 5, "ORG"), Span(doc, 8, 13, "ORG"), Span(doc, 17, 23, "ORG")]
    assert _possessed_person(doc, doc.ents[0]) == 3  # "Bret"
    assert _possessed_person(doc, doc.ents[1]) == 11  # "Nancy"
    assert _possessed_person(doc, doc.ents[2]) is None


def test_a_quotation_between_a_relative_clauses_cue_and_a_trailer_is_the_trailers() -> None:
    art = analyze_text("Sen. Ray Dalton appeared on the radio right after the speech. Nothing the president "
                       "said \"will calm people's fears,\" the Ohio senator said.")
    quote = next(q for q in art.quotes if "calm people" in q.text)
    assert [art.text[s:e] for s, e in quote.speaker.mention] == ["the Ohio senator"]
    assert speaker_name(art, "calm people") == "Ray Dalton"


def _subject(doc: Doc, word: str) -> Token:
    return next(t for t in doc if t.lower_ == word)


def test_a_subject_is_not_a_name_its_own_clause_holds_after_it() -> None:
    nlp = get_nlp()
    names = frozenset({"ray", "dalton"})
    said = nlp("The senator insisted she hadn't discussed that with Dalton.")
    assert names_under_subject(_subject(said, "senator"), names)
    called = nlp("In December, the prince called for Dalton to drop out of the race.")
    assert names_under_subject(_subject(called, "prince"), names)
    told = nlp("“It was very nice,” the tycoon told Reuters when asked if he had met Dalton.")
    assert names_under_subject(_subject(told, "tycoon"), names)


def test_what_the_subject_is_or_a_quoted_name_is_no_other_person() -> None:
    nlp = get_nlp()
    names = frozenset({"ray", "dalton"})
    assert not names_under_subject(_subject(nlp("The nominee is Ray Dalton."), "nominee"), names)
    assert not names_under_subject(_subject(nlp("The senator said “Dalton will win.”"), "senator"), names)
    # a name again as the subject of a finite clause of its own, or deep in a relative clause
    again = nlp("The governor often says: in his view, what Ray Dalton said in Ohio was wrong.")
    assert not names_under_subject(_subject(again, "governor"), names)
    deep = nlp("The governor left it to others, in a video that dwelled on the trials Dalton has faced.")
    assert not names_under_subject(_subject(deep, "governor"), names)
    assert not names_under_subject(_subject(nlp("Dalton's rival, the senator, spoke."), "senator"), names)


def test_a_subject_passed_over_for_naming_himself_leaves_the_speaker_unknown() -> None:
    art = analyze_text("Tom Whitaker spoke in Iowa on Monday. He said the race was tightening.\n\n"
                       "1:20 p.m.\n\n"
                       "Ray Dalton is making an impassioned case to a gathering of union leaders. Dalton is "
                       "outlining a litany of proposals on jobs and schools. He says if people want the old "
                       "politics, “you’ve got a very good candidate to vote for but it’s not Ray Dalton.”")
    assert speaker_name(art, "old politics") != "Tom Whitaker"
