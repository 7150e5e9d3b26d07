"""Doubtful speakers kept apart at store time (saidwhat.store.speakers), and unnamed sources that are
a person's surname (saidwhat.store.identity.misread_person): each rule on small texts of its own.
Plurals, indefinite descriptions and persons named in their own quote are the analysis' rules now
(tests/test_speaker_identity.py); the store leaves them alone."""

from __future__ import annotations

import pytest

from identity_texts import Voice, story
from saidwhat.schema import Actor, AnalyzedArticle, Quote, Speaker
from saidwhat.store import Store
from saidwhat.store.speakers import detach_doubtful, doubtful_speakers, is_detached


def article(text: str, actor: Actor, said: str, mention: str, *, after: int = 0) -> AnalyzedArticle:
    """One quote ``said`` whose speaker mention (found after ``after``) the analysis resolved to ``actor``."""
    c0 = text.index(said)
    m0 = text.index(mention, after)
    quote = Quote(id="q1", kind="direct", content=[(c0, c0 + len(said))], text=said,
                  speaker=Speaker(mention=[(m0, m0 + len(mention))], actor=actor.id))
    return AnalyzedArticle(text=text, actors=[actor], quotes=[quote], source="t.txt")


def person(name: str, *aliases: str) -> Actor:
    return Actor(id="a1", name=name, kind="person", aliases=list(aliases))


@pytest.mark.parametrize(("text", "actor", "said", "mention", "reason"), [
    # a pronoun of the other gender than the actor's names say
    ("Barack Obama spoke. “We will win,” she said.", person("Barack Obama"), "We will win", "she",
     "a pronoun of the other gender"),
    ("Mrs. Clinton left. “We will win,” he said.", person("Hillary Clinton", "Mrs. Clinton"), "We will win",
     "he", "a pronoun of the other gender"),
])
def test_doubtful_speakers(text: str, actor: Actor, said: str, mention: str, reason: str) -> None:
    doubts = doubtful_speakers(article(text, actor, said, mention, after=text.index(".")))
    assert [(d.quote_id, d.actor_id, d.reason) for d in doubts] == [("q1", "a1", reason)]


@pytest.mark.parametrize(("text", "actor", "said", "mention"), [
    ("Barack Obama spoke. “We will win,” he said.", person("Barack Obama"), "We will win", "he"),
    ("Barack Obama spoke. “We will win,” Obama said.", person("Barack Obama", "Obama"), "We will win",
     "Obama"),
    # a name, even the other gender's name, is the analysis' match of names, not a guess
    ("Lee spoke. “We will win,” Mrs. Lee said.", person("Robert Lee"), "We will win", "Mrs. Lee"),
    # plural documents of their owner, a capitalised name at the end, a document by its issuer
    ("Trump wrote. His tweets said “we will win.”", person("Donald Trump"), "we will win", "His tweets"),
    ("Hope Hicks spoke. Trump spokeswoman Hope Hicks said “no.”", person("Hope Hicks"), "no",
     "Trump spokeswoman Hope Hicks"),
    ("Jane Roe spoke. “No,” said a statement from her office.", person("Jane Roe"), "No",
     "a statement from her office"),
    # an indefinite description that names the actor
    ("Iowa voted. “No,” said one Republican hopeful, Carly Fiorina.", person("Carly Fiorina"), "No",
     "one Republican hopeful, Carly Fiorina"),
    # the analysis' rules now, not the store's: a plural, an indefinite description, named in the quote
    ("John McCain ran. The lawyers said “he is eligible.”", person("John McCain"), "he is eligible",
     "The lawyers"),
    ("Bernie Sanders spoke. “He was angry,” according to a Democrat familiar with the talks.",
     person("Bernie Sanders"), "He was angry", "a Democrat familiar with the talks"),
    ("Ryan spoke. He says Obama “knows full well what the law says.”", person("Barack Obama", "Obama"),
     "Obama “knows full well what the law says.", "He"),
    # an organisation named in its own statement: only people's surnames count
    ("The FBI spoke. “The FBI will act,” it said.", Actor(id="a1", name="FBI", kind="organization"),
     "The FBI will act", "it"),
])
def test_resolutions_the_text_does_not_contradict(text: str, actor: Actor, said: str, mention: str) -> None:
    assert doubtful_speakers(article(text, actor, said, mention, after=text.index(".") + 1)) == []


def test_detached_speaker_has_its_own_actor_and_leaves_the_original() -> None:
    text = "Barack Obama spoke. “We will win,” she said."
    a = article(text, person("Barack Obama"), "We will win", "she")
    a.actors[0].mentions.append(a.quotes[0].speaker.mention[0])
    got = detach_doubtful(a)
    new = got.actor(got.quotes[0].speaker.actor)
    assert new is not None and is_detached(new.id) and new.name == "she" and new.kind == "person"
    assert "Barack Obama" in (new.description or "")
    assert got.actors[0].mentions == []  # the mention is no longer the original actor's
    assert detach_doubtful(got) == got  # applied twice: nothing more
    assert a.quotes[0].speaker.actor == "a1"  # the input is not changed


