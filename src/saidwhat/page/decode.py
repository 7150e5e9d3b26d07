"""Bytes → text, and text → "html" or "text", judged from the content alone.

Why here and not in the extractor: every later stage indexes the decoded string, so decoding
must be decided once, robustly, and refuse what is not text at all (a PDF, an image, a zip)
with a clear error instead of feeding mojibake to the analysis.
"""

from __future__ import annotations

import codecs
import re

from saidwhat.errors import BinaryInputError
from saidwhat.page.model import PageKind
from saidwhat.sanitize import CONTROL_CHARS as _CONTROL
from saidwhat.sanitize import refuse_binary

__all__ = ["MAGIC_NUMBERS", "decode_bytes", "detect_kind", "normalize_charset",
           "without_controls"]

#: Leading bytes of common binary formats, with the name used in the error message.
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"PK\x03\x04", "a zip archive (or an Office document)"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"(\xb5/\xfd", "zstd-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"OggS", "an Ogg media file"),
    (b"\x00\x00\x00\x18ftyp", "an MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "an MP4 video"),
    (b"\x1aE\xdf\xa3", "a Matroska/WebM video"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_RIFF_KINDS = {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "an AVI video"}

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG: these labels mean windows-1252 on the web (pages that say latin-1 use cp1252 quotes).
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252", "windows-1252": "cp1252",
    "x-sjis": "shift_jis", "gb2312": "gbk", "x-gbk": "gbk", "ks_c_5601-1987": "euc-kr",
}

# Codecs Python has but a web page cannot declare: they raise on any input ("undefined"), turn
# escapes into arbitrary characters, or (UTF-7) hide markup; WHATWG ignores such labels too.
_NOT_PAGE_CODECS = frozenset({"undefined", "idna", "punycode", "unicode-escape", "raw-unicode-escape",
                              "utf-7", "charmap"})

_META_CHARSET = re.compile(rb"""<meta[^>]{1,1000}?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]{1,200}?encoding\s*=\s*["']([A-Za-z0-9._\-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:\-]+)""", re.IGNORECASE)


def normalize_charset(label: str | None) -> str | None:
    """A Python codec name for a declared charset label, or None if unknown."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = _CHARSET_ALIASES.get(name, name)
    try:
        codec = codecs.lookup(name)
    except (LookupError, ValueError):  # ValueError: a NUL in the label
        return None
    if codec.name in ("utf-16", "utf-32"):  # a declaration without a BOM is not trustworthy
        return None
    if not getattr(codec, "_is_text_encoding", True) or codec.name in _NOT_PAGE_CODECS:
        return None
    return "cp1252" if codec.name in ("latin-1", "iso8859-1", "ascii") else codec.name


def _magic(data: bytes) -> str | None:
    for magic, what in MAGIC_NUMBERS:
        if data.startswith(magic):
            return what
    if data[:4] == b"RIFF" and data[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[data[8:12]]
    return None


def _guess_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: NUL bytes on one side of nearly every ASCII character."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _declared(data: bytes, content_type: str | None) -> str | None:
    if content_type:
        m = _HEADER_CHARSET.search(content_type)
        if m and (codec := normalize_charset(m.group(1))):
            return codec
    head = data[:8192]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        found = pattern.search(head)
        if found and (codec := normalize_charset(found.group(1).decode("ascii", "replace"))):
            return codec
    return None


def decode_bytes(data: bytes, source: str, *, content_type: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; raise BinaryInputError for non-text.

    Order: known binary magic numbers are refused; a BOM wins; then the charset declared by the
    HTTP header, ``<?xml encoding>`` or ``<meta charset>``; then strict UTF-8; then windows-1252
    (which decodes nearly any byte string, the usual encoding of legacy pages). The decoded
    text then goes through ``without_controls``.
    """
    what = _magic(data)
    if what:
        raise BinaryInputError(f"this is {what}, not HTML or text", input=source)
    text, codec = _decode(data, content_type)
    return without_controls(text, source), codec


def _decode(data: bytes, content_type: str | None) -> tuple[str, str]:
    """``(text, codec)``: BOM, UTF-16 without BOM, declared charset, UTF-8, then windows-1252."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace"), codec
    utf16 = _guess_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    candidates = [c for c in (_declared(data, content_type), "utf-8") if c]
    for codec in dict.fromkeys(candidates):
        try:
            return data.decode(codec), codec
        except (UnicodeError, LookupError):  # UnicodeError: a codec that refuses the data outright
            continue
    return data.decode("cp1252", errors="replace"), "cp1252"


def without_controls(text: str, source: str) -> str:
    """``text`` without the control characters no text needs (``_CONTROL``: NUL, escape
    sequences, C1 codes), anywhere in it; BinaryInputError when they are more than
    ``MAX_CONTROL_RATIO`` of the whole text (binary data that happened to decode).

    A few stray NULs (a page saved with some NUL bytes in it) do not make a page binary: they
    are removed like the other control characters, so no later stage, output or database sees
    them. One pass when there are none.
    """
    if not _CONTROL.search(text):
        return text
    refuse_binary(text, source)
    return _CONTROL.sub("", text)


# the comment run is atomic: comments can be grouped in exponentially many ways otherwise
_HTML_START = re.compile(r"\A\s*(?>(?:<!--.*?-->\s*)*)<(?:!doctype\s+html|html|head|body"
                         r"|\?xml[^>]*>\s*(?:<!doctype\s+html|<html))",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|title|meta|link|script|style|div|span|p|a|br|hr|img|ul|ol|li|table|tr|td|"
    r"article|section|header|footer|nav|main|aside|figure|h[1-6]|strong|em|b|i|blockquote|time)\b[^<>]{0,2000}>",
    re.IGNORECASE,
)


def detect_kind(text: str) -> PageKind:
    """"html" when the text starts like an HTML document or is dense with HTML tags, else "text".

    Tag density rather than mere presence: a plain-text article may quote a tag or two, an
    HTML fragment (a saved ``<div>`` of an article) has many.
    """
    if _HTML_START.match(text[:4096]):
        return "html"
    sample = text[:65536]
    tags = _HTML_TAG.findall(sample)
    if len(tags) >= 5 or (len(tags) >= 2 and sample.lstrip().startswith("<")):
        closing = sum(1 for t in tags if t.startswith("</"))
        if closing or sample.lstrip().startswith("<"):
            return "html"
    return "text"
