"""Stories (issue 10, item 4): articles on one event grouped across outlets from shared actors,
targets, quotes (trails) and time, and copies; listed and shown by the store, the CLI and the API."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from saidwhat.cli import main
from saidwhat.schema import Actor, AnalyzedArticle, Quote, Speaker, Target
from saidwhat.store import Store, open_store
from saidwhat.views.web import create_app

DATA = Path(__file__).parent / "data" / "copies"
QUOTE = "We are asking every household to cut its use by a quarter, starting today"


def _article(name: str, outlet: str, published: str | None, people: list[str], targets: list[str],
             *, quote_by: str | None = None, text: str | None = None) -> AnalyzedArticle:
    """An analysed article built by hand: its people named in the text, a quote if asked."""
    body = text or LEADS[name] + " " + " ".join(f"{p} was there." for p in people)
    quotes = []
    if quote_by is not None:
        body += f"\n\n“{QUOTE},” said {quote_by}."
        q0 = body.index(QUOTE)
        s0 = body.rindex(quote_by)
        quotes.append(Quote(id="q1", kind="direct", content=[(q0, q0 + len(QUOTE))], cue=[(s0 - 5, s0 - 1)],
                            speaker=Speaker(mention=[(s0, s0 + len(quote_by))],
                                            actor=f"a{people.index(quote_by)}"), confidence=0.9))
    actors = [Actor(id=f"a{i}", name=p, kind="person", mentions=[(body.index(p), body.index(p) + len(p))])
              for i, p in enumerate(people)]
    return AnalyzedArticle(title=f"{name} ({outlet})", outlet=outlet, published=published,
                           url=f"https://{outlet.lower()}.example/{name}", source=f"{outlet}-{name}.txt",
                           language="en", text=body, actors=actors, quotes=quotes,
                           targets=[Target(name=t) for t in targets])


DROUGHT = ["Marta Kovalenko", "Tomas Reyes", "Ilse Brandt"]
#: each article's own words (so that no two are copies of each other)
LEADS = {
    "drought": "The valley declared an emergency on Tuesday as reservoirs fell to record lows. Gardens "
               "and car washes face limits from Thursday, and fines follow for those who ignore them.",
    "reservoirs": "Water levels in three lakes dropped below a fifth of capacity this week. Engineers "
                  "measured the dams daily and warned that the smallest lake could run dry by July.",
    "farmers": "Orchard owners counted their losses after the spring rains never came. Several "
               "families sold their tractors, and a cooperative asked banks to delay loan payments.",
    "harvest": "Growers began picking apricots early under a hot June sun. Prices at the market rose "
               "by a third, while pickers from abroad arrived late because of new visa rules.",
    "budget": "Councillors argued over road repairs and school funding in a long session. The mayor "
              "promised a vote before the summer recess, but two parties walked out at midnight.",
    "quote": "A new tram line opened downtown with music and speeches. Children rode for free on the "
             "first day, and shops along the route stayed open until late in the evening.",
    "requote": "Commuters crowded the first trams of the new line on Wednesday morning. Drivers reported "
               "delays at two crossings where cars ignored the new signals during rush hour.",
}


def _fill(store: Store) -> dict[str, int]:
    ids = {}
    for key, art in {
        "ledger": _article("drought", "Ledger", "2024-05-07", DROUGHT, ["the drought emergency"]),
        "star": _article("reservoirs", "Star", "2024-05-08", DROUGHT[:2], ["the drought emergency"]),
        "post": _article("farmers", "Post", "2024-05-09", DROUGHT[1:], ["the drought emergency"]),
        # the same people and target, a month later: another event
        "later": _article("harvest", "Ledger", "2024-06-10", DROUGHT, ["the drought emergency"]),
        # the same days, one shared name only
        "other": _article("budget", "Star", "2024-05-08", ["Ilse Brandt", "Karl Osei"], ["the budget"]),
        # one quote (a trail) and its speaker shared, nothing else
        "quoted": _article("quote", "Gazette", "2024-06-11", ["Anna Lind", "Per Holm"], [],
                           quote_by="Anna Lind"),
        "requoted": _article("requote", "Courier", "2024-06-12", ["Anna Lind", "Eva Dahl"], [],
                             quote_by="Anna Lind"),
    }.items():
        ids[key] = store.add_article(art).article_id
    return ids


def test_stories_join_shared_names_and_quotes_within_days(store_url: str) -> None:
    with open_store(store_url) as store:
        ids = _fill(store)
        story = store.story(ids["star"])
        assert story is not None
        assert [a.id for a in story.articles] == [ids["ledger"], ids["star"], ids["post"]]
        assert story.id == ids["ledger"] and store.story(ids["ledger"]) == story
        assert story.outlets == ["Ledger", "Post", "Star"]
        assert (story.first_seen, story.last_seen) == ("2024-05-07", "2024-05-09")
        assert [(a.name, a.articles) for a in story.actors][:1] == [("Tomas Reyes", 3)]
        assert {a.name for a in story.actors} == set(DROUGHT)
        assert [(t.name, t.articles) for t in story.targets] == [("the drought emergency", 3)]
        assert store.story(ids["later"]) is None  # a month later
        assert store.story(ids["other"]) is None  # one shared name
        quoted = store.story(ids["quoted"])
        assert quoted is not None and [a.id for a in quoted.articles] == [ids["quoted"], ids["requoted"]]
        assert len(quoted.shared_quotes) == 1
        assert store.story(10**6) is None


def test_stories_list_filters_and_copies(store_url: str) -> None:
    with open_store(store_url) as store:
        ids = _fill(store)
        page = store.stories()
        assert [s.id for s in page.items] == [ids["ledger"], ids["quoted"]] and page.total == 2
        assert [s.id for s in store.stories(text="kovalenko").items] == [ids["ledger"]]
        assert [s.id for s in store.stories(outlet="courier").items] == [ids["quoted"]]
        assert store.stories(since="2024-06-01").total == 1 and store.stories(until="2024-05").total == 1
        # an undated rewritten copy joins its original's story through the copy link alone
        story = (DATA / "story.txt").read_text(encoding="utf-8")
        first = store.add_article(AnalyzedArticle(text=story, source="velmar.txt", outlet="Ledger",
                                                  published="2024-05-07", title="Velmar"))
        copy = store.add_article(AnalyzedArticle(text=(DATA / "rewritten.txt").read_text(encoding="utf-8"),
                                                 source="farm.txt", outlet="Farm"))
        found = store.story(copy.article_id)
        assert found is not None and found.id == first.article_id and found.copies == 1
        assert found.first_seen == found.last_seen == "2024-05-07"


def test_stories_command_and_api(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.sqlite")
    with open_store(db) as store:
        ids = _fill(store)
    assert main(["stories", "--db", db, "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["total"] == 2 and listed["items"][0]["n_articles"] == 3
    assert main(["stories", str(ids["post"]), "--db", db]) == 0
    out = capsys.readouterr().out
    assert f"Story {ids['ledger']}" in out and "3 articles, 3 outlets" in out and "reservoirs (Star)" in out
    assert main(["stories", str(ids["later"]), "--db", db]) == 1
    with open_store(db) as store, TestClient(create_app(store=store), base_url="http://127.0.0.1") as client:
        assert client.get("/api/stories", params={"q": "Reyes"}).json()["items"][0]["id"] == ids["ledger"]
        one = client.get(f"/api/stories/{ids['star']}").json()
        assert one["id"] == ids["ledger"] and len(one["articles"]) == 3
        assert client.get(f"/api/stories/{ids['later']}").status_code == 404
        assert client.get("/api/stories", params={"since": "2026-13"}).status_code == 422
        page = client.get(f"/stories/{ids['ledger']}").text
        assert "Marta Kovalenko" in page and f'href="/articles/{ids["post"]}"' in page
        assert f'href="/stories/{ids["ledger"]}"' in client.get("/stories").text
        article = client.get(f"/articles/{ids['star']}").text
        assert f'href="/stories/{ids["ledger"]}"' in article and "Part of a story" in article
