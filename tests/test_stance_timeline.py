"""Stance over time (issue 12, item 4): an actor's stance toward a target across dated articles,
with the points where it turned, in the store (SQLite and PostgreSQL), the CLI, the API and the
pages. The articles are built by hand (tests/timeline_texts.py): no analysis runs."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from fastapi.testclient import TestClient

from saidwhat.cli import main
from saidwhat.store import ReactionRow, Store, open_store
from saidwhat.store import timeline as tl
from saidwhat.store.reactions import _article_vote, _votes
from timeline_texts import LINDQVIST, OKAFOR, RAMAN, TIMELINE_ARTICLES, TOLL


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as s:
        for _, article in TIMELINE_ARTICLES:
            s.add_article(article.model_copy(deep=True))
        yield s


def _rows(store: Store, target: str = "the toll", **dates: str) -> dict[str, ReactionRow]:
    return {r.actor: r for r in store.reactions(target, **dates)}


def test_points_are_dated_per_article_earliest_first_undated_last(store: Store) -> None:
    raman = _rows(store)[RAMAN]
    pts = raman.timeline
    # stored June, March, undated, April: shown March, April, June, then the undated one
    assert [(p.published, p.outlet, p.label) for p in pts] == [
        ("2026-03-12", "The Aldren Courier", "oppose"), ("2026-04-02", "Bellmouth Herald", "neutral"),
        ("2026-06-18", "Harbor Radio", "support"), (None, "Aldren Weekly", "oppose")]
    assert [p.title for p in pts] == [f"Bridge toll, part {n}" for n in (1, 2, 3, 4)]
    assert pts[0].evidence is not None and pts[0].evidence.kind == "quote" and pts[0].evidence.id == "q1"
    assert pts[0].evidence.text == "This toll is a fix for the budget, not for the crossing"
    assert (pts[1].score, pts[1].uncertain) == (0.7, False)


def test_a_turn_is_flagged_with_its_date_and_outlets(store: Store) -> None:
    raman = _rows(store)[RAMAN]
    # the neutral April point is no turn; the undated oppose is not ordered, so not a turn either
    assert [p.changed for p in raman.timeline] == [False, False, True, False]
    assert raman.changed and len(raman.changes) == 1
    c = raman.changes[0]
    assert (c.previous, c.previous_date, c.previous_outlet) == ("oppose", "2026-03-12", "The Aldren Courier")
    assert (c.label, c.date, c.outlet) == ("support", "2026-06-18", "Harbor Radio")
    assert c.article_id == raman.timeline[2].article_id
    assert c.previous_article_id == raman.timeline[0].article_id
    # across articles she is still oppose (two articles against one), but the latest dated stance is support
    assert (raman.stance, raman.latest) == ("oppose", "support")


def test_steady_actor_has_no_change_and_reaction_evidence_is_its_sentence(store: Store) -> None:
    rows = _rows(store)
    okafor = rows[OKAFOR]
    assert [p.label for p in okafor.timeline] == ["support", "support"]
    assert not okafor.changed and okafor.changes == [] and okafor.latest == "support"
    lindqvist = rows[LINDQVIST]  # condemned without a quote in March, supports in a quote in June
    march = lindqvist.timeline[0]
    assert march.evidence is not None and march.evidence.kind == "reaction" and march.evidence.id == "r1"
    assert "condemned the toll" in march.evidence.text and march.score == 0.9
    assert [c.label for c in lindqvist.changes] == ["support"]


def test_date_window_cuts_the_timeline_and_its_changes(store: Store) -> None:
    spring = _rows(store, until="2026-04")[RAMAN]
    assert [p.published for p in spring.timeline] == ["2026-03-12", "2026-04-02"]
    assert not spring.changed and spring.latest == "neutral"
    assert _rows(store, since="2026-06-01")[RAMAN].timeline[0].outlet == "Harbor Radio"


def test_actor_page_has_the_same_timeline_per_target(store: Store) -> None:
    raman = _rows(store)[RAMAN]
    detail = store.get_actor(raman.actor_key)
    assert detail is not None
    [toll] = detail.timelines
    assert toll.target == TOLL and toll.stance == raman.stance and toll.latest == "support"
    assert toll.timeline == raman.timeline and toll.changes == raman.changes


def test_tied_article_is_neutral_and_uncertain_and_starts_no_turn() -> None:
    def item(aid: int, day: str | None, label: str) -> Any:
        return SimpleNamespace(article_id=aid, origin="quote", quote_row=None, label=label, score=0.9,
                               published=day, outlet=f"O{aid}", actor_key="k")
    per_article = {1: [item(1, "2024-01-01", "support")],
                   2: [item(2, "2024-02-01", "support"), item(2, "2024-02-01", "oppose")],
                   3: [item(3, "2024-03-01", "support")],
                   4: [item(4, "2024-03-01", "oppose")]}
    pts = tl.points(per_article, _votes(per_article), tl.Lookups())
    assert [(p.label, p.score, p.uncertain) for p in pts][1] == ("neutral", tl.TIE_SCORE, True)
    # support, tie, support: no turn; then oppose on the same day as a support: a turn (ordered by id)
    assert [p.changed for p in pts] == [False, False, False, True]
    assert [(c.previous_article_id, c.article_id) for c in tl.changes(pts)] == [(3, 4)]


def test_cli_json_and_table_carry_the_timeline(store_url: str, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    if not store_url.endswith(".sqlite"):
        pytest.skip("the CLI runs once, on SQLite")
    monkeypatch.setenv("COLUMNS", "400")  # one line per cell line: the words are not folded
    with open_store(store_url) as s:
        for _, article in TIMELINE_ARTICLES:
            s.add_article(article.model_copy(deep=True))
    argv = ["reactions", "--target", "the toll", "--db", store_url]
    assert main([*argv, "--changed", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["actor"] for r in rows} == {RAMAN, LINDQVIST}  # --changed leaves out steady Okafor
    raman = next(r for r in rows if r["actor"] == RAMAN)
    assert [p["changed"] for p in raman["timeline"]] == [False, False, True, False]
    assert raman["changes"][0]["previous_outlet"] == "The Aldren Courier"
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "CHANGED" in out and "Harbor Radio" in out and "latest: support" in out


def test_cli_table_fits_an_80_column_terminal(store_url: str, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Below ``WIDE_REACTIONS`` columns the fields share four columns: no line is wider than the
    terminal, each actor's name and stance stay whole, and a turn is still marked."""
    if not store_url.endswith(".sqlite"):
        pytest.skip("the CLI runs once, on SQLite")
    monkeypatch.setenv("COLUMNS", "80")
    with open_store(store_url) as s:
        for _, article in TIMELINE_ARTICLES:
            s.add_article(article.model_copy(deep=True))
    assert main(["reactions", "--target", "the toll", "--db", store_url]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "┃ actor" in out and "over time" not in out
    assert RAMAN in out and "latest: support" in out and "changed" in out and "+" in out


@pytest.fixture
def client(store: Store, store_url: str) -> Iterator[TestClient]:
    """The app over the timeline store (``store`` has filled it)."""
    from saidwhat.views.web import create_app

    assert store.reactions(TOLL)

    with TestClient(create_app(store_url), base_url="http://127.0.0.1") as c:
        yield c


def test_api_and_export_carry_the_timeline(client: TestClient) -> None:
    items = client.get("/api/reactions", params={"target": "the toll"}).json()["items"]
    raman = next(r for r in items if r["actor"] == RAMAN)
    assert raman["changed"] and raman["changes"][0]["date"] == "2026-06-18"
    assert [p["outlet"] for p in raman["timeline"]][:3] == ["The Aldren Courier", "Bellmouth Herald",
                                                            "Harbor Radio"]
    changed = client.get("/api/reactions", params={"target": "the toll", "changed": "true"}).json()
    assert changed["total"] == 2
    table = list(csv.DictReader(io.StringIO(client.get(
        "/api/reactions/export", params={"target": "the toll", "format": "csv"}).text)))
    row = next(r for r in table if r["actor"] == RAMAN)
    assert row["changed"] == "True" and row["latest"] == "support"
    assert "oppose (2026-03-12 The Aldren Courier) → support" in row["changes"]
    exported = client.get("/api/reactions/export", params={"target": "the toll", "format": "json"}).json()
    assert len(next(r for r in exported["rows"] if r["actor"] == RAMAN)["timeline"]) == 4
    key = raman["actor_key"]
    assert client.get(f"/api/actors/{key}").json()["timelines"][0]["changes"][0]["label"] == "support"


def test_reactions_page_shows_the_timeline_and_the_changes_without_script(client: TestClient) -> None:
    page = client.get("/reactions", params={"target": "the toll"}).text
    assert page.count('<ol class="stance-timeline">') == 3 and 'class="changed"' in page
    section = page[page.index('aria-label="stance changes"'):]
    section = section[:section.index("</section>")]
    assert section.count("<li>") == 2 and "Priya Raman" in section and "Teresa Okafor" not in section
    assert "<cite>The Aldren Courier</cite>" in section and '<time datetime="2026-06-18">' in section
    assert "⇄ changed" in page  # in words, not colour alone
    only = client.get("/reactions", params={"target": "the toll", "changed": "1"}).text
    assert "Priya Raman" in only and "Teresa Okafor" not in only
    assert 'name="changed" value="1" checked' in only


def test_actor_page_lists_points_and_changes(client: TestClient) -> None:
    items = client.get("/api/reactions", params={"target": "the toll"}).json()["items"]
    key = next(r["actor_key"] for r in items if r["actor"] == RAMAN)
    page = client.get(f"/actors/{key}").text
    table = page[page.index('<table class="data stance-timeline">'):]
    table = table[:table.index("</table>")]
    assert table.count("<tr") == 5 and table.count('<tr class="changed">') == 1  # header + 4 articles
    assert "changed 1 time" in page and 'href="/articles/' in table and "#quote-q1" in table


def test_timeline_text_from_articles_is_escaped(store: Store, client: TestClient) -> None:
    from timeline_texts import Voice, dated_article

    payload = "<script>alert(1)</script>"
    store.add_article(dated_article(9, published="2026-07-01", outlet=f"{payload} FM", voices=[
        Voice(RAMAN, "oppose", said=f"The toll {payload} is back to being unfair")]))
    page = client.get("/reactions", params={"target": "the toll"}).text
    assert payload not in page and "&lt;script&gt;alert(1)&lt;/script&gt; FM" in page
    raman = next(r for r in client.get("/api/reactions", params={"target": "the toll"}).json()["items"]
                 if r["actor"] == RAMAN)
    assert [(c["label"], c["outlet"]) for c in raman["changes"]] == [("support", "Harbor Radio"),
                                                                     ("oppose", f"{payload} FM")]


def test_actor_level_stance_outweighs_its_own_reaction_in_one_article() -> None:
    """The analysis' actor-level stance already weighs the actor's reactions in the article: "who
    voted against the toll in March … now supports it" is support, not a tie with the vote."""
    def item(origin: str, label: str) -> Any:
        return SimpleNamespace(origin=origin, label=label)

    assert _article_vote([item("actor", "support"), item("reaction", "oppose"), item("quote", "support")]) \
        == "support"
    # a neutral actor-level stance lets a polar reaction speak, as before
    assert _article_vote([item("actor", "neutral"), item("reaction", "oppose")]) == "oppose"
    assert _article_vote([item("quote", "neutral"), item("quote", "oppose")]) == "oppose"


EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_bundled_example_and_followups_show_raman_turning(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """The documented run (docs/stance.md, "Stance over time"), through the real chain: Raman votes
    against the toll in March (The Aldren Courier), still opposes it in April (Bellmouth Herald) and
    says she supports it in June (Harbor Radio)."""
    db = str(tmp_path / "toll.sqlite")
    follow = EXAMPLES / "toll-followups"
    assert main(["ingest", str(EXAMPLES / "harbor-bridge.html"), str(follow), "--metadata",
                 str(follow / "metadata.tsv"), "--target", "the toll", "--db", db, "--quiet"]) == 0
    capsys.readouterr()
    assert main(["reactions", "--target", "the toll", "--db", db, "--changed", "--format", "json"]) == 0
    rows = {r["actor"]: r for r in json.loads(capsys.readouterr().out)}
    raman = rows["Priya Raman"]
    assert [(p["published"], p["outlet"], p["label"]) for p in raman["timeline"]] == [
        ("2026-03-12", "The Aldren Courier", "oppose"), ("2026-04-02", "Bellmouth Herald", "oppose"),
        ("2026-06-18", "Harbor Radio", "support")]
    assert [(c["previous_outlet"], c["outlet"]) for c in raman["changes"]] == [
        ("Bellmouth Herald", "Harbor Radio")]
