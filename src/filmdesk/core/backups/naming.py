"""Backups by name: the folder they live in, what each name says (when, why, how many films),
listing them, and cleaning up what an interrupted backup left behind."""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

FOLDER_NAME = "backups"
SUFFIX = ".bak"
_STAMP = "%Y-%m-%dT%H%M%SZ"
# <catalog file name>.<when>[-n].<why>.<films>-films.bak
_NAME = re.compile(
    r"^(?P<catalog>.+)\.(?P<when>\d{4}-\d{2}-\d{2}T\d{6}Z)(?:-(?P<n>\d+))?"
    r"\.(?P<why>[a-z-]+)\.(?P<films>\d+)-films\.bak$"
)
# The copies filmdesk wrote beside the catalog before it had a backups folder.
_OLD_NAME = re.compile(
    r"^(?P<catalog>.+)\.(?P<label>before-import|before-schema-\d+)-"
    r"(?P<when>\d{8}-\d{6})(?:-\d+)?\.bak$"
)
PARTIAL = ".partial"  # a backup being written: ``.<catalog>.<when>.<pid>.partial``
# A partial file whose process is gone is debris; one this old is debris whatever its process
# (the process number may have been given to another process since).
DEBRIS_AGE_S = 3600


class Reason(StrEnum):
    """Why a backup was made."""

    AUTOMATIC = "automatic"  # the catalog was opened and a day had passed since the last one
    BEFORE_IMPORT = "before-import"
    BEFORE_UPGRADE = "before-upgrade"  # of the schema, by a newer filmdesk
    BEFORE_RESTORE = "before-restore"
    DAMAGED = "damaged"  # a damaged catalog's files as they were, kept when one was restored


# How the command line says why (the window has its own, translated words).
REASON_TEXT = {
    Reason.AUTOMATIC: "automatic (daily)",
    Reason.BEFORE_IMPORT: "before an import",
    Reason.BEFORE_UPGRADE: "before an upgrade",
    Reason.BEFORE_RESTORE: "before a restore",
    Reason.DAMAGED: "damaged catalog, kept",
}


@dataclass(frozen=True)
class Backup:
    """One backup file of a catalog, as its name describes it."""

    path: Path
    made: datetime  # when (UTC, to the second)
    reason: Reason
    films: int
    size: int  # bytes

    @property
    def local_time(self) -> datetime:
        """When it was made, in this computer's time zone."""
        return self.made.astimezone()


def backups_folder(catalog: Path) -> Path:
    """Where the backups of the catalog at ``catalog`` live."""
    return catalog.parent / FOLDER_NAME


def backup_name(catalog: Path, made: datetime, reason: Reason, films: int, n: int = 1) -> str:
    """The file name of a backup (``n`` > 1: the n-th made in the same second)."""
    when = made.astimezone(UTC).strftime(_STAMP) + (f"-{n}" if n > 1 else "")
    return f"{catalog.name}.{when}.{reason.value}.{films}-films{SUFFIX}"


def damaged_name(catalog: Path, made: datetime) -> str:
    """The file name under which a damaged catalog is kept (not listed as a backup)."""
    return f"{catalog.name}.{made.astimezone(UTC).strftime(_STAMP)}.{Reason.DAMAGED.value}{SUFFIX}"


def partial_name(catalog: Path, made: datetime) -> str:
    """The temporary name a backup is written under until it is whole."""
    stamp = made.astimezone(UTC).strftime(_STAMP)
    return f".{catalog.name}.{stamp}.{os.getpid()}{PARTIAL}"


def parse(path: Path, catalog: Path) -> Backup | None:
    """The backup that ``path`` names, if it is one of ``catalog``'s."""
    match = _NAME.match(path.name)
    if match is None or match["catalog"] != catalog.name:
        return None
    try:
        reason = Reason(match["why"])
        made = datetime.strptime(match["when"], _STAMP).replace(tzinfo=UTC)
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return Backup(path, made, reason, int(match["films"]), size)


def list_backups(catalog: Path) -> list[Backup]:
    """The catalog's backups, newest first (read from their names: cheap)."""
    folder = backups_folder(catalog)
    try:
        entries = list(os.scandir(folder))
    except OSError:  # no folder yet, or not readable
        return []
    found = [b for e in entries if e.is_file() and (b := parse(Path(e.path), catalog))]
    return sorted(found, key=lambda b: (b.made, b.path.name), reverse=True)


def old_backups(catalog: Path) -> list[tuple[Path, Reason, datetime]]:
    """Backups an earlier filmdesk wrote beside the catalog: (file, why, when)."""
    found = []
    try:
        entries = list(os.scandir(catalog.parent))
    except OSError:
        return []
    for entry in entries:
        match = _OLD_NAME.match(entry.name)
        if match is None or match["catalog"] != catalog.name:
            continue
        why = Reason.BEFORE_IMPORT if match["label"] == "before-import" else Reason.BEFORE_UPGRADE
        made = datetime.strptime(match["when"], "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
        found.append((Path(entry.path), why, made))
    return found


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: alive
        return True
    return True


def remove_debris(folder: Path, catalog: Path) -> list[Path]:
    """Remove what interrupted backups (and restores) of ``catalog`` left in ``folder``: files
    under a temporary name whose process is gone, with their journals. Returns them."""
    prefix = f".{catalog.name}."
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        name = entry.name
        if not name.startswith(prefix) or PARTIAL not in name:
            continue
        stem = name[: name.index(PARTIAL)]
        pid_text = stem.rsplit(".", 1)[-1]
        try:
            age = now - entry.stat().st_mtime
        except OSError:
            continue
        alive = pid_text.isdigit() and _process_alive(int(pid_text))
        if alive and age < DEBRIS_AGE_S:
            continue
        try:
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            pass
    return removed
