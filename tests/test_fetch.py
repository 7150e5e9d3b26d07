"""Fetching URLs: local test servers on 127.0.0.1/127.0.0.2 only; every other address must be
refused before any connection is made (asserted by making connections impossible)."""

from __future__ import annotations

import contextlib
import gzip
import http.server
import importlib
import ipaddress
import shutil
import socket
import ssl
import subprocess
import threading
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from saidwhat.cli import main
from saidwhat.errors import BlockedAddressError, ConfigError, FetchError, InputTooLargeError
from saidwhat.page import fetch as fetch_mod
from saidwhat.page import load

load_mod = importlib.import_module("saidwhat.page.load")  # the module, which the function shadows

ARTICLE = (
    "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Harbour plan approved</title>"
    "<meta property='og:site_name' content='Test Gazette'></head>"
    "<body><article><h1>Harbour plan approved</h1>"
    "<p>The city council approved the harbour plan on Monday after a long debate about its cost.</p>"
    "<p>“This is a good day for the port,” the mayor said, adding that work would start in spring.</p>"
    "<p>Opponents said the plan would raise local taxes and promised to keep campaigning against it.</p>"
    "</article></body></html>"
)
LATIN = ("Caf\u00e9 owners said the \u201cnew rules\u201d would hurt business, "
         "the council heard on Monday evening.")


@dataclass
class Server:
    host: str
    port: int
    requests: list[tuple[str, str]] = field(default_factory=list)  # (path, Host header)

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"


def _handler(state: Server) -> type[http.server.BaseHTTPRequestHandler]:  # noqa: C901 - one branch per route
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
                  headers: dict[str, str] | None = None, length: bool = True) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            if length:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            state.requests.append((self.path, self.headers.get("Host", "")))
            parts = urlsplit(self.path)
            route, query = parts.path, parse_qs(parts.query)
            if route == "/article":
                self._send(200, ARTICLE.encode())
            elif route == "/latin1":
                self._send(200, LATIN.encode("cp1252"), "text/plain; charset=iso-8859-1")
            elif route == "/redirect":
                self._send(302, b"", headers={"Location": query["to"][0]})
            elif route == "/bad-redirect":
                self._send(302, b"", headers={"Location": "http://[::1/"})
            elif route == "/loop":
                self._send(302, b"", headers={"Location": "/loop"})
            elif route == "/missing":
                self._send(404, b"not here")
            elif route == "/error":
                self._send(500, b"oops")
            elif route == "/big":
                self._send(200, b"word " * 1000)
            elif route == "/big-nolength":
                self.close_connection = True
                self._send(200, b"word " * 1000, length=False)
            elif route == "/gzip":
                self._send(200, gzip.compress(b"a" * 50_000), "text/plain", {"Content-Encoding": "gzip"})
            elif route in CODED:  # bodies under a Content-Encoding (bombs, several members, raw deflate)
                body, coding = CODED[route]
                self._send(200, body, "text/html", {"Content-Encoding": coding})
            elif route == "/slow":
                time.sleep(2)
                with contextlib.suppress(OSError):
                    self._send(200, ARTICLE.encode())
            elif route == "/echo-host":
                host = self.headers.get("Host", "")
                self._send(200, f"The request named the host {host} in its header, as it should.".encode(),
                           "text/plain")
            else:
                self._send(404, b"")

    return Handler


def _bomb(inflated: int) -> bytes:
    """gzip(gzip(NUL * inflated)), built without holding ``inflated`` bytes."""
    inner = zlib.compressobj(wbits=zlib.MAX_WBITS | 16)
    block = b"\0" * (1 << 20)
    once = b"".join(inner.compress(block) for _ in range(inflated >> 20)) + inner.flush()
    return gzip.compress(once)


