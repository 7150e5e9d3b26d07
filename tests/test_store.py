"""The store against SQLite and (when SAIDWHAT_TEST_POSTGRES is set) PostgreSQL, each test in its
own database file or schema. Articles are built by hand here, so no analysis runs."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import inspect as sa_inspect
from sqlalchemy import text

import saidwhat.store
import saidwhat.store.write
from saidwhat.errors import FetchError, StoreError
from saidwhat.schema import (
    Actor,
    ActorStance,
    AnalyzedArticle,
    Quote,
    QuoteStance,
    Reaction,
    Speaker,
    Target,
)
from saidwhat.store import Store, open_store
from saidwhat.store.keys import canonical_url
from saidwhat.store.search import fts5_query


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as s:
        yield s


def make_article(n: int = 1, *, url: str | None = None, outlet: str = "Daily Example",
                 published: str = "2024-05-02",
                 speaker: str = "Maria Lopez", said: str | None = None, label: str = "oppose",
                 target: str = "the new tariff", extra: str = "") -> AnalyzedArticle:
    """A small analysed article: one quote by ``speaker`` with a stance, one reaction by a group."""
    said = said or f"The tariff is a mistake that will cost jobs number {n}"
    text = (f"Story {n}. {speaker} criticised the plan. “{said},” {speaker} said on Monday. "
            f"Local unions welcomed the tariff in statement {n}. {extra}")
    q0 = text.index("“") + 1
    q1 = q0 + len(said)
    cue0 = text.index(" said on Monday")
    sp0 = text.index(speaker, q1)
    unions = text.index("Local unions")
    welcomed = text.index("welcomed")
    return AnalyzedArticle(
        title=f"Tariff story {n}", published=published, outlet=outlet,
        url=url or f"https://example.com/news/{n}",
        text=text, source=f"doc{n}.html", language="en",
        actors=[
            Actor(id="a1", name=speaker, kind="person", aliases=[speaker.split()[-1]],
                  mentions=[(sp0, sp0 + len(speaker))],
                  affiliation="Trade Union Congress", role="economist",
                  stance={target: ActorStance(label=label, score=0.8, evidence=["q1"])}),  # type: ignore[arg-type]
            Actor(id="a2", name="Local unions", kind="group", mentions=[(unions, unions + 12)],
                  stance={target: ActorStance(label="support", score=0.6, evidence=["r1"])}),
        ],
        quotes=[Quote(id="q1", kind="direct", content=[(q0, q1)], cue=[(cue0 + 1, cue0 + 5)],
                      speaker=Speaker(mention=[(sp0, sp0 + len(speaker))], actor="a1"), confidence=0.9,
                      stance={target: QuoteStance(label=label, score=0.7)})],  # type: ignore[arg-type]
        targets=[Target(name=target, aliases=["tariff", "the tariff"], mentions=[])],
        reactions=[Reaction(id="r1", actor="a2", target=target, cue=[(welcomed, welcomed + 8)],
                            mention=[(unions, unions + 12)], label="support", score=0.6)],
    )


def test_add_get_roundtrip_and_duplicates(store: Store) -> None:
    a = make_article(1, url="https://www.example.com/news/1/?utm_source=feed#top")
    first = store.add_article(a)
    assert first.status == "stored" and first.duplicate_of is None
    stored = store.get_article(first.article_id)
    assert stored is not None and stored.article == a  # the exact analysed article comes back
    assert stored.ingested_at
    # same canonical URL (tracking parameters, www, fragment, trailing slash differ) → duplicate,
    # and the same source: nothing recorded
    same_url = a.model_copy(update={"url": "http://example.com/news/1", "text": a.text + " Updated.",
                                    "source": "elsewhere.html"})
    res = store.add_article(same_url)
    assert (res.status, res.sighting_added) == ("duplicate", False)
    assert store.copies(first.article_id) == []
    # same normalised text under another URL → duplicate, recorded as an exact copy
    same_text = a.model_copy(update={"url": "https://mirror.example.org/x", "text": a.text.upper() + "  ",
                                     "outlet": "Mirror", "source": "mirror.html"})
    res = store.add_article(same_text)
    assert (res.status, res.duplicate_of, res.sighting_added) == ("duplicate", first.article_id, True)
    assert store.add_article(same_text).sighting_added is False  # the same source again: nothing
    stored = store.get_article(first.article_id)
    assert stored is not None and stored.article == a  # the first source's article is kept
    assert [(c.article_id, c.kind, c.similarity, c.url, c.outlet, c.source) for c in stored.copies] == [
        (first.article_id, "exact", 1.0, "https://mirror.example.org/x", "Mirror", "mirror.html")]
    assert store.copies(first.article_id) == stored.copies
    assert (store.stats()["articles"], store.stats()["sightings"]) == (1, 1)
    assert store.known_sources(["mirror.html", "doc1.html", "nope.html"]) == {
        "mirror.html": "2024-05-02", "doc1.html": "2024-05-02"}
    assert set(store.known_urls(["https://mirror.example.org/x", "https://nope.example/"])) == {
        "https://mirror.example.org/x"}
    assert store.get_article(999) is None


def test_same_source_twice_adds_nothing(store: Store) -> None:
    """Re-ingesting one source (even with its text re-extracted differently) adds no article and
    no sighting; a text-only source (no URL) is told apart by its name."""
    a = make_article(1).model_copy(update={"url": None, "source": "seed.txt"})
    first = store.add_article(a)
    before = store.stats()
    for _ in range(2):
        res = store.add_article(a)
        assert (res.status, res.duplicate_of, res.sighting_added) == ("duplicate", first.article_id, False)
    assert store.stats() == before == {**before, "articles": 1, "sightings": 0}
    res = store.add_article(a.model_copy(update={"source": "page.html"}))
    assert res.sighting_added is True
    assert [(c.kind, c.source) for c in store.copies(first.article_id)] == [("exact", "page.html")]
    assert store.add_article(a.model_copy(update={"source": "page.html"})).sighting_added is False
    assert store.stats() == {**before, "sightings": 1}


def test_canonical_url() -> None:
    assert canonical_url("HTTP://WWW.Example.com:80/a/b/?b=2&a=1&utm_medium=x#frag") == "https://example.com/a/b?a=1&b=2"
    assert canonical_url("https://example.com") == "https://example.com/"
    assert canonical_url(None) is None


def test_article_is_written_whole_or_not_at_all(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("killed half-way")

    monkeypatch.setattr(saidwhat.store.write, "link_copies", boom)  # the last step of the write
    with pytest.raises(RuntimeError):
        store.add_article(make_article(1))
    assert store.stats() == {"articles": 0, "quotes": 0, "actors": 0, "failures": 0, "copy_links": 0,
                             "sightings": 0}
    assert store.known_sources(["doc1.html"]) == {}  # no primary sighting left behind
    assert store.search_quotes().total == 0
    monkeypatch.undo()
    assert store.add_article(make_article(1)).status == "stored"
    assert store.stats()["quotes"] == 1


def test_search_filters_and_paging(store: Store) -> None:
    store.add_article(make_article(1, speaker="Maria Lopez", outlet="Daily Example", published="2024-05-02",
                                   said="Tariffs on steel will hurt the shipyards"))
    store.add_article(make_article(2, speaker="John Okafor", outlet="Evening Post", published="2024-06-10",
                                   said="The shipyards need protection from cheap steel", label="support"))
    store.add_article(make_article(3, speaker="Maria Lopez", outlet="Evening Post", published="2024-07-01",
                                   said="Nobody asked the farmers about this"))
    hits = store.search_quotes("shipyards")
    assert hits.total == 2 and {h.speaker for h in hits.items} == {"Maria Lopez", "John Okafor"}
    hit = hits.items[0]
    article = store.get_article(hit.article_id)
    assert article is not None
    assert article.article.span_text(tuple(hit.content[0])) == hit.text  # type: ignore[arg-type]
    assert store.search_quotes("shipyards steel", actor="lopez").total == 1
    assert store.search_quotes(actor="Okafor").items[0].actor_key == "person:john-okafor"
    assert store.search_quotes(actor="person:maria-lopez").total == 2
    assert store.search_quotes(outlet="evening post").total == 2
    assert store.search_quotes(since="2024-06-01").total == 2
    assert store.search_quotes(until="2024-06").total == 2  # a partial date includes the whole month
    assert store.search_quotes(since="2024-06-01", until="2024-06-30").total == 1
    assert store.search_quotes(target="Tariff", stance="support").total == 1  # alias, any case
    assert store.search_quotes(target="the new tariff", stance="oppose").total == 2
    assert store.search_quotes(target="something else").total == 0
    page = store.search_quotes(limit=2, offset=2)
    assert (page.total, len(page.items), page.offset) == (3, 1, 2)
    assert store.search_quotes('"cheap steel"').total == 1
    assert store.search_quotes('"steel cheap"').total == 0


@pytest.mark.parametrize("query", ['"', "*", "NEAR(", "a OR", "'; DROP TABLE quotes; --", "quotes_fts:x",
                                   "^steel", "(steel", "steel AND", "-", "über ünïcode 🚀", "x" * 2000])
def test_search_text_is_never_sql_or_fts_syntax(store: Store, query: str) -> None:
    store.add_article(make_article(1, said="Steel prices will rise"))
    store.search_quotes(query)  # must not raise
    assert store.stats()["quotes"] == 1


def test_fts5_query_quotes_every_term() -> None:
    # a token joined by punctuation ("state-run") stays a phrase, as the tokenizer splits it
    assert fts5_query('steel "cheap imports" NEAR(x state-run') \
        == '"steel" "cheap imports" "NEAR x" "state run"'
    assert fts5_query('"" * -') is None


def test_facets(store: Store) -> None:
    store.add_article(make_article(1, speaker="Maria Lopez", outlet="A"))
    store.add_article(make_article(2, speaker="Maria Lopez", outlet="B", label="support"))
    store.add_article(make_article(3, speaker="John Okafor", outlet="B"))
    f = store.facets()
    assert dict(f["actor"]) == {"Maria Lopez": 2, "John Okafor": 1}
    assert dict(f["outlet"]) == {"B": 2, "A": 1}
    assert dict(f["stance"]) == {"oppose": 2, "support": 1}
    assert dict(f["target"]) == {"the new tariff": 3}
    assert dict(store.facets(outlet="A")["actor"]) == {"Maria Lopez": 1}


def test_actors_merged_across_articles(store: Store) -> None:
    store.add_article(make_article(1, speaker="María López", outlet="A", published="2024-05-01"))
    store.add_article(make_article(2, speaker="Maria Lopez", outlet="B", published="2024-05-03",
                                   label="support"))
    actors = store.list_actors(name="lopez")
    assert actors.total == 1
    summary = actors.items[0]
    assert (summary.key, summary.n_quotes, summary.n_articles, summary.outlets) \
        == ("person:maria-lopez", 2, 2, ["A", "B"])
    assert summary.affiliation == "Trade Union Congress"
    detail = store.get_actor(summary.key)
    assert detail is not None
    assert "López" in detail.aliases or "Lopez" in detail.aliases
    assert detail.stance["the new tariff"].oppose == 1 and detail.stance["the new tariff"].support == 1
    assert [(p.date, p.label) for p in detail.stance_over_time] == [("2024-05-01", "oppose"),
                                                                    ("2024-05-03", "support")]
    assert len(detail.quotes) == 2
    assert store.get_actor("person:nobody") is None
    # Maria Lopez, and "Local unions" of each article: a group never joins across articles
    assert store.list_actors().total == 3


def test_reactions_table(store: Store) -> None:
    store.add_article(make_article(1, speaker="Maria Lopez", outlet="A", published="2024-05-03"))
    store.add_article(make_article(2, speaker="Maria Lopez", outlet="B", published="2024-05-01"))
    store.add_article(make_article(3, speaker="John Okafor", outlet="B", label="support"))
    table = store.reactions("THE NEW TARIFF")
    rows = {r.actor: r for r in table}
    assert set(rows) == {"Maria Lopez", "John Okafor", "Local unions"}
    lopez = rows["Maria Lopez"]
    assert (lopez.oppose, lopez.support, lopez.stance, lopez.n_articles) == (2, 0, "oppose", 2)
    assert lopez.first_seen == "2024-05-01" and lopez.outlets == ["A", "B"]
    assert lopez.evidence is not None and lopez.evidence.kind == "direct" and "tariff" in lopez.evidence.text
    # "Local unions" is a description: one actor per article, never joined across articles
    unions_rows = [r for r in table if r.actor == "Local unions"]
    assert [(u.support, u.stance, u.n_articles) for u in unions_rows] == [(1, "support", 1)] * 3
    unions = unions_rows[0]
    assert unions.evidence is not None and unions.evidence.kind == "reaction"
    assert "welcomed" in unions.evidence.text
    assert store.reactions("tariff", since="2024-05-02")[0].n_articles >= 1
    assert store.reactions("unknown target") == []


def make_voices(n: int, voices: list[tuple[str, list[tuple[str, float]], str | None]], *,
                outlet: str = "A", target: str = "the plan") -> AnalyzedArticle:
    """An article where each (speaker, [(label, score) per quote], actor-level label or None) speaks."""
    text, actors, quotes = f"Story {n} about the plan. ", [], []
    for a_i, (speaker, labels, actor_label) in enumerate(voices, 1):
        ids = []
        for label, score in labels:
            said = f"Words number {len(quotes) + 1} of story {n} on the plan"
            q0 = len(text) + 1
            text += f"“{said},” {speaker} said. "
            sp0 = text.rindex(speaker)
            quotes.append(Quote(id=f"q{len(quotes) + 1}", kind="direct", content=[(q0, q0 + len(said))],
                                speaker=Speaker(mention=[(sp0, sp0 + len(speaker))], actor=f"a{a_i}"),
                                stance={target: QuoteStance(label=label, score=score)}))  # type: ignore[arg-type]
            ids.append(quotes[-1].id)
        stance = {} if actor_label is None else {target: ActorStance(label=actor_label, score=0.7,  # type: ignore[arg-type]
                                                                     evidence=ids)}
        actors.append(Actor(id=f"a{a_i}", name=speaker, kind="person", stance=stance))
    return AnalyzedArticle(title=f"Plan story {n}", published=f"2024-06-0{n}", outlet=outlet, text=text,
                           url=f"https://example.com/plan/{n}", source=f"plan{n}.html", actors=actors,
                           quotes=quotes, targets=[Target(name=target)])


def test_reaction_stance_polar_wins_and_aggregates_across_articles(store: Store) -> None:
    s, o, u = "support", "oppose", "neutral"
    store.add_article(make_voices(1, [("Ann Lee", [(u, 0.9), (s, 0.6), (s, 0.75), (u, 0.8), (u, 0.9)], s),
                                      ("Bo Chen", [(s, 0.7)], s), ("Cy Diaz", [(s, 0.7)], s),
                                      ("Di Eve", [(u, 0.9), (o, 0.5)], None), ("Ed Fox", [(u, 0.9)], u)]))
    store.add_article(make_voices(2, [("Bo Chen", [(o, 0.7)], o), ("Cy Diaz", [(s, 0.6)], s)], outlet="B"))
    store.add_article(make_voices(3, [("Cy Diaz", [(o, 0.8), (o, 0.9), (u, 0.9)], o)], outlet="B"))
    # an exact copy of article 1 in another outlet counts among the outlets
    first = store.get_article(1)
    assert first is not None
    copy = first.article.model_copy(update={"url": "https://copy.example/1", "outlet": "C",
                                            "source": "c.html"})
    assert store.add_article(copy).sighting_added
    rows = {r.actor: r for r in store.reactions("plan")}
    ann = rows["Ann Lee"]  # 2 support and 3 neutral quotes: support, as the analysis said
    assert (ann.support, ann.oppose, ann.neutral, ann.stance) == (2, 0, 3, "support")
    assert ann.evidence is not None and ann.evidence.quote_id == "q3"  # the highest-scoring polar quote
    assert ann.outlets == ["A", "C"]
    assert rows["Bo Chen"].stance == "neutral"  # one article each way, one quote each way: a tie
    cy = rows["Cy Diaz"]  # two articles support, one opposes (with more quotes): support
    assert (cy.support, cy.oppose, cy.stance, cy.n_articles) == (2, 2, "support", 3)
    assert cy.evidence is not None and cy.evidence.article_id in (1, 2) \
            and cy.evidence.stance == {"the plan": s}
    assert rows["Di Eve"].stance == "oppose"  # no actor-level stance: its quotes, polar winning
    assert rows["Ed Fox"].stance == "neutral"


def test_failures_are_kept_per_source_and_cleared_on_success(store: Store) -> None:
    store.record_failure("doc1.html", FetchError("timed out", input="doc1.html"))
    store.record_failure("doc1.html", FetchError("refused", input="doc1.html"))
    store.record_failure("doc9.html", StoreError("x", input="doc9.html"))
    page = store.failures()
    assert page.total == 2
    latest = next(f for f in page.items if f.source == "doc1.html")
    assert (latest.code, latest.message) == ("SW201", "refused")
    store.add_article(make_article(1))  # source doc1.html now stored
    assert [f.source for f in store.failures().items] == ["doc9.html"]


def test_list_articles(store: Store) -> None:
    for i, (outlet, day) in enumerate([("A", "2024-01-01"), ("B", "2024-02-01"), ("B", "2024-03-01")], 1):
        store.add_article(make_article(i, outlet=outlet, published=day))
    page = store.list_articles(outlet="b")
    assert page.total == 2 and [a.published for a in page.items] == ["2024-03-01", "2024-02-01"]
    assert page.items[0].n_quotes == 1 and page.items[0].n_actors == 2
    assert store.list_articles(since="2024-02-01", until="2024-02-28").total == 1


def _head() -> str:
    """The newest revision of the shipped migrations."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(saidwhat.store.__file__).parent / "migrations"))
    return str(ScriptDirectory.from_config(cfg).get_current_head())


