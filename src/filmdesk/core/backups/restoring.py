"""Putting a backup back in place of the catalog.

The backup is checked first (a whole filmdesk catalog this filmdesk can open), and the
catalog as it is now is backed up (a damaged one is kept byte for byte instead). Then the
backup's pages are copied into the catalog with SQLite's backup API, as one write transaction
of the catalog's own: all or nothing, through the catalog's write-ahead log, so no old -wal
file can be applied over the result (copying a backup over the file by hand does exactly
that), and a window open on the catalog sees the change as any other. A catalog too damaged
for that (or missing) is replaced instead: the backup is copied to a temporary name beside it,
the damaged catalog's -wal and -shm files are removed, and the copy is renamed over it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from filmdesk.core.backups.naming import Backup, Reason, list_backups, remove_debris
from filmdesk.core.backups.writing import (
    copy_database,
    keep_damaged,
    make_backup,
    mode_of,
    sync_folder,
    written_whole,
)
from filmdesk.core.catalog_file import WAIT_S, connect_to_inspect, is_read_only, verify_copy
from filmdesk.core.db import SCHEMA_HEAD
from filmdesk.core.problems import (
    CatalogBusyError,
    CatalogFileError,
    DamagedCatalogError,
    NotACatalogError,
    explain,
    read_only_error,
)


@dataclass(frozen=True)
class Restored:
    """What a restore did."""

    source: Path
    films: int  # in the catalog now
    kept: Backup | None  # the catalog as it was, backed up first (None: there was none)
    kept_damaged: Path | None  # a damaged catalog's files, kept as they were


class _BusyError(Exception):
    pass


def restore_backup(catalog: Path, source: Path, *, now: datetime | None = None) -> Restored:
    """Replace the SQLite catalog at ``catalog`` by the backup at ``source``.

    Raises NotACatalogError or DamagedCatalogError (about ``source``: then nothing was
    done), CatalogBusyError, DiskFullError or another CatalogFileError; on any error the
    catalog is as it was. An older backup keeps its older schema: opening it upgrades it.
    """
    if catalog.exists() and source.resolve() == catalog.resolve():
        raise NotACatalogError(f"{source} is the catalog itself, not a backup of it", source)
    facts = verify_copy(source, SCHEMA_HEAD)
    if catalog.exists() and is_read_only(catalog):
        raise read_only_error(catalog)
    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    kept: Backup | None = None
    kept_damaged: Path | None = None
    if catalog.exists() and catalog.stat().st_size > 0:
        try:
            kept = make_backup(catalog, Reason.BEFORE_RESTORE, now=moment)
        except DamagedCatalogError:
            kept_damaged = keep_damaged(catalog, now=moment)
    try:
        if kept is not None:
            try:
                _copy_into(source, catalog)
            except DamagedCatalogError:
                # Damaged where the quick check of the copy did not look (its first page).
                kept_damaged = keep_damaged(catalog, now=moment)
                _replace(source, catalog, moment)
        else:
            _replace(source, catalog, moment)
    except (OSError, sqlite3.Error) as exc:
        raise explain(exc, catalog) or CatalogFileError(
            f"the backup could not be restored into {catalog} ({exc}); the catalog was not changed",
            catalog,
        ) from None
    return Restored(source, facts.films or 0, kept, kept_damaged)


def _copy_into(source: Path, catalog: Path) -> None:
    """The backup's pages into the catalog, in one transaction of the catalog's."""
    deadline = time.monotonic() + WAIT_S

    def waiting(status: int, _remaining: int, _total: int) -> None:
        # Python retries a busy catalog for ever; another program's write may not end.
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise _BusyError

    reading = connect_to_inspect(source)
    try:
        writing = sqlite3.connect(catalog, timeout=WAIT_S)
        try:
            try:
                reading.backup(writing, progress=waiting, sleep=0.05)
            except _BusyError:
                raise CatalogBusyError(
                    f"the catalog {catalog} is busy: another program is writing to it; "
                    "nothing was changed. Try again in a moment",
                    catalog,
                ) from None
            except sqlite3.DatabaseError as exc:
                problem = explain(exc, catalog)
                if isinstance(problem, DamagedCatalogError):
                    raise problem from None
                raise
            # The whole catalog went through the write-ahead log: fold it back in now, if no
            # one is reading (else SQLite does it later).
            with contextlib.suppress(sqlite3.Error):
                writing.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            writing.close()
    finally:
        reading.close()


def _replace(source: Path, catalog: Path, moment: datetime) -> None:
    """A fresh copy of the backup renamed over the (damaged or missing) catalog, after the
    -wal and -shm files that belonged to the old file are gone."""
    folder = catalog.parent
    remove_debris(folder, catalog)
    mode = mode_of(catalog if catalog.exists() else source)
    with written_whole(folder, catalog, moment, mode) as temporary:
        copy_database(source, temporary)
        for companion in ("-wal", "-shm", "-journal"):
            catalog.with_name(catalog.name + companion).unlink(missing_ok=True)
        os.replace(temporary, catalog)
    sync_folder(folder)


def find_backup(catalog: Path, reference: str) -> Path:
    """The backup ``reference`` means: a number as ``filmdesk-cli backups`` shows them (1 is
    the newest), else a file's path. Raises NotACatalogError when there is no such one."""
    if reference.isdigit() and not Path(reference).exists():
        backups = list_backups(catalog)
        number = int(reference)
        if not 1 <= number <= len(backups):
            have = f"1 to {len(backups)}" if backups else "none yet"
            raise NotACatalogError(
                f"there is no backup number {number} of {catalog} (there are {have}; "
                "see filmdesk-cli backups)",
                catalog,
            )
        return backups[number - 1].path
    path = Path(reference).expanduser()
    if not path.exists():
        raise NotACatalogError(f"there is no file {path}", path)
    return path.resolve()


def latest_good_backup(catalog: Path) -> Backup | None:
    """The newest backup of ``catalog`` that is whole, or None."""
    for backup in list_backups(catalog):
        try:
            verify_copy(backup.path, SCHEMA_HEAD)
        except CatalogFileError:
            continue
        return backup
    return None
