"""The catalog is damaged: say so plainly, and offer the way out (restore the latest good
backup), a look at the backups folder, or quitting."""

from __future__ import annotations

from enum import Enum, auto
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from filmdesk.core.backups.naming import Backup
from filmdesk.ui.dialogs.restore_dialog import films_text, open_folder, when_text


class Choice(Enum):
    """What the user chose."""

    RESTORE = auto()
    QUIT = auto()


def damaged_box(
    catalog: Path, reason: str, backup: Backup | None, folder: Path, parent: QWidget | None
) -> tuple[QMessageBox, dict[str, object]]:
    """The message box and its buttons (``restore`` absent without a backup)."""
    box = QMessageBox(parent)
    box.setObjectName("damagedCatalog")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("DamagedDialog", "The catalog is damaged"))
    box.setTextFormat(Qt.TextFormat.PlainText)  # a path may hold anything
    box.setText(
        QCoreApplication.translate(
            "DamagedDialog", "filmdesk cannot open the catalog: part of the file is damaged."
        )
    )
    lines = [
        catalog.as_posix(),
        "",
        QCoreApplication.translate(
            "DamagedDialog",
            "This can happen after a disk error, a power cut, or a copy that did not finish. "
            "(SQLite says: {reason}.)",
        ).replace("{reason}", reason.rstrip(".")),
        "",
    ]
    if backup is not None:
        lines.append(
            QCoreApplication.translate(
                "DamagedDialog",
                "Latest good backup: {date}, {films}.\nRestoring it brings back every film, "
                "collection and list as they were then; the damaged file is kept in the "
                "backups folder.",
            )
            .replace("{date}", when_text(backup))
            .replace("{films}", films_text(backup.films))
        )
    else:
        lines.append(
            QCoreApplication.translate(
                "DamagedDialog", "There is no backup of this catalog to restore."
            )
        )
    box.setInformativeText("\n".join(lines))
    buttons: dict[str, object] = {}
    if backup is not None:
        restore = box.addButton(
            QCoreApplication.translate("DamagedDialog", "&Restore the Backup"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        restore.setObjectName("restore")
        buttons["restore"] = restore
        box.setDefaultButton(restore)
    folder_button = box.addButton(
        QCoreApplication.translate("DamagedDialog", "Open Backups &Folder"),
        QMessageBox.ButtonRole.ActionRole,
    )
    folder_button.setObjectName("openFolder")
    folder_button.setEnabled(folder.is_dir())
    buttons["folder"] = folder_button
    quit_button = box.addButton(
        QCoreApplication.translate("DamagedDialog", "&Quit"), QMessageBox.ButtonRole.RejectRole
    )
    quit_button.setObjectName("quit")
    buttons["quit"] = quit_button
    box.setEscapeButton(quit_button)
    return box, buttons


def ask_about_damage(
    catalog: Path, reason: str, backup: Backup | None, folder: Path, parent: QWidget | None = None
) -> Choice:
    """Show what is wrong until the user restores the backup or quits (the folder button
    opens the backups folder and leaves the question open)."""
    box, buttons = damaged_box(catalog, reason, backup, folder, parent)
    while True:
        box.exec()
        clicked = box.clickedButton()
        if clicked is buttons["folder"]:
            open_folder(folder)
            continue
        return Choice.RESTORE if clicked is buttons.get("restore") else Choice.QUIT