def test_reopen_is_idempotent_and_migrated(store_url: str) -> None:
    with open_store(store_url) as s:
        s.add_article(make_article(1))
    with open_store(store_url) as s:
        assert s.stats()["articles"] == 1
        with s.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == _head()


def test_upgrade_from_0001_backfills_sightings(store_url: str) -> None:
    """A store made before sightings existed is upgraded on open: every article gets its own
    source as primary sighting, so re-ingesting it adds nothing and a new source is a copy."""
    from alembic import command
    from alembic.config import Config

    a1, a2 = make_article(1), make_article(2).model_copy(update={"url": None})
    with open_store(store_url) as s:
        s.add_article(a1)
        s.add_article(a2)
        cfg = Config()
        cfg.set_main_option("script_location", str(Path(saidwhat.store.__file__).parent / "migrations"))
        with s.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0001")
        with s.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == "0001"
            assert not sa_inspect(conn).has_table("sightings")
    with open_store(store_url) as s:
        assert s.stats()["sightings"] == 0
        assert [c.article_id for c in s.copies(1)] == [2]  # the two make_article texts are near copies
        assert set(s.known_sources(["doc1.html", "doc2.html"])) == {"doc1.html", "doc2.html"}
        assert s.add_article(a1).sighting_added is False
        assert s.add_article(a2).sighting_added is False
        assert s.add_article(a2.model_copy(update={"source": "copy.txt"})).sighting_added is True
        assert [(c.article_id, c.kind, c.source) for c in s.copies(2)] == [(2, "exact", "copy.txt"),
                                                                            (1, "near", "doc1.html")]


def test_concurrent_writers_store_once(store_url: str) -> None:
    stores = [open_store(store_url) for _ in range(2)]
    article = make_article(7)
    results: list[str] = []

    def add(s: Store) -> None:
        for _ in range(3):
            results.append(s.add_article(article).status)

    threads = [threading.Thread(target=add, args=(s,)) for s in stores]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert sorted(results) == ["duplicate"] * 5 + ["stored"]
    assert stores[0].stats()["articles"] == 1
    assert stores[0].stats()["sightings"] == 0  # one source: no copy recorded
    for s in stores:
        s.close()


def test_bad_urls_and_dates(tmp_path: object) -> None:
    from saidwhat.errors import ConfigError

    with pytest.raises(ConfigError):
        open_store("mysql://x/y")
    with open_store(str(tmp_path / "s.sqlite")) as s:  # type: ignore[operator]
        with pytest.raises(ConfigError):
            s.search_quotes(since="last week")
        with pytest.raises(ConfigError):
            s.search_quotes(stance="angry")
