"""Hard line breaks inside a sentence are not paragraph breaks.

Pages break lines with ``<br>`` inside a paragraph, or put each line of a paragraph in its own
element, and plain text is often broken by hand; the extractor's text then has one line per
piece, and each line would become a paragraph of its own, cutting a sentence (and a quote or a
name in it) in two. A line is joined to the one before it when the break is plainly inside a
sentence: the line before does not end like a sentence or a label (``.``, ``!``, ``?``, ``:``,
``;``, a closing quotation mark or bracket, an ellipsis), and the line starts with a lowercase
word (letters, perhaps with inner hyphens or apostrophes, then perhaps punctuation: so a URL,
an e-mail address, a handle, a number or a brand such as "eZ Systems" starts a line of its
own). Scripts without letter case (Chinese, Japanese, Korean) are never joined, since their
line starts say nothing. Lines that page furniture is made of (which the clutter filter must
see alone) are neither joined nor joined to.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

__all__ = ["SENTENCE_ENDS", "continues_sentence", "join_broken_lines"]

#: Line endings after which a new line starts a new paragraph.
SENTENCE_ENDS = (".", "!", "?", ":", ";", "…", "\"", "”", "’", "»", ")", "]", "|")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")  # letters, with inner hyphens or apostrophes
_TRAILING = ".,;:!?…)]”’\"'"


def continues_sentence(before: str, line: str) -> bool:
    """Whether ``line`` goes on with the sentence that ``before`` leaves unfinished."""
    if not before or before.endswith(SENTENCE_ENDS):
        return False
    words = line.split(maxsplit=1)
    first = words[0].rstrip(_TRAILING) if words else ""
    return bool(_WORD.fullmatch(first)) and first.islower()


def join_broken_lines(lines: Iterable[str], *, alone: Callable[[str], bool] | None = None) -> list[str]:
    """``lines`` (paragraph candidates, stripped) with every mid-sentence break joined by a space.

    ``alone(line)`` says a line stands on its own whatever follows or precedes it (the clutter
    filter's furniture: a "Tags" heading must not swallow the tag list after it, nor be
    swallowed, or the filter would no longer recognise it)."""
    out: list[str] = []
    for line in lines:
        if out and continues_sentence(out[-1], line) and not (alone and (alone(out[-1]) or alone(line))):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out
