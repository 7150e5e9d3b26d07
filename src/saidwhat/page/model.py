from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

PageKind = Literal["html", "text"]


@dataclass(frozen=True)
class Page:
    """A decoded input document. ``source`` is how the user named it, for error messages."""

    source: str
    content: str
    kind: PageKind
    url: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
