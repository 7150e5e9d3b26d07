"""Read PolNeAR brat standoff files: the gold attributions of a split, for training and analysis.

The shared scorer has its own reader (and is the only judge); this one is for training and error
analysis, and follows the same conventions: the first ``ID_*.ann`` by name, ``Content2`` joins
``Content``, an event without content is skipped.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from saidwhat.schema import Span

_T_LINE = re.compile(r"(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_E_LINE = re.compile(r"(E\d+)\t(.*)")


@dataclass
class GoldAttribution:
    content: list[Span]
    cue: list[Span] = field(default_factory=list)
    source: list[Span] = field(default_factory=list)


def read_ann(path: str | Path) -> list[GoldAttribution]:
    """Attributions of one ``.ann`` file, in file order."""
    spans: dict[str, list[Span]] = {}
    events: list[list[str]] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for line in fh:
            t, e = _T_LINE.match(line), _E_LINE.match(line)
            if t:
                parts = [p.split() for p in t.group(3).split(";")]
                spans[t.group(1)] = [(int(a), int(b)) for a, b in parts]
            elif e:
                events.append(e.group(2).split())
    out = []
    for args in events:
        roles: dict[str, list[Span]] = {}
        for arg in args:
            role, tid = arg.split(":")
            roles.setdefault(role.rstrip("0123456789"), []).extend(spans.get(tid, []))
        if roles.get("Content"):
            out.append(GoldAttribution(content=sorted(roles["Content"]), cue=sorted(roles.get("Cue", [])),
                                       source=sorted(roles.get("Source", []))))
    return out


def load_split(split_dir: str | Path) -> list[tuple[str, str, list[GoldAttribution]]]:
    """``[(id, text, gold attributions)]`` for every ``text/ID.txt`` of a split, sorted by id."""
    split = Path(split_dir)
    ann_dir = split / "attributions"
    first: dict[str, str] = {}
    if ann_dir.is_dir():
        for name in sorted(os.listdir(ann_dir)):
            if name.endswith(".ann"):
                first.setdefault(name[:-4].rsplit("_", 1)[0], name)
    out = []
    for path in sorted((split / "text").glob("*.txt")):
        aid = path.stem
        with open(path, encoding="utf-8", newline="") as fh:
            text = fh.read()
        atts = read_ann(ann_dir / first[aid]) if aid in first else []
        out.append((aid, text, atts))
    return out
