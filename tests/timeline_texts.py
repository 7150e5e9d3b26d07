"""Small dated articles, built by hand (no analysis runs), in which one actor's stance toward a
target turns: Priya Raman opposes the bridge toll in March (The Aldren Courier), comments without
a side in April (Bellmouth Herald) and supports it in June (Harbor Radio); an undated article has her
opposing it again. Teresa Okafor supports it throughout; Marcus Lindqvist condemns it without a quote
in March and supports it in June. Used by the store, CLI and web tests of stance over time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from saidwhat.schema import Actor, ActorStance, AnalyzedArticle, Quote, QuoteStance, Reaction, Speaker, Target

TOLL = "the bridge toll"


@dataclass(frozen=True)
class Voice:
    """One actor in one article: a quote (``said``) or a reaction sentence (``reaction``, with the
    cue word ``cue`` in it), with its stance toward the target."""

    speaker: str
    label: str
    said: str | None = None
    reaction: str | None = None
    cue: str | None = None
    score: float = 0.8


def dated_article(n: int, *, published: str | None, outlet: str, voices: list[Voice],
                  target: str = TOLL) -> AnalyzedArticle:
    """An article where each voice speaks (or reacts) once, in order."""
    text = f"Story {n} on the Harbor Bridge. "
    actors: list[Actor] = []
    quotes: list[Quote] = []
    reactions: list[Reaction] = []
    for i, v in enumerate(voices, 1):
        label = cast(Any, v.label)
        evidence = []
        if v.said is not None:
            q0 = len(text) + 1
            text += f"\u201c{v.said},\u201d {v.speaker} said. "
            sp0 = text.rindex(v.speaker)
            quotes.append(Quote(id=f"q{len(quotes) + 1}", kind="direct", content=[(q0, q0 + len(v.said))],
                                cue=[(sp0 + len(v.speaker) + 1, sp0 + len(v.speaker) + 5)],
                                speaker=Speaker(mention=[(sp0, sp0 + len(v.speaker))], actor=f"a{i}"),
                                confidence=0.9, stance={target: QuoteStance(label=label, score=v.score)}))
            evidence.append(quotes[-1].id)
        if v.reaction is not None and v.cue is not None:
            r0 = len(text)
            text += v.reaction + " "
            sp0, c0 = r0 + v.reaction.index(v.speaker), r0 + v.reaction.index(v.cue)
            reactions.append(Reaction(id=f"r{len(reactions) + 1}", actor=f"a{i}", target=target,
                                      cue=[(c0, c0 + len(v.cue))], mention=[(sp0, sp0 + len(v.speaker))],
                                      label=label, score=v.score))
            evidence.append(reactions[-1].id)
        first = text.index(v.speaker)
        actors.append(Actor(id=f"a{i}", name=v.speaker, kind="person",
                            mentions=[(first, first + len(v.speaker))],
                            stance={target: ActorStance(label=label, score=v.score, evidence=evidence)}))
    return AnalyzedArticle(title=f"Bridge toll, part {n}", published=published, outlet=outlet, language="en",
                           url=f"https://{outlet.lower().replace(' ', '-')}.example/toll/{n}",
                           source=f"toll{n}.txt", text=text, actors=actors, quotes=quotes,
                           reactions=reactions, targets=[Target(name=target, aliases=["the toll"])])


RAMAN, OKAFOR, LINDQVIST = "Priya Raman", "Teresa Okafor", "Marcus Lindqvist"

#: (name, article), in the order they are stored: not the order of their dates
TIMELINE_ARTICLES: list[tuple[str, AnalyzedArticle]] = [
    ("june", dated_article(3, published="2026-06-18", outlet="Harbor Radio", voices=[
        Voice(RAMAN, "support", said="With the resident discount the toll is fair, and I support it now"),
        Voice(LINDQVIST, "support", said="The discount makes the toll workable for our members"),
    ])),
    ("march", dated_article(1, published="2026-03-12", outlet="The Aldren Courier", voices=[
        Voice(RAMAN, "oppose", said="This toll is a fix for the budget, not for the crossing"),
        Voice(OKAFOR, "support", said="The toll is the only way to keep the crossing open"),
        Voice(LINDQVIST, "oppose", reaction=f"{LINDQVIST} condemned the toll on behalf of the shippers.",
              cue="condemned", score=0.9),
    ])),
    ("undated", dated_article(4, published=None, outlet="Aldren Weekly", voices=[
        Voice(RAMAN, "oppose",
              said="Nobody asked the people who cross twice a day about the toll"),
    ])),
    ("april", dated_article(2, published="2026-04-02", outlet="Bellmouth Herald", voices=[
        Voice(RAMAN, "neutral", said="We will read the final toll rules when the council publishes them",
              score=0.7),
        Voice(OKAFOR, "support", said="The toll keeps the crossing safe for everyone"),
    ])),
]
