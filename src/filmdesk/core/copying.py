"""Copying a whole catalog into an empty one: a file to a server, a server to a file, either way.

Every table of the catalog is copied row by row with its ids, so that every reference (a
viewing's film, a list's entries) still points where it did; the seed's bookkeeping and the
catalog's own facts come along, so the copy is not seeded again when it is opened. The schema
is not copied: the target is opened as a catalog first (``open_database``), which makes it at
this filmdesk's revision, as the source is once opened.

All of it is written in one transaction on the target: an error, or a Cancel, leaves it empty
as it was (a file that was not there before is removed again). The source is only read, in one
transaction, so the copy is of one moment even while others write to it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Connection,
    DateTime,
    Engine,
    Table,
    Text,
    cast,
    create_engine,
    delete,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from filmdesk.core.catalog_file import connect_to_inspect, is_sqlite
from filmdesk.core.db import (
    DatabaseOpenError,
    catch_up_id_sequences,
    create_catalog_engine,
    database_url,
    engine_read_only,
    location,
    location_of,
    open_database,
    read_only_message,
    snapshot,
    sqlite_path,
    writing,
)
from filmdesk.core.errors import database_reason
from filmdesk.core.models import Base
from filmdesk.core.problems import explain
from filmdesk.core.progress import Progress
from filmdesk.core.rows import aware

# Rows read and written at a time: big enough that a round trip per piece costs little, small
# enough that a piece of 100,000 films' descriptions stays a few megabytes.
PIECE = 5000

# Every table of the catalog, parents before the tables that refer to them (posters before
# the films that show them). (Alembic's ``alembic_version`` is not among them: the target has
# its own, at the same revision.) A poster's bytes go through COPY as bytea and into SQLite as
# a BLOB, unchanged.
# The search texts a catalog keeps are not copied: the target's first window makes its own.
TABLES: tuple[Table, ...] = tuple(
    t for t in Base.metadata.sorted_tables if t.name != "film_search_texts"
)

# The target's own bookkeeping (what the seed did to it, the seed's digest): replaced by the
# source's, which describes the rows copied. Every other table must be empty in the target.
_BOOKKEEPING = frozenset({"seed_records", "catalog_meta"})
_CONTENT = tuple(t for t in TABLES if t.name not in _BOOKKEEPING)


class CopyError(Exception):
    """The catalog was not copied; the message says why in one sentence, and that the target
    was left as it was."""


class SameCatalogError(CopyError):
    """The target is the catalog being copied."""


class TargetNotEmptyError(CopyError):
    """The target holds a catalog with films (or collections, lists, ...) already."""


@dataclass(frozen=True)
class CopyResult:
    """What was copied, and where to (``target``: a path, or a URL without its password)."""

    target: str
    films: int
    viewings: int
    tags: int
    collections: int
    comments: int
    lists: int
    entries: int
    posters: int = 0


def copy_catalog(
    source: Engine, target: str, *, progress: Progress | None = None, piece: int = PIECE
) -> CopyResult:
    """Copy the whole catalog behind ``source`` into the empty catalog at ``target`` (a path
    or a URL), in one transaction on the target.

    The target is made if it is a new file (in a folder that exists) or an empty database; a
    catalog that holds anything (even only the seeded films), the source itself, a read-only
    target and one that cannot be reached are refused with CopyError, changing nothing.
    ``progress(done, total)`` is called between pieces of ``piece`` rows; it may raise
    ImportCancelled to stop (the target is then left as it was).
    """
    url = _target_url(target)
    new_file = _check_target(source, url)
    try:
        engine = _open_target(url)
    except BaseException:
        if new_file is not None:
            _remove_file(new_file)
        raise
    try:
        result = _copy_into(source, engine, progress, piece)
    except BaseException:
        engine.dispose()
        if new_file is not None:
            _remove_file(new_file)
        raise
    engine.dispose()
    return result


def _target_url(target: str) -> URL:
    try:
        return database_url(target)
    except DatabaseOpenError as exc:
        raise CopyError(f"nothing was copied: {exc}") from None


def _check_target(source: Engine, url: URL) -> Path | None:
    """Refuse a target that is the source, cannot be made, or holds a catalog already, before
    anything is written to it (a catalog of an earlier schema would be upgraded on opening).
    Returns the path of a new file the copy makes (to remove again on failure)."""
    where = location_of(url)
    path = sqlite_path(url)
    source_path = sqlite_path(source.url)
    if path is not None:
        if source_path is not None and _same_file(path, source_path):
            raise SameCatalogError(f"{path} is the catalog being copied; choose another file")
        if path.is_dir():
            raise CopyError(f"{path} is a folder; give the path of a new catalog file in it")
        if not path.parent.is_dir():
            raise CopyError(f"cannot copy to {path}: the folder {path.parent} does not exist")
        if not path.exists():
            return path
        if path.stat().st_size and not _readable_sqlite(path):
            raise CopyError(f"{path} is not a filmdesk catalog: it is not a database")
    elif url.get_backend_name() == source.url.get_backend_name() and _same_server_address(
        url, source.url
    ):
        raise SameCatalogError(f"{where} is the catalog being copied; choose another database")
    identity, held = _peek(url, path)
    if identity is not None and identity == _server_identity(source):
        raise SameCatalogError(f"{where} is the catalog being copied; choose another database")
    if any(held.values()):
        raise TargetNotEmptyError(_not_empty_message(where, held))
    return None


def _same_file(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False


def _readable_sqlite(path: Path) -> bool:
    try:
        return is_sqlite(path)
    except OSError as exc:
        raise CopyError(f"cannot copy to {path}: {exc.strerror}") from None


def _same_server_address(a: URL, b: URL) -> bool:
    def key(url: URL) -> tuple[str, int, str]:
        host = (url.host or "localhost").casefold()
        if host in ("127.0.0.1", "::1"):
            host = "localhost"
        return host, url.port or 5432, url.database or ""

    return key(a) == key(b)


def _peek(url: URL, path: Path | None) -> tuple[tuple[Any, ...] | None, dict[str, int]]:
    """Without changing anything: which server and database the target is (None for a file),
    and how many rows each of its catalog's tables holds (nothing when it has none)."""
    if path is not None:
        engine = create_engine("sqlite://", creator=lambda: connect_to_inspect(path))
    else:
        try:
            engine = create_catalog_engine(
                url.render_as_string(hide_password=False), read_only=True
            )
        except DatabaseOpenError as exc:
            raise CopyError(f"nothing was copied: {exc}") from None
    where = str(path) if path is not None else location(engine)
    try:
        with engine.connect() as conn:
            identity = _identity(conn)
            present = set(inspect(conn).get_table_names())
            held = {t.name: _count(conn, t) for t in _CONTENT if t.name in present}
    except (SQLAlchemyError, sqlite3.Error) as exc:
        problem = explain(exc, path)
        reason = str(problem) if problem is not None else database_reason(exc)
        raise CopyError(f"cannot copy to {where}: {reason}") from None
    finally:
        engine.dispose()
    return identity, held


