"""Quotation marks: which tokens open or close a quote, and which tokens lie inside one.

Handles curly (“ ”), straight ("), low (\u201e), guillemets and the NYT's ``\u0060\u0060 ... ''``.
A quote that is never closed runs to the end of its paragraph, so unbalanced marks never fail.
Single quotes are not quotation marks here (they are apostrophes far more often).
"""

from __future__ import annotations

OPEN = frozenset({"\u201c", "\u201e", "\u00ab", "``", "\u201f"})
CLOSE = frozenset({"\u201d", "\u00bb"})
# Marks that open when no quote is open and close otherwise: the straight quote, and the NYT's
# '' (PolNeAR's NYT texts write ''…'' for both ends).
AMBIGUOUS = frozenset({'"', "''"})


def is_quote_token(text: str) -> bool:
    return text in OPEN or text in CLOSE or text in AMBIGUOUS


def _is_number(tok: str) -> bool:
    return tok.replace(".", "", 1).isdigit()


def quote_states(tokens: list[str], paragraph_ids: list[int]) -> tuple[list[int], list[int]]:
    """For each token: 1 when inside a quotation (marks included), and the quote's id (-1 outside).

    A straight ``"`` (or ``''``) opens when no quote is open and closes otherwise; a curly closing mark with
    no open quote marks the text since the paragraph start, or since the previous quote of the
    paragraph, as quoted (a quote whose opening mark was lost): one stray mark never turns a whole
    paragraph with quotes into a quotation (a page whose extraction lost its paragraph breaks).
    Quotes never run across paragraphs: a new paragraph resets the state.
    """
    inside = [0] * len(tokens)
    qid = [-1] * len(tokens)
    open_at = -1
    current = -1
    para = None
    fill_from = 0
    next_id = 0
    for i, tok in enumerate(tokens):
        if paragraph_ids[i] != para:
            para = paragraph_ids[i]
            fill_from = i
            open_at = -1
        elif qid[i - 1] >= 0 and open_at < 0:
            fill_from = i  # after a closed quote: a lost opening mark lies after it
        if open_at < 0:
            if tok == '"' and i > 0 and _is_number(tokens[i - 1]) and paragraph_ids[i - 1] == para:
                continue  # an inch mark (a 34" screen), not a quotation mark
            if tok in OPEN or tok in AMBIGUOUS:
                open_at = i
                current = next_id
                next_id += 1
                inside[i] = 1
                qid[i] = current
            elif tok in CLOSE:
                # closing mark with nothing open: quote from the paragraph start or the last quote
                current = next_id
                next_id += 1
                for j in range(fill_from, i + 1):
                    if qid[j] < 0:
                        inside[j] = 1
                        qid[j] = current
        else:
            inside[i] = 1
            qid[i] = current
            if tok in CLOSE or tok in AMBIGUOUS:
                open_at = -1
            elif tok in OPEN:
                # a new opening mark while one is open: treat as the start of a new quote
                current = next_id
                next_id += 1
                qid[i] = current
    return inside, qid
