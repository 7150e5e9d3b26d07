"""Ingest from every kind of source through the CLI, then query, export and list failures."""

from __future__ import annotations

import csv
import gzip
import http.server
import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from corpus_texts import make_html, make_text  # tests/ is on sys.path (rootdir conftest)
from saidwhat.cli import main
from saidwhat.corpus.ingest import IngestOptions, ingest
from saidwhat.store import open_store

DATA = Path(__file__).parent / "data" / "copies"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def summary_of(argv: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    code, out, err = run([*argv, "--json-summary", "--quiet"], capsys)
    assert "seen" in err  # the final summary line always goes to stderr
    summary: dict[str, object] = json.loads(out)
    # any failed document makes the run exit 1, and the summary says so
    assert code == (1 if summary["failed"] else 0), err
    assert (f"{summary['failed']} document(s) failed" in err) == bool(summary["failed"]), err
    return summary


def test_folder_ingest_is_idempotent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    for i in range(4):
        (folder / f"a{i}.txt").write_text(make_text(i, seed=1), encoding="utf-8")
    (folder / "sub" / "b.html").write_text(make_html(10, seed=1), encoding="utf-8")
    (folder / "sub" / "c.htm").write_text(make_html(11, seed=1), encoding="utf-8")
    (folder / "ignored.pdf").write_bytes(b"%PDF-1.4")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    db = str(tmp_path / "s.sqlite")
    first = summary_of(["ingest", str(folder), "--db", db], capsys)
    assert (first["seen"], first["stored"], first["duplicate"], first["failed"]) == (7, 6, 0, 1)
    with open_store(db) as store:
        stats = store.stats()
        assert stats["articles"] == 6 and stats["quotes"] >= 12 and stats["failures"] == 1
        assert store.failures().items[0].code == "SW102"  # the empty file
    again = summary_of(["ingest", str(folder), "--db", db], capsys)
    assert (again["stored"], again["duplicate"], again["failed"]) == (0, 6, 1)
    with open_store(db) as store:
        assert store.stats() == stats


def test_limit_and_date_window_over_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [
        {"url": "https://news.example/1", "text": make_text(1, seed=2), "published": "2024-01-05",
         "outlet": "Example News", "authors": ["A. Writer"], "title": "One"},
        {"url": "https://news.example/2", "html": make_html(2, seed=2), "published": "2024-02-10T08:00:00Z"},
        {"url": "https://news.example/3", "text": make_text(3, seed=2)},  # undated: passes the window
        {"url": "https://news.example/4", "text": make_text(4, seed=2), "published": "2024-03-01"},
        {"url": "https://news.example/5", "text": make_text(5, seed=2), "published": "2024-02-20"},
    ]
    path = tmp_path / "a.jsonl"
    body = "\n".join(json.dumps(x) for x in lines) + "\n{not json\n" + json.dumps({"title": "no body"}) + "\n"
    path.write_text(body, encoding="utf-8")
    db = str(tmp_path / "s.sqlite")
    s = summary_of(["ingest", str(path), "--db", db, "--since", "2024-02-01", "--until", "2024-02"], capsys)
    assert (s["stored"], s["filtered"], s["failed"]) == (3, 2, 2)  # 2, 3 (undated), 5
    with open_store(db) as store:
        urls = {a.url for a in store.list_articles().items}
        assert urls == {"https://news.example/2", "https://news.example/3", "https://news.example/5"}
        codes = {f.source.rsplit(":", 1)[-1]: f.code for f in store.failures().items}
        assert codes == {"6": "SW100", "7": "SW100"}
    db2 = str(tmp_path / "s2.sqlite")
    s = summary_of(["ingest", str(path), "--db", db2, "--limit", "2"], capsys)
    assert (s["seen"], s["stored"]) == (2, 2)
    with open_store(db2) as store:
        first = store.get_article(1)
        assert first is not None
        meta = first.article
        assert (meta.title, meta.outlet, meta.published, meta.authors) \
            == ("One", "Example News", "2024-01-05", ["A. Writer"])
    # resuming with the same limit covers the same documents: nothing new
    s = summary_of(["ingest", str(path), "--db", db2, "--limit", "2"], capsys)
    assert (s["stored"], s["duplicate"]) == (0, 2)


def _warc_record(writer: object, url: str, body: bytes, *, date: str = "2026-04-14T10:00:00Z",
                 status: str = "200 OK", ctype: str = "text/html; charset=utf-8") -> None:
    from warcio.statusandheaders import StatusAndHeaders

    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body),  # type: ignore[attr-defined]
                                       http_headers=headers, warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)  # type: ignore[attr-defined]


