"""The README's Python API snippet runs as written and prints whole quotes with their speakers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _block(kind: str) -> str:
    """The first ``kind`` code block of the README's Python API section."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1].split("\n## ", 1)[0]
    match = re.search(rf"```{kind}\n(.*?)```", section, re.DOTALL)
    assert match, f"the Python API section has a {kind} block"
    return match.group(1)


def test_python_api_snippet_prints_whole_quotes_with_speakers(monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(REPO)  # the snippet names examples/harbor-bridge.html relative to the repo
    namespace: dict[str, object] = {}
    exec(compile(_block("python"), "README.md", "exec"), namespace)  # noqa: S102 - the README's own snippet
    lines = capsys.readouterr().out.splitlines()
    result = namespace["result"]
    from saidwhat.schema import QUOTE_PART_SEPARATOR, AnalyzedArticle

    assert isinstance(result, AnalyzedArticle)
    assert len(lines) == len(result.quotes) >= 5
    for line, q in zip(lines, result.quotes, strict=True):
        speaker, _, said = line.partition(" → ")
        assert speaker != "?", line
        assert said == QUOTE_PART_SEPARATOR.join(result.span_text(s) for s in q.content)
    # a quote split around its cue prints both parts, not its first fragment
    assert any(QUOTE_PART_SEPARATOR in line for line in lines)
    shown = [line for line in _block("text").splitlines() if line != "…"]
    assert shown and all(line in lines for line in shown), "the README shows what the snippet prints"
