"""Rows a reader would not call a quote (issue 9, seventh round): each rule on sentences of its own.

Every sentence here is written for this test; none comes from an evaluation page.
"""

from __future__ import annotations

from saidwhat.analysis import analyze_text
from saidwhat.analysis.attribution import Attribution
from saidwhat.analysis.attribution.profile import judge
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
