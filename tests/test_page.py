"""The page stage: reading files and stdin, decoding, HTML-vs-text detection, input errors."""

from __future__ import annotations

import codecs
import gzip
import importlib
import io
import sys
from pathlib import Path

import pytest

from saidwhat.errors import BinaryInputError, EmptyInputError, InputTooLargeError, MissingInputError
from saidwhat.page import Page, load, page_from_bytes, page_from_text
from saidwhat.page.decode import decode_bytes, detect_kind, normalize_charset

load_mod = importlib.import_module("saidwhat.page.load")  # the module, which the function shadows

TEXT = "Harbour plan approved\n\nThe council said on Monday that the harbour plan would go ahead.\n"


# --- HTML or text, from the content -----------------------------------------------------------

@pytest.mark.parametrize("content", [
    "<!DOCTYPE html><html><body><p>Hi</p></body></html>",
    "  \n<!doctype HTML>\n<title>x</title>",
    "<html lang='en'><p>Hello</p></html>",
    "<!-- saved page -->\n<html><body>text</body></html>",
    "<?xml version='1.0'?><!DOCTYPE html><html xmlns='http://www.w3.org/1999/xhtml'></html>",
    "<div class='post'><h1>Title</h1><p>One.</p><p>Two.</p></div>",  # a saved fragment
    "<body><p>A story.</p></body>",
])
def test_detects_html(content: str) -> None:
    assert detect_kind(content) == "html"


@pytest.mark.parametrize("content", [
    TEXT,
    "Web developers argued about whether <div> or <section> is right, the survey found.\n\nMore text.",
    "Prices rose by <5% in the year to March, officials said.",
    "Title\n\nA <b>single</b> tag mentioned in passing does not make a page HTML.",
])
def test_detects_text(content: str) -> None:
    assert detect_kind(content) == "text"


def test_detection_ignores_the_extension(tmp_path: Path) -> None:
    html_as_txt = tmp_path / "page.txt"
    html_as_txt.write_text("<!doctype html><html><body><p>The council met.</p></body></html>",
                           encoding="utf-8")
    text_as_html = tmp_path / "story.html"
    text_as_html.write_text(TEXT, encoding="utf-8")
    assert load(str(html_as_txt)).kind == "html"
    assert load(str(text_as_html)).kind == "text"


def test_kind_can_be_given() -> None:
    assert page_from_text("<p>a</p><p>b</p><p>c</p><div>d</div><div>e</div>", "x", kind="text").kind == "text"


# --- decoding -------------------------------------------------------------------------------

QUOTED = "“We will rebuild,” the mayor said of the café."


@pytest.mark.parametrize("bom, codec", [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
])
def test_bom_decides(bom: bytes, codec: str) -> None:
    text, used = decode_bytes(bom + QUOTED.encode(codec), "x")
    assert text == QUOTED and used == codec


def test_utf16_without_bom() -> None:
    text, used = decode_bytes(QUOTED.encode("utf-16-le"), "x")
    assert text == QUOTED and used == "utf-16-le"


def test_meta_charset_declared() -> None:
    html = f"<html><head><meta charset='windows-1252'></head><body><p>{QUOTED}</p></body></html>"
    text, used = decode_bytes(html.encode("cp1252"), "x")
    assert QUOTED in text and used == "cp1252"


def test_http_equiv_latin1_means_windows_1252() -> None:
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
            f"</head><body><p>{QUOTED}</p></body></html>")
    text, _ = decode_bytes(html.encode("cp1252"), "x")
    assert QUOTED in text  # the curly quotes are cp1252 bytes 0x93/0x94, as on real "latin-1" pages


def test_header_charset_wins_over_guessing() -> None:
    text, used = decode_bytes(QUOTED.encode("cp1252"), "x", content_type="text/plain; charset=windows-1252")
    assert text == QUOTED and used == "cp1252"


