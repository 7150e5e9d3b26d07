"""Q&A interviews: the answers are the interviewee's direct quotes.

A page that prints an interview as questions and answers ("Q: …" / "A: …", or "Question:" /
"Answer:") marks each answer by layout alone. The interviewee is named once, in the introduction
before the first question ("… spoke with Jane Doe", "in an interview with Doe", "we asked Doe"),
or talked with someone ("X sat down with us"); or asked as "him"/"her" after a name of that gender
("We've asked him to share …"), or addressed by name in the first question ("Q: Junior – …").
Each answer paragraph becomes a direct quote whose source is that mention; with no interviewee
found the answers keep no source ("speaker unknown", a low confidence: hidden by default) rather
than going to the nearest name. The questions are left to the other rules (the interviewer's
words are no quote, but a question may relay one).

Runs in the user profile only (``analyze``), like ``layout``: PolNeAR's texts carry no Q&A.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from saidwhat.analysis.attribution.layout import LAYOUT_SCORE
from saidwhat.analysis.attribution.model import Attribution
from saidwhat.analysis.first_names import name_list_gender
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


def _people(doc: Doc, intro_end: int) -> list[SpacySpan]:
    """The persons the introduction names: the tagger's PERSON entities, and runs of two or three
    capitalised proper nouns that open with a first name of the offline list ("Experience is
    thrilled to have Junior Gaspard …", which the small tagger does not take for a person)."""
    found = [e for e in doc.ents if e.label_ == "PERSON" and e.end_char <= intro_end]
    taken = {t.i for e in found for t in e}
    i = 0
    while i < len(doc) and doc[i].idx < intro_end:
        j = _run_end(doc, i)
        if j - i >= 2 and not taken & set(range(i, j)) and name_list_gender(doc[i].text) is not None \
                and doc[j - 1].idx + len(doc[j - 1]) <= intro_end:
            found.append(doc[i:j])
        i = max(j, i + 1)
    return sorted(found, key=lambda sp: sp.start)


# Longest run of proper nouns read as a person's name in an introduction.
MAX_NAME_WORDS = 3


def _run_end(doc: Doc, i: int) -> int:
    """The end of the run of capitalised proper nouns starting at ``i`` (at most ``MAX_NAME_WORDS``)."""
    j = i
    while j < len(doc) and j - i < MAX_NAME_WORDS and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
        j += 1
    return j


def _interviewed(tok: Token) -> bool:
    """Is ``tok`` the companion of an interview or a talk ("spoke with X", "an interview with
    X"), the one asked or interviewed ("we asked X"), or the one who talked to someone ("X sat
    down with us")?"""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_.lower() in _WITH_HEADS:
        return True
    if tok.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in _OBJECT_HEADS:
        return True
    return tok.dep_ == "nsubj" and head.lemma_.lower() in _WITH_HEADS and any(
        c.dep_ == "prep" and c.lower_ in ("with", "to") for c in head.children)


def _interviewee(doc: Doc, intro_end: int, first_question: str) -> SpacySpan | None:
    """The person the introduction says is interviewed (``_interviewed``), named or as a he/she
    when one person named before it has a first name of that gender on the offline list ("… to
    have Junior Gaspard as our new CEO. We've asked him to share some insights"); else the one the
    first question addresses by name ("Q: Junior – We are so excited …"). None when nothing says
    it: the only person the introduction names may be the topic, not the one who answers. Own
    fresh3 pages (development since session 17): one Q&A page whose 16 answers were hidden."""
    people = _people(doc, intro_end)
    for sp in people:
        if _interviewed(sp.root):
            return sp
    for tok in doc:
        if tok.idx >= intro_end:
            break
        if tok.lower_ in _THIRD_PERSON and _interviewed(tok):
            fits = {sp.text: sp for sp in people if sp.start < tok.i
                    and name_list_gender(sp[0].text) == _THIRD_PERSON[tok.lower_]}
            if len(fits) == 1:
                return next(iter(fits.values()))
            break
    addressed = _ADDRESSED.match(first_question)
    if addressed is not None:
        word = addressed.group(1)
        return next((sp for sp in people if word in (sp[0].text, sp[-1].text)), None)
    return None


_THIRD_PERSON = {"him": "male", "he": "male", "her": "female", "she": "female"}
# The name a question opens by addressing: "Junior – We are …", "Maria, what …".
_ADDRESSED = re.compile(r"([A-Z][a-z]+)\s*[–—,-]\s")


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
    who = _interviewee(doc, questions[0].start(), questions[0].group(3))
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
