"""Small analysed articles for the identity, gender and diversity tests: each voice says one quote,
optionally followed by a sentence where a pronoun, resolved to it, speaks again. No analysis runs."""

from __future__ import annotations

from dataclasses import dataclass

from saidwhat.schema import Actor, AnalyzedArticle, Quote, QuoteStance, Speaker, Target


@dataclass(frozen=True)
class Voice:
    name: str
    kind: str = "person"
    aliases: tuple[str, ...] = ()
    pronoun: str | None = None
    role: str | None = None
    affiliation: str | None = None
    description: str | None = None
    label: str | None = None  # a stance toward "the plan"
    said: str = "the plan will change everything"


def story(n: int, *voices: Voice, outlet: str = "Daily Example", published: str = "2024-05-02",
          prefix: str = "") -> AnalyzedArticle:
    """Article ``n``: each voice quoted once ("“...,” NAME said."), and again by its pronoun."""
    text = f"Story {n}. {prefix}"
    actors: list[Actor] = []
    quotes: list[Quote] = []
    for i, v in enumerate(voices, 1):
        said = f"{v.said} {n}.{i}"
        q0 = len(text) + 1
        text += f"“{said},” {v.name} said. "
        sp0 = text.rindex(v.name)
        mentions = [(sp0, sp0 + len(v.name))]
        stance = {} if v.label is None else {"the plan": QuoteStance(label=v.label, score=0.8)}  # type: ignore[arg-type]
        quotes.append(Quote(id=f"q{len(quotes) + 1}", kind="direct", content=[(q0, q0 + len(said))],
                            speaker=Speaker(mention=[mentions[0]], actor=f"a{i}"), stance=stance))
        if v.pronoun:
            p0 = len(text)
            text += f"{v.pronoun.capitalize()} added that it was time {n}.{i}. "
            mentions.append((p0, p0 + len(v.pronoun)))
            c0 = text.index("that it was", p0) + 5
            quotes.append(Quote(id=f"q{len(quotes) + 1}", kind="indirect",
                                content=[(c0, c0 + len(f"it was time {n}.{i}"))],
                                speaker=Speaker(mention=[mentions[-1]], actor=f"a{i}")))
        actors.append(Actor(id=f"a{i}", name=v.name, kind=v.kind, aliases=list(v.aliases),  # type: ignore[arg-type]
                            mentions=mentions, role=v.role, affiliation=v.affiliation,
                            description=v.description))
    return AnalyzedArticle(title=f"Story {n}", published=published, outlet=outlet, text=text,
                           url=f"https://example.com/story/{n}", source=f"story{n}.html", language="en",
                           actors=actors, quotes=quotes, targets=[Target(name="the plan")])
