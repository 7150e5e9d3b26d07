"""Targets at query time: candidates stored at ingest answer targets never named then."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from saidwhat.analysis.pipeline import analyze_text
from saidwhat.schema import AnalyzedArticle
from saidwhat.store import Store
from saidwhat.store.candidates import _doc_matches, _entity_matches

REPORT = """The United Nations released a report on forced labour in Xinjiang on Tuesday. The report \
found serious abuses in the region.

"We welcome the findings, which are accurate and important," said Maria Lopez, a researcher at \
Amnesty International.

Wang Lei, a spokesman for the Chinese embassy, rejected the report as a fabrication. "It is a \
politicized document full of lies," Wang said.

The debate over the report continued on Wednesday. "Your child deserves the truth," a parent said.
"""

RALLY = """Donald Trump spoke at a rally in Ohio on Monday. Senator John Smith praised Trump. "Trump \
is a great leader and a strong candidate," Smith said.

Bill Clinton campaigned in Florida. "Trump is a dangerous and reckless man," Clinton said.
"""


@pytest.fixture(scope="module")
def report() -> AnalyzedArticle:
    return analyze_text(REPORT, source="report.txt")


@pytest.fixture(scope="module")
def rally() -> AnalyzedArticle:
    return analyze_text(RALLY, source="rally.txt")


@pytest.fixture
def store(store_url: str, report: AnalyzedArticle, rally: AnalyzedArticle) -> Iterator[Store]:
    with Store(store_url) as s:
        s.add_article(report.model_copy(deep=True))
        s.add_article(rally.model_copy(deep=True))
        yield s


def test_the_document_is_named_by_its_grounded_mention(report: AnalyzedArticle) -> None:
    doc = next(c for c in report.candidates if c.sort == "document")
    assert doc.name == "the United Nations report on forced labour"
    assert {"The report", "the findings"} <= set(doc.aliases)


def test_generic_phrases_are_never_candidates(report: AnalyzedArticle) -> None:
    names = {c.name.lower() for c in report.candidates} | {a.lower() for c in report.candidates
                                                           for a in c.aliases if c.sort != "document"}
    assert not names & {"the debate", "debate", "your child", "the truth", "truth"}


def test_candidates_carry_only_involved_evidence(report: AnalyzedArticle) -> None:
    doc = next(c for c in report.candidates if c.sort == "document")
    quotes = {s.item: s.label for s in doc.stances if s.origin == "quote"}
    assert quotes.get("q2") == "support"  # Lopez welcomes the findings
    assert "oppose" in {quotes.get("q3"), quotes.get("q4")}  # Wang rejects the report
    parent_quote = next(q.id for q in report.quotes if "Your child" in q.text)
    assert parent_quote not in quotes  # not about the report: no evidence at all


def test_a_named_person_is_a_candidate(rally: AnalyzedArticle) -> None:
    trump = next(c for c in rally.candidates if c.name == "Donald Trump")
    assert trump.sort == "person"
    assert {s.actor for s in trump.stances if s.origin == "actor" and s.label == "support"} == {
        a.id for a in rally.actors if a.name == "John Smith"}


@pytest.mark.parametrize(("query", "name", "aliases", "expected"), [
    ("un report", "united nations report on forced labour", ["report"], True),
    ("un report", "ohchr report", ["report"], False),
    ("senate report", "united nations report on forced labour", [], False),
    ("un report on xinjiang", "un report on human rights abuses in xinjiang", [], True),
])
def test_document_queries_match_by_modifiers_and_acronyms(query: str, name: str, aliases: list[str],
                                                          expected: bool) -> None:
    assert _doc_matches(query.split(), name, aliases) is expected


@pytest.mark.parametrize(("query", "name", "aliases", "expected"), [
    ("donald trump", "trump", [], True),
    ("donald trump", "donald j. trump", ["trump"], True),
    ("hillary clinton", "bill clinton", ["clinton", "mr. clinton"], False),
    ("hillary clinton", "hillary rodham clinton", ["clinton"], True),
])
def test_person_queries_match_by_surname_and_first_name(query: str, name: str, aliases: list[str],
                                                        expected: bool) -> None:
    assert _entity_matches(query.split(), name, aliases) is expected


def test_reactions_for_a_document_never_named_at_ingest(store: Store) -> None:
    rows = {r.actor: r.stance for r in store.reactions("the UN report")}
    assert rows.get("Maria Lopez") == "support"
    assert rows.get("Wang Lei") == "oppose"
    assert "a parent" not in rows
    assert store.reactions("the Senate report") == []


def test_reactions_for_a_person_never_named_at_ingest(store: Store) -> None:
    rows = {r.actor: r.stance for r in store.reactions("Donald Trump")}
    assert rows == {"John Smith": "support", "Bill Clinton": "oppose"}
    assert store.reactions("Hillary Clinton") == []


def test_targets_rank_by_reacting_actors(store: Store) -> None:
    ranked = store.targets()
    names = [x.name for x in ranked]
    assert names[:2] == ["the United Nations report on forced labour", "Donald Trump"] or \
        names[:2] == ["Donald Trump", "the United Nations report on forced labour"]
    assert all(a.n_actors >= b.n_actors for a, b in zip(ranked, ranked[1:], strict=False))
    assert not {n.lower() for n in names} & {"the debate", "your child", "the truth"}


@pytest.mark.slow
def test_must_show_un_report_without_target(fixture_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    exe = [str(Path(sys.executable).with_name("saidwhat"))]
    pages = [str(fixture_dir / "page.html"), str(fixture_dir / "seed.txt")]
    subprocess.run([*exe, "ingest", *pages, "--db", db], check=True, capture_output=True)
    out = subprocess.run([*exe, "reactions", "--target", "the UN report", "--db", db, "--format", "json"],
                         check=True, capture_output=True, text=True).stdout
    rows = {r["actor"]: r["stance"] for r in json.loads(out)}
    assert rows.get("Liu Yuyin") == rows.get("Zhang Jun") == "oppose"
    assert rows.get("Omer Kanat") == rows.get("Inter-Parliamentary Alliance on China") == "support"
    listed = json.loads(subprocess.run([*exe, "targets", "--db", db, "--format", "json"], check=True,
                                       capture_output=True, text=True).stdout)
    assert listed[0]["sort"] == "document" and listed[0]["actors"] >= 4


def test_api_and_web_list_targets_and_answer_unnamed_ones(store: Store) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from saidwhat.views.web import create_app

    store.close()
    with TestClient(create_app(store.url), base_url="http://127.0.0.1") as client:
        listed = client.get("/api/targets").json()
        assert {"name": "Donald Trump", "sort": "person", "actors": 2, "articles": 1} in listed
        rows = client.get("/api/reactions", params={"target": "the UN report"}).json()["items"]
        assert {r["actor"]: r["stance"] for r in rows}.get("Wang Lei") == "oppose"
        page = client.get("/reactions", params={"target": "Donald Trump"}).text
        assert "Donald Trump</a> <span class=\"count\">2 actors · 1 articles</span>" in page
        assert "John Smith" in page


RALLY_TWO = """Donald J. Trump held a rally in Iowa on Friday. Governor Ann Ruiz criticised Trump. "Trump \
is a reckless and dangerous man," Ruiz said.
"""


def test_the_target_list_joins_the_spellings_of_one_actor(store: Store) -> None:
    """"Donald Trump" in one article and "Donald J. Trump" in another are one canonical actor, so one
    target in the list, with the reacting actors of both articles."""
    store.add_article(analyze_text(RALLY_TWO, source="rally2.txt"))
    listed = {c.name: c for c in store.targets()}
    assert "Donald J. Trump" not in listed and "Trump" not in listed
    assert listed["Donald Trump"].n_articles == 2 and listed["Donald Trump"].n_actors >= 3


def test_upgrade_from_0002_adds_the_candidate_tables(store: Store) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect

    import saidwhat.store

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(saidwhat.store.__file__).parent / "migrations"))
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    with store.engine.connect() as conn:
        assert not inspect(conn).has_table("target_candidates")
    store.close()
    with Store(store.url) as again:
        assert again.reactions("Donald Trump") == []  # stored before 0003: no candidates, no error
        with again.engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
        assert {"target_candidates", "candidate_names", "candidate_stances"} <= tables


def test_the_proposed_topic_is_a_candidate_when_grounded() -> None:
    a = analyze_text("""The city council approved a toll on the Harbor Bridge on Monday. "The toll is \
unfair and harmful to workers," said Ana Ruiz, a nurse. "The toll is a good and fair plan," said Tom Reed.
The toll starts in May. Critics call the toll a burden.""")
    topic = next(c for c in a.candidates if c.sort != "person" and "toll" in c.name)
    assert topic.name == "the toll on the Harbor Bridge"
    assert "the toll" in topic.aliases


def test_a_name_joined_by_name_alone_joins_the_canonical_actor_shown_by_it() -> None:
    """"America" is an actor in one article (a canonical actor) and only a named place in another:
    the list shows it once, with the reacting actors and articles of both."""
    from collections import Counter

    from saidwhat.store.candidates import _join_by_shown_name

    def group(name: str, sort: str, actors: set[str], articles: set[int]) -> dict[str, object]:
        return {"names": Counter({name: 1}), "sorts": Counter({sort: 1}), "actors": actors,
                "articles": articles}

    groups = {"org:america": group("America", "other", {"a"}, {1}),
              "~america": group("America", "other", {"b", "c"}, {2}),
              "~ohio": group("Ohio", "other", {"d"}, {3})}
    _join_by_shown_name(groups, {"org:america": "America"})
    assert set(groups) == {"org:america", "~ohio"}
    assert groups["org:america"]["actors"] == {"a", "b", "c"} and groups["org:america"]["articles"] == {1, 2}


def test_a_proper_name_proposed_as_target_gets_no_grounded_form() -> None:
    """The grounded form is for a common noun ("the toll on the Harbor Bridge"); "Europe" is a name
    already, and "A Europe that is more independent" is no other name of it."""
    from saidwhat.analysis.nlp import get_nlp
    from saidwhat.analysis.stance.candidates import _grounded_topics
    from saidwhat.schema import Target

    text = ("Leaders met in Brussels. A Europe without Britain needs a plan, Merkel said. A Europe that "
            "is more independent would help, Macron said. Europe must defend itself, Tusk said.")
    doc = get_nlp()(text)
    a = AnalyzedArticle(text=text, targets=[Target(name="Europe", proposed=True)])
    assert _grounded_topics(doc, a) == []


def test_the_actor_page_shows_a_direct_quote_in_one_pair_of_marks(store: Store) -> None:
    """The evidence of Wang's stance is a direct quote with its own marks; the page's ``<q>`` adds
    the marks, so the quote's outer pair is not written into it."""
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from saidwhat.views.web import create_app

    rows = store.reactions("the UN report")
    wang = next(r for r in rows if r.actor == "Wang Lei")
    assert wang.evidence is not None and wang.evidence.text.startswith('"')
    store.close()
    with TestClient(create_app(store.url), base_url="http://127.0.0.1") as client:
        page = client.get(f"/actors/{quote(wang.actor_key, safe='')}").text
    assert "It is a politicized document" in page
    assert not re.search(r"<q[^>]*>\s*(“|&#34;|&quot;|\")", page)


