"""Quote trails: every stored quote belongs to a trail (one utterance by one speaker across
articles); the first sighting, every sighting, and how each relates to the first (same, excerpt,
extended, altered, paraphrase) with a word diff. Small hand-made articles, SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

import saidwhat.store
from saidwhat.cli import main
from saidwhat.schema import Actor, AnalyzedArticle, Quote, Speaker
from saidwhat.store import Store, open_store
from saidwhat.store.utterance import (
    diff,
    quoted_text,
    relation,
    same_speaker,
    same_utterance,
    short_excerpt,
    speaker,
    surname,
    utterance,
    words,
)
from saidwhat.views.web import create_app

SPEECH = ("“It’s something I’ve been talking about for a long time despite, frankly, being a big "
          "beneficiary of the laws. But I’m working for you now.”")
FULL = "“The unfairness of the tax laws is unbelievable,” Mr. {who} said. " + SPEECH


def article(n: int, body: str, quotes: list[tuple[str, str | None, str]], *, outlet: str,
            published: str) -> AnalyzedArticle:
    """An analysed article whose quotes are (content as written in ``body``, speaker name, kind)."""
    text_ = f"Story {n} of the series.\n\n{body}"
    actors: dict[str, Actor] = {}
    out = []
    for i, (content, who, kind) in enumerate(quotes, 1):
        start = text_.index(content)
        speaker = Speaker()
        if who:
            actor = actors.setdefault(who, Actor(id=f"a{len(actors) + 1}", name=who, kind="person"))
            speaker = Speaker(actor=actor.id)
        out.append(Quote(id=f"q{i}", kind=kind, content=[(start, start + len(content))],  # type: ignore[arg-type]
                         speaker=speaker))
    return AnalyzedArticle(title=f"Story {n}", published=published, outlet=outlet, text=text_,
                           url=f"https://news{n}.example/story", source=f"s{n}.txt", language="en",
                           actors=list(actors.values()), quotes=out)


def corpus() -> list[AnalyzedArticle]:
    """Four outlets on one speech, stored out of publication order, plus unrelated quotes."""
    wire = FULL.format(who="Trump")
    return [
        # stored first, published second: an excerpt, and a different speaker's short identical phrase
        article(2, "Trump told the crowd that “the unfairness of the tax laws is unbelievable,” and "
                   "Senator Ann Lee later said “the tax laws is unbelievable” too.",
                [("that “the unfairness of the tax laws is unbelievable,”", "Donald J. Trump", "mixed"),
                 ("“the tax laws is unbelievable”", "Ann Lee", "direct")],
                outlet="Gazette", published="2016-10-04"),
        # the first sighting (earliest published)
        article(1, wire, [("“The unfairness of the tax laws is unbelievable,”", "Donald Trump", "direct"),
                          (SPEECH, "Donald Trump", "direct")],
                outlet="Politico", published="2016-10-03"),
        # altered: "laws" became "law", words added at the end
        article(3, "“It’s something I’ve been talking about for a long time despite, frankly, being a big "
                   "beneficiary of the law and the rich,” Trump said.",
                [("“It’s something I’ve been talking about for a long time despite, frankly, being a big "
                  "beneficiary of the law and the rich,”", "Trump", "direct")],
                outlet="Ledger", published="2016-10-05"),
        # a paraphrase by the same speaker, and an unrelated quote
        article(4, "Trump said he has been talking about it for a long time despite being a big "
                   "beneficiary of the laws. “We will build the wall,” said Mary Smith.",
                [("he has been talking about it for a long time despite being a big beneficiary of the laws",
                  "Trump", "indirect"),
                 ("“We will build the wall,”", "Mary Smith", "direct")],
                outlet="Star", published="2016-10-06"),
    ]


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as s:
        for a in corpus():
            s.add_article(a)
        yield s


def _trail_of(store: Store, article: int, quote: str) -> int:
    found = store.trail_of(article, quote)
    assert found is not None
    return found


def test_every_quote_belongs_to_a_trail(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM quotes WHERE trail_id IS NULL")).scalar_one() == 0
        assert conn.execute(text("SELECT count(*) FROM quotes")).scalar_one() == 7
    # article ids follow storage order: 1 Gazette (story 2), 2 Politico (story 1), 3 Ledger, 4 Star
    speech = _trail_of(store, 2, "q2")
    lee = _trail_of(store, 1, "q2")  # Ann Lee's five words: another speaker, a trail of its own
    smith = _trail_of(store, 4, "q2")  # unrelated
    assert len({speech, lee, smith}) == 3


def test_trail_membership_first_sighting_and_relations(store: Store) -> None:
    opening = store.trail(_trail_of(store, 2, "q1"))
    assert opening is not None
    assert [(s.quote.outlet, s.relation) for s in opening.sightings] == [("Politico", "first"),
                                                                         ("Gazette", "same")]
    assert opening.first_seen == "2016-10-03" and opening.n_articles == 2
    speech = store.trail(_trail_of(store, 2, "q2"))
    assert speech is not None
    rel = [(s.quote.outlet, s.relation) for s in speech.sightings]
    assert rel == [("Politico", "first"), ("Ledger", "altered"), ("Star", "paraphrase")]
    assert speech.altered == 1 and speech.outlets == ["Ledger", "Politico", "Star"]
    changed = [(d.op, d.ref, d.text) for d in speech.sightings[1].diff if d.op != "equal"]
    assert changed == [("replace", "laws But I’m working for you now", "law and the rich")]
    assert store.trail_of(2, "q1") != store.trail_of(2, "q2")  # two utterances of one speech


def test_trails_listed_widest_first_and_found_by_words(store: Store) -> None:
    page = store.list_trails(min_articles=2)
    assert page.total == 2 and {t.n_articles for t in page.items} == {2, 3}
    assert page.items[0].n_articles == 3 and page.items[0].first_seen == "2016-10-03"
    found = store.list_trails(min_articles=1, text="build the wall")
    assert [t.speaker for t in found.items] == ["Mary Smith"]
    assert store.trail(10_000) is None


def test_long_quote_joins_despite_a_wrong_speaker_short_one_does_not(store_url: str) -> None:
    long_words = "“We have got to do everything possible to improve policing and go right at bias,”"
    a = article(5, f"{long_words} Clinton said. “That makes me smart,” Trump said.",
                [(long_words, "Hillary Clinton", "direct"),
                 ("“That makes me smart,”", "Donald Trump", "direct")],
                outlet="A", published="2016-09-20")
    b = article(6, f"{long_words} said Terence Crutcher. “That makes me smart,” said Hillary Clinton.",
                [(long_words, "Terence Crutcher", "direct"),
                 ("“That makes me smart,”", "Hillary Clinton", "direct")],
                outlet="B", published="2016-09-21")
    with open_store(store_url) as s:
        s.add_article(a)
        s.add_article(b)
        # 15 shared words: one utterance (and one wrong attribution)
        assert s.trail_of(1, "q1") == s.trail_of(2, "q1")
        assert s.trail_of(1, "q2") != s.trail_of(2, "q2")  # 4 words by two different speakers: two trails


def test_a_misspelt_speaker_in_a_rewritten_copy_keeps_the_trail(store_url: str) -> None:
    said = "“Human rights in the region are a grave concern for us,”"
    spun = "“Human rights in the area are a grave worry for us,”"  # 7 shared words: the speakers must agree
    with open_store(store_url) as s:
        s.add_article(article(7, f"{said} said Michelle Bachelet.", [(said, "Michelle Bachelet", "direct")],
                              outlet="Wire", published="2022-09-01"))
        s.add_article(article(8, f"{spun} said Michelle Basele.", [(spun, "Michelle Basele", "direct")],
                              outlet="Spun", published="2022-09-02"))
        other = "“Human rights in the city are a grave matter for us,”"  # as close, but another speaker
        s.add_article(article(9, f"{other} said Michelle Obama.", [(other, "Michelle Obama", "direct")],
                              outlet="Other", published="2022-09-03"))
        trail = s.trail(_trail_of(s, 1, "q1"))
        assert trail is not None
        assert [(x.quote.outlet, x.relation) for x in trail.sightings] == [("Wire", "first"),
                                                                           ("Spun", "altered")]


def test_stores_before_trails_get_them_when_opened(store_url: str) -> None:
    from alembic import command
    from alembic.config import Config

    with open_store(store_url) as s:
        for a in corpus():
            s.add_article(a)
        keys = ((1, "q1"), (2, "q1"), (2, "q2"), (3, "q1"), (4, "q1"))
        before = {(a, q): s.trail_of(a, q) for a, q in keys}
        cfg = Config()
        cfg.set_main_option("script_location", str(Path(saidwhat.store.__file__).parent / "migrations"))
        with s.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0004")  # the revision before trails
    with open_store(store_url) as s:  # upgraded, and every quote placed again in storage order
        after = {k: s.trail_of(*k) for k in before}
        assert after == before
        with s.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM quotes WHERE trail_id IS NULL")).scalar_one() == 0


def test_trail_command(store_url: str, store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    del store  # filled
    assert main(["trail", "2:q2", "--db", store_url, "--format", "json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert [s["relation"] for s in got["sightings"]] == ["first", "altered", "paraphrase"]
    assert main(["trail", f"#{got['id']}", "--db", store_url]) == 0
    out = capsys.readouterr().out
    assert "altered" in out and "[-laws" in out and "{+law" in out
    assert main(["trail", "build the wall", "--db", store_url, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["speaker"] == "Mary Smith"
    for missing in ("2:q99", "#99999", "no such words anywhere"):
        assert main(["trail", missing, "--db", store_url]) == 1
        assert "saidwhat: error:" in capsys.readouterr().err


def test_trail_api_and_pages(store: Store) -> None:
    speech = _trail_of(store, 2, "q2")
    with TestClient(create_app(store=store), base_url="http://127.0.0.1") as client:
        r = client.get(f"/api/trails/{speech}")
        assert r.status_code == 200 and [s["relation"] for s in r.json()["sightings"]][1] == "altered"
        assert client.get("/api/trails/999999").status_code == 404
        assert client.get("/api/trails/-1").status_code == 422
        listing = client.get("/api/trails", params={"min_articles": 2}).json()
        assert listing["total"] == 2
        hit = client.get("/api/quotes", params={"q": "build the wall"}).json()["items"][0]
        assert hit["trail_id"] is not None
        page = client.get(f"/trails/{speech}")
        assert page.status_code == 200
        assert "<del" in page.text and "<ins" in page.text and "law and the rich" in page.text
        assert 'data-relation="altered"' in page.text
        art = client.get("/articles/3")
        assert f'href="/trails/{speech}"' in art.text
        assert client.get("/trails").status_code == 200 and client.get("/trails/424242").status_code == 404


# --- the words of a quote ----------------------------------------------------------------------

def test_quoted_words_in_every_notation() -> None:
    assert quoted_text("He said “a b” and \"c d\" then ''e f'' and «g h».") == ["a b", "c d", "e f", "g h"]
    assert utterance("she hopes to win", "indirect").quoted is False
    assert utterance("no marks in the span", "direct").words == ["no", "marks", "in", "the", "span"]
    # a mixed quote stored as the words between its marks ("makes him “ISIS' best recruiter.”")
    assert utterance("ISIS’ best recruiter", "mixed").quoted is True
    assert utterance("that he was “very pro-choice,”", "mixed").words == ["very", "pro", "choice"]
    assert [list(p) for p in utterance("“One two … three four ... five”", "direct").parts] == [
        ["one", "two"], ["three", "four"], ["five"]]
    assert words("We’ve got, don’t WE? Can't") == ["we", "have", "got", "do", "not", "we", "can", "not"]


def test_relations() -> None:
    ref = utterance("“We have got to do everything possible to improve policing”", "direct")
    same = utterance("“We’ve got to do everything possible to improve policing,”", "direct")
    assert relation(same, ref) == "same"
    assert relation(utterance("“everything possible … improve policing”", "direct"), ref) == "excerpt"
    longer = utterance("“Look, we have got to do everything possible to improve policing now”", "direct")
    assert relation(longer, ref) == "extended"
    assert relation(utterance("“We have got to do nothing to improve policing”", "direct"), ref) == "altered"
    assert relation(utterance("we have got to improve policing", "indirect"), ref) == "paraphrase"
    ops = diff("“a b c d”", "“a x c d e”")
    assert [(o.op, o.ref, o.text) for o in ops] == [("equal", "a", "a"), ("replace", "b", "x"),
                                                     ("equal", "c d", "c d"), ("insert", "", "e")]


def test_speakers() -> None:
    assert surname("Donald J. Trump", "person") == surname("Mr. Trump", "person") == "trump"
    assert surname("Martin Luther King Jr.", "person") == "king"
    assert surname("the Tax Policy Center", "organization") == "the tax policy center"
    assert surname("a source", "anonymous") is None and surname(None, "person") is None

    def one(a: str, b: str) -> bool:
        return same_speaker(speaker(a, "person"), speaker(b, "person"))

    assert one("Michelle Bachelet", "Michelle Basele") and one("Clinton", "Hillary Clinton")
    assert one("Donald J. Trump", "D. Trump") and one("Sen. Ted Cruz", "Ted Cruz")
    assert not one("Hillary Clinton", "Chelsea Clinton") and not one("Clinton", "Trump")
    assert not same_speaker(None, speaker("Trump", "person"))


def test_shared_words_must_say_something() -> None:
    """A run of function words or a slogan inside two speeches does not make one utterance."""
    a = utterance("“Charlotte is going to be a big sister!”", "direct")
    b = utterance("“2016 is going to be a national security election”", "direct")
    assert same_utterance(a, b, same_speaker=True) == 0
    slogan = utterance("“make America great again”", "direct")
    speech = utterance("“Nobody cares. I built a tremendous company and all I want to do is make America "
                       "great again.”", "direct")
    assert same_utterance(slogan, speech, same_speaker=True) == 0
    smart = utterance("“makes me smart”", "direct")
    assert same_utterance(smart, utterance("“That makes me smart.”", "direct"), same_speaker=True) == 3
    assert same_utterance(smart, utterance("“That makes me smart.”", "direct"),
                          same_speaker=False) == 0


# --- exact copies, merging, short excerpts ---------------------------------------------------

def test_an_exact_copy_is_a_sighting_in_its_own_outlet(store_url: str, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A second outlet that carried the article word for word carried its quotes: the trail lists
    each quote at the copy's outlet and date, although the copy is stored as a sighting only."""
    said = "“We will rebuild every bridge in this state before the winter comes,”"
    original = article(1, f"{said} Governor Ann Lee said.", [(said, "Ann Lee", "direct")],
                       outlet="Gazette", published="2016-10-04")
    copy = original.model_copy(update={"url": "https://copycat.example/lee", "source": "copy.txt",
                                       "outlet": "Copycat", "published": "2016-10-03"})
    other = "“Nobody in this county should wait three years for a new school,”"
    with open_store(store_url) as s:
        s.add_article(original)
        assert s.add_article(copy).status == "duplicate"
        s.add_article(article(2, f"{other} said Tom Hale.", [(other, "Tom Hale", "direct")], outlet="Star",
                              published="2016-10-05"))  # its trail is carried by one article only
        trail = s.trail(_trail_of(s, 1, "q1"))
        assert trail is not None
        got = [(x.quote.outlet, x.quote.published, x.relation, x.copy_of) for x in trail.sightings]
        assert got == [("Copycat", "2016-10-03", "first", 1), ("Gazette", "2016-10-04", "same", None)]
        assert trail.first_seen == "2016-10-03" and trail.outlets == ["Copycat", "Gazette"]
        assert (trail.n_quotes, trail.n_articles) == (2, 2)
        listed = s.list_trails(min_articles=2)
        assert [(x.id, x.n_articles, x.first_seen) for x in listed.items] == [(trail.id, 2, "2016-10-03")]
        hale = s.trail(_trail_of(s, 2, "q1"))
        assert hale is not None and (hale.n_quotes, hale.n_articles) == (1, 1)
        assert s.list_trails(min_articles=1).total == 2
        with TestClient(create_app(store=s), base_url="http://127.0.0.1") as client:
            got_api = client.get(f"/api/trails/{trail.id}").json()
            assert [x["copy_of"] for x in got_api["sightings"]] == [1, None]
            page = client.get(f"/trails/{trail.id}").text
            assert "Copycat" in page and "exact copy of" in page
    monkeypatch.setenv("COLUMNS", "240")  # one table row a line
    assert main(["trail", "1:q1", "--db", store_url]) == 0
    assert "Copycat (exact copy)" in capsys.readouterr().out


