"""Fetch an http(s) URL safely: bounded in size and time, never reaching a private address.

A URL given to saidwhat may be untrusted (a batch of links from a feed, a web form). Fetching it
naively lets it reach the machine's own services (``http://127.0.0.1:5432``), the local network,
or a cloud metadata endpoint (``http://169.254.169.254``). So, for the first URL and for every
redirect hop:

1. the host is resolved once with ``getaddrinfo`` (which also turns decimal, octal and hex
   spellings such as ``2130706433`` or ``0177.0.0.1`` into the address they mean);
2. every resolved address is checked (loopback, private, link-local, multicast, reserved,
   unspecified, shared, and the IPv4 address inside IPv4-mapped, 6to4, Teredo and NAT64 IPv6);
   one bad address refuses the URL, *before* any connection is made;
3. the request goes to the vetted IP itself, with the original ``Host`` header and TLS SNI /
   certificate check on the original host name, so a DNS answer that changes between the check
   and the connection (DNS rebinding) cannot redirect it.

Redirects are followed by hand (at most ``MAX_REDIRECTS``), environment proxies are ignored
(a proxy would connect elsewhere than the vetted address), and the body is read in chunks with
a byte limit counted after decompression, piece by piece (so no compression ratio can make a
small body expensive), and an overall deadline.
"""

from __future__ import annotations

import ipaddress
import logging
import re
import socket
import ssl
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from saidwhat.errors import BlockedAddressError, ConfigError, FetchError, InputTooLargeError, InvalidURLError

__all__ = [
    "CONNECT_TIMEOUT",
    "FETCH_TIMEOUT",
    "MAX_REDIRECTS",
    "FetchResult",
    "PinnedTarget",
    "blocked_reason",
    "fetch",
    "parse_allowlist",
    "vet_url",
]

log = logging.getLogger(__name__)

MAX_REDIRECTS = 5
#: Seconds for the whole fetch, redirects and body included.
FETCH_TIMEOUT = 30.0
CONNECT_TIMEOUT = 10.0
USER_AGENT = "saidwhat/0.1 (news article analysis)"
_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"
_REDIRECTS = {301, 302, 303, 307, 308}

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], list[str]]

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_SHARED = ipaddress.ip_network("100.64.0.0/10")


