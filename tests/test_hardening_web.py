"""Issue 13 on the web: hostile requests get a clean 4xx or a bounded answer, and one request can
neither freeze the server nor hold a connection. The live-server tests run uvicorn on a free
loopback port (nothing else is contacted)."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from saidwhat.store import open_store
from saidwhat.views.web import create_app
from saidwhat.views.web.app import STORE_UNAVAILABLE
from saidwhat.views.web.server import PROTOCOL, READ_TIMEOUT_ENV
from webcorpus import hostile_article

LOCAL = "http://127.0.0.1"
#: The issue's first reproduction: a first line padded with form feeds (quadratic before). Its body
#: has six words, too few for an article: the clean answer is SW104.
FORM_FEED_TEXT = "Headline" + "\f" * 100_000 + "x\n\n\"We will fight,\" said John Smith."
#: The same padding before a body long enough to analyse.
FORM_FEED_ARTICLE = FORM_FEED_TEXT + " The council met on Monday to discuss the harbour plan."
PROSE = ("The council met on Monday to discuss the harbour plan and its cost to the town. "
         "\u201cWe will build it on time,\u201d Mayor Ann Lee said after the vote. ")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("harden-web") / "store.sqlite"
    with open_store(str(path)) as store:
        store.add_article(hostile_article())
    return path


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(store_path)), base_url=LOCAL) as c:
        yield c


# --- every bad request is a 4xx with a code -------------------------------------------------------

@pytest.mark.parametrize("path", ["/api/quotes?q=%00", "/api/quotes?actor=%00", "/api/quotes?outlet=a%00b",
                                  "/api/quotes?target=%00", "/api/facets?q=%00", "/api/actors?name=%00",
                                  "/api/articles?outlet=%00", "/api/reactions?target=%00",
                                  "/api/actors/person:%00", "/search?q=%00", "/search?actor=%1b[31m",
                                  "/api/quotes?%00=x"])
def test_control_characters_in_parameters_are_422(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 422
    if path.startswith("/api"):
        assert r.json()["code"] == "SW100" and "control character" in r.json()["message"]


def test_deeply_nested_json_body_is_422(client: TestClient) -> None:
    r = client.post("/api/analyze", content=b"[" * 100_000, headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and "nested too deeply" in r.json()["message"]
    r = client.post("/api/analyze", content=b'{"text":' * 50_000,
                    headers={"Content-Type": "application/json"})
    assert r.status_code == 422


@pytest.mark.parametrize("url", ["http://", "http://a b/", "http://[::1/", "http://exa mple.com/x",
                                 "http://127.0.0.1:99999/"])
def test_malformed_urls_are_4xx_not_502(client: TestClient, url: str) -> None:
    r = client.post("/api/analyze", json={"url": url})
    assert r.status_code == 400, r.text
    assert r.json()["code"] == "SW203"


def test_too_long_target_names_are_422(client: TestClient) -> None:
    r = client.post("/api/analyze", json={"text": PROSE, "targets": ["x" * 5000]})
    assert r.status_code == 422 and "targets" in r.json()["message"]


def test_an_actor_filter_that_normalises_to_nothing_matches_nothing(client: TestClient) -> None:
    everything = client.get("/api/quotes").json()["total"]
    assert everything > 0
    for value in ("%25", "%25%25", "...", "%5F"):
        r = client.get(f"/api/quotes?actor={value}")
        assert r.status_code == 200 and r.json()["total"] == 0, value
    assert client.get("/api/actors?name=%25").json()["total"] == 0


def test_store_failure_page_hides_paths_and_database_text(tmp_path: Path) -> None:
    bad = tmp_path / "secret-folder" / "not-a-store.sqlite"
    bad.parent.mkdir()
    bad.write_bytes(b"this is not a database at all " * 100)
    with TestClient(create_app(str(bad)), base_url=LOCAL) as c:
        for path in ("/api/quotes", "/search"):
            r = c.get(path)
            assert r.status_code == 503
            assert "secret-folder" not in r.text and "sqlalchemy" not in r.text.lower()
            assert "file is not a database" not in r.text
            assert STORE_UNAVAILABLE.split(";")[0] in r.text


# --- the answer cache ----------------------------------------------------------------------------

def test_cached_answers_follow_every_write(tmp_path: Path) -> None:
    """A repeated search is answered from the cache, and a write (by any connection) makes the
    cached answer stale at once: the next search sees the new article."""
    from webcorpus import MADE_UP

    path = tmp_path / "cache.sqlite"
    with open_store(str(path)) as store:
        store.add_article(hostile_article())
    app = create_app(str(path))
    with TestClient(app, base_url=LOCAL) as c:
        before = c.get("/api/articles").json()["total"]
        assert c.get("/api/articles").json()["total"] == before
        cache = _cache(app)
        assert cache.hits >= 1
        import saidwhat

        with open_store(str(path)) as other:  # another connection, as another process would write
            other.add_article(saidwhat.analyze(MADE_UP[0]))
        assert c.get("/api/articles").json()["total"] == before + 1
        assert c.get("/search").status_code == 200


def _cache(app: FastAPI) -> Any:
    from saidwhat.views.web.cache import ResponseCacheMiddleware

    stack: Any = app.middleware_stack
    while stack is not None and not isinstance(stack, ResponseCacheMiddleware):
        stack = getattr(stack, "app", None)
    assert stack is not None, "the cache middleware is installed"
    return stack


# --- a live server: analysis in worker processes, read time limit --------------------------------

class LiveServer:
    def __init__(self, app: FastAPI) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = int(s.getsockname()[1])
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", http=PROTOCOL)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        for _ in range(200):
            if self.server.started:
                return self
            time.sleep(0.05)
        raise RuntimeError("the test server did not start")

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(30)


@pytest.fixture(scope="module")
def live(store_path: Path) -> Iterator[LiveServer]:
    os.environ[READ_TIMEOUT_ENV] = "1"
    try:
        app = create_app(str(store_path), port=None, analyze_timeout=60, analyze_slots=1, start_analysis=True)
        with LiveServer(app) as server:
            r = httpx.post(f"{server.url}/api/analyze", json={"text": PROSE}, timeout=180)  # warm the worker
            assert r.status_code == 200
            yield server
    finally:
        os.environ.pop(READ_TIMEOUT_ENV, None)


def test_form_feed_request_is_answered_while_others_are_served(live: LiveServer) -> None:
    """The issue's freeze (108 s, event loop stopped): answered now, with the quote, while the
    other requests go on being served."""
    reads: list[int] = []

    def read() -> None:
        for _ in range(10):
            reads.append(httpx.get(f"{live.url}/api/stats", timeout=30).status_code)

    readers = [threading.Thread(target=read) for _ in range(3)]
    for t in readers:
        t.start()
    started = time.monotonic()
    exact = httpx.post(f"{live.url}/api/analyze", json={"text": FORM_FEED_TEXT}, timeout=60)
    elapsed = time.monotonic() - started
    r = httpx.post(f"{live.url}/api/analyze", json={"text": FORM_FEED_ARTICLE}, timeout=60)
    for t in readers:
        t.join()
    assert exact.status_code == 422 and exact.json()["code"] == "SW104"
    assert r.status_code == 200, r.text
    result = r.json()
    assert result["title"].startswith("Headline")
    assert any("We will fight," in q["text"] for q in result["quotes"]), result["quotes"]
    assert reads == [200] * 30
    print(f"form-feed request answered in {elapsed:.2f} s")


def test_the_event_loop_serves_reads_during_a_long_analysis(live: LiveServer) -> None:
    done = threading.Event()
    outcome: list[int] = []

    def analyse() -> None:
        r = httpx.post(f"{live.url}/api/analyze", json={"text": PROSE * 400}, timeout=120)
        outcome.append(r.status_code)
        done.set()

    worker = threading.Thread(target=analyse)
    worker.start()
    time.sleep(0.5)
    served_during = 0
    for _ in range(10):
        if httpx.get(f"{live.url}/api/quotes?q=plan", timeout=30).status_code == 200 and not done.is_set():
            served_during += 1
    worker.join()
    # the long analysis ends with its result, or with a clean 504 when it outlives the server's
    # time limit on a loaded machine; either way the reads went on meanwhile
    assert outcome in ([200], [504])
    assert served_during == 10, "reads must not wait for the analysis"


def _raw(port: int, data: bytes, wait: float = 15.0) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as sock:
        if data:
            sock.sendall(data)
        chunks = []
        while True:
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                return b"".join(chunks) + b"<still open>"
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)


def test_partial_headers_get_408_and_are_closed(live: LiveServer) -> None:
    answer = _raw(live.port, b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    assert answer.startswith(b"HTTP/1.1 408") and not answer.endswith(b"<still open>")


def test_a_silent_connection_is_closed(live: LiveServer) -> None:
    assert not _raw(live.port, b"").endswith(b"<still open>")


def test_a_body_that_never_ends_is_cut_off(live: LiveServer) -> None:
    head = (b"POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1000\r\n\r\n{\"text\": \"")
    assert not _raw(live.port, head).endswith(b"<still open>")


def test_a_complete_request_is_not_cut_off(live: LiveServer) -> None:
    r = httpx.get(f"{live.url}/api/stats", timeout=30)
    assert r.status_code == 200 and "articles" in r.json()


def test_identical_requests_arriving_together_are_answered_once() -> None:
    """A burst of the same uncached search costs one computation: the others wait for its answer."""
    import asyncio

    from saidwhat.views.web.cache import ResponseCacheMiddleware

    calls = 0

    async def slow_app(scope: Any, receive: Any, send: Any) -> None:  # noqa: ARG001  (ASGI's signature)
        nonlocal calls
        calls += 1
        await asyncio.sleep(0.05)  # the first answer is still being computed when the others arrive
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"answer"})

    class Marker:
        cheap = True

        def read(self) -> tuple[object, ...]:
            return (1,)

    cache = ResponseCacheMiddleware(slow_app, store=lambda: None)  # type: ignore[arg-type, return-value]
    cache.marker = Marker()  # type: ignore[assignment]

    async def one() -> bytes:
        body = b""

        async def send(message: Any) -> None:
            nonlocal body
            body += message.get("body", b"")

        scope = {"type": "http", "method": "GET", "path": "/api/quotes", "query_string": b"q=tax"}
        await cache(scope, None, send)  # type: ignore[arg-type]
        return body

    async def burst() -> list[bytes]:
        return await asyncio.gather(*(one() for _ in range(20)))

    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:  # a loop of its own (another test's loop may be running here)
        bodies = pool.submit(asyncio.run, burst()).result(timeout=60)
    assert bodies == [b"answer"] * 20
    assert calls == 1 and cache.misses == 1 and cache.hits == 19
