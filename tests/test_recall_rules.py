"""Recall rules of the user profile (issue 9, session 6): sentences end at line breaks, a tagged
cue and source with no content take the cue's complement clause, and a report of a report gets
its outer attribution too.

The rules are tested on labels set by hand, so that what is under test is the rule, not the
tagger. Every sentence here is written for this test; none comes from an evaluation page.
"""

from __future__ import annotations

from saidwhat.analysis.attribution.extract import LEXICON_PATH, load_lexicon
from saidwhat.analysis.attribution.features import DocView
from saidwhat.analysis.attribution.model import Attribution
from saidwhat.analysis.attribution.profile import split_conjoined_reports
from saidwhat.analysis.attribution.rules import content_from_parse, nested_reports
from saidwhat.analysis.attribution.syntax import syntax_reports
from saidwhat.analysis.nlp import get_nlp


def _view(text: str) -> DocView:
    return DocView.build(get_nlp()(text), load_lexicon(str(LEXICON_PATH)))


def _label(v: DocView, labels: dict[int, str], words: str, role: str) -> None:
    """Label the tokens of the first occurrence of ``words`` with ``role`` (B- then I-)."""
    start = v.doc.text.index(words)
    toks = [t.i for t in v.doc if start <= t.idx < start + len(words) and not t.is_space]
    for k, i in enumerate(toks):
        labels[i] = ("B-" if k == 0 else "I-") + role


def _role_text(v: DocView, labels: dict[int, str], role: str) -> str:
    return " ".join(t.text for t in v.doc if labels.get(t.i, "O").endswith(role))


def test_line_break_starts_a_sentence() -> None:
    doc = get_nlp()("Harbour ferry fares rise in spring\n\nThe ferries will run later, said Ana Ruiz.")
    second = [s for s in doc.sents if "ferries" in s.text]
    assert second and second[0].text.startswith("The ferries")


def test_cue_and_source_without_content_take_the_complement_clause() -> None:
    v = _view("Dockworker Sam Okoro told the council that the cranes had been idle for a week.")
    labels: dict[int, str] = {}
    _label(v, labels, "Dockworker Sam Okoro", "SOURCE")
    _label(v, labels, "told", "CUE")
    probs = {i: 0.8 for i in labels}
    content_from_parse(v, labels, probs)
    assert _role_text(v, labels, "CONTENT") == "that the cranes had been idle for a week"


def test_fronted_clause_before_its_speaker_is_the_content() -> None:
    v = _view("The ferries will run an hour later from May, the harbour master said.")
    labels: dict[int, str] = {}
    _label(v, labels, "the harbour master", "SOURCE")
    _label(v, labels, "said", "CUE")
    content_from_parse(v, labels, {i: 0.8 for i in labels})
    assert _role_text(v, labels, "CONTENT") == "The ferries will run an hour later from May"


def test_complement_clause_is_not_taken_when_the_sentence_has_a_content() -> None:
    v = _view("The ferries will run later, the harbour master said.")
    labels: dict[int, str] = {}
    _label(v, labels, "The ferries will run later", "CONTENT")
    _label(v, labels, "the harbour master", "SOURCE")
    _label(v, labels, "said", "CUE")
    before = dict(labels)
    content_from_parse(v, labels, {i: 0.8 for i in labels})
    assert labels == before


def test_clause_without_a_finite_verb_is_no_content() -> None:
    v = _view("The mayor said nothing.")
    labels: dict[int, str] = {}
    _label(v, labels, "The mayor", "SOURCE")
    _label(v, labels, "said", "CUE")
    content_from_parse(v, labels, {i: 0.8 for i in labels})
    assert _role_text(v, labels, "CONTENT") == ""


def _att(text: str, content: str, cue: str, source: str) -> Attribution:
    """A hand-made indirect attribution (the tagger's output is not under test)."""
    def span(s: str) -> tuple[int, int]:
        i = text.index(s)
        return i, i + len(s)
    return Attribution(content=[span(content)], cue=[span(cue)], source=[span(source)])