def _identity(conn: Connection) -> tuple[Any, ...] | None:
    """The server and database ``conn`` is on, however it was addressed: the database's oid
    and the moment its server started (to the microsecond), and the port. None for SQLite."""
    if conn.dialect.name != "postgresql":
        return None
    row = conn.execute(
        text(
            "SELECT d.oid, pg_postmaster_start_time(), inet_server_port()"
            " FROM pg_database d WHERE d.datname = current_database()"
        )
    ).one()
    return tuple(row)


def _server_identity(engine: Engine) -> tuple[Any, ...] | None:
    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as conn:
        return _identity(conn)


def _count(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def _not_empty_message(where: str, held: Mapping[str, int]) -> str:
    said = [
        _plural(held.get(name, 0), word)
        for name, word in (
            ("films", "film"),
            ("collections", "collection"),
            ("screening_lists", "screening list"),
        )
        if held.get(name)
    ]
    what = f"a catalog ({', '.join(said)})" if said else "a catalog that is not empty"
    return (
        f"{where} already holds {what}; a catalog is copied only into an empty one, so "
        "nothing was changed"
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def _open_target(url: URL) -> Engine:
    """The target opened as a catalog at the current schema; refused when read-only."""
    try:
        engine, _migration = open_database(url.render_as_string(hide_password=False))
    except DatabaseOpenError as exc:
        raise CopyError(f"nothing was copied: {exc}") from None
    except SQLAlchemyError as exc:
        raise CopyError(f"cannot copy to {location_of(url)}: {database_reason(exc)}") from None
    if engine_read_only(engine):
        message = read_only_message(engine)
        engine.dispose()
        raise CopyError(f"nothing was copied: {message}")
    return engine


class _SourceReadError(Exception):
    """Reading the source failed (not writing the target)."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(str(error))
        self.error = error


def _copy_into(source: Engine, engine: Engine, progress: Progress | None, piece: int) -> CopyResult:
    where = location(engine)
    try:
        with _reading(source) as read, writing(engine).begin() as write:
            # Again under the write lock: someone may have added films since the first look.
            held = {t.name: _count(write, t) for t in _CONTENT}
            if any(held.values()):
                raise TargetNotEmptyError(_not_empty_message(where, held))
            try:
                counts = {t.name: _count(read, t) for t in TABLES}
            except (SQLAlchemyError, sqlite3.Error) as unread:
                raise _SourceReadError(unread) from None
            total = sum(counts.values())
            done = 0
            for name in _BOOKKEEPING:
                write.execute(delete(Base.metadata.tables[name]))
            for table in TABLES:
                insert_rows = _writer(write, table)
                for rows in _pieces(read, table, piece):
                    if progress is not None:
                        progress(done, total)
                    insert_rows(rows)
                    done += len(rows)
            catch_up_id_sequences(write)
            if progress is not None:
                progress(total, total)
    except _SourceReadError as failed:
        problem = explain(failed.error, sqlite_path(source.url))
        reason = str(problem) if problem is not None else database_reason(failed.error)
        raise CopyError(
            f"the catalog {location(source)} could not be read ({reason}); nothing was "
            f"written to {where}"
        ) from None
    except (SQLAlchemyError, sqlite3.Error) as exc:
        problem = explain(exc, sqlite_path(engine.url))
        reason = str(problem) if problem is not None else database_reason(exc)
        raise CopyError(
            f"the catalog could not be copied to {where} ({reason}); it was left as it was"
        ) from None
    return CopyResult(
        target=where,
        films=counts["films"],
        viewings=counts["viewings"],
        tags=counts["tags"],
        collections=counts["collections"],
        comments=counts["collection_comments"],
        lists=counts["screening_lists"],
        entries=counts["list_entries"],
        posters=counts["posters"],
    )


@contextlib.contextmanager
def _reading(source: Engine) -> Iterator[Connection]:
    """One read-only transaction on the source: every table as it was at one moment."""
    opened = contextlib.ExitStack()
    try:
        conn = opened.enter_context(snapshot(source))
    except (SQLAlchemyError, sqlite3.Error) as exc:
        raise _SourceReadError(exc) from None
    with opened:
        yield conn


Rows = list[tuple[Any, ...]]


def _pieces(read: Connection, table: Table, piece: int) -> Iterator[Rows]:
    """The rows of ``table`` (every column, in the table's order) in the order of its key,
    ``piece`` at a time.

    JSON values come as the text the source keeps (never parsed and written again: the copy
    holds the same characters). Timestamps with a time zone come as aware UTC moments: SQLite
    keeps them as UTC without saying so, PostgreSQL gives them in the session's time zone.
    """
    columns = [
        cast(column, Text).label(column.name) if isinstance(column.type, JSON) else column
        for column in table.columns
    ]
    zoned = [
        at
        for at, column in enumerate(table.columns)
        if isinstance(column.type, DateTime) and column.type.timezone
    ]
    order = list(table.primary_key.columns)
    try:
        query = select(*columns).order_by(*order)
        for part in read.execution_options(yield_per=piece).execute(query).partitions():
            yield [_in_utc(row, zoned) for row in part] if zoned else [tuple(r) for r in part]
    except (SQLAlchemyError, sqlite3.Error) as exc:
        raise _SourceReadError(exc) from None


def _in_utc(row: Sequence[Any], at: list[int]) -> tuple[Any, ...]:
    values = list(row)
    for index in at:
        moment: datetime | None = aware(values[index])
        if moment is not None:
            values[index] = moment.astimezone(UTC)
    return tuple(values)


def _writer(write: Connection, table: Table) -> Callable[[Rows], None]:
    """What inserts rows of ``table`` as ``_pieces`` reads them, into the target."""
    names = ", ".join(f'"{column.name}"' for column in table.columns)
    if write.dialect.name == "postgresql":
        # COPY: a fifth of the time of psycopg's executemany, which sends each row as a
        # statement of its own (each firing the change notification's trigger).
        cursor = write.connection.driver_connection.cursor()  # type: ignore[union-attr]
        statement = f'COPY "{table.name}" ({names}) FROM STDIN'
        driver_error: type[Exception] = write.dialect.loaded_dbapi.Error

        def copy_in(rows: Rows) -> None:
            try:
                with cursor.copy(statement) as copy:
                    for row in rows:
                        copy.write_row(row)
            except driver_error as exc:
                # (The driver's own error, as SQLAlchemy would have raised it.)
                raise DBAPIError.instance(statement, None, exc, driver_error) from None

        return copy_in
    # Each value converted as SQLAlchemy's insert() would (dates, timestamps, booleans), one
    # column at a time, then the rows handed to the driver's executemany: SQLAlchemy's own
    # executemany spends as long again building a dict of parameters for every row.
    dialect = write.dialect
    convert = [
        None if isinstance(c.type, JSON) else c.type.dialect_impl(dialect).bind_processor(dialect)
        for c in table.columns
    ]
    marks = ", ".join("?" for _ in table.columns)
    statement = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'

    def insert_rows(rows: Rows) -> None:
        values: list[Sequence[Any]] = list(zip(*rows, strict=True))
        for at, process in enumerate(convert):
            if process is not None:
                values[at] = [None if v is None else process(v) for v in values[at]]
        write.exec_driver_sql(statement, list(zip(*values, strict=True)))

    return insert_rows


def _remove_file(path: Path) -> None:
    """Remove a catalog file the copy made (and SQLite's files beside it)."""
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm", f"{path.name}-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.remove(path.with_name(name))
