"""Build saidwhat's offline first-name list from the nomquamgender package's data (MIT licence).

    pip download --no-deps nomquamgender==0.1.4 -d out/nqg
    .venv/bin/python scripts/build_first_names.py out/nqg/nomquamgender-0.1.4-py3-none-any.whl

nomquamgender (Van Buskirk, Clauset and Larremore, 2023; https://github.com/ianvanbuskirk/nomquamgender)
ships ``name_data.json``: for each name, the number of data sources, the number of observations and
p(gf), how strongly the name is gendered female. We keep lower-case alphabetic names with at least
``MIN_COUNTS`` observations from at least ``MIN_SOURCES`` sources whose p(gf) is at most
``UNCERTAINTY`` (male) or at least 1 - ``UNCERTAINTY`` (female): the package's own default
classification threshold. Ambiguous names (Jean, Leslie, Pat) are left out, so they stay unknown.
Output: ``src/saidwhat/analysis/data/first_names.tsv.gz`` (``name<TAB>f|m``), byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "saidwhat" / "analysis" / "data" / "first_names.tsv.gz"
#: nomquamgender's default: names with p(gf) in (0.1, 0.9) are not classified
UNCERTAINTY = 0.1
#: enough observations to trust p(gf); keeps the file small (42,617 names, 116 KB)
MIN_COUNTS = 100
MIN_SOURCES = 2
_NAME = re.compile(r"[a-z][a-z'-]*[a-z]")


def load(path: Path) -> dict[str, list[float]]:
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as zf:
            data: dict[str, list[float]] = json.loads(zf.read("nomquamgender/name_data.json"))
            return data
    loaded: dict[str, list[float]] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def rows(data: dict[str, list[float]]) -> list[tuple[str, str]]:
    out = []
    for name, info in data.items():
        sources, counts, pgf = info[0], info[1], info[2]
        if not _NAME.fullmatch(name) or counts < MIN_COUNTS or sources < MIN_SOURCES:
            continue
        if pgf <= UNCERTAINTY:
            out.append((name, "m"))
        elif pgf >= 1 - UNCERTAINTY:
            out.append((name, "f"))
    return sorted(out)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("source", type=Path, help="the nomquamgender wheel, or its name_data.json")
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    table = rows(load(args.source))
    body = "".join(f"{n}\t{g}\n" for n, g in table).encode("utf-8")
    args.out.write_bytes(gzip.compress(body, compresslevel=9, mtime=0))
    print(f"{args.out}: {len(table)} names")


if __name__ == "__main__":
    main()
