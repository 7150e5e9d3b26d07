"""Descriptions a name possesses ("Smith's deputy") and names in apposition to a relation
("Smith's wife, Dana"): each rule of ``analysis.actors.mentions`` / ``resolve`` on a small text."""

from __future__ import annotations

import re

from saidwhat.analysis.actors import resolve_actors
from saidwhat.analysis.attribution.model import Attribution
from saidwhat.analysis.nlp import get_nlp
from saidwhat.schema import Actor


def att(text: str, content: str, source: str, cue: str) -> Attribution:
    c = text.index(content)
    s = text.index(source)
    k = text.index(cue, max(0, min(c, s) - 5))
    return Attribution(content=[(c, c + len(content))], cue=[(k, k + len(cue))],
                       source=[(s, s + len(source))])


def speaker(text: str, content: str, source: str, cue: str) -> Actor | None:
    res = resolve_actors(get_nlp()(text), [att(text, content, source, cue)])
    return next((a for a in res.actors if a.id == res.speakers[0]), None)


def test_possessed_role_is_not_its_owner() -> None:
    """"Walker's potential VP" is never Walker; with no one of that role on record it is an actor of
    its own (a possessed role mostly brings in someone new), not the person just named."""
    text = ("Nina Ortiz spoke in Dayton on Friday. Ortiz said she backs the new bridge plan. "
            "Walker’s potential VP then revealed Walker “urged me to back the bridge.”")
    a = speaker(text, "“urged me to back the bridge.”", "Walker’s potential VP", "revealed")
    assert a is not None and a.name not in ("Walker", "Nina Ortiz")
    assert "VP" in a.name


def test_possessed_role_with_no_one_else_is_its_own_actor() -> None:
    """A headline's "Walker's Son Says ..." before anyone else is named: an actor of its own."""
    text = ("Walker’s Son Says The Race Will Be Close. As Tom Walker campaigned in Ohio, "
            "Luke Walker spoke to donors.")
    a = speaker(text, "The Race Will Be Close", "Walker’s Son", "Says")
    assert a is not None and a.name != "Tom Walker"
    assert re.search(r"son", a.name, re.I)


def test_span_around_a_possessed_role_names_the_person_described() -> None:
    """A source span "as Rosa Diaz's chief of staff during the Diaz administration" (a relative
    clause of the speaker) gives the chief of staff, not Rosa Diaz."""
    text = ("“The job comes with the marriage,” Ann Keller, who served as Rosa Diaz’s chief of staff "
            "during the Diaz administration, told reporters.")
    a = speaker(text, "The job comes with the marriage,",
                "as Rosa Diaz’s chief of staff during the Diaz administration", "told")
    assert a is not None and a.name != "Rosa Diaz"
    assert a.role == "chief"


def test_name_in_apposition_to_a_relation_is_a_person() -> None:
    """"Walker's wife, Melina," (a name the tagger may take for a place) can be "she"; a "she" two
    sentences later is not the woman named before her."""
    text = ("Former governor Jan Brewer, an early backer of Walker, praised him. On Monday, "
            "Walker’s wife, Melina, is to speak. She is often by her husband’s side. "
            "At a rally in Reno, she described Walker as “kind.”")
    res = resolve_actors(get_nlp()(text), [])
    pos = text.index("she described")
    a = next((x for x in res.actors if any(s <= pos < e for s, e in x.mentions)), None)
    assert a is not None and a.name == "Melina"
    assert a.kind == "person"


def test_speaking_first_last_name_is_a_person() -> None:
    """A First Last name the tagger may call an organisation, the subject of "said", is a person, so
    "the former CEO" in the next sentence can be her; "Morgan Stanley said" stays an organisation
    (no listed first name)."""
    text = ("Mark Dalton is right to attack the plan, Carly Fiorina said Monday. "
            "But, the former CEO of Hewlett-Packard added, it is not the way to win.")
    a = speaker(text, "it is not the way to win", "the former CEO of Hewlett-Packard", "added")
    assert a is not None and a.name == "Carly Fiorina"
    res = resolve_actors(get_nlp()("Morgan Stanley said profits rose."), [])
    assert all(x.kind != "person" for x in res.actors if x.name == "Morgan Stanley")


def test_role_an_organisation_possesses_is_an_affiliation() -> None:
    """"The State Department's inspector general" is no possessed person description: it does not
    join "Gen. Harold Moss" by the shared word "general", so "He" stays with Moss alone."""
    text = ("Gen. Harold Moss also comes to mind. He led the army. "
            "The State Department’s inspector general judged it much worse in a report.")
    res = resolve_actors(get_nlp()(text), [])
    moss = next(a for a in res.actors if a.name == "Harold Moss")
    pos = text.index("inspector general")
    assert not any(s <= pos < e for s, e in moss.mentions)

