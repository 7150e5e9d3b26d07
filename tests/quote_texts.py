"""Helpers for tests that ask who speaks a quote of an analysed text."""

from __future__ import annotations

from saidwhat.schema import AnalyzedArticle


def speaker_name(art: AnalyzedArticle, needle: str) -> str | None:
    """The name of the speaker of the quote whose content holds the first ``needle`` of the text
    (None when the quote has no speaker); fails when no quote holds it."""
    start = art.text.index(needle)
    for q in art.quotes:
        if any(s <= start < e for s, e in q.content):
            actor = art.actor(q.speaker.actor)
            return actor.name if actor else None
    raise AssertionError(f"no quote over {needle!r}: {art.quotes}")
