"""Opening a store: its URL, the SQLAlchemy engine with each dialect's settings, and migrations.

A store URL is a file path or ``sqlite:///PATH`` (SQLite), or ``postgresql://USER:PASS@HOST/DB``
with an optional ``?schema=NAME`` that keeps the tables in their own PostgreSQL schema. The
tables are created and upgraded by the Alembic scripts in ``migrations/versions`` (shipped in the
package), never by ``metadata.create_all``, so SQLite and PostgreSQL get the same schema.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sqlalchemy import Connection, Engine, create_engine, event, func, make_url, select

from saidwhat.errors import ConfigError, StoreError, require_extra

__all__ = [
    "builtin_store_path",
    "check_location",
    "default_store_url",
    "make_engine",
    "migrate",
    "parse_store_url",
    "redact",
    "require_store",
    "sqlite_path",
    "write_connection",
]

_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
_PG_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
#: the key of the PostgreSQL advisory lock held while migrating (any constant shared by all processes)
_MIGRATION_LOCK = 72417


def builtin_store_path() -> Path:
    """Where the store is when neither ``--db`` nor ``$SAIDWHAT_DB`` names one."""
    import platformdirs

    return Path(platformdirs.user_data_dir("saidwhat")) / "saidwhat.sqlite"


def default_store_url() -> str:
    """``$SAIDWHAT_DB``, else ``saidwhat/saidwhat.sqlite`` in the user's data dir."""
    return os.environ.get("SAIDWHAT_DB") or str(builtin_store_path())


def sqlite_path(url: str) -> Path | None:
    """The database file of a SQLite store URL (a path or ``sqlite:///PATH``); None for PostgreSQL
    and in-memory databases."""
    if not url.startswith("sqlite:"):
        return None if "://" in url else Path(url).expanduser()
    database = make_url(url).database
    return Path(database) if database and database != ":memory:" else None


def check_location(url: str, *, create: bool, make_folder: bool = False) -> None:
    """Refuse a SQLite store whose file is missing (unless ``create``) or whose folder is missing
    (unless ``make_folder``: only the built-in default location is ever created)."""
    path = sqlite_path(url)
    if path is None:
        return
    if not create and not path.is_file():
        raise StoreError("no store here: create one with `saidwhat ingest SOURCE --db PATH`", input=str(path))
    if create and not path.parent.is_dir():
        if not make_folder:
            raise StoreError(f"the folder {str(path.parent)!r} does not exist (a store is never made in a "
                             "folder that is not there: create it first)", input=str(path))
        path.parent.mkdir(parents=True, exist_ok=True)


def require_store(engine: Engine, url: str) -> None:
    """Refuse a database that holds no saidwhat store (no Alembic revision): reading it would
    otherwise create an empty one."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        if MigrationContext.configure(conn).get_current_revision() is None:
            raise StoreError("this database holds no saidwhat store: create one with `saidwhat ingest`",
                             input=redact(url))


def parse_store_url(url: str, schema: str | None = None) -> tuple[str, str | None]:
    """SQLAlchemy URL and PostgreSQL schema (``schema``, else a ``?schema=`` parameter) of a store URL."""
    if url.startswith(_PG_SCHEMES):
        parts = urlsplit(url)
        query = parse_qsl(parts.query, keep_blank_values=True)
        schema = schema or next((v for k, v in query if k == "schema"), None)
        if schema is not None and not _SCHEMA_NAME.match(schema):
            raise ConfigError(f"bad schema name {schema!r}: use lower-case letters, digits, _")
        rest = urlencode([(k, v) for k, v in query if k != "schema"])
        require_extra("psycopg", "postgres", "--db postgresql://…")
        return urlunsplit(("postgresql+psycopg", parts.netloc, parts.path, rest, parts.fragment)), schema
    if url.startswith("sqlite:"):
        return url, None
    if "://" in url:
        raise ConfigError(f"unsupported store URL {url!r}: use a file path, sqlite:///PATH or postgresql://…")
    return f"sqlite:///{Path(url).expanduser().resolve()}", None


def make_engine(sa_url: str, schema: str | None) -> Engine:
    """An engine with the dialect's connection settings (see ``_sqlite_events``, ``_pg_schema_events``)."""
    if sa_url.startswith("sqlite"):
        engine = create_engine(sa_url, connect_args={"timeout": 60})
        _sqlite_events(engine)
        return engine
    engine = create_engine(sa_url, pool_pre_ping=True)
    if schema:
        _pg_schema_events(engine, schema)
    return engine


def migrate(engine: Engine, schema: str | None) -> None:
    """Bring the schema to the latest Alembic revision (the scripts ship in the package)."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    postgres = engine.dialect.name == "postgresql"
    if postgres and schema:
        with engine.begin() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')  # name checked by _SCHEMA_NAME
    with engine.connect() as conn:
        if MigrationContext.configure(conn).get_current_revision() == head:
            return
    with engine.begin() as conn:
        if postgres:
            # Two processes opening a fresh store at once must not both create the tables.
            conn.execute(select(func.pg_advisory_xact_lock(_MIGRATION_LOCK)))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def write_connection(engine: Engine) -> Connection:
    """A connection whose transaction takes the write lock at BEGIN (SQLite: BEGIN IMMEDIATE)."""
    conn = engine.connect()
    conn.execution_options(saidwhat_write=True)
    return conn


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"//([^:/@]+):[^@/]*@", r"//\1:***@", url)


def _sqlite_events(engine: Engine) -> None:
    """WAL, foreign keys, and write transactions that take the lock up front (no upgrade deadlock)."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")  # durable across process crashes in WAL mode
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=60000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        writing = conn.get_execution_options().get("saidwhat_write")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def _pg_schema_events(engine: Engine, schema: str) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        with dbapi_conn.cursor() as cur:
            cur.execute(f'SET search_path TO "{schema}"')  # name checked by _SCHEMA_NAME
        dbapi_conn.commit()
