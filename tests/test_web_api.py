"""The JSON API and the pages over a real SQLite store filled by the real analysis chain."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import saidwhat
from saidwhat.schema import AnalyzedArticle
from saidwhat.store import open_store
from saidwhat.views.web import create_app
from saidwhat.views.web.api import download_disposition
from webcorpus import MADE_UP, UN_TARGET, Corpus, build_corpus  # tests/ is on sys.path (rootdir conftest)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, fixture_dir: Path) -> Corpus:
    return build_corpus(tmp_path_factory.mktemp("web") / "store.sqlite", fixture_dir / "page.html")


@pytest.fixture(scope="module")
def client(corpus: Corpus) -> Iterator[TestClient]:
    app = create_app(str(corpus.path))
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


# --- JSON API ------------------------------------------------------------------------------------

def test_articles_paginate_with_total(client: TestClient, corpus: Corpus) -> None:
    data = client.get("/api/articles").json()
    assert data["total"] == len(corpus.ids)
    assert {a["id"] for a in data["items"]} == set(corpus.ids.values())
    page = client.get("/api/articles", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == len(corpus.ids) and page["limit"] == 1 and page["offset"] == 1
    assert len(page["items"]) == 1
    assert page["items"][0]["id"] in {a["id"] for a in data["items"][1:2]}
    nextshark = client.get("/api/articles", params={"outlet": "NextShark"}).json()
    assert [a["id"] for a in nextshark["items"]] == [corpus.ids["un"]]


def test_article_by_id_is_the_stored_analysis(client: TestClient, corpus: Corpus) -> None:
    r = client.get(f"/api/articles/{corpus.ids['un']}")
    assert r.status_code == 200
    stored = AnalyzedArticle.model_validate(r.json()["article"])
    assert stored.title == corpus.articles["un"].title
    assert stored.text == corpus.articles["un"].text
    assert [q.content for q in stored.quotes] == [q.content for q in corpus.articles["un"].quotes]


def test_missing_article_is_a_json_404(client: TestClient) -> None:
    r = client.get("/api/articles/999999")
    assert r.status_code == 404
    assert r.json()["code"] == "HTTP404" and "999999" in r.json()["message"]


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 1000}, {"offset": -1}, {"since": "yesterday"},
                                    {"since": "2016-13-45"}, {"until": "2026-13"}, {"stance": "angry"}])
def test_bad_parameters_are_4xx_with_an_error_code(client: TestClient, params: dict[str, object]) -> None:
    r = client.get("/api/quotes", params=params)
    assert r.status_code == 422
    body = r.json()
    assert body["code"] == "SW100" and body["type"] == "InputError" and body["message"]


def test_quote_search_text_and_filters(client: TestClient, corpus: Corpus) -> None:
    r = client.get("/api/quotes", params={"q": "bridge"})
    assert r.status_code == 200
    hits = r.json()
    assert hits["total"] >= 1
    for hit in hits["items"]:
        assert hit["article_id"] == corpus.ids["harbor"]
        art = corpus.articles["harbor"]
        # the hit's spans point at its text in the clean article text
        assert " … ".join(art.text[s:e] for s, e in hit["content"]) == hit["text"]
    by_outlet = client.get("/api/quotes", params={"outlet": "Nordic Daily", "limit": 100}).json()
    assert by_outlet["total"] == len(corpus.articles["nordic"].quotes)
    assert {h["outlet"] for h in by_outlet["items"]} == {"Nordic Daily"}
    dated = client.get("/api/quotes", params={"since": "2024-01-01", "limit": 100}).json()
    assert dated["total"] >= 1 and all(h["published"] >= "2024-01-01" for h in dated["items"])
    page2 = client.get("/api/quotes", params={"limit": 2, "offset": 2}).json()
    everything = client.get("/api/quotes", params={"limit": 100}).json()
    assert page2["total"] == everything["total"]
    assert [h["quote_id"] for h in page2["items"]] == [h["quote_id"] for h in everything["items"][2:4]]


def test_quote_search_by_actor_and_facets(client: TestClient, corpus: Corpus) -> None:
    facets = client.get("/api/facets").json()
    assert set(facets) >= {"actor", "outlet", "target", "stance"}
    outlets = dict(facets["outlet"])
    assert outlets.get("NextShark") == len(corpus.articles["un"].quotes)
    name, count = facets["actor"][0]
    by_actor = client.get("/api/quotes", params={"actor": name, "limit": 100}).json()
    assert by_actor["total"] >= count


def test_actors_list_and_detail(client: TestClient) -> None:
    actors = client.get("/api/actors", params={"limit": 100}).json()
    assert actors["total"] >= 3
    top = max(actors["items"], key=lambda a: a["n_quotes"])
    detail = client.get(f"/api/actors/{top['key']}")
    assert detail.status_code == 200
    d = detail.json()
    assert d["key"] == top["key"] and len(d["quotes"]) == top["n_quotes"]
    assert client.get("/api/actors/person:nobody-at-all").status_code == 404


def test_reactions_paginated_and_exported(client: TestClient, corpus: Corpus) -> None:
    r = client.get("/api/reactions", params={"target": UN_TARGET})
    assert r.status_code == 200
    rows = r.json()
    assert rows["total"] >= 1 and len(rows["items"]) == min(rows["total"], 20)
    # the reaction table merges the fixture page and the made-up reactions to the same target
    articles = {row["evidence"]["article_id"] for row in rows["items"] if row["evidence"]}
    assert corpus.ids["nordic"] in articles or corpus.ids["un"] in articles
    assert client.get("/api/reactions").status_code == 422

    csv_r = client.get("/api/reactions/export", params={"target": UN_TARGET, "format": "csv"})
    assert csv_r.status_code == 200 and csv_r.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv_r.headers["content-disposition"]
    table = list(csv.DictReader(io.StringIO(csv_r.text)))
    assert len(table) == rows["total"]
    listed = client.get("/api/reactions", params={"target": UN_TARGET, "limit": 100}).json()["items"]
    assert {row["actor"] for row in table} == {row["actor"] for row in listed}
    json_r = client.get("/api/reactions/export", params={"target": UN_TARGET, "format": "json"})
    assert json_r.status_code == 200 and len(json_r.json()["rows"]) == rows["total"]


def test_export_of_a_target_in_any_script_names_its_file(client: TestClient) -> None:
    # a header is Latin-1: the target's own letters go percent-encoded in filename*, never a 500
    for target in ("Ā", "新疆 report", "the UN report"):
        r = client.get("/api/reactions/export", params={"target": target, "format": "csv"})
        assert r.status_code == 200, target
        disposition = r.headers["content-disposition"]
        assert disposition.isascii() and "filename*=UTF-8''reactions-" in disposition
    assert download_disposition("Ā", "csv").startswith('attachment; filename="reactions-target.csv"')
    assert "%E6%96%B0%E7%96%86-report.json" in download_disposition("新疆 report", "json")
    assert 'filename="reactions-the-un-report.csv"' in download_disposition("the UN report", "csv")


def test_openapi_describes_the_endpoints(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/quotes", "/api/actors",
                 "/api/actors/{key}", "/api/reactions", "/api/analyze"):
        assert path in spec["paths"], path
    body = spec["paths"]["/api/analyze"]["post"]["requestBody"]["content"]
    assert {"application/json", "application/x-www-form-urlencoded"} <= set(body)


def test_analyze_returns_the_cli_schema(client: TestClient) -> None:
    text = MADE_UP[0].text
    r = client.post("/api/analyze", json={"text": text})
    assert r.status_code == 200, r.text
    got = AnalyzedArticle.model_validate(r.json())
    expected = saidwhat.analyze_article(saidwhat.extract_article(saidwhat.page.page_from_text(text, "x",
                                                                                              kind="text")))
    assert got.text == expected.text
    assert [(q.content, q.cue, q.speaker.actor) for q in got.quotes] == \
        [(q.content, q.cue, q.speaker.actor) for q in expected.quotes]


def test_analyze_form_and_store(client: TestClient, corpus: Corpus) -> None:
    text = ("The school board met on Tuesday.\n\n\u201cOur teachers deserve better pay,\u201d "
            "board chair Maria Lopez said after the vote.")
    r = client.post("/api/analyze", data={"text": text, "store": "1", "targets": "teachers, pay"})
    assert r.status_code == 201, r.text
    new_id = int(r.headers["x-saidwhat-article-id"])
    assert r.headers["location"] == f"/api/articles/{new_id}"
    assert {t["name"] for t in r.json()["targets"]} >= {"teachers", "pay"}
    stored = client.get(f"/api/articles/{new_id}").json()
    assert stored["article"]["text"] == r.json()["text"]
    with open_store(str(corpus.path)) as store:
        assert store.get_article(new_id) is not None


@pytest.mark.parametrize("body", [{}, {"text": "  "}, {"text": "a", "url": "https://example.org/"},
                                  {"url": "/etc/passwd"}, {"url": "file:///etc/passwd"}])
def test_analyze_bad_input_is_4xx(client: TestClient, body: dict[str, str]) -> None:
    r = client.post("/api/analyze", json=body)
    assert 400 <= r.status_code < 500
    assert r.json()["code"].startswith("SW1")


def test_analyze_html_empty_article_is_422(client: TestClient) -> None:
    r = client.post("/api/analyze", json={"html": "<html><body><nav>menu</nav></body></html>"})
    assert r.status_code == 422
    assert r.json()["code"].startswith("SW1")


# --- pages ---------------------------------------------------------------------------------------

class _Highlights(HTMLParser):
    """Collect the article-text container's text and the text under each data-spans element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.text: list[str] = []
        self.stack: list[list[str]] = []
        self.spans: dict[str, str] = {}

    def handle_starttag(self, _tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if self.depth == 0 and a.get("id") == "article-text":
            self.depth = 1
            return
        if self.depth:
            self.depth += 1
            self.stack.append((a.get("data-spans") or "").split())

    def handle_endtag(self, _tag: str) -> None:
        if self.depth:
            self.depth -= 1
            if self.stack:
                self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)
            for ids in self.stack:
                for sid in ids:
                    self.spans[sid] = self.spans.get(sid, "") + data


