"""Making a backup: a consistent copy through SQLite's backup API (pages still in the write-ahead
log included), checked, written under a temporary name with the catalog's own permissions and
renamed only once it is whole. A kill or a full disk half-way leaves no file that could later
pass for a backup; what it leaves is removed by the next backup."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from filmdesk.core.backups.naming import (
    Backup,
    Reason,
    backup_name,
    backups_folder,
    damaged_name,
    list_backups,
    old_backups,
    parse,
    partial_name,
    remove_debris,
)
from filmdesk.core.backups.rotation import LIMITS, Limits, obsolete
from filmdesk.core.catalog_file import CHECK_FAILED, WAIT_S, facts_of, quick_check
from filmdesk.core.problems import (
    CatalogFileError,
    DamagedCatalogError,
    DiskFullError,
    explain,
)

AUTOMATIC_EVERY = timedelta(days=1)


class BackupError(CatalogFileError):
    """No backup could be made (the message says why); the catalog was not changed."""


def mode_of(catalog: Path) -> int:
    """The catalog's permissions, read and write bits only (a backup is never executable)."""
    return stat.S_IMODE(catalog.stat().st_mode) & 0o666


def _make_folder(folder: Path, catalog: Path) -> None:
    if folder.is_dir():
        return
    # A private catalog gets a private folder; otherwise the user's umask decides.
    private = mode_of(catalog) & 0o066 == 0
    folder.mkdir(mode=0o700 if private else 0o777, exist_ok=True)


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (where the system allows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


@contextmanager
def written_whole(
    target_folder: Path, catalog: Path, made: datetime, mode: int | None = None
) -> Iterator[Path]:
    """A new empty file under a temporary name in ``target_folder``, with the catalog's
    permissions (or ``mode``) from the start. If the block fails, the file and its journal
    go."""
    temporary = target_folder / partial_name(catalog, made)
    mode = mode_of(catalog) if mode is None else mode
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        os.fchmod(descriptor, mode)  # the umask may have taken bits away; put them back
    finally:
        os.close(descriptor)
    try:
        yield temporary
    except BaseException:
        for suffix in ("", "-journal", "-wal"):
            temporary.with_name(temporary.name + suffix).unlink(missing_ok=True)
        raise


def _sync_file(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def copy_database(source: Path, target: Path) -> int:
    """Copy the database at ``source`` into the empty file ``target`` with SQLite's backup API,
    in rollback-journal mode (so the copy is one file), check it and return its film count.

    Raises DamagedCatalogError when the copy (so the source) is damaged.
    """
    reading = sqlite3.connect(source, timeout=WAIT_S)
    try:
        copy = sqlite3.connect(target)
        try:
            reading.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
            found = quick_check(copy)
            if found:
                raise DamagedCatalogError(source, CHECK_FAILED)
            films = facts_of(copy).films or 0
        finally:
            copy.close()
    finally:
        reading.close()
    _sync_file(target)
    return films


def _free_name(folder: Path, catalog: Path, made: datetime, reason: Reason, films: int) -> Path:
    n = 1
    while (path := folder / backup_name(catalog, made, reason, films, n)).exists():
        n += 1
    return path


def _failure(error: BaseException, catalog: Path, folder: Path) -> CatalogFileError:
    problem = explain(error, catalog)
    if isinstance(problem, DamagedCatalogError):
        return problem
    if isinstance(problem, DiskFullError):
        size = catalog.stat().st_size if catalog.exists() else 0
        return DiskFullError(
            f"there is not enough space in {folder} for a backup of the catalog "
            f"(it needs about {max(size, 1) / 1e6:.1f} MB); nothing was changed",
            catalog,
        )
    reason = problem or (error.strerror if isinstance(error, OSError) else None) or str(error)
    return BackupError(
        f"no backup of the catalog could be written to {folder} ({reason}); nothing was changed",
        catalog,
    )


def make_backup(
    catalog: Path, reason: Reason, *, now: datetime | None = None, limits: Limits = LIMITS
) -> Backup:
    """Back up the SQLite catalog at ``catalog`` into its backups folder and prune old backups.

    Raises DamagedCatalogError when the catalog is damaged (no backup is kept then: it would
    push a good one out), DiskFullError, or BackupError; nothing is left behind by a failure.
    """
    made = (now or datetime.now(UTC)).replace(microsecond=0)
    folder = backups_folder(catalog)
    try:
        _make_folder(folder, catalog)
        remove_debris(folder, catalog)
        with written_whole(folder, catalog, made) as temporary:
            films = copy_database(catalog, temporary)
            final = _free_name(folder, catalog, made, reason, films)
            os.rename(temporary, final)
        sync_folder(folder)
    except (OSError, sqlite3.Error) as exc:
        raise _failure(exc, catalog, folder) from None
    backup = parse(final, catalog)
    assert backup is not None
    adopt_old_backups(catalog)
    prune(catalog, made, limits)
    return backup


def backup_if_due(catalog: Path, *, now: datetime | None = None) -> Backup | None:
    """The automatic backup: made when no automatic backup of ``catalog`` is younger than a
    day. Returns it, or None when none was due."""
    moment = now or datetime.now(UTC)
    latest = next((b for b in list_backups(catalog) if b.reason is Reason.AUTOMATIC), None)
    # (A backup "from the future" means the clock was wrong then, or is now: make one.)
    if latest is not None and timedelta(0) <= moment - latest.made < AUTOMATIC_EVERY:
        return None
    return make_backup(catalog, Reason.AUTOMATIC, now=moment)


def prune(catalog: Path, now: datetime, limits: Limits = LIMITS) -> list[Backup]:
    """Remove the catalog's backups that the rotation no longer keeps; returns them."""
    gone = obsolete(list_backups(catalog), now, limits)
    for backup in gone:
        backup.path.unlink(missing_ok=True)
    return gone


def adopt_old_backups(catalog: Path) -> None:
    """Move the backups an earlier filmdesk wrote beside the catalog into the backups folder,
    under today's names (so they are listed and pruned). One that holds nothing (an
    interrupted copy) is removed; one that cannot be read stays where it is."""
    for path, reason, made in old_backups(catalog):
        try:
            if path.stat().st_size == 0:
                path.unlink()
                continue
            # (Read-write: an interrupted copy has a journal to roll back, leaving it empty.)
            reading = sqlite3.connect(path)
            try:
                whole = not quick_check(reading)
                facts = facts_of(reading)
            finally:
                reading.close()
        except (OSError, sqlite3.Error):
            continue
        if whole and facts.is_empty:
            path.unlink()
            path.with_name(path.name + "-journal").unlink(missing_ok=True)
            continue
        if not whole or not facts.is_catalog:
            continue
        folder = backups_folder(catalog)
        target = _free_name(folder, catalog, made, reason, facts.films or 0)
        try:
            path.chmod(mode_of(catalog))
            os.rename(path, target)
        except OSError:
            continue


def keep_damaged(catalog: Path, *, now: datetime | None = None) -> Path:
    """Keep a damaged catalog's files as they are, byte for byte (its -wal file too), in its
    backups folder, before a backup is restored over it. Returns where."""
    made = (now or datetime.now(UTC)).replace(microsecond=0)
    folder = backups_folder(catalog)
    try:
        _make_folder(folder, catalog)
        final = folder / damaged_name(catalog, made)
        wal = catalog.with_name(catalog.name + "-wal")
        with written_whole(folder, catalog, made) as temporary:
            shutil.copyfile(catalog, temporary)
            _sync_file(temporary)
            if wal.exists() and wal.stat().st_size:
                # Named so that SQLite reads it with the kept file, should anyone try.
                wal_copy = temporary.with_name(temporary.name + "-wal")
                shutil.copyfile(wal, wal_copy)
                os.chmod(wal_copy, mode_of(catalog))
                _sync_file(wal_copy)
                os.rename(wal_copy, final.with_name(final.name + "-wal"))
            os.rename(temporary, final)
        sync_folder(folder)
    except OSError as exc:
        raise _failure(exc, catalog, folder) from None
    return final