def test_report_of_a_report_gets_the_outer_attribution() -> None:
    text = "Later, Okoro said he had warned the port about the cranes, Ruiz testified."
    v = _view(text)
    labels: dict[int, str] = {}
    _label(v, labels, "Okoro", "SOURCE")
    _label(v, labels, "said", "CUE")
    _label(v, labels, "he had warned the port about the cranes", "CONTENT")
    _label(v, labels, "Ruiz", "SOURCE")
    _label(v, labels, "testified", "CUE")
    inner = _att(text, "he had warned the port about the cranes", "said", "Okoro")
    outer = nested_reports(v, labels, {i: 0.8 for i in labels}, [inner])
    assert len(outer) == 1
    got = outer[0]
    outer_content = text[got.content[0][0]:got.content[-1][1]]
    assert outer_content == "Later, Okoro said he had warned the port about the cranes"
    assert text[got.source[0][0]:got.source[0][1]] == "Ruiz"
    assert text[got.cue[0][0]:got.cue[0][1]] == "testified"


def test_no_outer_attribution_without_an_inner_one() -> None:
    text = "The cranes had been idle for a week, Ruiz testified."
    v = _view(text)
    labels: dict[int, str] = {}
    _label(v, labels, "Ruiz", "SOURCE")
    _label(v, labels, "testified", "CUE")
    assert nested_reports(v, labels, {i: 0.8 for i in labels}, []) == []


def _texts(text: str, atts: list[Attribution]) -> list[tuple[str, str]]:
    return [(" ".join(text[s:e] for s, e in a.content), " ".join(text[s:e] for s, e in a.cue)) for a in atts]


def test_second_verb_of_saying_is_a_report_of_its_own() -> None:
    text = "The union said the talks had stalled and urged its members to reject the offer."
    att = _att(text, "the talks had stalled and urged its members to reject the offer", "said", "The union")
    parts = split_conjoined_reports(get_nlp()(text), [att])
    assert _texts(text, parts) == [("the talks had stalled", "said"),
                                   ("its members to reject the offer", "urged")]
    assert all(text[p.source[0][0]:p.source[0][1]] == "The union" for p in parts)


def test_acts_of_the_reported_speaker_stay_one_content() -> None:
    text = "The clerk said the driver shouted at him and demanded a refund."
    content = "the driver shouted at him and demanded a refund"
    att = _att(text, content, "said", "The clerk")
    assert _texts(text, split_conjoined_reports(get_nlp()(text), [att])) == [(content, "said")]


def _reports(text: str) -> list[tuple[str, str, str]]:
    """(content, cue, source) of the syntax reports of ``text`` (no tagger output given)."""
    out = []
    for a in syntax_reports(get_nlp()(text), []):
        out.append((" | ".join(text[s:e] for s, e in a.content), text[a.cue[0][0]:a.cue[0][1]],
                    text[a.source[0][0]:a.source[0][1]]))
    return out


def test_parenthetical_verb_of_saying_reports_the_sentence_around_it() -> None:
    text = "The main danger, says Ines Varga, is the old wiring in the station."
    assert _reports(text) == [("The main danger | is the old wiring in the station", "says", "Ines Varga")]


def test_as_clause_reports_the_main_clause() -> None:
    text = "As the auditors point out in their letter, the station has no working fire alarm."
    assert _reports(text) == [("the station has no working fire alarm", "point", "the auditors")]


def test_according_to_after_the_fact_reports_the_sentence_before() -> None:
    text = "Most riders now pay by phone. That's according to a survey from the transit board."
    expected = ("Most riders now pay by phone", "according", "a survey from the transit board")
    assert _reports(text) == [expected]


def test_a_sentence_without_a_parenthetical_gets_no_report() -> None:
    assert _reports("The station, which opened in 1961, has no working fire alarm.") == []
