"""The pages in headless Chromium: search, article highlights on the right characters, tooltips,
the speaker filter, reactions with charts and exports, the analyze form, and hostile payloads
rendering as text without any dialog, who gets quoted, an actor's stance over time. Saves the
screenshots in a temporary folder (docs/screenshots/ with scripts/refresh_screenshots.sh)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from timeline_texts import RAMAN, TOLL
from webcorpus import IMG, SCRIPT, UN_TARGET

pytestmark = pytest.mark.browser

HIGHLIGHT_TEXTS = """
(spanIds) => spanIds.map((sid) => Array.from(document.querySelectorAll('#article-text [data-spans]'))
  .filter((el) => el.dataset.spans.split(' ').includes(sid))
  .map((el) => el.textContent).join(''))
"""


def _no_trouble(page: Any) -> None:
    assert page.dialogs == [], f"a dialog opened: {page.dialogs}"
    csp = [e for e in page.console_errors if "Content Security Policy" in e or "Refused" in e]
    assert csp == [], f"CSP violations: {csp}"
    assert page.console_errors == [], page.console_errors


def test_search_page(page: Any, screenshots: Path) -> None:
    page.goto("/")
    p = page.page
    p.fill("input[name=q]", "report")
    p.click("form.search button[type=submit]")
    p.wait_for_url("**/search?*")
    hits = p.locator("li.hit")
    assert hits.count() >= 1
    assert "report" in hits.first.locator(".hit-text").inner_text().lower() or \
        "report" in hits.first.inner_text().lower()
    # a facet link narrows the search
    outlet = p.locator("section.facet:has(h2:text('outlet')) a").first
    name = outlet.inner_text()
    outlet.click()
    p.wait_for_load_state()
    assert all(name in h for h in p.locator("li.hit .outlet").all_inner_texts())
    page.goto("/search?q=report")
    p.screenshot(path=str(screenshots / "search.png"), full_page=True)
    _no_trouble(page)


def test_article_highlights_sit_on_the_quoted_characters(page: Any, live_server: Any,
                                                         screenshots: Path) -> None:
    art_id = live_server.corpus.ids["un"]
    stored = httpx.get(f"{live_server.url}/api/articles/{art_id}").json()["article"]
    text = stored["text"]
    page.goto(f"/articles/{art_id}")
    p = page.page
    assert p.eval_on_selector("#article-text", "el => el.textContent") == text
    span_ids, expected = [], []
    for q in stored["quotes"]:
        for k, (s, e) in enumerate(q["content"]):
            span_ids.append(f"{q['id']}:{k}")
            expected.append(text[s:e])
    assert span_ids, "the fixture page has quotes"
    assert p.evaluate(HIGHLIGHT_TEXTS, span_ids) == expected
    # hover shows speaker, cue and stance
    first = p.locator("#article-text mark[data-badge]").first
    first.hover()
    tip = p.locator("#tip")
    tip.wait_for(state="visible")
    assert first.get_attribute("data-speaker") in tip.inner_text()
    assert "cue:" in tip.inner_text()
    # keyboard focus shows it too
    p.mouse.move(0, 0)
    first.focus()
    assert tip.is_visible()
    p.screenshot(path=str(screenshots / "article.png"), full_page=True)
    # clicking a speaker keeps only their quotes
    button = p.locator(".speaker-filter").first
    number = button.get_attribute("data-speaker-number")
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    shown = p.locator(".quote-item:not(.dim)")
    assert shown.count() >= 1
    assert set(shown.evaluate_all("els => els.map(e => e.dataset.speakerNumber)")) == {number}
    dimmed = p.locator("#article-text mark.dim")
    others = p.locator(f"#article-text mark:not([data-speaker-number='{number}'])")
    assert dimmed.count() == others.count()
    p.click(".show-all")
    assert p.locator(".quote-item.dim").count() == 0
    _no_trouble(page)


def test_reactions_page_table_chart_exports(page: Any, live_server: Any, screenshots: Path) -> None:
    page.goto(f"/reactions?target={quote(UN_TARGET)}")
    p = page.page
    rows = p.locator("table.reactions tbody tr")
    assert rows.count() >= 1
    assert p.locator("figure.chart svg.bars").count() >= 1
    assert p.locator("svg.bars text.bar-value").count() >= 1  # values as text, not colour alone
    p.screenshot(path=str(screenshots / "reactions.png"), full_page=True)
    for fmt, ctype in (("CSV", "text/csv"), ("JSON", "application/json")):
        href = p.locator(f".export a:text('{fmt}')").get_attribute("href")
        r = p.request.get(live_server.url + href)
        assert r.status == 200 and r.headers["content-type"].startswith(ctype)
    # an actor link leads to the actor page with its charts
    p.locator("table.reactions tbody tr td a").first.click()
    p.wait_for_load_state()
    assert p.locator("h1").count() == 1 and p.locator("ol.hits li.hit").count() >= 1
    p.screenshot(path=str(screenshots / "actor.png"), full_page=True)
    _no_trouble(page)


def test_diversity_page_charts_and_table(page: Any, screenshots: Path) -> None:
    page.goto("/diversity")
    p = page.page
    assert p.locator("nav a[aria-current=page]").inner_text() == "Who is quoted"
    assert p.locator("figure.chart svg.shares").count() == 3  # gender, kind, affiliation
    pieces = p.locator("svg.shares rect.piece")
    assert pieces.count() >= 3
    counts = [pieces.nth(i).get_attribute("data-count") for i in range(pieces.count())]
    assert all(int(c or 0) > 0 for c in counts)
    assert p.locator("svg.shares text.bar-value").count() >= 3  # totals as text, not colour alone
    # every share also stands in the table under its chart: the gender table adds up to its total
    first = p.locator("section[aria-label=gender] table.data tbody tr").first
    cells = first.locator("td").all_inner_texts()
    assert int(cells[1]) == sum(int(c.split()[0]) for c in cells[2:])
    p.select_option("select[name=by]", "month")
    p.click("form.search button[type=submit]")
    p.wait_for_url("**/diversity?*by=month*")
    assert p.locator("section[aria-label=kind] table.data tbody tr").count() >= 2  # months and "all"
    page.goto("/diversity")
    p.screenshot(path=str(screenshots / "diversity.png"), full_page=True)
    _no_trouble(page)


def test_hostile_payloads_render_as_text(page: Any, live_server: Any) -> None:
    hostile = live_server.corpus.articles["hostile"]
    page.goto(f"/articles/{live_server.corpus.ids['hostile']}")
    p = page.page
    assert p.locator("h1").inner_text() == hostile.title
    assert p.locator("main img, main script, main iframe").count() == 0
    assert p.eval_on_selector("#article-text", "el => el.textContent") == hostile.text
    speaker = hostile.actors[0].name.replace(chr(39), "")
    assert p.locator(f"#article-text mark[data-speaker='{speaker}']").count() >= 0
    assert p.locator("a[href^='javascript:']").count() == 0
    for path in ("/search?q=fine", "/actors", f"/search?q={quote(SCRIPT)}&outlet={quote(IMG)}",
                 f"/reactions?target={quote(hostile.targets[0].name)}"):
        page.goto(path)
        assert p.locator("main img, main script").count() == 0
    key = httpx.get(f"{live_server.url}/api/actors", params={"name": "Mallory"}).json()["items"][0]["key"]
    page.goto(f"/actors/{quote(key, safe='')}")
    assert SCRIPT in p.locator("h1").inner_text()
    _no_trouble(page)


def test_analyze_form_shows_the_article(page: Any) -> None:
    page.goto("/analyze")
    p = page.page
    p.check("input[name=kind][value=text]")
    p.fill("textarea[name=content]", (
        "The harbor council voted on Tuesday.\n\n"
        f"\u201cThis is a good day for the harbor {SCRIPT},\u201d Mayor Jane Doe said after the vote."))
    p.click("form.analyze button[type=submit]")
    p.wait_for_selector("#article-text")
    assert p.locator("#article-text mark").count() >= 1
    assert SCRIPT in p.eval_on_selector("#article-text", "el => el.textContent")
    assert p.locator("main script").count() == 0
    _no_trouble(page)


def test_stance_over_time_on_reactions_and_actor_pages(page: Any, screenshots: Path) -> None:
    page.goto(f"/reactions?target={quote(TOLL)}")
    p = page.page
    row = p.locator("table.reactions tbody tr", has_text=RAMAN)
    points = row.locator("ol.stance-timeline li")
    assert points.count() == 4
    assert points.nth(0).locator("time").inner_text() == "2026-03-12"
    turned = row.locator("ol.stance-timeline li.changed")
    assert turned.count() == 1 and "Harbor Radio" in turned.inner_text()
    assert turned.locator(".changed-flag").is_visible()  # the turn is said in words
    changes = p.locator("section.stance-changes li")
    assert changes.count() == 2 and RAMAN in changes.all_inner_texts()[0] + changes.all_inner_texts()[1]
    p.screenshot(path=str(screenshots / "reactions-timeline.png"), full_page=True)
    # the point links to the quote in its article
    turned.locator("a").first.click()
    p.wait_for_load_state()
    assert "#quote-q1" in p.url and p.locator("#article-text").count() == 1
    page.goto(f"/reactions?target={quote(TOLL)}")
    row.locator("td a").first.click()
    p.wait_for_load_state()
    table = p.locator("table.stance-timeline")
    assert table.locator("tbody tr").count() == 4 and table.locator("tr.changed").count() == 1
    p.locator("section.target-timeline").screenshot(path=str(screenshots / "actor-timeline.png"))
    _no_trouble(page)


def test_trail_page_shows_the_altered_copy(page: Any, live_server: Any, screenshots: Path) -> None:
    """A second outlet carries the opposition leader's quote with two words changed: the article
    page links the quote to its trail, and the trail page marks the change (last test: it adds
    an article to the store)."""
    import saidwhat
    from saidwhat.store import open_store
    from webcorpus import MADE_UP

    original = MADE_UP[0]
    copy = original.model_copy(update={
        "outlet": "Bay Courier", "published": "2024-03-05", "url": "https://bay.example/bridge",
        "title": "Bridge row: opposition calls it a waste",
        "text": ("Opposition leader Tom Brown attacked the harbor bridge plan on Tuesday.\n\n"
                 "\u201cThis bridge is a waste of public money and the council knows it,\u201d Brown said.")})
    store = open_store(str(live_server.corpus.path))
    try:
        added = store.add_article(saidwhat.analyze_article(copy))
    finally:
        store.close()
    page.goto("/trails")
    p = page.page
    link = p.locator("main a[href^='/trails/']").first
    link.click()
    p.wait_for_url("**/trails/*")
    assert "Tom Brown" in p.locator(".byline .who").inner_text()
    relations = p.locator("li.sighting").evaluate_all("els => els.map(e => e.dataset.relation)")
    assert relations[0] == "first" and "altered" in relations
    assert "public" in " ".join(p.locator("blockquote.diff ins").all_inner_texts())
    p.screenshot(path=str(screenshots / "trail.png"), full_page=True)
    # the copy's article page links its quote to the trail
    page.goto(f"/articles/{added.article_id}")
    assert p.locator("a[href^='/trails/']").count() >= 1
    _no_trouble(page)