def test_candidate_names_carry_no_quotation_marks() -> None:
    """The tagger takes an opening quotation mark into the entity ("the "Arab Spring"), and a
    document's name may hold a quoted title ("the ''Minority Report'' report"): names without them."""
    from saidwhat.analysis.nlp import get_nlp
    from saidwhat.analysis.stance.candidates import document_name, entity_names

    text = ('Critics blamed the "Arab Spring" for the chaos. The "Arab Spring" failed, Smith said. '
            "Jones praised the \"Arab Spring\" as a triumph.")
    doc = get_nlp()(text)
    names = entity_names(doc, AnalyzedArticle(text=text))
    assert "Arab Spring" in names and not any('"' in n for n in names)
    text = ("The ''Minority Report'' report by the Senate Intelligence Committee was leaked. "
            "The ''Minority Report'' report said the agency erred.")
    named = document_name(get_nlp()(text))
    assert named == ("the Minority Report report by the Senate Intelligence Committee",
                     "the Minority Report report")


def test_a_place_is_a_candidate_only_where_it_acts_or_is_acted_on() -> None:
    """"A rally in Iowa", "the Iowa caucuses": a place, no target; "China rejected the plan",
    "sanctions against Russia": a country that takes part, a target."""
    from saidwhat.analysis.nlp import get_nlp
    from saidwhat.analysis.stance.candidates import entity_names

    text = ("Ann Lee held a rally in Iowa on Monday before the Iowa caucuses. She flew from Iowa to "
            "Ohio. China rejected the plan, and Lee wants sanctions against Russia. China and Russia "
            "said the sanctions would fail.")
    doc = get_nlp()(text)
    names = entity_names(doc, AnalyzedArticle(text=text))
    assert "China" in names and "Russia" in names
    assert "Iowa" not in names
