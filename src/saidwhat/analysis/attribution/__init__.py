"""Attributions: content, cue and source spans, as PolNeAR annotates them."""

from __future__ import annotations

from saidwhat.analysis.attribution.extract import find_attributions
from saidwhat.analysis.attribution.model import Attribution

__all__ = ["Attribution", "find_attributions"]
