"""Rows a reader would not call a quote (issue 9, seventh round): each rule on sentences of its own.

Every sentence here is written for this test; none comes from an evaluation page.
"""

from __future__ import annotations

from saidwhat.analysis import analyze_text
from saidwhat.analysis.attribution import Attribution
from saidwhat.analysis.attribution.profile import judge, user_profile
from saidwhat.analysis.attribution.spans import clause_extent, merge_continued_quotes
from saidwhat.analysis.nlp import get_nlp


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def test_a_letter_salutation_names_the_addressee_not_the_writer() -> None:
    text = ("DEAR MARGO: My neighbour parks his van across my driveway every Sunday morning.\n\n"
            "DEAR BLOCKED IN: Leave a polite note on his windscreen before you call the council.")
    doc = get_nlp()(text)
    for body, name in (("My neighbour parks", "DEAR MARGO"), ("Leave a polite note", "DEAR BLOCKED IN")):
        line = text[text.index(body):].split("\n")[0]
        colon = text.index(name) + len(name)
        att = Attribution(content=[_span(text, line)], cue=[(colon, colon + 1)],
                          source=[_span(text, name)], kind="direct")
        assert judge(doc, att).drop == "letter salutation"
    assert analyze_text(text, min_confidence=0.0).quotes == []


def test_a_transcript_line_is_still_a_quote() -> None:
    text = "MORGAN: We will reopen the mill in the spring, and nobody will lose a job."
    assert [q.text for q in analyze_text(text, min_confidence=0.0).quotes] == [
        "We will reopen the mill in the spring, and nobody will lose a job."]


def _judged(text: str, content: str, cue: str, source: str) -> str | None:
    """The drop reason for a hand-made indirect attribution (the tagger's output is not under test)."""
    att = Attribution(content=[_span(text, content)], cue=[_span(text, cue)], source=[_span(text, source)],
                      kind="indirect")
    return judge(get_nlp()(text), att).drop


def test_an_object_followed_by_the_verbs_adjuncts_is_no_statement() -> None:
    text = ("The caretaker posted the rota last Monday on the door of the boiler room, "
            "where the night staff sign in.")
    assert _judged(text, "the rota last Monday on the door of the boiler room, where the night staff sign in",
                   "posted", "The caretaker") == "act, not a statement"


def test_a_verb_coordinated_with_the_cue_is_no_content() -> None:
    text = "The chef ordered two crates of lemons from a farm near Palermo and served them with the fish."
    assert _judged(text, "two crates of lemons from a farm near Palermo and served them with the fish",
                   "ordered", "The chef") == "act, not a statement"
    text = "The mayor bragged about his record on potholes and drew jeers from the gallery."
    assert _judged(text, "his record on potholes and drew jeers from the gallery",
                   "bragged about", "The mayor") == "act, not a statement"


def test_a_reported_clause_stays_a_statement() -> None:
    text = "The caretaker wrote that the boiler room would stay locked until the inspection."
    assert _judged(text, "the boiler room would stay locked until the inspection", "wrote",
                   "The caretaker") is None
    text = "The mayor bragged that potholes were down by half and thanked the road crews."
    assert _judged(text, "potholes were down by half", "bragged", "The mayor") is None


def test_evidence_from_a_thing_is_no_report() -> None:
    text = "The skid marks on the road suggest that the driver braked far too late."
    assert _judged(text, "that the driver braked far too late", "suggest",
                   "The skid marks on the road") == "evidence from a thing"
    text = "The dashcam footage shows that the bus swerved into the wrong lane."
    assert _judged(text, "that the bus swerved into the wrong lane", "shows",
                   "The dashcam footage") == "evidence from a thing"


def test_research_records_and_named_tests_stay_sources() -> None:
    text = "Early research suggests that the drug lowers blood pressure in older patients."
    assert _judged(text, "that the drug lowers blood pressure in older patients", "suggests",
                   "Early research") is None
    text = "Tests by the county laboratory revealed that the well water was safe to drink."
    assert _judged(text, "that the well water was safe to drink", "revealed",
                   "Tests by the county laboratory") is None
    text = "Local farmers say the drought shows that the canal must be rebuilt."
    assert _judged(text, "the canal must be rebuilt", "say", "Local farmers") is None


def test_a_split_report_does_not_repeat_the_taggers_row() -> None:
    text = "The ministry said it regretted the vote and said it would appeal to the high court."
    second = text.rindex("said")
    both = "it regretted the vote and said it would appeal to the high court"
    whole = Attribution(content=[_span(text, both)],
                        cue=[_span(text, "said")], source=[_span(text, "The ministry")], kind="indirect")
    tagged = Attribution(content=[_span(text, "it would appeal to the high court")],
                         cue=[(second, second + 4)], source=[_span(text, "The ministry")], kind="indirect")
    kept, _ = user_profile(get_nlp()(text), [whole, tagged])
    assert sorted(text[a.content[0][0]:a.content[0][1]] for a in kept) == [
        "it regretted the vote", "it would appeal to the high court"]


