"""The fixture's gold quotes as ``Attribution`` objects, for testing the stages after extraction."""

from __future__ import annotations

import re
from typing import Any

from saidwhat.analysis.attribution.model import Attribution


def gold_attributions(text: str, gold: dict[str, Any]) -> list[Attribution]:
    """The gold quotes of gold.json as attributions (source: its occurrence nearest the content)."""
    out = []
    for q in gold["quotes"]:
        c = text.index(q["content"])
        ce = c + len(q["content"])
        cands = [m.start() for m in re.finditer(r"\b" + re.escape(q["speaker_mention"]) + r"\b", text)]
        s = min(cands, key=lambda i: 0 if c <= i < ce else min(abs(i - c), abs(i - ce)))
        k = text.index(q["cue"], max(0, c - 400))
        out.append(Attribution(content=[(c, ce)], cue=[(k, k + len(q["cue"]))],
                               source=[(s, s + len(q["speaker_mention"]))]))
    return out
