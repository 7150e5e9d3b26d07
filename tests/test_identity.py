"""Actor identity across articles (saidwhat.store.identity, saidwhat.store.canonical): each rule on
small articles of our own, on SQLite and PostgreSQL (the ``store`` fixture of test_store)."""

from __future__ import annotations

import pytest

from identity_texts import Voice, story
from saidwhat.errors import ConfigError
from saidwhat.store import Store
from saidwhat.store.identity import parse_name


def keys_by_name(store: Store) -> dict[str, str]:
    """Speaker name as written in each quote → canonical key, over the whole store."""
    return {f"{h.article_id}:{h.speaker}": h.actor_key or "" for h in store.iter_quotes()}


def key_of(store: Store, article_id: int, name: str) -> str:
    detail = store.get_article(article_id)
    assert detail is not None
    local = next(a.id for a in detail.article.actors if a.name == name)
    hit = next(h for h in store.iter_quotes() if h.article_id == article_id
               and detail.article.quotes[int(h.quote_id[1:]) - 1].speaker.actor == local)
    assert hit.actor_key is not None
    return hit.actor_key


# -- names ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "kind", "type_", "norm"), [
    ("Donald J. Trump", "person", "name", "donald trump"),
    ("Donald Trump Jr.", "person", "name", "donald trump jr"),
    ("Hillary Rodham Clinton", "person", "name", "hillary clinton"),
    ("Bill Clinton", "person", "name", "william clinton"),
    ("Indiana Gov. Mike Pence", "person", "name", "michael pence"),
    ("Secretary of State John Kerry", "person", "name", "john kerry"),
    ("Trump", "person", "surname", "trump"),
    ("Mr. McKinley", "anonymous", "surname", "mckinley"),
    ("aides to Mr. Sanders", "person", "description", "aides to mr sanders"),
    ("President Obama", "person", "surname", "obama"),
    ("Obama says", "person", "surname", "obama"),
    ("Obama Says", "person", "surname", "obama"),
    ("the Democratic presidential nominee", "person", "description", "the democratic presidential nominee"),
    ("the Indiana governor", "person", "description", "the indiana governor"),
    ("the dying woman", "anonymous", "description", "the dying woman"),
    ("an official", "anonymous", "description", "an official"),
    ("Republicans", "group", "description", "republicans"),
    ("I", "person", "description", "i"),
    ("the New York Times", "organization", "organization", "new york times"),
    ("Office of the United Nations High Commissioner", "organization", "organization",
     "office of the united nations high commissioner"),
    ("FBI", "organization", "acronym", "fbi"),
    ("PAC", "organization", "description", "pac"),  # a kind of body, not one of them
    ("Our Principles PAC", "organization", "organization", "principles pac"),
    ("the campaign", "organization", "description", "the campaign"),
    ("the Trump campaign", "organization", "owned", "campaign"),
    ("@realDonaldTrump", "person", "handle", "@realdonaldtrump"),
    # a surname's particles are part of it; a capitalised first word on the first-name list is a first name
    ("Mayor Bill de Blasio", "person", "name", "william de blasio"),
    ("De Blasio", "person", "surname", "de blasio"),
    ("de Blasio", "person", "surname", "de blasio"),
    ("Ursula von der Leyen", "person", "name", "ursula von der leyen"),
    ("Rose dos Santos", "person", "name", "rose dos santos"),
    ("Van Jones", "person", "name", "van jones"),
])
def test_parse_name(name: str, kind: str, type_: str, norm: str) -> None:
    form = parse_name(name, kind)
    assert (form.type, form.norm) == (type_, norm)


def test_particles_stay_in_the_surname_and_the_key() -> None:
    assert (parse_name("Bill de Blasio", "person").surname, parse_name("De Blasio", "person").surname) \
        == ("de blasio", "de blasio")
    van = parse_name("Van Jones", "person")
    assert (van.given, van.surname) == ("van", "jones")