def _deflate(data: bytes, raw: bool) -> bytes:
    packer = zlib.compressobj(wbits=-zlib.MAX_WBITS if raw else zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


BOMB = _bomb(256 << 20)  # gzip, gzip: ~2 KB on the wire, 256 MB inflated
CODED: dict[str, tuple[bytes, str]] = {
    "/gzip-gzip": (BOMB, "gzip, gzip"),
    "/gzip-two-members": (gzip.compress(ARTICLE[:300].encode()) + gzip.compress(ARTICLE[300:].encode()),
                          "gzip"),
    "/deflate": (_deflate(ARTICLE.encode(), raw=False), "deflate"),
    "/deflate-raw": (_deflate(ARTICLE.encode(), raw=True), "deflate"),
    "/brotli": (b"\x8b\x03\x80hello\x03", "br"),
    "/bad-gzip": (b"\x1f\x8b not really gzip", "gzip"),
}


def _serve(host: str) -> Iterator[Server]:
    state = Server(host, 0)
    httpd = http.server.ThreadingHTTPServer((host, 0), _handler(state))
    httpd.daemon_threads = True
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    yield from _serve("127.0.0.1")


@pytest.fixture(scope="module")
def other_server() -> Iterator[Server]:
    """A second loopback server (127.0.0.2): the place a redirect must not reach."""
    yield from _serve("127.0.0.2")


@pytest.fixture
def no_connections(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any connection attempt fail the test: a refusal must come before connecting."""

    def forbidden(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a connection was attempted")

    monkeypatch.setattr(socket, "create_connection", forbidden)
    monkeypatch.setattr(httpx.Client, "send", forbidden)


LOCAL = ["127.0.0.1"]  # allow only the test server's address; everything else stays blocked


# --- the address check -----------------------------------------------------------------------

@pytest.mark.parametrize("address, reason", [
    ("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("::1", "loopback"),
    ("10.0.0.1", "private"), ("172.16.5.4", "private"), ("192.168.1.1", "private"), ("fc00::1", "private"),
    ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
    ("0.0.0.0", "unspecified"), ("::", "unspecified"),
    ("224.0.0.1", "multicast"), ("ff02::1", "multicast"),
    ("240.0.0.1", "reserved"), ("100.64.0.1", "shared"),
    ("::ffff:127.0.0.1", "loopback"), ("::ffff:10.1.2.3", "private"),
    ("2002:7f00:1::", "loopback"), ("64:ff9b::a9fe:a9fe", "link-local"),
])
def test_blocked_addresses(address: str, reason: str) -> None:
    got = fetch_mod.blocked_reason(ipaddress.ip_address(address))
    assert got is not None and reason in got


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_pass(address: str) -> None:
    assert fetch_mod.blocked_reason(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/",
    "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/", "http://localhost/", "http://2130706433/",
    "http://0177.0.0.1/", "http://0x7f.1/", "http://127.1/", "https://192.168.0.1:8443/admin",
])
@pytest.mark.usefixtures("no_connections")
def test_blocked_urls_refused_before_connecting(url: str) -> None:
    with pytest.raises(BlockedAddressError) as err:
        load(url)
    assert err.value.input == url
    assert "refused before connecting" in str(err.value)


def test_loopback_server_receives_nothing_when_blocked(server: Server) -> None:
    before = len(server.requests)
    with pytest.raises(BlockedAddressError, match="loopback"):
        load(server.url("/article"))
    assert len(server.requests) == before


@pytest.mark.usefixtures("no_connections")
def test_every_resolved_address_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch_mod, "resolve_host", lambda _host, _port: ["93.184.216.34", "10.0.0.7"])
    with pytest.raises(BlockedAddressError, match="10.0.0.7"):
        load("http://mixed.example/")


def test_dns_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(_host: str, _port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(fetch_mod, "resolve_host", fail)
    with pytest.raises(FetchError, match="cannot resolve host 'no-such-host.example'") as err:
        load("http://no-such-host.example/news")
    assert not isinstance(err.value, BlockedAddressError)


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/file.html", "file:///etc/passwd", "gopher://127.0.0.1/"])
@pytest.mark.usefixtures("no_connections")
def test_other_schemes_refused(url: str) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        load(url)


# --- fetching from the local server ----------------------------------------------------------

def test_fetch_with_private_network_allowed(server: Server) -> None:
    page = load(server.url("/article"), allow_private_network=True)
    assert page.kind == "html"
    assert "harbour plan" in page.content
    assert page.url == server.url("/article")


def test_allowlisted_address(server: Server) -> None:
    page = load(server.url("/article"), allowed_addresses=LOCAL)
    assert page.kind == "html"


def test_redirect_sets_final_url(server: Server) -> None:
    page = load(server.url("/redirect?to=/article"), allowed_addresses=LOCAL)
    assert page.url == server.url("/article")
    assert page.source == server.url("/redirect?to=/article")


def test_redirect_to_blocked_address_is_refused(server: Server, other_server: Server) -> None:
    target = other_server.url("/article")
    with pytest.raises(BlockedAddressError, match="127.0.0.2"):
        load(server.url(f"/redirect?to={target}"), allowed_addresses=LOCAL)
    assert other_server.requests == []  # the blocked hop was never contacted
    # the same target is reachable when it is allowed: the refusal above was the address check
    page = load(server.url(f"/redirect?to={target}"), allowed_addresses=["127.0.0.1", "127.0.0.2"])
    assert page.url == target and len(other_server.requests) == 1


@pytest.mark.parametrize("target", ["http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/",
                                    "http://[::1]/", "http://127.0.0.3:1/"])
def test_redirect_chain_to_private_addresses(server: Server, target: str,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    connects: list[object] = []
    real = socket.create_connection

    def guarded(address: tuple[str, int], *args: object, **kwargs: object) -> socket.socket:
        connects.append(address)
        assert address[0] == "127.0.0.1", f"connection attempted to {address}"
        return real(address, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "create_connection", guarded)
    with pytest.raises(BlockedAddressError):
        load(server.url(f"/redirect?to={target}"), allowed_addresses=LOCAL)
    assert connects and all(addr[0] == "127.0.0.1" for addr in connects)  # type: ignore[index]


def test_redirect_to_other_scheme_refused(server: Server) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        load(server.url("/redirect?to=file:///etc/passwd"), allowed_addresses=LOCAL)


def test_too_many_redirects(server: Server) -> None:
    before = len(server.requests)
    with pytest.raises(FetchError, match="more than 5 redirects"):
        load(server.url("/loop"), allowed_addresses=LOCAL)
    assert len(server.requests) - before == 6


def test_connects_to_vetted_address_with_original_host(server: Server,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """One resolution per hop, and the connection goes to that answer (no DNS rebinding window)."""
    answers = iter([["127.0.0.1"], ["10.0.0.1"]])  # a rebinding resolver: second answer is private
    calls: list[str] = []

    def rebinding(host: str, _port: int) -> list[str]:
        calls.append(host)
        return next(answers)

    monkeypatch.setattr(fetch_mod, "resolve_host", rebinding)
    page = load(f"http://news.example:{server.port}/echo-host", allowed_addresses=LOCAL)
    assert calls == ["news.example"]
    assert server.requests[-1] == ("/echo-host", f"news.example:{server.port}")
    assert f"news.example:{server.port}" in page.content
    assert page.url == f"http://news.example:{server.port}/echo-host"


def test_closed_port_is_unreachable() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    url = f"http://127.0.0.1:{port}/article"
    with pytest.raises(FetchError, match="cannot connect") as err:
        load(url, allow_private_network=True)
    assert err.value.input == url


@pytest.mark.parametrize("path, status", [("/missing", "404"), ("/error", "500")])
def test_http_error_status(server: Server, path: str, status: str) -> None:
    with pytest.raises(FetchError, match=f"HTTP {status}"):
        load(server.url(path), allowed_addresses=LOCAL)


def test_timeout(server: Server) -> None:
    # the server answers after 2 s; without the deadline this would return the page
    with pytest.raises(FetchError, match="timed out"):
        load(server.url("/slow"), allowed_addresses=LOCAL, timeout=0.5)


def test_decompression_bomb_is_refused_while_inflating(server: Server) -> None:
    """Issue 13: a ~2 KB body sent as "gzip, gzip" inflated whole chunks before the size check
    (2 GB of server memory). Now the limit is counted piece by piece, so memory stays small."""
    assert len(BOMB) < 10_000
    tracemalloc.start()
    try:
        with pytest.raises(InputTooLargeError, match="decompressed"):
            load(server.url("/gzip-gzip"), allowed_addresses=LOCAL)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * load_mod.MAX_INPUT_BYTES  # the kept body (≤ the limit) and its join, not 256 MB


@pytest.mark.parametrize("path", ["/gzip-two-members", "/deflate", "/deflate-raw"])
def test_content_codings_are_decoded(server: Server, path: str) -> None:
    page = load(server.url(path), allowed_addresses=LOCAL)
    assert "harbour plan" in page.content and page.content.rstrip().endswith("</html>")


@pytest.mark.parametrize("path, reason", [("/brotli", "unsupported Content-Encoding 'br'"),
                                          ("/bad-gzip", "cannot be decoded")])
def test_unusable_content_coding_is_a_fetch_error(server: Server, path: str, reason: str) -> None:
    with pytest.raises(FetchError, match=reason):
        load(server.url(path), allowed_addresses=LOCAL)


@pytest.mark.parametrize("path", ["/big", "/big-nolength", "/gzip"])
def test_size_limit(server: Server, path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load_mod, "MAX_INPUT_BYTES", 1000)
    with pytest.raises(InputTooLargeError, match="1000"):
        load(server.url(path), allowed_addresses=LOCAL)


def test_declared_charset_from_header(server: Server) -> None:
    page = load(server.url("/latin1"), allowed_addresses=LOCAL)
    assert page.content == LATIN
    assert page.kind == "text"
    assert page.meta["encoding"] == "cp1252"


# --- through the CLI ------------------------------------------------------------------------

def test_cli_blocked_url(server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    url = server.url("/article")
    assert main(["extract", url]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and url in err[0] and "loopback" in err[0]


def test_cli_allow_private_network(server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--allow-private-network", "--format", "jsonl", server.url("/article")]) == 0
    out = capsys.readouterr().out
    assert '"title": "Harbour plan approved"' in out and '"outlet": "Test Gazette"' in out


def test_cli_unreachable(capsys: pytest.CaptureFixture[str]) -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    url = f"http://127.0.0.1:{port}/"
    assert main(["extract", "--allow-private-network", url]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and url in err[0] and "SW201" in err[0]


# --- HTTPS: connect to the vetted IP, verify the certificate against the original name -------

@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, ssl.SSLContext]]:
    openssl = shutil.which("openssl")
    if not openssl:
        pytest.skip("openssl is not installed")
    tmp = tmp_path_factory.mktemp("tls")
    cert, key = tmp / "cert.pem", tmp / "key.pem"
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
                    "-out", str(cert),
                    "-days", "2", "-subj", "/CN=news.example", "-addext", "subjectAltName=DNS:news.example"],
                   check=True, capture_output=True, timeout=60)
    state = Server("127.0.0.1", 0)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(str(cert), str(key))
    httpd.socket = server_ctx.wrap_socket(httpd.socket, server_side=True)
    state.port = httpd.server_address[1]
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    client_ctx = ssl.create_default_context(cafile=str(cert))
    try:
        yield state, client_ctx
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_https_pinned_with_sni_and_hostname_check(tls_server: tuple[Server, ssl.SSLContext],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    server, ctx = tls_server
    monkeypatch.setattr(fetch_mod, "resolve_host", lambda _host, _port: ["127.0.0.1"])
    result = fetch_mod.fetch(f"https://news.example:{server.port}/echo-host", allowed_addresses=LOCAL,
                             max_bytes=10_000, verify=ctx)
    assert result.url == f"https://news.example:{server.port}/echo-host"
    assert server.requests[-1] == ("/echo-host", f"news.example:{server.port}")
    # the certificate is checked against the name in the URL, not the IP connected to
    with pytest.raises(FetchError, match="(?i)certificate|hostname"):
        fetch_mod.fetch(f"https://other.example:{server.port}/echo-host", allowed_addresses=LOCAL,
                        max_bytes=10_000, verify=ctx)


def test_redirect_to_invalid_url(server: Server) -> None:
    with pytest.raises(FetchError, match="(?i)invalid"):
        load(server.url("/bad-redirect"), allowed_addresses=LOCAL)


def test_invalid_allowlist_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        load("http://127.0.0.1:9/", allowed_addresses=["not-an-address"])


@pytest.mark.parametrize("url", ["http://exa mple.example/", "http://127.0.0.1:99999/", "http://a..b/"])
@pytest.mark.usefixtures("no_connections")
def test_malformed_hosts_are_not_looked_up(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(host: str, _port: int) -> list[str]:
        raise AssertionError(f"looked up {host!r}")

    monkeypatch.setattr(fetch_mod, "resolve_host", no_dns)
    with pytest.raises(FetchError, match="invalid"):
        load(url)
