"""Targets and stance: alias finding, cue polarity, negation, concession, reactions, the seed page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fixture_gold import gold_attributions
from saidwhat.analysis import analyze_text
from saidwhat.analysis.actors import resolve_actors
from saidwhat.analysis.attribution.model import Attribution
from saidwhat.analysis.nlp import get_nlp
from saidwhat.analysis.stance import assign_stances
from saidwhat.analysis.stance.learned import default_config, load_weights, train
from saidwhat.analysis.stance.score import FEATURES, LABELS, StanceConfig
from saidwhat.analysis.stance.targets import find_target
from saidwhat.schema import AnalyzedArticle, Quote, Speaker

RULE = StanceConfig()  # the transparent rule, without the learned layer


def att(text: str, content: str, source: str, cue: str = "said", *, nth_source: int = 0) -> Attribution:
    """An attribution from substrings (the ``nth_source`` occurrence of the source)."""
    c = text.index(content)
    s = [m.start() for m in re.finditer(re.escape(source), text)][nth_source]
    k = text.index(cue, max(0, min(c, s) - 5))
    return Attribution(content=[(c, c + len(content))], cue=[(k, k + len(cue))],
                       source=[(s, s + len(source))])


def analyse(text: str, atts: list[Attribution], targets: list[str] | None,
            config: StanceConfig | None = RULE) -> AnalyzedArticle:
    doc = get_nlp()(text)
    res = resolve_actors(doc, atts)
    quotes = [Quote(id=f"q{i + 1}", kind="direct", content=a.content, cue=a.cue,
                    speaker=Speaker(mention=a.source, actor=res.speakers[i])) for i, a in enumerate(atts)]
    analyzed = AnalyzedArticle(text=text, actors=res.actors, quotes=quotes)
    assign_stances(doc, analyzed, targets, config=config)
    return analyzed


def texts(a: AnalyzedArticle, spans: list[tuple[int, int]]) -> list[str]:
    return [a.text[s:e] for s, e in spans]


def test_document_target_aliases() -> None:
    text = ("The UN report was published on Monday. The report found abuses. "
            "Officials rejected the findings, but the assessment stands. "
            "A separate Senate report was delayed.")
    a = analyse(text, [], ["the UN report"])
    t = a.targets[0]
    found = texts(a, t.mentions)
    assert "the UN report" in found or "The UN report" in found
    assert "The report" in found and "the findings" in found and "the assessment" in found
    assert not any("Senate" in f for f in found)
    assert not t.proposed


def test_person_target_aliases_exclude_other_people_and_pronouns() -> None:
    text = ("Hillary Clinton spoke in Ohio. Bill Clinton joined later. Mrs. Clinton said she was ready. "
            "Clinton then left.")
    doc = get_nlp()(text)
    a = AnalyzedArticle(text=text, actors=resolve_actors(doc, []).actors)
    info = find_target(doc, a, "Hillary Clinton")
    found = [(s, text[s:e]) for s, e in info.target.mentions]
    assert (text.index("Bill Clinton") + 5, "Clinton") not in found
    assert any(f == "Clinton" and s == text.index("Clinton then") for s, f in found)
    assert info.sort == "person"


def test_cue_polarity_on_the_target() -> None:
    text = ("The ministry issued a statement rejecting the report as biased. "
            "The charity welcomed the report in a statement on Tuesday.")
    a = analyse(text, [att(text, "the report as biased", "The ministry", cue="issued a statement rejecting")],
                ["the report"])
    assert a.quotes[0].stance["the report"].label == "oppose"
    welcome = [r for r in a.reactions if r.label == "support"]
    assert welcome and a.actor(welcome[0].actor) is not None
    assert "charity" in (a.actor(welcome[0].actor).name or "").lower()  # type: ignore[union-attr]


def test_negation_flips() -> None:
    pos = "\u201cThe report is fair and thorough,\u201d the minister said."
    neg = "\u201cThe report is not fair,\u201d the minister said."
    a = analyse(pos, [att(pos, "The report is fair and thorough", "the minister")], ["the report"])
    b = analyse(neg, [att(neg, "The report is not fair", "the minister")], ["the report"])
    assert a.quotes[0].stance["the report"].label == "support"
    assert b.quotes[0].stance["the report"].label == "oppose"
    plain = analyse(neg, [att(neg, "The report is not fair", "the minister")], ["the report"],
                    StanceConfig(negation=False))
    assert plain.quotes[0].stance["the report"].label == "support"  # the ablation really ablates


def test_uninvolved_target_is_neutral() -> None:
    text = "\u201cThe weather was terrible and the food was awful,\u201d the minister said of the summit."
    a = analyse(text, [att(text, "The weather was terrible and the food was awful", "the minister")],
                ["the report"])
    assert a.quotes[0].stance["the report"].label == "neutral"


def test_concession_is_damped() -> None:
    text = ("\u201cDespite persistent denials by the government, "
            "the report has shown a terrible truth,\u201d she said.")
    a = analyse(text, [att(text, "Despite persistent denials by the government, the report has shown a "
                                  "terrible truth", "she")], ["the government"])
    assert a.quotes[0].stance["the government"].label == "neutral"


def test_self_is_neutral_and_actor_aggregate() -> None:
    text = ("Jane Doe attacked Tom Roe on Monday. \u201cTom Roe is a dangerous liar,\u201d Doe said. "
            "\u201cI am proud of my record,\u201d Roe said.")
    atts = [att(text, "Tom Roe is a dangerous liar", "Doe", nth_source=1),
            att(text, "I am proud of my record", "Roe", nth_source=2)]
    a = analyse(text, atts, ["Tom Roe"])
    assert a.quotes[0].stance["Tom Roe"].label == "oppose"
    assert a.quotes[1].stance["Tom Roe"].label == "neutral"
    doe = next(x for x in a.actors if x.name == "Jane Doe")
    assert doe.stance["Tom Roe"].label == "oppose" and "q1" in doe.stance["Tom Roe"].evidence


def test_proposed_target() -> None:
    text = ("The new budget was unveiled on Friday. Unions condemned the budget. "
            "\u201cThe budget is a disgrace,\u201d a union leader said. Business groups praised the budget.")
    a = analyse(text, [att(text, "The budget is a disgrace", "a union leader")], None)
    assert a.targets and a.targets[0].proposed
    assert "budget" in a.targets[0].name
    assert a.quotes[0].stance[a.targets[0].name].label == "oppose"


def test_learned_layer_trains_and_ships() -> None:
    X = [{"bias": 1.0, "raw": 2.0, "lex_pos": 2.0}, {"bias": 1.0, "raw": -2.0, "lex_neg": 2.0},
         {"bias": 1.0, "raw": 0.0}] * 5
    y = ["support", "oppose", "neutral"] * 5
    w = train(X, y, epochs=300)
    assert len(w) == len(LABELS) and len(w[0]) == len(FEATURES)
    cfg = StanceConfig(weights=w)
    text = "\u201cThe report is excellent and rigorous,\u201d the minister said."
    a = analyse(text, [att(text, "The report is excellent and rigorous", "the minister")], ["the report"],
                cfg)
    assert a.quotes[0].stance["the report"].label == "support"


def test_shipped_weights_load_and_are_used() -> None:
    """The package ships a learned layer; a missing or stale file must fail here, not fall back silently."""
    shipped = load_weights()
    assert shipped is not None, "stance_weights.json did not load (missing, or trained on other features)"
    assert len(shipped) == len(LABELS) and all(len(row) == len(FEATURES) for row in shipped)
    assert default_config().weights == shipped


# --- the seed page ---

@pytest.fixture(scope="module")
def seed(fixture_dir: Path) -> tuple[str, dict]:  # type: ignore[type-arg]
    text = (fixture_dir / "seed.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    return text, json.loads((fixture_dir / "gold.json").read_text(encoding="utf-8"))


def _check_seed_stances(a: AnalyzedArticle, gold: dict) -> None:  # type: ignore[type-arg]
    target = a.targets[0].name
    for st in gold["stances"]:
        name = st["actor"]
        actor = next((x for x in a.actors if x.name == name or name in x.aliases
                      or (x.kind == "group" and name.startswith(x.name))), None)
        assert actor is not None, (name, [x.name for x in a.actors])
        assert target in actor.stance, (name, actor.stance)
        assert actor.stance[target].label == st["label"], (name, actor.stance[target])
        assert actor.stance[target].evidence


def test_seed_stances_on_gold_attributions(seed) -> None:  # type: ignore[no-untyped-def]
    text, gold = seed
    for config in (RULE, None):  # the rule alone, and with the shipped learned layer
        a = analyse(text, gold_attributions(text, gold), ["the UN report"], config)
        _check_seed_stances(a, gold)
        reaction = next(r for r in a.reactions
                        if "rights advocates" in (a.actor(r.actor).name if r.actor else ""))
        assert reaction.label == "support" and reaction.cue and reaction.mention


@pytest.mark.slow
def test_seed_stances_end_to_end(seed) -> None:  # type: ignore[no-untyped-def]
    """Through the real attribution extractor (another component): the six gold stances."""
    text, gold = seed
    a = analyze_text(text, targets=["the UN report"])
    _check_seed_stances(a, gold)
    for name in ("Liu Yuyin", "Zhang Jun"):
        actor = next(x for x in a.actors if x.name == name)
        assert actor.affiliation == "China"
