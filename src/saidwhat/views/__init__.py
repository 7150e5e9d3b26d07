"""Stage 5, views: how results are shown: JSON, JSON Lines, Markdown and text here; the web app
in ``saidwhat.views.web``. Every view renders the one schema in ``saidwhat.schema``."""

from __future__ import annotations

from saidwhat.views.render import render, render_markdown

__all__ = ["render", "render_markdown"]
