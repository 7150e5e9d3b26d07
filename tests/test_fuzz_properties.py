"""Property tests (hypothesis) of the stages that read untrusted input: page decoding, the clutter
filter, the extractor, and the API's input models. Whatever the input, each either returns a
well-formed value or raises a ``SaidwhatError`` naming the input; nothing else escapes.

The example counts are a CI slice (a few seconds each); ``benchmarks/fuzz.py`` runs the long
campaign through ``saidwhat analyze``. The adversarial inputs of issue 13 are in
``tests/data/adversarial`` (see ``test_hardening_inputs.py``) and seed the strategies here.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saidwhat.article import extract_article
from saidwhat.article.clutter import clean_paragraphs, clutter_rule
from saidwhat.errors import InputError, SaidwhatError
from saidwhat.page import page_from_bytes, page_from_text
from saidwhat.page.decode import decode_bytes, detect_kind, normalize_charset
from saidwhat.sanitize import CONTROL_CHARS
from saidwhat.schema import Article
from saidwhat.views.web.request_helpers import validate_analyze

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# pieces hostile pages are made of: markup, declarations, separators, controls, runs
PIECES = st.sampled_from([
    "<html>", "</html>", "<head>", "<body>", "<p>", "</p>", "<div>", "<article>", "<script>", "<!--", "-->",
    '<meta charset="undefined">', '<meta charset="utf-7">', '<meta charset="base64">', "<?xml encoding='x'?>",
    '<script type="application/ld+json">{"@type":"NewsArticle","author":', "{", "[", "\"", "\u201c", "\u201d",
    "\f", "\x00", "\x1c", "\x85", "\u2028", "\u2029", "\ufeff", "\u00ad", "\ud800", "\n", "\n\n", "\r\n", " ",
    "#", "said", " said ", "John Smith", "The mayor", "Photo: Reuters", "Share on Facebook", "http://x.example/",
    "(", ")", "—", "'", "=HYPERLINK(", "é", "ß", "中文", "Ј",
])
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(PIECES, max_size=60).map("".join),
    st.tuples(PIECES, st.integers(1, 3000)).map(lambda p: p[0] * p[1]),
)
BYTES = st.one_of(
    st.binary(max_size=600),
    TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass")),
    TEXTS.map(lambda t: b"\xef\xbb\xbf" + t.encode("utf-8", "replace")),  # a BOM, then anything
    TEXTS.map(lambda t: t.encode("utf-16", "surrogatepass")),
    TEXTS.map(lambda t: t.encode("utf-16-le", "surrogatepass")),
)


HOSTILE_TYPES = ["text/html; charset=undefined", "text/html; charset=utf-7", "text/plain; charset=\"",
                 "charset=base64"]


def _well_formed(text: str) -> None:
    assert not CONTROL_CHARS.search(text), "control characters must not survive the page stage"
    text.encode("utf-8")  # no lone surrogates: every output format can hold it


@FAST
@given(BYTES, st.one_of(st.none(), st.text(max_size=60), st.sampled_from(HOSTILE_TYPES)))
def test_page_from_bytes_gives_a_clean_page_or_an_input_error(data: bytes, content_type: str | None) -> None:
    try:
        page = page_from_bytes(data, "fuzz.bin", content_type=content_type)
    except InputError as exc:
        assert exc.input == "fuzz.bin" and exc.code.startswith("SW1")
        return
    assert page.kind in ("html", "text")
    _well_formed(page.content)


@FAST
@given(BYTES, st.one_of(st.none(), st.text(max_size=40)))
def test_decode_bytes_never_raises_anything_but_binary_input(data: bytes, content_type: str | None) -> None:
    try:
        text, encoding = decode_bytes(data, "fuzz.bin", content_type=content_type)
    except InputError as exc:
        assert exc.code == "SW103"
        return
    assert isinstance(text, str) and normalize_charset(encoding) is not None or encoding.startswith("utf")
    assert detect_kind(text) in ("html", "text")


@FAST
@given(st.text(max_size=80))
def test_normalize_charset_names_a_codec_that_decodes(label: str) -> None:
    codec = normalize_charset(label)
    if codec is not None:
        b"plain ascii text".decode(codec)  # a label we accept never raises on ordinary bytes


@FAST
@given(st.lists(TEXTS, max_size=30))
def test_clutter_filter_keeps_an_ordered_subset(paragraphs: list[str]) -> None:
    kept = clean_paragraphs(paragraphs)
    it = iter(paragraphs)
    assert all(any(k is p for p in it) for k in kept), "kept paragraphs are the input's, in order"
    for p in paragraphs:
        rule = clutter_rule(p)
        assert rule is None or len(p.strip()) <= 1000


@SLOW
@given(TEXTS, st.sampled_from(["html", "text"]))
def test_extractor_gives_an_article_or_a_named_input_error(text: str, kind: str) -> None:
    try:
        page = page_from_text(text, "fuzz-page", kind=kind)  # type: ignore[arg-type]
        article = extract_article(page)
    except SaidwhatError as exc:
        assert isinstance(exc, InputError) and exc.input == "fuzz-page"
        return
    assert isinstance(article, Article) and article.text.strip()
    _well_formed(article.text)
    assert "\n\n\n" not in article.text


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), TEXTS),
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children,
                                                                                max_size=4)),
    max_leaves=12,
)
REQUEST_KEYS = st.sampled_from(["url", "html", "text", "targets", "store", "kind", "extra"])


@FAST
@given(st.dictionaries(REQUEST_KEYS, JSON_VALUES, max_size=5))
def test_analyze_request_model_accepts_or_says_why(data: dict[str, Any]) -> None:
    try:
        req = validate_analyze(data)
    except InputError as exc:
        assert exc.input == "request" and exc.message
        return
    assert req.kind in ("url", "html", "text")
    assert all(len(t) <= 200 for t in req.targets) and len(req.targets) <= 20


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from saidwhat.store import open_store
    from saidwhat.views.web import create_app
    from webcorpus import hostile_article

    path = tmp_path_factory.mktemp("fuzz-web") / "store.sqlite"
    with open_store(str(path)) as store:
        store.add_article(hostile_article())
    with TestClient(create_app(str(path)), base_url="http://127.0.0.1") as c:
        yield c


PARAM_NAMES = ["q", "actor", "outlet", "target", "stance", "since", "until", "offset", "limit", "name",
               "format"]
PARAMS = st.dictionaries(st.sampled_from(PARAM_NAMES), TEXTS, max_size=4)


@SLOW
@given(st.sampled_from(["/api/quotes", "/api/facets", "/api/actors", "/api/articles", "/api/reactions",
                        "/api/reactions/export", "/search", "/actors", "/reactions"]), PARAMS)
def test_read_endpoints_answer_any_query_without_a_5xx(client: Any, path: str,
                                                        params: dict[str, str]) -> None:
    # percent-encoded UTF-8 (lone surrogates as their bytes, which the server must decode somehow)
    query = urlencode({k: v[:1000].encode("utf-8", "surrogatepass") for k, v in params.items()})
    r = client.get(f"{path}?{query}")
    assert r.status_code < 500, (path, params, r.text[:300])
