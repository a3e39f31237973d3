"""Saving a search under a name, or changing a saved one: name, search and where it looks."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from filmdesk.core.search import QueryError, parse_query


class SavedSearchDialog(QDialog):
    """Name, search and scope of a saved search; OK only when the name is given and the
    search reads (what is wrong with it is said under the field)."""

    def __init__(
        self,
        title: str,
        scopes: Sequence[tuple[str, str]],
        name: str = "",
        query: str = "",
        scope: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """``scopes``: (what the sidebar calls it, the stored scope) for each choice."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        self.name = QLineEdit(name)
        self.name.setObjectName("savedSearchName")
        self.name.setPlaceholderText(self.tr("e.g. Seventies not yet seen"))
        form.addRow(self.tr("&Name:"), self.name)
        self.query = QLineEdit(query)
        self.query.setObjectName("savedSearchQuery")
        self.query.setPlaceholderText(self.tr("e.g. year:1970..1979 watched:no"))
        form.addRow(self.tr("&Search:"), self.query)
        self.problem = QLabel()
        self.problem.setObjectName("savedSearchProblem")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        form.addRow("", self.problem)
        self.scope = QComboBox()
        self.scope.setObjectName("savedSearchScope")
        for label, value in scopes:
            self.scope.addItem(label, value)
        found = self.scope.findData(scope)
        if found < 0 and scope:  # a collection or list gone since: kept, and said
            self.scope.addItem(self.tr("{scope} (not found)").replace("{scope}", scope), scope)
            found = self.scope.count() - 1
        self.scope.setCurrentIndex(max(found, 0))
        form.addRow(self.tr("&Within:"), self.scope)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.name.textChanged.connect(self._check)
        self.query.textChanged.connect(self._check)
        self._check()

    @Slot()
    def _check(self) -> None:
        problem = ""
        try:
            parse_query(self.query.text())
        except QueryError as exc:
            problem = str(exc)
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name.text().strip()) and not problem)

    def values(self) -> tuple[str, str, str]:
        """(name, query, scope) as chosen."""
        return (
            " ".join(self.name.text().split()),
            self.query.text().strip(),
            str(self.scope.currentData() or ""),
        )
