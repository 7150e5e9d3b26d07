"""Page metadata fallbacks read straight from the HTML head, for what trafilatura leaves empty.

trafilatura's ``extract_metadata`` is the first source; these fill its gaps from the usual
publisher markup: Open Graph (``og:site_name``, ``og:url``, ``article:published_time``),
JSON-LD (``publisher.name``, ``datePublished``, ``author``), ``<link rel=canonical>``,
``<meta name=author|description>`` and ``<html lang>``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

from saidwhat.dates import iso_date

__all__ = ["MAX_BROKEN_JSONLD_CHARS", "HeadMetadata", "drop_broken_jsonld", "read_head", "split_authors",
           "strip_site_suffix"]

_MAX_JSONLD_CHARS = 200_000
#: Longest JSON-LD block that does not parse which is left in the page for trafilatura. Its
#: fallback for broken JSON-LD (``json_metadata.extract_json_parse_error``) searches the block with
#: regular expressions whose cost grows with the square of its length: 20,000 characters of
#: unclosed nested objects took 0.2 s, 40,000 took 0.9 s, 650,000 took 237 CPU-seconds (a fuzz input,
#: docs/hardening.md). Valid blocks are parsed by ``json.loads`` and cost little at any size.
MAX_BROKEN_JSONLD_CHARS = 10_000


@dataclass
class HeadMetadata:
    site_name: str | None = None
    canonical: str | None = None
    published: str | None = None
    title: str | None = None
    description: str | None = None
    language: str | None = None
    authors: list[str] = field(default_factory=list)


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _meta(tree: HtmlElement, *keys: str) -> str | None:
    for key in keys:
        for attr in ("property", "name", "itemprop"):
            for node in tree.xpath(f'//meta[@{attr}="{key}"]'):
                value = _clean(node.get("content"))
                if value:
                    return value
    return None


def _parses(raw: str) -> bool:
    try:
        json.loads(raw)
    except (ValueError, RecursionError):
        return False
    return True


def drop_broken_jsonld(tree: HtmlElement) -> int:
    """Remove from ``tree`` the JSON-LD blocks longer than ``MAX_BROKEN_JSONLD_CHARS`` that are not
    valid JSON (or nest deeper than the parser's stack): nothing can be read from them, and
    trafilatura's fallback for them is quadratic. Returns how many were removed."""
    removed = 0
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = script.text or ""
        if len(raw) > MAX_BROKEN_JSONLD_CHARS and not _parses(raw):
            script.drop_tree()
            removed += 1
    return removed


def _jsonld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = script.text or ""
        if not raw.strip() or len(raw) > _MAX_JSONLD_CHARS:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):  # invalid, or nested deeper than the parser's stack
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(reversed(graph))


def _names(value: Any) -> list[str]:
    """Names in a JSON-LD author/publisher value: a string, an object or a list of either."""
    if isinstance(value, str):
        return [v for v in [_clean(value)] if v]
    if isinstance(value, dict):
        name = _clean(value.get("name"))
        return [name] if name else []
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


_ARTICLE_TYPES = ("Article", "NewsArticle", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle",
                  "OpinionNewsArticle", "WebPage", "Report")


def read_head(tree: HtmlElement) -> HeadMetadata:
    """Metadata from the page's markup (no guessing from the body text)."""
    meta = HeadMetadata()
    meta.site_name = _meta(tree, "og:site_name", "application-name", "twitter:site:name")
    for link in tree.xpath('//link[@rel="canonical"][@href]'):
        meta.canonical = _clean(link.get("href"))
        break
    meta.canonical = meta.canonical or _meta(tree, "og:url")
    meta.published = iso_date(_meta(tree, "article:published_time", "datePublished", "pubdate",
                                    "og:published_time", "dc.date", "DC.date.issued", "date"))
    meta.title = _meta(tree, "og:title", "twitter:title")
    meta.description = _meta(tree, "og:description", "description", "twitter:description")
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    meta.language = _clean(lang) or _meta(tree, "og:locale", "language", "content-language")
    author = _meta(tree, "author", "article:author")
    if author and not author.startswith("http"):
        meta.authors = split_authors(author)
    for obj in _jsonld_objects(tree):
        kind = obj.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if not any(k in _ARTICLE_TYPES for k in kinds if isinstance(k, str)):
            continue
        if not meta.site_name:
            names = _names(obj.get("publisher"))
            meta.site_name = names[0] if names else None
        if not meta.published:
            meta.published = iso_date(_clean(obj.get("datePublished")))
        if not meta.authors:
            meta.authors = _names(obj.get("author"))
        if not meta.title:
            meta.title = _clean(obj.get("headline"))
        if not meta.language:
            meta.language = _clean(obj.get("inLanguage"))
    return meta


# no leading \s*: the parts are stripped anyway, and a leading \s* rescans every run of spaces
# from each of its positions (quadratic on a long run of spaces with no separator)
_AUTHOR_SEP = re.compile(r";|\band\b|&|\||,(?=\s*[A-Z])")
#: Longest author field read: a byline is a few names; a longer value is markup gone wrong.
MAX_AUTHOR_CHARS = 1000


_BYLINE_PREFIX = re.compile(r"^(?:by|written\s+by|von)\s+", re.IGNORECASE)
_CREDENTIAL = re.compile(r"^(?:[A-Z]{2,5}|Ph\.?\s?D\.?|M\.?D\.?|Jr\.?|Sr\.?|MSc|MBA|M\.?A\.?|B\.?A\.?"
                         r"|Esq\.?)$")


def split_authors(value: str | None) -> list[str]:
    """"A; B", "A and B", "A, B" → ["A", "B"]; "By " prefixes dropped, order kept, duplicates removed."""
    if not value:
        return []
    out: list[str] = []
    for part in _AUTHOR_SEP.split(value[:MAX_AUTHOR_CHARS]):
        name = _BYLINE_PREFIX.sub("", part.strip()).strip(" ,.")
        if _CREDENTIAL.match(name):  # "Jane Doe, MS, RDN": degrees are not authors
            continue
        if name and len(name) <= 80 and name.lower() not in (n.lower() for n in out):
            out.append(name)
    return out


def strip_site_suffix(title: str | None, site: str | None) -> str | None:
    """"Headline - Outlet" → "Headline" when the suffix (or prefix) is the site name."""
    if not title or not site:
        return title
    for sep in (" - ", " | ", " – ", " — ", " :: ", " · ", ": "):
        if title.endswith(sep + site) and sep != ": ":
            return title[: -len(sep + site)].strip() or title
        if title.startswith(site + sep):
            return title[len(site + sep):].strip() or title
    return title
