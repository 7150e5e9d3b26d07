"""Dates, the one way: ``iso_date`` reads a date out of metadata (lenient: it finds one or says
None), ``parse_date_filter`` checks a date a user gave as a filter (strict: it is valid or an error).

Filters (``--since``/``--until`` on the CLI, ``since``/``until`` in the REST API and the web
pages, ``IngestOptions``) take ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` and must name a real year,
month or day: ``2026-13`` and ``2016-13-45`` are errors, not silently empty results.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from saidwhat.errors import ConfigError

__all__ = ["DATE_FILTER_FORMS", "iso_date", "parse_date_filter"]

#: What a date filter may look like, for help texts and messages.
DATE_FILTER_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"

#: A date field is a date or a timestamp: only its start is read (a huge "date" costs nothing).
MAX_DATE_CHARS = 200

_FILTER = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_IN_TEXT = re.compile(r"(?<!\d)((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")


def parse_date_filter(value: str, name: str = "date") -> str:
    """``value`` if it is a valid ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; else ``ConfigError``
    naming the filter (``name``) and the value. Surrounding spaces are dropped."""
    text = value.strip()
    m = _FILTER.match(text)
    if m is None:
        raise ConfigError(f"{name} must be a date {DATE_FILTER_FORMS}, got {value!r}")
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        date(year, month, day)
    except ValueError as exc:
        raise ConfigError(f"{name} is not a real date: {value!r} ({exc})") from None
    return text


def iso_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` from an ISO string or timestamp (anywhere in it), an RFC 2822 date, a
    date/datetime or a ``time.struct_time``; None when there is no valid date."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    if hasattr(value, "tm_year"):
        try:
            return date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
        except (TypeError, ValueError):
            return None
    text = str(value)[:MAX_DATE_CHARS].strip()
    m = _IN_TEXT.search(text)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