PART_ONE = "“It would be a dereliction of duty by the president if they fail to act on these facts,”"
PART_TWO = "“The foundation must be shut down and an independent special prosecutor appointed at once,”"


def _statement_articles() -> list[AnalyzedArticle]:
    """Two parts of one statement quoted apart, then whole by a third article."""
    return [article(1, f"{PART_ONE} Pence said.", [(PART_ONE, "Mike Pence", "direct")],
                    outlet="A", published="2016-08-23"),
            article(2, f"{PART_TWO} Pence said.", [(PART_TWO, "Mike Pence", "direct")],
                    outlet="B", published="2016-08-23"),
            article(3, f"{PART_TWO} Pence said. {PART_ONE}",
                    [(f"{PART_TWO} Pence said. {PART_ONE}", "Mike Pence", "direct")],
                    outlet="C", published="2016-08-24")]


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 0, 1), (1, 2, 0)])
def test_a_quote_that_joins_two_trails_merges_them(store_url: str, order: tuple[int, int, int]) -> None:
    """The whole statement is one utterance with each part: whatever the storage order, one trail
    (parts stored first sit in two trails until the whole one arrives, then those merge)."""
    texts = _statement_articles()
    with open_store(store_url) as s:
        ids = {}
        for i in order:
            ids[i] = s.add_article(texts[i]).article_id
        found = {s.trail_of(ids[i], "q1") for i in range(3)}
        assert len(found) == 1
        trail = s.trail(found.pop() or 0)
        assert trail is not None and (trail.n_quotes, trail.n_articles) == (3, 3)
        with s.engine.connect() as conn:  # the merged-away trail is gone with its grams
            assert conn.execute(text("SELECT count(*) FROM trails")).scalar_one() == 1
            assert conn.execute(text("SELECT count(DISTINCT trail_id) FROM trail_grams")).scalar_one() == 1


