"""Inputs met in the wild: gzip-compressed pages, stray NUL bytes, other languages, lines broken
inside a sentence; and batches that stream JSON Lines (a killed run keeps what it wrote) with
progress on stderr. Every input here is made up for the test."""

from __future__ import annotations

import gzip
import http.server
import importlib
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from saidwhat.article import extract_article
from saidwhat.article.clutter import clutter_rule
from saidwhat.article.linebreaks import join_broken_lines
from saidwhat.chain import analyze, extract
from saidwhat.cli import main
from saidwhat.errors import BinaryInputError, InputTooLargeError, UnsupportedLanguageError
from saidwhat.page import load, page_from_bytes, page_from_text
from saidwhat.page.compressed import gunzip_bounded

load_mod = importlib.import_module("saidwhat.page.load")  # the module, which the function shadows
SAIDWHAT = str(Path(sys.executable).with_name("saidwhat"))

PARAGRAPHS = [
    "The harbour council approved the new bridge plan on Monday after a debate that lasted six hours.",
    "Opponents said the plan would raise local taxes, and promised to keep campaigning against it.",
    "Work on the bridge is due to start in the spring and to take about three years to finish.",
]


def _html(body: str, *, lang: str = "en", title: str = "Bridge plan approved") -> str:
    return (f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><article><h1>{title}</h1>{body}</article></body></html>")


PAGE = _html("".join(f"<p>{p}</p>" for p in PARAGRAPHS))


# --- gzip-compressed input ---------------------------------------------------------------------

def test_gz_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(PAGE.encode()))
    page = load(str(path))
    assert page.kind == "html" and page.meta["compression"] == "gzip"
    assert extract(str(path)).text == "\n\n".join(PARAGRAPHS)


def test_gz_on_stdin_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(gzip.compress(PAGE.encode()))))
    assert load("-").content == PAGE


def test_gz_of_several_members_is_read_whole() -> None:
    data = gzip.compress(PAGE[:100].encode()) + gzip.compress(PAGE[100:].encode())
    assert page_from_bytes(data, "two.gz").content == PAGE


