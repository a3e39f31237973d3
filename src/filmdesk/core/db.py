"""Opening a catalog database: engine set-up, SQLite pragmas, and migrations at open.

Everything SQLite-specific lives here; the rest of the core speaks plain SQLAlchemy and works on
PostgreSQL as well.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import URL, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest migration. Kept here so that opening an up-to-date catalog (every start) does not
# import Alembic; a test checks it against the migration scripts.
SCHEMA_HEAD = "0007"
BUSY_TIMEOUT_MS = 5000


class DatabaseOpenError(Exception):
    """The database cannot be opened as a filmdesk catalog; the message says why."""


@dataclass(frozen=True)
class MigrationResult:
    """What opening the database did to its schema."""

    from_revision: str | None
    to_revision: str
    backup_path: Path | None


def database_url(target: str) -> URL:
    """Turn ``--database`` input (a path or a SQLAlchemy URL) into a URL."""
    if "://" in target:
        try:
            return make_url(target)
        except ArgumentError as exc:
            raise DatabaseOpenError(f"not a database URL: {target!r} ({exc})") from None
    path = Path(target).expanduser().resolve()
    return URL.create("sqlite+pysqlite", database=str(path))


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for other backends and in-memory databases."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


# The execution option of a connection whose transactions write (``Catalog.run``).
WRITES = "filmdesk_writes"


def writing(engine: Engine) -> Engine:
    """The engine for transactions that write: on SQLite they begin with the write lock."""
    return engine.execution_options(**{WRITES: True})


def create_catalog_engine(target: str) -> Engine:
    """An engine for the catalog at ``target``, configured for safe concurrent desktop use."""
    url = database_url(target)
    path = sqlite_path(url)
    try:
        if url.get_backend_name() == "sqlite":
            if path is not None:
                if path.exists() and path.is_dir():
                    raise DatabaseOpenError(f"{path} is a folder, not a database file")
                path.parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url)
            _configure_sqlite(engine)
            return engine
        return create_engine(url, pool_pre_ping=True)
    except OSError as exc:
        raise DatabaseOpenError(f"cannot create {path}: {exc.strerror}") from None
    except (ArgumentError, NoSuchModuleError) as exc:
        raise DatabaseOpenError(f"cannot open {target!r}: {exc}") from None


def _configure_sqlite(engine: Engine) -> None:
    # pysqlite's own transaction handling does not cover DDL or SAVEPOINT; take it over so every
    # `with engine.begin()` is one real transaction (SQLAlchemy's documented recipe).
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A transaction that will write takes the write lock at its start, so SQLite waits
        # (up to the busy timeout) for another writer to finish. A deferred BEGIN that turns
        # into a write later fails at once with "database is locked": SQLite cannot wait
        # there without risking a deadlock.
        immediate = conn.get_execution_options().get(WRITES, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def alembic_config() -> Config:
    """Alembic configuration pointing at the migrations shipped in the package."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    """The schema revision this version of filmdesk writes, as Alembic's scripts say."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def backup_sqlite(path: Path, label: str) -> Path:
    """Write a consistent copy of the SQLite database next to it and return its path.

    Uses SQLite's online backup, so pages still in the write-ahead log are included.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}.bak")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.{label}-{stamp}-{counter}.bak")
    source = sqlite3.connect(path)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    return target


def _current_revision(engine: Engine) -> tuple[str | None, set[str]]:
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            current = None
            if "alembic_version" in tables:
                current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except (OperationalError, SQLAlchemyDatabaseError) as exc:
        raise DatabaseOpenError(f"cannot open {engine.url!r}: {exc.orig}") from None
    return current, tables


def upgrade_schema(engine: Engine) -> MigrationResult:
    """Bring the database to the current schema, backing up an existing catalog first."""
    current, tables = _current_revision(engine)
    if current == SCHEMA_HEAD:
        # The common case, on every start: no need to load Alembic at all.
        return MigrationResult(current, SCHEMA_HEAD, None)
    from alembic import command
    from alembic.script import ScriptDirectory

    cfg = alembic_config()
    script = ScriptDirectory.from_config(cfg)
    head = head_revision()
    if current is None and tables - {"alembic_version"}:
        raise DatabaseOpenError(
            f"{engine.url.database} is not a filmdesk catalog: it has tables "
            f"({', '.join(sorted(tables)[:5])}) but no filmdesk schema version"
        )
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise DatabaseOpenError(
            f"{engine.url.database} was written by a newer filmdesk (schema {current}); "
            f"this version knows schemas up to {head}. Please update filmdesk."
        )
    backup: Path | None = None
    path = sqlite_path(engine.url)
    if current is not None and path is not None:
        backup = backup_sqlite(path, f"before-schema-{head}")
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except SQLAlchemyDatabaseError as exc:
        # One transaction: the catalog is as it was.
        kept = f"; a copy of it is at {backup}" if backup is not None else ""
        raise DatabaseOpenError(
            f"{engine.url.database} could not be brought to schema {head} ({exc.orig}); "
            f"it was left unchanged{kept}"
        ) from None
    return MigrationResult(current, head, backup)


def open_database(target: str) -> tuple[Engine, MigrationResult]:
    """Open (creating if needed) the catalog at ``target`` and migrate it to the current schema."""
    engine = create_catalog_engine(target)
    try:
        result = upgrade_schema(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine, result
