"""``catalog.backups``: the backups of an open catalog, and restoring one into it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from filmdesk.core.backups.naming import Backup, backups_folder, list_backups
from filmdesk.core.db import (
    close_own_connection,
    engine_read_only,
    read_only_refusal,
    sqlite_path,
    upgrade_schema,
    use_wal,
)
from filmdesk.core.problems import CatalogFileError

if TYPE_CHECKING:
    from filmdesk.core.backups.restoring import Restored


class BackupService:
    """Backups of the SQLite catalog behind one engine (other databases have none)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @property
    def catalog_path(self) -> Path | None:
        """The catalog's file, or None when it is not a SQLite file."""
        return sqlite_path(self._engine.url)

    @property
    def folder(self) -> Path | None:
        """Where the backups are kept."""
        path = self.catalog_path
        return backups_folder(path) if path is not None else None

    def all(self) -> list[Backup]:
        """The backups, newest first."""
        path = self.catalog_path
        return list_backups(path) if path is not None else []

    def restore(self, source: Path) -> Restored:
        """Put the backup at ``source`` in place of the catalog (the catalog as it was is
        backed up first), then bring it to the current schema. Every connection is closed
        before and opened anew after: what they held is gone.

        Raises a CatalogFileError (the catalog is then as it was).
        """
        from filmdesk.core.backups.restoring import restore_backup  # (not needed at start)

        path = self.catalog_path
        if path is None:
            raise CatalogFileError("only a catalog in a SQLite file has backups to restore")
        if engine_read_only(self._engine):
            raise read_only_refusal(self._engine)
        close_own_connection(self._engine)  # (the window's watch opens another: reset())
        self._engine.dispose()
        restored = restore_backup(path, source)
        close_own_connection(self._engine)
        self._engine.dispose()
        upgrade_schema(self._engine)
        use_wal(self._engine)
        return restored
