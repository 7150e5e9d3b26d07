"""Rewritten copies (issue 10, item 4): a spun copy that near-duplicate detection misses is linked
``rewritten``; another outlet's own story on the same event is not; what the copy changed (names,
quotes, numbers) is shown; stores made before get the word bands when opened."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete

from corpus_texts import make_text
from saidwhat.cli import main
from saidwhat.schema import AnalyzedArticle
from saidwhat.store import open_store
from saidwhat.store import tables as t
from saidwhat.store.dedup import compare, shingles
from saidwhat.store.rewrites import (
    REWRITE_SHARE,
    WORD_BAND_BASE,
    Text,
    changes,
    rewrite_similarity,
    word_bands,
)

DATA = Path(__file__).parent / "data" / "copies"
STORY = (DATA / "story.txt").read_text(encoding="utf-8")
REWRITTEN = (DATA / "rewritten.txt").read_text(encoding="utf-8")
SAME_EVENT = (DATA / "same-event.txt").read_text(encoding="utf-8")


def _bare(text: str, name: str, outlet: str) -> AnalyzedArticle:
    return AnalyzedArticle(text=text, url=f"https://{outlet}.example/{name}", source=name, title=name,
                           outlet=outlet, published="2024-05-07")


def test_a_heavy_rewrite_escapes_shingles_but_its_sentences_align() -> None:
    assert compare(shingles(STORY), shingles(REWRITTEN))[0] is None  # what dedup alone misses
    assert rewrite_similarity(Text.of(STORY), Text.of(REWRITTEN)) >= 0.8
    assert rewrite_similarity(Text.of(STORY), Text.of(SAME_EVENT)) == 0.0
    assert set(word_bands(Text.of(STORY))) & set(word_bands(Text.of(REWRITTEN)))


def test_sentences_reordered_still_align_and_a_shared_quote_is_no_copy() -> None:
    story = Text.of(STORY)
    reordered = Text.of("\n\n".join(reversed(STORY.split("\n\n"))))
    assert rewrite_similarity(story, reordered) == 1.0
    # an article carrying two of the story's quotes and nothing else of it
    quoting = ("\n\n".join(p for p in STORY.split("\n\n") if p.startswith('"')) + "\n\n"
               + SAME_EVENT)
    assert rewrite_similarity(story, Text.of(quoting)) < REWRITE_SHARE


def test_one_template_with_other_people_and_places_is_no_copy() -> None:
    """Sentences of one shape align word for word, but a copy keeps the names."""
    a = Text.of(make_text(2, seed=3))
    b = Text.of(make_text(15, seed=3))
    assert len(a.names & b.names) < len(a.names) / 2
    assert rewrite_similarity(a, b) == 0.0
    # the same text with a name or two misspelt keeps most names
    c = Text.of(make_text(2, seed=3).replace("Okafor", "Okafo"))
    assert rewrite_similarity(a, c) == 1.0


def test_changes_name_the_misspelt_names_altered_quotes_and_numbers() -> None:
    found = {(c.kind, c.before, c.after) for c in changes(STORY, REWRITTEN).changes}
    assert ("name", "Marta Kovalenko", "Marta Kovalenco") in found
    assert ("name", "Tomas Reyes", "Tomas Reyez") in found
    assert ("number", "1952", "1925") in found and ("number", "500", "750") in found
    quotes = [c for c in changes(STORY, REWRITTEN).changes if c.kind == "quote"]
    assert any("a quarter" in c.before and "a third" in c.after for c in quotes)
    assert any(op["op"] == "replace" and op["ref"] == "money" and op["text"] == "cash"
               for c in quotes for op in c.diff)
    # the unchanged quote ("If the rain does not come by June ...") is no change
    assert not any("rain" in c.before for c in quotes)
    assert changes(STORY, STORY).changes == []


def test_the_store_links_rewritten_copies_only(store_url: str) -> None:
    with open_store(store_url) as store:
        first = store.add_article(_bare(STORY, "story", "ledger")).article_id
        other = store.add_article(_bare(SAME_EVENT, "farmers", "star")).article_id
        copy = store.add_article(_bare(REWRITTEN, "spun", "farm")).article_id
        links = {c.article_id: c for c in store.copies(first)}
        assert set(links) == {copy}
        assert links[copy].kind == "rewritten" and links[copy].similarity >= 0.8
        assert links[copy].outlet == "farm"
        assert store.copies(other) == []
        ch = store.copy_changes(first, copy)
        assert ch is not None and ch.aligned_sentences >= 8
        found = {(c.kind, c.before, c.after) for c in ch.changes}
        assert ("name", "Marta Kovalenko", "Marta Kovalenco") in found
        assert store.copy_changes(first, 10**6) is None


def test_a_store_without_word_bands_gets_them_and_its_rewrites_linked(store_url: str) -> None:
    with open_store(store_url) as store:
        first = store.add_article(_bare(STORY, "story", "ledger")).article_id
        copy = store.add_article(_bare(REWRITTEN, "spun", "farm")).article_id
        with store.engine.begin() as conn:  # as a store written before word bands existed
            conn.execute(delete(t.lsh_bands).where(t.lsh_bands.c.band >= WORD_BAND_BASE))
            conn.execute(delete(t.copy_links))
        assert store.copies(first) == []
    with open_store(store_url) as store:
        assert [(c.article_id, c.kind) for c in store.copies(first)] == [(copy, "rewritten")]


def test_copies_command_shows_what_changed(tmp_path: Path, capsys: object) -> None:
    db = str(tmp_path / "s.sqlite")
    with open_store(db) as store:
        first = store.add_article(_bare(STORY, "story", "ledger")).article_id
        copy = store.add_article(_bare(REWRITTEN, "spun", "farm")).article_id
    assert main(["copies", str(first), "--db", db]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert "rewritten copy" in out and f"article {copy}" in out
    assert "Marta Kovalenko → Marta Kovalenco" in out and "1952 → 1925" in out
    assert main(["copies", "99999", "--db", db]) == 1
