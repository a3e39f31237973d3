"""The main window: search, film table, detail panel, menus, undo. Layout and wiring."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from datetime import date
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from filmdesk.core.catalog import Catalog, FilmNotFoundError
from filmdesk.core.exchange import ImportCancelled, Progress, UnreadableFileError
from filmdesk.core.records import FilmRecord, FilmRow
from filmdesk.core.search import QueryError, parse_query, sort_films
from filmdesk.core.validation import FilmFields, ValidationError
from filmdesk.ui.background import run_with_progress
from filmdesk.ui.commands import (
    NOTES_MERGE_ID,
    AddFilmCommand,
    DeleteFilmsCommand,
    EditFilmsCommand,
    ImportCommand,
    user_fields_of,
)
from filmdesk.ui.detail_panel import FilmDetailPanel
from filmdesk.ui.dialogs.film_dialog import FilmDialog
from filmdesk.ui.dialogs.shortcuts_dialog import ShortcutsDialog, keys_text
from filmdesk.ui.film_table_model import Column, FilmTableModel, header_text
from filmdesk.ui.i18n import LANGUAGE_SETTINGS, format_short_date
from filmdesk.ui.lists_controller import ListsController
from filmdesk.ui.plain_text import as_typed, plain_label
from filmdesk.ui.settings import APPEARANCES, apply_appearance, open_settings
from filmdesk.ui.star_delegate import StarDelegate
from filmdesk.ui.star_rating import is_dark

DEFAULT_SIZE = (1280, 780)
DEFAULT_WIDTHS = {
    Column.TITLE: 196,
    Column.ORIGINAL_TITLE: 130,
    Column.YEAR: 48,
    Column.DIRECTOR: 120,
    Column.RATING: 92,
    Column.WATCHED: 84,
    # The last column takes the rest; its own width is the least it keeps, narrow enough that
    # the table still fits beside a vertical scroll bar (a catalog longer than the window).
    Column.TAGS: 60,
}
DETAIL_WIDTH = 310
# Above this many films, the window first shows one page and then reads the rest.
FIRST_PAGE_THRESHOLD = 5000
FIRST_PAGE = 200
SETTINGS_VERSION = 1
_NATIVE = QKeySequence.SequenceFormat.NativeText


class MainWindow(QMainWindow):
    """The filmdesk window over one catalog."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog
        self.settings = open_settings()
        self.undo_stack = QUndoStack(self)
        self._loading = False  # a big catalog: only its first page is in the table yet
        self._loading_painted = False
        self._searching = False
        self._kept_current: int | None = None  # what the user selected, kept across searches
        self._kept_selection: list[int] = []
        self.setWindowTitle("filmdesk")
        self.resize(*DEFAULT_SIZE)

        self._build_search()
        self._build_table()
        self.detail = FilmDetailPanel()
        self.detail.setObjectName("detail")

        self.empty_state = self._build_empty_state()
        self.table_stack = QStackedWidget()
        self.table_stack.addWidget(self.table)
        self.table_stack.addWidget(self.empty_state)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 0, 0)
        left_layout.setSpacing(4)
        left_layout.addWidget(self.search_field)
        left_layout.addWidget(self.search_error)
        left_layout.addWidget(self.table_stack, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.lists = ListsController(self)  # sidebar, list page, collection panel
        self.splitter.addWidget(self.lists.wrap_center(left))
        self.splitter.addWidget(self.lists.wrap_side(self.detail))
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setCollapsible(0, False)
        self.splitter.setSizes([DEFAULT_SIZE[0] - DETAIL_WIDTH, DETAIL_WIDTH])
        self.setCentralWidget(self.lists.wrap_window(self.splitter))

        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.statusBar().addPermanentWidget(self.status_label)

        self._text_timer = QTimer(self)
        self._text_timer.setInterval(0)
        self._text_timer.timeout.connect(self._load_texts_step)

        self._build_actions()
        self._connect()
        # Keyboard-only use: search, then the table, then the film's fields in reading order.
        chain = [
            self.search_field,
            self.table,
            self.detail.trailer_button,
            self.detail.rating,
            self.detail.watched,
            self.detail.watched_on,
            self.detail.tags,
            self.detail.notes,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._restore_state()
        self.reload()
        self.lists.connect_film_table()
        self.lists.start()
        self._update_actions()

    # --- building ---------------------------------------------------------------------------

    def _build_search(self) -> None:
        self.search_field = QLineEdit()
        self.search_field.setObjectName("search")
        self.search_field.setPlaceholderText(
            self.tr(
                "Search titles, directors, tags, notes…   try: cranes   year:1970..1979   "
                "rating:>=4"
            )
        )
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setAccessibleName(self.tr("Search films"))
        self.search_field.setToolTip(
            self.tr(
                "Words match the start of words in titles, directors, tags, notes and "
                "descriptions.\nField terms: year:1957  year:1970..1979  rating:>=4  tag:war  "
                "watched:no  director:ryazanov\nA leading - excludes: -tag:war"
            )
        )
        self.search_error = QLabel()
        self.search_error.setObjectName("searchError")
        self.search_error.setWordWrap(True)
        self.search_error.setStyleSheet("color: #c0392b;")
        self.search_error.hide()

    def _build_table(self) -> None:
        self.model = FilmTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("films")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setMouseTracking(True)
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(self.tr("Films"))
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.setSortIndicator(Column.TITLE, Qt.SortOrder.AscendingOrder)
        # The Watched column fits a date as the interface writes it (31.12.2026 is wider
        # than Dec 31, 2026 in some fonts), beside its check box.
        widths = dict(DEFAULT_WIDTHS)
        date_width = self.table.fontMetrics().horizontalAdvance(
            format_short_date(date(2026, 12, 31))
        )
        grown = max(0, date_width + 38 - widths[Column.WATCHED])
        widths[Column.WATCHED] += grown
        widths[Column.TITLE] -= grown  # so the table still fits without scrolling sideways
        for column, width in widths.items():
            header.resizeSection(column, width)
        self._tune_table_palette()
        self.star_delegate = StarDelegate(self.table)
        self.table.setItemDelegateForColumn(Column.RATING, self.star_delegate)
        self.table.viewport().installEventFilter(self)  # hover ends; first paint (big catalogs)

    def _build_empty_state(self) -> QWidget:
        page = QWidget()
        page.setObjectName("emptyState")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        self.empty_label = plain_label(QLabel())  # names a search, a collection or a tag
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        font = self.empty_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.empty_label.setFont(font)
        layout.addWidget(self.empty_label)
        self.clear_search_button = QPushButton(self.tr("Clear search"))
        self.clear_search_button.setObjectName("clearSearch")
        self.clear_search_button.clicked.connect(self.search_field.clear)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.clear_search_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: QStyle.StandardPixmap | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.new_action = self._action(
            self.tr("&New Film…"), self.new_film, QKeySequence.StandardKey.New, sp.SP_FileIcon,
            self.tr("Add a film to the catalog"),
        )  # fmt: skip
        self.edit_action = self._action(
            self.tr("&Edit Film…"), self.edit_film, "F2", sp.SP_FileDialogDetailedView,
            self.tr("Edit the current film"),
        )  # fmt: skip
        self.delete_action = self._action(
            self.tr("&Delete"), self.delete_selected, QKeySequence.StandardKey.Delete,
            sp.SP_TrashIcon, self.tr("Delete the selected films"),
        )  # fmt: skip
        self.watched_action = self._action(
            self.tr("Mark &Watched"), lambda: self.mark_selected_watched(True), "Ctrl+W",
            sp.SP_DialogApplyButton, self.tr("Mark the selected films watched today"),
        )  # fmt: skip
        self.unwatched_action = self._action(
            self.tr("Mark &Not Watched"), lambda: self.mark_selected_watched(False),
            "Ctrl+Shift+W",
        )  # fmt: skip
        self.add_tag_action = self._action(self.tr("&Add Tag…"), self.add_tag_to_selected, "Ctrl+T")
        self.remove_tag_action = self._action(
            self.tr("&Remove Tag…"), self.remove_tag_from_selected, "Ctrl+Shift+T"
        )
        self.find_action = self._action(
            self.tr("&Find"), self.focus_search, QKeySequence.StandardKey.Find
        )
        self.import_action = self._action(
            self.tr("&Import…"), self.import_file, "Ctrl+I",
            tip=self.tr("Add films from a CSV or JSON file"),
        )  # fmt: skip
        self.export_action = self._action(
            self.tr("&Export…"), self.export_file, "Ctrl+E",
            tip=self.tr("Write films to a CSV or JSON file"),
        )  # fmt: skip
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        # Undo and Redo save what is being typed in the panel first, so that text is a step of
        # its own and is not saved again over the undone state later.
        self.undo_action = self._action(
            self.tr("&Undo"), self.undo, QKeySequence.StandardKey.Undo, sp.SP_ArrowBack
        )
        self.redo_action = self._action(self.tr("&Redo"), self.redo, None, sp.SP_ArrowForward)
        self.redo_action.setShortcuts(
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)]
        )
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(
            lambda text: self.undo_action.setText(
                self.tr("&Undo {action}").replace("{action}", text) if text else self.tr("&Undo")
            )
        )
        self.undo_stack.redoTextChanged.connect(
            lambda text: self.redo_action.setText(
                self.tr("&Redo {action}").replace("{action}", text) if text else self.tr("&Redo")
            )
        )
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.details_action = QAction(self.tr("Film &Details"), self, checkable=True, checked=True)
        self.details_action.setShortcut(QKeySequence("Ctrl+D"))
        self.details_action.toggled.connect(self.lists.side.setVisible)
        self.about_action = self._action(self.tr("&About filmdesk"), self.show_about)
        self.shortcuts_action = self._action(
            self.tr("&Keyboard Shortcuts"), self.show_shortcuts, "F1"
        )

        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        self.lists.add_menu_actions(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menu_bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.edit_action)
        edit_menu.addAction(self.delete_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.watched_action)
        edit_menu.addAction(self.unwatched_action)
        edit_menu.addAction(self.add_tag_action)
        edit_menu.addAction(self.remove_tag_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        view_menu = menu_bar.addMenu(self.tr("&View"))
        self.columns_menu = view_menu.addMenu(self.tr("&Columns"))
        self.columns_menu.aboutToShow.connect(self._fill_columns_menu)
        view_menu.addAction(self.details_action)
        appearance_menu = view_menu.addMenu(self.tr("&Appearance"))
        self.appearance_group = QActionGroup(self)
        current = str(self.settings.value("appearance", "system"))
        for name in APPEARANCES:
            action = appearance_menu.addAction(
                {
                    "system": self.tr("Follow the &Desktop"),
                    "light": self.tr("&Light"),
                    "dark": self.tr("D&ark"),
                }[name]
            )
            action.setCheckable(True)
            action.setChecked(name == current)
            action.setData(name)
            self.appearance_group.addAction(action)
        self.appearance_group.triggered.connect(self._appearance_chosen)
        self.language_menu = view_menu.addMenu(self.tr("&Language"))
        self.language_group = QActionGroup(self)
        current = str(self.settings.value("language", "system"))
        for name in LANGUAGE_SETTINGS:
            # Each language is named in itself, so it can be found whatever is shown now.
            action = self.language_menu.addAction(
                {"system": self.tr("Follow the &System"), "en": "&English", "ru": "&Русский"}[name]
            )
            action.setCheckable(True)
            action.setChecked(name == current)
            action.setData(name)
            self.language_group.addAction(action)
        self.language_group.triggered.connect(self._language_chosen)
        help_menu = menu_bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.new_action, self.edit_action, self.delete_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        toolbar.addSeparator()
        toolbar.addAction(self.watched_action)
        self.addToolBar(toolbar)

        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def _connect(self) -> None:
        self.search_field.textChanged.connect(self._search_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.selectionModel().selectionChanged.connect(self._remember_selection)
        self.table.selectionModel().currentRowChanged.connect(self._remember_selection)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.table.horizontalHeader().customContextMenuRequested.connect(self._header_menu)
        self.star_delegate.rating_clicked.connect(self.set_rating)
        self.model.watched_toggled.connect(
            lambda film_id, watched: self.set_watched(
                film_id, watched, date.today() if watched else None
            )
        )
        self.detail.rating_changed.connect(self.set_rating)
        self.detail.watched_changed.connect(self.set_watched)
        self.detail.tags_changed.connect(self.set_tags)
        self.detail.notes_changed.connect(self.set_notes)

    # --- reading ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read every film from the catalog again.

        A big catalog shows its first page (in title order, straight from the database) at
        once and reads the rest right after the window has appeared.
        """
        column, order = self.model.sort_state()
        if (
            not self.isVisible()
            and column is Column.TITLE
            and order == Qt.SortOrder.AscendingOrder
            and self.catalog.stats().films > FIRST_PAGE_THRESHOLD
        ):
            self._loading = True
            self._loading_painted = False
            self.model.set_films(self.catalog.first_film_rows(FIRST_PAGE))
            self.search_field.setEnabled(False)
            self._after_rows_changed()
            return
        self._finish_loading()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport():
            if event.type() == QEvent.Type.Leave:
                self.star_delegate.clear_hover()  # no preview left on a row the mouse has left
                self.table.viewport().update()
            elif event.type() == QEvent.Type.Paint and self._loading and not self._loading_painted:
                self._loading_painted = True
                QTimer.singleShot(0, self._finish_loading)  # once this first page is on screen
        return super().eventFilter(watched, event)

    @Slot()
    def _finish_loading(self) -> None:
        self.model.set_films(self.catalog.film_rows(), self.catalog.film_texts)
        self._loading = False
        self.search_field.setEnabled(True)
        self.detail.set_tag_names(self.model.tag_names())
        self._after_rows_changed()
        # Notes and descriptions become searchable in small steps once the window is up.
        self._text_timer.start()

    def is_loading(self) -> bool:
        """True while a big catalog shows only its first page."""
        return self._loading

    def is_preparing(self) -> bool:
        """True while search texts and sort keys are still being prepared after start."""
        return self._text_timer.isActive()

    @Slot()
    def _load_texts_step(self) -> None:
        # First what search needs, then the sort keys of every column, a piece at a time.
        if self.model.load_texts_step() and self.model.prepare_sorting_step():
            self._text_timer.stop()
            # The catalog now lives in memory for good: keep the cyclic garbage collector from
            # walking it again and again (a pause on a random keystroke at 100,000 films).
            gc.collect()
            gc.freeze()

    def current_film(self) -> FilmRow | None:
        """The film of the current row."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.film_at(index.row())

    def selected_films(self) -> list[FilmRow]:
        """The selected films, in table order (the current film if none is selected)."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        films = [self.model.film_at(r) for r in rows]
        if not films and (current := self.current_film()) is not None:
            films = [current]
        return films

    def select_film(self, film_id: int) -> bool:
        """Make ``film_id`` the current, selected row (if the search shows it)."""
        row = self.model.row_of(film_id)
        if row is None:
            return False
        index = self.model.index(row, Column.TITLE)
        self.table.selectionModel().setCurrentIndex(
            index,
            self.table.selectionModel().SelectionFlag.ClearAndSelect
            | self.table.selectionModel().SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    # --- search -----------------------------------------------------------------------------

    @Slot()
    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search field."""
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    @Slot(str)
    def _search_changed(self, text: str) -> None:
        try:
            query = parse_query(text)
        except QueryError as exc:
            # The problem is the core's, in English; the sentence around it is translated.
            self.search_error.setText(
                self.tr("Cannot search for {term}: {problem}")
                .replace("{term}", exc.term)
                .replace("{problem}", exc.problem)
            )
            self.search_error.show()
            return
        self.search_error.hide()
        # The user's selection is kept across searches (see _remember_selection), so a film a
        # search hid comes back selected when a typo is corrected.
        self._searching = True
        try:
            self.model.set_query(query)
            found = self._restore_selection(self._kept_selection, self._kept_current)
        finally:
            self._searching = False
        if not found:
            self.detail.set_film(None)
        self._after_rows_changed()
        self._update_actions()

    @Slot()
    def _remember_selection(self) -> None:
        if self._searching:
            return
        current = self.current_film()
        self._kept_current = current.id if current is not None else None
        rows = self.table.selectionModel().selectedRows()
        self._kept_selection = [self.model.film_at(i.row()).id for i in rows]

    def _restore_selection(self, film_ids: Sequence[int], current_id: int | None) -> bool:
        """Select the given films that are shown, and make ``current_id`` current if shown."""
        selection_model = self.table.selectionModel()
        selection = QItemSelection()
        for film_id in film_ids:
            row = self.model.row_of(film_id)
            if row is not None:
                selection.select(self.model.index(row, 0), self.model.index(row, len(Column) - 1))
        current_row = self.model.row_of(current_id) if current_id is not None else None
        if current_row is None:
            selection_model.select(selection, selection_model.SelectionFlag.ClearAndSelect)
            return False
        selection_model.setCurrentIndex(
            self.model.index(current_row, Column.TITLE), selection_model.SelectionFlag.NoUpdate
        )
        selection_model.select(selection, selection_model.SelectionFlag.ClearAndSelect)
        self.table.scrollTo(self.model.index(current_row, Column.TITLE))
        return True

    def _after_rows_changed(self) -> None:
        empty = self.model.shown_count() == 0
        if empty:
            text = self.search_field.text().strip()
            if text:
                self.empty_label.setText(
                    self.tr("No films match “{text}”.").replace("{text}", text)
                )
                self.clear_search_button.show()
            elif self.model.scope() is not None:
                self.empty_label.setText(self.lists.empty_scope_text())
                self.clear_search_button.hide()
            else:
                self.empty_label.setText(
                    self.tr("The catalog is empty. Add a film with File › New Film.")
                )
                self.clear_search_button.hide()
        self.table_stack.setCurrentWidget(self.empty_state if empty else self.table)
        self._update_status()

    def _update_status(self) -> None:
        if self._loading:
            self.status_label.setText(self.tr("Loading the catalog…"))
            return
        total = self.model.film_count()
        shown = self.model.shown_count()
        text = self.tr("%Ln film(s)", "", total)
        text += " · " + self.tr("%Ln watched", "", self.model.watched_count())
        if shown != total:
            text += " · " + self.tr("%Ln shown", "", shown)
        self.status_label.setText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.search_field.text():
            self.search_field.clear()
            return
        super().keyPressEvent(event)

    # --- selection --------------------------------------------------------------------------

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        film = None
        if current.isValid():
            film = self._load_film(self.model.film_at(current.row()).id)
        self.detail.set_film(film)
        self._update_actions()

    @Slot()
    def _update_actions(self) -> None:
        selection = self.table.selectionModel()
        some = selection.hasSelection() or selection.currentIndex().isValid()
        for action in (
            self.delete_action,
            self.watched_action,
            self.unwatched_action,
            self.add_tag_action,
            self.remove_tag_action,
        ):
            action.setEnabled(some)
        self.edit_action.setEnabled(selection.currentIndex().isValid())

    # --- the user's changes (each one an undo step) -----------------------------------------

    def _load_film(self, film_id: int) -> FilmRecord | None:
        try:
            return self.catalog.get_film(film_id)
        except FilmNotFoundError:
            return None

    def _push_edit(
        self,
        text: str,
        films: Sequence[FilmRow | FilmRecord],
        after: dict[int, FilmFields],
        merge_id: int = -1,
    ) -> None:
        # What undo puts back comes from the database, not from what the table shows.
        names = sorted({name for fields in after.values() for name in fields})
        try:
            current = self.catalog.get_films(f.id for f in films)
        except FilmNotFoundError as exc:
            self.command_failed(text, exc)
            return
        before = {f.id: user_fields_of(f, names) for f in current}
        self.undo_stack.push(
            EditFilmsCommand(text, self.catalog, self, before, after, merge_id=merge_id)
        )

    @Slot(int, object)
    def set_rating(self, film_id: int, rating: float | None) -> None:
        """Rate a film (None clears the rating)."""
        film = self.model.film(film_id)
        if film is None or film.rating == rating:
            return
        text = (
            self.tr("Clear rating of {title}")
            if rating is None
            else self.tr("Set rating of {title}")
        ).replace("{title}", film.title)
        self._push_edit(text, [film], {film_id: {"rating": rating}})

    @Slot(int, bool, object)
    def set_watched(self, film_id: int, watched: bool, on: date | None = None) -> None:
        """Mark a film watched (on a date) or not watched."""
        film = self.model.film(film_id)
        if film is None or (film.watched == watched and film.watched_on == on):
            return
        if not watched:
            text = self.tr("Mark {title} not watched")
        elif film.watched:
            text = self.tr("Change watched date of {title}")
        else:
            text = self.tr("Mark {title} watched")
        text = text.replace("{title}", film.title)
        after: FilmFields = {"watched": watched, "watched_on": on if watched else None}
        self._push_edit(text, [film], {film_id: after})

    @Slot(int, list)
    def set_tags(self, film_id: int, tags: list[str]) -> None:
        """Replace a film's tags."""
        film = self.model.film(film_id)
        if film is None:
            return
        text = self.tr("Set tags of {title}").replace("{title}", film.title)
        self._push_edit(text, [film], {film_id: {"tags": tags}})

    @Slot(int, str)
    def set_notes(self, film_id: int, notes: str) -> None:
        """Replace a film's notes (consecutive edits of one film's notes are one undo step)."""
        film = self._load_film(film_id)
        if film is None or film.notes == notes:
            return
        text = self.tr("Edit notes of {title}").replace("{title}", film.title)
        self._push_edit(text, [film], {film_id: {"notes": notes}}, NOTES_MERGE_ID)

    @Slot()
    def new_film(self) -> None:
        """Ctrl+N: add a film through the dialog."""
        dialog = FilmDialog(parent=self)
        if dialog.exec() != FilmDialog.DialogCode.Accepted:
            return
        self.undo_stack.push(AddFilmCommand(self.catalog, self, dialog.fields()))

    @Slot()
    def edit_film(self) -> None:
        """F2 / double-click: edit the current film's details."""
        self.detail.flush()
        row = self.current_film()
        film = self._load_film(row.id) if row is not None else None
        if film is None:
            return
        dialog = FilmDialog(film, parent=self)
        if dialog.exec() != FilmDialog.DialogCode.Accepted or not dialog.fields():
            return
        text = self.tr("Edit {title}").replace("{title}", film.title)
        self._push_edit(text, [film], {film.id: dialog.fields()})

    @Slot()
    def delete_selected(self) -> None:
        """Del: delete the selected films after confirmation."""
        self.detail.flush()
        films = self.selected_films()
        if not films:
            return
        names = "\n".join(f"• {f.display_title}" for f in films[:10])
        if len(films) > 10:
            names += "\n" + self.tr("… and %Ln more", "", len(films) - 10)
        question = (
            self.tr("Delete “{title}”?").replace("{title}", films[0].title)
            if len(films) == 1
            else self.tr("Delete %Ln film(s)?", "", len(films))
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete films") if len(films) > 1 else self.tr("Delete film"),
            as_typed(
                question + f"\n\n{names}\n\n" + self.tr("You can undo this with Edit › Undo.")
            ),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not delete:
            return
        self.undo_stack.push(DeleteFilmsCommand(self.catalog, self, films))

    def mark_selected_watched(self, watched: bool) -> None:
        """Mark every selected film watched (today, unless it has a date) or not watched."""
        self.detail.flush()
        films = [f for f in self.selected_films() if f.watched != watched]
        if not films:
            return
        today = date.today()
        after: dict[int, FilmFields] = {
            f.id: {"watched": watched, "watched_on": (f.watched_on or today) if watched else None}
            for f in films
        }
        if len(films) == 1:
            text = (
                self.tr("Mark {title} watched") if watched else self.tr("Mark {title} not watched")
            ).replace("{title}", films[0].title)
        elif watched:
            text = self.tr("Mark %Ln film(s) watched", "", len(films))
        else:
            text = self.tr("Mark %Ln film(s) not watched", "", len(films))
        self._push_edit(text, films, after)

    def _ask_tag(self, title: str, label: str, tags: list[str]) -> str | None:
        tag, ok = QInputDialog.getItem(self, title, label, tags, 0, True)
        tag = " ".join(tag.split())
        return tag if ok and tag else None

    @Slot()
    def add_tag_to_selected(self) -> None:
        """Add one tag to every selected film, in one step."""
        films = self.selected_films()
        if not films:
            return
        tag = self._ask_tag(
            self.tr("Add tag"),
            self.tr("Tag to add to %Ln film(s):", "", len(films)),
            self.model.tag_names(),
        )
        if tag is None:
            return
        changed = [f for f in films if tag.casefold() not in (t.casefold() for t in f.tags)]
        if changed:
            after: dict[int, FilmFields] = {f.id: {"tags": [*f.tags, tag]} for f in changed}
            text = self.tr("Add tag “{tag}” to %Ln film(s)", "", len(changed))
            self._push_edit(text.replace("{tag}", tag), changed, after)

    @Slot()
    def remove_tag_from_selected(self) -> None:
        """Remove one tag from every selected film, in one step."""
        films = self.selected_films()
        present = sorted({t for f in films for t in f.tags}, key=str.casefold)
        if not present:
            self.statusBar().showMessage(self.tr("The selected films have no tags."), 4000)
            return
        tag = self._ask_tag(
            self.tr("Remove tag"),
            self.tr("Tag to remove from %Ln film(s):", "", len(films)),
            present,
        )
        if tag is None:
            return
        key = tag.casefold()
        changed = [f for f in films if key in (t.casefold() for t in f.tags)]
        if changed:
            after: dict[int, FilmFields] = {
                f.id: {"tags": [t for t in f.tags if t.casefold() != key]} for f in changed
            }
            text = self.tr("Remove tag “{tag}” from %Ln film(s)", "", len(changed))
            self._push_edit(text.replace("{tag}", tag), changed, after)

    # --- files -----------------------------------------------------------------------------

    def _last_folder(self) -> str:
        folder = str(self.settings.value("files/last_folder", ""))
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    @Slot()
    def export_file(self) -> None:
        """File › Export…: the chosen films to filmdesk CSV or a JSON backup."""
        # Loaded when first used (start-up is quicker without them).
        from filmdesk.core.exchange.csv_format import export_csv
        from filmdesk.core.exchange.json_format import export_backup
        from filmdesk.core.exchange.letterboxd import export_letterboxd
        from filmdesk.ui.dialogs.export_dialog import ExportDialog

        self.detail.flush()
        selected = self.selected_films()
        dialog = ExportDialog(
            total=self.model.film_count(),
            shown=self.model.shown_count(),
            selected=len(selected),
            parent=self,
        )
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        file_format, scope, bom, delimiter = dialog.choice()
        suffix, kind = {
            "json": (".json", self.tr("JSON backup (*.json)")),
            "pdf": (".pdf", self.tr("PDF (*.pdf)")),
            "html": (".html", self.tr("Web page (*.html)")),
        }.get(file_format, (".csv", self.tr("CSV files (*.csv)")))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export films"), str(Path(self._last_folder()) / f"films{suffix}"), kind
        )
        if not path:
            return
        self.settings.setValue("files/last_folder", str(Path(path).parent))
        if scope == "selection":
            ids = [f.id for f in selected]
        elif scope == "search":
            ids = [self.model.film_at(r).id for r in range(self.model.shown_count())]
        else:
            ids = []
        # The printed list's heading; the printout itself (core) is English.
        heading = "Films" if scope == "all" else f"Films: {self.search_field.text()}"
        catalog = self.catalog
        target = Path(path)

        def export(progress: Progress) -> int:
            # In a thread, behind a progress dialog with Cancel; the file is written whole or
            # not at all, so a Cancel leaves whatever was there before.
            progress(0, 1)
            if file_format == "csv":
                columns = catalog.film_columns(ids if scope != "all" else None)
                return export_csv(target, columns, bom=bom, delimiter=delimiter, progress=progress)
            if scope == "all":
                films = catalog.all_films(timestamps=file_format == "json")
            else:
                films = catalog.get_films(ids)
            progress(0, 1)
            if file_format == "json":
                return export_backup(target, catalog, films)
            if file_format == "letterboxd":
                return export_letterboxd(target, films)
            # Loaded only when printing: the PDF library brings Pillow and fontTools along.
            from filmdesk.core.exchange.printable import export_html, export_pdf

            writer = export_pdf if file_format == "pdf" else export_html
            return writer(target, sort_films(films, "title"), heading.strip(": "))

        try:
            count = run_with_progress(
                self, self.tr("Exporting to {file}…").replace("{file}", target.name), export
            )
        except ImportCancelled:
            self.statusBar().showMessage(self.tr("Export cancelled: nothing was written."), 8000)
            return
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Export"),
                self.tr("{path} could not be written.").replace("{path}", path)
                + f"\n\n{exc.strerror}",
            )
            return
        self.statusBar().showMessage(
            self.tr("Exported %Ln film(s) to {path}", "", count).replace("{path}", path), 8000
        )

    @Slot()
    def import_file(self) -> None:
        """File › Import…: a dry run first, then the whole file in one undoable step."""
        from filmdesk.core.exchange.planning import plan_import
        from filmdesk.ui.dialogs.import_dialog import ImportDialog

        self.detail.flush()
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import films"),
            self._last_folder(),
            self.tr("Film lists (*.csv *.json *.zip *.txt);;All files (*)"),
        )
        if not path:
            return
        self.settings.setValue("files/last_folder", str(Path(path).parent))
        name = Path(path).name
        try:
            plan = run_with_progress(
                self,
                self.tr("Reading {file}…").replace("{file}", name),
                lambda progress: plan_import(self.catalog, Path(path), progress=progress),
            )
        except ImportCancelled:
            return
        except UnreadableFileError as exc:
            problems = "\n".join(str(p) for p in exc.problems[:10])
            QMessageBox.warning(
                self,
                self.tr("Import"),
                as_typed(self.tr("Nothing was imported.") + f"\n\n{problems}"),
            )
            return
        dialog = ImportDialog(plan, self)
        if dialog.exec() != ImportDialog.DialogCode.Accepted:
            return
        skip = dialog.skip_bad_rows.isChecked()
        names = {i: list(incoming.fields) for i, incoming in plan.updates}
        before = {f.id: user_fields_of(f, names[f.id]) for f in self.catalog.get_films(list(names))}
        try:
            result = run_with_progress(
                self,
                self.tr("Importing {file}…").replace("{file}", name),
                lambda progress: self.catalog.apply_import(
                    plan, skip_bad_rows=skip, progress=progress
                ),
            )
        except ImportCancelled:
            self.statusBar().showMessage(self.tr("Import cancelled: nothing was changed."), 8000)
            return
        except Exception as exc:
            self.command_failed(self.tr("Import {file}").replace("{file}", name), exc)
            return
        self.undo_stack.push(ImportCommand(self.catalog, self, plan, result, before))
        self.statusBar().showMessage(
            self.tr("Imported {file}: %Ln added", "", len(result.added)).replace("{file}", name)
            + ", "
            + self.tr("%Ln updated", "", len(result.updated)),
            8000,
        )

    @Slot(QModelIndex)
    def _double_clicked(self, index: QModelIndex) -> None:
        # A double click in the stars or the check box is two clicks there, not "edit".
        if index.column() not in (Column.RATING, Column.WATCHED):
            self.edit_film()

    @Slot()
    def undo(self) -> None:
        """Edit › Undo (after saving what is being typed)."""
        self.detail.flush()
        self.undo_stack.undo()

    @Slot()
    def redo(self) -> None:
        """Edit › Redo (after saving what is being typed)."""
        self.detail.flush()
        self.undo_stack.redo()

    # --- what commands report ---------------------------------------------------------------

    def films_changed(self, films: Sequence[FilmRecord]) -> None:
        """Films were edited (or an edit undone)."""
        shown = self.detail.film()
        for film in films:
            self.model.update_film(film)
            if shown is not None and film.id == shown.id:
                self.detail.set_film(film)
        self.detail.set_tag_names(self.model.tag_names())
        self._update_status()

    def films_added(self, films: Sequence[FilmRecord]) -> None:
        """Films were added (or a deletion undone)."""
        self.model.add_films(films)
        self.detail.set_tag_names(self.model.tag_names())
        self._after_rows_changed()
        if films and self.select_film(films[0].id):
            for film in films[1:]:
                row = self.model.row_of(film.id)
                if row is not None:
                    self.table.selectionModel().select(
                        self.model.index(row, 0),
                        self.table.selectionModel().SelectionFlag.Select
                        | self.table.selectionModel().SelectionFlag.Rows,
                    )

    def films_removed(self, film_ids: Sequence[int]) -> None:
        """Films were deleted (or an addition undone)."""
        self.model.remove_films(film_ids)
        self.detail.set_tag_names(self.model.tag_names())
        self._after_rows_changed()
        current = self.current_film()
        self.detail.set_film(self._load_film(current.id) if current is not None else None)

    def command_failed(self, action: str, error: Exception) -> None:
        """A change could not be saved; say so and keep the window as it was."""
        detail = (
            str(error) if isinstance(error, ValidationError) else f"{type(error).__name__}: {error}"
        )
        QMessageBox.warning(
            self,
            "filmdesk",
            as_typed(
                self.tr("“{action}” could not be saved.").replace("{action}", action)
                + f"\n\n{detail}"
            ),
        )
        # Show the database as it is: the table, and the panel's fields, typed text included.
        current = self.current_film()
        selected = [f.id for f in self.selected_films()]
        self.model.set_films(self.catalog.film_rows(), self.catalog.film_texts)
        self._after_rows_changed()
        self._restore_selection(selected, current.id if current is not None else None)
        shown = self.detail.film()
        self.detail.set_film(self._load_film(shown.id) if shown else None, force=True)
        self._update_actions()

    # --- menus ------------------------------------------------------------------------------

    def _fill_columns_menu(self, menu: QMenu | None = None) -> None:
        menu = menu or self.columns_menu
        menu.clear()
        header = self.table.horizontalHeader()
        for column in Column:
            action = menu.addAction(header_text(column))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column is not Column.TITLE)  # the title always stays
            action.toggled.connect(
                lambda visible, c=column: header.setSectionHidden(c, not visible)
            )

    @Slot(QPoint)
    def _header_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        self._fill_columns_menu(menu)
        menu.exec(self.table.horizontalHeader().mapToGlobal(position))

    @Slot(QPoint)
    def _table_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        for action in (self.edit_action, self.delete_action):
            menu.addAction(action)
        menu.addSeparator()
        for action in (
            self.watched_action,
            self.unwatched_action,
            self.add_tag_action,
            self.remove_tag_action,
        ):
            menu.addAction(action)
        self.lists.add_film_menu(menu, [f.id for f in self.selected_films()])
        menu.exec(self.table.viewport().mapToGlobal(position))

    @Slot(QAction)
    def _appearance_chosen(self, action: QAction) -> None:
        name = str(action.data())
        self.settings.setValue("appearance", name)
        apply_appearance(name)
        self._tune_table_palette()

    @Slot(QAction)
    def _language_chosen(self, action: QAction) -> None:
        self.settings.setValue("language", str(action.data()))
        self.settings.sync()
        QMessageBox.information(
            self,
            self.tr("Language"),
            self.tr("filmdesk will use the new language the next time it starts."),
        )

    @Slot()
    def show_about(self) -> None:
        """Help › About."""
        from filmdesk.ui.dialogs.about_dialog import AboutDialog

        location = self.catalog.engine.url.render_as_string(hide_password=True)
        AboutDialog(location, self).exec()

    @Slot()
    def show_shortcuts(self) -> None:
        """Help › Keyboard Shortcuts (F1)."""
        ShortcutsDialog(self._shortcut_sections(), self).exec()

    def _shortcut_sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        # Read from the menus, so the sheet always shows the shortcuts the window really has.
        sections: list[tuple[str, list[tuple[str, str]]]] = []
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            if not isinstance(menu, QMenu):
                continue
            rows = [
                (action.text(), keys_text(action))
                for action in menu.actions()
                if action.shortcuts()
            ]
            if rows:
                sections.append((menu_action.text(), rows))
        sections.append(
            (
                self.tr("Elsewhere"),
                [
                    (self.tr("Clear the search"), QKeySequence("Esc").toString(_NATIVE)),
                    (self.tr("Edit a film"), self.tr("Double-click")),
                    (self.tr("In the stars: half a star down / up"), "← / →"),
                    (self.tr("In the stars: whole stars"), "0 – 5"),
                    (
                        self.tr("In the stars: clear the rating"),
                        QKeySequence("Del").toString(_NATIVE),
                    ),
                ],
            )
        )
        return sections

    # --- window state -----------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = self.settings
        if settings.value("version") != str(SETTINGS_VERSION):
            return
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        self._bring_on_screen()
        splitter = settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        header_state = settings.value("table/header")
        header = self.table.horizontalHeader()
        if isinstance(header_state, QByteArray) and header.restoreState(header_state):
            header.setSectionHidden(Column.TITLE, False)
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        details = settings.value("window/details", "true")
        self.details_action.setChecked(str(details).lower() != "false")

    def _bring_on_screen(self) -> None:
        # A window saved on a monitor that is gone would open where nobody can see it.
        frame = self.frameGeometry()
        if QGuiApplication.screenAt(frame.center()) is not None:
            return
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            return
        available = screen.availableGeometry()
        width = min(frame.width(), available.width())
        height = min(frame.height(), available.height())
        self.resize(width, height)
        self.move(
            available.left() + (available.width() - width) // 2,
            available.top() + (available.height() - height) // 2,
        )

    def save_state(self) -> None:
        """Remember geometry, splitter, columns and sort for the next start."""
        settings = self.settings
        settings.setValue("version", str(SETTINGS_VERSION))
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue("window/details", "true" if self.details_action.isChecked() else "false")
        settings.setValue("table/header", self.table.horizontalHeader().saveState())
        self.lists.save_state()
        settings.sync()

    def _tune_table_palette(self) -> None:
        # Fusion outlines check boxes with the window colour made darker, which vanishes on a
        # dark base; give the table a lighter window colour so its Watched boxes stay visible.
        palette = QApplication.palette()
        if is_dark(palette):
            palette.setColor(
                QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Window).lighter(190)
            )
        self.table.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange):
            self._tune_table_palette()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.detail.flush()  # notes typed a moment ago are saved before the window goes
        self.save_state()
        super().closeEvent(event)
