"""The store's tables (SQLAlchemy Core). The migrations in ``migrations/versions`` create them.

articles        one row per stored article: identity (canonical URL, normalised-text hash),
                metadata, clean text and the full analysed JSON (so reads return it exactly)
canonical_actors  an actor merged across articles, keyed by normalised name and kind
actors          an actor as found in one article, pointing at its canonical actor
quotes          one row per quote; full-text indexed (FTS5 table ``quotes_fts`` on SQLite,
                a generated ``tsv`` column with a GIN index on PostgreSQL)
targets         targets of one article, with ``target_names`` holding every name and alias
stances         one row per stance evidence: a quote's, an actor's or a reaction's label
reactions       stances stated without a quote
copy_links      (near-)copies between stored articles; nothing is ever deleted for being a copy
lsh_bands       MinHash LSH band buckets of each article, for finding copy candidates in SQL
failures        documents that could not be ingested, latest failure per source
sightings       every distinct source an article was read from (its own first, then exact copies)
target_candidates, candidate_names, candidate_stances
                candidate targets of each article with their names and stance evidence
actor_names     every name form an article's actor is known by (its identity evidence, migration 0004)
actor_edits     merges and splits of canonical actors made by hand, kept across re-identification
trails          one utterance by one speaker across articles; every quote belongs to one (migration 0005)
trail_grams     hashed word 3-grams of a trail's quoted words, for finding the trail of a new quote

``quotes_fts`` (SQLite only) is declared apart, on its own ``MetaData``: SQLAlchemy cannot create
an FTS5 virtual table, so migration 0001 creates it in SQL and ``metadata`` stays what the
migrations build on both dialects.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

# BIGINT ids on PostgreSQL, INTEGER (the rowid alias, autoincrementing) on SQLite.
Id = BigInteger().with_variant(Integer(), "sqlite")

articles = Table(
    "articles",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("url", Text),
    Column("url_key", String(64), unique=True),  # sha256 of the canonical URL
    Column("text_hash", String(64), nullable=False, unique=True),
    Column("source", Text),
    Column("outlet", String(300)),
    Column("published", String(10), index=True),
    Column("title", Text),
    Column("language", String(20)),
    Column("text", Text, nullable=False),
    Column("analysis", Text, nullable=False),
    Column("html", Text),
    Column("n_quotes", Integer, nullable=False, default=0),
    Column("n_actors", Integer, nullable=False, default=0),
    Column("ingested_at", String(40), nullable=False),
    Index("ix_articles_outlet", "outlet"),
    Index("ix_articles_source", "source"),
)

canonical_actors = Table(
    "canonical_actors",
    metadata,
    Column("key", String(300), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("affiliation", Text),
    Column("search_names", Text, nullable=False, default=""),
    # migration 0004: female / male / unknown (None for organisations and groups), and where it
    # comes from: text / name-list / none
    Column("gender", String(10)),
    Column("gender_source", String(10)),
)

actors = Table(
    "actors",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("article_id", Id, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("local_id", String(40), nullable=False),
    Column("actor_key", String(300), ForeignKey("canonical_actors.key"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("affiliation", Text),
    Column("role", Text),
    Column("aliases", Text, nullable=False, default="[]"),
    # migration 0004: the identity evidence (see saidwhat.store.identity) and the text's gender
    Column("mention_type", String(20)),
    Column("name_form", String(300)),
    Column("identity_how", String(200)),
    Column("gender", String(10)),
    Column("gender_source", String(10)),
    Index("ix_actors_name_form", "name_form"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("article_id", Id, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("quote_id", String(40), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("text", Text, nullable=False),
    Column("cue", Text),
    Column("speaker", Text),
    Column("actor_key", String(300), index=True),
    Column("confidence", Float),
    Column("content", Text, nullable=False, default="[]"),
    Column("stance", Text, nullable=False, default="{}"),
    Column("local_actor", String(40)),  # migration 0004: the speaker's id within the article
    # added by migration 0005: the quote's trail (trails.id; no foreign key, see the migration)
    Column("trail_id", Id, index=True),
)

targets = Table(
    "targets",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("article_id", Id, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("name_norm", String(500), nullable=False, index=True),
    Column("proposed", Boolean, nullable=False, default=False),
)

target_names = Table(
    "target_names",
    metadata,
    Column("target_id", Id, ForeignKey("targets.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("alias_norm", String(500), nullable=False, index=True),
    Column("name_norm", String(500), nullable=False),
)

stances = Table(
    "stances",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("article_id", Id, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("actor_key", String(300), index=True),
    Column("target", Text, nullable=False),
    Column("target_norm", String(500), nullable=False, index=True),
    Column("origin", String(10), nullable=False),  # quote | actor | reaction
    Column("quote_row", Id, ForeignKey("quotes.id", ondelete="CASCADE")),
    Column("label", String(10), nullable=False),
    Column("score", Float, nullable=False),
    Column("local_actor", String(40)),  # migration 0004
)

reactions = Table(
    "reactions",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("article_id", Id, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("reaction_id", String(40), nullable=False),
    Column("actor_key", String(300)),
    Column("target", Text, nullable=False),
    Column("target_norm", String(500), nullable=False, index=True),
    Column("label", String(10), nullable=False),
    Column("score", Float, nullable=False),
    Column("text", Text, nullable=False),
    Column("local_actor", String(40)),  # migration 0004
)

copy_links = Table(
    "copy_links",
    metadata,
    Column("article_a", Id, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("article_b", Id, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("kind", String(10), nullable=False),
    Column("similarity", Float, nullable=False),
    Index("ix_copy_links_b", "article_b"),
)

lsh_bands = Table(
    "lsh_bands",
    metadata,
    Column("article_id", Id, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("band", Integer, nullable=False),
    Column("bucket", BigInteger, nullable=False),
    Index("ix_lsh_bands_bucket", "bucket", "band"),
)

failures = Table(
    "failures",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("source_key", String(64), nullable=False, unique=True),
    Column("code", String(10), nullable=False),
    Column("message", Text, nullable=False),
    Column("at", String(40), nullable=False),
)

# Added by migration 0002: one row per distinct source of an article. The first (``is_primary``)
# is the source the article was stored from; each later source with the same normalised text
# (or canonical URL) is an exact copy. ``source_key`` identifies a source: ``url:`` + the URL key,
# else ``src:`` + SHA-256 of the source name, else ``none``.
sightings = Table(
    "sightings",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("article_id", Id, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("source_key", String(80), nullable=False),
    Column("source", Text),
    Column("url", Text),
    Column("url_key", String(64), index=True),
    Column("outlet", String(300)),
    Column("published", String(10)),
    Column("title", Text),
    Column("is_primary", Boolean, nullable=False, default=False),
    Column("seen_at", String(40), nullable=False),
    UniqueConstraint("article_id", "source_key", name="uq_sightings_article_source"),
    Index("ix_sightings_source", "source"),
)

# Added by migration 0004. ``form`` is one name form of an article's actor ("name:donald trump",
# "surname-of:trump", "acronym:fbi", "handle:@x", "organization:new york times"), the evidence that
# later articles' actors are matched against (saidwhat.store.identity).
actor_names = Table(
    "actor_names",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("article_id", Id, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("local_id", String(40), nullable=False),
    Column("actor_key", String(300), nullable=False, index=True),
    Column("form", String(320), nullable=False, index=True),
)

# Added by migration 0004: hand edits of identity, applied in ``id`` order to every actor the
# identity step resolves. ``merge``: actors of ``key`` go to ``into``; ``split``: actors of ``key``
# named ``name_norm`` (or all) in the article ``scope`` (or all) go to ``into``.
actor_edits = Table(
    "actor_edits",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("action", String(10), nullable=False),
    Column("key", String(300), nullable=False),
    Column("into", String(300), nullable=False),
    Column("name_norm", Text),
    Column("scope", String(20)),
    Column("note", Text),
    Column("created_at", String(40), nullable=False),
)

# Added by migration 0005: quote trails (``saidwhat.store.trails``).
trails = Table(
    "trails",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("actor_key", String(300), index=True),
    Column("speaker", Text),
    Column("surname", String(300), index=True),
    Column("n_quotes", Integer, nullable=False, default=0),
    Column("n_articles", Integer, nullable=False, default=0),
)

trail_grams = Table(
    "trail_grams",
    metadata,
    Column("trail_id", Id, ForeignKey("trails.id", ondelete="CASCADE"), primary_key=True),
    Column("gram", BigInteger, primary_key=True),
    Index("ix_trail_grams_gram", "gram"),
)

# The SQLite FTS5 index of quote text (rowid = quotes.id); created by migration 0001, not by SQLAlchemy.
quotes_fts = Table("quotes_fts", MetaData(), Column("rowid", Integer, primary_key=True), Column("text", Text))

# Added by migration 0003: candidate targets of each article (``AnalyzedArticle.candidates``), so
# ``reactions --target`` answers for targets never named at ingest. ``candidate_names`` holds the
# normalised name and every alias; ``word`` its last word (a surname, "report"), for matching a
# query by head; ``candidate_stances`` the evidence per quote, reaction and actor.
target_candidates = Table(
    "target_candidates",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("article_id", Id, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("name_norm", String(500), nullable=False, index=True),
    Column("sort", String(10), nullable=False),
    Column("n_mentions", Integer, nullable=False, default=0),
)

candidate_names = Table(
    "candidate_names",
    metadata,
    Column("candidate_id", Id, ForeignKey("target_candidates.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("alias_norm", String(500), nullable=False, index=True),
    Column("word", String(100), nullable=False, index=True),
)

candidate_stances = Table(
    "candidate_stances",
    metadata,
    Column("id", Id, primary_key=True, autoincrement=True),
    Column("candidate_id", Id, ForeignKey("target_candidates.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("article_id", Id, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("actor_key", String(300), index=True),
    Column("origin", String(10), nullable=False),  # quote | actor | reaction
    Column("quote_row", Id, ForeignKey("quotes.id", ondelete="CASCADE")),
    Column("label", String(10), nullable=False),
    Column("score", Float, nullable=False),
    Column("text", Text),  # a reaction's sentence
    Column("local_actor", String(40)),  # migration 0004: the actor's id within the article
)
