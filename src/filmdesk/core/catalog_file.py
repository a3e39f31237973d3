"""A catalog's SQLite file looked at from outside, without changing it: is it SQLite at all, is
it a filmdesk catalog, at which schema, how many films, may it be written, is it whole.

Used before a catalog is opened for use (a foreign file must be refused before anything writes
to it), on backups before they are restored, and by ``filmdesk-cli check``.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from filmdesk.core.problems import DamagedCatalogError, NotACatalogError

SQLITE_HEADER = b"SQLite format 3\x00"
_WAL_VERSION = 2  # bytes 18 and 19 of the header: 2 when the file is in WAL mode
WAIT_S = 5.0  # as long as the catalog's own busy timeout
CHECK_FAILED = "its quick check found damaged pages"  # the damage itself is SQLite's jargon


@dataclass(frozen=True)
class FileFacts:
    """What a SQLite file holds, as far as filmdesk cares."""

    tables: frozenset[str]
    revision: str | None  # the filmdesk schema revision; None when it has none
    films: int | None  # None when it has no films table

    @property
    def is_empty(self) -> bool:
        """A new database with nothing in it yet (filmdesk may make a catalog of it)."""
        return not self.tables

    @property
    def is_catalog(self) -> bool:
        """It carries filmdesk's schema version and its films."""
        return self.revision is not None and self.films is not None


def is_sqlite(path: Path) -> bool:
    """The file starts as every SQLite database does (an empty file counts: SQLite makes it
    a database on first write)."""
    with path.open("rb") as file:
        head = file.read(len(SQLITE_HEADER))
    return head in (b"", SQLITE_HEADER)


def in_wal_mode(path: Path) -> bool:
    """The file says it is in write-ahead-log mode (it may have a -wal file beside it)."""
    with path.open("rb") as file:
        head = file.read(20)
    return len(head) == 20 and head[18] == _WAL_VERSION


def is_read_only(path: Path) -> bool:
    """filmdesk may not write the catalog at ``path``: the file, or (for a catalog not made
    yet, or one whose journal could not be made beside it) its folder, is not writable."""
    folder_writable = os.access(path.parent, os.W_OK)
    if path.exists():
        return not os.access(path, os.W_OK) or not folder_writable
    return False  # a new catalog: creating it says whether the folder is writable


def read_only_uri(path: Path) -> str:
    """A URI that opens ``path`` read-only. In a folder where nothing can be written, SQLite
    could not make the shared-memory file a WAL database needs: read it as immutable (nothing
    can change it there)."""
    uri = f"file:{quote(str(path))}?mode=ro"
    if not os.access(path.parent, os.W_OK):
        uri += "&immutable=1"
    return uri


def connect_to_inspect(path: Path) -> sqlite3.Connection:
    """A connection to read ``path`` without changing it.

    A backup (rollback-journal mode) is opened read-only. A file in WAL mode is opened
    normally where it may be written: a read-only connection could neither see a -wal file
    it cannot create shared memory for, nor remove the -shm and -wal files it leaves behind.
    """
    if is_read_only(path) or not in_wal_mode(path):
        connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=WAIT_S)
    else:
        connection = sqlite3.connect(path, timeout=WAIT_S)
    return connection


def facts_of(connection: sqlite3.Connection) -> FileFacts:
    """The tables, filmdesk schema revision and film count of an open database."""
    tables = frozenset(
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
    )
    revision = None
    if "alembic_version" in tables:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = str(row[0]) if row else None
    films = None
    if "films" in tables:
        films = int(connection.execute("SELECT count(*) FROM films").fetchone()[0])
    return FileFacts(tables, revision, films)


def quick_check(connection: sqlite3.Connection, limit: int = 10) -> list[str]:
    """SQLite's quick check of the whole file: what it found wrong (empty: nothing)."""
    found = [str(row[0]) for row in connection.execute(f"PRAGMA quick_check({int(limit)})")]
    return [] if found == ["ok"] else found


def file_of(target: str) -> Path | None:
    """The file a catalog target (``--database``: a path or a URL) names, as the catalog's
    URL names it; None for a URL."""
    return None if "://" in target else Path(target).expanduser().resolve()


