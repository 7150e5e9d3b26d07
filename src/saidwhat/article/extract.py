"""Page → Article: the main text (paragraphs separated by a blank line) and its metadata.

HTML goes through trafilatura (main text and metadata), with our head-markup fallbacks; plain
text takes its first line as the title. Both then pass our clutter filter, a minimum-length
check and language detection. The settings below were chosen on the article-extraction
benchmark (see docs/extraction.md and benchmarks/extraction.py).
"""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import urljoin

import trafilatura
from lxml.etree import LxmlError
from trafilatura.settings import Document
from trafilatura.utils import load_html

from saidwhat.article.clutter import clean_paragraphs, clutter_rule
from saidwhat.article.language import ensure_english, identify_language
from saidwhat.article.linebreaks import join_broken_lines
from saidwhat.article.metadata import (
    HeadMetadata,
    drop_broken_jsonld,
    read_head,
    split_authors,
    strip_site_suffix,
)
from saidwhat.article.page_type import classify_page, read_signals
from saidwhat.dates import iso_date
from saidwhat.errors import NoArticleTextError
from saidwhat.page.model import Page
from saidwhat.schema import Article

__all__ = ["MIN_WORDS", "TRAFILATURA_OPTIONS", "extract_article", "html_paragraphs", "text_paragraphs"]

log = logging.getLogger(__name__)

# trafilatura and htmldate log a WARNING for every page they find no text in ("discarding
# data: None"); we raise NoArticleTextError for that, so their notes would only double the
# one-line error. Quiet them unless the user configured those loggers.
for _name in ("trafilatura", "htmldate", "courlan"):
    if logging.getLogger(_name).level == logging.NOTSET:
        logging.getLogger(_name).setLevel(logging.ERROR)

#: Fewer words than this after cleaning is "no article text" (a navigation page, an error page).
MIN_WORDS = 10
#: Word counts stop here: every threshold they are compared with (MIN_WORDS, the 8-word prose
#: test) is far below it, so a paragraph's count is exact wherever it matters.
_WORDS_ENOUGH = 1000
#: Longest line taken as the title of a plain-text input; a longer first line is body text.
MAX_TITLE_WORDS = 30

#: trafilatura settings, tuned on the benchmark (docs/extraction.md).
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "deduplicate": False,
}

_WORD = re.compile(r"\w+", re.UNICODE)
_ATX_OPENING = re.compile(r"#{1,6}\s+")  # "# Title" as written in Markdown (used with .match only)
_SETEXT_UNDERLINE = re.compile(r"\A[ \t]*(?:=+|-+)[ \t]*(?:\n|\Z)")  # "Title\n====="
# A blank line, or a run of them, as one separator (newlines inside the class): a page of nothing
# but newlines splits into two pieces, not millions. The blocks' lines are those of the one-blank-
# line pattern (empty blocks gave none); splitting 10 MB of newlines fell from 0.5 s of CPU (1.03 s
# once on a loaded CI machine, over tests/test_regex_linear.py's budget) to 0.03 s.
_BLANK_LINE = re.compile(r"\n[ \t\f\v\u00a0\n]*\n")
_QUOTE_MARK = re.compile(r"[\"“”«»„]")
_INVISIBLE = ("\u00ad", "\u200b", "\u2060", "\ufeff")  # soft hyphen, zero-width space/joiner, BOM


def _norm(line: str) -> str:
    """One paragraph line: invisible characters removed, every run of white space (no-break
    spaces, form feeds, U+2028 … all that ``str.split`` splits at) made one space, ends stripped.

    String methods, not a regex substitution: each is one C pass, about 7× faster than
    ``re.sub`` on a 10 MB line of alternating words and spaces (0.15 s against 1.0 s)."""
    for mark in _INVISIBLE:
        if mark in line:
            line = line.replace(mark, "")
    return " ".join(line.split())


def _strip_heading_marks(line: str) -> str:
    r""""## Title ##" → "Title": Markdown's opening and closing hash runs, found with anchored
    matches and string methods (a search for ``\s+#+$`` rescans every run of spaces from each of
    its positions: quadratic on a long padded line)."""
    opening = _ATX_OPENING.match(line)
    if opening:
        line = line[opening.end():]
    unhashed = line.rstrip("#")
    if unhashed != line and unhashed[-1:].isspace():
        line = unhashed.rstrip()
    return line


