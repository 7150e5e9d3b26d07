"""Stable keys: canonical URLs, sources, actor keys and target names, so equal things compare equal."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = [
    "actor_key",
    "canonical_url",
    "like_pattern",
    "norm_name",
    "norm_target",
    "sighting_key",
    "source_key",
    "url_key",
]

_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|smid|ref|ref_src|_ga)$",
                       re.IGNORECASE)


def canonical_url(url: str | None) -> str | None:
    """Lower-case scheme/host, no ``www.``, default port, fragment or tracking parameters."""
    if not url or not url.strip():
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if not parts.scheme or not parts.netloc:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    host = host.removeprefix("www.")
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port is None or (scheme, port) in (("http", 80), ("https", 443)) else f"{host}:{port}"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if not _TRACKING.match(k)))
    path = parts.path or "/"
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/") or "/"
    if scheme == "http":
        scheme = "https"  # the same page is often linked both ways
    return urlunsplit((scheme, netloc, path, query, ""))


def url_key(url: str | None) -> str | None:
    canon = canonical_url(url)
    return hashlib.sha256(canon.encode("utf-8")).hexdigest() if canon else None


#: Longest name read when normalising: a person's or organisation's name is a few words; past
#: this it is a mis-tagged run of text, and its first characters key it as well as all of them.
MAX_NAME_CHARS = 1000
def source_key(source: str) -> str:
    """SHA-256 of a source name as given at ingest (a path, a URL, ``file#record``)."""
    return hashlib.sha256(source.encode("utf-8", "replace")).hexdigest()


def sighting_key(source: str | None, ukey: str | None) -> str:
    """What makes a source distinct: its canonical URL, else its name (two files with one text are
    two sources; the same URL fetched twice is one). Migration 0002 keeps a frozen copy."""
    if ukey:
        return "url:" + ukey
    if source:
        return "src:" + source_key(source)
    return "none"


def norm_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name (its first ``MAX_NAME_CHARS``)."""
    text = unicodedata.normalize("NFKD", name[:MAX_NAME_CHARS])
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[’'`]s\b", "", text)
    return " ".join(re.findall(r"\w+", text))


def actor_key(name: str, kind: str) -> str:
    """``kind:slug-of-name``: stable across articles and usable in URLs."""
    slug = "-".join(norm_name(name).split())
    slug = re.sub(r"[^a-z0-9-]", "", slug.encode("ascii", "ignore").decode())[:200]
    if not slug:
        slug = hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]
    return f"{kind}:{slug}"


_ARTICLES = {"the", "a", "an"}


def norm_target(name: str) -> str:
    """Target names compare case-insensitively and without a leading article ("the UN report")."""
    words = norm_name(name).split()
    while len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)[:500]


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with its wildcards escaped (escape char ``\\``)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
