"""textacy's ``direct_quotations`` over a folder of ``*.txt``, in the scorer's JSONL format.

The baseline of ``saidwhat evaluate --textacy PYTHON``: run by another interpreter, one with
textacy and the spaCy model installed (textacy is no saidwhat dependency), with this checkout's
``src`` on ``PYTHONPATH`` for the model name::

    PYTHONPATH=src PYTHON benchmarks/textacy_baseline.py TEXT_DIR OUT.jsonl

Prints ``{"seconds": ..., "articles": ...}`` (the time of the parse and extraction) as its last line.
"""

from __future__ import annotations

import contextlib
import json
import pathlib
import sys
import time
from typing import Any

import spacy
import textacy.extract

from saidwhat.analysis.nlp import MODEL


def _spans(toks: Any, base: int) -> list[list[int]]:
    return [[base + toks[0].idx, base + toks[-1].idx + len(toks[-1].text)]] if toks else []


def quotes_of(doc: Any, base: int) -> list[dict[str, Any]]:
    """textacy's direct quotations of ``doc``, offsets shifted by ``base``."""
    return [{"content": [[base + q.content.start_char, base + q.content.end_char]],
             "source": _spans(q.speaker, base), "cue": _spans(q.cue, base)}
            for q in textacy.extract.triples.direct_quotations(doc)]


def by_paragraph(doc: Any) -> list[dict[str, Any]]:
    """textacy bails out on an unclosed quotation: retry paragraph by paragraph."""
    atts: list[dict[str, Any]] = []
    start = 0
    for i, tok in enumerate([*doc, None]):
        if tok is None or (tok.is_space and "\n" in tok.text):
            if i > start:
                span = doc[start:i]
                with contextlib.suppress(ValueError):  # a paragraph textacy cannot read adds nothing
                    atts += quotes_of(span.as_doc(), span.start_char)
            start = i + 1
    return atts


def main(text_dir: str, out_path: str) -> None:
    nlp = spacy.load(MODEL)
    paths = sorted(pathlib.Path(text_dir).glob("*.txt"))
    texts = []
    for p in paths:
        with open(p, encoding="utf-8", newline="") as f:  # offsets as the scorer reads the text
            texts.append(f.read())
    started = time.perf_counter()
    out = []
    for p, text in zip(paths, texts, strict=True):
        doc = nlp(text)
        try:
            atts = quotes_of(doc, 0)
        except ValueError:
            atts = by_paragraph(doc)
        out.append({"id": p.stem, "attributions": atts})
    seconds = time.perf_counter() - started
    pathlib.Path(out_path).write_text("".join(json.dumps(r) + "\n" for r in out), encoding="utf-8")
    print(json.dumps({"seconds": seconds, "articles": len(paths)}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
