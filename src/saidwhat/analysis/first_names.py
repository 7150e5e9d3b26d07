"""The usual gender of a first name, from an offline list shipped with the package.

``data/first_names.tsv.gz`` (``name<TAB>f|m``, 42,617 names) is derived by
``scripts/build_first_names.py`` from the MIT-licensed PyPI package *nomquamgender* 0.1.4 (licence in
``data/first_names.LICENSE.txt``): names with at least 100 observations from at least 2 sources and
p(female) at most 0.1 or at least 0.9; ambiguous names (Jean, Leslie, Pat) are left out.

The analysis uses it so that "he" and "she" do not resolve to a person whose first name says the
other gender (``actors.resolve``); the store uses it for a speaker's gender when the text says
nothing (``store.gender``).
"""

from __future__ import annotations

import gzip
import unicodedata
from functools import lru_cache
from importlib import resources

__all__ = ["name_list_gender"]

_NAMES_FILE = "first_names.tsv.gz"


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    raw = resources.files("saidwhat.analysis").joinpath("data", _NAMES_FILE).read_bytes()
    table = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        name, _, code = line.partition("\t")
        table[name] = "female" if code == "f" else "male"
    return table


def name_list_gender(first: str | None) -> str | None:
    """"female" or "male" as the offline list gives ``first`` (any case, accents folded when the
    accented form is not listed: "María", "José"), None if not listed."""
    if not first:
        return None
    key = first.lower().strip(".")
    names = _first_names()
    if key in names:
        return names[key]
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", key) if not unicodedata.combining(ch))
    return names.get(folded)
