"""Stories and copies in headless Chromium: a rewritten copy of the fixture page from another
outlet makes a story; the story list, the story page and the copy's "what changed" page.

Runs after ``test_web_browser.py`` (file order): it adds two articles to the shared store and
removes them again at the end."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete

import saidwhat
from saidwhat.schema import Article
from saidwhat.store import open_store
from saidwhat.store import tables as t
from webcorpus import UN_TARGET

pytestmark = pytest.mark.browser

#: what a spinner changes in the fixture page's text (a name, a number, an interviewee's words)
REWRITES = [("Michelle Basele", "Michelle Bachelet"), ("48 page", "45 page"), ("Zhang Jun", "Zhang Juun"),
            ("We had to sign a document to remain silent", "We were made to sign a paper to stay silent"),
            ("found", "discovered"), ("serious", "grave"), ("released", "published"), ("said", "stated")]


@pytest.fixture()
def rewritten_copy(live_server: Any) -> Iterator[tuple[int, int]]:
    """The fixture page's article and a rewritten copy of it stored from another outlet."""
    un_id = live_server.corpus.ids["un"]
    un = live_server.corpus.articles["un"]
    text = un.text
    for before, after in REWRITES:
        text = text.replace(before, after)
    paragraphs = text.split("\n\n")
    paragraphs[2:4] = paragraphs[3:1:-1]  # two paragraphs swapped
    copy = saidwhat.analyze_article(Article(
        title="UN rights office report on Xinjiang angers Beijing", outlet="Copy Farm",
        published=un.published, url="https://copyfarm.example/un-xinjiang", language="en",
        text="\n\n".join(paragraphs)),
        targets=[UN_TARGET])
    with open_store(str(live_server.corpus.path)) as store:
        copy_id = store.add_article(copy).article_id
    try:
        yield un_id, copy_id
    finally:
        with open_store(str(live_server.corpus.path)) as store, store.engine.begin() as conn:
            conn.execute(delete(t.articles).where(t.articles.c.id == copy_id))


def test_story_pages_and_what_the_copy_changed(page: Any, rewritten_copy: tuple[int, int],
                                               screenshots: Path) -> None:
    un_id, copy_id = rewritten_copy
    page.goto("/stories")
    p = page.page
    assert p.locator("nav a[aria-current=page]").inner_text() == "Stories"
    row = p.locator(f"table.stories tr[data-story-id='{min(un_id, copy_id)}']")
    assert row.count() == 1 and "Copy Farm" in row.inner_text()
    row.locator("a").first.click()
    p.wait_for_url(f"**/stories/{min(un_id, copy_id)}")
    articles = p.locator("table.story-articles tbody tr")
    assert articles.count() == 2
    assert "Copy Farm" in articles.all_inner_texts()[0] + articles.all_inner_texts()[1]
    actors = p.locator("section:has(h2:text('Main actors')) li a").all_inner_texts()
    assert "Omer Kanat" in actors
    p.screenshot(path=str(screenshots / "story.png"), full_page=True)
    # the article page names the copy's outlet, links to it and to what changed
    page.goto(f"/articles/{un_id}")
    copies = p.locator("p.copies")
    listed = copies.inner_text()
    assert "Copy Farm: UN rights office report" in listed
    assert "rewritten copy" in listed or "near copy" in listed
    assert p.locator(f"p.story-link a[href='/stories/{min(un_id, copy_id)}']").count() == 1
    copies.locator("a.what-changed").first.click()
    p.wait_for_url(f"**/articles/{un_id}/changes/{copy_id}")
    names = p.locator("table.copy-changes tr[data-kind=name]").all_inner_texts()
    assert any("Michelle Basele" in n and "Michelle Bachelet" in n for n in names)
    assert p.locator("table.copy-changes tr[data-kind=quote] ins").count() >= 1
    numbers = p.locator("table.copy-changes tr[data-kind=number]").all_inner_texts()
    assert any("48" in n and "45" in n for n in numbers)
    p.screenshot(path=str(screenshots / "copy-changes.png"), full_page=True)
    assert page.dialogs == [] and page.console_errors == []
