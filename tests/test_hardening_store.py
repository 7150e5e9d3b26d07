"""Issue 13 in the store, on SQLite and (with SAIDWHAT_TEST_POSTGRES) PostgreSQL alike: a NUL
anywhere in a document is a stored article or a recorded failure, never a stopped ingest; NUL in
any search parameter is an answer (or a 4xx on the web), never a 500; a filter that normalises
to nothing matches nothing; a store on read-only media can be read."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from adversarial import FILLER, PROSE
from saidwhat.cli import main
from saidwhat.errors import InputError, StoreError
from saidwhat.schema import Actor, AnalyzedArticle, Quote, Speaker
from saidwhat.store import Store, open_store
from saidwhat.views.web import create_app

PG = os.environ.get("SAIDWHAT_TEST_POSTGRES")
NUL_PARAMS = ["q", "actor", "outlet", "target", "since", "until", "stance", "name"]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "store.sqlite")
        return
    if not PG:
        pytest.skip("SAIDWHAT_TEST_POSTGRES is not set")
    schema = "h_" + uuid.uuid4().hex[:16]
    yield f"{PG}{'&' if '?' in PG else '?'}schema={schema}"
    engine = create_engine(PG.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


def _article(title: str = "Harbour plan", text_: str = "", source: str = "a.txt") -> AnalyzedArticle:
    body = text_ or ("The mayor spoke. \u201cWe will build it,\u201d Ann Lee said. " + PROSE)
    start = body.index("\u201c") + 1
    end = body.index("\u201d")
    who = body.index("Ann Lee")
    return AnalyzedArticle(
        title=title, text=body, source=source, outlet="Harbour\x00Times", authors=["A\x00B"],
        url=f"https://harbour.example/{uuid.uuid4().hex}",
        actors=[Actor(id="a1", name="Ann\x00Lee", kind="person", mentions=[(who, who + 7)])],
        quotes=[Quote(id="q1", kind="direct", content=[(start, end)], text=body[start:end],
                      cue=[(who + 8, who + 12)], speaker=Speaker(mention=[(who, who + 7)], actor="a1"))],
    )


def test_nul_anywhere_in_a_built_article_is_stored_scrubbed(store_url: str) -> None:
    """A model with NUL in its text and metadata (built by hand, not by the chain) is stored the
    same on both databases: NUL becomes a space, offsets stay valid."""
    body = "The mayor spoke.\x00 \u201cWe will build it,\u201d Ann Lee said. " + PROSE
    with open_store(store_url) as store:
        added = store.add_article(_article(title="Harbour\x00plan", text_=body))
        stored = store.get_article(added.article_id)
    assert stored is not None
    a = stored.article
    assert "\x00" not in a.text + (a.title or "") + (a.outlet or "") + "".join(a.authors)
    assert len(a.text) == len(body)
    assert a.span_text(a.quotes[0].content[0]) == "We will build it,"


@pytest.mark.parametrize("param", NUL_PARAMS)
def test_nul_in_any_search_parameter_is_an_answer_not_an_error(store_url: str, param: str) -> None:
    with open_store(store_url) as store:
        store.add_article(_article())
        value = "Ann\x00Lee" if param != "stance" else "support"
        if param in ("since", "until"):
            with pytest.raises(Exception) as err:  # not a date: the filter's own clear error
                store.search_quotes(None, **{param: "2024\x00"})
            assert "date" in str(err.value)
            return
        if param == "name":
            assert store.list_actors(name=value).total >= 0
            return
        args = {"text": value} if param == "q" else {param: value}
        page = store.search_quotes(**args)  # type: ignore[arg-type]
        assert page.total >= 0
        store.facets(**args)  # type: ignore[arg-type]
        assert isinstance(store.reactions("the\x00plan"), list)
        assert store.get_actor("person:\x00") is None
        assert store.list_articles(outlet="Harbour\x00Times").total >= 0


def test_filters_that_normalise_to_nothing_match_nothing(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add_article(_article())
        assert store.search_quotes().total == 1
        for actor in ("%", "%%", "_", "..."):
            assert store.search_quotes(actor=actor).total == 0, repr(actor)
        for blank in ("\x00", "  "):  # no filter at all once scrubbed and stripped
            assert store.search_quotes(actor=blank).total == 1, repr(blank)
        assert store.list_actors(name="%").total == 0


def test_web_gives_4xx_for_nul_in_every_parameter(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add_article(_article())
    with TestClient(create_app(store_url), base_url="http://127.0.0.1") as c:
        for param in NUL_PARAMS:
            for path in ("/api/quotes", "/api/facets", "/api/actors", "/api/articles", "/search", "/actors"):
                r = c.get(f"{path}?{param}=%00")
                assert r.status_code == 422, (path, param, r.status_code)
        assert c.get("/api/reactions?target=a%00b").status_code == 422
        assert c.get("/api/actors/person:ann%00lee").status_code == 422
        assert c.get("/api/quotes?q=Ann").status_code == 200


def test_ingest_with_nul_documents_never_stops(store_url: str, tmp_path: Path) -> None:
    """A NUL deep in a file, after a BOM, in UTF-16, and in JSONL metadata: every document is
    stored or a recorded failure, the run goes on, and a rerun is quiet."""
    folder = tmp_path / "pages"
    folder.mkdir()
    def deep(topic: str) -> str:  # a NUL past the first 64K characters, in three different articles
        return f"{topic} plan\n\n{topic} news. " + PROSE + FILLER + "\x00" + PROSE

    (folder / "deep.txt").write_bytes(deep("Harbour").encode())
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbf" + deep("Bridge").encode())
    (folder / "utf16.txt").write_bytes(b"\xff\xfe" + deep("Tunnel").encode("utf-16-le"))
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    jsonl = tmp_path / "meta.jsonl"
    jsonl.write_text('{"url": "https://a.example/x", "title": "T\\u0000itle", "outlet": "O\\u0000",'
                     ' "text": "Ferry plan\\n\\n' + PROSE.replace('"', "'").replace("\u201c", "'")
                     .replace("\u201d", "'") + '", "authors": ["A\\u0000"]}\n', encoding="utf-8")
    for run in range(2):
        code = main(["ingest", str(folder), str(jsonl), "--db", store_url, "--quiet"])
        assert code in (0, 1)
        with open_store(store_url) as store:
            stats = store.stats()
            failures = store.failures().items
        assert stats["articles"] == 4, (run, stats)
        assert [f.code for f in failures] == ["SW103"], failures  # binary.txt, recorded not fatal


def test_record_failure_takes_any_name(store_url: str) -> None:
    with open_store(store_url) as store:
        store.record_failure("bad\x00name\udcff.txt", InputError("broken \x00 here", input="x"))
        [failure] = store.failures().items
        assert failure.source == "bad\\x00name\\xff.txt" and "\x00" not in failure.message
        assert store.known_sources(["bad\x00name\udcff.txt", "other"]) == {}


def test_read_only_store_can_be_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On read-only media (here: the file and its folder reported unwritable) the store opens
    immutable: searches work, writes fail with a StoreError."""
    path = tmp_path / "ro" / "store.sqlite"
    path.parent.mkdir()
    with open_store(str(path)) as store:
        store.add_article(_article())
    for extra in ("-wal", "-shm"):
        Path(str(path) + extra).unlink(missing_ok=True)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    with Store(str(path)) as store:
        assert store.read_only
        assert store.search_quotes("build").total == 1
        with pytest.raises(StoreError):
            store.add_article(_article(source="b.txt"))
    assert not Path(str(path) + "-shm").exists(), "nothing was written beside the file"
