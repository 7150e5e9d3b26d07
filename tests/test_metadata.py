"""``ingest --metadata FILE``: a CSV/TSV keyed by file name fills what plain text lacks; what a
page states itself is never overridden (by the file, a feed entry or a JSON Lines record)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus_texts import make_html, make_text  # tests/ is on sys.path (rootdir conftest)
from saidwhat.cli import main
from saidwhat.corpus.metadata import load_metadata
from saidwhat.errors import ConfigError, MissingInputError
from saidwhat.store import open_store

POLNEAR_LIKE = (
    "compartment\tfilename\tlevel\tpublisher\tpublication_date\tauthor\ttitle\twire\n"
    "dev\tgazette_2016-09-12_bridge-toll\tNone\tgazette\t2016-09-12\tAnna Berg\tBridge toll rises\tNone\n"
    "dev\tledger_2016-10-01_port\tNone\tledger\t2016-10-01\tNone\tPort plan\tAP\n"
    "train\tstar_2016-11-03_tram\tNone\tstar\t2016-11-03\t\tTram vote | extra\tNone\n"
)


def _folder(tmp_path: Path, names: list[str], seed: int = 41) -> Path:
    folder = tmp_path / "texts"
    folder.mkdir(exist_ok=True)
    for i, name in enumerate(names):
        (folder / name).write_text(make_text(i, seed=seed), encoding="utf-8")
    return folder


def test_a_polnear_like_tsv_is_read_by_its_column_names(tmp_path: Path) -> None:
    path = tmp_path / "metadata.tsv"
    path.write_text(POLNEAR_LIKE, encoding="utf-8")
    table = load_metadata(str(path))
    row = table.lookup(str(tmp_path / "dev" / "text" / "gazette_2016-09-12_bridge-toll.txt"))  # by stem
    assert row == {"outlet": "gazette", "published": "2016-09-12", "title": "Bridge toll rises",
                   "authors": ["Anna Berg"]}
    row = table.lookup("ledger_2016-10-01_port.txt")
    assert row is not None and "authors" not in row  # "None" is a missing cell
    assert table.lookup("unknown.txt") is None


def test_a_csv_matches_names_and_path_tails(tmp_path: Path) -> None:
    path = tmp_path / "meta.csv"
    path.write_text("File,Outlet,Published,Title,URL,Authors\n"
                    "a.txt,Daily One,2024-03-05T10:00:00Z,First,https://one.example/a,A. Writer; B. Writer\n"
                    "sub/b.txt,Daily Two,2024-03-06,Second,,\n", encoding="utf-8")
    table = load_metadata(str(path))
    assert table.lookup("/data/x/a.txt") == {
        "outlet": "Daily One", "published": "2024-03-05", "title": "First", "url": "https://one.example/a",
        "authors": ["A. Writer", "B. Writer"]}
    assert table.lookup("/data/sub/b.txt") == {"outlet": "Daily Two", "published": "2024-03-06",
                                               "title": "Second"}
    assert table.lookup("/data/other/b.txt") is None  # the path tail must match


@pytest.mark.parametrize("body, message", [
    ("outlet,title\nX,Y\n", "no file-name column"),
    ("file,colour\na.txt,red\n", "none of the columns"),
    ("file,published\na.txt,2016-13-45\n", "is not a date"),
    ("file,outlet\na.txt,X\nb.txt,Y\na.txt,Z\n", "two different rows"),
])
def test_bad_metadata_files_are_errors_naming_the_file(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "m.csv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as info:
        load_metadata(str(path))
    assert str(path) in str(info.value)
    with pytest.raises(MissingInputError):
        load_metadata(str(tmp_path / "absent.tsv"))


def test_ingest_with_metadata_gives_every_hit_an_outlet_and_a_date(
        store_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = ["gazette_2016-09-12_bridge-toll.txt", "ledger_2016-10-01_port.txt", "star_2016-11-03_tram.txt",
             "orphan.txt"]
    folder = _folder(tmp_path, names)
    meta = tmp_path / "metadata.tsv"
    meta.write_text(POLNEAR_LIKE, encoding="utf-8")
    code = main(["ingest", str(folder), "--db", store_url, "--metadata", str(meta), "--json-summary"])
    out, err = capsys.readouterr()
    assert code == 0, err
    summary = json.loads(out)
    assert (summary["stored"], summary["no_metadata"]) == (4, 1)
    assert "without a metadata row 1" in err and "orphan.txt" in err
    with open_store(store_url, create=False) as store:
        hits = store.search_quotes(limit=100).items
        by_outlet = {h.outlet: h for h in hits}
        assert set(by_outlet) == {"gazette", "ledger", "star", None}  # only the orphan has none
        gazette_hit = by_outlet["gazette"]
        assert (gazette_hit.published, gazette_hit.title) == ("2016-09-12", "Bridge toll rises")
        gazette = store.get_article(by_outlet["gazette"].article_id)
        assert gazette is not None and gazette.article.authors == ["Anna Berg"]
        assert [a.outlet for a in store.list_articles(since="2016-10", until="2016-10").items] == ["ledger"]
        assert store.facets(outlet="star")["outlet"] == [("star", sum(h.outlet == "star" for h in hits))]


def test_a_rerun_with_metadata_fills_in_stored_articles(store_url: str, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path, ["gazette_2016-09-12_bridge-toll.txt", "ledger_2016-10-01_port.txt"], seed=42)
    assert main(["ingest", str(folder), "--db", store_url, "--quiet"]) == 0
    with open_store(store_url, create=False) as store:
        assert {h.outlet for h in store.search_quotes(limit=100).items} == {None}
        titles = {a.id: a.title for a in store.list_articles().items}
    meta = tmp_path / "metadata.tsv"
    meta.write_text(POLNEAR_LIKE, encoding="utf-8")
    code = main(["ingest", str(folder), "--db", store_url, "--metadata", str(meta), "--quiet",
                 "--json-summary"])
    summary = json.loads(capsys.readouterr().out)
    assert code == 0 and (summary["stored"], summary["duplicate"], summary["metadata_filled"]) == (0, 2, 2)
    with open_store(store_url, create=False) as store:
        hits = store.search_quotes(limit=100).items
        assert {(h.outlet, h.published) for h in hits} == {("gazette", "2016-09-12"),
                                                            ("ledger", "2016-10-01")}
        for article_id, title in titles.items():  # what the stored article had is kept
            stored = store.get_article(article_id)
            assert stored is not None
            assert stored.article.title == title and stored.article.outlet is not None
    assert main(["ingest", str(folder), "--db", store_url, "--metadata", str(meta), "--quiet",
                 "--json-summary"]) == 0
    assert json.loads(capsys.readouterr().out)["metadata_filled"] == 0  # nothing left to fill


def test_what_a_page_states_wins_over_the_metadata_file(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    html = make_html(1, seed=43, published="2020-01-02").replace(
        "<title>", '<meta property="og:site_name" content="The Page Itself"><title>')
    (folder / "page.html").write_text(html, encoding="utf-8")
    (folder / "plain.txt").write_text(make_text(2, seed=43), encoding="utf-8")
    meta = tmp_path / "m.csv"
    meta.write_text("file,outlet,published,title,authors\n"
                    "page.html,File Outlet,1999-09-09,File Title,File Author\n"
                    "plain.txt,File Outlet,1999-09-09,File Title,File Author\n", encoding="utf-8")
    db = str(tmp_path / "s.sqlite")
    assert main(["ingest", str(folder), "--db", db, "--metadata", str(meta), "--quiet"]) == 0
    with open_store(db) as store:
        articles = {Path(s.article.source or "").name: s.article
                    for s in (store.get_article(a.id) for a in store.list_articles().items) if s}
    page, plain = articles["page.html"], articles["plain.txt"]
    assert (page.outlet, page.published) == ("The Page Itself", "2020-01-02")
    assert page.title == make_text(1, seed=43).partition("\n")[0]
    assert page.authors == ["File Author"]  # the page names no author: the file fills it
    # plain text states nothing: the file's title replaces the first-line guess
    assert (plain.outlet, plain.published, plain.title, plain.authors) == (
        "File Outlet", "1999-09-09", "File Title", ["File Author"])
