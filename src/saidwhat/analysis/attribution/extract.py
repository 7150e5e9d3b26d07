"""Placeholder: direct quotes with a nearby 'said'. Replaced by the real extractor."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from saidwhat.analysis.attribution.model import Attribution

_QUOTE = re.compile(r"[“\"]([^”\"]{3,})[”\"]")


def find_attributions(doc: Doc) -> list[Attribution]:
    out = []
    for m in _QUOTE.finditer(doc.text):
        out.append(Attribution(content=[(m.start(1), m.end(1))], kind="direct"))
    return out
