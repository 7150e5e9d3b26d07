"""The learned participation model and the name rules added with it (issue 9, item 4).

Each rule on made-up sentences of its own (none from the shared dev pages nor the own pages)."""

from __future__ import annotations

import pytest

from saidwhat.analysis.actors import participation, resolve_actors
from saidwhat.analysis.actors.filters import clip_name, heading_tokens, lowercase_words, not_a_name
from saidwhat.analysis.actors.resolve import actor_candidates
from saidwhat.analysis.attribution.model import Attribution
from saidwhat.analysis.nlp import get_nlp


def _names(text: str, atts: list[Attribution] | None = None) -> list[str]:
    return [a.name for a in resolve_actors(get_nlp()(text), atts or []).actors]


def test_a_social_media_handle_is_no_name() -> None:
    text = "The survey covered 400 farms. Follow us on Twitter @Harvestnews and on our website."
    assert not any("@" in n for n in _names(text))
    doc = get_nlp()(text)
    at = text.index("Twitter")
    span = doc.char_span(at, len("Twitter @Harvestnews") + at, alignment_mode="expand")
    assert span is not None
    assert not_a_name(span, lowercase_words(doc), organisation=True) == "social media handle"


def _reason_of(text: str, word: str, nth: int = 1) -> str | None:
    doc = get_nlp()(text)
    at = -1
    for _ in range(nth):
        at = text.index(word, at + 1)
    span = doc.char_span(at, at + len(word))
    assert span is not None
    return not_a_name(span, lowercase_words(doc), organisation=True)


def test_a_common_word_capitalised_only_at_a_sentence_start_is_no_name() -> None:
    text = "The village feared the blight for weeks. Blight can ruin a harvest in days, farmers said."
    assert _reason_of(text, "Blight") == "common word at a sentence's start"
    # a name the page never writes in lowercase keeps its capital's meaning
    other = "The village feared the storm for weeks. Velmora can ruin a harvest in days, farmers said."
    assert _reason_of(other, "Velmora") is None


def test_a_line_in_headline_case_is_a_heading() -> None:
    text = ("The mayor opened the new bridge on Monday.\n\n"
            "- Harbor Council Approves Budget for Kestrel Bridge\n\nResidents welcomed the opening.")
    doc = get_nlp()(text)
    heads = heading_tokens(doc)
    line = text.index("Harbor Council")
    assert all(t.i in heads for t in doc if line <= t.idx < text.index("\n\nResidents"))
    assert not any(t.i in heads for t in doc if t.idx < text.index("\n"))  # a sentence with a full stop


def test_the_shipped_model_is_bounded_and_monotone_in_acting() -> None:
    model = participation.load_model()
    assert model is not None
    assert 0.0 < model.threshold < 1.0
    base = {"bias": 1.0, "kind=organization": 1.0, "named": 1.0, "once": 1.0, "page=news": 1.0}
    p0 = participation.probability(base, model.weights)
    # a cluster that acts (a subject or agent), and one named in more sentences, is likelier an actor
    assert participation.probability({**base, "acts": 1.0}, model.weights) > p0
    assert participation.probability({**base, "log_sentences": 0.6}, model.weights) > p0
    # only ever a modifier ("the Z script") makes it less likely
    assert participation.probability({**base, "only_modifiers": 1.0}, model.weights) < p0
    extreme = {k: 1.0 for k in model.weights}
    for feats in (extreme, {k: 1.0 for k, w in model.weights.items() if w < 0}, base):
        assert 0.0 <= participation.probability(feats, model.weights) <= 1.0


def test_every_feature_lies_between_zero_and_one() -> None:
    text = ("Orvane Aerospace said on Monday that it would hire 200 engineers. The company's chief, "
            "Ada Lind, said Orvane Aerospace expects more orders from Kestrel Airways.")
    doc = get_nlp()(text)
    cands = actor_candidates(doc, [], page_type="news")
    assert cands
    for c in cands:
        assert all(0.0 <= v <= 1.0 for v in c.features.values()), c.features


def test_a_speaker_is_never_dropped_by_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Velmora said the plant would close. The plant uses parts from Kestrel Works and Orvane Steel."
    c = text.index("the plant would close")
    s = text.index("Velmora")
    k = text.index("said")
    att = Attribution(content=[(c, c + len("the plant would close"))], cue=[(k, k + 4)],
                      source=[(s, s + len("Velmora"))])
    before = _names(text, [att])
    assert "Velmora" in before and len(before) > 1
    # a threshold no probability reaches: the model drops every actor it is asked about
    drop_all = participation.Model({"bias": 0.0}, 1.01)
    monkeypatch.setattr("saidwhat.analysis.actors.resolve.load_model", lambda: drop_all)
    assert _names(text, [att]) == ["Velmora"]


def test_a_name_ends_before_a_bracket_or_a_colon() -> None:
    text = "The Harbor Authority of Velmora (HAV said the port would close. Ada Lind: Notes came out."
    doc = get_nlp()(text)
    k = next(t.i for t in doc if t.text == "(")
    assert clip_name(doc, 0, k + 2) == (0, k)  # "The Harbor Authority of Velmora", without "(HAV"
    a = next(t.i for t in doc if t.text == "Ada")
    assert clip_name(doc, a, a + 4) == (a, a + 2)  # "Ada Lind", not "Ada Lind: Notes"


def test_a_persons_full_name_before_of_is_a_person_and_her_affiliation() -> None:
    text = "Margaret Olsen Vike of the University of Tarnby has studied harbours for years."
    names = _names(text)
    assert "Margaret Olsen Vike" in names
    assert not any(n.startswith("Margaret Olsen Vike of") for n in names)
    # an organisation's own word before "of" keeps the name whole
    doc = get_nlp()("John Jay College of Criminal Justice hired ten teachers.")
    assert clip_name(doc, 0, 6) == (0, 6)

