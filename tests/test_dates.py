"""One strict date parser for filters (CLI, API, pages, ingest) and one lenient ``iso_date``."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from saidwhat.dates import iso_date, parse_date_filter
from saidwhat.errors import ConfigError


@pytest.mark.parametrize("value", ["2026", "2026-02", "2024-02-29", "1999-12-31"])
def test_valid_filters_pass_as_given(value: str) -> None:
    assert parse_date_filter(value, "--since") == value


@pytest.mark.parametrize("value", ["2026-13", "2016-13-45", "2023-02-29", "2026-00", "0000", "26", "2026-1",
                                   "2026/01/02", "yesterday", "", "2026-01-02T00:00"])
def test_invalid_filters_are_errors_naming_the_filter(value: str) -> None:
    with pytest.raises(ConfigError, match="--until"):
        parse_date_filter(value, "--until")


@pytest.mark.parametrize("value, expected", [
    ("2022-09-01T16:24:00+00:00", "2022-09-01"), ("published 2022-09-01", "2022-09-01"),
    ("Thu, 01 Sep 2022 16:24:00 GMT", "2022-09-01"), (dt.date(2022, 9, 1), "2022-09-01"),
    (time.strptime("2022-09-01", "%Y-%m-%d"), "2022-09-01"), ("2022-02-30", None), ("September 1", None),
])
def test_iso_date_reads_metadata_dates(value: object, expected: str | None) -> None:
    assert iso_date(value) == expected