class WholeFileCheck:
    """SQLite's quick check of a catalog's whole file, in a thread of its own from the moment
    it is made: the window starts it before it imports what opening the catalog needs, so the
    two go on side by side (SQLite reads without Python's lock). A tenth of a second for
    100,000 films, a second for a million. A head start only: ``Catalog.check_whole`` checks
    again, once the catalog is open, whatever kept this one from an answer."""

    @classmethod
    def started(cls, target: str) -> WholeFileCheck | None:
        """The check of the catalog file ``target`` names, begun; None for a URL, a file not
        made yet, or one not in WAL mode. (Where another reader may not hold it: a file in
        rollback-journal mode is turned to WAL when opened, which waits for every reader, and
        a journal a crash left is rolled back then, which a reading check could not do.)"""
        path = file_of(target)
        if path is None or not path.is_file():
            return None
        try:
            if not in_wal_mode(path):
                return None
        except OSError:
            return None
        return cls(path)

    def __init__(self, path: Path) -> None:
        self.path = path
        self._found: list[str] = []
        self._error: Exception | None = None
        self._thread = threading.Thread(target=self._run, name="filmdesk-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            connection = connect_to_inspect(self.path)
            try:
                self._found = quick_check(connection)
            finally:
                connection.close()
        except Exception as exc:  # (said by ``found``, in the thread that waits for it)
            self._error = exc

    def found(self) -> list[str]:
        """Once the check is over: what it found wrong (empty: nothing). Raises what stopped
        it (sqlite3.DatabaseError for a file that is no database, say)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._found


def verify_copy(path: Path, newest_schema: str) -> FileFacts:
    """Make sure ``path`` is a whole filmdesk catalog this filmdesk can open, and say what it
    holds. Raises NotACatalogError (not SQLite, or another program's database, or from a newer
    filmdesk) or DamagedCatalogError. Nothing is written to it."""
    if not path.is_file():
        raise NotACatalogError(f"{path} is not a file", path)
    if not is_sqlite(path) or path.stat().st_size == 0:
        raise NotACatalogError(f"{path} is not a filmdesk catalog: it is not a database", path)
    try:
        connection = connect_to_inspect(path)
        try:
            problems = quick_check(connection)
            if problems:
                raise DamagedCatalogError(path, CHECK_FAILED)
            facts = facts_of(connection)
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        name = getattr(exc, "sqlite_errorname", "")
        if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
            raise DamagedCatalogError(path, str(exc)) from None
        raise NotACatalogError(f"{path} cannot be read: {exc}", path) from None
    if not facts.is_catalog:
        raise NotACatalogError(f"{path} is not a filmdesk catalog", path)
    assert facts.revision is not None
    if _newer(facts.revision, newest_schema):
        raise NotACatalogError(
            f"{path} was written by a newer filmdesk (schema {facts.revision}); this version "
            f"knows schemas up to {newest_schema}. Please update filmdesk.",
            path,
        )
    return facts


def _newer(revision: str, head: str) -> bool:
    # filmdesk numbers its schema revisions 0001, 0002, ...
    if revision.isdigit() and head.isdigit():
        return int(revision) > int(head)
    return revision != head


@dataclass(frozen=True)
class CheckReport:
    """What ``PRAGMA integrity_check`` and ``PRAGMA foreign_key_check`` found in a catalog."""

    path: Path
    facts: FileFacts | None
    damage: tuple[str, ...]  # SQLite's own lines; empty when the file is whole
    broken_links: tuple[tuple[str, int | None, str], ...]  # (table, row id, table it points at)

    @property
    def ok(self) -> bool:
        """Nothing wrong was found."""
        return not self.damage and not self.broken_links


def check_catalog(path: Path, limit: int = 100) -> CheckReport:
    """Check the whole catalog at ``path`` (every page, index and link) without changing it.

    Raises NotACatalogError when it is not a filmdesk catalog or not there at all.
    """
    if not path.is_file():
        raise NotACatalogError(f"there is no catalog at {path}", path)
    if not is_sqlite(path) or path.stat().st_size == 0:
        raise NotACatalogError(f"{path} is not a filmdesk catalog: it is not a database", path)
    damage: list[str] = []
    links: list[tuple[str, int | None, str]] = []
    facts: FileFacts | None = None
    connection = connect_to_inspect(path)
    try:
        try:
            rows = connection.execute(f"PRAGMA integrity_check({int(limit)})").fetchall()
            damage = [str(r[0]) for r in rows if r[0] != "ok"]
        except sqlite3.DatabaseError as exc:
            damage = [str(exc)]
        try:
            facts = facts_of(connection)
            for table, rowid, parent, _key in connection.execute("PRAGMA foreign_key_check"):
                links.append((str(table), None if rowid is None else int(rowid), str(parent)))
        except sqlite3.DatabaseError as exc:
            if not damage:
                damage = [str(exc)]
    finally:
        connection.close()
    if facts is not None and not facts.is_catalog and not damage:
        raise NotACatalogError(f"{path} is not a filmdesk catalog", path)
    return CheckReport(path, facts, tuple(damage), tuple(links))
