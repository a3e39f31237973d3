"""What can go wrong with a catalog's file, in one sentence a person can act on.

SQLite reports a damaged file, a full disk, a read-only file or a busy catalog as one kind of
error with a code; the front ends should not have to know those codes. ``explain`` turns such an
error into a ``CatalogFileError`` whose message names the catalog's file (never a driver URL, a
class name or SQL).
"""

from __future__ import annotations

import errno
from pathlib import Path


class CatalogFileError(Exception):
    """The catalog's file cannot be used as asked; the message says why and names the file."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class DamagedCatalogError(CatalogFileError):
    """Part of the file cannot be read as a catalog any more (a damaged disk, a bad copy).
    ``reason``: what SQLite said."""

    def __init__(self, path: Path, reason: str = "") -> None:
        said = f" (SQLite: {reason})" if reason else ""
        super().__init__(f"the catalog {path} is damaged: part of it cannot be read{said}", path)
        self.reason = reason


class NotACatalogError(CatalogFileError):
    """The file is not a filmdesk catalog (another program's database, or not a database)."""


class ReadOnlyCatalogError(CatalogFileError):
    """filmdesk may read the catalog but not write to it."""


class DiskFullError(CatalogFileError):
    """There is no room left on the disk for what was being written."""


class CatalogBusyError(CatalogFileError):
    """Another program holds the catalog for writing, longer than filmdesk waits."""


def _sqlite_code(error: BaseException) -> str:
    """SQLite's primary error name (``SQLITE_CORRUPT``), without the extended part."""
    name = str(getattr(error, "sqlite_errorname", "") or "")
    return "_".join(name.split("_")[:2])


# PostgreSQL's SQLSTATE codes that mean what SQLite's codes below mean.
_SERVER_CODES = {
    "55P03": "SQLITE_BUSY",  # lock_not_available (lock_timeout passed)
    "40P01": "SQLITE_BUSY",  # deadlock_detected
    "40001": "SQLITE_BUSY",  # serialization_failure
    "53100": "SQLITE_FULL",  # disk_full
}


# Why a catalog is read-only (``db.read_only_reason``), as the end of a sentence about it.
_READ_ONLY_BECAUSE = {
    "account": "is read-only for you: your account may only read it",
    "asked": "was opened read-only",
    "file": "is read-only (filmdesk has no permission to write to it)",
}


def read_only_sentence(where: str, why: str = "file") -> str:
    """What is said of a catalog read-only because of ``why`` ("file", "account" or
    "asked"): ``the catalog WHERE is read-only (…)``."""
    return f"the catalog {where} {_READ_ONLY_BECAUSE[why]}"


def read_only_error(
    path: Path | None, *, why: str = "file", where: str | None = None
) -> ReadOnlyCatalogError:
    """The refusal of a change to a catalog that is read-only because of ``why``; ``where``
    names it when it is no file (a server's address)."""
    named = where or (str(path) if path is not None else "the catalog")
    return ReadOnlyCatalogError(f"{read_only_sentence(named, why)}; nothing was changed", path)


def explain(error: BaseException, path: Path | None) -> CatalogFileError | None:
    """The problem behind a database or file ``error`` met while using the catalog at
    ``path``, or None when it is none of the known ones (then it is a bug, or a new case)."""
    original = getattr(error, "orig", None) or error
    if isinstance(original, CatalogFileError):
        return original
    where = str(path) if path is not None else "the catalog"
    code = _sqlite_code(original) or _SERVER_CODES.get(str(getattr(original, "sqlstate", "")), "")
    if (isinstance(original, OSError) and original.errno == errno.ENOSPC) or code == "SQLITE_FULL":
        return DiskFullError(
            f"there is no space left on the disk that holds {where}; nothing was changed", path
        )
    if (
        isinstance(original, OSError) and original.errno in (errno.EROFS, errno.EACCES, errno.EPERM)
    ) or code == "SQLITE_READONLY":
        return read_only_error(path)
    if code in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
        return DamagedCatalogError(path or Path(where), str(original))
    if code in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        return CatalogBusyError(
            f"the catalog {where} is busy: another program is writing to it; nothing was "
            "changed. Try again in a moment",
            path,
        )
    if code == "SQLITE_IOERR" or (isinstance(original, OSError) and original.errno == errno.EIO):
        return CatalogFileError(
            f"the catalog {where} could not be read or written: the disk reported an error",
            path,
        )
    if code == "SQLITE_CANTOPEN":
        return CatalogFileError(f"the catalog {where} cannot be opened", path)
    return None
