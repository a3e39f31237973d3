"""Opening a catalog database: engine set-up, SQLite pragmas, and migrations at open.

Everything SQLite-specific lives here; the rest of the core speaks plain SQLAlchemy and works on
PostgreSQL as well.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary, WeakSet

from sqlalchemy import URL, Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.pool import StaticPool

from filmdesk.core.catalog_file import file_of, is_read_only, is_sqlite, read_only_uri
from filmdesk.core.errors import database_reason
from filmdesk.core.problems import (
    CatalogFileError,
    DamagedCatalogError,
    ReadOnlyCatalogError,
    explain,
    read_only_error,
    read_only_sentence,
)

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest migration. Kept here so that opening an up-to-date catalog (every start) does not
# import Alembic; a test checks it against the migration scripts.
SCHEMA_HEAD = "0012"
BUSY_TIMEOUT_MS = 5000


# An engine's execution option: the catalog is opened read-only, and why: "file" (a SQLite
# file filmdesk may not write), "account" (a server account that may only read), "asked".
READ_ONLY_OPTION = "filmdesk_read_only"


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
        except ValueError:  # e.g. a port that is not a number
            raise DatabaseOpenError(
                f"not a database URL: {target!r} (its port must be a number)"
            ) from None
    return URL.create("sqlite+pysqlite", database=str(file_of(target)))


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for other backends and in-memory databases."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


# The execution option of a connection whose transactions write (``Catalog.run``).
WRITES = "filmdesk_writes"
# On PostgreSQL, the advisory lock every filmdesk transaction that writes takes first: writers
# take turns, as on SQLite, so what a change reads (a field's value to compare, a list's
# positions) is still so when it writes. Any number fits; this one spells "filmdesk".
WRITE_LOCK_KEY = 0x66696C6D6465736B


def writing(engine: Engine) -> Engine:
    """The engine for transactions that write: on SQLite they begin with the write lock."""
    return engine.execution_options(**{WRITES: True})


@contextmanager
def writing_if_free(engine: Engine, wait_ms: int = 100) -> Iterator[Connection]:
    """A transaction that writes, taking its turn as ``writing``'s do, but which gives up
    (raises) when another writer holds the catalog for longer than ``wait_ms`` instead of the
    busy timeout: for bookkeeping that can be done another time (the search texts kept),
    never for what a person changes. On a SQLite file it is written through the catalog's
    ``OwnConnection``, so that the window's watch does not take it for another program's."""
    if sqlite_path(engine.url) is not None:
        with own_connection(engine).writing(wait_ms) as conn:
            yield conn
        return
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            # The wait holds for this transaction alone (SET LOCAL), whatever becomes of it:
            # the connection goes back to the pool as it came.
            with conn.begin():
                conn.exec_driver_sql(f"SET LOCAL lock_timeout = {int(wait_ms)}")
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
                yield conn
            return
        conn.execution_options(**{WRITES: True})  # (an in-memory SQLite catalog: the tests')
        with conn.begin():
            yield conn


@contextmanager
def snapshot(engine: Engine) -> Iterator[Connection]:
    """One transaction that only reads: every table as it was at one moment, whatever another
    program writes meanwhile (SQLite: a deferred BEGIN; PostgreSQL: REPEATABLE READ)."""
    conn = engine.connect()
    try:
        if conn.dialect.name == "postgresql":
            conn = conn.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        with conn.begin():
            yield conn
    finally:
        conn.close()


class OwnConnection:
    """One connection to a SQLite catalog file beside the engine's pool, used by one thread at
    a time: for the window's look for what others committed (``PRAGMA data_version``, which
    commits made on this same connection leave as it was) and for the bookkeeping the window
    writes itself (the search texts kept), which so is never taken for another program's
    change. ``own_connection`` gives a catalog's; ``Catalog.close`` closes it."""

    def __init__(self, engine: Engine) -> None:
        path = sqlite_path(engine.url)
        if path is None:
            raise ValueError(f"not a SQLite file: {engine.url}")
        read_only = engine_read_only(engine)
        target = read_only_uri(path) if read_only else str(path)
        self._raw = sqlite3.connect(target, uri=bool(read_only), check_same_thread=False)
        self._lock = threading.RLock()
        try:
            self._engine = create_engine(
                "sqlite+pysqlite://", creator=lambda: self._raw, poolclass=StaticPool
            )
            _configure_sqlite(self._engine)
            with self._engine.connect():  # (its set-up, the pragmas, made once, now)
                pass
        except BaseException:
            self._raw.close()
            raise

    @contextmanager
    def raw(self, wait: bool = True) -> Iterator[sqlite3.Connection | None]:
        """The driver's connection, not in a transaction, for this thread alone until the
        block ends; None when another thread has it and ``wait`` is False."""
        if not self._lock.acquire(blocking=wait):
            yield None
            return
        try:
            yield self._raw
        finally:
            self._lock.release()

    @contextmanager
    def writing(self, wait_ms: int) -> Iterator[Connection]:
        """A transaction that writes, waiting at most ``wait_ms`` for another writer."""
        with self._lock:
            self._raw.execute(f"PRAGMA busy_timeout = {int(wait_ms)}")
            try:
                with self._engine.connect() as conn:
                    conn.execution_options(**{WRITES: True})
                    with conn.begin():
                        yield conn
            finally:
                self._raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def close(self) -> None:
        with self._lock:
            self._engine.dispose()
            self._raw.close()


