"""The one chain page → article → analysis: ``saidwhat.extract`` / ``saidwhat.analyze``."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import saidwhat
from saidwhat.deadline import Deadline
from saidwhat.errors import AnalysisTimeoutError
from saidwhat.schema import QUOTE_PART_SEPARATOR, AnalyzedArticle

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "harbor-bridge.html"


@pytest.fixture(scope="module")
def example() -> AnalyzedArticle:
    return saidwhat.analyze(str(EXAMPLE), timeout=120)


def test_quote_text_is_the_whole_quote(example: AnalyzedArticle) -> None:
    assert example.quotes
    for q in example.quotes:
        assert q.text == QUOTE_PART_SEPARATOR.join(example.span_text(s) for s in q.content)
    assert any(len(q.content) > 1 and QUOTE_PART_SEPARATOR in q.text for q in example.quotes)


def test_quote_text_is_filled_in_results_written_without_it(example: AnalyzedArticle) -> None:
    data = example.model_dump()
    for q in data["quotes"]:
        del q["text"]
    again = AnalyzedArticle.model_validate(data)
    assert [q.text for q in again.quotes] == [q.text for q in example.quotes]


def test_analyze_takes_a_name_a_page_or_an_article(example: AnalyzedArticle) -> None:
    article = saidwhat.extract(str(EXAMPLE))
    page = saidwhat.load(str(EXAMPLE))
    for source in (article, page):
        again = saidwhat.analyze(source)
        assert [(q.text, q.speaker.actor) for q in again.quotes] == [
            (q.text, q.speaker.actor) for q in example.quotes]


def test_timeout_stops_the_chain_between_steps() -> None:
    with pytest.raises(AnalysisTimeoutError) as info:
        saidwhat.analyze(str(EXAMPLE), timeout=1e-9)
    assert info.value.code == "SW302"
    assert info.value.input == str(EXAMPLE)


def test_a_deadline_past_raises_and_names_the_step() -> None:
    past = Deadline(at=time.monotonic() - 1.0, limit=5.0)
    with pytest.raises(AnalysisTimeoutError, match="stopped before stance"):
        past.check("stance", "x.html")
    Deadline.after(60).check("stance", "x.html")  # not past: no error
    with pytest.raises(ValueError):
        Deadline.after(0)