def test_a_quotation_continues_past_the_reports_of_its_cue_sentence() -> None:
    text = ('"The roof leaks in every classroom," Ortega told the board, pressing for a repair fund. '
            '"Our pupils deserve dry desks."')
    src = [_span(text, "Ortega")]
    first = Attribution(content=[_span(text, '"The roof leaks in every classroom,"')],
                        cue=[_span(text, "told")], source=src, kind="direct")
    pressed = Attribution(content=[_span(text, "a repair fund")], cue=[_span(text, "pressing for")],
                          source=src, kind="indirect")
    second = Attribution(content=[_span(text, '"Our pupils deserve dry desks."')], cue=[], source=src,
                         kind="direct")
    merged = merge_continued_quotes(get_nlp()(text), [first, pressed, second])
    assert [len(a.content) for a in merged] == [2, 1]


def test_observing_a_thing_is_no_statement() -> None:
    text = "The astronomers observed the comet for nine nights in a row."
    assert _judged(text, "the comet for nine nights in a row", "observed",
                   "The astronomers") == "object, not a statement"
    text = "The astronomers observed that the comet had lost its tail."
    assert _judged(text, "that the comet had lost its tail", "observed", "The astronomers") is None


def test_a_belief_inside_another_quote_is_the_quoted_speakers_words() -> None:
    text = "When parents don't realise the danger, toddlers may swallow the pills, the nurse added."
    said = "When parents don't realise the danger, toddlers may swallow the pills"
    outer = Attribution(content=[_span(text, said)],
                        cue=[_span(text, "added")], source=[_span(text, "the nurse")], kind="indirect")
    inner = Attribution(content=[_span(text, "the danger, toddlers may swallow the pills")],
                        cue=[_span(text, "don't realise")], source=[_span(text, "parents")], kind="indirect")
    kept, _ = user_profile(get_nlp()(text), [outer, inner])
    assert [a.cue for a in kept] == [outer.cue]


def test_an_infinitive_of_purpose_or_difficulty_states_nothing() -> None:
    text = "To confirm the leak, the plumbers filled the tank with dyed water overnight."
    assert _judged(text, "the leak", "To confirm", "the plumbers") == "purpose or difficulty, not a statement"
    text = "It is hard to describe how the old organ sounds after the repairs."
    assert _judged(text, "how the old organ sounds after the repairs", "describe",
                   "It") == "purpose or difficulty, not a statement"


def test_an_infinitive_that_reports_stays_a_statement() -> None:
    text = "The coach went on to say that the team would train twice a day."
    assert _judged(text, "that the team would train twice a day", "say", "The coach") is None
    text = "The coach was quick to point out that the pitch had been waterlogged."
    assert _judged(text, "that the pitch had been waterlogged", "point out", "The coach") is None


def _extent(text: str, content: str, cue: str) -> str | None:
    att = Attribution(content=[_span(text, content)], cue=[_span(text, cue)], source=[], kind="indirect")
    span = clause_extent(get_nlp()(text), att)
    return None if span is None else text[span[0][0]:span[0][1]]


def test_a_content_ends_where_an_adverbial_clause_of_the_cue_begins() -> None:
    text = "The band announced a spring tour while closing their final concert in Leeds."
    assert _extent(text, "a spring tour while closing their final concert in Leeds",
                   "announced") == "a spring tour"


def test_an_object_keeps_its_complement_and_is_never_extended() -> None:
    text = "The union touted the deal as a victory for nurses across the region."
    assert _extent(text, "the deal as a victory for nurses across the region", "touted") is None
    text = "The council condemned the decision taken by the board on Monday."
    assert _extent(text, "the decision", "condemned") is None


def test_a_quoted_title_quotes_no_ones_words() -> None:
    text = "The critic wrote about similar plot holes in her column “Second Reels” last spring."
    assert _judged(text, "similar plot holes in her column “Second Reels” last spring", "wrote about",
                   "The critic") == "act, not a statement"
    text = "The critic wrote about the “frankly unwatchable” second act of the film."
    assert _judged(text, "the “frankly unwatchable” second act of the film", "wrote about",
                   "The critic") is None


def test_what_someone_would_say_is_imagined() -> None:
    text = "As my grandmother would say, the proof of the pudding is in the eating."
    assert _judged(text, "the proof of the pudding is in the eating", "would say",
                   "my grandmother") == "hypothetical"
    text = "Every winter his editors would ask him to cut the last chapter."
    assert _judged(text, "him to cut the last chapter", "would ask", "his editors") != "hypothetical"


def test_a_quotation_in_an_adverbial_clause_is_not_cut_off() -> None:
    # newswire style: doubled apostrophes are quotation marks like any other
    text = ("The mayor hardly settled the matter, calling the audit a gift -- ''It proves us right'' -- "
            "before she left the room.")
    assert _extent(text, "the matter, calling the audit a gift -- ''It proves us right''", "settled") is None
    text = "The mayor hardly settled the matter, calling the audit a gift before she left the room."
    assert _extent(text, "the matter, calling the audit a gift", "settled") == "the matter"


def test_a_content_cut_across_a_quotation_is_no_utterance() -> None:
    text = ("The advert ends with a clip of the senator saying, “We never lose,” when his rival "
            "mocked him for the defeat.")
    assert _judged(text, "We never lose,” when his rival mocked him for the defeat", "ends",
                   "The advert") == "cut across a quotation"
    assert _judged(text, "“We never lose,”", "saying", "the senator") != "cut across a quotation"
    text = "The senator said the result was “a clear mandate” and that he would govern for all."
    assert _judged(text, "the result was “a clear mandate” and that he would govern for all", "said",
                   "The senator") != "cut across a quotation"
