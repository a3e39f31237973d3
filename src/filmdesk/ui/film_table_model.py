"""FilmTableModel: all films in memory, filtered and sorted by the core's search, not by a proxy.

A QSortFilterProxyModel would call ``data()`` in Python for every row on every keystroke; with
100,000 films that takes seconds. Instead the model keeps every film once, a search index, and
per-column sort ranks, and shows a list of row numbers (``_rows``) that it recomputes and resets.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from filmdesk.core.records import FilmRecord
from filmdesk.core.search import Query, SearchDoc, SearchIndex, fold, title_sort_key

_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    """The table's columns, in their default order."""

    TITLE = 0
    ORIGINAL_TITLE = 1
    YEAR = 2
    DIRECTOR = 3
    RATING = 4
    WATCHED = 5
    TAGS = 6


HEADERS = {
    Column.TITLE: "Title",
    Column.ORIGINAL_TITLE: "Original title",
    Column.YEAR: "Year",
    Column.DIRECTOR: "Director",
    Column.RATING: "Rating",
    Column.WATCHED: "Watched",
    Column.TAGS: "Tags",
}

FilmIdRole = Qt.ItemDataRole.UserRole + 1
FilmRole = Qt.ItemDataRole.UserRole + 2
RatingRole = Qt.ItemDataRole.UserRole + 3


def _sort_key(column: Column, film: FilmRecord) -> tuple[Any, ...]:
    # Missing values sort last in ascending order; ties fall back to the title.
    title = title_sort_key(film.title)
    if column is Column.TITLE:
        return (title, film.year or 0)
    if column is Column.ORIGINAL_TITLE:
        return (not film.original_title, fold(film.original_title), title)
    if column is Column.YEAR:
        return (film.year is None, film.year or 0, title)
    if column is Column.DIRECTOR:
        return (not film.directors, fold(", ".join(film.directors)), title)
    if column is Column.RATING:
        return (film.rating is None, -(film.rating or 0.0), title)
    if column is Column.WATCHED:
        return (not film.watched, title)
    return (not film.tags, fold(", ".join(film.tags)), title)


class FilmTableModel(QAbstractTableModel):
    """The films of the catalog as table rows; see the module docstring for how it scales."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._films: list[FilmRecord] = []
        self._index = SearchIndex()
        self._row_of_id: dict[int, int] = {}
        self._query: Query | None = None
        self._rows: list[int] = []
        self._sort_column = Column.TITLE
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._ranks: dict[Column, list[int]] = {}

    # --- content -------------------------------------------------------------------------

    def set_films(self, films: Sequence[FilmRecord]) -> None:
        """Replace every film (e.g. after opening a catalog)."""
        self.beginResetModel()
        self._films = list(films)
        self._index = SearchIndex.of(self._films)
        self._row_of_id = {f.id: i for i, f in enumerate(self._films)}
        self._ranks.clear()
        self._rows = self._compute_rows()
        self.endResetModel()

    def set_query(self, query: Query | None) -> None:
        """Show only films matching ``query`` (None or an empty query shows all)."""
        self.beginResetModel()
        self._query = query if query is not None and not query.is_empty else None
        self._rows = self._compute_rows()
        self.endResetModel()

    def update_film(self, film: FilmRecord) -> None:
        """A film changed: refresh its row (it stays where it is until the next sort/search)."""
        position = self._row_of_id.get(film.id)
        if position is None:
            return
        self._films[position] = film
        self._index.replace(position, SearchDoc.of(film))
        self._ranks.clear()
        try:
            row = self._rows.index(position)
        except ValueError:
            return
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def film_at(self, row: int) -> FilmRecord:
        """The film shown in ``row``."""
        return self._films[self._rows[row]]

    def row_of(self, film_id: int) -> int | None:
        """The row showing ``film_id``, or None when it is filtered out or unknown."""
        position = self._row_of_id.get(film_id)
        if position is None:
            return None
        try:
            return self._rows.index(position)
        except ValueError:
            return None

    def films(self) -> list[FilmRecord]:
        """Every film the model holds (shown or not)."""
        return list(self._films)

    def shown_count(self) -> int:
        """How many films the current search shows."""
        return len(self._rows)

    # --- filtering and sorting ------------------------------------------------------------

    def _ranks_for(self, column: Column) -> list[int]:
        ranks = self._ranks.get(column)
        if ranks is None:
            order = sorted(range(len(self._films)), key=lambda i: _sort_key(column, self._films[i]))
            ranks = [0] * len(order)
            for rank, position in enumerate(order):
                ranks[position] = rank
            self._ranks[column] = ranks
        return ranks

    def _compute_rows(self) -> list[int]:
        rows = (
            list(range(len(self._films))) if self._query is None else self._query.run(self._index)
        )
        rows.sort(
            key=self._ranks_for(self._sort_column).__getitem__,
            reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
        )
        return rows

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the shown films by ``column`` (called by the view's header)."""
        if not 0 <= column < len(Column):
            return
        self.layoutAboutToBeChanged.emit()
        old_rows = self._rows
        self._sort_column = Column(column)
        self._sort_order = order
        self._rows = self._compute_rows()
        # Keep selections and the current index on the same films.
        where = {position: row for row, position in enumerate(self._rows)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent,
            [self.index(where[old_rows[i.row()]], i.column()) for i in persistent],
        )
        self.layoutChanged.emit()

    # --- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(Column)
        ):
            return HEADERS[Column(section)]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        film = self._films[self._rows[index.row()]]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(film, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (Column.TITLE, Column.ORIGINAL_TITLE, Column.DIRECTOR, Column.TAGS):
                return self._display(film, column) or None
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.YEAR:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == FilmIdRole:
            return film.id
        if role == FilmRole:
            return film
        if role == RatingRole:
            return film.rating
        return None

    @staticmethod
    def _display(film: FilmRecord, column: Column) -> str | None:
        if column is Column.TITLE:
            return film.title
        if column is Column.ORIGINAL_TITLE:
            return film.original_title
        if column is Column.YEAR:
            return str(film.year) if film.year else ""
        if column is Column.DIRECTOR:
            return ", ".join(film.directors)
        if column is Column.RATING:
            return f"{film.rating:g}" if film.rating is not None else ""
        if column is Column.WATCHED:
            if not film.watched:
                return ""
            return film.watched_on.isoformat() if film.watched_on else "✓"
        return ", ".join(film.tags)
