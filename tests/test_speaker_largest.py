"""Speakers of the session 36 rules, from judged speakers of the largest actors on PolNeAR train text no
CRF had seen: a he/she that carries on a sentence says its person's gender against the first-name
list, a pronoun in a fronted prepositional phrase is the main subject's, a he/she already speaking in
the sentence carries it past a name between, and a person an outlet owns through a bare possessive
apostrophe speaks, not the outlet.

Every sentence here is written for this test; none comes from an evaluation page.
"""

from __future__ import annotations

from spacy.tokens import Span

from quote_texts import speaker_name  # tests/ is on sys.path (rootdir conftest)
from saidwhat.analysis import analyze_text
from saidwhat.analysis.actors.mentions.names import _possessed_person
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
