"""Long texts in bounded pieces: the cost of one document bounded by construction.

spaCy holds about 3 KB per character while it parses (a 300,000-character text peaked at 1.2 GB),
and attribution and actor resolution grow faster than linearly with the sentences and distinct
names they compare (1,000 one-line "First Surname said …" paragraphs: 6 s, 500: 1.3 s). So a text
is parsed in *windows* of at most ``MAX_WINDOW_TOKENS`` tokens cut at paragraph breaks, and each
parsed window is analysed in *units* of at most ``MAX_UNIT_SENTENCES`` sentences and
``MAX_UNIT_NAMES`` distinct names, cut at sentence ends. Memory then depends on the window, not
the text, and time grows linearly with the text.

Every real article we have measured fits in one unit: the 40 longest of the 840 PolNeAR train
texts (up to 33,672 characters) have at most 7,000 tokens, 278 sentences and 268 distinct
names, so for them nothing changes. The limits leave room above that; a piece of a longer text
loses only what crosses its edge (a pronoun whose antecedent is in the previous unit). The
pieces' results are merged (``merge``): offsets shifted into the whole text, ids renumbered,
actors with the same kind and name made one actor, targets with the same name one target.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from saidwhat.schema import Actor, ActorStance, AnalyzedArticle, Article, Quote, Reaction, Target

__all__ = ["MAX_UNIT_NAMES", "MAX_UNIT_SENTENCES", "MAX_WINDOW_TOKENS", "merge", "pieces"]

#: Tokens parsed at once. The longest PolNeAR article has about 7,000; spaCy's peak memory for
#: 12,000 tokens stays under 0.5 GB per process (docs/hardening.md).
MAX_WINDOW_TOKENS = 12_000
#: Sentences analysed at once (attribution, actors, stance): 1.8× the most in a measured article (278).
MAX_UNIT_SENTENCES = 500
#: Distinct person/organisation/place names analysed at once: 1.5× the most measured (268).
MAX_UNIT_NAMES = 400
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_SENTENCE_END = frozenset({".", "!", "?"})


def pieces(nlp: Language, text: str, doc: Doc | None = None) -> Iterator[tuple[int, Doc]]:
    """``(offset, parsed doc)`` of each unit of ``text`` in order; each doc's text is
    ``text[offset:offset + len(doc.text)]``. With ``doc`` (an existing parse of ``text``) nothing
    is parsed again. Windows are parsed lazily, one at a time."""
    if doc is not None:
        yield from _units(doc, 0)
        return
    tokens = nlp.make_doc(text)
    if len(tokens) <= MAX_WINDOW_TOKENS:
        yield from _units(nlp(tokens), 0)
        return
    for start, end in window_ranges(tokens):
        offset = tokens[start].idx
        window = tokens[start:end].as_doc()
        yield from _units(nlp(window), offset)


def window_ranges(tokens: Doc, limit: int = MAX_WINDOW_TOKENS) -> list[tuple[int, int]]:
    """Token ranges of at most ``limit`` tokens covering ``tokens``, each ending after a paragraph
    break when one lies in the range's second half, else after a sentence end, else at the limit."""
    breaks = [t.i + 1 for t in tokens if t.is_space and "\n" in t.text]
    stops = [t.i + 1 for t in tokens if t.text in _SENTENCE_END]
    ranges: list[tuple[int, int]] = []
    start, n = 0, len(tokens)
    while start < n:
        end = min(start + limit, n)
        if end < n:
            end = _last_in(breaks, start + limit // 2, end) or _last_in(stops, start + limit // 2, end) or end
        ranges.append((start, end))
        start = end
    return ranges


def _last_in(sorted_points: list[int], low: int, high: int) -> int | None:
    """The largest point in ``[low, high]``, or None."""
    i = bisect.bisect_right(sorted_points, high)
    if i and sorted_points[i - 1] >= low:
        return sorted_points[i - 1]
    return None


def _names(sent: Span) -> set[str]:
    return {e.text.lower() for e in sent.ents if e.label_ in _NAME_LABELS}


def _units(parsed: Doc, offset: int) -> Iterator[tuple[int, Doc]]:
    """The parsed window whole when within the unit limits, else cut at sentence ends."""
    sents = list(parsed.sents)
    if len(sents) <= MAX_UNIT_SENTENCES and len(_names(parsed[:])) <= MAX_UNIT_NAMES:
        yield offset, parsed
        return
    start, count = 0, 0
    names: set[str] = set()
    for sent in sents:
        new = _names(sent)
        if count and (count >= MAX_UNIT_SENTENCES or len(names | new) > MAX_UNIT_NAMES):
            yield offset + parsed[start].idx, parsed[start:sent.start].as_doc()
            start, count, names = sent.start, 0, set()
        count += 1
        names |= new
    yield offset + parsed[start].idx, parsed[start:].as_doc()


# --- merging the units' results --------------------------------------------------------------

def _shift(spans: list[tuple[int, int]], offset: int) -> list[tuple[int, int]]:
    return [(s + offset, e + offset) for s, e in spans]


@dataclass
class _Merger:
    """Collects the units' results into one article's actors, quotes, targets and reactions."""

    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    reactions: list[Reaction] = field(default_factory=list)
    _actor_by_key: dict[tuple[str, str], Actor] = field(default_factory=dict)
    _target_by_name: dict[str, Target] = field(default_factory=dict)

    def add(self, offset: int, part: AnalyzedArticle) -> None:
        actor_ids = {a.id: self._actor(a, offset) for a in part.actors}
        ids: dict[str, str] = {}
        for q in part.quotes:
            ids[q.id] = f"q{len(self.quotes) + 1}"
            speaker = q.speaker.model_copy(update={"mention": _shift(q.speaker.mention, offset),
                                                   "actor": actor_ids.get(q.speaker.actor or "")})
            self.quotes.append(q.model_copy(update={"id": ids[q.id], "content": _shift(q.content, offset),
                                                    "cue": _shift(q.cue, offset), "speaker": speaker}))
        for r in part.reactions:
            ids[r.id] = f"r{len(self.reactions) + 1}"
            self.reactions.append(r.model_copy(update={"id": ids[r.id], "actor": actor_ids.get(r.actor or ""),
                                                       "cue": _shift(r.cue, offset),
                                                       "mention": _shift(r.mention, offset)}))
        for a in part.actors:
            self._stances(actor_ids[a.id], a.stance, ids)
        for t in part.targets:
            self._target(t, offset)

    def _actor(self, actor: Actor, offset: int) -> str:
        key = (actor.kind, actor.name.casefold())
        found = self._actor_by_key.get(key) if actor.kind != "anonymous" else None
        if found is None:
            found = actor.model_copy(update={"id": f"a{len(self.actors) + 1}", "mentions": [], "stance": {},
                                             "aliases": list(actor.aliases)})
            self.actors.append(found)
            if actor.kind != "anonymous":
                self._actor_by_key[key] = found
        found.mentions.extend(_shift(actor.mentions, offset))
        found.aliases.extend(a for a in actor.aliases if a not in found.aliases)
        for attr in ("affiliation", "role", "description"):
            if getattr(found, attr) is None:
                setattr(found, attr, getattr(actor, attr))
        return found.id

    def _stances(self, actor_id: str, stance: dict[str, ActorStance], ids: dict[str, str]) -> None:
        """Per target, the unit's stance with the most evidence wins; evidence ids accumulate."""
        actor = next(a for a in self.actors if a.id == actor_id)
        for target, st in stance.items():
            evidence = [ids.get(e, e) for e in st.evidence]
            old = actor.stance.get(target)
            if old is None or len(evidence) > len(old.evidence):
                kept = old.evidence if old else []
                actor.stance[target] = st.model_copy(update={"evidence": kept + evidence})
            else:
                old.evidence.extend(evidence)

    def _target(self, target: Target, offset: int) -> None:
        found = self._target_by_name.get(target.name.casefold())
        if found is None:
            found = target.model_copy(update={"mentions": [], "aliases": list(target.aliases)})
            self.targets.append(found)
            self._target_by_name[target.name.casefold()] = found
        found.mentions.extend(_shift(target.mentions, offset))
        found.aliases.extend(a for a in target.aliases if a not in found.aliases)
        found.proposed = found.proposed and target.proposed


def merge(article: Article, parts: list[tuple[int, AnalyzedArticle]], proposed: set[str]) -> AnalyzedArticle:
    """One analysis of ``article`` from its units' analyses (``(offset, result)`` in text order).
    ``proposed`` names the targets saidwhat chose (the first unit's proposals, given to the rest)."""
    merger = _Merger()
    for offset, part in parts:
        merger.add(offset, part)
    for t in merger.targets:
        t.proposed = t.name in proposed
    return AnalyzedArticle(**article.model_dump(), actors=merger.actors, quotes=merger.quotes,
                           targets=merger.targets, reactions=merger.reactions)
