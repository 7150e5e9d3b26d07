"""The web side of actor identity and source diversity: ``/api/diversity``, ``/api/actor-edits``,
the ``/diversity`` page and the actor page, over a small store of our own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from identity_texts import Voice, story
from saidwhat.store import open_store
from saidwhat.views.web import create_app


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    path = str(tmp_path / "s.sqlite")
    with open_store(path) as store:
        store.add_article(story(1, Voice("Donald Trump", pronoun="he", aliases=("the Republican nominee",)),
                                Voice("Mary Lund", pronoun="she", affiliation="City Council"), outlet="A",
                                published="2016-09-01"))
        store.add_article(story(2, Voice("Donald Trump"), Voice("Tax Foundation", "organization"), outlet="B",
                                published="2016-10-02"))
        store.add_article(story(3, Voice("Trump"), Voice("Ivana Zelnickova"), outlet="B",
                                published="2016-10-03"))
    with TestClient(create_app(path), base_url="http://127.0.0.1") as c:
        yield c


def test_api_diversity(client: TestClient) -> None:
    data = client.get("/api/diversity", params={"by": "month"}).json()
    assert [r["group"] for r in data["rows"]] == ["2016-09", "2016-10"]
    assert data["rows"][0]["counts"] == {"female": 2, "male": 2, "unknown": 0}
    kinds = client.get("/api/diversity", params={"dimension": "kind", "by": "outlet"}).json()
    assert kinds["overall"]["counts"]["organization"] == 1
    assert client.get("/api/diversity", params={"dimension": "age"}).status_code == 422
    assert client.get("/api/diversity", params={"since": "2016-13"}).status_code in (400, 422)


def test_api_actor_edits(client: TestClient) -> None:
    r = client.post("/api/actor-edits", json={"action": "merge", "key": "person:ivana-zelnickova",
                                              "into": "person:mary-lund", "note": "a test"})
    assert r.status_code == 201 and r.json()["into"] == "person:mary-lund"
    assert [e["action"] for e in client.get("/api/actor-edits").json()] == ["merge"]
    assert client.get("/api/actors/person:ivana-zelnickova").status_code == 404
    assert client.get("/api/actors/person:mary-lund").json()["n_articles"] == 2
    r = client.post("/api/actor-edits",
                    json={"action": "split", "key": "person:donald-trump", "name": "Trump"})
    assert r.status_code == 201 and r.json()["into"].startswith("person:donald-trump~")
    bad = client.post("/api/actor-edits",
                      json={"action": "merge", "key": "person:nobody", "into": "person:mary-lund"})
    assert bad.status_code == 400 and "person:nobody" in bad.json()["message"]
    no_into = {"action": "merge", "key": "person:mary-lund"}
    assert client.post("/api/actor-edits", json=no_into).status_code == 400
    assert client.post("/api/actor-edits", content=b"[1]",
                       headers={"content-type": "application/json"}).status_code == 422
    cross = client.post("/api/actor-edits", json={"action": "merge", "key": "a", "into": "b"},
                        headers={"Sec-Fetch-Site": "cross-site"})
    assert cross.status_code == 403


def test_diversity_page(client: TestClient) -> None:
    r = client.get("/diversity", params={"by": "outlet"})
    assert r.status_code == 200
    html = r.text
    assert html.count('class="shares"') == 3  # gender, kind, affiliation
    assert 'data-category="female"' in html and "City Council" in html
    assert client.get("/diversity", params={"by": "week", "since": "junk"}).status_code == 200  # defaults


def test_actor_page_shows_gender_roles_and_links_from_articles(client: TestClient) -> None:
    page = client.get("/actors/person:donald-trump").text
    assert "Gender" in page and "from the articles' words" in page
    assert "the Republican nominee" in page
    article = client.get("/api/articles/3").json()
    assert article["actor_keys"]["a1"] == "person:donald-trump"  # "Trump" joined the full name
    assert '/actors/person%3Adonald-trump' in client.get("/articles/3").text


def test_actor_page_lists_roles_up_to_the_shared_limit(client: TestClient,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The page and ``saidwhat actors show`` stop at the same ``ROLES_SHOWN`` and count the rest."""
    from saidwhat.views.web.pages import templates

    monkeypatch.setitem(templates.env.globals, "roles_shown", 0)
    page = client.get("/actors/person:donald-trump").text
    assert "1 more, each in fewer articles." in page and "the Republican nominee" not in page
