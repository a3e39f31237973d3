"""File › Export…: format, which films, and CSV options."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from filmdesk.ui.shell.i18n import QT_TRANSLATE_NOOP

FORMATS = {  # translated when shown
    "csv": QT_TRANSLATE_NOOP("ExportDialog", "filmdesk CSV (for spreadsheets)"),
    "json": QT_TRANSLATE_NOOP("ExportDialog", "JSON backup (everything)"),
    "letterboxd": QT_TRANSLATE_NOOP("ExportDialog", "Letterboxd import CSV"),
    "pdf": QT_TRANSLATE_NOOP("ExportDialog", "Printable list (PDF)"),
    "html": QT_TRANSLATE_NOOP("ExportDialog", "Printable list (HTML)"),
}
PRINTABLE = frozenset({"pdf", "html"})  # the formats that can show posters


class ExportDialog(QDialog):
    """Asks what to export; ``choice()`` holds the answer after OK."""

    def __init__(
        self, *, total: int, shown: int, selected: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export films"))
        self.format = QComboBox()
        for key, label in FORMATS.items():
            self.format.addItem(self.tr(label), key)
        self.scope_all = QRadioButton(self.tr("All films (%Ln)", "", total))
        self.scope_search = QRadioButton(self.tr("Films the search shows (%Ln)", "", shown))
        self.scope_selection = QRadioButton(self.tr("Selected films (%Ln)", "", selected))
        self.scope_search.setEnabled(shown != total)
        self.scope_selection.setEnabled(selected > 0)
        self.scope_all.setChecked(True)
        self._scopes = QButtonGroup(self)
        for button in (self.scope_all, self.scope_search, self.scope_selection):
            self._scopes.addButton(button)
        self.bom = QCheckBox(self.tr("UTF-8 with BOM (Excel shows Cyrillic correctly)"))
        self.bom.setChecked(True)
        self.semicolon = QCheckBox(self.tr("Separate with ; instead of ,"))
        self.with_posters = QCheckBox(self.tr("With &posters"))
        self.with_posters.setObjectName("withPosters")
        self.with_posters.setToolTip(self.tr("Each film's poster, small, beside it"))
        self.format.currentIndexChanged.connect(self._format_changed)

        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format)
        scopes = QVBoxLayout()
        for button in (self.scope_all, self.scope_search, self.scope_selection):
            scopes.addWidget(button)
        form.addRow(self.tr("Films:"), scopes)
        form.addRow(self.tr("CSV:"), self.bom)
        form.addRow("", self.semicolon)
        form.addRow(self.tr("Printable:"), self.with_posters)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._format_changed()

    def _format_changed(self) -> None:
        csv = self.format.currentData() == "csv"
        self.bom.setEnabled(csv)
        self.semicolon.setEnabled(csv)
        self.with_posters.setEnabled(self.format.currentData() in PRINTABLE)

    def wants_posters(self) -> bool:
        """Whether a printable list (PDF, HTML) was asked for with posters."""
        return self.with_posters.isChecked() and self.format.currentData() in PRINTABLE

    def choice(self) -> tuple[str, str, bool, str]:
        """(format, scope "all"/"search"/"selection", BOM, delimiter)."""
        scope = (
            "search"
            if self.scope_search.isChecked()
            else "selection"
            if self.scope_selection.isChecked()
            else "all"
        )
        delimiter = ";" if self.semicolon.isChecked() else ","
        return str(self.format.currentData()), scope, self.bom.isChecked(), delimiter
