"""The web app's defences: headers, escaping of hostile text, write tokens, CSRF/Host checks,
request-size and time limits, and refusal of URLs on loopback/private/link-local addresses."""

from __future__ import annotations

import http.server
import ipaddress
import re
import socket
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

import pytest
from fastapi.testclient import TestClient

from saidwhat.schema import AnalyzedArticle
from saidwhat.store import open_store
from saidwhat.views.web import create_app
from saidwhat.views.web.security import CSP
from webcorpus import IMG, JS_URL, PAYLOADS, SCRIPT, hostile_article

LOCAL = "http://127.0.0.1"


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("websec") / "store.sqlite"
    with open_store(str(path)) as store:
        added = store.add_article(hostile_article())
    return path, added.article_id


@pytest.fixture(scope="module")
def client(hostile_store: tuple[Path, int]) -> Iterator[TestClient]:
    with TestClient(create_app(str(hostile_store[0])), base_url=LOCAL) as c:
        yield c


@pytest.fixture()
def no_outside_connections(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Fail (and record) any socket connection to a non-loopback address during the test."""
    attempts: list[Any] = []
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> None:
        host = address[0] if isinstance(address, tuple) else str(address)
        try:
            loopback = ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if self.family in (socket.AF_INET, socket.AF_INET6) and not loopback:
            attempts.append(address)
            raise OSError(f"test guard: refusing to connect to {address!r}")
        real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    return attempts


# --- headers -------------------------------------------------------------------------------------

@pytest.mark.parametrize("path",
                         ["/", "/api/articles", "/articles/999", "/api/quotes?limit=0", "/static/app.css",
                                  "/openapi.json", "/analyze"])
def test_every_response_carries_the_security_headers(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.headers["content-security-policy"] == CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "same-origin"
    assert r.headers["x-frame-options"] == "DENY"


def test_csp_is_strict() -> None:
    for part in ("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                 "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"):
        assert part in CSP
    assert "unsafe-inline" not in CSP and "unsafe-eval" not in CSP


def test_templates_hold_no_inline_style_or_script() -> None:
    """The strict CSP blocks inline styles and handlers: a template using one breaks in browsers."""
    templates = Path(__file__).resolve().parent.parent / "src" / "saidwhat" / "views" / "web" / "templates"
    inline = re.compile(r"""\sstyle\s*=|\son[a-z]+\s*=|<script(?![^>]*\ssrc=)|<style""", re.IGNORECASE)
    found = [f"{t.name}: {m.group()}" for t in sorted(templates.glob("*.html"))
             for m in inline.finditer(t.read_text(encoding="utf-8"))]
    assert found == []


# --- escaping ------------------------------------------------------------------------------------

class _Markup(HTMLParser):
    """Record what a browser would treat as active: script tags, event handlers, URL schemes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[dict[str, str | None]] = []
        self.handlers: list[str] = []
        self.urls: list[str] = []
        self.tags: list[str] = []
        self._in_script = False
        self.inline_script = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(name)
            if name in ("href", "src", "action", "formaction", "xlink:href") and value:
                self.urls.append(value)
            if name == "style":
                self.handlers.append("style")
        if tag == "script":
            self.scripts.append(dict(attrs))
            self._in_script = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.inline_script += data


def _assert_inert(html: str) -> None:
    for payload in PAYLOADS:
        assert payload not in html, f"raw payload in page: {payload}"
    m = _Markup()
    m.feed(html)
    assert m.handlers == [], "no inline event handlers or style attributes"
    assert all((s.get("src") or "").startswith("/static/") for s in m.scripts)
    assert m.inline_script.strip() == ""
    assert not [u for u in m.urls if re.match(r"\s*(javascript|data|vbscript):", u, re.IGNORECASE)]
    assert "img" not in m.tags and "svg" not in m.tags[:1]


def test_hostile_article_page_is_escaped(client: TestClient, hostile_store: tuple[Path, int]) -> None:
    r = client.get(f"/articles/{hostile_store[1]}")
    assert r.status_code == 200
    _assert_inert(r.text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in r.text
    assert 'href="javascript:' not in r.text and JS_URL in r.text  # shown as text, not linked
    assert "<img" not in r.text


@pytest.mark.parametrize("path", ["/", "/search?q=fine", "/articles", "/actors", "/reactions",
                                  "/reactions?target=%3Cscript%3Ealert(1)%3C/script%3E%20plan",
                                  "/search?q=%3Cscript%3Ealert(1)%3C/script%3E&outlet=%22%3E%3Cimg%20src=x%3E"])
def test_hostile_data_in_listings_is_escaped(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200
    _assert_inert(r.text)
    assert "<img" not in r.text


def test_hostile_actor_page_is_escaped(client: TestClient) -> None:
    key = client.get("/api/actors").json()["items"][0]["key"]
    r = client.get(f"/actors/{key}")
    assert r.status_code == 200
    _assert_inert(r.text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text


def test_hostile_page_posted_to_the_analyze_form_is_escaped(client: TestClient) -> None:
    page = (f"<html><head><title>{SCRIPT} Title</title></head><body><article><h1>{SCRIPT}</h1>"
            f"<p>&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt; "
            f"The minister spoke on Monday about the new budget plan for the city schools.</p>"
            f"<p>\u201cThis &lt;b&gt;budget&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt; is good,\u201d "
            f"said Minister &lt;img src=x onerror=alert(1)&gt; Jones.</p></article></body></html>")
    r = client.post("/analyze", data={"kind": "html", "content": page})
    assert r.status_code in (200, 422)
    _assert_inert(r.text)


def test_json_api_is_json_and_nosniff(client: TestClient, hostile_store: tuple[Path, int]) -> None:
    r = client.get(f"/api/articles/{hostile_store[1]}")
    assert r.headers["content-type"].startswith("application/json")
    assert AnalyzedArticle.model_validate(r.json()["article"]).title == f"{SCRIPT} Breaking {IMG}"


def test_csv_export_defuses_formulas(tmp_path: Path) -> None:
    a = hostile_article()
    a.actors[0].name = "=HYPERLINK(\"http://evil.example\",\"x\")"
    path = tmp_path / "s.sqlite"
    with open_store(str(path)) as store:
        store.add_article(a)
    with TestClient(create_app(str(path)), base_url=LOCAL) as c:
        target = a.targets[0].name
        body = c.get("/api/reactions/export", params={"target": target, "format": "csv"}).text
    assert "\n=HYPERLINK" not in body and ",=HYPERLINK" not in body
    assert "'=HYPERLINK" in body


# --- write access --------------------------------------------------------------------------------

EMPTY = {"text": " "}  # passes the access check, then fails validation: 422 means "allowed in"


def test_loopback_without_token_allows_analyze(client: TestClient) -> None:
    assert client.post("/api/analyze", json=EMPTY).status_code == 422


def test_token_is_required_when_configured(hostile_store: tuple[Path, int]) -> None:
    token = "s3cret-token-for-tests"
    with TestClient(create_app(str(hostile_store[0]), token=token), base_url=LOCAL) as c:
        r = c.post("/api/analyze", json=EMPTY)
        assert r.status_code == 401 and r.json()["code"] == "HTTP401"
        assert r.headers["www-authenticate"].startswith("Bearer")
        assert c.post("/api/analyze", json=EMPTY,
                      headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.post("/api/analyze", json=EMPTY,
                      headers={"Authorization": f"Bearer {token}"}).status_code == 422
        assert c.post("/api/analyze", data={"text": " ", "token": token}).status_code == 422
        assert c.post("/api/analyze", data={"text": " ", "token": "nope"}).status_code == 401
        form = c.post("/analyze", data={"kind": "text", "content": "x", "token": "nope"})
        assert form.status_code == 401 and "token" in form.text
        assert c.get("/api/articles").status_code == 200  # reads stay open


def test_beyond_loopback_without_token_is_read_only(hostile_store: tuple[Path, int]) -> None:
    app = create_app(str(hostile_store[0]), host="0.0.0.0")
    with TestClient(app, base_url="http://saidwhat.example") as c:
        r = c.post("/api/analyze", json=EMPTY)
        assert r.status_code == 403 and "--token" in r.json()["message"]
        assert c.get("/api/articles").status_code == 200
    app = create_app(str(hostile_store[0]), host="0.0.0.0", token="another-long-token")
    with TestClient(app, base_url="http://saidwhat.example") as c:
        assert c.post("/api/analyze", json=EMPTY).status_code == 401
        ok = c.post("/api/analyze", json=EMPTY, headers={"Authorization": "Bearer another-long-token"})
        assert ok.status_code == 422


def test_cross_site_posts_are_refused(client: TestClient) -> None:
    r = client.post("/api/analyze", json=EMPTY, headers={"Origin": "http://evil.example"})
    assert r.status_code == 403
    r = client.post("/analyze", data={"kind": "text", "content": "x"},
                    headers={"Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403
    same = client.post("/api/analyze", json=EMPTY, headers={"Origin": LOCAL, "Sec-Fetch-Site": "same-origin"})
    assert same.status_code == 422


def test_loopback_server_refuses_foreign_host_headers(client: TestClient) -> None:
    """DNS rebinding: a hostile name resolving to 127.0.0.1 must not reach the app."""
    r = client.get("/api/articles", headers={"Host": "rebind.evil.example"})
    assert r.status_code == 400
    assert r.headers["content-security-policy"] == CSP


# --- limits --------------------------------------------------------------------------------------

def test_body_over_the_limit_is_413(hostile_store: tuple[Path, int]) -> None:
    app = create_app(str(hostile_store[0]), max_body_bytes=1000)
    with TestClient(app, base_url=LOCAL) as c:
        r = c.post("/api/analyze", json={"text": "x" * 2000})
        assert r.status_code == 413 and r.json()["code"] == "SW106"

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted while streaming
            for _ in range(10):
                yield b"a" * 200

        r = c.post("/api/analyze", content=chunks(),
                   headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert r.status_code == 413 and r.json()["code"] == "SW106"
        assert c.post("/api/analyze", json={"text": " "}).status_code == 422


def test_analysis_time_limit_is_504_and_frees_the_slot(hostile_store: tuple[Path, int]) -> None:
    """An analysis past the limit answers 504 (SW302); its worker stops (by itself at the chain's
    next step, else killed), so the only slot is free again: the next request is not refused."""
    sentence = ("The council met on Monday to discuss the harbour plan. "
                "\u201cWe will build it,\u201d the mayor said. ")
    long_text = sentence * 600
    app = create_app(str(hostile_store[0]), analyze_timeout=0.5, analyze_slots=1)
    with TestClient(app, base_url=LOCAL) as c:
        r = c.post("/api/analyze", json={"text": long_text})
        assert r.status_code == 504 and r.json()["code"] == "SW302"
        again = c.post("/api/analyze", json={"text": long_text})
        assert again.status_code == 504, "the slot is free again (503 would mean the work went on)"


# --- SSRF ----------------------------------------------------------------------------------------

class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Recorder.hits.append(self.path)
        if self.path == "/":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
            return
        body = ("<html><head><title>Local test page</title></head><body><article><p>"
                + "The council met on Monday to talk about the harbor. " * 5
                + "</p><p>\u201cWe will build it,\u201d Mayor Ann Lee said.</p>"
                + "</article></body></html>").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def local_server() -> Iterator[tuple[int, list[str]]]:
    _Recorder.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], _Recorder.hits
    finally:
        server.shutdown()
        server.server_close()


def test_private_urls_are_refused_before_connecting(client: TestClient, local_server: tuple[int, list[str]],
                                                   no_outside_connections: list[Any]) -> None:
    port, hits = local_server
    urls = [f"http://127.0.0.1:{port}/", f"http://localhost:{port}/", f"http://[::1]:{port}/",
            f"http://2130706433:{port}/", f"http://0x7f.0.0.1:{port}/",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/", "http://192.168.1.1/", "http://[::ffff:127.0.0.1]/"]
    for url in urls:
        r = client.post("/api/analyze", json={"url": url})
        assert r.status_code == 400, (url, r.text)
        assert r.json()["code"] == "SW202" and r.json()["type"] == "BlockedAddressError", url
    form = client.post("/analyze", data={"url": f"http://127.0.0.1:{port}/"})
    assert form.status_code == 400 and "SW202" in form.text
    assert hits == [], "the loopback server must never be contacted"
    assert no_outside_connections == []


def test_private_network_allowed_only_when_asked(hostile_store: tuple[Path, int],
                                                 local_server: tuple[int, list[str]],
                                                 no_outside_connections: list[Any]) -> None:
    """Control for the test above: the same server is reachable, and its redirect followed, when allowed."""
    port, hits = local_server
    app = create_app(str(hostile_store[0]), allow_private_network=True)
    with TestClient(app, base_url=LOCAL) as c:
        r = c.post("/api/analyze", json={"url": f"http://127.0.0.1:{port}/"})
    assert r.status_code == 200, r.text
    assert hits == ["/", "/article"]
    assert "We will build it" in r.json()["text"]
    assert no_outside_connections == []


# --- the serve command ---------------------------------------------------------------------------

def test_serve_command_wires_the_options(hostile_store: tuple[Path, int], monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    import uvicorn

    from saidwhat.cli import main

    captured: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: captured.update(app=app, **kw))
    monkeypatch.delenv("SAIDWHAT_TOKEN", raising=False)
    assert main(["serve", "--db", str(hostile_store[0]), "--host", "0.0.0.0", "--port", "8123"]) == 0
    assert captured["host"] == "0.0.0.0" and captured["port"] == 8123
    assert "without --token" in capsys.readouterr().err
    with TestClient(captured["app"], base_url="http://example.org") as c:
        assert c.get("/api/articles").json()["total"] == 1
        assert c.post("/api/analyze", json=EMPTY).status_code == 403

    monkeypatch.setenv("SAIDWHAT_TOKEN", "token-from-the-environment")
    assert main(["serve", "--db", str(hostile_store[0]), "--allowed-host", "news.example"]) == 0
    with TestClient(captured["app"], base_url="http://news.example") as c:
        assert c.post("/api/analyze", json=EMPTY).status_code == 401
        ok = c.post("/api/analyze", json=EMPTY,
                    headers={"Authorization": "Bearer token-from-the-environment"})
        assert ok.status_code == 422
    with TestClient(captured["app"], base_url="http://other.example") as c:
        assert c.get("/api/articles").status_code == 400

    assert main(["serve", "--db", str(hostile_store[0]), "--token", "short"]) == 1
