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

FORMATS = {
    "csv": "filmdesk CSV (for spreadsheets)",
    "json": "JSON backup (everything)",
    "letterboxd": "Letterboxd import CSV",
    "pdf": "Printable list (PDF)",
    "html": "Printable list (HTML)",
}


class ExportDialog(QDialog):
    """Asks what to export; ``choice()`` holds the answer after OK."""

    def __init__(
        self, *, total: int, shown: int, selected: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export films")
        self.format = QComboBox()
        for key, label in FORMATS.items():
            self.format.addItem(label, key)
        self.scope_all = QRadioButton(f"All films ({total})")
        self.scope_search = QRadioButton(f"Films the search shows ({shown})")
        self.scope_selection = QRadioButton(f"Selected films ({selected})")
        self.scope_search.setEnabled(shown != total)
        self.scope_selection.setEnabled(selected > 0)
        self.scope_all.setChecked(True)
        self._scopes = QButtonGroup(self)
        for button in (self.scope_all, self.scope_search, self.scope_selection):
            self._scopes.addButton(button)
        self.bom = QCheckBox("UTF-8 with BOM (Excel shows Cyrillic correctly)")
        self.bom.setChecked(True)
        self.semicolon = QCheckBox("Separate with ; instead of ,")
        self.format.currentIndexChanged.connect(self._format_changed)

        form = QFormLayout()
        form.addRow("&Format:", self.format)
        scopes = QVBoxLayout()
        for button in (self.scope_all, self.scope_search, self.scope_selection):
            scopes.addWidget(button)
        form.addRow("Films:", scopes)
        form.addRow("CSV:", self.bom)
        form.addRow("", self.semicolon)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _format_changed(self) -> None:
        csv = self.format.currentData() == "csv"
        self.bom.setEnabled(csv)
        self.semicolon.setEnabled(csv)

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
