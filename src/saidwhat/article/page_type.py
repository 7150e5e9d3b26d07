"""What kind of page an article comes from: news, opinion, review, listing or other.

A deals list or a product page is not reported speech: its product names must not become
speakers or actors (``analysis.actors`` reads ``Article.page_type``). The classifier reads page
signals in a fixed order of strength, first hit wins:

1. markup: JSON-LD ``@type`` (Product, ItemList, Offer → listing; Review → review;
   OpinionNewsArticle → opinion; NewsArticle, ReportageNewsArticle → news), ``og:type``
   (product → listing) and ``article:section`` (Opinion, Commentary, Reviews ...);
2. the URL path (``/deals/``, ``/shop/``, ``/review/``, ``/opinion/``, ``/columnists/`` ...)
   and the title ("Opinion | ...", "... review", "Best ... deals");
3. the text's shape: many paragraphs with a price (``$19.99``, ``£5``) → listing; prose with
   reporting verbs ("said", "told") → news; anything else → other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlparse

from lxml.html import HtmlElement

from saidwhat.article.metadata import _jsonld_objects, _meta

__all__ = ["PageSignals", "PageType", "classify_page", "read_signals"]

PageType = Literal["news", "opinion", "review", "listing", "other"]

_JSONLD_TYPES: dict[str, PageType] = {
    "Product": "listing", "ItemList": "listing", "Offer": "listing", "AggregateOffer": "listing",
    "Review": "review", "CriticReview": "review", "ReviewNewsArticle": "review",
    "OpinionNewsArticle": "opinion",
    "NewsArticle": "news", "ReportageNewsArticle": "news", "AnalysisNewsArticle": "news",
}
_SECTIONS: dict[str, PageType] = {
    "opinion": "opinion", "opinions": "opinion", "commentary": "opinion", "editorial": "opinion",
    "editorials": "opinion", "op-ed": "opinion", "columnists": "opinion", "column": "opinion",
    "review": "review", "reviews": "review",
    "deals": "listing", "shopping": "listing", "coupons": "listing",
}
# URL path words, in the order they are tried (listing before review: "/deals/reviews/" is a list)
_PATH_WORDS: list[tuple[PageType, re.Pattern[str]]] = [
    ("listing", re.compile(r"(?:^|[/_-])(?:deals|coupons?|gift-guide|black-friday|cyber-monday)(?:$|[/_.-])"
                           r"|(?:^|/)(?:shop|shopping|store|products?|buy)(?:$|/)")),
    ("review", re.compile(r"(?:^|/)reviews?(?:$|[/_.-])|-review(?:$|[/_.-])")),
    ("opinion", re.compile(r"(?:^|/)(?:opinion|opinions|commentary|editorials?|op-?ed|columnists?|"
                           r"columns?|blogs?/opinion)(?:$|/)")),
]
_TITLE_WORDS: list[tuple[PageType, re.Pattern[str]]] = [
    ("listing", re.compile(r"\b(?:deals|best buys?|on sale|gift guide|coupons?)\b", re.IGNORECASE)),
    ("opinion", re.compile(r"^(?:opinion|commentary|editorial|column)\s*[|:–—-]", re.IGNORECASE)),
    ("review", re.compile(r"^review\s*[|:–—-]|\breview$|\breview\s*[|:–—-]", re.IGNORECASE)),
]
# a number starts where no word character or comma precedes it ("\b\d" would start again after each
# comma of "1,1,1,…" and rescan the rest of the run each time: quadratic), and is read atomically
# (giving digits back cannot make a currency word appear)
_PRICE = re.compile(r"(?:[$£€¥]\s?\d[\d,]*(?:\.\d\d)?"
                    r"|(?<![\w,])\d(?>[\d,]*)(?:\.\d\d)?\s?(?:USD|EUR|GBP|dollars)\b)")
#: The start of the text its shape is read from: three times the longest PolNeAR article (34,309
#: characters), so a whole article in practice, and a bounded cost for any page.
SAMPLE_CHARS = 100_000
#: The start of a title read for its kind ("Review: …", "… deals"): a title is a line, not a page.
MAX_TITLE_CHARS = 1000
_REPORTING = re.compile(r"\b(?:said|says|told|according to|added|stated|announced)\b")

# A page without reporting verbs is a listing when at least this share of its paragraphs carries a
# price, and at least MIN_PRICE_PARAGRAPHS do. Measured on the benchmark's 139 English pages outside
# wild-dev: its deals and gadget lists have prices in 31-69% of paragraphs; news pages with as
# many prices (markets, fact checks: 21-33%) have 12-16 reporting verbs per 1000 words.
PRICE_PARAGRAPH_SHARE = 0.25
MIN_PRICE_PARAGRAPHS = 4
# A page without markup signals is news when reporting verbs are this dense (per 1000 words);
# on the same pages the deals lists have at most 1.7, the news stories with prices 2.8 and more
# (the threshold is the midpoint).
REPORTING_PER_1000_WORDS = 2.25


@dataclass
class PageSignals:
    """What the markup says about the page; all empty for plain text."""

    jsonld_types: list[str] = field(default_factory=list)
    og_type: str | None = None
    section: str | None = None


def read_signals(tree: HtmlElement) -> PageSignals:
    """JSON-LD types, ``og:type`` and ``article:section`` of an HTML page."""
    types: list[str] = []
    for obj in _jsonld_objects(tree):
        kind = obj.get("@type")
        for k in kind if isinstance(kind, list) else [kind]:
            if isinstance(k, str):
                types.append(k)
    return PageSignals(jsonld_types=types, og_type=_meta(tree, "og:type"),
                       section=_meta(tree, "article:section", "section"))


def _from_markup(signals: PageSignals) -> PageType | None:
    found = [_JSONLD_TYPES[t] for t in signals.jsonld_types if t in _JSONLD_TYPES]
    for wanted in ("listing", "review", "opinion"):
        if wanted in found:
            return wanted
    if (signals.og_type or "").lower() in ("product", "og:product", "product.item"):
        return "listing"
    section = (signals.section or "").strip().lower()
    if section in _SECTIONS:
        return _SECTIONS[section]
    return "news" if "news" in found else None


def _from_url_and_title(url: str | None, title: str | None) -> PageType | None:
    path = urlparse(url).path.lower() if url else ""
    for kind, pattern in _PATH_WORDS:
        if pattern.search(path):
            return kind
    for kind, pattern in _TITLE_WORDS:
        if title and pattern.search(title[:MAX_TITLE_CHARS].strip()):
            return kind
    return None


def _from_text(text: str) -> PageType:
    text = text[:SAMPLE_CHARS]
    paragraphs = [p for p in text.split("\n") if p.strip()]
    priced = sum(bool(_PRICE.search(p)) for p in paragraphs)
    words = max(1, len(text.split()))
    reporting = len(_REPORTING.findall(text)) * 1000 / words >= REPORTING_PER_1000_WORDS
    if reporting:
        return "news"  # market reports and fact checks quote prices too, but they report speech
    if paragraphs and priced >= MIN_PRICE_PARAGRAPHS and priced / len(paragraphs) >= PRICE_PARAGRAPH_SHARE:
        return "listing"
    return "other"


def classify_page(text: str, *, url: str | None = None, title: str | None = None,
                  signals: PageSignals | None = None) -> PageType:
    """The page type of an article from its markup, URL, title and text, in that order.

    The text's price shape overrides a generic "news" from the markup: deals posts are often
    marked up as NewsArticle.
    """
    by_markup = _from_markup(signals or PageSignals())
    if by_markup is not None and by_markup != "news":
        return by_markup
    by_url = _from_url_and_title(url, title)
    if by_url is not None:
        return by_url
    by_text = _from_text(text)
    if by_markup == "news" and by_text != "listing":
        return "news"
    return by_text
