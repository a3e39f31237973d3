"""File › Restore from Backup…: a backup chosen, restored, and undone by restoring the copy of
the catalog made just before.

A restore is a step on the window's undo stack of its own kind (``RestoreCommand``), not a core
operation: it replaces the whole catalog file's content, which no operation's inverse could
express. Its undo restores the backup the restore made of the catalog first; its redo restores
the chosen backup again. Every step below it on the stack still applies once it is undone.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication

from filmdesk.core.backups.naming import Backup
from filmdesk.core.backups.restoring import Restored
from filmdesk.core.catalog import Catalog
from filmdesk.core.problems import CatalogFileError
from filmdesk.ui.dialogs.restore_dialog import RestoreDialog, films_text, when_text
from filmdesk.ui.operations.context import StepContext


def _restore(catalog: Catalog, source: Path) -> Restored:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return catalog.backups.restore(source)
    finally:
        QApplication.restoreOverrideCursor()


class RestoreCommand(QUndoCommand):
    """Restoring a backup, undone by restoring the copy made of the catalog before it."""

    def __init__(
        self,
        text: str,
        catalog: Catalog,
        source: Path,
        restored: Restored,
        reload: Callable[[], None],
        failed: Callable[[str, Exception], None],
    ) -> None:
        """``restored``: the first restore, done already (its failure is no step at all)."""
        super().__init__(text)
        self._catalog = catalog
        self._source = source
        self._before = restored.kept.path if restored.kept is not None else None
        self._reload = reload
        self._failed = failed
        self._done_once = False

    def redo(self) -> None:
        if not self._done_once:  # pushed after the restore it stands for
            self._done_once = True
            self._reload()
            return
        self._run(self._source, keep_before=True)

    def undo(self) -> None:
        if self._before is None:
            return
        self._run(self._before, keep_before=False)

    def _run(self, source: Path, *, keep_before: bool) -> None:
        try:
            restored = _restore(self._catalog, source)
        except (CatalogFileError, OSError) as exc:
            self.setObsolete(True)
            self._failed(self.text(), exc)
            return
        if keep_before and restored.kept is not None:
            # What undo goes back to now: the catalog as it was just before this redo.
            self._before = restored.kept.path
        self._reload()


class BackupOperations(QObject):
    """File › Restore from Backup…"""

    def __init__(self, context: StepContext, reload: Callable[[], None]) -> None:
        """``reload``: the window reads everything again (after a restore, nothing it
        showed can be trusted)."""
        super().__init__(context.window)
        self.context = context
        self.catalog = context.catalog
        self._reload = reload

    @Slot()
    def restore_from_backup(self) -> None:
        """Choose a backup and put it in place of the catalog, as one undoable step."""
        context = self.context
        context.save_typing()
        dialog = RestoreDialog(
            self.catalog.backups.all(), self.catalog.backups.folder, context.window
        )
        if dialog.exec() != RestoreDialog.DialogCode.Accepted:
            return
        backup = dialog.chosen()
        if backup is not None:
            self.restore(backup)

    def restore(self, backup: Backup) -> None:
        """Restore ``backup`` as an undoable step; say what happened in the status bar."""
        context = self.context
        step = self.tr("Restore Backup ({date})").replace("{date}", when_text(backup))
        try:
            restored = _restore(self.catalog, backup.path)
        except (CatalogFileError, OSError) as exc:
            context.sink.command_failed(step, exc)
            return
        context.undo_stack.push(
            RestoreCommand(
                step, self.catalog, backup.path, restored, self._reload,
                context.sink.command_failed,
            )
        )  # fmt: skip
        context.message(
            self.tr(
                "Restored the backup ({date}, {films}). Edit › Undo brings back the catalog "
                "as it was."
            )
            .replace("{date}", when_text(backup))
            .replace("{films}", films_text(restored.films)),
            10000,
        )
