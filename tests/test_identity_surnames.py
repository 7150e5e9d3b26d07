"""Surnames across the store when an article names two bearers, and surnames taken for organisations
(saidwhat.store.identity): small articles of our own, on SQLite and PostgreSQL."""

from __future__ import annotations

from identity_texts import Voice, story
from saidwhat.store import Store
from test_identity import key_of


def test_honorific_picks_the_bearer_of_its_own_article(store: Store) -> None:
    """Bill and Hillary Clinton in one article, nothing in the store yet: "Mrs. Clinton" is Hillary."""
    a = store.add_article(story(1, Voice("Bill Clinton"), Voice("Hillary Clinton"), Voice("Mrs. Clinton"),
                                Voice("Mr. Clinton"))).article_id
    assert key_of(store, a, "Mrs. Clinton") == "person:hillary-clinton"
    assert key_of(store, a, "Mr. Clinton") == "person:bill-clinton"


def test_a_bare_surname_between_two_bearers_still_waits(store: Store) -> None:
    art = story(1, Voice("Bill Clinton"), Voice("Hillary Clinton"), Voice("Clinton"))
    a = store.add_article(art).article_id
    assert "@" in key_of(store, a, "Clinton")


def test_an_organisation_named_by_a_surname_of_its_article_is_the_person(store: Store) -> None:
    a = store.add_article(story(1, Voice("Donald Trump"), Voice("Trump", "organization"))).article_id
    b = store.add_article(story(2, Voice("Trump", "organization"))).article_id
    assert key_of(store, a, "Trump") == "person:donald-trump"
    assert not key_of(store, b, "Trump").startswith("person:")  # no person of that surname in its article


def test_a_person_taken_for_an_organisation_is_the_surname_of_its_article(store: Store) -> None:
    """"Carly Fiorina" tagged an organisation and "Fiorina" a person in one article: one person."""
    a = store.add_article(story(1, Voice("Carly Fiorina", "organization"), Voice("Fiorina"))).article_id
    assert key_of(store, a, "Fiorina") == key_of(store, a, "Carly Fiorina") == "person:carly-fiorina"
    b = store.add_article(story(2, Voice("Hewlett Packard", "organization"), Voice("Packard"))).article_id
    assert key_of(store, b, "Hewlett Packard").startswith("organization:")  # no first name on the list
    c = store.add_article(story(3, Voice("Goldman Sachs", "organization"), Voice("Blankfein"))).article_id
    assert key_of(store, c, "Goldman Sachs").startswith("organization:")  # "Sachs" never alone


def test_a_surname_the_text_calls_she_is_not_the_man_of_its_article(store: Store) -> None:
    """"Ventor ... she added" beside "Frank Ventor" (her husband, say): not Frank Ventor; the same for
    an honorific ("Mrs. Ventor") beside him alone."""
    a = store.add_article(story(1, Voice("Frank Ventor"), Voice("Ventor", pronoun="she"))).article_id
    assert key_of(store, a, "Frank Ventor") == "person:frank-ventor"
    assert key_of(store, a, "Ventor") != "person:frank-ventor"
    b = store.add_article(story(2, Voice("Frank Ventor"), Voice("Mrs. Ventor"))).article_id
    assert key_of(store, b, "Mrs. Ventor") != "person:frank-ventor"
    c = store.add_article(story(3, Voice("Frank Ventor"), Voice("Ventor", pronoun="he"))).article_id
    assert key_of(store, c, "Ventor") == "person:frank-ventor"


def test_a_pronoun_alone_does_not_send_a_surname_to_a_less_named_bearer(store: Store) -> None:
    """The store names Peter Lindqvist ("he") in six articles and Greta Lindqvist in two; an article
    that names neither in full has "Lindqvist" with a "she" resolved to it (a resolution error, as
    "President Obama backed her up" is): the best-known bearer, as without the pronoun, and the
    pronoun does not make him a woman. An honorific still decides ("Mrs. Lindqvist"), and so does the
    pronoun where the evidence leaves the choice open."""
    for n in range(1, 7):
        store.add_article(story(n, Voice("Peter Lindqvist", pronoun="he")))
    for n in (21, 22):
        store.add_article(story(n, Voice("Greta Lindqvist")))
    a = store.add_article(story(31, Voice("Lindqvist", pronoun="she"))).article_id
    assert key_of(store, a, "Lindqvist") == "person:peter-lindqvist"
    b = store.add_article(story(32, Voice("Mrs. Lindqvist"))).article_id
    assert key_of(store, b, "Mrs. Lindqvist") == "person:greta-lindqvist"
    for n in (7, 8):
        store.add_article(story(n, Voice("Anna Moravec", pronoun="she")))
        store.add_article(story(n + 10, Voice("Pavel Moravec", pronoun="he")))
    c = store.add_article(story(33, Voice("Moravec", pronoun="she"))).article_id
    assert key_of(store, c, "Moravec") == "person:anna-moravec"
