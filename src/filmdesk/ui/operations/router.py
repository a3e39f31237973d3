"""The one path every step reports through: what changed (``Changes``), or that it failed.

Commands call ``changes_applied`` / ``command_failed``; the window connects the signals to the
panels (each panel's ``apply_changes`` decides what to read again).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from filmdesk.core.operations import Changes


class ChangeRouter(QObject):
    """A ``ChangeSink`` that passes each report on as a signal."""

    applied = Signal(object, bool)  # Changes, reveal (show and select what changed)
    failed = Signal(str, object)  # the step's name, the exception

    def changes_applied(self, changes: Changes, reveal: bool = False) -> None:
        """A step (or its undo) changed the catalog."""
        if not changes.is_empty:
            self.applied.emit(changes, reveal)

    def command_failed(self, action: str, error: Exception) -> None:
        """A step could not be saved; nothing changed."""
        self.failed.emit(action, error)
