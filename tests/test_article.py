"""The article stage: main text, metadata, clutter filter, language, and the ``extract`` CLI."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from saidwhat.article import extract_article
from saidwhat.article.clutter import RULES, clean_paragraphs, clutter_rule
from saidwhat.article.extract import MIN_WORDS, text_paragraphs
from saidwhat.article.language import check_english
from saidwhat.article.metadata import split_authors, strip_site_suffix
from saidwhat.cli import main
from saidwhat.dates import iso_date
from saidwhat.errors import NoArticleTextError, UnsupportedLanguageError
from saidwhat.page import load, page_from_bytes, page_from_text
from saidwhat.schema import Article

BODY = [
    "The city council approved the new harbour plan on Monday after a debate that lasted most of the day.",
    "“This is a good day for the port and for everyone who works there,” the mayor told reporters.",
    "Opponents said the plan would raise local taxes and promised to keep campaigning against it.",
]


def _html(body: str, head: str = "") -> str:
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'>{head}</head>"
            f"<body>{body}</body></html>")


def _article_html(extra: str = "", head: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    return _html(f"<article><h1>Harbour plan approved</h1>{paras}{extra}</article>", head)


# --- the fixture, against its gold -------------------------------------------------------------

@pytest.fixture(scope="module")
def gold(fixture_dir: Path) -> dict[str, Any]:
    return json.loads((fixture_dir / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def from_html(fixture_dir: Path) -> Article:
    return extract_article(load(str(fixture_dir / "page.html")))


@pytest.fixture(scope="module")
def from_text(fixture_dir: Path) -> Article:
    return extract_article(load(str(fixture_dir / "seed.txt")))


def _check_clean_text(article: Article, gold: dict[str, Any]) -> None:
    paragraphs = article.text.split("\n\n")
    assert all(p and p == p.strip() and "\n" not in p for p in paragraphs)
    for wanted in gold["clean_text"]["must_include_paragraphs"]:
        assert any(wanted == p or wanted in p for p in paragraphs), wanted
    for unwanted in gold["clean_text"]["must_exclude"]:
        assert unwanted not in article.text, unwanted


def test_fixture_html_text(from_html: Article, gold: dict[str, Any]) -> None:
    _check_clean_text(from_html, gold)
    # every gold paragraph is a paragraph of its own, not merged with a neighbour
    paragraphs = from_html.text.split("\n\n")
    assert all(p in paragraphs for p in gold["clean_text"]["must_include_paragraphs"])


def test_fixture_html_metadata(from_html: Article, gold: dict[str, Any], fixture_dir: Path) -> None:
    meta = gold["metadata"]
    assert from_html.title == meta["title"]
    assert from_html.outlet == meta["outlet"]
    assert from_html.published == meta["published"]
    assert from_html.language == meta["language"]
    assert from_html.url == "https://nextshark.com/un-report-xinjiang-china-response"  # <link rel=canonical>
    assert from_html.source == str(fixture_dir / "page.html")
    assert from_html.authors  # the byline
    assert not from_html.text.startswith(meta["title"])


def test_fixture_plain_text(from_text: Article, gold: dict[str, Any], fixture_dir: Path) -> None:
    _check_clean_text(from_text, gold)
    first_line = (fixture_dir / "seed.txt").read_text(encoding="utf-8").strip().splitlines()[0].strip()
    assert from_text.title == first_line
    assert not from_text.text.startswith(first_line)
    assert from_text.language == "en" and from_text.url is None


def test_fixture_html_and_text_agree(from_html: Article, from_text: Article) -> None:
    assert from_html.text == from_text.text


# --- clutter filter ------------------------------------------------------------------------------

@pytest.mark.parametrize("line, rule", [
    ("More from The Daily Planet: Mayor unveils new bridge design", "promo"),
    ("Read more: Why the harbour plan divided the council", "promo"),
    ("READ MORE: Storm leaves thousands without power", "promo"),
    ("Related: Five things to know about the budget", "promo"),
    ("Related Articles", "promo"),
    ("Also read | Fishermen fear for their livelihoods", "promo"),
    ("Recommended", "promo"),
    ("You might also like:", "promo"),
    ("Trending: Elections Budget 2024 Weather", "promo"),
    ("Photo: Jane Roe/Getty Images", "image-credit"),
    ("Image credit: Shutterstock", "image-credit"),
    ("Top image via Flickr user jdoe", "image-via"),
    ("(Photo by John Smith/AFP via Getty Images)", "image-via"),
    ("Crowds gather outside the town hall on Monday. Photo: Max Mustermann/Reuters", "caption-credit"),
    ("Get our free morning briefing: sign up for the Daily Wire newsletter", "newsletter"),
    ("Subscribe to our weekly newsletter for the best stories", "newsletter"),
    ("This website uses cookies to ensure you get the best experience.", "cookies"),
    ("By continuing to browse you consent to the use of cookies as described in our cookie policy.",
     "cookies"),
    ("ADVERTISEMENT", "ad-label"),
    ("Sponsored", "ad-label"),
    ("Story continues below advertisement", "ad-label"),
    ("Leave a comment", "comment-form"),
    ("Post a Comment", "comment-form"),
    ("12 Comments", "comment-form"),
    ("You must be logged in to post a comment.", "comment-form"),
    ("Share this article", "share"),
    ("Share on Twitter Share on WhatsApp Email", "share"),
    ("Tweet", "share"),
    ("Tags: politics, harbour, council", "tags"),
    ("Filed under: Local News", "tags"),
    ("Follow us on Twitter and Facebook for the latest news", "follow"),
    ("Follow The Daily Planet's opinion desk on Facebook and Instagram.", "follow"),
    ("SOURCE: News agencies", "source-line"),
    ("(Reporting by Ann Lee; Editing by Bo Chen)", "reporting-credit"),
    ("Jane Roe contributed reporting from Lisbon.", "reporting-credit"),
    ("Email the author at jdoe@example.org or follow her @jdoe.", "contact"),
    ("jdoe@example.org", "contact"),
    ("https://example.org/story/123", "link"),
    ("Listen: https://example.org/podcast/15", "link"),
    ("Updated at 1:23 p.m.", "timestamp"),
    ("5:45 AM PST 11/19/2019 by Ann Lee", "timestamp"),
    ("Morning Briefing Newsletter", "newsletter"),
    ("Get the latest headlines delivered to your inbox every morning.", "newsletter"),
    ("Click here for more information.", "call-to-action"),
    ("If you enjoyed this article, please consider supporting our journalism.", "call-to-action"),
    ("This copy is for your personal, non-commercial use only.", "licence"),
    ("Like this story? Share it with a friend!", "share"),
    ("Tell us what you think...", "comment-form"),
    ("[Related: Council votes on parking fees]", "promo"),
    ("Also on example.com Council votes on parking fees", "promo"),
    ("Council votes on parking fees [VIDEO]", "promo"),
    ("© 2023 Example Media Group. All rights reserved.", "copyright"),
])
def test_clutter_is_dropped(line: str, rule: str) -> None:
    hit = clutter_rule(line)
    assert hit is not None and hit.name == rule, (line, hit)


@pytest.mark.parametrize("line", [
    "The advertisement, which ran for three weeks, was withdrawn after complaints, the regulator said.",
    "Advertising revenue fell by a third last year as readers moved online.",
    "Read more widely, the report suggests a deeper problem with the council’s budget.",
    "Related to the dispute is a long-running argument over fishing rights in the bay.",
    "Photographs taken by residents show the flood water reaching the first floor of several homes.",
    "Video by a bystander showed officers pushing protesters back from the gates.",
    "“Sign up for the newsletter,” he joked, before turning serious about the cuts.",
    "More than 200 people have signed up for the community newsletter, the organisers said.",
    "The bakery sold 500 cookies to customers who accepted the new prices without complaint.",
    "Comments made by the minister on Friday drew criticism from opposition parties.",
    "Share prices fell by 4% after the announcement on Tuesday morning.",
    "Tags on the crates showed they had been shipped from the port in March.",
    "Copyright law protects the authors of the songs, the court ruled.",
    "Recommended changes include a new cycle lane and wider pavements.",
    "Trending upwards for months, the price of fuel is now a political issue.",
    "Research from the university found that most residents support the plan.",
    "Reporting on the scandal began in 2019, when a local paper obtained the documents.",
    "Published in 1999, the book became a bestseller within weeks.",
    "The vote is on 5 May.",
    "Also on Tuesday, the council approved a new budget for the libraries.",
    "More than 200 people attended the meeting.",
    "Sources said the minister would resign before the end of the week.",
    "Followers of the movement gathered on Twitter to organise the march.",
    "Copyright law changed in 2019 after a long campaign by musicians.",
    "The company said users could subscribe to the newsletter for free.",
    "Users can subscribe to the newsletter for free.",
    "He clicked here and there, the witness recalled, before the screen went dark.",
    "The document called the program [REDACTED] in every copy released to the court.",
    "Sponsored by the government, the study covered 2,000 households across the region and took four years.",
])
def test_real_paragraphs_are_kept(line: str) -> None:
    assert clutter_rule(line) is None, (line, clutter_rule(line))


def test_clutter_rules_are_documented() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    assert all(r.why and r.max_words > 0 for r in RULES)


def test_clean_paragraphs_logs_what_it_drops(caplog: pytest.LogCaptureFixture) -> None:
    paras = [BODY[0], "Advertisement", BODY[1], "Tags: harbour"]
    with caplog.at_level(logging.DEBUG, logger="saidwhat.article.clutter"):
        kept = clean_paragraphs(paras, source="doc.html")
    assert kept == [BODY[0], BODY[1]]
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "ad-label" in logged and "tags" in logged and "doc.html" in logged


def test_clutter_removed_from_html_and_text() -> None:
    extra = ("<p>Read more: Council votes on parking fees</p><p>Advertisement</p>"
             "<p>Photo: Jane Roe/Getty Images</p><p>Sign up for our newsletter</p>")
    html = extract_article(page_from_text(_article_html(extra), "a.html"))
    text = extract_article(page_from_text("Harbour plan approved\n\n" + "\n\n".join(
        [BODY[0], "Read more: Council votes on parking fees", BODY[1], "Advertisement", BODY[2],
         "Sign up for our newsletter"]), "a.txt"))
    for art in (html, text):
        assert art.text.split("\n\n") == BODY


# --- HTML metadata ---------------------------------------------------------------------------------

def test_metadata_fallbacks_from_json_ld() -> None:
    ld = json.dumps({"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "ignored"},
        {"@type": "NewsArticle", "headline": "Harbour plan approved", "datePublished": "2023-03-06T09:00:00Z",
         "author": [{"@type": "Person", "name": "Ann Lee"}, {"@type": "Person", "name": "Bo Chen"}],
         "publisher": {"@type": "Organization", "name": "Harbour Herald"}}]})
    head = (f"<title>Harbour plan approved | Harbour Herald</title>"
            "<link rel='canonical' href='/news/harbour-plan'>"
            f"<script type='application/ld+json'>{ld}</script>")
    page = page_from_text(_article_html(head=head), "h.html",
                          url="https://herald.example/news/harbour-plan?utm=x")
    art = extract_article(page)
    assert art.outlet == "Harbour Herald"
    assert art.title == "Harbour plan approved"
    assert art.published == "2023-03-06"
    assert art.url == "https://herald.example/news/harbour-plan"
    assert art.text.split("\n\n") == BODY


def test_url_defaults_to_page_url() -> None:
    art = extract_article(page_from_text(_article_html(), "h.html", url="https://herald.example/a"))
    assert art.url == "https://herald.example/a" and art.source == "h.html"


@pytest.mark.parametrize("value, expected", [
    ("2022-09-01T16:24:00+00:00", "2022-09-01"), ("2022-09-01", "2022-09-01"), ("September 1", None),
    (None, None),
])
def test_iso_date(value: str | None, expected: str | None) -> None:
    assert iso_date(value) == expected


def test_split_authors_and_site_suffix() -> None:
    assert split_authors("By Ann Lee; Bo Chen") == ["Ann Lee", "Bo Chen"]
    assert split_authors("Ann Lee and Bo Chen") == ["Ann Lee", "Bo Chen"]
    assert strip_site_suffix("Harbour plan approved - Herald", "Herald") == "Harbour plan approved"
    assert strip_site_suffix("Harbour plan approved", "Herald") == "Harbour plan approved"
    assert strip_site_suffix("Herald | City news: Harbour plan approved",
                             "Herald | City news") == "Harbour plan approved"
    assert split_authors("Ann Lee, MS, RDN") == ["Ann Lee"]
    assert split_authors("Ann Lee, PhD and Bo Chen") == ["Ann Lee", "Bo Chen"]


# --- plain text ----------------------------------------------------------------------------------

def test_plain_text_paragraphs_and_title() -> None:
    title, paras = text_paragraphs("  Harbour plan approved  \n\n\n" + "\n\n".join(BODY) + "\n")
    assert title == "Harbour plan approved" and paras == BODY


def test_plain_text_hard_wrapped() -> None:
    wrapped = ("The city council approved the new harbour plan on Monday\n"
               "after a debate that lasted most of the day, with many\n"
               "speakers on both sides.")
    _title, paras = text_paragraphs("Harbour\n\n" + wrapped + "\n\n" + BODY[1])
    assert paras[0].startswith("The city council") and paras[0].endswith("both sides.") \
            and "\n" not in paras[0]
    assert paras[1] == BODY[1]


def test_plain_text_title_without_blank_line() -> None:
    title, paras = text_paragraphs("Harbour plan approved by a council vote on Monday\n" + "\n\n".join(BODY))
    assert title == "Harbour plan approved by a council vote on Monday" and paras == BODY


def test_plain_text_single_newlines_are_paragraphs() -> None:
    title, paras = text_paragraphs("Harbour plan\r\n" + "\r\n".join(BODY))
    assert title == "Harbour plan" and paras == BODY


def test_plain_text_long_first_line_is_not_a_title() -> None:
    long_first = " ".join(["word"] * 40) + "."
    title, paras = text_paragraphs(long_first + "\n\n" + BODY[0])
    assert title is None and paras[0] == long_first


# --- no article text, language ------------------------------------------------------------------------

def test_navigation_only_page() -> None:
    nav = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(20))
    page = page_from_text(_html(f"<header><nav><ul>{nav}</ul></nav></header><footer>© 2023 Herald</footer>"),
                          "nav.html")
    with pytest.raises(NoArticleTextError) as err:
        extract_article(page)
    assert err.value.input == "nav.html"


def test_only_clutter_is_no_article() -> None:
    page = page_from_text("Breaking\n\nAdvertisement\n\nShare this article\n\nLeave a Reply", "c.txt")
    with pytest.raises(NoArticleTextError, match="no article text"):
        extract_article(page)


def test_too_few_words() -> None:
    with pytest.raises(NoArticleTextError, match=str(MIN_WORDS)):
        extract_article(page_from_text("Title\n\nThree words only.", "short.txt"))


GERMAN = ("Der Stadtrat hat am Montag den neuen Plan für den Hafen nach einer langen Debatte beschlossen. "
          "Die Gegner sagten, der Plan werde die Steuern erhöhen, und kündigten weiteren Widerstand an.")


def test_non_english_text_is_refused_when_english_is_required() -> None:
    with pytest.raises(UnsupportedLanguageError, match="German") as err:
        extract_article(page_from_text("Hafenplan beschlossen\n\n" + GERMAN, "de.txt"), require_english=True)
    assert err.value.input == "de.txt"


@pytest.mark.parametrize("text", [
    "Obama wins second term as voters back him in key states.",
    "Merkel meets Macron in Berlin for talks on Ukraine aid.",
    "Shares in Toyota, Honda and Nissan rose in Tokyo trading.",
    "The mayor said on Tuesday the plan would go ahead.",
])
def test_short_english_is_accepted(text: str) -> None:
    assert check_english(text, "x") == "en"


def test_english_with_foreign_quotes_is_accepted() -> None:
    text = " ".join(BODY) + " The banner read “Nein zum Hafenplan”, which means no to the harbour plan."
    assert check_english(text, "x") == "en"


def test_any_language_is_extracted_and_recorded() -> None:
    art = extract_article(page_from_text("Hafenplan\n\n" + GERMAN, "de.txt"))
    assert art.language == "de" and art.text == GERMAN


# --- the CLI ------------------------------------------------------------------------------------------

def _write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize("case, code", [
    ("missing", "SW101"), ("empty", "SW102"), ("binary", "SW103"), ("no-text", "SW104"),
    ("blank-html", "SW104"),
    ("german", "SW105"),
])
def test_cli_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, code: str) -> None:
    path = {
        "missing": str(tmp_path / "missing.html"),
        "empty": _write(tmp_path, "empty.txt", b"  \n"),
        "binary": _write(tmp_path, "doc.html", b"%PDF-1.4\n\x00\x01binary"),
        "no-text": _write(tmp_path, "nav.html", _html("<nav><a href='/'>Home</a></nav>").encode()),
        "blank-html": _write(tmp_path, "blank.html",
                             b"<html><body><script>var a = 1;</script></body></html>"),
        "german": _write(tmp_path, "de.txt", ("Hafenplan\n\n" + GERMAN).encode()),
    }[case]
    command = "analyze" if case == "german" else "extract"  # extraction reads any language
    assert main([command, path]) == 1
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, lines
    assert path in lines[0] and code in lines[0]
    assert captured.out == ""


@pytest.mark.parametrize("fmt", ["json", "jsonl", "text"])
def test_cli_formats(fixture_dir: Path, gold: dict[str, Any], capsys: pytest.CaptureFixture[str],
                     fmt: str) -> None:
    assert main(["extract", "--format", fmt, str(fixture_dir / "page.html")]) == 0
    out = capsys.readouterr().out
    first = gold["clean_text"]["must_include_paragraphs"][0]
    if fmt == "text":
        assert out.startswith(gold["metadata"]["title"]) and first in out
    else:
        data = json.loads(out.splitlines()[0] if fmt == "jsonl" else out)
        assert data["outlet"] == "NextShark" and data["published"] == "2022-09-01"
        assert data["text"].split("\n\n")[0] == first


def test_cli_keep_going(tmp_path: Path, fixture_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "gone.txt")
    assert main(["extract", "--keep-going", "--format", "jsonl", missing, str(fixture_dir / "seed.txt")]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.strip().splitlines()) == 1
    assert missing in captured.err


def test_cli_error_is_one_line_in_a_real_process(tmp_path: Path) -> None:
    """In a real process (logging set up by the CLI, not pytest): no library warnings on stderr."""
    path = _write(tmp_path, "blank.html", b"<html><body><script>var a = 1;</script></body></html>")
    code = "import sys; from saidwhat.cli import main; sys.exit(main(sys.argv[1:]))"
    proc = subprocess.run([sys.executable, "-c", code, "extract", path], check=False, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and path in lines[0] and "SW104" in lines[0], proc.stderr


def test_balanced_retry_when_precision_mode_loses_the_body(monkeypatch: pytest.MonkeyPatch) -> None:
    """If the precision-first pass leaves only clutter, one balanced pass is tried (and used if it
    has prose)."""
    import trafilatura
    from trafilatura.settings import Document

    real = trafilatura.bare_extraction
    calls: list[bool] = []

    def flaky(*args: Any, **kwargs: Any) -> Any:
        doc = real(*args, **kwargs)
        calls.append(bool(kwargs.get("favor_precision")))
        if kwargs.get("favor_precision"):
            assert isinstance(doc, Document)
            doc.text = "This copy is for your personal, non-commercial use only.\nhttps://herald.example/a"
        return doc

    monkeypatch.setattr(trafilatura, "bare_extraction", flaky)
    art = extract_article(page_from_text(_article_html(), "h.html"))
    assert calls == [True, False]
    assert art.text.split("\n\n") == BODY


def test_xhtml_with_xml_declaration_and_legacy_encoding() -> None:
    body = "".join(f"<p>{p}</p>" for p in BODY)
    xhtml = ('<?xml version="1.0" encoding="ISO-8859-1"?>\n'
             '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
             '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
             '<html xmlns="http://www.w3.org/1999/xhtml"><head>'
             f"<title>Harbour plan approved</title></head><body><article><h1>Harbour plan approved</h1>{body}"
             "</article></body></html>")
    page = page_from_bytes(xhtml.encode("cp1252"), "x.xhtml")
    assert page.kind == "html" and page.meta["encoding"] == "cp1252"
    art = extract_article(page)
    assert art.title == "Harbour plan approved" and art.text.split("\n\n") == BODY


def test_invisible_characters_and_odd_spaces_are_normalised() -> None:
    text = ("Harbour\n\nThe city\u00a0council ap\u00adproved the new\u200b harbour plan  on Monday "
            "after a long debate today.")
    art = extract_article(page_from_text(text, "t.txt"))
    assert art.text == "The city council approved the new harbour plan on Monday after a long debate today."


@pytest.mark.timeout(30)
def test_clutter_rules_have_no_catastrophic_backtracking() -> None:
    """Adversarial paragraphs (long digit runs, repeated share words) must not hang the filter."""
    nasty = ["1" * 60 + " x", "email " * 16 + "x", "share " * 16 + "x", "Photo: " + "a/" * 100 + " x",
             "2019 " * 14 + "x", ": " * 200 + "x", "cookies " * 70 + "x"]
    for text in nasty:
        for rule in RULES:
            rule.pattern.match(text)  # must return promptly, match or not
    assert clutter_rule("email " * 16) is not None


def test_markdown_title_and_separators() -> None:
    title, _paras = text_paragraphs("# Harbour plan approved\n\n" + BODY[0] + "\n\n* * *\n\n" + BODY[1])
    assert title == "Harbour plan approved"
    art = extract_article(page_from_text("Harbour plan approved\n=====================\n\n" + BODY[0]
                                         + "\n\n-----\n\n" + BODY[1], "md.txt"))
    assert art.title == "Harbour plan approved" and art.text.split("\n\n") == BODY[:2]
