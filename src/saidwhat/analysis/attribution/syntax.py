"""Reports marked by syntax alone, which the tagger (trained on PolNeAR) leaves out.

- parenthetical: "The key to its success, says Buser, is the network" / "In 1997, Elise wrote, she
  interviewed him": a verb of saying set off inside the sentence it reports (a parataxis in the
  parse); the rest of the sentence, in one or two parts, is the content;
- as-clause: "As iFixit points out in its teardown, the keyboard is identical to …": the sentence
  after the as-clause is the content;
- "according to" after the fact: "That's according to a new survey from Piper Jaffray." reports
  the sentence before it.

The verbs are the user profile's verbs of saying (``profile.SPEECH``). These rules run in the user
profile only (``analyze``), like the layout rules, and only where no attribution holds the same
words already.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from saidwhat.analysis.attribution.layout import is_free
from saidwhat.analysis.attribution.model import Attribution
from saidwhat.analysis.attribution.profile import SPEECH
from saidwhat.analysis.nlp import text_of
from saidwhat.schema import Span as CharSpan

# Score of a syntax-made attribution for the confidence model's tagger feature: below the
# layout quotes' 0.8 (the parse, not a quotation mark, delimits the content).
SYNTAX_SCORE = 0.7
# Fewest words a content made by these rules has ("it is" is no statement).
MIN_CONTENT_WORDS = 4
# Most words of a sentence that only points back ("That's according to a new survey from X").
MAX_POINTER_WORDS = 12
_POINTERS = frozenset({"that", "this"})


def _chars(toks: list[Token], min_words: int = MIN_CONTENT_WORDS) -> list[CharSpan]:
    """One character span over ``toks`` (edge punctuation off); empty below ``min_words`` words."""
    words = [t for t in toks if not t.is_space]
    while words and words[0].is_punct and words[0].text not in "\u201c\"":
        words.pop(0)
    while words and words[-1].is_punct and words[-1].text not in "\u201d\")":
        words.pop()
    if not words or sum(not t.is_punct for t in words) < min_words:
        return []
    return [(words[0].idx, words[-1].idx + len(words[-1]))]


def _speaker(verb: Token) -> Token | None:
    """The verb's subject. For a parenthetical, one after it ("says Buser") first, else one before
    it that opens the sentence or follows a comma (the parser also hangs the reported subject on
    the verb: "The main danger, says Varga, is …" has two subjects)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "parataxis":
        after = [c for c in subjects if c.i > verb.i]
        subjects = after or [c for c in subjects if c.i < verb.i and (c.left_edge.i == c.sent.start or (
            c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].text == ","))]
    subj = subjects[0] if subjects else None
    if subj is None or subj.lower_ in ("it", "there", "this", "that", "i", "we", "you"):
        return None
    return subj


def _attribution(content: list[CharSpan], verb: Token, subj: Token) -> Attribution:
    src = [t for t in subj.subtree if not t.is_punct or t.i < subj.right_edge.i]
    return Attribution(content=content, cue=[(verb.idx, verb.idx + len(verb))],
                       source=[(src[0].idx, src[-1].idx + len(src[-1]))], kind="indirect",
                       confidence=SYNTAX_SCORE)


def _parenthetical(sent: Span, verb: Token, subj: Token) -> list[CharSpan]:
    """The sentence around a parenthetical "says X" / "X wrote", without it (and its commas): one or
    two parts (the first may be empty: "Elise wrote, she …")."""
    doc = sent.doc
    lo, hi = min(verb.i, subj.left_edge.i), max(verb.i, subj.right_edge.i)
    while lo > sent.start and doc[lo - 1].is_punct:
        lo -= 1
    while hi + 1 < sent.end and doc[hi + 1].is_punct and doc[hi + 1].text not in ".!?":
        hi += 1
    before = _chars([t for t in sent if t.i < lo], 1)
    after = _chars([t for t in sent if t.i > hi], 1)
    words = sum(len(text_of(doc)[s:e].split()) for s, e in before + after)
    return before + after if after and words >= MIN_CONTENT_WORDS else []


def _as_clause(sent: Span, verb: Token) -> list[CharSpan]:
    """The main clause after a fronted 'As X notes, …'."""
    fronted = verb.left_edge.i <= sent.start + 2  # "As X notes", "But as X notes"
    if not fronted or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return []
    return _chars([t for t in sent if t.i > verb.right_edge.i])


def _pointer_back(doc: Doc, sent: Span) -> tuple[list[CharSpan], Token, Token] | None:
    """'That's according to X.': (the previous sentence of the paragraph, 'according', X)."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not words or words[0].lower_ not in _POINTERS or len(words) > MAX_POINTER_WORDS or sent.start == 0:
        return None
    acc = next((t for t in words if t.lower_ == "according"), None)
    to = acc.nbor(1) if acc is not None and acc.i + 1 < len(doc) else None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    prev = doc[sent.start - 1].sent
    if acc is None or pobj is None or "\n" in text_of(doc)[prev.end_char:sent.start_char]:
        return None
    content = _chars(list(prev))
    return (content, acc, pobj) if content else None


def syntax_reports(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """``atts`` plus the parenthetical, as-clause and pointing-back reports they miss, in text order."""
    out = list(atts)
    cues = {s for a in atts for s, _ in a.cue}
    for sent in doc.sents:
        for verb in sent:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in SPEECH or verb.idx in cues:
                continue
            subj = _speaker(verb)
            if subj is None:
                continue
            if verb.dep_ == "parataxis":
                content = _parenthetical(sent, verb, subj)
            elif verb.dep_ == "advcl":
                content = _as_clause(sent, verb)
            else:
                continue
            if content and all(is_free(out, s, e) for s, e in content):
                out.append(_attribution(content, verb, subj))
        back = _pointer_back(doc, sent)
        if back is not None and all(is_free(out, s, e) for s, e in back[0]):
            out.append(_attribution(back[0], back[1], back[2]))
    out.sort(key=lambda a: a.content[0])
    return out
