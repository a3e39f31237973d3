"""File › Restore from Backup…: the copies filmdesk made of the catalog, newest first, one to
choose; and the words the window uses for a backup (when, why, how many films)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from filmdesk.core.backups.naming import Backup, Reason
from filmdesk.ui.shell.i18n import QT_TRANSLATE_NOOP
from filmdesk.ui.widgets.plain_text import plain_label

CONTEXT = "RestoreDialog"
REASONS = {
    Reason.AUTOMATIC: QT_TRANSLATE_NOOP("RestoreDialog", "Daily copy"),
    Reason.BEFORE_IMPORT: QT_TRANSLATE_NOOP("RestoreDialog", "Before an import"),
    Reason.BEFORE_UPGRADE: QT_TRANSLATE_NOOP("RestoreDialog", "Before filmdesk was upgraded"),
    Reason.BEFORE_RESTORE: QT_TRANSLATE_NOOP("RestoreDialog", "Before a restore"),
    Reason.DAMAGED: QT_TRANSLATE_NOOP("RestoreDialog", "Damaged catalog"),
}


def reason_text(reason: Reason) -> str:
    """Why a backup was made, in the interface's language."""
    return QCoreApplication.translate(CONTEXT, REASONS[reason])


def when_text(backup: Backup) -> str:
    """When a backup was made, as this locale writes a date and time: "Today, 16:49",
    "Yesterday, 09:12", else the whole date with its weekday."""
    moment = QDateTime.fromSecsSinceEpoch(int(backup.made.timestamp()))
    locale = QLocale()
    time = locale.toString(moment.time(), QLocale.FormatType.ShortFormat)
    days = moment.date().daysTo(QDate.currentDate())
    if days == 0:
        day = QCoreApplication.translate("RestoreDialog", "Today")
    elif days == 1:
        day = QCoreApplication.translate("RestoreDialog", "Yesterday")
    else:
        day = locale.toString(moment.date(), QLocale.FormatType.LongFormat)
    return (
        QCoreApplication.translate("RestoreDialog", "{day}, {time}")
        .replace("{day}", day)
        .replace("{time}", time)
    )


class _Counting(QObject):
    # (lupdate sees a plural only in a tr() call.)
    def films(self, count: int) -> str:
        return self.tr("%Ln film(s)", "", count)


def films_text(count: int) -> str:
    """``1,234 films`` in the interface's language (never broken across two lines)."""
    return _Counting().films(count).replace(" ", "\u00a0")


def open_folder(folder: Path) -> None:
    """Show ``folder`` in the desktop's file manager."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class RestoreDialog(QDialog):
    """The backups to choose from; ``chosen()`` after Restore."""

    def __init__(
        self, backups: Sequence[Backup], folder: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from Backup"))
        self.setMinimumSize(560, 360)
        self._backups = list(backups)
        intro = QLabel(
            self.tr(
                "filmdesk copies the catalog each day it is opened, and before every import, "
                "upgrade and restore. Choose the copy to go back to."
            )
        )
        intro.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setObjectName("backups")
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setHeaderLabels([self.tr("Made"), self.tr("Films"), self.tr("Why")])
        header = self.list.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)  # a few rows
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for backup in self._backups:
            item = QTreeWidgetItem([when_text(backup), films_text(backup.films), ""])
            item.setText(2, reason_text(backup.reason))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(0, str(backup.path))
            self.list.addTopLevelItem(item)
        self.empty = QLabel(
            self.tr(
                "There are no backups of this catalog yet. The first is made the next time "
                "filmdesk opens it on another day, or before an import."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setVisible(not self._backups)
        self.list.setVisible(bool(self._backups))
        self.outcome = QLabel(
            self.tr(
                "Every film, collection and screening list will be as it was in that copy. "
                "The catalog as it is now is kept as a backup first: Edit › Undo brings it "
                "back."
            )
        )
        self.outcome.setWordWrap(True)
        self.location = plain_label(QLabel())
        self.location.setObjectName("backupsFolder")
        self.location.setWordWrap(True)
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.location.setEnabled(False)  # in grey: a detail
        if folder is not None:
            self.location.setText(self.tr("Kept in {folder}").replace("{folder}", str(folder)))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(
            self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setObjectName("restore")
        self.folder_button = QPushButton(self.tr("Open Backups &Folder"))
        self.folder_button.setObjectName("openFolder")
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button.setEnabled(folder is not None and folder.is_dir())
        if folder is not None:
            self.folder_button.clicked.connect(lambda: open_folder(folder))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.list.itemDoubleClicked.connect(lambda *_: self.accept())

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.outcome)
        layout.addWidget(self.location)
        layout.addWidget(buttons)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)
        if self.restore_button.isEnabled():
            self.restore_button.setDefault(True)

    def chosen(self) -> Backup | None:
        """The backup selected, if any."""
        item = self.list.currentItem()
        if item is None or not item.isSelected():
            return None
        return self._backups[self.list.indexOfTopLevelItem(item)]
