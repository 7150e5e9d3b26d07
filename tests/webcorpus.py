"""A small store for the web tests: made-up articles, the UN fixture page, hostile input, and dated
articles in which one actor's stance toward a target turns (``timeline_texts``).

Everything except ``hostile_article`` and the dated articles goes through the real chain
(``saidwhat.extract`` / ``analyze_article``), exactly as ingest does; those are built by hand so
that the payloads and the stances over time are certainly what the tests expect.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import saidwhat
from saidwhat.schema import (
    Actor,
    ActorStance,
    AnalyzedArticle,
    Article,
    Quote,
    QuoteStance,
    Speaker,
    Target,
)
from saidwhat.store import Store, open_store
from timeline_texts import TIMELINE_ARTICLES

UN_TARGET = "the UN report"

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
JS_URL = "javascript:alert(1)"
PAYLOADS = (SCRIPT, IMG, "<b>bold</b>", "</textarea><svg onload=alert(1)>")

MADE_UP = [
    Article(
        title="Harbor bridge will open in May, mayor says",
        outlet="Harbor Times",
        published="2024-03-04",
        url="https://harbor.example/bridge-may",
        language="en",
        text=(
            "The new harbor bridge will open in May, city officials said on Monday.\n\n"
            "\u201cWe have waited long enough for this bridge,\u201d Mayor Jane Doe told reporters.\n\n"
            "Opposition leader Tom Brown criticised the plan. \u201cThis bridge is a waste of money "
            "and the council knows it,\u201d Brown said.\n\n"
            "Engineers said the last inspection found no problems."
        ),
    ),
    Article(
        title="Ministers react to UN report on Xinjiang",
        outlet="Nordic Daily",
        published="2022-09-02",
        url="https://nordic.example/un-report-reactions",
        language="en",
        text=(
            "Foreign ministers in northern Europe reacted on Friday to the UN report on Xinjiang.\n\n"
            "\u201cThe UN report is a serious and credible document that must be taken seriously,\u201d "
            "Foreign Minister Anna Berg said in a statement.\n\n"
            "Trade envoy Lars Holm was more cautious. \u201cWe need to read the report carefully before "
            "we decide anything,\u201d Holm told the Nordic Daily.\n\n"
            "Rights groups said the report confirmed years of testimony."
        ),
    ),
]


def hostile_article() -> AnalyzedArticle:
    """Title, outlet, URL, text, quote and speaker name all carry script/markup payloads."""
    speaker = f"{SCRIPT} {IMG} Mallory"
    quote = f"{SCRIPT} is fine and {IMG} too"
    text = (f"Intro {PAYLOADS[2]} and {PAYLOADS[3]} here.\n\n"
            f"\u201c{quote},\u201d said {speaker}.\n\nThe end {SCRIPT}.")
    q0 = text.index(quote)
    s0 = text.index(speaker)
    c0 = text.index("said", q0)
    return AnalyzedArticle(
        title=f"{SCRIPT} Breaking {IMG}",
        outlet=f"{IMG} Outlet",
        published="2023-01-05",
        url=JS_URL,
        language="en",
        authors=[SCRIPT],
        text=text,
        actors=[Actor(id="a1", name=speaker, kind="person", mentions=[(s0, s0 + len(speaker))],
                      affiliation=f"{SCRIPT} Party", aliases=[IMG],
                      stance={f"{SCRIPT} plan": ActorStance(label="oppose", score=0.9, evidence=["q1"])})],
        quotes=[Quote(id="q1", kind="direct", content=[(q0, q0 + len(quote))], cue=[(c0, c0 + 4)],
                      speaker=Speaker(mention=[(s0, s0 + len(speaker))], actor="a1"), confidence=0.9,
                      stance={f"{SCRIPT} plan": QuoteStance(label="oppose", score=0.9)})],
        targets=[Target(name=f"{SCRIPT} plan")],
    )


@dataclass
class Corpus:
    path: Path
    ids: dict[str, int] = field(default_factory=dict)
    articles: dict[str, AnalyzedArticle] = field(default_factory=dict)


def build_corpus(path: Path, fixture_page: Path | None) -> Corpus:
    """Analyse and store the made-up articles, the fixture page (if given) and the hostile one."""
    corpus = Corpus(path=path)
    store: Store = open_store(str(path))
    try:
        items: list[tuple[str, AnalyzedArticle]] = []
        items.append(("harbor", saidwhat.analyze_article(MADE_UP[0])))
        items.append(("nordic", saidwhat.analyze_article(MADE_UP[1], targets=[UN_TARGET])))
        if fixture_page is not None:
            article = saidwhat.extract(str(fixture_page))
            items.append(("un", saidwhat.analyze_article(article, targets=[UN_TARGET])))
        items.append(("hostile", hostile_article()))
        items += [(f"toll-{name}", article.model_copy(deep=True)) for name, article in TIMELINE_ARTICLES]
        for name, analyzed in items:
            added = store.add_article(analyzed)
            corpus.ids[name] = added.article_id
            corpus.articles[name] = analyzed
    finally:
        store.close()
    return corpus