def test_honorific_and_titles_are_evidence_not_name() -> None:
    assert parse_name("Mrs. Clinton", "person").honorific_gender == "female"
    assert parse_name("Mr. Trump", "person").honorific_gender == "male"
    form = parse_name("former President Bill Clinton", "person")
    assert (form.display, form.titles, form.first) == ("Bill Clinton", ("former", "president"), "bill")


# -- the store ------------------------------------------------------------------------------------------


def test_full_names_join_across_articles_whatever_the_middle_initial(store: Store) -> None:
    a = store.add_article(story(1, Voice("Donald Trump"))).article_id
    b = store.add_article(story(2, Voice("Donald J. Trump"))).article_id
    c = store.add_article(story(3, Voice("Donald Trump Jr."))).article_id
    assert key_of(store, a, "Donald Trump") == key_of(store, b, "Donald J. Trump") == "person:donald-trump"
    assert key_of(store, c, "Donald Trump Jr.") == "person:donald-trump-jr"
    detail = store.get_actor("person:donald-trump")
    assert detail is not None and detail.n_articles == 2 and "Donald J. Trump" in detail.aliases


def test_surname_joins_the_dominant_person_and_waits_when_unknown(store: Store) -> None:
    first = store.add_article(story(1, Voice("Sanders"))).article_id  # nobody named Sanders yet
    assert "@" in key_of(store, first, "Sanders")  # an actor of its own article, for now
    for n in (2, 3, 4):
        store.add_article(story(n, Voice("Bernie Sanders")))
    assert key_of(store, first, "Sanders") == "person:bernie-sanders"  # looked at again and moved
    store.add_article(story(5, Voice("Sarah Sanders")))
    later = store.add_article(story(6, Voice("Sanders"))).article_id
    assert key_of(store, later, "Sanders") == "person:bernie-sanders"  # 3 articles against 1


def test_a_surname_with_its_particle_joins_its_bearer_and_not_the_bare_word(store: Store) -> None:
    for n in (1, 2, 3):
        store.add_article(story(n, Voice("Bill de Blasio")))
    store.add_article(story(4, Voice("Bill Blasio")))
    de = store.add_article(story(5, Voice("de Blasio"))).article_id
    cap = store.add_article(story(6, Voice("De Blasio"))).article_id
    assert key_of(store, de, "de Blasio") == key_of(store, cap, "De Blasio") == "person:bill-de-blasio"


def test_comparable_surnames_stay_apart(store: Store) -> None:
    store.add_article(story(1, Voice("John Smith")))
    store.add_article(story(2, Voice("Jane Smith")))
    c = store.add_article(story(3, Voice("Smith"))).article_id
    assert "@" in key_of(store, c, "Smith")


def test_an_unknown_full_name_joins_the_person_its_article_also_names(store: Store) -> None:
    for n in (1, 2):
        store.add_article(story(n, Voice("Hillary Clinton")))
    c = store.add_article(story(3, Voice("Crooked Hillary Clinton", aliases=("Hillary Clinton", "Clinton"))))
    assert key_of(store, c.article_id, "Crooked Hillary Clinton") == "person:hillary-clinton"
    d = store.add_article(story(4, Voice("Jane Roe", aliases=("Janet Roe",)))).article_id
    assert key_of(store, d, "Jane Roe") == "person:jane-roe"  # no alias known: its own new actor


def test_different_middle_initials_are_different_people(store: Store) -> None:
    w = store.add_article(story(1, Voice("George W. Bush"))).article_id
    hw = store.add_article(story(2, Voice("George H.W. Bush"))).article_id
    plain = store.add_article(story(3, Voice("Donald Trump"))).article_id
    j = store.add_article(story(4, Voice("Donald J. Trump"))).article_id
    assert key_of(store, w, "George W. Bush") != key_of(store, hw, "George H.W. Bush")
    assert key_of(store, plain, "Donald Trump") == key_of(store, j, "Donald J. Trump")


