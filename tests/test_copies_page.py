"""The article page's "Also published as" names the other outlet and links to it, never to the
article itself (issue 10, item 4)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from saidwhat.schema import AnalyzedArticle
from saidwhat.store import open_store
from saidwhat.views.web import create_app

BODY = ("The harbour bridge will close for repairs next month, the city council said on Monday. "
        "Engineers found cracks in two of the main cables during an inspection in March. ") * 6


def _article(url: str, outlet: str, source: str, text: str = BODY) -> AnalyzedArticle:
    return AnalyzedArticle(title=f"Bridge to close ({outlet})", published="2024-04-02", outlet=outlet,
                           url=url, text=text, source=source, language="en")


def test_also_published_as_names_and_links_the_other_source(store_url: str) -> None:
    with open_store(store_url) as store:
        first = store.add_article(_article("https://ledger.example/bridge", "Ledger", "ledger.html"))
        # the same text from another outlet: a sighting (exact copy) of the stored article
        assert store.add_article(_article("https://star.example/b", "Star", "star.html")).sighting_added
        # a trimmed version elsewhere: a near copy, stored as its own article
        near = store.add_article(_article("https://post.example/x", "Post", "post.html",
                                          BODY[: len(BODY) * 2 // 3] + " The mayor was not available."))
        assert near.status == "stored"
        with TestClient(create_app(store=store), base_url="http://127.0.0.1") as client:
            page = client.get(f"/articles/{first.article_id}").text
    copies = page[page.index('class="copies"'):page.index("</p>", page.index('class="copies"'))]
    assert re.search(r'href="https://star\.example/b"[^>]*>Star: Bridge to close', copies)
    assert f'href="/articles/{near.article_id}">Post: Bridge to close' in copies
    assert f'href="/articles/{first.article_id}"' not in copies  # never a link to the page itself
