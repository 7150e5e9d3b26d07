from __future__ import annotations

from dataclasses import dataclass, field

from saidwhat.schema import AttributionType, QuoteKind, Span, StanceLabel


@dataclass
class Attribution:
    """One attribution relation found in a text, in character offsets of ``doc.text``."""

    content: list[Span]
    cue: list[Span] = field(default_factory=list)
    source: list[Span] = field(default_factory=list)
    kind: QuoteKind = "indirect"
    confidence: float = 1.0
    type: AttributionType = "speech"
    #: an attitude toward the person in the content (``attitudes.py``): the side the source takes
    attitude: StanceLabel | None = None
