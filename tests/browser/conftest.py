"""Browser-test fixtures: a store built by the real chain, the app under uvicorn on a free
loopback port, and Debian's headless Chromium driven by Playwright (never ``playwright install``).
Everything skips cleanly when Chromium or Playwright is missing."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from webcorpus import Corpus, build_corpus  # tests/ is on sys.path (rootdir conftest)

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]


def _chromium() -> str | None:
    for candidate in (os.environ.get("SAIDWHAT_TEST_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@dataclass
class LiveServer:
    url: str
    corpus: Corpus


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory, fixture_dir: Path) -> Iterator[LiveServer]:
    if _chromium() is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    import uvicorn

    from saidwhat.views.web import create_app

    corpus = build_corpus(tmp_path_factory.mktemp("browser") / "store.sqlite", fixture_dir / "page.html")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    app = create_app(str(corpus.path), host="127.0.0.1", port=port)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield LiveServer(url=f"http://127.0.0.1:{port}", corpus=corpus)
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed")
    executable = _chromium()
    if executable is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@dataclass
class PageWatch:
    """A page plus what it must not do: open dialogs, violate the CSP, fail requests."""

    page: Any
    dialogs: list[str]
    console_errors: list[str]
    base: str

    def goto(self, path: str) -> Any:
        response = self.page.goto(self.base + path)
        assert response is not None
        return response


@pytest.fixture()
def page(browser: Any, live_server: LiveServer) -> Iterator[PageWatch]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=True)
    p = context.new_page()
    p.set_default_timeout(15000)
    watch = PageWatch(page=p, dialogs=[], console_errors=[], base=live_server.url)

    def on_dialog(dialog: Any) -> None:
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    p.on("dialog", on_dialog)
    p.on("console", lambda msg: watch.console_errors.append(msg.text) if msg.type == "error" else None)
    p.on("pageerror", lambda err: watch.console_errors.append(str(err)))
    try:
        yield watch
    finally:
        context.close()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the browser tests save their screenshots: $SAIDWHAT_SCREENSHOTS (set by
    scripts/refresh_screenshots.sh to docs/screenshots), else a temporary folder, so that a test
    run never rewrites tracked files."""
    target = os.environ.get("SAIDWHAT_SCREENSHOTS")
    if target:
        path = Path(target)
        path.mkdir(parents=True, exist_ok=True)
        return path
    return tmp_path_factory.mktemp("screenshots")
