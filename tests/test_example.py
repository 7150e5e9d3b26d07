"""The bundled example behind `make demo`: a page written for this project, analysed end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

import saidwhat
from saidwhat.schema import AnalyzedArticle

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "harbor-bridge.html"


@pytest.fixture(scope="module")
def example() -> AnalyzedArticle:
    return saidwhat.analyze(str(EXAMPLE))


def test_metadata(example: AnalyzedArticle) -> None:
    assert example.title and example.title.startswith("Port Aldren council backs bridge toll")
    assert example.outlet == "The Aldren Courier"
    assert example.published == "2026-03-12"
    assert example.authors == ["Dana Whitcombe"]
    assert example.url == "https://courier.example.org/news/2026/03/12/harbor-bridge-toll-vote"


def test_clutter_is_gone_and_story_kept(example: AnalyzedArticle) -> None:
    for clutter in ("Read more:", "Leave a Reply", "We use cookies", "Share on Facebook", "Tags:",
                    "Sign up for our newsletter", "Advertisement", "Related Posts", "Photo: Lena Marsh"):
        assert clutter not in example.text
    assert example.text.count("\n\n") >= 9, "paragraphs are kept"
    assert "corrosion in two of the bridge’s main cables" in example.text


def test_all_three_quote_kinds_and_several_speakers(example: AnalyzedArticle) -> None:
    kinds = {q.kind for q in example.quotes}
    assert kinds == {"direct", "indirect", "mixed"}
    speakers = {q.speaker.actor for q in example.quotes if q.speaker.actor}
    assert len(speakers) >= 4
    names = {a.name for a in example.actors}
    assert any("Okafor" in n for n in names) and any("Raman" in n for n in names)


def test_split_direct_quote_is_attributed_to_the_mayor(example: AnalyzedArticle) -> None:
    text = example.text
    start = text.index("We can argue about the price")
    quote = next(q for q in example.quotes if any(s <= start < e for s, e in q.content))
    actor = example.actor(quote.speaker.actor)
    assert actor is not None and "Okafor" in actor.name


def test_anonymous_engineer_is_an_anonymous_actor(example: AnalyzedArticle) -> None:
    start = example.text.index("the most recent inspection")
    quote = next(q for q in example.quotes if any(s <= start < e for s, e in q.content))
    actor = example.actor(quote.speaker.actor)
    assert actor is not None and actor.kind == "anonymous"