def test_store_keeps_a_doubtful_pronoun_apart_across_articles(store: Store) -> None:
    store.add_article(story(1, Voice("Barack Obama", pronoun="he")))
    second = store.add_article(story(2, Voice("Barack Obama", pronoun="she"))).article_id
    keys = {h.quote_id: h.actor_key or "" for h in store.iter_quotes() if h.article_id == second}
    assert keys["q1"] == "person:barack-obama"
    assert "@" in keys["q2"] and keys["q2"] != "person:barack-obama"  # an actor of its own article
    first = {h.quote_id: h.actor_key for h in store.iter_quotes() if h.article_id != second}
    assert set(first.values()) == {"person:barack-obama"}


def test_two_kept_apart_speakers_of_one_article_stay_two(store: Store) -> None:
    art = story(1, Voice("Barack Obama", pronoun="she"), Voice("Joe Biden", pronoun="she"))
    aid = store.add_article(art).article_id
    keys = {h.quote_id: h.actor_key for h in store.iter_quotes() if h.article_id == aid}
    assert keys["q2"] != keys["q4"] and all("@" in str(keys[q]) for q in ("q2", "q4"))


def test_an_unnamed_source_that_is_a_known_surname_joins_the_person(store: Store) -> None:
    for n in (1, 2):
        store.add_article(story(n, Voice("Terry McAuliffe")))
    aid = store.add_article(story(3, Voice("McAuliffe", kind="anonymous"))).article_id
    assert {h.actor_key for h in store.iter_quotes() if h.article_id == aid} == {"person:terry-mcauliffe"}


def test_a_group_named_like_nobody_stays_in_its_article(store: Store) -> None:
    for n in (1, 2):
        store.add_article(story(n, Voice("Terry McAuliffe")))
    aid = store.add_article(story(3, Voice("Republicans", kind="group"))).article_id
    assert all("@" in (h.actor_key or "") for h in store.iter_quotes() if h.article_id == aid)


@pytest.mark.parametrize("names", ["Republican Lee and Democrat McAuliffe", "Mr. Lee and Mr. McAuliffe"])
def test_people_named_together_are_no_misread_surname(store: Store, names: str) -> None:
    for n in (1, 2):
        store.add_article(story(n, Voice("Terry McAuliffe")))
    aid = store.add_article(story(3, Voice(names, kind="group"))).article_id
    assert all("@" in (h.actor_key or "") for h in store.iter_quotes() if h.article_id == aid)


def test_a_pronoun_of_the_other_gender_goes_to_the_person_of_its_gender_just_before() -> None:
    text = "Jane Roe met Barack Obama. “We will win,” she said."
    roe = Actor(id="a1", name="Jane Roe", kind="person", mentions=[(0, 8)])
    obama = Actor(id="a2", name="Barack Obama", kind="person", mentions=[(13, 25)])
    a = article(text, obama, "We will win", "she")
    a = a.model_copy(update={"actors": [roe, obama]})
    got = detach_doubtful(a)
    assert got.quotes[0].speaker.actor == "a1"
    assert a.quotes[0].speaker.mention[0] in got.actors[0].mentions
    assert [x.id for x in got.actors] == ["a1", "a2"]  # nobody new
    assert detach_doubtful(got) == got


def test_no_person_of_the_pronouns_gender_nearby_keeps_it_apart() -> None:
    text = "Jane Roe spoke. " + "Filler words go here. " * 20 + "Barack Obama came. “We will win,” she said."
    roe = Actor(id="a1", name="Jane Roe", kind="person", mentions=[(0, 8)])
    obama = person("Barack Obama")
    got = detach_doubtful(article(text, obama, "We will win", "she").model_copy(
        update={"actors": [roe, obama]}))
    assert is_detached(got.quotes[0].speaker.actor or "")  # Jane Roe is further back than REACH


def test_a_persons_campaign_taken_for_an_unnamed_source_is_that_persons_campaign(store: Store) -> None:
    store.add_article(story(1, Voice("Hillary Clinton")))
    aid = store.add_article(story(2, Voice("Hillary Clinton’s campaign", kind="anonymous"))).article_id
    keys = {h.actor_key for h in store.iter_quotes() if h.article_id == aid}
    assert keys == {"organization:hillary-clinton-campaign"}


def test_a_name_no_person_bears_joins_the_organisation_of_that_name(store: Store) -> None:
    store.add_article(story(1, Voice("Politico", kind="organization")))
    aid = store.add_article(story(2, Voice("Politico"))).article_id  # taken for a person's surname
    assert {h.actor_key for h in store.iter_quotes() if h.article_id == aid} == {"organization:politico"}