def test_article_page_highlights_exact_spans(client: TestClient, corpus: Corpus) -> None:
    art = corpus.articles["un"]
    r = client.get(f"/articles/{corpus.ids['un']}")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    parser = _Highlights()
    parser.feed(r.text)
    assert "".join(parser.text) == art.text
    assert art.quotes, "the fixture page has quotes"
    for q in art.quotes:
        for k, (s, e) in enumerate(q.content):
            assert parser.spans[f"{q.id}:{k}"] == art.text[s:e]
    assert f'id="quote-{art.quotes[0].id}"' in r.text
    assert 'rel="noopener noreferrer nofollow"' in r.text or art.url is None


def test_pages_render(client: TestClient, corpus: Corpus) -> None:
    search = client.get("/search", params={"q": "bridge"})
    assert search.status_code == 200 and "Harbor Times" in search.text
    assert f"/articles/{corpus.ids['harbor']}#quote-" in search.text
    assert client.get("/").status_code == 200
    total = client.get("/api/quotes").json()["total"]
    second = client.get("/search", params={"offset": 5})
    assert second.status_code == 200 and f"6–{min(total, 25)} of {total}" in second.text
    assert client.get("/articles").status_code == 200
    actors = client.get("/api/actors", params={"limit": 1}).json()["items"]
    assert client.get(f"/actors/{actors[0]['key']}").status_code == 200
    react = client.get("/reactions", params={"target": UN_TARGET})
    assert react.status_code == 200 and "<svg" in react.text and "/api/reactions/export?" in react.text
    assert client.get("/analyze").status_code == 200
    missing = client.get("/articles/424242")
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]


