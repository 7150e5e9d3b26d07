"""Page type from markup, URL, title and text shape, on pages written for these tests."""

from __future__ import annotations

from lxml.html import fromstring

from saidwhat.article import extract_article
from saidwhat.article.page_type import PageSignals, classify_page, read_signals
from saidwhat.page import page_from_text

NEWS = ("The harbour council voted on Tuesday to raise the bridge toll. "
        "\"We had no choice,\" the mayor said. Shippers told reporters the toll would hurt trade, "
        "and the union said it would appeal. ") * 4
DEALS = "\n".join([
    "Aurora Blender 5000: was $89.99, now $49.99 at the usual stores.",
    "Lumina Buds Pro wireless earbuds: $129 (save $40).",
    "Stellar Phone X 128GB: $299, a new low.",
    "Kestrel 4K monitor 27-inch: $219.99 with free shipping.",
    "Orbit smart speaker bundle: $39.",
    "Why we like them: good sound, long battery life and easy setup for everyone in the house.",
])


def test_markup_decides_first() -> None:
    assert classify_page(NEWS, signals=PageSignals(jsonld_types=["Product"])) == "listing"
    assert classify_page(NEWS, signals=PageSignals(jsonld_types=["Review"])) == "review"
    assert classify_page(NEWS, signals=PageSignals(jsonld_types=["OpinionNewsArticle"])) == "opinion"
    assert classify_page(NEWS, signals=PageSignals(section="Opinion")) == "opinion"
    assert classify_page(NEWS, signals=PageSignals(og_type="product")) == "listing"


def test_url_and_title() -> None:
    assert classify_page(NEWS, url="https://example.org/opinion/2026/why-the-toll-is-wrong") == "opinion"
    assert classify_page(NEWS, url="https://example.org/reviews/aurora-blender-5000") == "review"
    assert classify_page(NEWS, url="https://example.org/deals/black-friday-blenders") == "listing"
    assert classify_page(NEWS, title="Opinion | The toll is a tax") == "opinion"
    assert classify_page(NEWS, title="Aurora Blender 5000 review") == "review"
    # "deal" alone is news vocabulary ("agrees deal"), not a listing
    assert classify_page(NEWS, url="https://example.org/sport/coach-agrees-deal-to-join-rivals") == "news"


def test_text_shape() -> None:
    assert classify_page(DEALS) == "listing"
    assert classify_page(NEWS) == "news"
    # prices in a market report do not make it a listing: it reports speech
    lines = [f"Shares of Firm {i} closed at ${10 + i}.50, analysts said." for i in range(8)]
    market = NEWS + "\n" + "\n".join(lines)
    assert classify_page(market) == "news"
    assert classify_page("Mix the flour and the butter. Bake for twenty minutes. " * 20) == "other"


def test_news_markup_does_not_hide_a_deals_list() -> None:
    assert classify_page(DEALS, signals=PageSignals(jsonld_types=["NewsArticle"])) == "listing"
    assert classify_page(NEWS, signals=PageSignals(jsonld_types=["NewsArticle"])) == "news"


def test_signals_are_read_from_html() -> None:
    html = ('<html><head><meta property="og:type" content="product">'
            '<meta property="article:section" content="Deals">'
            '<script type="application/ld+json">{"@type": ["Product", "Thing"]}</script></head>'
            '<body><p>x</p></body></html>')
    signals = read_signals(fromstring(html))
    assert signals.og_type == "product" and signals.section == "Deals"
    assert "Product" in signals.jsonld_types


def test_extracted_article_records_its_page_type() -> None:
    text = DEALS + "\n\n" + DEALS.replace("now", "today")
    article = extract_article(page_from_text(text, source="deals.txt"))
    assert article.page_type == "listing"