def test_a_surname_needs_a_person_named_in_several_articles(store: Store) -> None:
    store.add_article(story(1, Voice("Ben Hillary")))
    b = store.add_article(story(2, Voice("Hillary"))).article_id
    assert "@" in key_of(store, b, "Hillary")


def test_an_organisation_that_is_a_known_person_joins_the_person(store: Store) -> None:
    store.add_article(story(1, Voice("Carly Fiorina")))
    b = store.add_article(story(2, Voice("Carly Fiorina", "organization"))).article_id
    assert key_of(store, b, "Carly Fiorina") == "person:carly-fiorina"


def test_surname_uses_the_same_article_first(store: Store) -> None:
    for n in (1, 2, 3, 4):
        store.add_article(story(n, Voice("Hillary Clinton")))
    c = store.add_article(story(5, Voice("Bill Clinton"), Voice("Clinton"))).article_id
    assert key_of(store, c, "Clinton") == "person:bill-clinton"


def test_honorific_must_agree_with_the_texts_gender(store: Store) -> None:
    for n in (1, 2, 3, 4):
        store.add_article(story(n, Voice("Hillary Clinton", pronoun="she")))
    for n in (5, 6):
        store.add_article(story(n, Voice("Bill Clinton", pronoun="he")))
    mrs = store.add_article(story(7, Voice("Mrs. Clinton"))).article_id
    mr = store.add_article(story(8, Voice("Mr. Clinton"))).article_id
    assert key_of(store, mrs, "Mrs. Clinton") == "person:hillary-clinton"
    assert key_of(store, mr, "Mr. Clinton") == "person:bill-clinton"


def test_the_affiliation_the_article_gives_decides_a_surname(store: Store) -> None:
    for n in (1, 2, 3, 4, 5, 6):
        store.add_article(story(n, Voice("Gary Johnson", affiliation="Libertarian Party")))
    for n in (7, 8):
        store.add_article(story(n, Voice("Jeh Johnson", affiliation="Department of Homeland Security")))
    c = store.add_article(story(9, Voice("Johnson", affiliation="Homeland Security"))).article_id
    d = store.add_article(story(10, Voice("Johnson"))).article_id
    assert key_of(store, c, "Johnson") == "person:jeh-johnson"
    assert key_of(store, d, "Johnson") == "person:gary-johnson"  # 6 articles against 2


def test_cooccurring_actors_decide_an_even_surname(store: Store) -> None:
    store.add_article(story(1, Voice("Tim Kaine"), Voice("Sam Johnson")))
    store.add_article(story(2, Voice("Tim Kaine"), Voice("Sam Johnson")))
    store.add_article(story(3, Voice("Gary Johnson"), Voice("William Weld")))
    store.add_article(story(4, Voice("Gary Johnson"), Voice("Jill Stein")))
    c = store.add_article(story(5, Voice("Tim Kaine"), Voice("Johnson"))).article_id
    assert key_of(store, c, "Johnson") == "person:sam-johnson"


def test_descriptions_never_join_across_articles(store: Store) -> None:
    nominee = Voice("the Democratic presidential nominee")
    republicans, official = Voice("Republicans", "group"), Voice("an official", "anonymous")
    a = store.add_article(story(1, Voice("Donald Trump"), nominee)).article_id
    b = store.add_article(story(2, nominee, republicans, official)).article_id
    c = store.add_article(story(3, republicans, official)).article_id
    nominee_a = key_of(store, a, "the Democratic presidential nominee")
    nominee_b = key_of(store, b, "the Democratic presidential nominee")
    assert len({nominee_a, nominee_b, "person:donald-trump"}) == 3
    assert key_of(store, b, "Republicans") != key_of(store, c, "Republicans")
    assert key_of(store, b, "an official") != key_of(store, c, "an official")
    trump = store.get_actor("person:donald-trump")
    assert trump is not None and trump.aliases == []


