"""Speakers' gender (saidwhat.store.gender) and who gets quoted (saidwhat.store.diversity), on small
articles of our own, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from identity_texts import Voice, story
from saidwhat.analysis.first_names import name_list_gender
from saidwhat.errors import ConfigError
from saidwhat.schema import Actor, AnalyzedArticle
from saidwhat.store import Store
from saidwhat.store.gender import canonical_gender, decide, text_gender


def only_actor(article: AnalyzedArticle) -> Actor:
    return article.actors[0]


@pytest.mark.parametrize(("voice", "gender"), [
    (Voice("Ann Ortiz", pronoun="she"), "female"),  # a pronoun the analysis resolved to her
    (Voice("Pat Ortiz", pronoun="he"), "male"),
    (Voice("Mrs. Ortiz"), "female"),  # an honorific in the name
    (Voice("Pat Ortiz", role="spokeswoman"), "female"),  # a gendered role noun
    (Voice("a city engineer", "anonymous", description="a woman who asked not to be named"), "female"),
    (Voice("Pat Ortiz"), None),  # nothing in the text: the name list is not text evidence
    (Voice("Pat Ortiz", pronoun="she", role="congressman"), "male"),  # 2 against 1: the noun wins
    (Voice("Tax Foundation", "organization", pronoun="she"), None),  # organisations have no gender
])
def test_text_gender_rules(voice: Voice, gender: str | None) -> None:
    article = story(1, voice)
    assert text_gender(only_actor(article), article) == gender


def test_honorific_before_a_mention_and_said_he() -> None:
    article = story(1, Voice("Ortiz"), prefix="Mr. Ortiz arrived. ")
    actor = only_actor(article)
    start = article.text.index("Ortiz arrived")
    actor = actor.model_copy(update={"mentions": [*actor.mentions, (start, start + 5)]})
    assert text_gender(actor, article) == "male"
    said = story(2, Voice("Lee Ortiz", said="we will see"))
    said = said.model_copy(update={"text": said.text.replace("Ortiz said.", "Ortiz said she")})
    assert text_gender(only_actor(said), said) == "female"


def test_decide_needs_a_margin() -> None:
    assert decide({"female": 2, "male": 1}) == "female"
    assert decide({"female": 3, "male": 2}) is None
    assert decide({}) is None


def test_name_list_and_canonical_gender() -> None:
    assert name_list_gender("Hillary") == "female" and name_list_gender("donald") == "male"
    assert name_list_gender("Jean") is None  # ambiguous names are not listed
    assert canonical_gender({"female": 3, "male": 1}, "Pat Ortiz", "person") == ("female", "text")
    assert canonical_gender({"female": 1, "male": 1}, "Mary Ortiz", "person") == ("unknown", "none")
    assert canonical_gender({}, "Mary Ortiz", "person") == ("female", "name-list")
    assert canonical_gender({}, "Ortiz", "person") == ("unknown", "none")
    assert canonical_gender({}, "Mary Ortiz", "organization") == (None, None)


def test_canonical_gender_prefers_text_over_the_name_list(store: Store) -> None:
    store.add_article(story(1, Voice("Jean Ortiz")))
    assert store.get_actor("person:jean-ortiz").gender == "unknown"  # type: ignore[union-attr]
    store.add_article(story(2, Voice("Jean Ortiz", pronoun="he")))
    detail = store.get_actor("person:jean-ortiz")
    assert detail is not None and (detail.gender, detail.gender_source) == ("male", "text")
    store.add_article(story(3, Voice("Mary Lund")))
    detail = store.get_actor("person:mary-lund")
    assert detail is not None and (detail.gender, detail.gender_source) == ("female", "name-list")


def fill(store: Store) -> None:
    store.add_article(story(1, Voice("Mary Lund", pronoun="she"), Voice("Tom Berg", pronoun="he"),
                            Voice("Tax Foundation", "organization"), outlet="A", published="2024-01-05"))
    store.add_article(story(2, Voice("Tom Berg", pronoun="he", affiliation="City Council"),
                            Voice("an official", "anonymous"), outlet="B", published="2024-02-10"))
    store.add_article(story(3, Voice("Ann Holm", pronoun="she", affiliation="City Council"),
                            Voice("Critics", "group"), outlet="B", published="2024-02-20"))


def test_gender_shares_per_outlet(store: Store) -> None:
    fill(store)
    table = store.diversity(dimension="gender", by="outlet")
    rows = {r.group: r for r in table.rows}
    assert [r.group for r in table.rows] == ["B", "A"]  # most quotes first
    # outlet A: Mary Lund 2 quotes (quote + pronoun quote), Tom Berg 2; the organisation is not a person
    assert rows["A"].counts == {"female": 2, "male": 2, "unknown": 0} and rows["A"].shares["female"] == 0.5
    # outlet B: Tom Berg 2, Ann Holm 2, the unnamed official 1 (unknown); the group is not a person
    assert rows["B"].counts == {"female": 2, "male": 2, "unknown": 1}
    assert table.overall.total == 9


def test_kind_and_affiliation_over_time(store: Store) -> None:
    fill(store)
    kinds = store.diversity(dimension="kind", by="month")
    assert [r.group for r in kinds.rows] == ["2024-01", "2024-02"]
    assert kinds.rows[0].counts == {"person": 4, "organization": 1, "group": 0, "anonymous": 0, "none": 0}
    assert kinds.rows[1].counts["group"] == 1 and kinds.rows[1].counts["anonymous"] == 1
    aff = store.diversity(dimension="affiliation", by="all", top=1)
    assert aff.categories == ["City Council", "none"]
    # Tom Berg's affiliation (from his second article) is the canonical actor's, so all his quotes count
    assert aff.overall.counts == {"City Council": 6, "none": 5}
    speakers = store.diversity(dimension="gender", by="all", count="speakers")
    assert speakers.overall.counts == {"female": 2, "male": 1, "unknown": 1}
    assert store.diversity(by="outlet", outlet="a").overall.total == 4
    assert store.diversity(by="outlet", since="2024-02-01").overall.total == 5


def test_diversity_bad_options_are_errors(store: Store) -> None:
    with pytest.raises(ConfigError, match="dimension must be one of"):
        store.diversity(dimension="age")
    with pytest.raises(ConfigError, match="by must be one of"):
        store.diversity(by="week")
    with pytest.raises(ConfigError, match="since"):
        store.diversity(since="May 2024")
