"""The ``attributions`` command's output format and the evaluation path through the shared scorer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from saidwhat.analysis import analyze_text
from saidwhat.analysis.attribution import find_attributions
from saidwhat.analysis.nlp import get_nlp
from saidwhat.cli import main
from saidwhat.evaluate.polnear import load_split, read_ann
from saidwhat.evaluate.run import evaluate

TEXTS = {
    "harbour": "\u201cThe bridge will open in May,\u201d the mayor said on Friday.\n\n"
               "Critics said the project was \u201ca waste of money\u201d and should be stopped.\n",
    "empty": "",
    "plain": "The river rose by two metres overnight. Roads were closed.\n",
    "nyt": "''We cannot wait any longer,'' Ms. Ortiz said. ''The families need help now.''\n",
    "crlf": "Officials said on Monday that the plant would close.\r\n\r\nNo one was hurt.\r\n",
}


def _span_ok(text: str, spans: object) -> bool:
    assert isinstance(spans, list)
    for sp in spans:
        assert isinstance(sp, list) and len(sp) == 2
        s, e = sp
        assert isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)
    return True


def test_attributions_command_writes_format_lines(tmp_path: Path) -> None:
    src = tmp_path / "texts"
    src.mkdir()
    for name, text in TEXTS.items():
        with open(src / f"{name}.txt", "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    out = tmp_path / "pred.jsonl"
    assert main(["attributions", str(src), "-o", str(out), "--workers", "2"]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(TEXTS)
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == sorted(TEXTS)
    by_id = {r["id"]: r for r in records}
    assert by_id["empty"]["attributions"] == []
    for rid, rec in by_id.items():
        text = TEXTS[rid]
        for att in rec["attributions"]:
            assert set(att) >= {"content", "source", "cue", "kind", "speaker", "confidence"}
            assert att["content"] and _span_ok(text, att["content"])
            assert _span_ok(text, att["source"]) and _span_ok(text, att["cue"])
            assert att["kind"] in ("direct", "indirect", "mixed")
    # offsets index the file exactly, \r\n included
    crlf = by_id["crlf"]["attributions"]
    assert crlf and any("the plant would close" in TEXTS["crlf"][s:e] for s, e in crlf[0]["content"])
    harbour = by_id["harbour"]["attributions"]
    assert any(TEXTS["harbour"][s:e] == "the mayor" for a in harbour for s, e in a["source"])


def test_attributions_command_with_target_adds_stance(tmp_path: Path) -> None:
    src = tmp_path / "texts"
    src.mkdir()
    (src / "harbour.txt").write_text(TEXTS["harbour"], encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    assert main(["attributions", str(src), "-o", str(out), "--target", "the bridge"]) == 0
    rec = json.loads(out.read_text(encoding="utf-8"))
    assert rec["attributions"]
    for att in rec["attributions"]:
        assert set(att["stance"]) == {"the bridge"}
        assert att["stance"]["the bridge"] in ("support", "oppose", "neutral")


def test_pipeline_quotes_equal_the_extractor() -> None:
    text = TEXTS["harbour"] + TEXTS["nyt"]
    raw = find_attributions(get_nlp()(text))
    art = analyze_text(text)
    assert [(q.content, q.cue, q.kind) for q in art.quotes] == [(a.content, a.cue, a.kind) for a in raw]


def test_read_ann_joins_content2(tmp_path: Path) -> None:
    ann = tmp_path / "a_x.ann"
    ann.write_text("T1\tSource 0 2\tHe\nT2\tCue 3 7\tsaid\nT3\tContent 8 12\tyes.\nT4\tContent 20 25\tmore.\n"
                   "T5\tAttribution 3 7\tsaid\nE1\tAttribution:T5 Content:T3 Content2:T4 Cue:T2 Source:T1\n"
                   "E2\tAttribution:T5 Cue:T2\n", encoding="utf-8")
    atts = read_ann(ann)
    assert len(atts) == 1
    assert atts[0].content == [(8, 12), (20, 25)] and atts[0].source == [(0, 2)] and atts[0].cue == [(3, 7)]


@pytest.mark.slow
def test_polnear_smoke_through_the_shared_scorer(shared: Path, tmp_path: Path) -> None:
    """A few dev articles end to end; scores must parse and lie in [0, 1] (no quality floor here)."""
    split = shared / "data" / "polnear" / "dev"
    scorer = shared / "eval" / "score_attributions.py"
    if not split.is_dir() or not scorer.is_file():
        pytest.skip("PolNeAR dev or the scorer is not present")
    report = evaluate(split, str(scorer), workers=(1,), limit=3, output=str(tmp_path / "pred.jsonl"))
    assert report.scores["articles"] == 3
    for key in ("content", "content_exact", "who_said_what", "cue"):
        for part in ("p", "r", "f1"):
            assert 0.0 <= report.scores[key][part] <= 1.0
    assert 0.0 <= report.scores["source_accuracy"]["acc"] <= 1.0
    assert report.timings and report.timings[0].articles == 3
    lines = (tmp_path / "pred.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    ids = {aid for aid, _, _ in load_split(split)}
    assert all(json.loads(line)["id"] in ids for line in lines)


def test_batched_files_fail_one_by_one(tmp_path: Path) -> None:
    """Files parsed together (nlp.pipe) still keep one outcome each: a bad file fails alone."""
    from saidwhat.evaluate.run import predict

    good = tmp_path / "good.txt"
    good.write_text('"We will finish the bridge," the mayor said on Monday.\n', encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    records, failures = predict([str(missing), str(good), str(empty)], workers=1)
    assert [r["id"] for r in records] == ["missing", "good", "empty"]
    assert [f.input for f in failures] == [str(missing)]
    assert records[0]["attributions"] == [] and "error" in records[0]
    assert records[1]["attributions"] and records[2]["attributions"] == []
