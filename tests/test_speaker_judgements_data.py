"""The speakers judged by hand (tests/data/speaker-judgements-train/) are well formed and point at
real PolNeAR train text."""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "speaker-judgements-train"


def _rows(name: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line]


def test_every_judgement_is_complete() -> None:
    rows = _rows("judgements.jsonl")
    assert len(rows) == 411 and len({r["id"] for r in rows}) == 411
    for r in rows:
        assert r["label"] in ("R", "W", "U") and r["tool_says"]
        assert 0 <= r["content_start"] < r["content_end"]  # type: ignore[operator]
        if r["label"] == "W":
            assert r["true_speaker"] and r["reason"]


def test_the_second_pass_judges_quotes_of_the_first_and_offsets_are_in_the_text(shared: Path) -> None:
    first = {r["id"]: r for r in _rows("judgements.jsonl")}
    second = _rows("second.jsonl")
    assert len(second) == 80 and all(r["id"] in first for r in second)
    texts = shared / "data" / "polnear" / "train" / "text"
    for r in first.values():
        text = (texts / f"{r['article']}.txt").read_text(encoding="utf-8")
        assert r["content_end"] <= len(text)  # type: ignore[operator]
