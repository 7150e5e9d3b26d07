"""Q&A interviews: the answers are the interviewee's direct quotes.

A page that prints an interview as questions and answers ("Q: …" / "A: …", or "Question:" /
"Answer:") marks each answer by layout alone. The interviewee is named once, in the introduction
before the first question ("… spoke with Jane Doe", "in an interview with Doe", "we asked Doe"),
or talked with someone ("X sat down with us"). Each answer paragraph becomes a direct quote whose
source is that mention; with no interviewee found the answers keep no source ("speaker unknown",
a low confidence: hidden by default) rather than going to the nearest name. The questions are
left to the other rules (the interviewer's words are no quote, but a question may relay one).

Runs in the user profile only (``analyze``), like ``layout``: PolNeAR's texts carry no Q&A.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from saidwhat.analysis.attribution.layout import LAYOUT_SCORE
from saidwhat.analysis.attribution.model import Attribution
from saidwhat.analysis.nlp import text_of

# "Q: …", "Q. …", "Question: …", and the same for answers, at a paragraph start.
_QA_LINE = re.compile(r"^[ \t]*(Q|A|Question|Answer)[ \t]*([:.])[ \t]+(\S[^\n]*)$", re.MULTILINE)
# A page is an interview when it has at least this many questions and this many answers: one
# "A." opening a paragraph is an initial ("A. Smith said"), two labelled pairs are a format.
MIN_PAIRS = 2
# Words whose object or companion is the person interviewed: "an interview with X", "spoke with
# X", "we asked X"; and verbs whose subject talked with someone: "X sat down with us".
_WITH_HEADS = frozenset({"interview", "conversation", "chat", "speak", "talk", "sit", "q&a", "discussion"})
_OBJECT_HEADS = frozenset({"interview", "ask", "question"})


def answer_label(text: str, cue: list[tuple[int, int]]) -> bool:
    """Is ``cue`` the colon or full stop of an answer's label ("A:", "Answer.") at a paragraph
    start? The confidence reads such an answer as standing beside its speaker: the layout ties
    it to the interviewee as closely as a transcript's name ties its line (``confidence.features``)."""
    if len(cue) != 1 or text[cue[0][0]:cue[0][1]] not in (":", "."):
        return False
    line_start = text.rfind("\n", 0, cue[0][0]) + 1
    return text[line_start:cue[0][0]].strip() in ("A", "Answer")


def _interviewee(doc: Doc, intro_end: int) -> SpacySpan | None:
    """The person the introduction says is interviewed: the companion of an interview or a talk
    ("spoke with X", "an interview with X"), the one asked or interviewed ("we asked X"), or the
    one who talked to someone ("X sat down with us"). None when the introduction does not say:
    the only person it names may be the topic, not the one who answers."""
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.end_char > intro_end:
            continue
        root, head = ent.root, ent.root.head
        if root.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_.lower() in _WITH_HEADS:
            return ent
        if root.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in _OBJECT_HEADS:
            return ent
        if root.dep_ == "nsubj" and head.lemma_.lower() in _WITH_HEADS and any(
                c.dep_ == "prep" and c.lower_ in ("with", "to") for c in head.children):
            return ent
    return None


def interview_quotes(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """``atts`` with each answer of a Q&A interview as the interviewee's direct quote. What the
    tagger found inside an answer with no source or a first-person one ("I think …") is the
    answer's own and gives way to it; a report the interviewee relays ("my father told me …")
    stays. Questions are left to the other rules: the interviewer's words are no quote, but a
    question may relay someone else's."""
    text = text_of(doc)
    lines = list(_QA_LINE.finditer(text))
    answers = [m for m in lines if m.group(1)[0] == "A"]
    questions = [m for m in lines if m.group(1)[0] == "Q"]
    if len(answers) < MIN_PAIRS or len(questions) < MIN_PAIRS:
        return atts
    who = _interviewee(doc, questions[0].start())
    source = [(who.start_char, who.end_char)] if who is not None else []
    out = list(atts)
    for m in answers:
        out = [a for a in out if not (_own(text, a) and _within(a, m.start(3), m.end(3)))]
        out.append(Attribution(content=[(m.start(3), m.end(3))], cue=[(m.start(2), m.end(2))],
                               source=list(source), kind="direct", confidence=LAYOUT_SCORE))
    out.sort(key=lambda a: a.content[0])
    return out


def _within(att: Attribution, start: int, end: int) -> bool:
    return all(start <= s and e <= end for s, e in att.content)


_FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})


def _own(text: str, att: Attribution) -> bool:
    """No source, or a first-person one: the words are the answering speaker's own."""
    words = " ".join(text[s:e] for s, e in att.source).lower().split()
    return not words or all(w in _FIRST_PERSON for w in words)
