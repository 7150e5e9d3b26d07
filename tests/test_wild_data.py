"""The project's own annotated pages (tests/data/wild/) are well formed and every span is real."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

WILD = Path(__file__).resolve().parent / "data" / "wild"
FRESH = WILD.parent / "wild-fresh"
FRESH2 = WILD.parent / "wild-fresh2"
FRESH3 = WILD.parent / "wild-fresh3"
FRESH4 = WILD.parent / "wild-fresh4"
PAGES = [p for d in (WILD, FRESH, FRESH2, FRESH3, FRESH4) for sub in ("pages", "second")
         for p in sorted((d / sub).glob("*.json"))]
KINDS = {"direct", "indirect", "mixed"}
TYPES = {"speech", "belief", "sourceless"}
ACTOR_KINDS = {"person", "organization", "group", "anonymous"}
PAGE_TYPES = {"news", "opinion", "review", "blog", "listing", "other"}


@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}/{p.stem}")
def test_page_is_valid(path: Path) -> None:
    page = json.loads(path.read_text(encoding="utf-8"))
    assert page["page_type"] in PAGE_TYPES
    assert page["text"].strip()
    for att in page["attributions"]:
        assert att["kind"] in KINDS and att["type"] in TYPES
        assert att["speaker"].strip() or att["type"] == "sourceless"
        for part in att["content"]:
            assert part and (part in page["text"] or part in page["title"]), part
    for actor in page["actors"]:
        assert actor["kind"] in ACTOR_KINDS and actor["name"].strip()


def test_splits_cover_every_page_once() -> None:
    splits = json.loads((WILD / "splits.json").read_text(encoding="utf-8"))
    ids = {p.stem for p in (WILD / "pages").glob("*.json")}
    parts = [set(v) for v in splits.values()]
    assert set().union(*parts) == ids
    assert sum(len(p) for p in parts) == len(ids)  # no page in two splits


def test_fresh_pages_are_none_of_the_other_sets(shared: Path) -> None:
    fresh = {p.stem for p in (FRESH / "pages").glob("*.json")}
    own = {p.stem for p in (WILD / "pages").glob("*.json")}
    dev_dir = shared / "data" / "wild" / "dev"
    dev = {json.loads(p.read_text(encoding="utf-8"))["id"] for p in dev_dir.glob("*.json")}
    assert dev, "wild-dev gold not found"
    fresh2 = {p.stem for p in (FRESH2 / "pages").glob("*.json")}
    fresh3 = {p.stem for p in (FRESH3 / "pages").glob("*.json")}
    fresh4 = {p.stem for p in (FRESH4 / "pages").glob("*.json")}
    assert len(fresh) == 16 and len(fresh2) == 16 and len(fresh3) == 21 and len(fresh4) == 15
    assert not fresh & own and not fresh & dev
    assert not fresh2 & (own | fresh | dev)
    assert not fresh3 & (own | fresh | fresh2 | dev)
    assert not fresh4 & (own | fresh | fresh2 | fresh3 | dev)