ANSWER = ("“They deserve someone who is with them and they deserve someone who is made of the same stuff. "
          "That is Hillary Clinton,”")


@pytest.mark.parametrize("short_first", [False, True])
def test_a_short_excerpt_joins_its_quote_by_the_same_speaker(store_url: str, short_first: bool) -> None:
    excerpt = "“made of the same stuff,”"  # 5 words, 2 content words: under the excerpt rule
    texts = [article(1, f"{ANSWER} Biden said.", [(ANSWER, "Joe Biden", "direct")], outlet="A",
                     published="2016-08-15"),
             article(2, f"Biden said she was {excerpt} and more. Lee said she was {excerpt} too.",
                     [(excerpt, "Biden", "mixed"), (f"said she was {excerpt} too", "Ann Lee", "mixed")],
                     outlet="B", published="2016-08-17")]
    with open_store(store_url) as s:
        ids = [s.add_article(a).article_id for a in (texts[::-1] if short_first else texts)]
        long_id, short_id = (ids[1], ids[0]) if short_first else (ids[0], ids[1])
        assert s.trail_of(short_id, "q1") == s.trail_of(long_id, "q1")  # Biden's own words
        assert s.trail_of(short_id, "q2") != s.trail_of(long_id, "q1")  # another speaker's
        trail = s.trail(_trail_of(s, long_id, "q1"))
        assert trail is not None and [x.relation for x in trail.sightings] == ["first", "excerpt"]