@pytest.fixture(scope="module")
def gz_server() -> Iterator[str]:
    """A loopback server with a .gz file served as a file (no Content-Encoding)."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            body = gzip.compress(PAGE.encode())
            self.send_response(200)
            self.send_header("Content-Type", "application/gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/page.html.gz"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_gz_url_is_read(gz_server: str) -> None:
    page = load(gz_server, allowed_addresses=["127.0.0.1"])
    assert page.content == PAGE and page.meta["compression"] == "gzip"


def _bomb(members: int, member_bytes: int) -> bytes:
    """``members`` gzip members of ``member_bytes`` zero bytes each: a few KB per 10 MB."""
    return gzip.compress(b"\0" * member_bytes) * members


def test_gz_bomb_stops_at_the_cap_while_decompressing(monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:
    monkeypatch.setattr(load_mod, "MAX_INPUT_BYTES", 1_000_000)
    bomb = _bomb(100, 10_000_000)  # 1 GB once decompressed, about 1 MB on disk
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(bomb)
    tracemalloc.start()
    try:
        with pytest.raises(InputTooLargeError, match="1000000-byte limit once decompressed") as err:
            load(str(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert err.value.input == str(path)
    assert peak < 8_000_000, f"{peak} bytes held while refusing a 1 GB bomb"


def test_gunzip_refuses_past_its_cap() -> None:
    with pytest.raises(InputTooLargeError):
        gunzip_bounded(_bomb(3, 5_000_000), "x", 10_000_000)


@pytest.mark.parametrize("data, why", [
    (gzip.compress(PAGE.encode())[:40], "truncated"),
    (b"\x1f\x8b\x08\x00" + b"not deflate data at all" * 3, "cannot be decompressed"),
    (gzip.compress(gzip.compress(PAGE.encode())), "gzip-compressed data, not HTML"),
])
def test_bad_gz_is_a_clear_error(data: bytes, why: str) -> None:
    with pytest.raises(BinaryInputError, match=why) as err:
        page_from_bytes(data, "bad.gz")
    assert err.value.input == "bad.gz"


# --- NUL bytes and control characters ----------------------------------------------------------

def test_a_few_nul_bytes_do_not_make_a_page_binary(tmp_path: Path) -> None:
    padding = "<!-- " + "x" * 70_000 + " -->"  # the last NUL lies past the first 64K characters
    html = PAGE.replace("<head>", "<head>\0").replace("Monday", "Mon\0day")
    html = html.replace("</html>", padding + "\0</html>")
    path = tmp_path / "nul.html"
    path.write_bytes(html.encode())
    page = load(str(path))
    assert "\0" not in page.content and len(page.content) == len(html) - 3
    article = extract(str(path))
    assert "\0" not in article.text and "on Monday after" in article.text


def test_nul_in_utf16_text_is_removed() -> None:
    data = "\ufeffTitle\n\nThe council met on Monday\0 and approved the plan.".encode("utf-16")
    content = page_from_bytes(data, "u16.txt").content
    assert content == "Title\n\nThe council met on Monday and approved the plan."


def test_control_characters_are_removed_across_the_whole_text() -> None:
    text = "Title\n\n" + "The council met. " * 5000 + "\x1b[31mred\x1b[0m and \x07 a bell\x85."
    content = page_from_bytes(text.encode(), "ctl.txt").content
    assert not any(c in content for c in "\x1b\x07\x85") and content.endswith("[31mred[0m and  a bell.")


def test_mostly_nul_data_is_still_binary() -> None:
    with pytest.raises(BinaryInputError, match="NUL") as err:
        page_from_bytes(b"<html>" + b"\0\1\2\0" * 100 + b"</html>", "blob.html")
    assert err.value.input == "blob.html"


# --- any language is extracted; only analysis needs English -----------------------------------

GERMAN = ["Der Stadtrat hat am Montag den neuen Plan für die Brücke nach einer langen Debatte beschlossen.",
          "Die Gegner sagten, der Plan werde die Steuern erhöhen, und kündigten weiteren Widerstand an.",
          "Die Arbeiten an der Brücke sollen im Frühjahr beginnen und etwa drei Jahre dauern."]


def test_extract_reads_any_language_and_records_it(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "de.html"
    body = "".join(f"<p>{p}</p>" for p in GERMAN)
    path.write_text(_html(body, lang="de", title="Brückenplan"), encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["language"] == "de" and record["text"] == "\n\n".join(GERMAN)


def test_english_is_recorded_too() -> None:
    assert extract_article(page_from_text(PAGE, "en.html")).language == "en"


def test_analyze_refuses_another_language_by_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "de.txt"
    path.write_text("Brückenplan\n\n" + "\n\n".join(GERMAN), encoding="utf-8")
    with pytest.raises(UnsupportedLanguageError, match=r"German \(de\)"):
        analyze(str(path))
    assert main(["analyze", str(path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "German (de)" in err[0] and "SW105" in err[0] and str(path) in err[0]


# --- hard line breaks inside a sentence ---------------------------------------------------------

def test_br_inside_a_sentence_is_not_a_paragraph_break() -> None:
    body = ("<p>The harbour council approved the new bridge plan<br>on Monday, after a debate<br/>"
            "that lasted six hours.</p><p>Opponents said the plan would raise local taxes.<br>"
            "They promised to keep campaigning against it.</p>")
    text = extract_article(page_from_text(_html(body), "br.html")).text
    assert text.split("\n\n") == [
        "The harbour council approved the new bridge plan on Monday, after a debate that lasted six hours.",
        "Opponents said the plan would raise local taxes.",
        "They promised to keep campaigning against it.",
    ]


def test_text_broken_by_hand_is_joined_within_a_block() -> None:
    text = ("Bridge plan approved\n\nThe harbour council approved the new\nbridge plan on Monday.\n"
            "Opponents objected.\n\nwork starts in spring, the council said, and will take three years.")
    paragraphs = extract_article(page_from_text(text, "t.txt")).text.split("\n\n")
    assert paragraphs == ["The harbour council approved the new bridge plan on Monday.",
                          "Opponents objected.",
                          "work starts in spring, the council said, and will take three years."]


@pytest.mark.parametrize("lines, joined", [
    (["the plan", "would go ahead."], ["the plan would go ahead."]),
    (["the plan,", "which was approved, went ahead."], ["the plan, which was approved, went ahead."]),
    (["It went ahead.", "then it stopped."], ["It went ahead.", "then it stopped."]),  # a sentence ended
    (["Bridge plan", "The council met."], ["Bridge plan", "The council met."]),  # a capital starts anew
    (["Ticketing", "www.example.com"], ["Ticketing", "www.example.com"]),  # not a word
    (["Contact", "jane@example.com"], ["Contact", "jane@example.com"]),
    (["Our partner: eZ Systems", "eZ Systems sells software."],
     ["Our partner: eZ Systems", "eZ Systems sells software."]),
    (["칼럼니스트 박생강", "기자"], ["칼럼니스트 박생강", "기자"]),  # no letter case: never joined
    (["Read more:", "the archive"], ["Read more:", "the archive"]),
])
def test_join_broken_lines(lines: list[str], joined: list[str]) -> None:
    assert join_broken_lines(lines) == joined


def test_furniture_lines_are_neither_joined_nor_joined_to() -> None:
    def furniture(line: str) -> bool:
        return clutter_rule(line) is not None

    lines = ["Tags", "bridge plan, harbour council", "The plan was approved after a debate that went on",
             "Advertisement", "until late in the evening."]
    assert join_broken_lines(lines, alone=furniture) == lines
    assert join_broken_lines(lines)[0] == "Tags bridge plan, harbour council"  # what the guard prevents


# --- streaming JSON Lines, and a killed batch -------------------------------------------------

def _pages(tmp_path: Path, n: int) -> list[str]:
    paths = []
    for i in range(n):
        path = tmp_path / f"p{i}.html"
        path.write_text(_html("".join(f"<p>{p}</p>" for p in PARAGRAPHS), title=f"Bridge plan {i}"),
                        encoding="utf-8")
        paths.append(str(path))
    return paths


def _wait_for(condition: Callable[[], bool], proc: subprocess.Popen[bytes], what: str) -> None:
    """Poll until ``condition`` holds (at most 1500 polls, 0.2 s apart), failing if the process ended."""
    for _ in range(1500):
        if condition():
            return
        if proc.poll() is not None:
            pytest.fail(f"the batch ended (status {proc.returncode}) before {what}")
        time.sleep(0.2)
    pytest.fail(f"gave up waiting for {what}")


def _complete_lines(data: bytes) -> list[dict[str, object]]:
    """Every line of ``data`` parsed as JSON; the data must end with a whole line."""
    assert data.endswith(b"\n"), "the last line was cut"
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def _kill(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)


def test_killed_extract_batch_keeps_the_lines_written_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    # the third input is stdin, which stays open: the batch waits there until it is killed
    cmd = [SAIDWHAT, "extract", *_pages(tmp_path, 2), "-", "--format", "jsonl", "-o", str(out)]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for(lambda: out.exists() and out.read_bytes().count(b"\n") >= 2, proc, "two lines were written")
    finally:
        _kill(proc)
    records = _complete_lines(out.read_bytes())
    assert [r["title"] for r in records] == ["Bridge plan 0", "Bridge plan 1"]
    assert proc.returncode == -signal.SIGKILL


def test_killed_extract_batch_keeps_the_lines_written_to_stdout(tmp_path: Path) -> None:
    cmd = [SAIDWHAT, "extract", *_pages(tmp_path, 2), "-", "--format", "jsonl"]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    received = bytearray()

    def read() -> None:  # a thread, so that a batch that writes nothing cannot block the test
        assert proc.stdout is not None
        while chunk := os.read(proc.stdout.fileno(), 65536):
            received.extend(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        _wait_for(lambda: received.count(b"\n") >= 2, proc, "two lines reached stdout")
    finally:
        _kill(proc)
    reader.join(timeout=60)
    records = _complete_lines(bytes(received))
    assert [r["title"] for r in records] == ["Bridge plan 0", "Bridge plan 1"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe")
def test_killed_attributions_batch_keeps_the_lines_written(tmp_path: Path) -> None:
    texts = tmp_path / "text"
    texts.mkdir()
    for i in range(16):  # one chunk of files (parsed together), then a file that never opens
        (texts / f"a{i:02d}.txt").write_text(f"Officials said on day {i} that the bridge would open.\n",
                                             encoding="utf-8")
    os.mkfifo(texts / "z.txt")  # opening it blocks until someone writes: nobody will
    out = tmp_path / "pred.jsonl"
    proc = subprocess.Popen([SAIDWHAT, "attributions", str(texts), "-o", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for(lambda: out.exists() and out.read_bytes().count(b"\n") >= 16, proc, "16 lines were written")
    finally:
        _kill(proc)
    records = _complete_lines(out.read_bytes())
    assert [r["id"] for r in records] == [f"a{i:02d}" for i in range(16)]
    assert all(isinstance(r["attributions"], list) for r in records)


def test_jsonl_failures_do_not_lose_earlier_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = _pages(tmp_path, 1) + [str(tmp_path / "missing.html")] + _pages(tmp_path, 2)[1:]
    assert main(["extract", *paths, "--format", "jsonl", "--keep-going"]) == 1
    captured = capsys.readouterr()
    titles = [json.loads(line)["title"] for line in captured.out.splitlines()]
    assert titles == ["Bridge plan 0", "Bridge plan 1"]
    assert "missing.html" in captured.err


# --- progress on stderr ------------------------------------------------------------------------

def test_progress_goes_to_stderr_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", *_pages(tmp_path, 3), "--progress"]) == 0
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)) == 3  # stdout is the JSON array alone
    progress = [line for line in captured.err.splitlines() if line.startswith("saidwhat extract:")]
    assert progress[-1].startswith("saidwhat extract: 3/3 inputs, 0 failed")


def test_no_progress_unless_asked_when_stderr_is_not_a_terminal(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", *_pages(tmp_path, 2), "--format", "jsonl"]) == 0
    assert capsys.readouterr().err == ""
