"""Cut an analysed article's text into segments at every quote, cue and speaker boundary.

The template renders each segment's text through Jinja's autoescape, so hostile article text
stays text: the markup comes only from the segment's attributes, never from the article. The
segments, joined, are exactly ``article.text``, so offsets in the schema are offsets in the
page's text content.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from saidwhat.schema import QUOTE_PART_SEPARATOR, AnalyzedArticle, Quote

__all__ = ["N_COLOURS", "ArticleView", "QuoteInfo", "Segment", "SpeakerInfo", "build_view"]

N_COLOURS = 10


@dataclass
class SpeakerInfo:
    """One speaker of the article: a colour class and a number badge (a non-colour cue)."""

    number: int
    name: str
    actor_id: str | None
    kind: str | None
    affiliation: str | None
    n_quotes: int = 0
    key: str | None = None
    role: str | None = None

    @property
    def title(self) -> str:
        """"CEO, Apple": the role and affiliation the text gives, or nothing."""
        return ", ".join(x for x in (self.role, self.affiliation) if x)

    @property
    def colour(self) -> int:
        return (self.number - 1) % N_COLOURS


@dataclass
class QuoteInfo:
    quote: Quote
    speaker: SpeakerInfo | None
    text: str
    cue: str
    stance: list[tuple[str, str, float]]

    @property
    def tip(self) -> str:
        who = self.speaker.name if self.speaker else "unknown speaker"
        parts = [f"{who}", f"cue: {self.cue or '—'}", f"{self.quote.kind} quote"]
        if self.stance:
            parts.append("stance: " + "; ".join(f"{t} {label}" for t, label, _ in self.stance))
        return " · ".join(parts)


@dataclass
class Segment:
    text: str
    quotes: list[str] = field(default_factory=list)  # ids of quotes whose content covers it
    spans: list[str] = field(default_factory=list)  # "q1:0": quote id and content-span index
    cue_of: list[str] = field(default_factory=list)
    speaker_of: list[str] = field(default_factory=list)
    first_of: str | None = None  # quote id when the segment starts that quote (gets the badge)
    primary: QuoteInfo | None = None

    @property
    def kind(self) -> str:
        if self.quotes:
            return "quote"
        if self.cue_of:
            return "cue"
        if self.speaker_of:
            return "speaker"
        return "text"


@dataclass
class ArticleView:
    segments: list[Segment]
    speakers: list[SpeakerInfo]
    quotes: list[QuoteInfo]


def _speaker_name(a: AnalyzedArticle, q: Quote) -> tuple[str | None, str]:
    actor = a.actor(q.speaker.actor)
    if actor is not None:
        return actor.id, actor.name
    surface = " ".join(a.span_text(s) for s in q.speaker.mention).strip()
    return None, surface or "unknown"


def _valid(span: tuple[int, int], n: int) -> bool:
    return 0 <= span[0] < span[1] <= n


def _mark(segments: list[Segment], info: QuoteInfo, covered: Callable[[tuple[int, int]], range],
          n: int) -> None:
    """Record on each segment the quote, cue and speaker mention that cover it."""
    q = info.quote
    first = True
    for k, s in enumerate(q.content):
        if not _valid(s, n):
            continue
        for seg_i in covered(s):
            seg = segments[seg_i]
            seg.quotes.append(q.id)
            seg.spans.append(f"{q.id}:{k}")
            # the shortest covering quote decides the colour of overlapping highlights
            if seg.primary is None or len(info.text) < len(seg.primary.text):
                seg.primary = info
            if first:
                seg.first_of = seg.first_of or q.id
                first = False
    for s in q.cue:
        if _valid(s, n):
            for seg_i in covered(s):
                segments[seg_i].cue_of.append(q.id)
    for s in q.speaker.mention:
        if _valid(s, n):
            for seg_i in covered(s):
                segments[seg_i].speaker_of.append(q.id)


def build_view(a: AnalyzedArticle, actor_keys: dict[str, str] | None = None) -> ArticleView:
    """Speakers numbered in order of first quote; segments carrying every covering annotation."""
    n = len(a.text)
    speakers: dict[str, SpeakerInfo] = {}
    infos: list[QuoteInfo] = []
    for q in a.quotes:
        actor_id, name = _speaker_name(a, q)
        skey = actor_id or f"mention:{name}"
        sp = speakers.get(skey)
        if sp is None:
            actor = a.actor(actor_id)
            sp = SpeakerInfo(number=len(speakers) + 1, name=name, actor_id=actor_id,
                             kind=actor.kind if actor else None,
                             affiliation=actor.affiliation if actor else None,
                             key=(actor_keys or {}).get(actor_id or ""),
                             role=actor.role if actor else None)
            speakers[skey] = sp
        sp.n_quotes += 1
        text = QUOTE_PART_SEPARATOR.join(a.span_text(s) for s in q.content if _valid(s, n))
        cue = " ".join(a.span_text(s) for s in q.cue if _valid(s, n))
        stance: list[tuple[str, str, float]] = [(t, st.label, st.score) for t, st in q.stance.items()]
        infos.append(QuoteInfo(quote=q, speaker=sp, text=text, cue=cue, stance=stance))

    bounds = {0, n}
    for info in infos:
        q = info.quote
        for s in [*q.content, *q.cue, *q.speaker.mention]:
            if _valid(s, n):
                bounds.update(s)
    cuts = sorted(bounds)
    segments = [Segment(a.text[i:j]) for i, j in itertools.pairwise(cuts) if j > i]
    starts = [i for i, j in itertools.pairwise(cuts) if j > i]
    index = {start: k for k, start in enumerate(starts)}

    def covered(span: tuple[int, int]) -> range:
        return range(index[span[0]], index[span[1]] if span[1] < n else len(segments))

    for info in infos:
        _mark(segments, info, covered, n)
    by_id = {i.quote.id: i for i in infos}
    for seg in segments:
        if seg.primary is None and (seg.cue_of or seg.speaker_of):
            seg.primary = by_id.get((seg.cue_of or seg.speaker_of)[0])
    return ArticleView(segments=segments, speakers=list(speakers.values()), quotes=infos)
