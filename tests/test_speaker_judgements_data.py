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


SECOND_ROUND = DATA.parent / "speaker-judgements-train2"


def test_the_second_round_is_complete_split_by_article_and_apart_from_the_first(shared: Path) -> None:
    rows = [json.loads(line) for line in (SECOND_ROUND / "judgements.jsonl").read_text("utf-8").splitlines()]
    assert len(rows) == 430 and len({r["id"] for r in rows}) == 430
    halves: dict[str, str] = {}
    for r in rows:
        assert r["label"] in ("R", "W", "U") and r["half"] in ("development", "held-back")
        assert halves.setdefault(r["article"], r["half"]) == r["half"]  # one half per article
        if r["label"] == "W":
            assert r["true_speaker"] and r["reason"]
    assert not set(halves) & {r["article"] for r in _rows("judgements.jsonl")}
    second = [json.loads(line) for line in (SECOND_ROUND / "second.jsonl").read_text("utf-8").splitlines()]
    ids = {r["id"] for r in rows}
    assert len(second) == 80 and all(r["id"] in ids for r in second)
    texts = shared / "data" / "polnear" / "train" / "text"
    for r in rows:
        text = (texts / f"{r['article']}.txt").read_text(encoding="utf-8")
        assert 0 <= r["content_start"] < r["content_end"] <= len(text)


def _round(name: str, file: str) -> list[dict[str, object]]:
    path = DATA.parent / name / file
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]


def test_the_pronoun_and_description_rounds_are_complete_and_split_by_article(shared: Path) -> None:
    texts = shared / "data" / "polnear" / "train" / "text"
    for name in ("speaker-judgements-train3", "speaker-judgements-train4", "speaker-judgements-train5",
                 "speaker-judgements-train6"):
        rows = _round(name, "judgements.jsonl")
        assert len(rows) == 400 and len({r["id"] for r in rows}) == 400
        halves: dict[object, object] = {}
        for r in rows:
            assert r["label"] in ("R", "W", "U") and r["half"] in ("development", "held-back")
            assert halves.setdefault(r["article"], r["half"]) == r["half"]
            assert r["label"] != "W" or (r["true_speaker"] and r["reason"])
            text = (texts / f"{r['article']}.txt").read_text(encoding="utf-8")
            assert 0 <= r["content_start"] < r["content_end"] <= len(text)  # type: ignore[operator]
        second = _round(name, "second.jsonl")
        assert len(second) == 60 and {r["id"] for r in second} <= {r["id"] for r in rows}


def test_the_fourth_round_judges_no_quote_an_earlier_round_judged() -> None:
    earlier = {(r["article"], r["content_start"]) for n in ("", "2", "3")
               for r in _round(f"speaker-judgements-train{n}", "judgements.jsonl")}
    rows = _round("speaker-judgements-train4", "judgements.jsonl")
    fourth = {(r["article"], r["content_start"]) for r in rows}
    assert len(fourth) == 400 and not fourth & earlier


def test_the_fifth_round_judges_no_quote_an_earlier_round_judged() -> None:
    earlier = {(r["article"], r["content_start"]) for n in ("", "2", "3", "4")
               for r in _round(f"speaker-judgements-train{n}", "judgements.jsonl")}
    rows = _round("speaker-judgements-train5", "judgements.jsonl")
    fifth = {(r["article"], r["content_start"]) for r in rows}
    assert len(fifth) == 400 and not fifth & earlier


def test_the_sixth_round_judges_no_quote_an_earlier_round_judged() -> None:
    earlier = {(r["article"], r["content_start"]) for n in ("", "2", "3", "4", "5")
               for r in _round(f"speaker-judgements-train{n}", "judgements.jsonl")}
    rows = _round("speaker-judgements-train6", "judgements.jsonl")
    sixth = {(r["article"], r["content_start"]) for r in rows}
    assert len(sixth) == 400 and not sixth & earlier


def test_the_seventh_round_is_complete_split_by_article_and_new(shared: Path) -> None:
    texts = shared / "data" / "polnear" / "train" / "text"
    rows = _round("speaker-judgements-train7", "judgements.jsonl")
    assert len(rows) == 162 and len({r["id"] for r in rows}) == 162
    halves: dict[object, object] = {}
    for r in rows:
        assert r["label"] in ("R", "W", "U") and r["half"] in ("development", "held-back")
        assert halves.setdefault(r["article"], r["half"]) == r["half"]
        assert r["label"] != "W" or (r["true_speaker"] and r["reason"])
        text = (texts / f"{r['article']}.txt").read_text(encoding="utf-8")
        assert 0 <= r["content_start"] < r["content_end"] <= len(text)  # type: ignore[operator]
    second = _round("speaker-judgements-train7", "second.jsonl")
    assert len(second) == 30 and {r["id"] for r in second} <= {r["id"] for r in rows}
    earlier = {(r["article"], r["content_start"]) for n in ("", "2", "3", "4", "5", "6")
               for r in _round(f"speaker-judgements-train{n}", "judgements.jsonl")}
    assert not {(r["article"], r["content_start"]) for r in rows} & earlier


def test_the_eighth_round_is_complete_split_by_article_and_new(shared: Path) -> None:
    texts = shared / "data" / "polnear" / "train" / "text"
    rows = _round("speaker-judgements-train8", "judgements.jsonl")
    assert len(rows) == 300 and len({r["id"] for r in rows}) == 300
    halves: dict[object, object] = {}
    for r in rows:
        assert r["label"] in ("R", "W", "U") and r["half"] in ("development", "held-back")
        assert halves.setdefault(r["article"], r["half"]) == r["half"]
        assert r["label"] != "W" or (r["true_speaker"] and r["reason"])
        text = (texts / f"{r['article']}.txt").read_text(encoding="utf-8")
        assert 0 <= r["content_start"] < r["content_end"] <= len(text)  # type: ignore[operator]
    second = _round("speaker-judgements-train8", "second.jsonl")
    assert len(second) == 50 and {r["id"] for r in second} <= {r["id"] for r in rows}
    earlier = {(r["article"], r["content_start"]) for n in ("", "2", "3", "4", "5", "6", "7")
               for r in _round(f"speaker-judgements-train{n}", "judgements.jsonl")}
    assert not {(r["article"], r["content_start"]) for r in rows} & earlier


def test_a_fuller_name_of_the_judged_speaker_is_the_same_speaker() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from speaker_judgements import same_person

    assert same_person("Carly Fiorina", "Fiorina") and same_person("Sean Hannity", "Mr. Hannity")
    assert not same_person("Donald Trump Jr.", "Donald Trump") and not same_person("Eric Trump", "Donald Trump")
    assert not same_person(None, "Fiorina") and not same_person("Anne Marie Murphy", "Chris Murphy")
