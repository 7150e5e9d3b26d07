"""Quotes marked by layout rather than by a verb: interview transcripts and dash-signed quotes.

- transcript: a paragraph that opens with a speaker's name in capitals and a colon
  ("WALLACE: Do you think…") is that speaker's direct quote;
- dash-signed: a quotation followed by a dash and a name ("“…” ― Francisco Herrero") is that
  name's direct quote.

PolNeAR's texts carry neither layout, so these rules run in the user profile only (``analyze``),
and only where the tagger found no attribution over the same words.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from saidwhat.analysis.attribution.model import Attribution
from saidwhat.analysis.nlp import text_of

# "WALLACE:" / "SEN. MARY JONES:" at a paragraph start: 2 to 4 capitalised words, all in capitals.
_TRANSCRIPT = re.compile(r"^[ \t]*((?:[A-Z][A-Z.'’\-]+\s){0,3}[A-Z][A-Z.'’\-]+)(:)[ \t]+(\S.*)$",
                         re.MULTILINE)
# “…” ― Name (up to four capitalised words), the quotation alone in its paragraph.
_DASH_SIGNED = re.compile(
    r"^[ \t]*([“\"].{8,}?[”\"])[ \t]*([―—–]|--)[ \t]*([A-Z][\w.'’\-]+(?:[ \t]+[A-Z][\w.'’\-]+){0,3})",
    re.MULTILINE)
# Capitalised words that open a transcript-like line without being a speaker.
_NOT_SPEAKERS = frozenset({"UPDATE", "NOTE", "EDITOR'S NOTE", "CORRECTION", "WARNING", "Q", "A", "PHOTO",
                           "VIDEO", "WATCH", "READ", "SOURCE", "SOURCES", "BREAKING", "EXCLUSIVE"})
# Quotes from layout are certain of their shape, less of their speaker.
LAYOUT_SCORE = 0.8


def is_free(atts: list[Attribution], start: int, end: int) -> bool:
    """No content of ``atts`` overlaps ``start``..``end``."""
    return not any(s < end and start < e for a in atts for s, e in a.content)


def layout_quotes(doc: Doc, atts: list[Attribution]) -> list[Attribution]:
    """``atts`` plus the transcript and dash-signed quotes they miss, in text order."""
    text = text_of(doc)
    out = list(atts)
    for m in _TRANSCRIPT.finditer(text):
        name = m.group(1).strip()
        if name in _NOT_SPEAKERS or len(name.replace(" ", "")) < 2 or len(m.group(3).split()) < 3:
            continue
        # the line's own words are the speaker's, whatever the tagger made of them ("I think…")
        out = [a for a in out if not all(m.start(3) <= s and e <= m.end(3) for s, e in a.content)]
        if is_free(out, m.start(3), m.end(3)):
            out.append(Attribution(content=[(m.start(3), m.end(3))], cue=[(m.start(2), m.end(2))],
                                   source=[(m.start(1), m.start(1) + len(name))], kind="direct",
                                   confidence=LAYOUT_SCORE))
    for m in _DASH_SIGNED.finditer(text):
        for a in out:
            if not a.source and any(s < m.end(1) and m.start(1) < e for s, e in a.content):
                a.source = [(m.start(3), m.end(3))]  # the tagger saw the quote, not its signature
                a.cue = a.cue or [(m.start(2), m.end(2))]
        if is_free(out, m.start(1), m.end(1)):
            out.append(Attribution(content=[(m.start(1), m.end(1))], cue=[(m.start(2), m.end(2))],
                                   source=[(m.start(3), m.end(3))], kind="direct", confidence=LAYOUT_SCORE))
    out.sort(key=lambda a: a.content[0])
    return out
