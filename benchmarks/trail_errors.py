"""Why trails.py's missed and false pairs happen: one line per pair with its cause.

Reads the JSON that ``benchmarks/trails.py`` prints and a SQLite store (the stored quotes'
words, kinds, speakers and trails), and names for each missed gold pair the first cause found:

    article not stored          the file was dropped at ingest (an exact duplicate of another)
    attribution not found       no stored quote covers half of the gold's quoted characters
    words below a threshold     the two stored quotes' words do not make one utterance by the rules
                                (a short excerpt, a low share, a quote stored without its marks
                                and so compared as a paraphrase), speakers aside
    speaker differs             the words would do, the two speakers in the analysis differ
    joinable, two trails        the two quotes match but sit in two trails: neither found the other
                                among its candidate trails (a quote matching two trails merges them)

and for each false pair the stored speakers and words that joined it.

    .venv/bin/python benchmarks/trails.py ... > out/trails-train.json
    .venv/bin/python benchmarks/trail_errors.py --db out/train.sqlite \\
        --split ../shared/data/polnear/train --result out/trails-train.json
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

from saidwhat.store import open_store
from saidwhat.store.utterance import Speaker, same_speaker, same_utterance, speaker, utterance

sys.path.insert(0, str(Path(__file__).resolve().parent))
from trails import Item, gold_items, match  # noqa: E402 - after the sys.path set-up

Row = dict[str, Any]


def _who(q: Row) -> Speaker | None:
    kind = q["actor_key"].split(":", 1)[0] if q["actor_key"] else None
    return speaker(q["speaker"], kind)


def _cause(qa: Row, qb: Row) -> str:
    ua, ub = utterance(qa["text"], qa["kind"]), utterance(qb["text"], qb["kind"])
    wa, wb = _who(qa), _who(qb)
    ss = same_speaker(wa, wb)
    unknown = wa is None or wb is None  # no speaker, or a description: fewer shared words do
    names = f"{qa['speaker']!r} / {qb['speaker']!r}"
    if same_utterance(ua, ub, same_speaker=True) == 0:
        unquoted = "; stored without quotation marks" if not (ua.quoted and ub.quoted) else ""
        return f"words below a threshold ({len(ua)} / {len(ub)} words{unquoted}" + \
            ("" if ss else f"; speakers also differ: {names}") + ")"
    if not ss and same_utterance(ua, ub, same_speaker=None if unknown else False) == 0:
        return f"speaker differs in the analysis ({names})"
    return f"joinable, two trails ({qa['trail']} / {qb['trail']}): never compared (not among the candidates)"


def explain(db: str, split: str, result: dict[str, Any]) -> list[str]:
    items = gold_items(split, 3)
    with open_store(db, create=False) as store:
        matched = match(items, store, "quoted")
    conn = sqlite3.connect(db)
    stems = {Path(s or "").stem for (s,) in conn.execute("select source from articles")}

    def row(item: Item) -> Row | None:
        ref = matched.get(item)
        if ref is None:
            return None
        q = conn.execute("select text, kind, speaker, actor_key, trail_id from quotes "
                         "where article_id = ? and quote_id = ?", ref).fetchone()
        return dict(zip(("text", "kind", "speaker", "actor_key", "trail"), q, strict=True))

    lines = []
    for kind in ("missed_pairs", "wrong_pairs"):
        for pair in result[kind]:
            a, b = ((p[0], int(p[1])) for p in pair)
            qa, qb = row(a), row(b)
            label = f"{kind.split('_')[0]} {a[0]}@{a[1]} ~ {b[0]}@{b[1]}"
            missing = [x for x, q in ((a, qa), (b, qb)) if q is None]
            if missing:
                x = missing[0]
                why = "article not stored" if x[0] not in stems else "attribution not found"
                lines.append(f"{label}: {why} ({x[0]}@{x[1]})")
            elif qa is not None and qb is not None:
                why = _cause(qa, qb) if kind == "missed_pairs" else \
                    f"joined: {qa['speaker']!r} {qa['text'][:60]!r} / {qb['speaker']!r} {qb['text'][:60]!r}"
                lines.append(f"{label}: {why}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="the SQLite store trails.py read")
    parser.add_argument("--split", required=True, help="the PolNeAR split folder")
    parser.add_argument("--result", required=True, help="trails.py's JSON output")
    args = parser.parse_args()
    result = json.loads(Path(args.result).read_text(encoding="utf-8"))
    print("\n".join(explain(args.db, args.split, result)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