def test_two_actors_of_one_article_named_by_the_same_indefinite_are_two(store: Store) -> None:
    """The analysis kept "one source" on one matter and "one source" on another apart: the store
    does not join them by their equal names; two "the campaign"s of one article are one."""
    art = story(1, Voice("one source", "anonymous"), Voice("one source", "anonymous"),
                Voice("the campaign", "organization"), Voice("the campaign", "organization"))
    stored = store.add_article(art).article_id
    keys = {h.quote_id: h.actor_key for h in store.iter_quotes() if h.article_id == stored}
    assert keys["q1"] != keys["q2"]
    assert keys["q3"] == keys["q4"]


def test_a_persons_other_names_are_her_names_only(store: Store) -> None:
    """"Also called" lists what names the person: not a capitalised description an article gave her
    ("The Advocate"), a list of names, or her own name after a role or before a party tag."""
    store.add_article(story(1, Voice("Ilse Brandt", aliases=(
        "Mrs. Brandt", "The Advocate", "Brandt, Osei and Lutz", "Mayor Ilse Brandt",
        "Sen. Ilse Brandt (D-Ohio)", "Senator Ilse Brandt of Ohio", "Ilse M. Brandt"))))
    detail = store.get_actor("person:ilse-brandt")
    assert detail is not None
    assert detail.aliases == ["Ilse M. Brandt", "Mrs. Brandt"]


def test_a_description_the_article_resolved_is_a_role_not_a_name(store: Store) -> None:
    store.add_article(story(1, Voice("Donald Trump", aliases=("Trump", "the Republican nominee")),
                            published="2016-09-01"))
    store.add_article(story(2, Voice("Donald Trump", role="president"), published="2017-02-01"))
    store.add_article(story(3, Voice("Donald Trump", role="Republican front-runner Donald Trump")))
    detail = store.get_actor("person:donald-trump")
    assert detail is not None
    assert detail.aliases == ["Trump"]
    roles = {r.role: (r.first, r.last) for r in detail.roles}
    assert roles == {"the Republican nominee": ("2016-09-01", "2016-09-01"),
                     "president": ("2017-02-01", "2017-02-01")}


def test_acronym_joins_the_organisation_articles_define_it_for(store: Store) -> None:
    early = store.add_article(story(1, Voice("FBI", "organization"))).article_id
    assert key_of(store, early, "FBI") == "organization:fbi"
    for n in (2, 3, 4):
        store.add_article(story(n, Voice("Federal Bureau of Investigation", "organization",
                                         aliases=("FBI",))))
    late = store.add_article(story(5, Voice("FBI", "organization"))).article_id
    key = "organization:federal-bureau-of-investigation"
    assert key_of(store, late, "FBI") == key
    assert key_of(store, early, "FBI") == key  # moved once the acronym was defined
    assert store.get_actor("organization:fbi") is None


def test_one_definition_does_not_outweigh_many_bare_uses(store: Store) -> None:
    bare = [store.add_article(story(n, Voice("ISIS", "organization"))).article_id for n in (1, 2, 3)]
    store.add_article(story(4, Voice("Institute for Science and International Security", "organization",
                                     aliases=("ISIS",))))
    later = store.add_article(story(5, Voice("ISIS", "organization"))).article_id
    assert {key_of(store, a, "ISIS") for a in [*bare, later]} == {"organization:isis"}


def test_a_short_form_does_not_join_across_articles(store: Store) -> None:
    store.add_article(story(1, Voice("Tampa Bay Times", "organization", aliases=("the Times",))))
    b = store.add_article(story(2, Voice("the Times", "organization"))).article_id
    assert key_of(store, b, "the Times") == "organization:times"


