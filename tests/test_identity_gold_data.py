"""The thirteenth train identity gold (tests/data/actor-identity-train13/) is complete and points at
real PolNeAR train text: every sourced attribution of its articles labelled once, its source words
where the gold says they are."""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "actor-identity-train13"
KINDS = {"person", "organization", "group", "anonymous", "document"}


def _rows(name: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line]


def test_every_attribution_is_labelled_once_with_a_kind_and_a_scoped_identity() -> None:
    rows = _rows("sources.jsonl")
    assert len(rows) == 836 and len({(r["id"], r["attribution"]) for r in rows}) == 836
    assert len({r["id"] for r in rows}) == 48
    for r in rows:
        assert r["kind"] in KINDS and r["identity"]
        ident = str(r["identity"])
        assert "#" not in ident or ident.startswith(f"{r['id']}#")  # scoped to its own article


def test_the_second_pass_labels_articles_of_the_first() -> None:
    first = {(r["id"], r["attribution"]) for r in _rows("sources.jsonl")}
    second = _rows("second_sources.jsonl")
    assert len(second) == 34 and all((r["id"], r["attribution"]) in first for r in second)


def test_source_words_lie_where_the_gold_says(shared: Path) -> None:
    texts = shared / "data" / "polnear" / "train" / "text"
    for r in _rows("sources.jsonl"):
        text = (texts / f"{r['id']}.txt").read_text(encoding="utf-8")
        start = int(r["source_start"])  # type: ignore[call-overload]
        first_word = str(r["source"]).split(" ")[0]
        assert text[start:start + len(first_word)] == first_word, r
