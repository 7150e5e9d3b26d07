"""Text that every later stage, every output format and every database can hold.

Input text is hostile: it may carry NUL and other control characters (which PostgreSQL refuses
in a string), lone surrogates (which no UTF-8 output can encode), file names that are not UTF-8,
or names spelled with look-alike letters of another script. The functions here make such text
safe *without changing its length* where offsets matter (``scrub``), name inputs printably
(``display_name``), and say when a name mixes scripts (``mixed_scripts``). Every pattern here is
a single character class, so each runs in one linear pass.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, TypeVar

from pydantic import BaseModel

from saidwhat.errors import BinaryInputError

__all__ = [
    "MAX_CONTROL_RATIO",
    "CONTROL_CHARS",
    "control_count",
    "display_name",
    "is_clean",
    "mixed_scripts",
    "refuse_binary",
    "scrub",
    "scrub_field",
    "scrub_model",
    "spreadsheet_cell",
]

#: Unicode category Cc minus tab, newline, form feed and carriage return: characters no text
#: needs, which PostgreSQL (NUL) or terminals (escape sequences) must not receive.
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff]")  # either of the two
#: Share of control characters above which a text is taken for binary data that happened to
#: decode. A text page has none; 5% leaves room for a few stray bytes in a legacy page.
MAX_CONTROL_RATIO = 0.05


def control_count(text: str, limit: int | None = None) -> int:
    """How many control characters or lone surrogates ``text`` holds (counting stops past ``limit``)."""
    count = 0
    for _ in _NOT_TEXT.finditer(text):
        count += 1
        if limit is not None and count > limit:
            break
    return count


def refuse_binary(text: str, source: str) -> None:
    """Raise ``BinaryInputError`` for decoded text that is binary data: more than
    ``MAX_CONTROL_RATIO`` control characters (NUL included) or lone surrogates over the *whole*
    text. A few stray NULs do not make a page binary (issue 9); ``page.decode.without_controls``
    removes them after this check.

    One pass that stops as soon as the share is exceeded, so a text of controls costs no more
    than the share of it that proves it binary."""
    limit = int(MAX_CONTROL_RATIO * len(text))
    if control_count(text, limit) > limit:
        raise BinaryInputError(f"over {100 * MAX_CONTROL_RATIO:.0f}% of the input is NUL and other control "
                               "characters: binary data, not HTML or text", input=source)


def is_clean(text: str) -> bool:
    """True when ``text`` holds no control character and no lone surrogate."""
    return _NOT_TEXT.search(text) is None


def scrub(text: str) -> str:
    """``text`` with every control character (NUL included) made a space and every lone
    surrogate made U+FFFD: same length, so offsets into it stay valid. Linear; after
    ``refuse_binary`` at most ``MAX_CONTROL_RATIO`` of the text is replaced."""
    if _NOT_TEXT.search(text):
        text = _SURROGATES.sub("\ufffd", CONTROL_CHARS.sub(" ", text))
    return text


def scrub_field(value: str | None) -> str | None:
    """A metadata field (title, outlet, author, source name) scrubbed, runs of spaces kept."""
    return None if value is None else scrub(value)


M = TypeVar("M", bound=BaseModel)


def _scrub_value(value: Any) -> Any:
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, list | tuple):
        return type(value)(_scrub_value(v) for v in value)
    if isinstance(value, dict):
        return {scrub(k) if isinstance(k, str) else k: _scrub_value(v) for k, v in value.items()}
    return value


def scrub_model(model: M) -> M:
    """``model`` with every string in it scrubbed (``scrub``: same lengths, so spans stay valid);
    the model itself when it is clean already. What a store writes, whoever built the model."""
    data = model.model_dump()
    cleaned = _scrub_value(data)
    return model if cleaned == data else type(model).model_validate(cleaned)


def display_name(name: str) -> str:
    """A printable, valid UTF-8 name for an input named by the user (a path, a URL).

    A file name that is not UTF-8 reaches Python with its bad bytes as surrogate escapes; they
    are shown as ``\\xff``. Control characters (a newline in a file name) are shown escaped too,
    so a name cannot forge a line of output. Distinct names stay distinct.
    """
    if not _SURROGATES.search(name) and not CONTROL_CHARS.search(name):
        return name
    try:
        raw = name.encode("utf-8", "surrogateescape")
        name = raw.decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that is not an escaped byte
        name = name.encode("utf-8", "backslashreplace").decode("utf-8")
    return CONTROL_CHARS.sub(lambda m: f"\\x{ord(m.group()):02x}", name)


#: Scripts whose letters can pass for Latin ones (Cyrillic "а", Greek "ο"): the homoglyph sources.
_LOOKALIKE_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE")


def _script(ch: str) -> str | None:
    """The script of a letter, from its Unicode name (LATIN SMALL LETTER A → LATIN)."""
    if not ch.isalpha():
        return None
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else None


def mixed_scripts(name: str) -> list[str]:
    """The scripts mixed inside one word of a name: Latin with look-alike letters of another
    script ("Јоhn Ѕmith", with Cyrillic Ј, о and Ѕ), which makes the name pass for another
    actor's. Empty for ordinary names, including a name whose words are each in one script
    (the check of Unicode's UTS #39, per word)."""
    found: set[str] = set()
    for word in name[:500].split():
        scripts = {s for s in map(_script, word) if s in _LOOKALIKE_SCRIPTS}
        if len(scripts) > 1:
            found |= scripts
    return sorted(found)


#: First characters that make a spreadsheet read a CSV cell as a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> object:
    """A CSV value a spreadsheet will not run as a formula: text starting like one (article text
    is hostile: ``=HYPERLINK(…)``, ``-2+3``) gets a leading apostrophe; numbers are kept."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
