"""FilmTableModel: every film in memory, filtered and sorted by the core's search, not by a proxy.

A QSortFilterProxyModel would call ``data()`` in Python for every row on every keystroke; with
100,000 films that takes seconds. Instead the model keeps:

* ``_films``: every film once, by position (a deleted film leaves ``None``), column by column
  (``FilmColumns``);
* a ``SearchIndex`` over the same positions (lean rows first; each film's search text, with
  its notes and description, as the catalog keeps it, is added in small steps by
  ``load_texts_step`` after the window has appeared, or all at once when a search needs it
  sooner);
* ``_sorting`` (``film_order.FilmOrder``): all positions in the order shown: by the sort
  column's key, ascending or descending, ties always in title order and films without a value
  last (re-sorted only when the sort changes, from orders worked out ahead of time; an edited
  or added film is moved into place with a binary search);
* ``_rows``: the positions shown, i.e. that order filtered by the query, which therefore needs
  no sorting of its own (the order's own array when there is neither a query nor a sidebar
  entry, or after a sort that kept every row; else a list, or the search's ``Positions`` when
  it keeps many: never changed in place).

The model never writes to the catalog: edits in the table (stars, the Watched checkbox) are
announced with signals and come back through ``update_film`` once the catalog has them.
"""

from __future__ import annotations

import html
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    QUrl,
    Signal,
)

from filmdesk.core.film_columns import FilmColumns
from filmdesk.core.folding import fold
from filmdesk.core.id_positions import IdPositions
from filmdesk.core.records import FilmRecord, FilmRow
from filmdesk.core.search import Positions, Query, SearchIndex
from filmdesk.ui.films.film_order import Column, FilmOrder
from filmdesk.ui.shell.i18n import QT_TRANSLATE_NOOP, format_date, format_short_date
from filmdesk.ui.widgets.film_drag import FILM_IDS_MIME, film_ids_to_mime
from filmdesk.ui.widgets.plain_text import as_typed
from filmdesk.ui.widgets.star_rating import rating_text

_Index = QModelIndex | QPersistentModelIndex


# Marked for translation here, translated when shown (header_text): the language is chosen
# after this module is imported.
HEADERS = {
    Column.TITLE: QT_TRANSLATE_NOOP("FilmTableModel", "Title"),
    Column.ORIGINAL_TITLE: QT_TRANSLATE_NOOP("FilmTableModel", "Original title"),
    Column.YEAR: QT_TRANSLATE_NOOP("FilmTableModel", "Year"),
    Column.DIRECTOR: QT_TRANSLATE_NOOP("FilmTableModel", "Director"),
    Column.RATING: QT_TRANSLATE_NOOP("FilmTableModel", "Rating"),
    Column.WATCHED: QT_TRANSLATE_NOOP("FilmTableModel", "Watched"),
    Column.TAGS: QT_TRANSLATE_NOOP("FilmTableModel", "Tags"),
}


def header_text(column: Column) -> str:
    """The column's name in the interface's language."""
    return QCoreApplication.translate("FilmTableModel", HEADERS[column])


FilmIdRole = Qt.ItemDataRole.UserRole + 1
FilmRole = Qt.ItemDataRole.UserRole + 2
RatingRole = Qt.ItemDataRole.UserRole + 3

# From this many films added at once (an import), they are shown first and made searchable
# in steps afterwards (``FilmTableModel._add_many``).
MANY_FILMS = 1000
TOOLTIP_POSTER_HEIGHT = 150  # pixels: the poster in a title's tooltip
_DISPLAY = Qt.ItemDataRole.DisplayRole
_CHECK = Qt.ItemDataRole.CheckStateRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
_ROLES = frozenset(
    {_DISPLAY, _CHECK, _ALIGN, _TOOLTIP, _ACCESSIBLE, FilmIdRole, FilmRole, RatingRole}
)
TextLoader = Callable[[int, int], list[tuple[int, str]]]


def _same_rows(rows: Sequence[int], shown: Sequence[int]) -> bool:
    """The same positions in the same order (an order's array against a list too)."""
    if isinstance(rows, array) != isinstance(shown, array) and not (
        isinstance(rows, Positions) or isinstance(shown, Positions)
    ):
        return len(rows) == len(shown) and list(rows) == list(shown)
    return rows == shown