def _system_resolve(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


#: The resolver used by ``vet_url``; tests replace it to simulate DNS without a network.
resolve_host: Resolver = _system_resolve


def blocked_reason(ip: IPAddress) -> str | None:
    """Why ``ip`` must not be fetched from (e.g. "loopback"), or None if it is a public address."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:  # the connection goes to the IPv4 address itself
            inner = blocked_reason(ip.ipv4_mapped)
            return f"{inner} (IPv4-mapped {ip})" if inner else None
        embedded: ipaddress.IPv4Address | None = ip.sixtofour
        if embedded is None and ip.teredo:
            embedded = ip.teredo[1]
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            inner = blocked_reason(embedded)
            if inner:
                return f"{inner} (inside IPv6 {ip})"
        if ip.scope_id:
            return "link-local"
    checks = (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved),
        ("site-local", isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local),
        ("shared (carrier-grade NAT)", isinstance(ip, ipaddress.IPv4Address) and ip in _SHARED),
        ("private", ip.is_private),
    )
    for name, hit in checks:
        if hit:
            return name
    if not ip.is_global:
        return "non-global"
    return None


def parse_allowlist(items: Iterable[str]) -> tuple[IPNetwork, ...]:
    """Addresses or networks ("127.0.0.1", "10.0.0.0/8") exempt from the private-address block."""
    return tuple(ipaddress.ip_network(item, strict=False) for item in items)


@dataclass(frozen=True)
class PinnedTarget:
    """A vetted request target: the URL as named, and the address to connect to."""

    url: httpx.URL
    host: str
    port: int
    ip: IPAddress


def vet_url(
    url: str | httpx.URL,
    *,
    source: str,
    allow_private_network: bool = False,
    allowed_addresses: Iterable[str] = (),
) -> PinnedTarget:
    """Check scheme and every resolved address of ``url``; return where to connect.

    Raises FetchError for a malformed URL, another scheme or a DNS failure, and
    BlockedAddressError when any address is not public (unless allowed). Nothing is sent.
    """
    try:
        parsed = httpx.URL(url) if isinstance(url, str) else url
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        _check_loose(str(url), source, allow_private_network, allowed_addresses)
        raise InvalidURLError(f"invalid URL: {exc}", input=source) from exc
    if parsed.scheme not in ("http", "https"):
        scheme = parsed.scheme or "no"
        raise InvalidURLError(f"only http and https URLs can be fetched, not {scheme} scheme", input=source)
    host = parsed.raw_host.decode("ascii", "replace").strip("[]")
    if not host:
        raise InvalidURLError("the URL has no host", input=source)
    if not _HOSTNAME.match(host) and not _is_ip(host):
        raise InvalidURLError(f"invalid host name {host[:100]!r} in the URL", input=source)
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    if not 0 < port < 65536:
        raise InvalidURLError(f"invalid port {port} in the URL", input=source)
    addresses = _resolve(host, port, source)
    _check_addresses(addresses, host, source, allow_private_network, allowed_addresses)
    return PinnedTarget(url=parsed.copy_with(fragment=None), host=host, port=port, ip=addresses[0])


def _check_loose(url: str, source: str, allow_private_network: bool,
                 allowed_addresses: Iterable[str]) -> None:
    """httpx refuses some spellings getaddrinfo accepts (octal "0177.0.0.1"): still say what
    address such a URL meant, so a blocked address is reported as blocked. A URL even the lax
    parser cannot read (``http://[::1/``) is left to the caller's InvalidURLError."""
    try:
        loose = urlsplit(url)
        hostname = loose.hostname
    except ValueError:
        return
    if loose.scheme in ("http", "https") and hostname:
        _check_addresses(_resolve(hostname, 80, source), hostname, source, allow_private_network,
                         allowed_addresses)


_HOSTNAME = re.compile(r"^(?=.{1,253}\.?$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})(?:\.[A-Za-z0-9_-]{1,63})*\.?$")


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.replace("%25", "%").split("%", 1)[0])
    except ValueError:
        return False
    return True


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _bracket(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _resolve(host: str, port: int, source: str) -> list[IPAddress]:
    host = host.replace("%25", "%")  # an IPv6 zone id, as URL-encoded
    try:
        addresses = [ipaddress.ip_address(a.split("%", 1)[0]) for a in resolve_host(host, port)]
    except (OSError, UnicodeError) as exc:  # socket.gaierror is an OSError
        raise FetchError(f"cannot resolve host {host!r}: {_one_line(exc)}", input=source) from exc
    except ValueError as exc:
        raise FetchError(f"host {host!r} resolved to an invalid address: {exc}", input=source) from exc
    if not addresses:
        raise FetchError(f"host {host!r} has no address", input=source)
    return addresses


def _check_addresses(addresses: list[IPAddress], host: str, source: str,
                     allow_private_network: bool, allowed_addresses: Iterable[str]) -> None:
    """Raise BlockedAddressError if any address is not public (and not explicitly allowed)."""
    if allow_private_network:
        return
    allowed = parse_allowlist(allowed_addresses)
    for ip in dict.fromkeys(addresses):
        reason = blocked_reason(ip)
        if reason and not any(ip in net for net in allowed):
            raise BlockedAddressError(
                f"{_bracket(host)} resolves to {ip}, a {reason} address: refused before connecting "
                "(--allow-private-network allows it for local use)",
                input=source,
            )


@dataclass(frozen=True)
class FetchResult:
    data: bytes
    url: str
    content_type: str | None
    status: int


def _host_header(target: PinnedTarget) -> str:
    host = _bracket(target.host)
    default = 443 if target.url.scheme == "https" else 80
    return host if target.port == default else f"{host}:{target.port}"


def _request(client: httpx.Client, target: PinnedTarget) -> httpx.Request:
    pinned = target.url.copy_with(host=str(target.ip), port=target.port)
    headers = {"Host": _host_header(target), "User-Agent": USER_AGENT, "Accept": _ACCEPT,
               "Accept-Encoding": _ACCEPT_ENCODING}
    return client.build_request("GET", pinned, headers=headers, extensions={"sni_hostname": target.host})


#: Size of the pieces a compressed body is inflated in: memory per step stays this small
#: whatever the compression ratio (a 2 KB "gzip, gzip" body can inflate to gigabytes).
INFLATE_PIECE = 64 * 1024
_ACCEPT_ENCODING = "gzip, deflate"


def _inflate(chunks: Iterator[bytes], encoding: str, source: str) -> Iterator[bytes]:
    """Decode one content coding (gzip or deflate) of a stream, ``INFLATE_PIECE`` bytes at a time."""
    wbits = zlib.MAX_WBITS | 16 if encoding in ("gzip", "x-gzip") else zlib.MAX_WBITS
    inflater = zlib.decompressobj(wbits)
    first = True
    for chunk in chunks:
        data = chunk
        while data:
            try:
                out = inflater.decompress(data, INFLATE_PIECE)
            except zlib.error as exc:
                if not (first and encoding == "deflate"):
                    raise FetchError(f"the {encoding} body cannot be decoded: {exc}", input=source) from exc
                inflater = zlib.decompressobj(-zlib.MAX_WBITS)  # "deflate" sent raw, without zlib header
                out = inflater.decompress(data, INFLATE_PIECE)
            first = False
            data = inflater.unconsumed_tail
            if inflater.eof and inflater.unused_data:  # a gzip stream of several members
                data = inflater.unused_data + data
                inflater = zlib.decompressobj(wbits)
            if out:
                yield out
            while not data and len(out) == INFLATE_PIECE:  # output still pending inside zlib
                out = inflater.decompress(b"", INFLATE_PIECE)
                if out:
                    yield out


def _decoded(response: httpx.Response, source: str) -> Iterator[bytes]:
    """The body with every content coding undone, in bounded pieces (httpx would inflate each
    chunk whole before the size could be checked)."""
    header = response.headers.get("content-encoding", "")
    codings = [c.strip().lower() for c in header.split(",") if c.strip()]
    stream: Iterator[bytes] = response.iter_raw()
    for coding in reversed(codings):
        if coding in ("identity", ""):
            continue
        if coding not in ("gzip", "x-gzip", "deflate"):
            raise FetchError(f"unsupported Content-Encoding {coding[:40]!r}", input=source)
        stream = _inflate(stream, coding, source)
    return stream


def _read_body(response: httpx.Response, *, source: str, max_bytes: int, deadline: float,
               timeout: float) -> bytes:
    """The decoded body, refused as soon as it passes ``max_bytes`` (after decompression, counted
    while streaming) or the deadline."""
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise InputTooLargeError(f"the page is {int(length)} bytes, over the {max_bytes}-byte limit",
                                 input=source)
    chunks: list[bytes] = []
    size = 0
    for chunk in _decoded(response, source):
        size += len(chunk)
        if size > max_bytes:
            raise InputTooLargeError(f"the page is over the {max_bytes}-byte limit (decompressed)",
                                     input=source)
        if time.monotonic() > deadline:
            raise FetchError(f"timed out after {timeout:g} s while reading the page", input=source)
        chunks.append(chunk)
    return b"".join(chunks)


def fetch(
    url: str,
    *,
    source: str | None = None,
    allow_private_network: bool = False,
    allowed_addresses: Iterable[str] = (),
    max_bytes: int,
    timeout: float = FETCH_TIMEOUT,
    max_redirects: int = MAX_REDIRECTS,
    verify: ssl.SSLContext | bool = True,
) -> FetchResult:
    """GET ``url`` following redirects by hand, each hop vetted and pinned (see module doc).

    ``verify`` is httpx's: the system CA store by default, an ``SSLContext`` to trust others.
    """
    source = source or url
    allowed = tuple(allowed_addresses)
    try:
        parse_allowlist(allowed)
    except ValueError as exc:
        raise ConfigError(f"invalid allowed address: {exc}", input=source) from exc
    deadline = time.monotonic() + timeout
    current: str | httpx.URL = url
    with httpx.Client(trust_env=False, follow_redirects=False, http2=False, verify=verify) as client:
        for hop in range(max_redirects + 1):
            target = _vet_hop(current, hop, source, allow_private_network, allowed)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise FetchError(f"timed out after {timeout:g} s", input=source)
            client.timeout = httpx.Timeout(remaining, connect=min(CONNECT_TIMEOUT, remaining))
            log.debug("fetching %s via %s (hop %d)", target.url, target.ip, hop)
            try:
                with _Stream(client, target) as response:
                    if response.status_code in _REDIRECTS:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(f"HTTP {response.status_code} redirect without a Location",
                                             input=source)
                        try:
                            current = target.url.join(location)
                        except (httpx.InvalidURL, ValueError) as exc:
                            raise FetchError(f"redirect to an invalid URL {location[:200]!r}",
                                             input=source) from exc
                        continue
                    if response.status_code >= 400:
                        phrase = response.reason_phrase or ""
                        raise FetchError(f"HTTP {response.status_code} {phrase}".rstrip()
                                         + f" from {target.url}", input=source)
                    data = _read_body(response, source=source, max_bytes=max_bytes, deadline=deadline,
                                      timeout=timeout)
                    return FetchResult(data=data, url=str(target.url), status=response.status_code,
                                       content_type=response.headers.get("content-type"))
            except httpx.TimeoutException as exc:
                raise FetchError(f"timed out fetching {target.url} ({type(exc).__name__})",
                                 input=source) from exc
            except httpx.ConnectError as exc:
                raise FetchError(f"cannot connect to {_bracket(target.host)} port {target.port}: "
                                 f"{_one_line(exc)}",
                                 input=source) from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"fetching {target.url} failed: {type(exc).__name__}: {_one_line(exc)}",
                                 input=source) from exc
    raise FetchError(f"more than {max_redirects} redirects", input=source)


def _vet_hop(url: str | httpx.URL, hop: int, source: str, allow_private_network: bool,
             allowed: tuple[str, ...]) -> PinnedTarget:
    """``vet_url`` for one hop; an unusable redirect target is the server's fault, not the caller's."""
    try:
        return vet_url(url, source=source, allow_private_network=allow_private_network,
                       allowed_addresses=allowed)
    except InvalidURLError as exc:
        if hop == 0:
            raise
        raise FetchError(f"redirect to an unusable URL: {exc.message}", input=source) from exc


class _Stream:
    """Context manager sending a pinned request in streaming mode and closing the response."""

    def __init__(self, client: httpx.Client, target: PinnedTarget) -> None:
        self._client = client
        self._target = target
        self._response: httpx.Response | None = None

    def __enter__(self) -> httpx.Response:
        self._response = self._client.send(_request(self._client, self._target), stream=True)
        return self._response

    def __exit__(self, *exc: object) -> None:
        if self._response is not None:
            self._response.close()