def test_a_short_excerpt_two_quotes_hold_joins_neither(store_url: str) -> None:
    """A few words inside two different quotes of the speaker are a line said twice: the short
    quote cannot tell which, and stays a trail of its own."""
    other = "“My friends, this is a fight for the soul of the party made of the same stuff as we are,”"
    excerpt = "“made of the same stuff,”"
    with open_store(store_url) as s:
        s.add_article(article(1, f"{ANSWER} Biden said.", [(ANSWER, "Joe Biden", "direct")], outlet="A",
                              published="2016-08-15"))
        s.add_article(article(2, f"{other} Biden said.", [(other, "Joe Biden", "direct")], outlet="B",
                              published="2016-05-01"))
        s.add_article(article(3, f"Biden said she was {excerpt}", [(excerpt, "Biden", "mixed")], outlet="C",
                              published="2016-08-17"))
        assert len({s.trail_of(1, "q1"), s.trail_of(2, "q1"), s.trail_of(3, "q1")}) == 3


def test_short_excerpt_rule() -> None:
    answer = utterance(ANSWER, "direct")
    assert short_excerpt(utterance("“made of the same stuff”", "direct"), answer) == 5
    assert short_excerpt(utterance("“the same stuff”", "direct"), answer) == 0  # too short
    assert short_excerpt(utterance("“is with them and they”", "direct"), answer) == 0  # 1 content word
    assert short_excerpt(utterance("“made of the very same stuff”", "direct"), answer) == 0  # not a run
    assert short_excerpt(utterance("made of the same stuff", "indirect"), answer) == 0  # not quoted
    # the possessive: one transcription writes ISIS's, another ISIS'
    assert words("ISIS’s best recruiter") == words("ISIS’ best recruiter") == ["isis", "best", "recruiter"]