def test_analyze_form_renders_article_page(client: TestClient) -> None:
    r = client.post("/analyze", data={"kind": "text", "content": MADE_UP[1].text, "targets": UN_TARGET})
    assert r.status_code == 200
    parser = _Highlights()
    parser.feed(r.text)
    expected = saidwhat.extract_article(saidwhat.page.page_from_text(MADE_UP[1].text, "x", kind="text"))
    assert "".join(parser.text) == expected.text
    assert parser.spans, "the made-up reactions have quotes"
    assert "not stored" in r.text


def test_search_page_date_facet_links_filter_by_month(client: TestClient) -> None:
    page = client.get("/search").text
    assert "since=2024-03-01&amp;until=2024-03-31" in page
    narrowed = client.get("/search", params={"since": "2024-03-01", "until": "2024-03-31"})
    assert narrowed.status_code == 200
    assert "Harbor Times" in narrowed.text and "Nordic Daily" not in narrowed.text


def test_reactions_page_filters_by_stance(client: TestClient) -> None:
    rows = client.get("/api/reactions", params={"target": UN_TARGET, "limit": 100}).json()["items"]
    labels = {r["stance"] for r in rows}
    assert labels, "the UN report has reactions"
    for label in labels:
        page = client.get("/reactions", params={"target": UN_TARGET, "stance": label}).text
        assert f'class="stance st-{label}"' in page
        for other in {"support", "oppose", "neutral"} - {label}:
            assert f'class="stance st-{other}"' not in page
        assert f"Export all {len(rows)} rows" in page


def test_stance_marks_uncertain_labels_and_authors(client: TestClient, fixture_dir: Path) -> None:
    from saidwhat.views.web.pages import _env

    macro = '{% from "_macros.html" import stance %}{{ stance("support", true) }}|{{ stance("oppose") }}'
    html = _env().from_string(macro).render()
    sure, unsure = html.split("|")[1], html.split("|")[0]
    assert "uncertain" in unsure and "support?" in unsure
    assert "uncertain" not in sure and "oppose?" not in sure
    text = (fixture_dir / "seed.txt").read_text(encoding="utf-8")
    r = client.post("/analyze", data={"text": text, "targets": "the UN report"})
    assert r.status_code == 200
    assert "Author: Office of the United Nations High Commissioner for Human Rights" in r.text
