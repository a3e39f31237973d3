"""File › Copy Catalog To…: where the copy goes, a new file on this computer or an empty
database on a server. The copying itself is the core's (``filmdesk.core.copying``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from filmdesk.core.server_login import password_file
from filmdesk.ui.dialogs.shared_catalog_dialog import ServerFields

SUFFIX = ".sqlite3"
INDENT = 24  # the fields of a choice sit under its radio button's text


def _unbroken(path: Path) -> str:
    """``path`` as one word (``~`` for the home folder): a wrapped label would break it after
    a slash."""
    home = Path.home()
    shown = f"~/{path.relative_to(home)}" if path.is_relative_to(home) else str(path)
    return shown.replace("/", "/\u2060")


class CopyDialog(QDialog):
    """A file's path or a server's database; ``target()`` after Copy."""

    def __init__(self, start_folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Copy Catalog To"))
        self.setMinimumWidth(520)
        self._start_folder = start_folder
        intro = QLabel(
            self.tr(
                "Every film with all its fields and its poster, the viewings, tags, collections "
                "with their comments and the screening lists are copied into a new, empty "
                "catalog. This catalog stays as it is."
            )
        )
        intro.setWordWrap(True)

        self.file_choice = QRadioButton(self.tr("A &file on this computer"))
        self.file_choice.setObjectName("toFile")
        self.path = QLineEdit()
        self.path.setObjectName("path")
        self.path.setPlaceholderText(self.tr("a new file, e.g. films{suffix}").replace(
            "{suffix}", SUFFIX))  # fmt: skip
        self.choose_button = QPushButton(self.tr("Ch&oose…"))
        self.choose_button.setObjectName("choosePath")
        file_row = QHBoxLayout()
        file_row.setContentsMargins(INDENT, 0, 0, 0)
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.choose_button)

        self.server_choice = QRadioButton(self.tr("A shared catalog on a &server"))
        self.server_choice.setObjectName("toServer")
        self.server = ServerFields()
        # No password field: the copy never asks for one, and keeps none.
        self.password_note = QLabel(
            self.tr(
                "filmdesk does not ask for the password here and keeps none: it is read from "
                "{file}, where File › Open Shared Catalog… saves it and PostgreSQL's own tools "
                "look for it."
            ).replace("{file}", _unbroken(password_file()))
        )
        self.password_note.setObjectName("passwordNote")
        self.password_note.setTextFormat(Qt.TextFormat.PlainText)
        self.password_note.setWordWrap(True)
        self.server_note = QLabel(
            self.tr(
                "The database must be there already and be empty: ask the server's "
                "administrator to create one for the catalog."
            )
        )
        self.server_note.setWordWrap(True)
        server_box = QVBoxLayout()
        server_box.setContentsMargins(INDENT, 0, 0, 0)
        server_box.addWidget(self.server)
        server_box.addWidget(self.password_note)
        server_box.addWidget(self.server_note)
        self.server_part = QWidget()
        self.server_part.setLayout(server_box)

        self.choices = QButtonGroup(self)
        self.choices.addButton(self.file_choice)
        self.choices.addButton(self.server_choice)
        self.file_choice.setChecked(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.copy_button = self.buttons.addButton(
            self.tr("&Copy"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.copy_button.setObjectName("copy")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(self.file_choice)
        layout.addLayout(file_row)
        layout.addSpacing(6)
        layout.addWidget(self.server_choice)
        layout.addWidget(self.server_part)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)

        self.choose_button.clicked.connect(self.choose_file)
        self.path.textChanged.connect(self._update)
        for field in (self.server.host, self.server.database):
            field.textChanged.connect(self._update)
        self.choices.buttonToggled.connect(self._update)
        self._update()
        self.path.setFocus()
        # As tall as the wrapped texts are at this width (Qt's size hint measures them at
        # their narrowest, which leaves a gap above the buttons).
        width = max(self.minimumWidth(), self.sizeHint().width())
        self.resize(width, layout.totalHeightForWidth(width))

    @Slot()
    def choose_file(self) -> None:
        """A save-file dialog for the new catalog's file."""
        typed = self.path.text().strip()
        start = typed or str(Path(self._start_folder) / f"films{SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Copy the catalog to a file"),
            start,
            self.tr("filmdesk catalogs (*{suffix});;All files (*)").replace("{suffix}", SUFFIX),
        )
        if path:
            chosen = Path(path)
            if not chosen.suffix:
                chosen = chosen.with_suffix(SUFFIX)
            self.path.setText(str(chosen))

    @Slot()
    def _update(self) -> None:
        to_file = self.file_choice.isChecked()
        self.path.setEnabled(to_file)
        self.choose_button.setEnabled(to_file)
        self.server_part.setEnabled(not to_file)
        login = self.server.login()
        complete = (
            bool(self.path.text().strip()) if to_file else bool(login.host and login.database)
        )
        self.copy_button.setEnabled(complete)
        self.copy_button.setDefault(complete)

    def target(self) -> str:
        """Where to copy: the file's path, or the server's database as a URL."""
        if self.file_choice.isChecked():
            # (A name typed without a folder goes where the save dialog starts.)
            return str(Path(self._start_folder) / Path(self.path.text().strip()).expanduser())
        return self.server.login().url()