_OWN: WeakKeyDictionary[Engine, OwnConnection] = WeakKeyDictionary()
_CLOSED: WeakSet[Engine] = WeakSet()
_OWN_LOCK = threading.Lock()


def own_connection(engine: Engine) -> OwnConnection:
    """The ``OwnConnection`` of the SQLite catalog file behind ``engine``, made at first use
    (raises ``sqlite3.Error`` when the file cannot be opened, or the catalog was closed)."""
    with _OWN_LOCK:
        if engine in _CLOSED:
            raise sqlite3.ProgrammingError("the catalog is closed")
        own = _OWN.get(engine)
        if own is None:
            own = _OWN[engine] = OwnConnection(engine)
        return own


def close_own_connection(engine: Engine, *, for_good: bool = False) -> None:
    """Close ``engine``'s ``OwnConnection``, if it has one: the next use opens another (a
    restored backup is another file), or, ``for_good`` (the catalog closed), none."""
    with _OWN_LOCK:
        own = _OWN.pop(engine, None)
        if for_good:
            _CLOSED.add(engine)
    if own is not None:
        own.close()


def location(engine: Engine) -> str:
    """Where the catalog is, for a person: the file's path, or the URL without a password."""
    return location_of(engine.url)


def location_of(url: URL) -> str:
    """Where the catalog at ``url`` is, for a person (see ``location``)."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    # (The driver's name means nothing to a person: postgresql://, not postgresql+psycopg://.)
    return url.set(drivername=url.get_backend_name()).render_as_string(hide_password=True)


def engine_read_only(engine: Engine) -> bool:
    """The catalog behind ``engine`` was opened read-only."""
    return bool(engine.get_execution_options().get(READ_ONLY_OPTION, False))


def read_only_reason(engine: Engine) -> str | None:
    """Why the catalog behind ``engine`` is read-only: "file", "account" or "asked" (None: it
    is not)."""
    why = engine.get_execution_options().get(READ_ONLY_OPTION)
    return str(why) if isinstance(why, str) else ("file" if why else None)


def read_only_message(engine: Engine) -> str:
    """Why changes to the catalog behind ``engine`` are refused, as a sentence's start."""
    return read_only_sentence(location(engine), read_only_reason(engine) or "file")


def read_only_refusal(engine: Engine) -> ReadOnlyCatalogError:
    """The refusal of a change to the catalog behind ``engine``, saying why it is read-only."""
    return read_only_error(
        sqlite_path(engine.url), why=read_only_reason(engine) or "file", where=location(engine)
    )


def create_catalog_engine(target: str, *, read_only: bool | str = False) -> Engine:
    """An engine for the catalog at ``target``, configured for safe concurrent desktop use
    (``read_only``: a catalog filmdesk may read but not write; a string says why, as
    ``READ_ONLY_OPTION`` does)."""
    url = database_url(target)
    path = sqlite_path(url)
    backend = url.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise DatabaseOpenError(
            f"cannot open {target!r}: filmdesk keeps a catalog in a SQLite file or on a "
            f"PostgreSQL server, and {backend!r} is neither"
        )
    try:
        if url.get_backend_name() == "sqlite":
            if path is not None:
                if path.exists() and path.is_dir():
                    raise DatabaseOpenError(f"{path} is a folder, not a database file")
                if not read_only:
                    path.parent.mkdir(parents=True, exist_ok=True)
            if read_only and path is not None:
                uri = read_only_uri(path)
                engine = create_engine(
                    url,
                    creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
                    execution_options={READ_ONLY_OPTION: read_only},
                )
            else:
                engine = create_engine(url)
            _configure_sqlite(engine)
            return engine
        return _server_engine(url, read_only=read_only)
    except OSError as exc:
        raise DatabaseOpenError(f"cannot create {path}: {exc.strerror}") from None
    except (ArgumentError, NoSuchModuleError) as exc:
        raise DatabaseOpenError(f"cannot open {target!r}: {exc}") from None
    except ImportError:
        raise DatabaseOpenError(
            f"cannot open {location_of(url)}: the PostgreSQL driver is not installed "
            "(pip install 'filmdesk[postgresql]')"
        ) from None


