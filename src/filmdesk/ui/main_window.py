"""The main window: search field, film table, status bar. Layout and wiring; little logic."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from filmdesk.core.catalog import Catalog
from filmdesk.core.search import QueryError, parse_query
from filmdesk.ui.film_table_model import Column, FilmTableModel

DEFAULT_WIDTHS = {
    Column.TITLE: 300,
    Column.ORIGINAL_TITLE: 240,
    Column.YEAR: 60,
    Column.DIRECTOR: 190,
    Column.RATING: 110,
    Column.WATCHED: 100,
}


class MainWindow(QMainWindow):
    """The filmdesk window over one catalog."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog
        self.setWindowTitle("filmdesk")
        self.resize(1180, 720)

        self.search_field = QLineEdit()
        self.search_field.setObjectName("search")
        self.search_field.setPlaceholderText(
            "Search titles, directors, tags, notes…   e.g. cranes   year:1970..1979   rating:>=4"
        )
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setAccessibleName("Search films")
        self.search_error = QLabel()
        self.search_error.setObjectName("searchError")
        self.search_error.setWordWrap(True)
        self.search_error.setStyleSheet("color: palette(highlight);")
        self.search_error.hide()

        self.model = FilmTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("films")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        for column, width in DEFAULT_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSortIndicator(Column.TITLE, Qt.SortOrder.AscendingOrder)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search_field)
        layout.addWidget(self.search_error)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(central)

        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)

        find = QAction("Find", self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._focus_search)
        self.addAction(find)
        quit_action = QAction("Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.addAction(quit_action)

        self.search_field.textChanged.connect(self._search_changed)
        self.reload()

    def reload(self) -> None:
        """Read every film from the catalog again."""
        self.model.set_films(self.catalog.all_films())
        self._update_status()

    @Slot()
    def _focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    @Slot(str)
    def _search_changed(self, text: str) -> None:
        try:
            query = parse_query(text)
        except QueryError as exc:
            self.search_error.setText(f"Cannot search for {exc}")
            self.search_error.show()
            return
        self.search_error.hide()
        self.model.set_query(query)
        self._update_status()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.search_field.text():
            self.search_field.clear()
            return
        super().keyPressEvent(event)

    def _update_status(self) -> None:
        films = self.model.films()
        total = len(films)
        watched = sum(1 for f in films if f.watched)
        shown = self.model.shown_count()
        text = f"{total} film{'s' if total != 1 else ''} · {watched} watched"
        if shown != total:
            text += f" · {shown} shown"
        self.status_label.setText(text)
