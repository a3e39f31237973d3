"""The films page: the search bar over the film table or the cover view (or a word when
nothing is shown).

The two views show one model and share one selection model: whatever the search, the scope,
the sort and the selection, both show the same films the same way; switching only swaps them.

It keeps the user's selection across searches, limits the table to a sidebar entry's films,
and follows ``Changes``: films added, changed or removed by any step.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from filmdesk.core.catalog import Catalog
from filmdesk.core.operations import Changes
from filmdesk.core.records import FilmRow
from filmdesk.core.search import Query, QueryError, parse_query
from filmdesk.core.searches import SavedSearchRecord, full_query
from filmdesk.ui.films.cover_view import CoverView
from filmdesk.ui.films.film_order import Column
from filmdesk.ui.films.film_table import FilmTable
from filmdesk.ui.films.film_table_model import FilmTableModel
from filmdesk.ui.films.loading import FilmLoader
from filmdesk.ui.films.search_bar import SearchBar
from filmdesk.ui.films.thumbnails import ThumbnailLoader
from filmdesk.ui.widgets.plain_text import plain_label

# The sidebar's library entries, as the films page understands them.
LIBRARY_KINDS = ("all", "watched", "unwatched", "tag")
TABLE, COVERS = "table", "covers"  # the two views of the films (setting films/view)


class FilmsPanel(QWidget):
    """Search and the film table, over one catalog."""

    current_film_changed = Signal(object)  # film id | None: the film whose details to show
    film_chosen = Signal(int)  # the user made this film current (not a search or a scope)
    selection_changed = Signal()
    status_changed = Signal(str)  # "10 films · 2 watched · 3 shown"
    edit_requested = Signal()  # double-click on a film
    context_menu_requested = Signal(QPoint)  # global position
    rating_changed = Signal(int, object)  # film id, float | None: the stars in the table
    watched_changed = Signal(int, bool, object)  # film id, watched, date | None: the check box
    all_loaded = Signal()  # a big catalog's films are all read (saved searches can count)
    search_ready = Signal()  # every film's texts and sort orders are prepared: the window is idle
    user_active = Signal()  # the user typed a search, scrolled or chose a film (work can wait)
    poster_dropped = Signal(int, object)  # film id, the QMimeData of an image dropped on its row
    first_painted = Signal()  # the films (or that there are none) painted for the first time
    view_changed = Signal(str)  # TABLE or COVERS

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self._quiet = False  # a search or a scope moves the current row, not the user
        self._kept_current: int | None = None  # what the user selected, kept across searches
        self._kept_selection: list[int] = []
        self._pending_scope: tuple[str, object] | None = None
        self._scope_empty_text = ""

        self.search = SearchBar()
        self.model = FilmTableModel(self)
        self.model.viewed_months = catalog.films.viewed_months
        self.model.poster_file = lambda key: catalog.posters.thumbnails.get(key)
        self.table = FilmTable(self.model)
        self.loader = FilmLoader(catalog, self.model, self)
        # (Asked each time: the catalog's thumbnail folder may be set after the panel is made.)
        self.thumbnails = ThumbnailLoader(
            lambda key: catalog.posters.thumbnails.get(key), parent=self
        )
        self.covers = CoverView(self.model, self.thumbnails)
        self.covers.setSelectionModel(self.table.selectionModel())
        self._view = TABLE
        self._painted = False
        self.empty_state = self._build_empty_state()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.covers)
        self.stack.addWidget(self.empty_state)
        self.empty_state.installEventFilter(self)  # (painted first when no film is shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.stack, 1)
        self._connect()

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
        self.clear_search_button.clicked.connect(self.search.clear)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.clear_search_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def _connect(self) -> None:
        self.search.query_changed.connect(self._query_changed)
        for activity in (
            self.search.query_changed,
            self.table.verticalScrollBar().valueChanged,
            self.covers.verticalScrollBar().valueChanged,
            self.film_chosen,
        ):
            activity.connect(lambda *_: self.user_active.emit())
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._current_changed)
        selection.selectionChanged.connect(self.selection_changed)
        selection.selectionChanged.connect(self._remember_selection)
        selection.currentRowChanged.connect(self._remember_selection)
        for view in (self.table, self.covers):
            view.edit_requested.connect(self.edit_requested)
            view.customContextMenuRequested.connect(
                lambda position, v=view: self.context_menu_requested.emit(
                    v.viewport().mapToGlobal(position)
                )
            )
            view.first_painted.connect(self._view_painted)
        self.table.image_dropped.connect(self.poster_dropped)
        self.table.star_delegate.rating_clicked.connect(self.rating_changed)
        self.model.watched_toggled.connect(
            lambda film_id, watched: self.watched_changed.emit(
                film_id, watched, date.today() if watched else None
            )
        )
        self.loader.first_page_shown.connect(self._first_page_shown)
        self.loader.loaded.connect(self._loaded)
        self.loader.prepared.connect(self.search_ready)

    # --- reading ------------------------------------------------------------------------

    def load(self, *, first_page_only: bool = False) -> None:
        """Read every film from the catalog (a big catalog: its first page first)."""
        self.loader.load(first_page_only=first_page_only)

    def is_loading(self) -> bool:
        """True while a big catalog shows only its first page."""
        return self.loader.is_loading()

    def is_preparing(self) -> bool:
        """True while search texts and sort orders are still being prepared after start."""
        return self.loader.is_preparing()

    @Slot()
    def _first_page_shown(self) -> None:
        self.search.setEnabled(False)
        self._after_rows_changed()
        if self._painted:
            self._read_the_rest()
        else:
            self.first_painted.connect(self._read_the_rest, Qt.ConnectionType.SingleShotConnection)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.empty_state and event.type() == QEvent.Type.Paint:
            self.empty_state.removeEventFilter(self)
            self._view_painted()
        return super().eventFilter(watched, event)

    @Slot()
    def _view_painted(self) -> None:
        if not self._painted:
            self._painted = True
            # (The view says so as its first paint begins: what follows it waits until the
            # films are on screen.)
            QTimer.singleShot(0, self, self.first_painted.emit)

    @Slot()
    def _read_the_rest(self) -> None:
        QTimer.singleShot(0, self.loader.finish)  # once the first page is on screen

    @Slot()
    def _loaded(self) -> None:
        self.search.setEnabled(True)
        if self._pending_scope is not None:
            kind, key = self._pending_scope
            self._pending_scope = None
            self.scope_to(kind, key)
        self._after_rows_changed()
        self.all_loaded.emit()

    def reread(self) -> None:
        """Read every film again, keeping the selection (after a step failed)."""
        current = self.current_film()
        selected = [f.id for f in self.selected_films()]
        self.model.set_films(self.catalog.films.rows(), self.catalog.films.search_texts)
        self._after_rows_changed()
        self.restore_selection(selected, current.id if current is not None else None)

    # --- the films ----------------------------------------------------------------------

    def film(self, film_id: int) -> FilmRow | None:
        """A film as the table has it."""
        return self.model.film(film_id)

    def tag_names(self) -> list[str]:
        """Every tag on a film, for completion."""
        return self.model.tag_names()

    def all_films(self) -> list[FilmRow]:
        """Every film the table holds, shown or not."""
        return self.model.films_for_benchmark()

    def library_counts(self) -> tuple[int, int] | None:
        """Films and watched films, when every film is read (None while loading)."""
        if self.is_loading():
            return None
        return self.model.film_count(), self.model.watched_count()

    def shown_ids(self) -> list[int]:
        """The films shown, in table order."""
        return self.model.shown_ids()

    def current_film(self) -> FilmRow | None:
        """The film of the current row."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.film_at(index.row())

    def selected_films(self) -> list[FilmRow]:
        """The selected films, in table order (the current film if none is selected)."""
        films = [self.model.film_at(r) for r in self._selected_rows()]
        if not films and (current := self.current_film()) is not None:
            films = [current]
        return films

    def has_selection(self) -> bool:
        """Whether a film is selected or current."""
        selection = self.table.selectionModel()
        return selection.hasSelection() or selection.currentIndex().isValid()

    def select_film(self, film_id: int) -> bool:
        """Make ``film_id`` the current, selected row (if the search shows it)."""
        row = self.model.row_of(film_id)
        if row is None:
            return False
        index = self.model.index(row, Column.TITLE)
        flags = self.table.selectionModel().SelectionFlag
        self.table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.view().scrollTo(index)
        return True

    def select_films(self, film_ids: Sequence[int]) -> bool:
        """Select these films, the first one current; False when the first is not shown."""
        if not film_ids or not self.select_film(film_ids[0]):
            return False
        # All the others in one selection of row ranges: one change for the views (and the
        # detail panel) to follow, not one per film (3,400 imported films froze the window).
        selection = self._selection_of(self.model.rows_of(film_ids[1:]))
        if not selection.isEmpty():
            flags = self.table.selectionModel().SelectionFlag
            self.table.selectionModel().select(selection, flags.Select | flags.Rows)
        return True

    def hides(self, film_id: int) -> bool:
        """Whether the search or the scope keeps this film out of the table."""
        return self.model.film(film_id) is not None and self.model.row_of(film_id) is None

    # --- search and scope ---------------------------------------------------------------

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search field."""
        self.search.focus()

    def clear_search(self) -> None:
        """Show every film the scope has."""
        self.search.clear()

    @Slot(object)
    def _query_changed(self, query: Query) -> None:
        # The user's selection is kept across searches (see _remember_selection), so a film a
        # search hid comes back selected when a typo is corrected.
        self._quiet = True
        try:
            self.model.set_query(query)
            found = self.restore_selection(self._kept_selection, self._kept_current)
        finally:
            self._quiet = False
        if not found:
            self.current_film_changed.emit(None)
        self._after_rows_changed()
        self.selection_changed.emit()

    def set_scope(self, film_ids: Iterable[int] | None, empty_text: str = "") -> None:
        """Show only these films (the search then works within them); None shows all.
        ``empty_text`` is what the table says when the scope has no films."""
        self._pending_scope = None
        self._scope_empty_text = empty_text or self.tr("No films here.")
        self._quiet = True
        try:
            self.model.set_scope(film_ids)
            self.current_film_changed.emit(None)
        finally:
            self._quiet = False
        self._after_rows_changed()
        self.selection_changed.emit()

    def scope_to(self, kind: str, key: object = None) -> None:
        """Show a library entry of the sidebar: all films, watched, not watched, a tag, the
        films of a saved search (key: its id)."""
        if self.is_loading() and kind != "all":
            # A big catalog's first page is all the table has yet: filter once it has all.
            self._pending_scope = (kind, key)
            return
        films = self.model.films_with
        if kind == "watched":
            scope: list[int] | None = [i for i, watched in films("watched") if watched]
        elif kind == "unwatched":
            scope = [i for i, watched in films("watched") if not watched]
        elif kind == "tag":
            # A tag is one row of the catalog, spelled the same on every film that has it.
            scope = [i for i, tags in films("tags") if str(key) in tags]
        elif kind == "saved":
            search = self.catalog.searches.find(int(str(key)))
            scope = (self.saved_search_ids(search) or []) if search is not None else []
            self.set_scope(scope, self.tr("This saved search finds no films."))
            return
        else:
            scope = None
        self.set_scope(scope)

    def saved_search_ids(self, search: SavedSearchRecord) -> list[int] | None:
        """The films a saved search finds now; None while the table has not read them all."""
        if self.is_loading():
            return None
        try:
            query = parse_query(full_query(search))
        except QueryError:
            return []  # (checked when saved; a term the language no longer reads finds none)
        return self.model.matching_ids(query, self.catalog.searches.film_ids(search))

    def saved_counts(self, searches: Sequence[SavedSearchRecord]) -> dict[int, int] | None:
        """How many films each saved search finds; None while the table is still reading."""
        counts: dict[int, int] = {}
        for search in searches:
            found = self.saved_search_ids(search)
            if found is None:
                return None
            counts[search.id] = len(found)
        return counts

    def viewed_years(self) -> list[int]:
        """The years the films of the sidebar's choice were watched in (on a known day)."""
        scope = self.model.scope()
        months: set[tuple[int, ...]] = set()  # (films watched in the same months share one)
        for film_id, viewed in self.model.films_with("viewed_months"):
            if viewed and (scope is None or film_id in scope):
                months.add(viewed)
        return sorted({month // 100 for each in months for month in each})

    def is_scoped(self) -> bool:
        """Whether the table shows only some films (a sidebar entry other than All films)."""
        return self.model.scope() is not None

    @Slot()
    def _remember_selection(self) -> None:
        if self._quiet:
            return
        current = self.current_film()
        self._kept_current = current.id if current is not None else None
        self._kept_selection = [self.model.film_at(r).id for r in self._selected_rows()]

    def _selected_rows(self) -> list[int]:
        # From the selection's ranges: ``selectedRows()`` asks the model for every cell's flags,
        # which takes seconds once thousands of films are selected.
        rows: set[int] = set()
        selection = self.table.selectionModel().selection()
        for at in range(selection.count()):
            part = selection.at(at)
            rows.update(range(part.top(), part.bottom() + 1))
        return sorted(rows)

    def _selection_of(self, rows: Sequence[int]) -> QItemSelection:
        """Whole rows, as few ranges as they make (``rows`` in increasing order)."""
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        start = 0
        while start < len(rows):
            end = start
            while end + 1 < len(rows) and rows[end + 1] == rows[end] + 1:
                end += 1
            selection.select(self.model.index(rows[start], 0), self.model.index(rows[end], last))
            start = end + 1
        return selection

    def restore_selection(self, film_ids: Sequence[int], current_id: int | None) -> bool:
        """Select the given films that are shown, and make ``current_id`` current if shown."""
        selection_model = self.table.selectionModel()
        selection = self._selection_of(self.model.rows_of(film_ids))
        current_row = self.model.row_of(current_id) if current_id is not None else None
        if current_row is None:
            selection_model.select(selection, selection_model.SelectionFlag.ClearAndSelect)
            return False
        selection_model.setCurrentIndex(
            self.model.index(current_row, Column.TITLE), selection_model.SelectionFlag.NoUpdate
        )
        selection_model.select(selection, selection_model.SelectionFlag.ClearAndSelect)
        self.view().scrollTo(self.model.index(current_row, Column.TITLE))
        return True

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        film_id = self.model.film_at(current.row()).id if current.isValid() else None
        self.current_film_changed.emit(film_id)
        if film_id is not None and not self._quiet:
            self.film_chosen.emit(film_id)

    # --- the table or the covers --------------------------------------------------------

    def view_name(self) -> str:
        """TABLE or COVERS: the view the films are shown in."""
        return self._view

    def view(self) -> QAbstractItemView:
        """The view the films are shown in (the table or the covers)."""
        return self.covers if self._view == COVERS else self.table

    def show_view(self, name: str) -> None:
        """Show the films in the table or as covers: the same films, the same selection; the
        current film scrolled into view, the keyboard focus kept."""
        if name not in (TABLE, COVERS) or name == self._view:
            return
        before = self.view()
        focus = QApplication.focusWidget()
        had_focus = focus is not None and (focus is before or before.isAncestorOf(focus))
        self._view = name
        view = self.view()
        current = self.table.selectionModel().currentIndex()
        if current.isValid() and name == COVERS and current.column() != Column.TITLE:
            # The covers show the title column's items: the current one must be one of them
            # for the arrows to move from it.
            self.table.selectionModel().setCurrentIndex(
                self.model.index(current.row(), Column.TITLE),
                self.table.selectionModel().SelectionFlag.NoUpdate,
            )
        if self.stack.currentWidget() is before:
            self.stack.setCurrentWidget(view)
        if current.isValid():
            view.scrollTo(self.model.index(current.row(), Column.TITLE))
        if had_focus:
            view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.view_changed.emit(name)

    # --- what changed -------------------------------------------------------------------

    def restore_state(self, settings: QSettings) -> None:
        """The columns, their widths and order, the sort and the view, as the user left them."""
        state = settings.value("table/header")
        header = self.table.horizontalHeader()
        if isinstance(state, QByteArray) and header.restoreState(state):
            header.setSectionHidden(Column.TITLE, False)  # a film without its title is nothing
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.show_view(str(settings.value("films/view", TABLE)))

    def save_state(self, settings: QSettings) -> None:
        """Remember the columns, the sort and the view for the next start."""
        settings.setValue("table/header", self.table.horizontalHeader().saveState())
        settings.setValue("films/view", self._view)

    def apply_changes(self, changes: Changes) -> None:
        """Films added, changed or removed: the table follows, the films added selected."""
        if not changes.touches_films:
            return
        if changes.films_removed:
            self.model.remove_films(changes.films_removed)
        added = [f for f in changes.films if f.id in changes.films_added]
        if added:
            self.model.add_films(added)
            if not self.model.search_ready():
                self.loader.prepare_again()
        for film in changes.films:
            if film.id in changes.films_changed:
                self.model.update_film(film)
        if added or changes.films_removed:
            self._after_rows_changed()
        else:
            self._update_status()
        if added:
            self.select_films([f.id for f in added])

    def _after_rows_changed(self) -> None:
        empty = self.model.shown_count() == 0
        if empty:
            text = self.search.text().strip()
            if text:
                self.empty_label.setText(
                    self.tr("No films match “{text}”.").replace("{text}", text)
                )
                self.clear_search_button.show()
            elif self.model.scope() is not None:
                self.empty_label.setText(self._scope_empty_text)
                self.clear_search_button.hide()
            else:
                self.empty_label.setText(
                    self.tr("The catalog is empty. Add a film with File › New Film.")
                )
                self.clear_search_button.hide()
        self.stack.setCurrentWidget(self.empty_state if empty else self.view())
        self._update_status()

    def _update_status(self) -> None:
        self.status_changed.emit(self.status_text())

    def status_text(self) -> str:
        """What the status bar says about the films."""
        if self.is_loading():
            return self.tr("Loading the catalog…")
        total = self.model.film_count()
        shown = self.model.shown_count()
        text = self.tr("%Ln film(s)", "", total)
        text += " · " + self.tr("%Ln watched", "", self.model.watched_count())
        if shown != total:
            text += " · " + self.tr("%Ln shown", "", shown)
        return text
