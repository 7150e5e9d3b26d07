"""Actor ids: a stage that adds an actor never reuses a taken id, whatever gaps the list has."""

from __future__ import annotations

from saidwhat.schema import Actor, free_actor_id


def _actors(*ids: str) -> list[Actor]:
    return [Actor(id=i, name=f"Actor {i}", kind="person") for i in ids]


def test_free_id_follows_a_gapless_list() -> None:
    assert free_actor_id(_actors("a1", "a2")) == "a3"
    assert free_actor_id([]) == "a1"


def test_free_id_never_reuses_a_taken_id_after_a_gap() -> None:
    # a1 and a3: the list's length + 1 ("a3") is taken
    assert free_actor_id(_actors("a1", "a3")) == "a4"
    assert free_actor_id(_actors("a2", "a3", "a4")) == "a5"
