"""Copies between stored articles: LSH bands in SQL, verified links, and an article's copies.

The fingerprints and the verification are ``saidwhat.store.dedup`` (pure functions on text);
here the bands live in ``lsh_bands`` so every process sees one index, a new article is verified
against the stored articles sharing its bands, and copies are read back for an article: linked
articles (``copy_links``) and its other sources (exact copies recorded as ``sightings``).
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Connection, Engine, exists, insert, select

from saidwhat.store import tables as t
from saidwhat.store.dedup import compare, shingles
from saidwhat.store.engine import write_connection
from saidwhat.store.results import CopyLink
from saidwhat.store.rewrites import REWRITE_SHARE, WORD_BAND_BASE, Text, rewrite_similarity, word_bands

__all__ = ["FEW_CANDIDATES", "MAX_CANDIDATES", "add_missing_word_bands", "article_copies", "link_copies"]

#: copy candidates: all are verified when there are at most FEW, never more than MAX
FEW_CANDIDATES = 50
MAX_CANDIDATES = 500


def _candidates(conn: Connection, article_id: int, bands: list[tuple[int, int]]) -> list[int]:
    """Stored articles sharing LSH bands with this one, the most shared first."""
    b = t.lsh_bands.c
    wanted = set(bands)
    # Buckets are 64-bit hashes: looked up alone they use the (bucket, band) index on both
    # databases, where a (bucket, band) IN list of pairs does not on SQLite; the band is checked here.
    shared: Counter[int] = Counter()
    for other, band, bucket in conn.execute(select(b.article_id, b.band, b.bucket).where(
            b.bucket.in_([bucket for _, bucket in bands]), b.article_id != article_id)):
        if (band, bucket) in wanted:
            shared[int(other)] += 1
    rows = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_CANDIDATES]
    # In a large store unrelated articles share a single band now and then (about 1 in 60 at
    # Jaccard 0.02); then only candidates sharing two or more bands are verified (a pair at
    # Jaccard 0.3 shares >= 2 of the 40 bands with probability 0.88, at 0.4 with 0.99).
    return [other for other, n in rows if len(rows) <= FEW_CANDIDATES or n >= 2]


def link_copies(conn: Connection, article_id: int, bands: list[tuple[int, int]], sh: set[bytes],
                text: Text | None = None, word_bands: list[tuple[int, int]] | None = None) -> None:
    """Store this article's LSH bands; verify every article sharing a band and link copies.

    With ``text`` and its ``word_bands`` (``saidwhat.store.rewrites``), the articles sharing a
    word band that are no near copy are verified as rewritten copies too."""
    if not sh:
        return
    found = _candidates(conn, article_id, bands)
    rewrite_found = _candidates(conn, article_id, word_bands) if text is not None and word_bands else []
    conn.execute(insert(t.lsh_bands), [{"article_id": article_id, "band": band, "bucket": bucket}
                                       for band, bucket in bands + (word_bands or [])])
    links: dict[int, tuple[str, float]] = {}
    for other_id, other_text in _texts(conn, found):
        kind, sim = compare(sh, shingles(other_text))
        if kind is not None:
            links[other_id] = (kind, sim)
    if text is not None:
        for other_id, other_text in _texts(conn, [i for i in rewrite_found if i not in links]):
            sim = rewrite_similarity(text, Text.of(other_text))
            if sim >= REWRITE_SHARE:
                links[other_id] = ("rewritten", sim)
    if links:
        conn.execute(insert(t.copy_links), [
            {"article_a": min(other, article_id), "article_b": max(other, article_id), "kind": kind,
             "similarity": sim} for other, (kind, sim) in sorted(links.items())])


def _texts(conn: Connection, ids: list[int]) -> list[tuple[int, str]]:
    if not ids:
        return []
    rows = conn.execute(select(t.articles.c.id, t.articles.c.text).where(t.articles.c.id.in_(ids)))
    return [(int(i), str(text)) for i, text in rows]


def article_copies(conn: Connection, article_id: int) -> list[CopyLink]:
    """The article's copies: its other sources (exact copies of the same text, ``article_id``
    being the article itself, ``source`` set) and linked stored articles, most similar first."""
    copies = _linked(conn, article_id) + _other_sources(conn, article_id)
    copies.sort(key=lambda c: (-c.similarity, c.article_id != article_id, c.article_id))
    return copies


def _linked(conn: Connection, article_id: int) -> list[CopyLink]:
    links = t.copy_links.c
    other = t.articles.alias("other")
    copies = []
    for side, far in ((links.article_a, links.article_b), (links.article_b, links.article_a)):
        q = (select(far, links.kind, links.similarity, other.c.title, other.c.outlet, other.c.url,
                    other.c.source, other.c.published, other.c.ingested_at)
             .join(other, other.c.id == far).where(side == article_id))
        for r in conn.execute(q):
            copies.append(CopyLink(article_id=int(r[0]), kind=r.kind, similarity=r.similarity, title=r.title,
                                   outlet=r.outlet, url=r.url, source=r.source, published=r.published,
                                   seen_at=r.ingested_at))
    return copies


def _other_sources(conn: Connection, article_id: int) -> list[CopyLink]:
    sg = t.sightings.c
    return [CopyLink(article_id=article_id, kind="exact", similarity=1.0, title=c.title, outlet=c.outlet,
                     url=c.url, source=c.source, published=c.published, seen_at=c.seen_at)
            for c in conn.execute(select(sg.source, sg.url, sg.outlet, sg.published, sg.title, sg.seen_at)
                                  .where(sg.article_id == article_id, sg.is_primary.is_(False))
                                  .order_by(sg.id))]


def add_missing_word_bands(engine: Engine) -> int:
    """Articles stored before rewritten copies were detected get their word bands, and links to
    the earlier articles they are rewritten copies of, in storage order (once, when the store is
    opened); returns how many articles were done."""
    a, b = t.articles.c, t.lsh_bands.c
    banded = exists().where(b.article_id == a.id, b.band >= WORD_BAND_BASE)
    with engine.connect() as conn:
        missing = [int(i) for i in conn.execute(select(a.id).where(~banded).order_by(a.id)).scalars()]
    for article_id in missing:
        with write_connection(engine) as conn, conn.begin():
            text = conn.execute(select(a.text).where(a.id == article_id)).scalar_one()
            _link_rewrites(conn, article_id, Text.of(text))
    return len(missing)


def _link_rewrites(conn: Connection, article_id: int, text: Text) -> None:
    bands = word_bands(text)
    found = _candidates(conn, article_id, bands)
    conn.execute(insert(t.lsh_bands), [{"article_id": article_id, "band": band, "bucket": bucket}
                                       for band, bucket in bands])
    cl = t.copy_links.c
    linked = {int(x) for row in conn.execute(select(cl.article_a, cl.article_b).where(
        (cl.article_a == article_id) | (cl.article_b == article_id))) for x in row}
    rows = []
    for other_id, other_text in _texts(conn, [i for i in found if i not in linked]):
        sim = rewrite_similarity(text, Text.of(other_text))
        if sim >= REWRITE_SHARE:
            rows.append({"article_a": min(other_id, article_id), "article_b": max(other_id, article_id),
                         "kind": "rewritten", "similarity": sim})
    if rows:
        conn.execute(insert(t.copy_links), rows)
