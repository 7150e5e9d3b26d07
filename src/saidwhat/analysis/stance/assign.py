"""Placeholder: no targets, no stance. Replaced by the stance implementation."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from saidwhat.schema import AnalyzedArticle


def assign_stances(doc: Doc, analyzed: AnalyzedArticle, targets: Sequence[str] | None = None) -> None:
    """Fill ``analyzed.targets``, ``quotes[].stance``, ``actors[].stance`` and ``reactions`` in place."""
    return None