def _count_words(text: str, limit: int) -> int:
    """Words in ``text``, counted up to ``limit`` (callers compare with small thresholds; a
    full count of a 10 MB line would build millions of strings)."""
    count = 0
    for _ in _WORD.finditer(text):
        count += 1
        if count >= limit:
            break
    return count


def _is_clutter(paragraph: str) -> bool:
    return clutter_rule(paragraph) is not None


def _dedupe(paragraphs: list[str]) -> list[str]:
    """Drop exact repeats of a paragraph holding a quotation (a pull quote printed twice), so a
    quote is recorded once. Other repeats stay: tables and lists legitimately repeat rows."""
    seen: set[str] = set()
    out = []
    for para in paragraphs:
        key = para.casefold()
        if key in seen and _QUOTE_MARK.search(para):
            log.debug("dropped repeated quotation %.80r", para)
            continue
        seen.add(key)
        out.append(para)
    return out


def html_paragraphs(text: str, title: str | None) -> list[str]:
    """trafilatura's text (one block per line) as paragraphs, without a leading copy of the title,
    lines broken inside a sentence joined."""
    paragraphs = [p for p in (_norm(line) for line in text.splitlines()) if p]
    if paragraphs and title and paragraphs[0].casefold() == _norm(title).casefold():
        paragraphs = paragraphs[1:]
    return _dedupe(join_broken_lines(paragraphs, alone=_is_clutter))


def _is_wrapped(lines: list[str]) -> bool:
    """A hard-wrapped block: several lines, all but the last of similar, typing-width length,
    mostly broken mid-sentence."""
    if len(lines) < 2:
        return False
    body = lines[:-1]
    if not all(40 <= len(line) <= 100 for line in body) or max(map(len, body)) - min(map(len, body)) > 30:
        return False
    # wrapping breaks lines mid-sentence; one-sentence-per-line text ends its lines with a stop
    mid_sentence = sum(1 for line in body if not line.endswith((".", "!", "?", "\"", "”", "’", ":")))
    return mid_sentence * 2 >= len(body)


def _blocks(text: str) -> list[str]:
    """Blocks split at blank lines; a hard-wrapped block re-joined, other blocks one paragraph per line
    (lines broken inside a sentence joined)."""
    paragraphs: list[str] = []
    for block in _BLANK_LINE.split(text):
        lines = [_norm(line) for line in block.split("\n") if line.strip()]
        if _is_wrapped(lines):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(join_broken_lines(lines, alone=_is_clutter))
    return paragraphs


