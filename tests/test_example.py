"""The bundled example behind `make demo`: a page written for this project, analysed end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

import saidwhat
from saidwhat.schema import AnalyzedArticle, Quote

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


# --- where they stand on the toll (issue 12): each assertion says which evidence decides it ---

def _stance(example: AnalyzedArticle, name: str) -> tuple[str | None, list[str]]:
    """(label toward the proposed target, evidence ids) of the actor whose name contains ``name``."""
    target = example.targets[0].name
    actor = next(a for a in example.actors if name.lower() in a.name.lower())
    st = actor.stance.get(target)
    return (st.label, st.evidence) if st is not None else (None, [])


def test_the_toll_is_the_proposed_target(example: AnalyzedArticle) -> None:
    t = example.targets[0]
    assert t.proposed and t.name == "the toll"
    # "condemned the decision", "votes against the plan": back-references to the toll
    assert {"the decision", "the plan"} <= set(t.aliases)


def test_okafor_supports_the_toll(example: AnalyzedArticle) -> None:
    """She said the toll was "the only way to keep the bridge open": arguing for it."""
    label, evidence = _stance(example, "Okafor")
    assert label == "support"
    quote = next(q for q in example.quotes if q.id == evidence[0])
    assert "the only way" in example.span_text(quote.content[0])


def test_raman_opposes_the_toll(example: AnalyzedArticle) -> None:
    """"one of the two votes against the plan": she voted against it (an action, not a quote)."""
    label, evidence = _stance(example, "Raman")
    assert label == "oppose"
    reaction = next(r for r in example.reactions if r.id in evidence)
    assert example.span_text(reaction.cue[0]) == "votes"
    assert "one of the two votes against the plan" in example.span_text(reaction.evidence[0])


def test_the_shippers_association_opposes_the_toll(example: AnalyzedArticle) -> None:
    """It "condemned the decision", and "the decision" is the toll within this article."""
    label, evidence = _stance(example, "Shippers Association")
    assert label == "oppose"
    q = next(q for q in example.quotes if q.id == evidence[0])
    assert example.span_text(q.cue[0]) == "condemned" and example.span_text(q.content[0]) == "the decision"


def test_state_department_takes_no_side_on_the_toll(example: AnalyzedArticle) -> None:
    """It welcomes "the council's commitment to the long-term safety" of the crossing, not the toll:
    nothing it says is about the toll, so its quote has no stance (it must not be read as support)."""
    target = example.targets[0].name
    def speaker(q: Quote) -> str:
        return " ".join(example.span_text(s) for s in q.speaker.mention)

    quote = next(q for q in example.quotes if "state transportation department" in speaker(q))
    assert "welcomes" in quote.text
    actor = example.actor(quote.speaker.actor)  # its own actor, not the shippers' association
    assert actor is not None and "state transportation department" in actor.name.lower()
    assert target not in quote.stance  # no evidence about the toll: no stance, not support
    for actor in example.actors:
        if "state transportation department" in actor.name.lower():
            assert actor.stance.get(target) is None or actor.stance[target].label == "neutral"


def test_report_marks_evidence_sentences_not_single_words(example: AnalyzedArticle) -> None:
    from saidwhat.views.render import render

    md = render([example], "markdown")
    table = md.split("### the toll")[1].split("## Actors")[0]
    assert "| Priya Raman |" in table and "one of the two votes against the plan, said" in table
    assert "condemned the decision." in table  # a two-word quote is shown with its sentence
