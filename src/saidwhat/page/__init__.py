"""Stage 1, page: turn what the user names (a file, ``-``, a URL, bytes) into a decoded ``Page``.

Nothing here understands articles; it only reads, bounds, decodes and classifies input, and
refuses what is unusable (missing, empty, binary, too large, unreachable, private address).
"""

from __future__ import annotations

from saidwhat.page.load import load, page_from_bytes, page_from_text
from saidwhat.page.model import Page

__all__ = ["Page", "load", "page_from_bytes", "page_from_text"]
