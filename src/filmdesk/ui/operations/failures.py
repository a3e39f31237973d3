"""What the window does when a step cannot be saved: say why in the user's words, keep what is
being typed, and show the catalog as it is.

A busy catalog (another program writing) is said in the status bar and typed notes are saved
again a moment later; a read-only one is said in the status bar (the bar at the top says it
already); a server gone away is the server link's to say. A step refused because someone else
changed what it changes asks *Keep Mine* or *Keep the Other Change*; anything else is a box
with the core's sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from filmdesk.core.errors import is_busy
from filmdesk.core.operations import Operation
from filmdesk.core.problems import ReadOnlyCatalogError, explain
from filmdesk.ui.films.details import FilmDetails
from filmdesk.ui.operations.context import StepContext
from filmdesk.ui.operations.server_link import ServerLink
from filmdesk.ui.operations.shared import read_only_text
from filmdesk.ui.undo import OperationCommand, failure_text
from filmdesk.ui.widgets.plain_text import as_typed

BUSY_RETRY_MS = 2000  # when a save found the catalog busy, typed notes are saved again


class StepFailures(QObject):
    """Turns a failed step into what the user sees; ``reload_everything(keep_typed=)`` is the
    window's way of showing the catalog as it is."""

    def __init__(
        self,
        context: StepContext,
        details: FilmDetails,
        server_link: Callable[[], ServerLink],
        reload_everything: Callable[..., None],
    ) -> None:
        super().__init__(context.window)
        self.context = context
        self.details = details
        self._server_link = server_link
        self._reload_everything = reload_everything

    @property
    def window(self) -> QWidget:
        return self.context.window

    @Slot(str, object, object)
    def step_failed(
        self, action: str, error: Exception, keep_mine: Operation[Any] | None = None
    ) -> None:
        """A change could not be saved; say so and show the catalog as it is, keeping what
        is being typed."""
        catalog = self.context.catalog
        if self._server_link().failed(error):
            return  # (said at the top; typed notes are saved when the server answers again)
        problem = explain(error, catalog.backups.catalog_path)
        if isinstance(problem, ReadOnlyCatalogError):
            # Said once at the top of the window already; a box for every click would nag.
            # Nothing changed, and nothing was shown changed: no need to read anything again.
            self.context.message(read_only_text(catalog), 8000)
            return
        if is_busy(error):
            self.context.message(
                self.tr(
                    "Not saved: the catalog is busy (another program is writing to it). "
                    "Typed notes are saved again in a moment."
                ),
                BUSY_RETRY_MS + 1000,
            )
            self.details.reload()  # (nothing was written: the fields keep what was typed)
            QTimer.singleShot(BUSY_RETRY_MS, self.details.flush)
            return
        # The other change is kept: the panel shows it, what was typed over it goes (the user
        # chose so); otherwise what is being typed stays.
        took_theirs = False
        if keep_mine is not None:
            took_theirs = not self._ask_keep_mine(action, error, keep_mine)
        elif problem is not None:  # the core's sentence, not a class name
            text = self.tr("“{action}” could not be saved.").replace("{action}", action)
            QMessageBox.warning(self.window, "filmdesk", as_typed(f"{text}\n\n{problem}"))
        else:
            QMessageBox.warning(self.window, "filmdesk", failure_text(action, error))
        self._reload_everything(keep_typed=not took_theirs)

    def _ask_keep_mine(self, action: str, error: Exception, keep_mine: Operation[Any]) -> bool:
        """Someone else changed what a step changes: say what, and let the user keep theirs
        (the step again, over the other change: True) or take the other (False)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, "filmdesk", failure_text(action, error), parent=self.window
        )
        mine = box.addButton(self.tr("Keep Mine"), QMessageBox.ButtonRole.AcceptRole)
        theirs = box.addButton(self.tr("Keep the Other Change"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(theirs)
        box.exec()
        if box.clickedButton() is not mine:
            return False
        context = self.context
        context.undo_stack.push(OperationCommand(action, context.catalog, context.sink, keep_mine))
        return True
