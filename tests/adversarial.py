"""The adversarial inputs of issue 13 (and the ones found while fixing it), as regression cases.

Each case is a file as a user would hand it to ``saidwhat analyze`` or ``saidwhat ingest``: its
bytes are built here (most are large and repetitive, so they are made, not stored), with the
outcome the chain must give: an analysis, or a ``SaidwhatError`` with the named code. Nothing
else is acceptable: no other exception, no hang. ``tests/test_hardening_inputs.py`` runs them;
``benchmarks/fuzz.py`` starts its campaign from them.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["CASES", "FILLER", "PROSE", "Case"]

PROSE = ("The city council met on Monday to discuss the harbour plan and what it would cost the town. "
         "\u201cWe will build it on time and on budget,\u201d Mayor Ann Lee said after the vote. "
         "Opponents said the plan would raise local taxes and promised to keep campaigning. ")
QUOTE = "\n\n\"We will fight,\" said John Smith."
#: 66,000 characters that are cheap to analyse (660 tokens): what puts a NUL past the first 64K.
FILLER = ("x" * 99 + " ") * 660
#: 65,000 characters in 1,300 tokens: sixteen of them make a million characters in 21,000 tokens
#: (two parsing windows), analysed in seconds.
LONG_WORDS = ("x" * 49 + " ") * 1300
FIRST_NAMES = ["John", "Mary", "Ahmed", "Olga", "Pedro", "Fatima", "Hans", "Aiko", "Kwame", "Sara"]
SURNAMES = ["Smith", "Garcia", "Chen", "Okafor", "Novak", "Silva", "Haddad", "Muller", "Tanaka", "Mensah"]


@dataclass(frozen=True)
class Case:
    """``build()`` gives the file's bytes; ``expect`` is "analysed" or an error code (SW1xx)."""

    name: str
    suffix: str
    build: Callable[[], bytes]
    expect: str
    why: str
    slow: bool = False  # minutes of CPU: measured by benchmarks/hostile.py, not run by the tests
    heavy: bool = False  # seconds of CPU: run once by the tests, not again through the command


def _text(s: str) -> Callable[[], bytes]:
    return lambda: s.encode("utf-8", "surrogatepass")


def _html(head: str, body: str, prefix: str = "") -> Callable[[], bytes]:
    page = (f"{prefix}<html><head>{head}<title>Harbour plan approved</title></head><body><article>"
            f"<h1>Harbour plan approved</h1><p>{body}</p></article></body></html>")
    return lambda: page.encode("utf-8")


def _padded_title(pad: str, body: str) -> Callable[[], bytes]:
    return _text("Headline" + pad * 100_000 + "x" + body)


def _names(n: int) -> str:
    return "\n\n".join(f"{FIRST_NAMES[i % 10]} {SURNAMES[i // 10 % 10]}{i} said the plan would fail."
                       for i in range(n))