# The channel a PostgreSQL catalog's triggers notify on commit (migration 0008).
CHANGES_CHANNEL = "filmdesk_changes"
_OWN_CONNECTIONS: WeakKeyDictionary[Engine, set[int]] = WeakKeyDictionary()


def own_connections(engine: Engine) -> set[int]:
    """The server process ids of ``engine``'s connections: what they notify is our own."""
    return _OWN_CONNECTIONS.get(engine, set())


# The tables whose rows are numbered by a sequence on PostgreSQL.
_NUMBERED_TABLES = (
    "films", "viewings", "tags", "collections", "collection_comments", "screening_lists",
    "saved_searches",
)  # fmt: skip


def catch_up_id_sequences(conn: Connection) -> None:
    """On PostgreSQL, move each id sequence past the highest id in its table: rows written
    with their ids given (a bulk import, an undone delete, a copied catalog) do not move it,
    and the next row added by hand would take an id in use. Never moves one back. One
    statement; nothing to do on SQLite (it numbers from the table itself)."""
    if conn.dialect.name != "postgresql":
        return
    parts = [
        f"setval(pg_get_serial_sequence('{table}', 'id'), GREATEST("
        f"(SELECT MAX(id) FROM {table}),"
        f" (SELECT last_value FROM {table}_id_seq)))"
        for table in _NUMBERED_TABLES
    ]
    conn.exec_driver_sql(f"SELECT {', '.join(parts)}")


def _server_engine(url: URL, *, read_only: bool | str) -> Engine:
    """An engine for a catalog on a database server (PostgreSQL)."""
    settings = [
        # A write that waits for another writer's row or table lock gives up as SQLite's
        # busy timeout does, instead of hanging the window.
        f"-c lock_timeout={BUSY_TIMEOUT_MS}",
        "-c application_name=filmdesk",
    ]
    if read_only:
        settings.append("-c default_transaction_read_only=on")
    connect_args: dict[str, Any] = {}
    if url.get_backend_name() == "postgresql":
        connect_args = {"connect_timeout": 10, "options": " ".join(settings)}
    engine = create_engine(
        url,
        pool_pre_ping=True,
        connect_args=connect_args,
        execution_options={READ_ONLY_OPTION: read_only},
    )

    own = _OWN_CONNECTIONS.setdefault(engine, set())

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        pid = getattr(getattr(dbapi_conn, "info", None), "backend_pid", None)
        if pid is not None:
            own.add(int(pid))

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get(WRITES, False):
            # Waits up to lock_timeout for another writer, then fails as "busy".
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")

    return engine


def _configure_sqlite(engine: Engine) -> None:
    # pysqlite's own transaction handling does not cover DDL or SAVEPOINT; take it over so every
    # `with engine.begin()` is one real transaction (SQLAlchemy's documented recipe).
    # (WAL mode is set once the file is known to be a catalog: see ``open_database``.)
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
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


def _current_revision(engine: Engine) -> tuple[str | None, set[str]]:
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            current = None
            if "alembic_version" in tables:
                current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except (OperationalError, SQLAlchemyDatabaseError) as exc:
        problem = explain(exc, sqlite_path(engine.url))
        if isinstance(problem, DamagedCatalogError):
            raise problem from None
        message = (
            str(problem) if problem else f"cannot open {location(engine)}: {database_reason(exc)}"
        )
        raise DatabaseOpenError(message) from None
    return current, tables


