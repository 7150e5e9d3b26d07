"""The project's own annotated pages (tests/data/wild/) are well formed and every span is real."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

WILD = Path(__file__).resolve().parent / "data" / "wild"
PAGES = sorted((WILD / "pages").glob("*.json")) + sorted((WILD / "second").glob("*.json"))
KINDS = {"direct", "indirect", "mixed"}
TYPES = {"speech", "belief", "sourceless"}
ACTOR_KINDS = {"person", "organization", "group", "anonymous"}
PAGE_TYPES = {"news", "opinion", "review", "blog", "listing", "other"}


@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
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
    assert set(splits["train"]) | set(splits["heldout"]) == ids
    assert not set(splits["train"]) & set(splits["heldout"])