def test_trails_are_placed_again_by_migration_0006(store_url: str) -> None:
    """A store whose trails were placed by older rules (here: two trails of one statement, as
    before trails merged) gets them placed again when opened after 0006."""
    from alembic import command
    from alembic.config import Config

    with open_store(store_url) as s:
        for a in _statement_articles():
            s.add_article(a)
        cfg = Config()
        cfg.set_main_option("script_location", str(Path(saidwhat.store.__file__).parent / "migrations"))
        with s.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0005")
            conn.execute(text("UPDATE quotes SET trail_id = (SELECT min(id) FROM trails) + 1000 "
                              "WHERE article_id = 2"))  # stranded, as an older placement could leave it
    with open_store(store_url) as s:
        assert len({s.trail_of(i, "q1") for i in (1, 2, 3)}) == 1
        with s.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM trails")).scalar_one() == 1


def test_an_unknown_speaker_joins_by_fewer_words_than_a_different_one() -> None:
    """A description the analysis left unresolved is no speaker, not another one: 4 shared quoted
    words join it (8 are needed against a named other speaker)."""
    assert speaker("the Democratic front-runner", "person") is None and speaker("who", "person") is None
    assert speaker("many reporters", "person") is None
    assert speaker("de Blasio", "person") is not None
    full = utterance("“He is becoming ISIS’s best recruiter,”", "direct")
    part = utterance("that he was ''becoming ISIS' best recruiter.''", "mixed")
    assert same_utterance(part, full, same_speaker=None) == 4
    assert same_utterance(part, full, same_speaker=False) == 0
    three = utterance("“ISIS' best recruiter”", "mixed")
    assert same_utterance(three, part, same_speaker=True) == 3
    assert same_utterance(three, part, same_speaker=None) == 0  # 3 words: not from an unknown speaker
