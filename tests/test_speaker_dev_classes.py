"""Speakers of the session 37 rules, written from the speaker errors the PolNeAR dev identity benchmark
showed in its largest actors (so the dev figure is no held-out measure for them; see docs/corpus.md):
a bare surname is not a bearer named only as a relative or only as someone acted on, a verb of saying
that opens its sentence takes the name after it, a report's "that" clause is the report's, a "who
said" the tagger took into its cue is said by the noun it refers to, a quotation with no cue follows
the person its own paragraph leads with, a he/she beside a relative's clause is that relative's, and
a he/she in an aside right after a name is that person's.

Every sentence here is written for this test; none comes from an evaluation page.
"""

from __future__ import annotations

from spacy.tokens import Doc

from quote_texts import speaker_name  # tests/ is on sys.path (rootdir conftest)
from saidwhat.analysis import analyze_text
from saidwhat.analysis.attribution.assemble import (
    TSpan,
    _inverted_source,
    _lead_subject,
    _relative_speaker,
    _report_author,
)
from saidwhat.analysis.attribution.features import DocView
from saidwhat.analysis.attribution.speaker.pronouns import _kin_subject_before, _name_before_aside
from saidwhat.analysis.nlp import get_nlp
from saidwhat.schema import Actor


def _view(text: str) -> tuple[DocView, list[str]]:
    doc = get_nlp()(text)
    return DocView.build(doc, {}), [t.text for t in doc]


def _words(v: DocView, span: tuple[int, int] | None) -> str | None:
    return None if span is None else " ".join(v.text[span[0]:span[1]])


def _person(doc: Doc, name: str, *texts: str) -> Actor:
    text = doc.text
    spans = [(text.index(t), text.index(t) + len(t)) for t in texts]
    return Actor(id=name, name=name, kind="person", mentions=spans)


def test_a_surname_is_not_the_bearer_named_as_a_relative() -> None:
    art = analyze_text("Former Governor Tom Hadley campaigned in Dayton on Monday for his wife "
                       "Ellen Hadley.\n\n"
                       "During the rally, the former governor said the plan had failed.\n\n"
                       "“It does not work for families,” Hadley said.")
    assert speaker_name(art, "It does not work for families") == "Tom Hadley"


def test_a_surname_is_not_a_bearer_only_acted_on() -> None:
    art = analyze_text("Senator Victor Kroll spoke in Austin. Kroll said he would not endorse Mr. Grant. "
                       "Kroll criticized Grant for months.\n\n"
                       "Grant also mocked a photo of Nadia Kroll.\n\n"
                       "“I do not support people who attack my family,” Kroll said in July.")
    assert speaker_name(art, "attack my family") == "Victor Kroll"


def test_a_sentence_opening_said_takes_the_name_the_tagger_put_in_its_cue() -> None:
    v, w = _view("What’s more, Governor Dale Pruitt has ignored the issue. Said Ellis: “I don’t get the "
                 "sense he is interested in reform.”")
    said = w.index("Said")
    assert _words(v, _inverted_source(v, TSpan("CUE", said, said + 3))) == "Ellis"
    # a verb inside its sentence is no inverted cue: "Pruitt said Quint was wrong"
    v, w = _view("Pruitt said Quint was wrong about the plan.")
    said = w.index("said")
    assert _inverted_source(v, TSpan("CUE", said, said + 2)) is None


def test_a_reports_that_clause_is_the_body_that_reported() -> None:
    v, w = _view("Senator Ann Fowler is seizing upon a Daily Ledger report that Governor Bo Reyes lost more "
                 "than $90 million in 2004.")
    cue = TSpan("CUE", w.index("is"), w.index("report") + 1)
    content = TSpan("CONTENT", w.index("that"), w.index("2004") + 1)
    assert _words(v, _report_author(v, cue, [content])) == "Daily Ledger"
    # a report with no named body behind it names no one: "seizing upon a report that …"
    v, w = _view("Senator Ann Fowler is seizing upon a report that Governor Bo Reyes lost more than "
                 "$90 million.")
    cue = TSpan("CUE", w.index("is"), w.index("report") + 1)
    content = TSpan("CONTENT", w.index("that"), w.index("million") + 1)
    assert _report_author(v, cue, [content]) is None


def test_a_who_said_the_tagger_put_in_its_cue_is_the_nouns() -> None:
    v, w = _view("Ruiz was defensive when forced to defend not paying an architect who said he was stiffed "
                 "after he designed a clubhouse.")
    cue = TSpan("CUE", w.index("was"), w.index("said") + 1)
    content = TSpan("CONTENT", w.index("he"), w.index("clubhouse") + 1)
    assert _words(v, _relative_speaker(v, cue, [content])) == "an architect"
    # the cue's own verb with its own subject is no relative clause
    v, w = _view("Ruiz said he was stiffed after he designed a clubhouse.")
    cue = TSpan("CUE", w.index("said"), w.index("said") + 1)
    content = TSpan("CONTENT", w.index("he"), w.index("clubhouse") + 1)
    assert _relative_speaker(v, cue, [content]) is None


def test_a_quotation_with_no_cue_follows_the_person_named_as_its_paragraphs_subject() -> None:
    text = ("On Sunday, Sen. Lena Marsh (Vt.), who lost the primaries to Olsen, identified young voters' "
            "exhaustion with bigotry as one of the reasons to vote. “Young people are sick and tired of "
            "discrimination.”")
    v, w = _view(text)
    content = TSpan("CONTENT", w.index("“"), len(w))
    assert [text[s:e] for s, e in _lead_subject(v, content)] == ["Lena Marsh"]
    # a subject that is no person's name leads no one in: "The crowd cheered."
    v, w = _view("The crowd cheered loudly at the end. “Young people are sick and tired of discrimination.”")
    assert _lead_subject(v, TSpan("CONTENT", w.index("“"), len(w))) == []


def test_a_pronoun_beside_a_relatives_clause_is_no_one_named_before() -> None:
    doc = get_nlp()("Like Governor Ross Vint, I trust voters. My mother has softened with age, but even now "
                    "she still says things such as, “We are not all meant to be equal.”")
    she = next(t for t in doc if t.lower_ == "she")
    vint = _person(doc, "Ross Vint", "Governor Ross Vint")
    assert _kin_subject_before(she, vint)
    mother = _person(doc, "my mother", "My mother")
    assert not _kin_subject_before(she, mother)


def test_a_pronoun_in_an_aside_right_after_a_name_is_that_persons() -> None:
    doc = get_nlp()("“I doubt it,” said Mara Quint. But some note that Pruitt — even as he says his record "
                    "makes him qualified — has proposed little.")
    he = next(t for t in doc if t.lower_ == "he")
    pruitt = _person(doc, "Dale Pruitt", "Pruitt")
    quint = _person(doc, "Mara Quint", "Mara Quint")
    assert _name_before_aside(he, [quint, pruitt]) is pruitt
    # no dash or parenthesis before the pronoun's clause: no aside
    doc = get_nlp()("“I doubt it,” said Mara Quint. Pruitt met donors, and he says his record is good.")
    he = next(t for t in doc if t.lower_ == "he")
    pruitt = _person(doc, "Dale Pruitt", "Pruitt")
    assert _name_before_aside(he, [pruitt]) is None
