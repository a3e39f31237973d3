"""The one path every step reports through: what changed (``Changes``), or that it failed.

Commands call ``changes_applied`` / ``command_failed``; the window connects the signals to the
panels (each panel's ``apply_changes`` decides what to read again).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from filmdesk.core.operations import Changes, Operation


class ChangeRouter(QObject):
    """A ``ChangeSink`` that passes each report on as a signal."""

    applied = Signal(object, bool)  # Changes, reveal (show and select what changed)
    failed = Signal(str, object, object)  # the step's name, the exception, keep_mine or None

    def changes_applied(self, changes: Changes, reveal: bool = False) -> None:
        """A step (or its undo) changed the catalog."""
        if not changes.is_empty:
            self.applied.emit(changes, reveal)

    def command_failed(
        self, action: str, error: Exception, keep_mine: Operation[Any] | None = None
    ) -> None:
        """A step could not be saved; nothing changed. ``keep_mine``: the step again without
        its check that nobody changed its fields since (offered after such a refusal)."""
        self.failed.emit(action, error, keep_mine)
