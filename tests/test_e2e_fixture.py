"""End to end on the hand-annotated fixture: page → article → analysis, scored against gold.json.

The scoring lives in benchmarks/fixture_eval.py so that the report and the test agree.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

import saidwhat
from saidwhat.schema import AnalyzedArticle

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from fixture_eval import score


@pytest.fixture(scope="module")
def gold(fixture_dir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((fixture_dir / "gold.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def from_page(fixture_dir: Path) -> AnalyzedArticle:
    return saidwhat.analyze(str(fixture_dir / "page.html"))


@pytest.fixture(scope="module")
def from_seed(fixture_dir: Path) -> AnalyzedArticle:
    return saidwhat.analyze(str(fixture_dir / "seed.txt"))


@pytest.mark.parametrize("which", ["from_page", "from_seed"])
def test_clean_text_keeps_paragraphs_and_drops_clutter(which: str, request: pytest.FixtureRequest,
                                                       gold: dict[str, Any]) -> None:
    report = score(request.getfixturevalue(which), gold)
    assert report["paragraphs_kept"] == report["paragraphs_total"] == 18
    assert report["clutter_leaked"] == []


def test_page_metadata(from_page: AnalyzedArticle, gold: dict[str, Any]) -> None:
    meta = gold["metadata"]
    assert from_page.title == meta["title"]
    assert from_page.outlet == meta["outlet"]
    assert from_page.published == meta["published"]
    assert from_page.language == meta["language"]


def test_seed_title_is_first_line(from_seed: AnalyzedArticle, fixture_dir: Path) -> None:
    first = (fixture_dir / "seed.txt").read_text(encoding="utf-8").splitlines()[0].strip()
    assert from_seed.title == first
    assert not from_seed.text.startswith(first)


@pytest.mark.parametrize("which", ["from_page", "from_seed"])
def test_quotes_and_speakers(which: str, request: pytest.FixtureRequest, gold: dict[str, Any]) -> None:
    report = score(request.getfixturevalue(which), gold)
    assert report["quotes_found"] >= 12, report["quotes_missed"]
    assert report["quotes_right_speaker"] >= 10, report["quote_details"]


def test_page_and_seed_agree_on_quotes(from_page: AnalyzedArticle, from_seed: AnalyzedArticle) -> None:
    def contents(a: AnalyzedArticle) -> set[str]:
        return {" ".join(a.span_text(s) for s in q.content) for q in a.quotes}

    shared = contents(from_page) & contents(from_seed)
    assert len(shared) >= 0.8 * max(len(contents(from_page)), len(contents(from_seed)))


@pytest.mark.parametrize("which", ["from_page", "from_seed"])
def test_every_span_points_into_the_text(which: str, request: pytest.FixtureRequest) -> None:
    a: AnalyzedArticle = request.getfixturevalue(which)
    n = len(a.text)
    spans = [s for q in a.quotes for s in (*q.content, *q.cue, *q.speaker.mention)]
    spans += [s for act in a.actors for s in act.mentions]
    assert spans
    for s, e in spans:
        assert 0 <= s < e <= n
    ids = {act.id for act in a.actors}
    assert all(q.speaker.actor is None or q.speaker.actor in ids for q in a.quotes)


@pytest.mark.parametrize("name", ["page.html", "seed.txt"])
def test_gold_stances_toward_the_report(name: str, fixture_dir: Path, gold: dict[str, Any]) -> None:
    """The six gold reactions (quoted and unquoted) come out with the right label, end to end."""
    a = saidwhat.analyze(str(fixture_dir / name), targets=["the UN report"])
    for g in gold["stances"]:
        want = g["actor"].lower()
        actors = [x for x in a.actors if want in x.name.lower() or x.name.lower() in want
                  or any(want == al.lower() for al in x.aliases)]
        labels = {x.stance["the UN report"].label for x in actors if "the UN report" in x.stance}
        assert g["label"] in labels, (g, [(x.name, x.stance) for x in actors])


@pytest.mark.parametrize("name", ["page.html", "seed.txt"])
def test_ohchr_is_the_reports_author_not_a_reactor(name: str, fixture_dir: Path) -> None:
    """The OHCHR issued the report: recorded as its author, with no reactor stance toward it."""
    a = saidwhat.analyze(str(fixture_dir / name), targets=["the UN report"])
    target = a.targets[0]
    ohchr = next(x for x in a.actors if "OHCHR" in x.aliases or "High Commissioner" in x.name)
    assert target.authors == [ohchr.id]
    assert "the UN report" not in ohchr.stance
    md = saidwhat_render(a)
    assert "Author: Office of the United Nations High Commissioner for Human Rights" in md
    table = md.split("### the UN report")[1].split("## Actors")[0]
    assert "| Office of the United Nations High Commissioner" not in table  # not a row of reactors


def saidwhat_render(a: AnalyzedArticle) -> str:
    from saidwhat.views.render import render

    return render([a], "markdown")
