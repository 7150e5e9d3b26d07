"""Gzip-compressed input (``page.html.gz``, a ``.gz`` on stdin, a URL serving a ``.gz`` file).

The input is inflated in pieces of ``INFLATE_PIECE`` bytes while the output is counted, so a
decompression bomb (a few kilobytes that inflate to gigabytes) stops at the byte cap instead of
being inflated whole. One layer is undone: a gzip file inside a gzip file is refused as binary
by the decoding step, like any other archive.
"""

from __future__ import annotations

import zlib

from saidwhat.errors import BinaryInputError, InputTooLargeError

__all__ = ["GZIP_MAGIC", "INFLATE_PIECE", "gunzip_bounded", "is_gzip"]

GZIP_MAGIC = b"\x1f\x8b"
#: Bytes inflated per step: memory per step stays this small whatever the compression ratio.
INFLATE_PIECE = 64 * 1024


def is_gzip(data: bytes) -> bool:
    """Whether ``data`` starts like a gzip file (magic number and the deflate method)."""
    return data[:3] == GZIP_MAGIC + b"\x08"


def gunzip_bounded(data: bytes, source: str, max_bytes: int) -> bytes:
    """The inflated content of gzip ``data`` (every member of a multi-member file), refused with
    ``InputTooLargeError`` as soon as it passes ``max_bytes``, and with ``BinaryInputError`` when
    the data is not valid gzip."""
    out = bytearray()
    pending = data
    while pending:
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        try:
            while not inflater.eof:
                piece = inflater.decompress(pending, INFLATE_PIECE)
                pending = inflater.unconsumed_tail
                out += piece
                _check_size(len(out), source, max_bytes)
                if not pending and not piece:  # all input read, nothing more comes out
                    break
        except zlib.error as exc:
            raise BinaryInputError(f"gzip-compressed data that cannot be decompressed: {exc}",
                                   input=source) from exc
        if not inflater.eof:
            raise BinaryInputError("gzip-compressed data cut short (the file is truncated)", input=source)
        pending = inflater.unused_data
        if pending and not is_gzip(pending):  # trailing bytes after the last member are ignored, as gzip does
            break
    return bytes(out)


def _check_size(size: int, source: str, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputTooLargeError(f"the input is over the {max_bytes}-byte limit once decompressed (gzip)",
                                 input=source)
