"""A metadata file for a corpus of files: outlet, date, title, URL and authors per file name.

Plain text carries no outlet or date, but a corpus often comes with a table of them (PolNeAR's
``metadata.tsv``, a spreadsheet export). ``ingest --metadata FILE`` reads such a table, CSV or
TSV with a header row, and gives each file of a folder (or each file named on the command line)
the values of its row. The row is found by the file's path: its last parts (``dev/text/a.txt``),
its name (``a.txt``) or its name without the extension (``a``).

Columns are recognised by name, case-insensitively, under the usual names of each field:

    key        file, filename, file_name, path, name
    outlet     outlet, publisher, site_name, site, publication
    published  published, publication_date, date, pub_date, published_date
    title      title, headline
    url        url, link, canonical_url
    authors    authors, author, byline      (several separated by ``;`` or ``|``)

A cell that is empty or says ``None``, ``null``, ``NA``, ``N/A`` or ``nan`` is missing. Other
columns are ignored. A date that is not a date, a table without a key column or without any
known field, and one file name with two different rows are errors naming the file and line.

How the values are used (``saidwhat.corpus.ingest``): they fill what the document itself does
not state. An HTML page's own title, date, outlet, URL and authors always win over a feed
entry's, a JSON Lines record's or this file's; a plain-text file states nothing but its words
(its first line is only taken as a title), so there the metadata's title replaces that guess.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PurePath
from typing import Any

from saidwhat.corpus.sources import Document
from saidwhat.dates import iso_date
from saidwhat.errors import ConfigError, MissingInputError

__all__ = ["FIELDS", "MetadataTable", "load_metadata"]

FIELDS = ("outlet", "published", "title", "url", "authors")
_KEY_COLUMNS = ("file", "filename", "file_name", "path", "name")
_COLUMNS: dict[str, tuple[str, ...]] = {
    "outlet": ("outlet", "publisher", "site_name", "site", "publication"),
    "published": ("published", "publication_date", "date", "pub_date", "published_date"),
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url"),
    "authors": ("authors", "author", "byline"),
}
_MISSING = {"", "none", "null", "na", "n/a", "nan"}
#: the largest metadata file read (a table of a million files is far below it)
MAX_METADATA_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class MetadataTable:
    """Rows of a metadata file by key (a file name, a name without extension or a path tail)."""

    path: str
    rows: dict[str, dict[str, Any]]

    def lookup(self, source: str) -> dict[str, Any] | None:
        """The row for a file path: its longest matching tail, else its name without extension."""
        path = PurePath(source)
        for i in range(len(path.parts)):
            row = self.rows.get(PurePath(*path.parts[i:]).as_posix())
            if row is not None:
                return row
        return self.rows.get(path.stem) if path.parts else None

    def annotate(self, docs: Iterator[Document], unmatched: list[str]) -> Iterator[Document]:
        """The documents read from local files, each with its row's values under the metadata its
        source already gave (a feed's or a JSON Lines record's own fields come first). Files
        without a row are appended to ``unmatched``."""
        for doc in docs:
            if doc.error is not None or doc.url is not None or doc.data is None:
                yield doc  # not a local file (WARC records, feed entries and URLs have a URL)
                continue
            row = self.lookup(doc.source)
            if row is None:
                unmatched.append(doc.source)
                yield doc
                continue
            yield replace(doc, meta={**row, **doc.meta})


def _cell(value: str | None) -> str | None:
    text = (value or "").strip()
    return None if text.casefold() in _MISSING else text


def _find_columns(header: list[str], where: str) -> tuple[str, dict[str, str]]:
    """The key column and each field's column in ``header``."""
    names = {h.strip().casefold(): h for h in header if h}
    key = next((names[k] for k in _KEY_COLUMNS if k in names), None)
    if key is None:
        raise ConfigError(f"no file-name column: name one of {', '.join(_KEY_COLUMNS)} "
                          f"(the header has {', '.join(header) or 'nothing'})", input=where)
    found: dict[str, str] = {}
    for field, aliases in _COLUMNS.items():
        column = next((names[c] for c in aliases if c in names), None)
        if column is not None:
            found[field] = column
    if not found:
        raise ConfigError(f"none of the columns {', '.join(FIELDS)} (or their other names) is in the header",
                          input=where)
    return key, found


def _values(record: dict[str, str], columns: dict[str, str], where: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for field, column in columns.items():
        cell = _cell(record.get(column))
        if cell is None:
            continue
        if field == "published":
            date = iso_date(cell)
            if date is None:
                raise ConfigError(f"{column} {cell!r} is not a date (YYYY-MM-DD)", input=where)
            values[field] = date
        elif field == "authors":
            values[field] = [a.strip() for a in cell.replace("|", ";").split(";") if a.strip()]
        else:
            values[field] = cell
    return values


def _delimiter(path: Path, first_line: str) -> str:
    suffix = path.suffix.lower()
    if suffix in (".tsv", ".tab"):
        return "\t"
    if suffix == ".csv":
        return ","
    return "\t" if first_line.count("\t") > first_line.count(",") else ","


def load_metadata(path: str) -> MetadataTable:
    """Read a CSV or TSV metadata file (see the module docstring); errors name the file and line."""
    file = Path(path)
    if not file.is_file():
        raise MissingInputError("no such metadata file", input=path)
    if file.stat().st_size > MAX_METADATA_BYTES:
        raise ConfigError(f"the metadata file is over {MAX_METADATA_BYTES} bytes", input=path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the metadata file: {exc}", input=path) from exc
    delimiter = _delimiter(file, text.partition("\n")[0])
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return MetadataTable(path=path, rows=_rows(reader, path))
    except csv.Error as exc:
        raise ConfigError(f"not a readable CSV/TSV table: {exc}", input=f"{path}:{reader.line_num}") from exc


def _rows(reader: csv.DictReader[str], path: str) -> dict[str, dict[str, Any]]:
    key, columns = _find_columns(list(reader.fieldnames or []), path)
    rows: dict[str, dict[str, Any]] = {}
    lines: dict[str, int] = {}
    for record in reader:
        where = f"{path}:{reader.line_num}"
        name = _cell(record.get(key))
        if name is None:
            continue
        name = PurePath(name.replace("\\", "/")).as_posix().removeprefix("./")
        values = _values(record, columns, where)
        if name in rows and rows[name] != values:
            raise ConfigError(f"{name!r} has two different rows (lines {lines[name]} and {reader.line_num})",
                              input=where)
        rows[name], lines[name] = values, reader.line_num
    return rows
