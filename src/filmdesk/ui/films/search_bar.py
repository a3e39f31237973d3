"""The search field above the film table, and what it says when a term cannot be understood."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from filmdesk.core.search import QueryError, parse_query


class SearchBar(QWidget):
    """A search field; ``query_changed`` carries each query that could be read."""

    query_changed = Signal(object)  # filmdesk.core.search.Query

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setObjectName("search")
        self.field.setPlaceholderText(
            self.tr(
                "Search titles, directors, tags, notes…   try: cranes   year:1970..1979   "
                "rating:>=4"
            )
        )
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(self.tr("Search films"))
        self.field.setToolTip(
            self.tr(
                "Words match the start of words in titles, directors, tags, notes and "
                "descriptions.\nField terms: year:1957  year:1970..1979  rating:>=4  tag:war  "
                "watched:no  director:ryazanov\nA leading - excludes: -tag:war"
            )
        )
        self.error = QLabel()
        self.error.setObjectName("searchError")
        self.error.setWordWrap(True)
        # (A palette, not a style sheet: the first style sheet in the window costs 25 ms of
        # its start.)
        palette = self.error.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#c0392b"))
        self.error.setPalette(palette)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.field)
        layout.addWidget(self.error)
        self.field.textChanged.connect(self._text_changed)

    def text(self) -> str:
        """What is typed."""
        return self.field.text()

    def set_text(self, text: str) -> None:
        """Search for ``text`` (as if typed)."""
        self.field.setText(text)

    def clear(self) -> None:
        """Empty the field (which shows every film again)."""
        self.field.clear()

    def focus(self) -> None:
        """Put the cursor in the field, its text selected."""
        self.field.setFocus()
        self.field.selectAll()

    @Slot(str)
    def _text_changed(self, text: str) -> None:
        try:
            query = parse_query(text)
        except QueryError as exc:
            # The problem is the core's, in English; the sentence around it is translated.
            self.error.setText(
                self.tr("Cannot search for {term}: {problem}")
                .replace("{term}", exc.term)
                .replace("{problem}", exc.problem)
            )
            self.error.show()
            return
        self.error.hide()
        self.query_changed.emit(query)
