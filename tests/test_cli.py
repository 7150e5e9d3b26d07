"""The thin CLI over the stages: formats, batches, failures and exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from saidwhat.cli import main
from saidwhat.errors import MissingInputError
from saidwhat.runner import run_batch
from saidwhat.schema import AnalyzedArticle, Quote, Speaker
from saidwhat.views.render import render, render_markdown

STORY = """Council approves new library budget

The city council approved the new library budget on Tuesday after a long debate.

"This is a good day for every reader in this town," Mayor Alice Brandt said after the vote.

Opposition leader Tom Reyes said the plan would leave the parks without money next year.
"""


@pytest.fixture()
def story(tmp_path: Path) -> Path:
    p = tmp_path / "story.txt"
    p.write_text(STORY, encoding="utf-8")
    return p


def test_analyze_json_single_object(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(story), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "Council approves new library budget"
    assert data["schema_version"] == "1"
    text = data["text"]
    said = [(q, " ".join(text[s:e] for s, e in q["content"])) for q in data["quotes"]]
    direct = [q for q, content in said if "good day for every reader" in content]
    assert len(direct) == 1 and direct[0]["kind"] == "direct"
    speaker = next(a for a in data["actors"] if a["id"] == direct[0]["speaker"]["actor"])
    assert "Brandt" in speaker["name"]


def test_keep_going_lists_failures_and_exits_nonzero(story: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.html"
    code = main(["analyze", str(missing), str(story), "--format", "jsonl", "--keep-going"])
    out, err = capsys.readouterr()
    assert code == 1
    lines = [json.loads(x) for x in out.splitlines()]
    assert len(lines) == 1 and lines[0]["title"].startswith("Council")
    assert str(missing) in err and "SW101" in err


def test_without_keep_going_stops_at_first_failure(story: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["extract", str(tmp_path / "nope.txt"), str(story), "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "nope.txt" in err


def test_output_file_is_written_whole(story: Path, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "out.json"
    assert main(["extract", str(story), "--output", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["title"].startswith("Council")
    assert [p.name for p in out.parent.iterdir()] == ["out.json"]


def test_two_workers_same_result_in_order(story: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.txt"
    other.write_text(STORY.replace("library", "harbour"), encoding="utf-8")
    assert main(["extract", str(story), str(other), "--format", "jsonl", "--workers", "2"]) == 0
    titles = [json.loads(x)["title"] for x in capsys.readouterr().out.splitlines()]
    assert titles == ["Council approves new library budget", "Council approves new harbour budget"]


def _fail_on_b(item: str) -> str:
    if item == "b":
        raise MissingInputError("gone", input=item)
    return item.upper()


def test_run_batch_keeps_going_and_records_failures() -> None:
    outs = list(run_batch(_fail_on_b, ["a", "b", "c"], keep_going=True))
    assert [o.value for o in outs] == ["A", None, "C"]
    assert outs[1].error is not None and outs[1].error.input == "b"
    assert [o.input for o in run_batch(_fail_on_b, ["a", "b", "c"], keep_going=False)] == ["a", "b"]


def test_markdown_makes_hostile_text_inert() -> None:
    text = 'He said "<script>alert(1)</script> | [x](javascript:alert(1))" loudly.'
    s = text.index("<script>")
    art = AnalyzedArticle(title="<img src=x onerror=alert(1)>", text=text,
                          quotes=[Quote(id="q1", kind="direct", content=[(s, s + 50)], speaker=Speaker())])
    md = render_markdown(art)
    assert not re.search(r"(?<!\\)[<>\[\]|]", md.split("## Quotes")[1]), "markup must be escaped"
    assert not re.search(r"(?<!\\)<", md), "no raw HTML anywhere"
    assert "\\<script\\>" in md


def test_render_json_many_is_array() -> None:
    arts = [AnalyzedArticle(text="a"), AnalyzedArticle(text="b")]
    assert [x["text"] for x in json.loads(render(arts, "json"))] == ["a", "b"]


def test_errors_pickle_whole() -> None:
    import pickle

    from saidwhat.errors import SaidwhatError

    err = pickle.loads(pickle.dumps(MissingInputError("gone", input="a.html")))
    assert type(err) is MissingInputError and err.input == "a.html" and err.code == "SW101"
    odd = SaidwhatError("x", input="b")
    odd.code = "SW999"
    assert pickle.loads(pickle.dumps(odd)).code == "SW999"


def test_run_batch_in_worker_processes_keeps_order_and_errors() -> None:
    outs = list(run_batch(_fail_on_b, ["a", "b", "c", "d"], workers=2, keep_going=True))
    assert [o.input for o in outs] == ["a", "b", "c", "d"]
    assert [o.value for o in outs] == ["A", None, "C", "D"]
    err = outs[1].error
    assert isinstance(err, MissingInputError) and err.input == "b"


@pytest.mark.parametrize("argv", [["quotes", "--since", "2026-13"],
                                  ["reactions", "--target", "x", "--until", "2016-13-45"],
                                  ["ingest", "some-folder", "--since", "2026-02-30"]])
def test_bad_date_filters_are_refused(argv: list[str], tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([*argv, "--db", str(tmp_path / "s.sqlite")])
    assert info.value.code == 2
    assert "not a real date" in capsys.readouterr().err


def test_quoted_words_are_shown_in_one_pair_of_quotation_marks() -> None:
    """A direct quote carries its own marks; the reactions table, the markdown report and the web's
    ``<q>`` add theirs, so the quote's outer pair goes (its inner ones stay)."""
    from saidwhat.views.render import quoted, unquoted

    assert quoted("“It is unfair,” … “It must go”") == "“It is unfair,” … “It must go”"
    assert quoted('"Wrong," she said') == '“"Wrong," she said”'  # not a pair around the whole
    assert quoted("the toll was essential") == "“the toll was essential”"
    assert unquoted("“She better get well,”") == "She better get well,"
    assert unquoted("“") == "“"