class FilmTableModel(QAbstractTableModel):
    """The films of the catalog as table rows; see the module docstring for how it scales."""

    watched_toggled = Signal(int, bool)  # film id, new state asked for by the user

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._index = SearchIndex(FilmColumns())
        self._position_of_id = IdPositions()
        self._sorting = FilmOrder(lambda: self._films)
        self._rows: Sequence[int] = []
        self._flags: dict[int, Qt.ItemFlag] = {}
        self._query: Query | None = None
        # The search has a phrase (from its opening quote on): the films' texts are opened
        # for the phrase's scan a few at a time, ahead of its second word (``TextStore``).
        self._phrase = False
        self._open_texts = QTimer(self)
        self._open_texts.setInterval(0)
        self._open_texts.timeout.connect(self._open_texts_step)
        self._watched = 0
        self._text_loader: TextLoader | None = None
        self._text_after_id = 0
        self._rows_stale = False
        # Films added many at once (an import) whose notes and descriptions are made
        # searchable in steps, like a catalog's at start: (position, notes, description).
        self._pending_texts: list[tuple[int, str, str]] = []
        # A sidebar entry (a collection, a tag, watched...) limits the films shown: their ids,
        # and the same as positions, which is what filtering works with.
        self._scope_ids: frozenset[int] | None = None
        self._scope: set[int] | None = None
        # Reads the months films were watched in (``FilmService.viewed_months``), for the rows
        # made again from records after a change: ``watched:2024-03`` keeps finding them.
        self.viewed_months: Callable[[list[int]], dict[int, tuple[int, ...]]] | None = None
        # A poster's hash -> its thumbnail's file, for the title's tooltip (None: no posters).
        self.poster_file: Callable[[str], Path | None] | None = None

    @property
    def _films(self) -> FilmColumns:
        return self._index.films  # type: ignore[return-value]  # (as ``set_films`` gave it)

    # --- content -------------------------------------------------------------------------

    def set_films(
        self, films: Sequence[FilmRow | None], text_loader: TextLoader | None = None
    ) -> None:
        """Replace every film (e.g. after opening a catalog).

        ``text_loader(after_id, limit)`` returns (id, search text: ``FilmService.search_texts``)
        in id order; without one, notes and descriptions are not searched.
        """
        self.beginResetModel()
        columns = films if isinstance(films, FilmColumns) else FilmColumns(films)
        self._index = SearchIndex(columns, texts_later=text_loader is not None)
        self._text_loader = text_loader
        self._text_after_id = 0
        self._pending_texts = []  # (an import's, of the films replaced)
        live = columns.live_positions()
        self._position_of_id = (
            IdPositions.of(columns.ids())
            if len(live) == len(columns)
            else IdPositions(zip(columns.ids(), live, strict=True))
        )
        self._watched = columns.watched_count()
        self._scope = self._scope_positions(self._scope_ids)
        self._sorting.reset()
        self._rows = self._filtered(self._query)
        self._rows_stale = False
        self.endResetModel()

    def load_texts_step(self, limit: int = 2000) -> bool:
        """Make the next ``limit`` films' notes and descriptions searchable; True when all are."""
        if self._pending_texts:
            piece = self._pending_texts[:limit]
            del self._pending_texts[:limit]
            self._index.set_long_texts([t for t in piece if self._index.holds(t[0])])
            return not self._pending_texts and self._text_loader is None
        loader = self._text_loader
        if loader is None or self._index.complete:
            return True
        chunk = loader(self._text_after_id, limit)
        positions = self._position_of_id
        self._index.set_texts(
            [(positions[film_id], text) for film_id, text in chunk if film_id in positions]
        )
        if chunk:
            self._text_after_id = chunk[-1][0]
        else:
            self._text_loader = None  # nothing more to read; films added later have their text
        return self._index.complete or not chunk

    def search_ready(self) -> bool:
        """True when notes and descriptions of every film can be searched."""
        return self._index.complete or (self._text_loader is None and not self._pending_texts)

    def set_query(self, query: Query | None) -> None:
        """Show only films matching ``query`` (None or an empty query shows every film)."""
        new = query if query is not None and not query.is_empty else None
        while new is not None and not self.load_texts_step(20000):
            pass  # a search before the texts finished loading: finish now
        self._phrase = query is not None and query.has_phrase
        if self._phrase:
            self._open_texts.start()
        else:
            self._open_texts.stop()
        candidates = None
        skip = 0
        if (
            new is not None
            and self._query is not None
            and not self._rows_stale
            and new.refines(self._query)
        ):
            candidates = self._rows  # typing on: only the rows shown now can still match
            skip = new.shared_terms(self._query)  # ... and they match the unchanged words
        rows = self._filtered(new, candidates, skip)
        self._query = new
        stale, self._rows_stale = self._rows_stale, False
        if _same_rows(rows, self._rows) and not stale:
            return  # another letter that changes nothing: leave the view (and its repaint) be
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def matching_ids(self, query: Query, within: Iterable[int] | None = None) -> list[int]:
        """The ids of the films ``query`` finds (among ``within``), whatever is shown now: a
        saved search's films and count. Notes and descriptions are read first if need be."""
        while not query.is_empty and not self.load_texts_step(20000):
            pass
        candidates: Sequence[int] | None = None
        if within is not None:
            where = self._position_of_id
            candidates = sorted(where[i] for i in set(within) if i in where)
        try:
            positions = query.run(self._index, candidates)
        finally:
            if not self._phrase:  # (texts a phrase opened are kept for a phrase typed only)
                self._index.close_texts()
        return self._films.ids_at(positions)

    def set_scope(self, film_ids: Iterable[int] | None) -> None:
        """Show only these films (the search then works within them); None shows all."""
        self._scope_ids = None if film_ids is None else frozenset(film_ids)
        self._scope = self._scope_positions(self._scope_ids)
        self.beginResetModel()
        self._rows = self._filtered(self._query)
        self._rows_stale = False
        self.endResetModel()

    def scope(self) -> frozenset[int] | None:
        """The ids the table is limited to, or None."""
        return self._scope_ids

    def _scope_positions(self, film_ids: frozenset[int] | None) -> set[int] | None:
        if film_ids is None:
            return None
        where = self._position_of_id
        return {p for i in film_ids if (p := where.get(i)) is not None}

    def update_film(self, film: FilmRecord) -> None:
        """A film changed: refresh its row. It stays where it is until the next sort/search."""
        self._update_data(film, self._months_of([film.id]))
        row = self.row_of(film.id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def _months_of(self, film_ids: list[int]) -> dict[int, tuple[int, ...]]:
        """The months these films were watched in (records do not hold their viewings)."""
        if self.viewed_months is None or not film_ids:
            return {}
        return self.viewed_months(film_ids)

    def _update_data(self, film: FilmRecord, months: dict[int, tuple[int, ...]]) -> None:
        position = self._position_of_id.get(film.id)
        if position is None:
            return
        # The shown rows may now be out of order, or include a film the search no longer
        # finds; the next search must not build on them.
        self._rows_stale = True
        old = self._films[position]
        self._sorting.take_out(position)
        row_data = FilmRow.of(film, months.get(film.id, ()))
        self._index.replace(position, row_data, film.notes, film.description)
        self._sorting.film_changed(position, row_data)
        self._sorting.put_in(position)
        self._watched += int(film.watched) - int(bool(old and old.watched))

    def add_films(self, films: Iterable[FilmRecord]) -> None:
        """New films (added or restored): shown in place if the current search matches them."""
        batch = list(films)
        # One film: insert its row where it belongs. Many (undoing a bulk delete): one reset,
        # since row-by-row inserts make the view redo its selection each time.
        single = len(batch) == 1 and not self._rows_stale
        if len(batch) >= MANY_FILMS:
            self._add_many(batch)
            return
        if not single:
            self.beginResetModel()
        months = self._months_of([film.id for film in batch])
        for film in batch:
            if film.id in self._position_of_id:
                self._update_data(film, months)
                continue
            position = len(self._films)
            row_data = FilmRow.of(film, months.get(film.id, ()))
            self._index.append(row_data, film.notes, film.description)
            self._position_of_id[film.id] = position
            self._sorting.film_added(row_data)
            if single:
                self._sorting.put_in(position)  # a binary search; many are sorted at once below
            self._watched += int(film.watched)
            if self._scope is not None and self._scope_ids and film.id in self._scope_ids:
                self._scope.add(position)  # a film of the collection shown, restored
            in_scope = self._scope is None or position in self._scope
            if (
                single
                and in_scope
                and (self._query is None or self._query.run(self._index, [position]))
            ):
                row = self._sorting.row_for_new(self._rows, position)
                self.beginInsertRows(QModelIndex(), row, row)
                # (A new list: the search index keeps the array of a list it returned.)
                self._rows = [*self._rows[:row], position, *self._rows[row:]]
                self.endInsertRows()
        if not single:
            # One sort of every film, not a list insertion per film (quadratic: 100,000
            # imported films took minutes).
            self._sorting.reorder()
            self._rows = self._filtered(self._query)
            self._rows_stale = False
            self.endResetModel()

    def _add_many(self, batch: list[FilmRecord]) -> None:
        """Many films at once (an import of thousands): shown at once, in one reset; their
        notes and descriptions become searchable in steps afterwards (``load_texts_step``),
        and the orders of columns not shown are made again when needed."""
        months = self._months_of([film.id for film in batch])
        known = [film for film in batch if film.id in self._position_of_id]
        for film in known:
            self._update_data(film, months)
        new = [film for film in batch if film.id not in self._position_of_id]
        self.beginResetModel()
        start = len(self._films)
        rows = [FilmRow.of(film, months.get(film.id, ())) for film in new]
        self._index.extend_texts_later(rows)
        self._pending_texts += [
            (start + at, film.notes, film.description) for at, film in enumerate(new)
        ]
        for at, film in enumerate(new):
            self._position_of_id[film.id] = start + at
        self._watched += sum(1 for film in new if film.watched)
        if self._scope is not None and self._scope_ids:
            self._scope.update(
                start + at for at, film in enumerate(new) if film.id in self._scope_ids
            )
        self._sorting.films_added(rows)
        self._sorting.reorder()
        # A search typed now finishes the texts first (``set_query``); the rows shown follow it.
        while self._query is not None and not self.load_texts_step(20000):
            pass
        self._rows = self._filtered(self._query)
        self._rows_stale = False
        self.endResetModel()

    def remove_films(self, film_ids: Iterable[int]) -> None:
        """Films that were deleted."""
        positions = [p for i in film_ids if (p := self._position_of_id.get(i)) is not None]
        if not positions:
            return
        gone = set(positions)
        rows = [r for r, p in enumerate(self._rows) if p in gone]
        if len(rows) == 1:
            # Take the row out first: views react to the removal by reading other rows.
            self.beginRemoveRows(QModelIndex(), rows[0], rows[0])
            self._rows = [*self._rows[: rows[0]], *self._rows[rows[0] + 1 :]]
            self.endRemoveRows()
        elif rows:
            self.beginResetModel()
            self._rows = [p for p in self._rows if p not in gone]
            self.endResetModel()
        for position in positions:
            film = self._films[position]
            assert film is not None
            del self._position_of_id[film.id]
            self._watched -= int(film.watched)
            self._index.replace(position, None)
            self._sorting.film_changed(position, None)
        self._sorting.drop(gone)

    def film_at(self, row: int) -> FilmRow:
        """The film shown in ``row``."""
        film = self._films[self._rows[row]]
        assert film is not None
        return film

    def film(self, film_id: int) -> FilmRow | None:
        """The film with ``film_id``, shown or not."""
        position = self._position_of_id.get(film_id)
        return None if position is None else self._films[position]

    def row_of(self, film_id: int) -> int | None:
        """The row showing ``film_id``, or None when it is filtered out or unknown."""
        position = self._position_of_id.get(film_id)
        if position is None:
            return None
        try:
            return self._rows.index(position)
        except ValueError:
            return None

    def rows_of(self, film_ids: Iterable[int]) -> list[int]:
        """The rows showing these films (those shown), in row order: one pass over the rows,
        however many films (``row_of`` for each would be quadratic)."""
        where = self._position_of_id
        wanted = {p for i in film_ids if (p := where.get(i)) is not None}
        return sorted(self._rows_at(wanted).values())

    def _rows_at(self, positions: set[int]) -> dict[int, int]:
        """position -> row of those of ``positions`` shown. A few (the usual selection) are
        each found by ``list.index``, a scan in C; more, by one pass over the rows."""
        rows = self._rows
        if len(positions) > 8:
            return {p: row for row, p in enumerate(rows) if p in positions}
        found = {}
        for position in positions:
            try:
                found[position] = rows.index(position)
            except ValueError:
                continue
        return found

    def films_for_benchmark(self) -> list[FilmRow]:
        """Every film the model holds (for measurements and tests)."""
        return [f for f in self._films if f is not None]

    def films_with(self, field: str) -> Iterator[tuple[int, Any]]:
        """(id, FilmRow's ``field``) of every film, read column by column (no row made)."""
        return self._films.with_ids(field)

    def shown_ids(self) -> list[int]:
        """The ids of the films shown, in row order."""
        return self._films.ids_at(self._rows)

    def film_count(self) -> int:
        """How many films the catalog has."""
        return len(self._position_of_id)

    def watched_count(self) -> int:
        """How many films are marked watched."""
        return self._watched

    def shown_count(self) -> int:
        """How many films the current search shows."""
        return len(self._rows)

    def tag_names(self) -> list[str]:
        """Every tag in use, for completion."""
        kinds = {tags for _id, tags in self._films.with_ids("tags")}  # (films share them)
        names = {fold(t): t for tags in kinds for t in tags}
        return sorted(names.values(), key=fold)

    # --- filtering and sorting ------------------------------------------------------------

    def prepare_sorting_step(self) -> bool:
        """Make one more column's order (then the word index) ahead of time.

        True when everything is ready.
        """
        if not self._sorting.prepare_step():
            return False
        for name in ("year", "half_stars", "watched", "tags"):
            self._index.positions_where(name, bool)  # groups field terms read, built ahead
        if not (self._index.build_words_step() and self._index.prepare_prefixes_step()):
            return False
        self._index.set_order(self._sorting.shown)
        self._index.prepare_select()
        return True

    def _filtered(
        self, query: Query | None, candidates: Sequence[int] | None = None, skip: int = 0
    ) -> Sequence[int]:
        if candidates is None:
            candidates = self._sorting.shown
            self._index.set_order(candidates)  # (searches from it are quickest)
            if self._scope is not None:
                scope = self._scope
                candidates = [p for p in candidates if p in scope]
        self._index.begin_search()
        try:
            if query is None:
                return candidates  # (the order itself when unscoped: never changed in place)
            return query.run(self._index, candidates, skip=skip)
        finally:
            self._index.end_search(phrase=self._phrase)

    def _open_texts_step(self) -> None:
        if not self._phrase or self._index.open_texts_step():
            self._open_texts.stop()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the shown films by ``column`` (called by the view's header)."""
        if not 0 <= column < len(Column):
            return
        self.layoutAboutToBeChanged.emit()
        old_rows = self._rows
        descending = order == Qt.SortOrder.DescendingOrder
        self._sorting.set_sort(Column(column), descending)
        # The same films stay shown; only their order changes.
        ordered = self._sorting.shown
        if len(old_rows) == len(ordered):
            self._rows = ordered
        else:
            shown = set(old_rows)
            self._rows = [p for p in ordered if p in shown]
        persistent = self.persistentIndexList()
        if persistent:  # keep the selection and current row on the same films
            where = self._rows_at({old_rows[i.row()] for i in persistent})
            self.changePersistentIndexList(
                persistent,
                [self.index(where[old_rows[i.row()]], i.column()) for i in persistent],
            )
        self.layoutChanged.emit()

    def sort_state(self) -> tuple[Column, Qt.SortOrder]:
        """The current sort column and order."""
        descending = self._sorting.descending
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        return self._sorting.column, order

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
            return header_text(Column(section))
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        # Asked for every visible cell on each repaint: worked out once per column.
        if not index.isValid():
            return super().flags(index)
        column = index.column()
        flags = self._flags.get(column)
        if flags is None:
            flags = super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled  # onto a collection
            if column == Column.WATCHED:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            self._flags[column] = flags
        return flags

    def mimeTypes(self) -> list[str]:
        return [FILM_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return film_ids_to_mime(self.film_at(r).id for r in rows)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every visible cell and many roles on each repaint: cheap checks first.
        if role not in _ROLES:
            return None
        row = index.row()
        if row < 0 or row >= len(self._rows) or not index.isValid():
            return None
        film = self._films[self._rows[row]]
        if film is None:
            return None
        column = index.column()
        if role == _DISPLAY:
            return cell_text(film, column)
        if role == _CHECK:
            if column == Column.WATCHED:
                return Qt.CheckState.Checked if film.watched else Qt.CheckState.Unchecked
            return None
        if role == RatingRole:
            return film.rating
        if role == _ALIGN:
            return _CENTRE if column == Column.YEAR else None
        if role == _TOOLTIP:
            if column == Column.TITLE and film.poster and self.poster_file is not None:
                return poster_tooltip(film, self.poster_file(film.poster))
            return cell_tooltip(film, column)
        if role == _ACCESSIBLE:
            return cell_tooltip(film, column) if column == Column.RATING else None
        if role == FilmIdRole:
            return film.id
        if role == FilmRole:
            return film
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        # The checkbox asks; the window decides (with undo) and calls update_film.
        if (
            index.isValid()
            and index.column() == Column.WATCHED
            and role == Qt.ItemDataRole.CheckStateRole
        ):
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            self.watched_toggled.emit(self.film_at(index.row()).id, checked)
            return True
        return False


def _watched_text(film: FilmRow) -> str:
    return format_short_date(film.watched_on) if film.watched and film.watched_on else ""


# What each column's cells show, by column number (a page's cells are read on each
# keystroke: one lookup, no comparisons of enum members).
_CELL_TEXTS: tuple[Callable[[FilmRow], str | None], ...] = tuple(
    {
        Column.TITLE: lambda film: film.title,
        Column.ORIGINAL_TITLE: lambda film: film.original_title,
        Column.YEAR: lambda film: str(film.year) if film.year else "",
        Column.DIRECTOR: lambda film: ", ".join(film.directors),
        Column.RATING: lambda film: None,  # drawn as stars by StarDelegate
        Column.WATCHED: _watched_text,
        Column.TAGS: lambda film: ", ".join(film.tags),
    }[column]
    for column in Column
)


def cell_text(film: FilmRow, column: int) -> str | None:
    """What a cell shows of ``film`` (the rating is drawn as stars, not written)."""
    return _CELL_TEXTS[column](film)


def poster_tooltip(film: FilmRow, thumbnail: Path | None) -> str | None:
    """The title's tooltip for a film with a poster: the poster, small, over the title."""
    title = cell_text(film, Column.TITLE) or ""
    if thumbnail is None:
        return as_typed(title) if title else None
    url = html.escape(QUrl.fromLocalFile(str(thumbnail)).toString())
    return (
        f'<p style="margin:0"><img src="{url}" height="{TOOLTIP_POSTER_HEIGHT}"></p>'
        f"<p>{html.escape(title)}</p>"
    )


def cell_tooltip(film: FilmRow, column: int) -> str | None:
    """A cell's tooltip: the rating and the watch date in words, else the text as typed."""
    if column == Column.RATING:
        return rating_text(film.rating)
    if column == Column.WATCHED:
        if not film.watched:
            return QCoreApplication.translate("FilmTableModel", "Not watched")
        if not film.watched_on:
            return QCoreApplication.translate("FilmTableModel", "Watched")
        return QCoreApplication.translate("FilmTableModel", "Watched on {date}").replace(
            "{date}", format_date(film.watched_on)
        )
    shown = cell_text(film, column)
    return as_typed(shown) if shown else None