def test_handle_joins_the_person_an_article_gave_it(store: Store) -> None:
    store.add_article(story(1, Voice("Donald Trump", aliases=("@realDonaldTrump",))))
    b = store.add_article(story(2, Voice("@realDonaldTrump"))).article_id
    assert key_of(store, b, "@realDonaldTrump") == "person:donald-trump"


def test_organisations_named_by_their_person(store: Store) -> None:
    trump = Voice("Donald Trump")
    a = store.add_article(story(1, trump, Voice("the Trump campaign", "organization"))).article_id
    b = store.add_article(story(2, trump, Voice("Trump's campaign", "organization"))).article_id
    c = store.add_article(story(3, Voice("the campaign", "organization"))).article_id
    assert key_of(store, a, "the Trump campaign") == key_of(store, b, "Trump's campaign") \
        == "organization:donald-trump-campaign"
    assert "@" in key_of(store, c, "the campaign")


def test_an_owners_honorific_is_not_part_of_the_owners_name(store: Store) -> None:
    # "Mrs. Clinton's campaign" is Hillary Clinton's campaign, not the campaign of a "Mrs Clinton"
    hillary, bill = Voice("Hillary Clinton"), Voice("Bill Clinton")
    a = store.add_article(story(1, hillary, Voice("the Clinton campaign", "organization"))).article_id
    b = store.add_article(story(2, hillary, bill, Voice("Mrs. Clinton's campaign", "anonymous"))).article_id
    trump = Voice("Mr. Trump's campaign", "organization")
    c = store.add_article(story(3, Voice("Donald Trump"), trump)).article_id
    assert key_of(store, a, "the Clinton campaign") == key_of(store, b, "Mrs. Clinton's campaign") \
        == "organization:hillary-clinton-campaign"
    assert key_of(store, c, "Mr. Trump's campaign") == "organization:donald-trump-campaign"


def test_hand_merge_is_kept_for_later_articles_and_reidentify(store: Store) -> None:
    a = store.add_article(story(1, Voice("Ivana Trump"))).article_id
    store.add_article(story(2, Voice("Ivana Zelnickova")))
    edit = store.merge_actors("person:ivana-zelnickova", "person:ivana-trump", note="maiden name")
    assert (edit.action, edit.into) == ("merge", "person:ivana-trump")
    assert store.get_actor("person:ivana-zelnickova") is None
    detail = store.get_actor("person:ivana-trump")
    assert detail is not None and detail.n_quotes == 2 and detail.n_articles == 2
    c = store.add_article(story(3, Voice("Ivana Zelnickova"))).article_id
    assert key_of(store, c, "Ivana Zelnickova") == "person:ivana-trump"
    assert store.reidentify() == 0
    assert key_of(store, a, "Ivana Trump") == key_of(store, c, "Ivana Zelnickova") == "person:ivana-trump"
    with pytest.raises(ConfigError, match="into itself"):
        store.merge_actors("person:ivana-trump", "person:ivana-trump")


def test_a_merge_moves_the_candidate_target_evidence_too(store: Store) -> None:
    """Reactions to a target never named at ingest follow the merged actor."""
    from saidwhat.schema import CandidateStance, TargetCandidate

    for n, name in ((1, "Ivana Trump"), (2, "Ivana Zelnickova")):
        article = story(n, Voice(name))
        bridge = TargetCandidate(name="the Harbor Bridge", sort="other", stances=[
            CandidateStance(origin="quote", item="q1", actor="a1", label="support", score=0.9)])
        store.add_article(article.model_copy(update={"candidates": [bridge]}))
    before = sorted(r.actor for r in store.reactions("the Harbor Bridge"))
    assert before == ["Ivana Trump", "Ivana Zelnickova"]
    store.merge_actors("person:ivana-zelnickova", "person:ivana-trump")
    rows = store.reactions("the Harbor Bridge")
    assert [(r.actor_key, r.n_articles, r.stance) for r in rows] == [("person:ivana-trump", 2, "support")]


