"""Attitudes toward someone (``attribution/attitudes.py``): typed apart from speech, read by the stance step.

Each rule on a sentence of its own; none is from an evaluation page.
"""

from __future__ import annotations

import pytest

from saidwhat.analysis import analyze_text
from saidwhat.analysis.attribution import find_attributions
from saidwhat.analysis.attribution.attitudes import attitude_attributions
from saidwhat.analysis.nlp import get_nlp
from saidwhat.analysis.stance.assign import stances_for_attributions


def _attitudes(text: str) -> list[tuple[str, str, str, str | None]]:
    """(source, cue, content, side) of each attitude of ``text``."""
    doc = get_nlp()(text)
    return [(" ".join(text[s:e] for s, e in a.source), " ".join(text[s:e] for s, e in a.cue),
             " ".join(text[s:e] for s, e in a.content), a.attitude)
            for a in attitude_attributions(doc, [])]


@pytest.mark.parametrize(("text", "source", "content", "side"), [
    # a verb of attacking, its object the person, its "for" reason with him
    ("The governor castigated Senator Mark Ellery for ignoring the farmers.", "The governor",
     "Senator Mark Ellery for ignoring the farmers", "oppose"),
    # a participle: the noun it modifies takes the side
    ("Retired teachers backing Mayor Dana Pruitt gathered downtown.", "Retired teachers",
     "Mayor Dana Pruitt", "support"),
    # a verb with its preposition
    ("The county's farmers rallied behind Dana Pruitt last spring.", "The county's farmers",
     "Dana Pruitt", "support"),
    # a noun of backers after a copula: the subject is the source
    ("Nurses were among the first supporters of Dana Pruitt.", "Nurses", "Dana Pruitt", "support"),
    # the noun of backers alone names the source
    ("Supporters of Dana Pruitt filled the hall.", "Supporters", "Dana Pruitt", "support"),
    # a possessor's endorsement
    ("The union's endorsement of Dana Pruitt came late.", "The union's", "Dana Pruitt", "support"),
    # "has the support of X": X backs the subject
    ("Dana Pruitt has the support of younger voters.", "younger voters", "Dana Pruitt", "support"),
    # "received support from X": X backs the subject
    ("Dana Pruitt received support from most farmers.", "most farmers", "Dana Pruitt", "support"),
    # a name before the noun, the source after "by"
    ("It came after a Dana Pruitt endorsement by Ed Lowe.", "Ed Lowe", "Dana Pruitt", "support"),
    # a gerund after a preposition: the subject of the verb it hangs from
    ("The coach lost his job for attacking Dana Pruitt.", "The coach", "Dana Pruitt", "oppose"),
    # negation flips the side
    ("The senator did not endorse Dana Pruitt.", "The senator", "Dana Pruitt", "oppose"),
])
def test_attitude_forms(text: str, source: str, content: str, side: str) -> None:
    assert (source, content, side) in [(s, c, d) for s, _, c, d in _attitudes(text)]


@pytest.mark.parametrize("text", [
    "Do you support Dana Pruitt?",  # a question takes no side
    "Ed Lowe, who supports Dana Pruitt, spoke first.",  # a relative clause: PolNeAR leaves it unmarked
    "The council criticised the budget.",  # a thing, not someone
    "The mayor faced criticism on Tuesday.",  # a date is not someone
])
def test_no_attitude(text: str) -> None:
    assert _attitudes(text) == []


def test_attitudes_only_when_asked_and_typed_apart() -> None:
    text = "Nurses were among the first supporters of Dana Pruitt."
    doc = get_nlp()(text)
    assert all(a.attitude is None for a in find_attributions(doc))
    added = [a for a in find_attributions(doc, attitudes=True) if a.attitude is not None]
    assert added and all(a.type == "belief" for a in added)
    # analyze (the user profile) shows no attitude as a quote
    assert not analyze_text(text).quotes


def test_attitude_gives_its_side_toward_the_person_in_it() -> None:
    text = ("Dana Pruitt is running for governor. Ed Lowe is her rival. "
            "The nurses' union was among the first supporters of Dana Pruitt.")
    doc = get_nlp()(text)
    art = stances_for_attributions(doc, find_attributions(doc, attitudes=True), ["Dana Pruitt", "Ed Lowe"])
    att = [q for q in art.quotes if "Dana Pruitt" in text[q.content[0][0]:q.content[0][1]]]
    assert att and att[-1].stance["Dana Pruitt"].label == "support"
    assert "Ed Lowe" not in att[-1].stance  # nothing about the rival: no record
