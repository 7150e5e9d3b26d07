"""The decoded input document passed from the page stage to the article stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = ["Page", "PageKind"]

PageKind = Literal["html", "text"]


@dataclass(frozen=True)
class Page:
    """A decoded input document.

    ``source`` is how the user named it (for error messages), ``url`` the final URL after
    redirects (None for files), ``meta`` what was learnt while reading it (``encoding``,
    ``content_type``).
    """

    source: str
    content: str
    kind: PageKind
    url: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
