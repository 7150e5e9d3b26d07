"""Stage 3, analysis: attributions (who said what), actors (who is who) and stance (for or against).

The stage runs on a spaCy ``Doc`` of the article's clean text; every component adds to one
``AnalysisState`` and declares what it reads and what it adds (see ``pipeline``).
"""

from __future__ import annotations

from saidwhat.analysis.pipeline import analyze_article, analyze_text

__all__ = ["analyze_article", "analyze_text"]