def test_hand_split_by_article_is_kept(store: Store) -> None:
    store.add_article(story(1, Voice("Michael Jordan", said="the shot was good")))
    b = store.add_article(story(2, Voice("Michael Jordan", said="the theorem holds"))).article_id
    edit = store.split_actor("person:michael-jordan", article_id=b, note="the mathematician")
    assert key_of(store, b, "Michael Jordan") == edit.into != "person:michael-jordan"
    assert store.reidentify() == 0
    assert key_of(store, b, "Michael Jordan") == edit.into
    detail = store.get_actor("person:michael-jordan")
    assert detail is not None and detail.n_articles == 1
    with pytest.raises(ConfigError, match="nothing to split"):
        store.split_actor(edit.into, name="Michael Jordan")


def test_hand_split_by_name_applies_to_new_articles(store: Store) -> None:
    store.add_article(story(1, Voice("Donald Trump")))
    store.add_article(story(2, Voice("Donald Trump")))
    b = store.add_article(story(3, Voice("Trump"))).article_id
    assert key_of(store, b, "Trump") == "person:donald-trump"
    edit = store.split_actor("person:donald-trump", name="Trump")
    c = store.add_article(story(4, Voice("Trump"))).article_id
    assert key_of(store, b, "Trump") == key_of(store, c, "Trump") == edit.into


def test_edits_exported_and_imported_into_a_fresh_store(store: Store, tmp_path: object) -> None:
    for n in (1, 2):
        store.add_article(story(n, Voice(["Ivana Trump", "Ivana Zelnickova"][n - 1])))
    store.merge_actors("person:ivana-zelnickova", "person:ivana-trump")
    edits = store.actor_edits()
    with Store(str(tmp_path) + "/fresh.sqlite") as fresh:  # type: ignore[operator]
        for n in (1, 2):
            fresh.add_article(story(n, Voice(["Ivana Trump", "Ivana Zelnickova"][n - 1])))
        assert fresh.import_edits(edits) == 1
        assert fresh.list_actors().total == 1
        assert [e.action for e in fresh.actor_edits()] == ["merge"]


def test_reidentify_upgrades_a_store_made_before_identity(store: Store) -> None:
    """Rows of an older store: the name-keyed canonical actor, and no speaker id on the quotes."""
    from sqlalchemy import text

    store.add_article(story(1, Voice("Donald Trump", label="oppose")))
    b = store.add_article(story(2, Voice("Donald J. Trump", label="support"))).article_id
    with store.engine.begin() as conn:
        conn.execute(text("INSERT INTO canonical_actors (key, name, kind, search_names) "
                          "VALUES ('person:donald-j-trump', 'Donald J. Trump', 'person', '')"))
        for table in ("actors", "quotes", "stances"):
            conn.execute(text(f"UPDATE {table} SET actor_key = 'person:donald-j-trump' "
                              "WHERE article_id = :a"), {"a": b})
        for table in ("quotes", "stances", "reactions"):
            conn.execute(text(f"UPDATE {table} SET local_actor = NULL"))
    assert {h.actor_key for h in store.iter_quotes() if h.article_id == b} == {"person:donald-j-trump"}
    assert store.reidentify() == 1
    assert {h.actor_key for h in store.iter_quotes()} == {"person:donald-trump"}
    assert [r.support + r.oppose for r in store.reactions("the plan")] == [2]
    assert store.get_actor("person:donald-j-trump") is None


def test_edit_errors_name_the_actor(store: Store) -> None:
    store.add_article(story(1, Voice("Donald Trump")))
    with pytest.raises(ConfigError, match="person:nobody"):
        store.merge_actors("person:nobody", "person:donald-trump")
    with pytest.raises(ConfigError, match="needs a name or an article"):
        store.split_actor("person:donald-trump")
    with pytest.raises(ConfigError, match="no article 99"):
        store.split_actor("person:donald-trump", article_id=99)