CASES: list[Case] = [
    Case("form-feed-title", ".txt", _padded_title("\f", QUOTE), "SW104",
         "issue 13 #1 exactly: quadratic Markdown-heading regex; its body has too few words"),
    Case("form-feed-title-article", ".txt", _padded_title("\f", QUOTE + " " + PROSE), "analysed",
         "issue 13 #1 with a body to analyse"),
    *[Case(f"padded-title-{hex(ord(pad))}", ".txt", _padded_title(pad, QUOTE + " " + PROSE), "analysed",
           "issue 13 #1: the other separators _norm did not collapse")
      for pad in ("\u2028", "\u2029")],
    *[Case(f"padded-title-{hex(ord(pad))}", ".txt", _padded_title(pad, QUOTE + " " + PROSE), "SW103",
           "issue 13 #1 with control characters: as many as the text's letters, so binary data")
      for pad in ("\x1c", "\x1f", "\x85", "\v")],
    Case("padded-title-diluted", ".txt", _text("Headline" + "\x1c" * 400 + "x" + QUOTE + " " + PROSE * 40),
         "analysed", "control characters under the binary threshold become spaces"),
    Case("paren-run", ".txt", _text("Title\n\n" + PROSE + "(" * 40_000 + " " + PROSE), "analysed",
         "spaCy's tokenizer is quadratic in a run of prefix characters (40,000 took 180 s)"),
    Case("apostrophe-run", ".txt", _text("Title\n\n" + PROSE + "'" * 20_000 + " " + PROSE), "analysed",
         "the same for a run of apostrophes"),
    Case("dash-runs", ".txt", _text("Title\n\n" + PROSE + ("\u2014" * 1600 + " ") * 20 + PROSE), "analysed",
         "infix-heavy runs: 237 s per million characters at 1,600 a run"),
    Case("said-paragraphs", ".txt", _text("Title\n\n" + _names(3000)), "analysed",
         "issue 13 #2: actor resolution super-linear (3,000 short 'X said' paragraphs took 24 s)",
         heavy=True),
    Case("nul-after-64k", ".txt", _text("Title\n\n" + PROSE + FILLER + "\x00" + PROSE), "analysed",
         "issue 13 #3: a NUL past the 64K sample reached the text (and stopped PostgreSQL)"),
    Case("bom-nul-deep", ".txt",
         lambda: codecs.BOM_UTF8 + ("Title\n\n" + PROSE + FILLER + "\x00" + PROSE).encode(),
         "analysed", "issue 13 #3: after a BOM"),
    Case("utf16-nul-deep", ".txt",
         lambda: codecs.BOM_UTF16_LE + ("Title\n\n" + PROSE + FILLER + "\x00" + PROSE).encode("utf-16-le"),
         "analysed", "issue 13 #3: in UTF-16"),
    Case("nul-at-start", ".txt", _text("\x00Title\n\n" + PROSE), "analysed",
         "a stray NUL is removed wherever it is (issue 9: a few NULs do not make a page binary)"),
    Case("control-flood", ".txt", _text("Title\n\n" + ("\x01\x02\x03 word " * 20_000)), "SW103",
         "a text a tenth control characters is binary, wherever they are"),
    Case("meta-charset-undefined", ".html", _html('<meta charset="undefined">', PROSE), "analysed",
         "issue 13 #6: UnicodeError from the 'undefined' codec"),
    Case("xml-encoding-undefined", ".html",
         _html("", PROSE, prefix='<?xml version="1.0" encoding="undefined"?>'),
         "analysed", "issue 13 #6: the same from <?xml encoding>"),
    Case("meta-charset-utf7", ".html", _html('<meta charset="utf-7">', PROSE), "analysed",
         "a codec no page may declare (it hides markup)"),
    Case("meta-charset-base64", ".html", _html('<meta charset="base64">', PROSE), "analysed",
         "a bytes-to-bytes codec named as a charset"),
    Case("deep-json-ld", ".html",
         _html('<script type="application/ld+json">' + '{"a":' * 30_000 + "</script>", PROSE), "analysed",
         "issue 13 #6: RecursionError in the JSON-LD metadata, and the article was lost"),
    Case("unclosed-json-ld", ".html",
         _html('<script type="application/ld+json">' + '{"@type":"NewsArticle","author":' * 12_000
               + "</script>", PROSE), "analysed",
         "a fuzz find: trafilatura's fallback for broken JSON-LD is quadratic (650K characters: 237 s)"),
    Case("deep-divs", ".html", _html("", "<div>" * 20_000 + PROSE + "</div>" * 20_000), "analysed|SW104",
         "markup nested deeper than the parser keeps"),
    Case("homoglyph-speaker", ".txt",
         _text("Title\n\n" + PROSE + "\u201cWe disagree,\u201d \u0408\u043ehn \u0405mith said on Tuesday."),
         "analysed", "issue 13 #8: a Cyrillic look-alike of a Latin name (flagged when shown)"),
    Case("invalid-utf8", ".txt",
         lambda: b"Title\n\n" + PROSE.encode() + b"\xff\xfe\xc3\x28" * 10 + PROSE.encode(),
         "analysed", "bytes that are not UTF-8 fall back to windows-1252"),
    Case("one-long-word", ".txt", _text("Title\n\n" + "a" * 500_000), "SW104",
         "half a million characters without a space"),
    Case("url-run", ".txt", _text("Title\n\n" + PROSE + "http://example.com/" + "a/" * 50_000 + " " + PROSE),
         "analysed", "a very long URL"),
    Case("markdown-heading-hashes", ".txt", _text("# " + "#" * 100_000 + " Title " + "#" * 100_000 + "\n\n"
                                                  + PROSE), "analysed", "hash runs around a Markdown title"),
    Case("one-million-characters", ".txt",
         _text(("Title\n\n" + (PROSE + "\n\n" + LONG_WORDS + "\n\n") * 16)[:1_000_000]),
         "analysed", "issue 13 #2: a million characters (3.4 GB in spaCy before) in 20,000 tokens: cheap to "
         "parse, so the cap, the windows and the memory are what is tested", heavy=True),
    Case("one-million-prose", ".txt", _text(("Title\n\n" + (PROSE + "\n\n") * 4000)[:1_000_000]),
         "analysed|SW302", "a million characters of prose: minutes of CPU (benchmarks/hostile.py measures "
         "it; a run's time limit may stop it first: a clean SW302, not a hang)",
         slow=True),
]