def test_warc_with_duplicates_copies_and_a_broken_record(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "news.warc.gz"
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i in range(30):
            _warc_record(w, f"https://gazette.example/story/{i}", make_html(i, seed=3).encode(),
                         date=f"2026-04-{1 + i % 28:02d}T10:00:00Z")
        for i in (0, 1):  # re-crawled: the same URL again
            _warc_record(w, f"https://gazette.example/story/{i}", make_html(i, seed=3).encode())
        # the same page under another URL (same text) → not stored twice, linked as an exact copy
        _warc_record(w, "https://mirror.example/copy-of-2", make_html(2, seed=3).encode())
        # a wire story carried by two outlets, different clutter → both stored, linked
        _warc_record(w, "https://ledger.example.com/w", (DATA / "wire-ledger.html").read_bytes())
        _warc_record(w, "https://dailystar.example.net/w", (DATA / "wire-dailystar.html").read_bytes())
        _warc_record(w, "https://gazette.example/broken", b"\x00\x01\x02\xff\xfe binary junk \x00" * 50)
        _warc_record(w, "https://gazette.example/moved", b"", status="301 Moved Permanently")  # skipped
        _warc_record(w, "https://gazette.example/logo.png", b"\x89PNG....", ctype="image/png")  # skipped
    db = str(tmp_path / "s.sqlite")
    s = summary_of(["ingest", str(path), "--db", db], capsys)
    assert (s["seen"], s["stored"], s["duplicate"], s["failed"]) == (36, 32, 3, 1)
    assert s["copies_linked"] == 2  # the wire pair (near) and the mirror (exact); re-crawls add nothing
    code, out, _ = run(["failures", "--db", db, "--format", "json"], capsys)
    failures = json.loads(out)["items"]
    assert code == 0 and len(failures) == 1 and failures[0]["code"] == "SW103"
    assert failures[0]["source"].startswith(str(path))
    with open_store(db) as store:
        ledger = next(a for a in store.list_articles(limit=100).items if a.outlet == "Northern Ledger")
        stored = store.get_article(ledger.id)
        assert stored is not None \
                and [(c.outlet, c.kind) for c in stored.copies] == [("Coastal Daily Star", "near")]
        dated = store.list_articles(since="2026-04-05", until="2026-04-05").items
        assert [a.url for a in dated] == ["https://gazette.example/story/4"]  # WARC-Date as fallback date
        story2 = next(a for a in store.list_articles(limit=100).items
                      if a.url == "https://gazette.example/story/2")
        assert [(c.article_id, c.kind, c.url) for c in store.copies(story2.id)] == [
            (story2.id, "exact", "https://mirror.example/copy-of-2")]
    s = summary_of(["ingest", str(path), "--db", db], capsys)
    assert (s["stored"], s["failed"], s["copies_linked"]) == (0, 1, 0)


def test_truncated_warc_keeps_what_was_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "cut.warc"
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=False)
        for i in range(4):
            _warc_record(w, f"https://cut.example/{i}", make_html(i, seed=4).encode())
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 300])  # the last record is cut off inside its body
    db = str(tmp_path / "s.sqlite")
    s = summary_of(["ingest", str(path), "--db", db], capsys)
    assert (s["stored"], s["failed"]) == (3, 1)


