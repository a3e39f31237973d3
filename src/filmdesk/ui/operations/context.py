"""What every operation needs: the catalog, the undo stack, where changes are reported, a
window to ask in, and the films as the table has them. Plus the asking itself."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from filmdesk.core.catalog import Catalog
from filmdesk.core.records import FilmRow
from filmdesk.ui.undo import ChangeSink


class FilmSource(Protocol):
    """The films as the window holds them (the film table's model), read without a query."""

    def film(self, film_id: int) -> FilmRow | None: ...
    def tag_names(self) -> list[str]: ...
    def all_films(self) -> list[FilmRow]: ...


@dataclass(frozen=True)
class StepContext:
    """Shared by the operations of one window."""

    catalog: Catalog
    undo_stack: QUndoStack
    sink: ChangeSink
    window: QWidget
    films: FilmSource
    settings: QSettings
    message: Callable[[str, int], None]  # a line in the status bar, for so many ms
    save_typing: Callable[[], None]  # what is being typed is saved before a step

    def last_folder(self) -> str:
        """The folder a file was last read from or written to (else the home folder)."""
        folder = str(self.settings.value("files/last_folder", ""))
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def remember_folder(self, path: Path) -> None:
        """Remember the folder of a file just read or written."""
        self.settings.setValue("files/last_folder", str(path.parent))


class Asking(QObject):
    """Questions put to the user before a step (tr() context for the texts)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window

    def text(self, title: str, label: str, text: str = "") -> str | None:
        """One line of text, white space tidied; None when cancelled or empty."""
        value, ok = QInputDialog.getText(self.window, title, label, text=text)
        value = " ".join(value.split())
        return value if ok and value else None

    def confirm_delete(self, title: str, text: str) -> bool:
        """Ask before deleting; Cancel is the default."""
        return self.confirm(title, text, self.tr("Delete"))

    def confirm(self, title: str, text: str, action: str) -> bool:
        """Ask before a step that takes something away (undoable, but easy to miss): the
        ``action`` button does it, Cancel (the default) does not."""
        box = QMessageBox(
            QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, self.window
        )
        chosen = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the text names a film, list or collection
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is chosen


def quoted(name: str) -> str:
    """A name in typographic quotes, for step names and messages."""
    return QCoreApplication.translate("Asking", "“{name}”").replace("{name}", name)
