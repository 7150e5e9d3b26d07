"""A stored quote whose confidence is below the views' limit (``views.render.UNCERTAIN``) says so in
every view of the store, as the Markdown report does: the API carries its confidence, the web's
article, search and actor pages and the CLI's search table mark it "uncertain", and no other."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

import saidwhat
from saidwhat.cli import main
from saidwhat.schema import Article
from saidwhat.store import open_store
from saidwhat.views.render import UNCERTAIN
from saidwhat.views.web import create_app

TEXT = ("Storm damage in Arden\n\nBoats crowded the harbour at dawn on Monday.\n\n"
        "“It was the worst storm in thirty years.”\n\n"
        "“We will rebuild the pier before the summer,” Mayor Maria Lopez told reporters on Tuesday.\n")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("unsure") / "s.sqlite")
    art = saidwhat.analyze(Article(text=TEXT, title="Storm damage in Arden", outlet="Arden Post",
                                   published="2026-02-03", language="en"))
    confidences = sorted(q.confidence or 0.0 for q in art.quotes)
    assert confidences[0] < UNCERTAIN <= confidences[-1], confidences  # one of each, or the test says nothing
    with open_store(path) as store:
        store.add_article(art)
    return path


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        yield c


def test_api_quotes_carry_their_confidence(client: TestClient) -> None:
    items = client.get("/api/quotes").json()["items"]
    assert items and all(isinstance(h["confidence"], float) for h in items)


def test_pages_mark_the_uncertain_quotes_only(client: TestClient) -> None:
    items = client.get("/api/quotes").json()["items"]
    unsure = sum(h["confidence"] < UNCERTAIN for h in items)
    assert 0 < unsure < len(items)
    article = items[0]["article_id"]
    for url in (f"/articles/{article}", "/search"):
        page = client.get(url).text
        assert len(re.findall(r"⚠ uncertain", page)) == unsure, url


def test_cli_search_marks_the_uncertain_quotes(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    with open_store(db) as store:
        unsure = sum(h.confidence is not None and h.confidence < UNCERTAIN for h in store.iter_quotes())
    assert main(["search", "--db", db]) == 0
    assert capsys.readouterr().out.count("⚠ uncertain") == unsure > 0
