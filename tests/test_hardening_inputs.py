"""Issue 13's reproductions, each now a clean error or a bounded result (the adversarial corpus
in ``tests/adversarial.py``), and the smaller defects: file names that are not UTF-8, formula
cells in CSV exports, dates that are not dates, names that imitate others."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from adversarial import CASES, PROSE, Case
from saidwhat.chain import analyze
from saidwhat.cli import main
from saidwhat.errors import SaidwhatError
from saidwhat.sanitize import CONTROL_CHARS, display_name, mixed_scripts, spreadsheet_cell
from saidwhat.store import open_store

#: Seconds each case may take through the chain's own deadline (generous: a shared, loaded machine).
CASE_TIMEOUT = 300.0


def _run(case: Case, tmp_path: Path) -> tuple[str, object]:
    path = tmp_path / f"{case.name}{case.suffix}"
    path.write_bytes(case.build())
    try:
        return "analysed", analyze(str(path), timeout=CASE_TIMEOUT)
    except SaidwhatError as exc:
        assert exc.input == str(path), "the error names the input"
        return exc.code, exc


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name) for c in CASES if not c.slow])
def test_adversarial_input_gives_a_clean_outcome(case: Case, tmp_path: Path) -> None:
    outcome, value = _run(case, tmp_path)
    assert outcome in case.expect.split("|"), f"{case.name}: {outcome} ({value}); expected {case.expect}"
    if outcome == "analysed":
        text = value.text  # type: ignore[attr-defined]
        assert not CONTROL_CHARS.search(text) and text.encode("utf-8")
        json.loads(value.model_dump_json())  # type: ignore[attr-defined]


def test_a_million_characters_are_analysed_within_a_gigabyte(tmp_path: Path) -> None:
    """The analysis cap is a million characters: such a text is analysed (in windows), by the
    command, in a process whose peak memory stays under 1 GB (it was 3.4 GB in spaCy alone)."""
    case = next(c for c in CASES if c.name == "one-million-characters")
    path = tmp_path / "million.txt"
    path.write_bytes(case.build())
    assert len(path.read_text(encoding="utf-8")) == 1_000_000
    command = [str(Path(sys.executable).parent / "saidwhat"), "analyze", str(path), "--format", "jsonl",
               "-o", str(tmp_path / "out.jsonl")]
    with open(tmp_path / "stderr.txt", "wb") as err:
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak memory
    assert os.waitstatus_to_exitcode(status) == 0, (tmp_path / "stderr.txt").read_text()[-1000:]
    assert usage.ru_maxrss < 1024 * 1024, f"peak RSS {usage.ru_maxrss // 1024} MB"
    result = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert len(result["text"]) > 990_000 and len(result["quotes"]) >= 16


def test_padded_title_keeps_the_quote(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == "form-feed-title-article")
    _, result = _run(case, tmp_path)
    assert result.title.startswith("Headline") and result.title.endswith("x")  # type: ignore[attr-defined]
    quotes = [q.text for q in result.quotes]  # type: ignore[attr-defined]
    assert any("We will fight," in q for q in quotes), quotes


def test_nul_deep_in_a_file_is_a_space_in_the_article(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == "nul-after-64k")
    _, result = _run(case, tmp_path)
    assert "\x00" not in result.text and result.quotes  # type: ignore[attr-defined]


def test_homoglyph_speaker_is_flagged_where_names_are_shown(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == "homoglyph-speaker")
    _, result = _run(case, tmp_path)
    names = [a.name for a in result.actors]  # type: ignore[attr-defined]
    fake = [n for n in names if mixed_scripts(n)]
    assert fake and all("mith" in n for n in fake)
    from saidwhat.views.render import render

    report = render([result], "markdown")  # type: ignore[list-item]
    assert "mixed scripts: Cyrillic, Latin" in report
    assert not mixed_scripts("Ann Lee") and not mixed_scripts("Владимир Путин")


# --- file names that are not UTF-8 --------------------------------------------------------------

@pytest.fixture
def odd_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "good.txt").write_text("Harbour plan\n\n" + PROSE, encoding="utf-8")
    bad = os.fsencode(folder) + b"/caf\xe9-\xff.txt"  # Latin-1 bytes: not UTF-8
    with open(bad, "wb") as fh:
        fh.write(("Bridge plan\n\n" + PROSE.replace("harbour", "bridge")).encode())
    return folder


def test_analyze_names_a_non_utf8_file_in_valid_json(odd_folder: Path, tmp_path: Path) -> None:
    bad = next(p for p in os.listdir(odd_folder) if p != "good.txt")
    out = tmp_path / "out.jsonl"
    assert main(["analyze", str(odd_folder / bad), "--format", "jsonl", "-o", str(out)]) == 0
    raw = out.read_bytes()
    record = json.loads(raw.decode("utf-8"))  # strict UTF-8: no surrogate escapes written
    assert record["source"].endswith("caf\\xe9-\\xff.txt")


def test_ingest_of_a_folder_with_a_non_utf8_name_stores_both_and_reruns(odd_folder: Path,
                                                                         tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    for _ in range(2):  # the rerun asks the store about the same names
        code = main(["ingest", str(odd_folder), "--db", str(db), "--quiet"])
        assert code == 0
    with open_store(str(db)) as store:
        assert store.stats()["articles"] == 2
        assert not store.failures().items
    assert display_name(os.fsdecode(b"caf\xe9")) == "caf\\xe9"


# --- ingest records every input error -----------------------------------------------------------

def test_jsonl_edge_cases_are_recorded_failures_or_clean_values(tmp_path: Path) -> None:
    lines = [
        {"url": "https://a.example/1", "text": "Harbour plan\n\n" + PROSE, "published": "2024-13-45",
         "title": "A title with a NUL \x00 in it", "outlet": "Outlet\x1b[31m"},
        {"url": "https://a.example/2", "text": "Bridge plan\n\n" + PROSE.replace("harbour", "bridge"),
         "published": "0000-00-00"},
        {"url": "https://a.example/\x00bad", "text": PROSE},
    ]
    path = tmp_path / "in.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for obj in lines:
            fh.write(json.dumps(obj) + "\n")
        fh.write("[" * 100_000 + "\n")  # nested deeper than the JSON parser's stack
        fh.write('{"text": "' + "x" * 10 + "\n")  # not JSON
    db = tmp_path / "store.sqlite"
    main(["ingest", str(path), "--db", str(db), "--quiet"])
    with open_store(str(db)) as store:
        articles = [a for _, a in store.iter_articles()]
        failures = store.failures().items
    assert {a.url for a in articles} == {"https://a.example/1", "https://a.example/2"}
    assert all(a.published is None for a in articles), "dates that are not dates are not stored"
    first = next(a for a in articles if a.url.endswith("/1"))
    assert "\x00" not in (first.title or "") and "\x1b" not in (first.outlet or "")
    codes = sorted(f.code for f in failures)
    assert codes == ["SW100", "SW100", "SW203"], failures


# --- exports ------------------------------------------------------------------------------------

def test_cli_csv_export_defuses_formulas(tmp_path: Path) -> None:
    from webcorpus import hostile_article

    article = hostile_article()
    quote = article.quotes[0]
    article.text = article.text  # the hostile article's quotes start with payloads; add formula ones
    db = tmp_path / "store.sqlite"
    with open_store(str(db)) as store:
        store.add_article(article.model_copy(update={"title": "=HYPERLINK(\"http://evil.example\",\"x\")",
                                                     "outlet": "-2+3"}))
    out = tmp_path / "quotes.csv"
    assert main(["export", "--db", str(db), "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    cells = [v for row in rows for v in row.values() if v]
    assert rows and quote.id
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")], cells
    assert "'=HYPERLINK(\"http://evil.example\",\"x\")" in cells or "'-2+3" in cells
    assert spreadsheet_cell(-2) == -2 and spreadsheet_cell("@SUM(A1)") == "'@SUM(A1)"


def test_cli_reports_a_malformed_url_as_an_input_error(capsys: pytest.CaptureFixture[str]) -> None:
    for url in ("http://", "http://a b/", "http://[::1/"):
        assert main(["analyze", url]) == 1
        err = capsys.readouterr().err
        assert "SW203" in err and "Traceback" not in err and "unexpected" not in err


def test_no_traceback_for_a_hostile_file_via_the_command(tmp_path: Path) -> None:
    """The real command (a new process) on every fast adversarial case: one-line errors only."""
    cases = [c for c in CASES if not c.slow and not c.heavy and "|" not in c.expect]
    paths = []
    for case in cases:
        path = tmp_path / f"{case.name}{case.suffix}"
        path.write_bytes(case.build())
        paths.append(str(path))
    command = str(Path(sys.executable).parent / "saidwhat")
    proc = subprocess.run([command, "analyze", "--keep-going", "--timeout", "300", "--format", "jsonl",
                           "-o", str(tmp_path / "out.jsonl"), *paths], capture_output=True, text=True,
                          timeout=1800)
    assert proc.returncode == 1  # some cases are refused, by design
    assert "Traceback" not in proc.stderr and "unexpected" not in proc.stderr, proc.stderr[-2000:]
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == sum(1 for c in cases if c.expect == "analysed")
    for case in cases:
        if case.expect != "analysed":
            assert f"[{case.expect}]" in proc.stderr


def test_a_long_broken_json_ld_block_is_left_out_and_a_valid_one_kept() -> None:
    from lxml.html import fromstring

    from saidwhat.article.metadata import MAX_BROKEN_JSONLD_CHARS, drop_broken_jsonld, read_head

    broken = '{"@type":"NewsArticle","author":' * (MAX_BROKEN_JSONLD_CHARS // 20)
    valid = json.dumps({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Ada Lind"},
                        "articleBody": "word " * MAX_BROKEN_JSONLD_CHARS})
    short_broken = '{"@type": "NewsArticle", "author": "Bo'
    tree = fromstring(f'<html><head><script type="application/ld+json">{broken}</script>'
                      f'<script type="application/ld+json">{valid}</script>'
                      f'<script type="application/ld+json">{short_broken}</script></head>'
                      "<body><p>Text.</p></body></html>")
    assert drop_broken_jsonld(tree) == 1
    left = [s.text for s in tree.xpath('//script[@type="application/ld+json"]')]
    assert left == [valid, short_broken]  # the valid block and the short broken one stay
    assert read_head(tree).authors == ["Ada Lind"]
