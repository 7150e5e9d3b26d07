"""Q&A interviews (``attribution/interview.py``): the answers are the interviewee's direct quotes.
Every text here is written for this test; none comes from an evaluation page.
"""

from __future__ import annotations

from saidwhat.analysis.pipeline import analyze_text
from saidwhat.schema import AnalyzedArticle

INTRO = ("Marta Olsen has kept the Skerry Point light for twenty-two years. We spoke with Olsen about "
         "storms, solitude and the automation that will end her job next spring.\n\n")
QA = ("Q: How did you come to the lighthouse?\n\n"
      "A: My father kept it before me, and I had grown up on the rocks, so I said yes.\n\n"
      "Q: What is the hardest part of the work?\n\n"
      "A: The winter storms. I think the generator always fails on the worst night of the year.\n\n"
      "Q. Will you miss it?\n\n"
      "A. I will miss the quiet, but my brother told me the new lamp is brighter than ours.\n")


def _rows(art: AnalyzedArticle) -> list[tuple[str, str | None, float]]:
    names = {a.id: a.name for a in art.actors}
    return [(q.text, names.get(q.speaker.actor or ""), q.confidence) for q in art.quotes]


def test_answers_are_the_interviewees_and_shown() -> None:
    rows = _rows(analyze_text(INTRO + QA, min_confidence=0.35))
    answers = [r for r in rows if r[0].startswith(("My father kept", "The winter storms", "I will miss"))]
    assert len(answers) == 3
    assert all(name == "Marta Olsen" for _, name, _ in answers)
    assert not any(r[0].startswith(("How did you", "What is the hardest")) for r in rows)  # questions


def test_a_report_relayed_inside_an_answer_stays_and_first_person_belief_gives_way() -> None:
    rows = _rows(analyze_text(INTRO + QA, min_confidence=0.0))
    assert any("the new lamp is brighter" in text and name != "Marta Olsen" for text, name, _ in rows)
    assert not any(text.startswith("the generator always fails") for text, _, _ in rows)  # "I think"


def test_no_interviewee_named_leaves_the_answers_unknown_and_hidden() -> None:
    intro = ("The council and the harbour board disagree about the light. Marta Olsen and Per Dahl both "
             "applied for the post last year.\n\n")
    art = analyze_text(intro + QA, min_confidence=0.0)
    answers = [q for q in art.quotes if q.text.startswith(("My father kept", "The winter storms"))]
    assert len(answers) == 2
    assert all(q.speaker.actor is None and q.confidence < 0.35 for q in answers)


def test_one_labelled_pair_is_not_an_interview() -> None:
    text = INTRO + ("Q: How did you come to the lighthouse?\n\n"
                    "A: My father kept it before me, so I stayed on.\n")
    rows = _rows(analyze_text(text, min_confidence=0.0))
    assert not any(r[0].startswith("My father kept it before me, so") for r in rows)


def test_the_one_who_sat_down_with_us_is_the_interviewee() -> None:
    intro = ("The light at Skerry Point will be automated next spring. Marta Olsen sat down with us "
             "before her last winter there.\n\n")
    rows = _rows(analyze_text(intro + QA, min_confidence=0.35))
    assert [name for text, name, _ in rows if text.startswith("The winter storms")] == ["Marta Olsen"]


def test_the_person_of_that_gender_asked_as_him_or_her_is_the_interviewee() -> None:
    intro = ("The harbour board is glad to welcome Ingrid Halvorsen as the new keeper of Skerry Point. "
             "We asked her about the work ahead.\n\n")
    rows = _rows(analyze_text(intro + QA, min_confidence=0.35))
    assert [name for text, name, _ in rows if text.startswith("The winter storms")] == ["Ingrid Halvorsen"]


def test_a_him_or_her_with_two_people_of_that_gender_named_before_decides_nothing() -> None:
    intro = ("Ingrid Halvorsen takes over Skerry Point from Marta Olsen this winter. "
             "We asked her about the work ahead.\n\n")
    art = analyze_text(intro + QA, min_confidence=0.0)
    answers = [q for q in art.quotes if q.text.startswith("The winter storms")]
    assert len(answers) == 1 and answers[0].speaker.actor is None


def test_the_person_the_first_question_addresses_is_the_interviewee() -> None:
    intro = "Ingrid Halvorsen takes over Skerry Point from Per Dahl this winter.\n\n"
    first = "Q: How did you come to the lighthouse?"
    qa = "Q: Ingrid – welcome! How did you come to the lighthouse?" + QA[len(first):]
    rows = _rows(analyze_text(intro + qa, min_confidence=0.35))
    assert [name for text, name, _ in rows if text.startswith("The winter storms")] == ["Ingrid Halvorsen"]


def test_a_short_title_case_answer_is_an_answer_not_a_headline() -> None:
    qa = QA + "\nQ: Favourite book?\n\nA: Moby Dick\n\nQ: Favourite place?\n\nA: Skerry Point In Winter\n"
    rows = _rows(analyze_text(INTRO + qa, min_confidence=0.35))
    assert [name for text, name, _ in rows if text.startswith(("Moby Dick", "Skerry Point In"))] \
        == ["Marta Olsen", "Marta Olsen"]