class _Site(http.server.BaseHTTPRequestHandler):
    pages: ClassVar[dict[str, bytes]] = {}

    def do_GET(self) -> None:
        body = self.pages.get(self.path)
        if body is None:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml" if self.path.endswith(".rss") else "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _rss(base: str) -> str:
    content = "".join(f"<p>{p}</p>" for p in make_text(20, seed=5).split("\n\n")[1:])
    return f"""<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Example Feed</title><link>{base}/</link><description>news</description>
<item><title>Embedded story</title><link>{base}/embedded</link>
<pubDate>Tue, 14 Apr 2026 09:00:00 GMT</pubDate>
<content:encoded><![CDATA[{content}]]></content:encoded></item>
<item><title>Linked story</title><link>{base}/linked</link><pubDate>Wed, 15 Apr 2026 09:00:00 GMT</pubDate>
<description>short teaser</description></item>
</channel></rss>"""


def test_feed_file_and_url_with_private_network_block(tmp_path: Path, site: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    # the linked page states its own title and date: the feed entry's ("Linked story", 15 April) never win
    _Site.pages = {"/linked": make_html(21, seed=5, published="2026-04-10").encode(),
                   "/feed.rss": _rss(site).encode()}
    feed = tmp_path / "news.rss"
    feed.write_text(_rss(site), encoding="utf-8")
    db = str(tmp_path / "s.sqlite")
    s = summary_of(["ingest", str(feed), "--db", db], capsys)  # the linked page is on 127.0.0.1: refused
    assert (s["stored"], s["failed"]) == (1, 1)
    with open_store(db) as store:
        assert store.failures().items[0].code == "SW202"
        article = store.get_article(1)
        assert article is not None
        assert (article.article.title, article.article.outlet, article.article.published) == (
            "Embedded story", "Example Feed", "2026-04-14")
    s = summary_of(["ingest", f"{site}/feed.rss", "--db", db, "--allow-private-network"], capsys)
    assert (s["stored"], s["duplicate"], s["failed"]) == (1, 1, 0)
    with open_store(db) as store:
        assert store.stats()["failures"] == 0  # the failed source is now stored
        linked = next(a for a in store.list_articles().items if a.url and a.url.endswith("/linked"))
        assert (linked.title, linked.published) == (make_text(21, seed=5).partition("\n")[0], "2026-04-10")
        assert linked.outlet == "Example Feed"  # the page names no site (only its host): the feed's fills it


def test_queries_reactions_and_export(tmp_path: Path, fixture_dir: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.sqlite")
    s = summary_of(["ingest", str(fixture_dir / "page.html"), str(fixture_dir / "seed.txt"), "--db", db,
                    "--target", "the UN report"], capsys)
    # seed.txt holds the page's clean text: recognised as the same article, not stored twice,
    # and linked to it as an exact copy; running again adds nothing
    assert (s["stored"], s["duplicate"], s["copies_linked"]) == (1, 1, 1)
    s = summary_of(["ingest", str(fixture_dir / "page.html"), str(fixture_dir / "seed.txt"), "--db", db,
                    "--target", "the UN report"], capsys)
    assert (s["stored"], s["duplicate"], s["copies_linked"]) == (0, 2, 0)

    code, out, _ = run(["reactions", "--target", "the UN report", "--db", db, "--format", "json"], capsys)
    rows = {r["actor"]: r for r in json.loads(out)}
    assert code == 0 and rows
    zhang = next(r for name, r in rows.items() if "Zhang" in name)
    assert zhang["stance"] == "oppose" and zhang["outlets"] == ["NextShark"] \
            and zhang["first_seen"] == "2022-09-01"
    assert zhang["evidence"]["text"] and zhang["evidence"]["speaker"] == zhang["actor"]
    stance = {name: r["stance"] for name, r in rows.items()}
    for name, expected in (("Liu Yuyin", "oppose"), ("Zhang Jun", "oppose"),
                           ("63 Uyghur advocacy groups", "support"),
                           ("Omer Kanat", "support"), ("Inter-Parliamentary Alliance on China", "support")):
        assert stance.get(name) == expected, (name, stance)
    code, out, _ = run(["reactions", "--target", "the UN report", "--db", db], capsys)
    assert "Zhang" in out and "oppose" in out

    code, out, _ = run(["search", "politicized", "--db", db, "--format", "json"], capsys)
    hits = json.loads(out)
    assert hits["total"] >= 1 and all("politicized" in h["text"].lower() for h in hits["items"])
    assert {"quote", "speaker", "outlet", "date", "article"} \
        <= set(run(["search", "report", "--db", db], capsys)[1].replace("┃", " ").split())
    code, out, _ = run(["quotes", "--actor", zhang["actor"], "--db", db, "--format", "json"], capsys)
    assert json.loads(out)["total"] >= 1

    jsonl = tmp_path / "out.jsonl"
    assert run(["export", "--db", db, "--format", "jsonl", "-o", str(jsonl)], capsys)[0] == 0
    from saidwhat.schema import AnalyzedArticle

    exported = [AnalyzedArticle.model_validate_json(x)
                for x in jsonl.read_text(encoding="utf-8").splitlines()]
    with open_store(db) as store:
        original = store.get_article(1)
        n_quotes = store.stats()["quotes"]
    assert original is not None and exported == [original.article]
    code, out, _ = run(["export", "--db", db, "--format", "csv"], capsys)
    rows_csv = list(csv.DictReader(io.StringIO(out)))
    assert len(rows_csv) == n_quotes and rows_csv[0]["outlet"] == "NextShark"
    parquet = tmp_path / "q.parquet"
    assert run(["export", "--db", db, "--format", "parquet", "-o", str(parquet)], capsys)[0] == 0
    import pyarrow.parquet as pq

    table = pq.read_table(parquet)
    assert table.num_rows == n_quotes and "speaker" in table.column_names
    code, out, _ = run(["stats", "--db", db, "--format", "json"], capsys)
    assert json.loads(out)["articles"] == 1


def test_copies_in_one_store(tmp_path: Path) -> None:
    """The wire pair and the spun copy are linked; the other story on the same event is not."""
    with open_store(str(tmp_path / "s.sqlite")) as store:
        sources = [str(DATA / n)
                   for n in ("wire-ledger.html", "wire-dailystar.html", "spun.txt", "same-event.txt")]
        s = ingest(sources, store, IngestOptions())
        assert (s.stored, s.copies_linked) == (4, 3)
        by_source = {a.article.source: a for a in (store.get_article(i) for i in range(1, 5)) if a}
        links = {Path(src).name: sorted((Path(by_source_name(by_source, c.article_id)).name, c.kind)
                                        for c in a.copies) for src, a in by_source.items()}
    assert links["wire-ledger.html"] == [("spun.txt", "near"), ("wire-dailystar.html", "near")]
    assert links["same-event.txt"] == []


def by_source_name(by_source: dict[str, object], article_id: int) -> str:
    return next(src for src, a in by_source.items() if a.id == article_id)  # type: ignore[attr-defined]


@pytest.mark.slow
def test_workers_give_the_same_store(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_text(make_text(i, seed=6), encoding="utf-8")
    (folder / "gz.txt").write_bytes(gzip.compress(b"x"))  # binary: fails in a worker, recorded
    results = []
    for workers, name in ((1, "one"), (2, "two")):
        with open_store(str(tmp_path / f"{name}.sqlite")) as store:
            s = ingest([str(folder)], store, IngestOptions(), workers=workers)
            assert (s.stored, s.failed) == (6, 1)
            results.append([(q.text, q.speaker) for q in store.iter_quotes()])
    assert results[0] == results[1]