def text_paragraphs(text: str) -> tuple[str | None, list[str]]:
    """``(title, paragraphs)`` of plain text. The first non-empty line is the title when it is
    short enough to be one (a long first line is body text) and more text follows; it is taken
    off before paragraphs are formed, so it is never joined to the first paragraph."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    head, _, rest = text.lstrip().partition("\n")
    first = _strip_heading_marks(_norm(head))
    rest = _SETEXT_UNDERLINE.sub("", rest, count=1)
    if first and _count_words(first, MAX_TITLE_WORDS + 1) <= MAX_TITLE_WORDS and rest.strip():
        return first, _blocks(rest)
    return None, _blocks(text)


def _clean(paragraphs: list[str], page: Page) -> tuple[list[str], int]:
    """Clutter filter, and separators without a single word ("* * *", "-----") dropped."""
    kept = [p for p in clean_paragraphs(paragraphs, source=page.source) if _WORD.search(p)]
    return kept, sum(_count_words(p, _WORDS_ENOUGH) for p in kept)


def _finish(article: Article, paragraphs: list[str], words: int, page: Page,
            require_english: bool) -> Article:
    if words < MIN_WORDS:
        raise NoArticleTextError(
            f"no article text found ({words} words after removing page clutter; at least {MIN_WORDS} needed)",
            input=page.source,
        )
    text = "\n\n".join(paragraphs)
    article.language = identify_language(text)
    if require_english:
        ensure_english(article.language, page.source)
    article.text = text
    return article


def _absolute(url: str | None, base: str | None) -> str | None:
    """``url`` as an absolute http(s) URL (relative ones joined to ``base``), else None."""
    if not url:
        return None
    if base and not url.lower().startswith(("http://", "https://")):
        url = urljoin(base, url)
    return url if url.lower().startswith(("http://", "https://")) else None


def _prose_words(paragraphs: list[str]) -> int:
    """Words in sentence-like paragraphs (at least 8 words): menus and link lists have none."""
    counts = (_count_words(p, _WORDS_ENOUGH) for p in paragraphs)
    return sum(n for n in counts if n >= 8)


def _attempts() -> list[dict[str, Any]]:
    """trafilatura settings to try in turn: ours, then (if ours is precision-first) balanced."""
    attempts = [dict(TRAFILATURA_OPTIONS)]
    if TRAFILATURA_OPTIONS.get("favor_precision"):
        attempts.append({**TRAFILATURA_OPTIONS, "favor_precision": False})
    return attempts


def _metadata(doc: Document, head: HeadMetadata, page: Page) -> Article:
    site = doc.sitename or head.site_name
    if site and site.startswith("@"):  # a Twitter handle, not a name
        site = head.site_name if head.site_name and not head.site_name.startswith("@") else None
    return Article(
        title=strip_site_suffix(doc.title or head.title, site),
        published=iso_date(doc.date) or head.published,
        outlet=site,
        authors=split_authors(doc.author) or head.authors,
        url=_absolute(head.canonical, page.url) or _absolute(doc.url, page.url) or page.url,
        source=page.source,
        description=doc.description or head.description,
    )


def _extract_html(page: Page, require_english: bool) -> Article:
    """Precision-first extraction; when that leaves too little text (it sometimes keeps only a
    notice and loses the body), one retry in trafilatura's balanced mode."""
    tree = load_html(page.content)
    if tree is None:
        raise NoArticleTextError("the HTML could not be parsed", input=page.source)
    if drop_broken_jsonld(tree):
        log.debug("%s: a long JSON-LD block that does not parse was left out", page.source)
    head = read_head(tree)
    signals = read_signals(tree)
    article: Article | None = None
    paragraphs: list[str] = []
    words = 0
    for attempt, options in enumerate(_attempts()):
        try:
            doc = trafilatura.bare_extraction(tree, url=page.url, with_metadata=True, **options)
        except (RecursionError, ValueError, LxmlError) as exc:
            # pathological markup (nesting too deep for lxml/recursion): not a usable article
            raise NoArticleTextError(f"the HTML could not be processed ({type(exc).__name__})",
                                     input=page.source) from exc
        if not isinstance(doc, Document):
            continue
        if article is None:
            article = _metadata(doc, head, page)
        found, count = _clean(html_paragraphs(doc.text or "", article.title), page)
        # the balanced retry also picks up menus and link lists: take it only if it has prose
        if attempt and _prose_words(found) < MIN_WORDS:
            log.debug("%s: retry found no prose (%d words)", page.source, count)
            continue
        paragraphs, words = found, count
        if words >= MIN_WORDS:
            break
        log.debug("%s: %d words with %s", page.source, words, options)
    if article is None:
        raise NoArticleTextError("no main text found in the page", input=page.source)
    article = _finish(article, paragraphs, words, page, require_english)
    article.page_type = classify_page(article.text, url=article.url, title=article.title, signals=signals)
    return article


def _extract_text(page: Page, require_english: bool) -> Article:
    title, paragraphs = text_paragraphs(page.content)
    article = Article(title=title, source=page.source, url=page.url)
    paragraphs, words = _clean(paragraphs, page)
    article = _finish(article, paragraphs, words, page, require_english)
    article.page_type = classify_page(article.text, url=article.url, title=article.title)
    return article


def extract_article(page: Page, *, require_english: bool = False) -> Article:
    """The article in ``page``: clean text (paragraphs joined by a blank line) and metadata,
    with its language detected (``language``, an ISO 639-1 code), whatever the language.

    Raises NoArticleTextError when nothing article-like is left after cleaning, and, with
    ``require_english``, UnsupportedLanguageError naming the language when it is not English.
    """
    if page.kind == "html":
        return _extract_html(page, require_english)
    return _extract_text(page, require_english)
