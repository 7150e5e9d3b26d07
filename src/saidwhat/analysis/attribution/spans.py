"""Content spans as a reader delimits them (user profile only).

The tagger's content runs are learnt on PolNeAR, whose spans often stop short of the reported
clause's end or run on into the next clause. A reader (and the wild-page guidelines) wants:

- for reported speech, the whole reported clause under the cue, and nothing past it
  ("After X suggested [that he was murdered], Y told lawmakers …" stops at "murdered");
- for "called X 'Y'" / "described X as 'Y'", the quoted label;
- for a quotation that runs over two paragraphs (no closing mark at the end of the first,
  an opening mark starting the next), one quote in two parts; likewise the next quotation of a
  paragraph by the same source ("“…,” she said, adding, “…”").

Each repair is a general rule on English syntax and punctuation, tested on a sentence of its own in
``tests/test_quote_quality.py``; ``saidwhat attributions`` (the PolNeAR profile) keeps the
tagger's spans, which PolNeAR's scorer measures.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from saidwhat.analysis.attribution.model import Attribution
from saidwhat.analysis.nlp import text_of
from saidwhat.schema import Span

# Dependency labels by which a reported clause hangs on the cue word. An object ("dobj") is
# never extended, only cut before an adverbial clause or a coordinated verb of the cue ("called
# him Mike", "touted the plan as …" carry their complement beside the object, and keep it).
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "pcomp"})
# How many heads up from the content's root the cue word may be ("that [no checks] were made":
# checks → made → alleged).
_MAX_CLIMB = 3
# Verbs that name with a quoted label ("called the plan 'a disaster'"): the label is what was said.
LABEL_VERBS = frozenset({"call", "describe", "label", "dub", "term", "brand", "characterize",
                         "characterise"})
# The longest object before a quoted label ("the rise in prices" as "…").
MAX_OBJECT_WORDS = 5
# A quotation: an opening mark, no other mark, a closing mark (linear: no nested repetition).
_QUOTED = re.compile(r"[\u201c\"]([^\u201c\u201d\"]+)[\u201d\"]")
_TRIM_PUNCT = ".,;:!?\u2014\u2013- \n"
# The longest quoted label taken as the whole content (words); longer quotations are statements.
MAX_LABEL_WORDS = 12
# Punctuation after which a reported clause goes on ("… enough: that is, …").
_CONTINUING = frozenset({":", ";", "\u2014", "\u2013", "-", "--"})
QUOTE_MARKS = frozenset({"\u201c", "\u201d", '"', "\u00ab", "\u00bb"})
# Quotation marks as the tokenizer gives them: also the doubled apostrophes and backquotes of
# typewriter and newswire style ("''That makes me smart''", PolNeAR's New York Times texts).
_QUOTE_TOKENS = QUOTE_MARKS | {"''", "``"}
_OPENING = ("\u201c", '"', "\u00ab")
_CLOSING = ("\u201d", '"', "\u00bb")


def _tokens(doc: Doc, spans: list[Span]) -> list[Token]:
    out: list[Token] = []
    for s, e in spans:
        sp = doc.char_span(s, e, alignment_mode="expand")
        if sp is not None:
            out.extend(t for t in sp if not t.is_space)
    return out


def _governing_clause(tok: Token, cue_ids: set[int]) -> Token | None:
    """The clause (or object) that ``tok`` belongs to and that hangs on a cue word."""
    t = tok
    for _ in range(_MAX_CLIMB):
        if t.head.i == t.i:
            return None
        if t.head.i in cue_ids:
            return t if t.dep_ in CLAUSE_DEPS or t.dep_ == "dobj" else None
        t = t.head
    return None


def _char_range(doc: Doc, first: Token, last: Token) -> Span | None:
    """Characters from ``first`` to ``last``, edges trimmed of punctuation and conjunctions."""
    toks = [t for t in doc[first.i:last.i + 1] if not t.is_space]
    while toks and (toks[-1].is_punct or toks[-1].pos_ == "CCONJ"):
        toks.pop()
    while toks and (toks[0].is_punct and toks[0].text not in _OPENING):
        toks.pop(0)
    if not toks or "\n" in text_of(doc)[toks[0].idx:toks[-1].idx + len(toks[-1])]:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _quoted_at(text: str, start: int, pos: int) -> bool:
    """Is ``pos`` inside a quotation that opened after ``start``?"""
    before = text[start:pos]
    curly = before.count("\u201c") - before.count("\u201d")
    return curly > 0 or before.count('"') % 2 == 1


def _main_clause_after(tok: Token, cue_head: Token) -> bool:
    """Does ``tok`` (past the reported clause) belong to another clause than the cue's: outside
    the cue word's subtree ("After X suggested …, Y told"), in a verb coordinated with it
    ("promised to …, and hammered …"), or in an adverbial clause of the cue ("announced the tour
    while closing their concert", "told lawmakers it was his duty, as he deflected …")?"""
    t = tok
    while t.i != t.head.i:
        if t.head.i == cue_head.i:
            return t.dep_ in ("conj", "advcl")
        t = t.head
    return True


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _clause_right(clause: Token) -> Token:
    """The reported clause's last token. An infinitive ("promised to protect X and hammered Y")
    cannot be coordinated with a finite verb: the parser's conjunct belongs to the cue's clause, so
    the infinitive ends before it."""
    right = clause.right_edge
    if clause.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return right
    finite = [c for c in clause.children if c.dep_ == "conj" and c.tag_ in _FINITE_TAGS]
    if not finite:
        return right
    end = finite[0].left_edge.i - 1
    while end > clause.i and (clause.doc[end].is_punct or clause.doc[end].dep_ == "cc"):
        end -= 1
    return clause.doc[end]


def _clause_end(content: list[Token], clause: Token, cue_head: Token) -> Token | None:
    """Where the reported clause ends: extended when the tagger stopped inside it, cut when
    its run went on into another clause; None when the tagger's end stays."""
    last = content[-1]
    right = clause.doc[min(_clause_right(clause).i, last.sent.end - 1)]
    if right.i > last.i:
        nxt = clause.doc[last.i + 1]
        return right if not (nxt.is_punct or nxt.is_space) else None
    beyond = [t for t in content if t.i > right.i]
    words = [t for t in beyond if not t.is_punct]
    if not words or beyond[0].text in _CONTINUING or any(t.text in _QUOTE_TOKENS for t in beyond):
        return None  # "…: that is, …" goes on; a quotation is never cut off
    return right if _main_clause_after(words[0], cue_head) or right.i < clause.right_edge.i else None


def clause_extent(doc: Doc, att: Attribution) -> list[Span] | None:
    """The reported clause after the cue, to its end: extends a content the tagger cut short
    inside the clause and cuts one that runs on into another clause. None when nothing changes:
    a content before its cue, one that hangs on no cue word, spans sentences, or would be cut
    inside a quotation."""
    if att.kind == "direct" or not att.cue or len(att.content) != 1:
        return None
    content = _tokens(doc, list(att.content))
    cue = _tokens(doc, list(att.cue))
    if not content or not cue or content[0].i < cue[0].i or len({t.sent.start for t in content}) > 1:
        return None
    cue_ids = {t.i for t in cue}
    inside = {t.i for t in content}
    clause = next((c for t in content if t.head.i not in inside
                   for c in [_governing_clause(t, cue_ids)] if c is not None), None)
    if clause is None:
        return None
    end = _clause_end(content, clause, clause.head)
    if end is None or (clause.dep_ == "dobj" and end.i > content[-1].i):
        return None  # an object is only cut where an adverbial clause or coordinated verb begins
    span = _char_range(doc, content[0], end)
    if span is None or _quoted_at(text_of(doc), att.content[0][0], span[1]):
        return None
    return [span]


def after_semicolon(doc: Doc, att: Attribution) -> list[Span] | None:
    """'The merger may not change the trend; Reed has said that he expects …': a reported content
    does not reach back over a semicolon before its cue (the clause before it is the author's).
    The parts before the cue and the semicolon are dropped; None when nothing changes."""
    if att.kind == "direct" or not att.cue or len(att.content) < 2:
        return None
    cue_start = att.cue[0][0]
    text = text_of(doc)
    kept = [(s, e) for s, e in att.content if not (e <= cue_start and ";" in text[e:cue_start])]
    if len(kept) == len(att.content) or not kept:
        return None
    return kept


def label_only(doc: Doc, att: Attribution, cue_lemma: str) -> list[Span] | None:
    """'called his plan "a disaster" in a speech': the quoted label, when the cue names."""
    if cue_lemma not in LABEL_VERBS or att.kind != "mixed" or len(att.content) != 1:
        return None
    cue_text = " ".join(text_of(doc)[s:e] for s, e in att.cue).lower().split()
    if cue_text and cue_text[-1] in ("for", "on", "upon"):
        return None
    s, e = att.content[0]
    found = list(_QUOTED.finditer(text_of(doc)[s:e]))
    if len(found) != 1:
        return None
    m = found[0]
    if not _names_object(text_of(doc)[s:s + m.start()]):
        return None
    inner = m.group(1)
    label = inner.strip().rstrip(_TRIM_PUNCT)
    if not label or len(label.split()) > MAX_LABEL_WORDS:
        return None
    start = s + m.start(1) + len(inner) - len(inner.lstrip())
    return [(start, start + len(label))]


def _names_object(before: str) -> bool:
    """Is the text before a quoted label only the object named ("his plan", "it as a")?"""
    words = before.replace(",", " , ").lower().split()
    while words and words[-1] in ("as", "a", "an", "the"):
        words.pop()
    return len(words) <= MAX_OBJECT_WORDS and not {",", "not", "but", "and"} & set(words)


def _open_at_paragraph_end(text: str, end: int) -> bool:
    """Does a direct quote ending at ``end`` reach its paragraph's end with no closing mark?"""
    nl = text.find("\n", end)
    rest = text[end:nl if nl >= 0 else len(text)]
    return rest.strip(" .,;:!?") == "" and text[max(0, end - 1)] not in _CLOSING


def _opens_next_paragraph(text: str, end: int, start: int) -> bool:
    """Is ``start`` the first quoted word of the paragraph right after the one holding ``end``?"""
    between = text[end:start]
    if "\n" not in between or between.strip(" .,;:!?\n") not in ("", *_OPENING):
        return False
    return text[start:start + 1] in _OPENING or between.rstrip().endswith(_OPENING)


def _same_paragraph_continuation(text: str, prev: Attribution, att: Attribution) -> bool:
    """'“X,” Sasse told him. “Y.”' / '“X,” she said, adding, “Y.”': the next quotation of the
    same paragraph, by the same source, with no other quotation between."""
    if not prev.source or att.source != prev.source:
        return False
    between = text[prev.content[-1][1]:att.content[0][0]]
    return "\n" not in between and not any(c in between for c in "\u201c\u00ab") \
        and between.count('"') == 0


# The longest cue sentence ("she wrote in an email to friends.") between a quotation and the
# untagged quotation that continues it, in characters.
MAX_CUE_SENTENCE = 120
# A next quotation followed, within this many characters, by a verb of saying has a speaker of its own.
_OWN_CUE = re.compile(r"[^\n.!?]{0,40}?\b(said|says|say|told|tells|added|adds|wrote|writes|asked|asks|"
                      r"recalled|recalls|explained|explains|continued|noted|replied|responded)\b")
_NEXT_QUOTATION = re.compile(r"[\u201c\"]([^\u201c\u201d\"\n]+)[\u201d\"]")


def _untagged_continuation(text: str, att: Attribution, taken: list[Span]) -> Span | None:
    """'“X,” she wrote in an email. “Y.”': the quotation right after the cue sentence that follows
    a direct quote, when no attribution holds it and no verb of saying follows it."""
    end = att.content[-1][1]
    cue_end = max((e for _, e in [*att.cue, *att.source]), default=-1)
    m = _NEXT_QUOTATION.match(text, _skip_to_quotation(text, end))
    if m is None or cue_end < end:
        return None
    between = text[end:m.start()]
    if "\n" in between or len(between) > MAX_CUE_SENTENCE or not between.rstrip().endswith(".") \
            or any(c in between for c in QUOTE_MARKS) or cue_end > m.start():
        return None
    if any(s < m.end() and m.start() < e for s, e in taken) or _OWN_CUE.match(text, m.end()):
        return None
    return m.start(), m.end()


def _skip_to_quotation(text: str, pos: int) -> int:
    """The position of the next opening mark in the paragraph after ``pos`` (or ``pos``)."""
    nl = text.find("\n", pos)
    limit = len(text) if nl < 0 else nl
    for k in range(pos, min(limit, pos + MAX_CUE_SENTENCE + 1)):
        if text[k] in ("\u201c", '"') and text[k - 1] in " \t":
            return k
    return pos


def add_untagged_continuations(doc: Doc, atts: list[Attribution]) -> None:
    """A direct quote goes on in the next quotation after its cue sentence when the tagger left
    that quotation out ("“He looked surprised,” she wrote. “Sort of quizzical.”"): it becomes the
    quote's next part (the guidelines' split quote)."""
    text = text_of(doc)
    taken = [sp for a in atts for sp in a.content]
    for att in atts:
        if att.kind != "direct" or not att.content:
            continue
        part = _untagged_continuation(text, att, taken)
        if part is not None:
            att.content = [*att.content, part]
            taken.append(part)


def _quotation_before_cue_clause(out: list[Attribution], att: Attribution) -> Attribution | None:
    """'“X,” Sasse told him, repeatedly calling for an explanation. “Y.”': the direct quote before
    the reports the cue sentence adds by the same source, which the next quotation continues."""
    for prev in reversed(out):
        if prev.kind == "direct":
            return prev
        if not att.source or prev.source != att.source:
            return None
    return None


def merge_continued_quotes(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """One quote, several parts: a quotation left open at a paragraph's end and reopened at the
    next one, or the next quotation of a paragraph by the same source. The parts join the first
    quote (keeping its speaker, else the second's)."""
    text = text_of(doc)
    out: list[Attribution] = []
    for att in sorted(atts, key=lambda a: a.content[0]):
        prev = out[-1] if out else None
        if prev is not None and prev.kind != "direct" and att.kind == "direct":
            prev = _quotation_before_cue_clause(out, att)
        if prev is not None and prev.kind == "direct" and att.kind in ("direct", "mixed") and (
                (_open_at_paragraph_end(text, prev.content[-1][1])
                 and _opens_next_paragraph(text, prev.content[-1][1], att.content[0][0]))
                or (att.kind == "direct" and _same_paragraph_continuation(text, prev, att))):
            prev.content = [*prev.content, *att.content]
            if not prev.source:
                prev.source, prev.cue = att.source, att.cue
            prev.confidence = max(prev.confidence, att.confidence)
            continue
        out.append(att)
    return out


__all__ = ["add_untagged_continuations", "after_semicolon", "clause_extent", "label_only",
           "merge_continued_quotes"]