def test_utf8_by_default_and_cp1252_fallback() -> None:
    assert decode_bytes(QUOTED.encode("utf-8"), "x") == (QUOTED, "utf-8")
    assert decode_bytes(QUOTED.encode("cp1252"), "x") == (QUOTED, "cp1252")  # not valid UTF-8


def test_wrong_declaration_falls_back() -> None:
    html = f"<meta charset='utf-8'><p>{QUOTED}</p>"
    text, used = decode_bytes(html.encode("cp1252"), "x")
    assert QUOTED in text and used == "cp1252"


def test_unknown_charset_label_is_ignored() -> None:
    assert normalize_charset("no-such-charset") is None
    assert normalize_charset("UTF8") == "utf-8"
    assert normalize_charset("latin1") == "cp1252"


def test_page_from_bytes_records_encoding() -> None:
    page = page_from_bytes(codecs.BOM_UTF8 + TEXT.encode(), "in.txt", url="https://example.org/a")
    assert isinstance(page, Page)
    assert page.content == TEXT and page.meta["encoding"] == "utf-8" and page.url == "https://example.org/a"


# --- refusals ---------------------------------------------------------------------------------

def test_missing_file(tmp_path: Path) -> None:
    path = str(tmp_path / "nope.html")
    with pytest.raises(MissingInputError) as err:
        load(path)
    assert err.value.input == path and path in str(err.value) and "no such file" in str(err.value)


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(MissingInputError, match="directory"):
        load(str(tmp_path))


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", "\ufeff  \n".encode()])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyInputError) as err:
        load(str(path))
    assert err.value.input == str(path) and "empty" in err.value.message


@pytest.mark.parametrize("data, what", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (gzip.compress(gzip.compress(b"<html>compressed twice</html>")), "gzip"),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "zip"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"some\x00text\x00with\x00NUL\x00bytes\x00throughout", "NUL"),
    (bytes(range(1, 32)) * 20 + b"a few letters", "control characters"),
])
def test_binary_input(tmp_path: Path, data: bytes, what: str) -> None:
    path = tmp_path / "file.html"
    path.write_bytes(data)
    with pytest.raises(BinaryInputError, match=what) as err:
        load(str(path))
    assert err.value.input == str(path)


def test_text_with_a_few_control_characters_is_fine() -> None:
    page = page_from_text("Title\n\nA story\x0c with a form feed and a stray \x07 bell among many words.",
                          "x")
    assert page.kind == "text"


def test_too_large_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load_mod, "MAX_INPUT_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("word " * 100, encoding="utf-8")
    with pytest.raises(InputTooLargeError, match="100-byte limit") as err:
        load(str(path))
    assert err.value.input == str(path)


def test_too_large_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load_mod, "MAX_INPUT_BYTES", 100)
    with pytest.raises(InputTooLargeError):
        page_from_bytes(b"word " * 100, "x")


def test_default_limit_is_ten_megabytes() -> None:
    assert load_mod.MAX_INPUT_BYTES == 10 * 1024 * 1024


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode("utf-8"))))
    page = load("-")
    assert page.source == "-" and page.content == TEXT and page.kind == "text"


def test_stdin_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load_mod, "MAX_INPUT_BYTES", 50)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 51)))
    with pytest.raises(InputTooLargeError) as err:
        load("-")
    assert err.value.input == "-"


def test_empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\n\n")))
    with pytest.raises(EmptyInputError):
        load("-")


def test_fixture_files_load(fixture_dir: Path) -> None:
    html = load(str(fixture_dir / "page.html"))
    text = load(str(fixture_dir / "seed.txt"))
    assert html.kind == "html" and text.kind == "text"
    assert html.meta["encoding"] == "utf-8"


@pytest.mark.timeout(30)
def test_detection_has_no_catastrophic_backtracking() -> None:
    assert detect_kind("<!-- -->" * 500 + "plain words") == "text"
    assert detect_kind("<!-- a -->" * 50 + "<html><body><p>x</p></body></html>") == "html"