def upgrade_schema(engine: Engine) -> MigrationResult:
    """Bring the database to the current schema, backing up an existing catalog first."""
    current, tables = _current_revision(engine)
    if current == SCHEMA_HEAD:
        # The common case, on every start: no need to load Alembic at all.
        return MigrationResult(current, SCHEMA_HEAD, None)
    if current is None and tables - {"alembic_version"}:
        raise DatabaseOpenError(
            f"{location(engine)} is not a filmdesk catalog: it has tables "
            f"({', '.join(sorted(tables)[:5])}) but no filmdesk schema version"
        )
    from alembic import command
    from alembic.script import ScriptDirectory

    from filmdesk.core.backups.naming import Reason
    from filmdesk.core.backups.writing import make_backup

    cfg = alembic_config()
    script = ScriptDirectory.from_config(cfg)
    head = head_revision()
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise DatabaseOpenError(
            f"{location(engine)} was written by a newer filmdesk (schema {current}); "
            f"this version knows schemas up to {head}. Please update filmdesk."
        )
    if engine_read_only(engine):
        raise DatabaseOpenError(
            f"{location(engine)} was written by an earlier filmdesk and must be upgraded, but "
            "it is read-only (filmdesk has no permission to write to it)"
        )
    backup: Path | None = None
    path = sqlite_path(engine.url)
    if current is not None and path is not None:
        try:
            backup = make_backup(path, Reason.BEFORE_UPGRADE).path
        except CatalogFileError as exc:
            raise DatabaseOpenError(f"{path} was not upgraded to schema {head}: {exc}") from None
    try:
        # Under the write lock: two programs opening a new shared catalog at once make it once.
        with writing(engine).begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except SQLAlchemyDatabaseError as exc:
        # One transaction: the catalog is as it was.
        kept = f"; a copy of it is at {backup}" if backup is not None else ""
        reason = explain(exc, path) or database_reason(exc)
        raise DatabaseOpenError(
            f"{location(engine)} could not be brought to schema {head} ({reason}); "
            f"it was left unchanged{kept}"
        ) from None
    return MigrationResult(current, head, backup)


def _check_file(path: Path) -> None:
    """Refuse, before anything is written to it, a file that cannot be a catalog."""
    try:
        if path.is_file() and not is_sqlite(path):
            raise DatabaseOpenError(f"{path} is not a filmdesk catalog: it is not a database")
    except OSError as exc:
        raise DatabaseOpenError(f"cannot open {path}: {exc.strerror}") from None


def use_wal(engine: Engine) -> None:
    """Put the SQLite catalog behind ``engine`` in write-ahead-log mode."""
    # Persistent once set, and only set once the file is known to be a catalog (a foreign
    # database is left as it was). Readers and a writer then work side by side.
    # (Outside any transaction, which SQLAlchemy's connections would begin.)
    try:
        raw = engine.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA journal_mode = WAL").fetchall()  # type: ignore[union-attr]
        finally:
            raw.close()
    except (SQLAlchemyDatabaseError, sqlite3.Error) as exc:
        raise explain(exc, sqlite_path(engine.url)) or DatabaseOpenError(
            f"cannot open {location(engine)}: {getattr(exc, 'orig', exc)}"
        ) from None


def open_database(target: str, *, read_only: bool = False) -> tuple[Engine, MigrationResult]:
    """Open (creating if needed) the catalog at ``target`` and migrate it to the current schema.

    ``read_only``: open it for reading only, as a person asked. A SQLite catalog that filmdesk
    may not write, or a PostgreSQL catalog whose account may only read it, is opened read-only
    as well (``engine_read_only``). A file that is not a filmdesk catalog is refused without
    being changed.
    """
    path = sqlite_path(database_url(target))
    why: bool | str = "asked" if read_only else False
    if path is not None:
        _check_file(path)
        why = why or ("file" if is_read_only(path) else False)
    engine = create_catalog_engine(target, read_only=why)
    try:
        if path is None and not why and not _may_write(engine):
            engine.dispose()
            engine = create_catalog_engine(target, read_only="account")
        result = upgrade_schema(engine)
        if path is not None and not why:
            use_wal(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine, result


def _may_write(engine: Engine) -> bool:
    """Whether the server lets this account change the catalog's films (a catalog not made
    yet: whether it may create it). A viewer's account may only read."""
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("films"):
                return True  # (making it either works or says why)
            return bool(
                conn.execute(text("SELECT has_table_privilege('films', 'UPDATE')")).scalar()
            )
    except (OperationalError, SQLAlchemyDatabaseError) as exc:
        raise DatabaseOpenError(f"cannot open {location(engine)}: {database_reason(exc)}") from None
