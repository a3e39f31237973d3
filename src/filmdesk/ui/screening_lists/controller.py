"""The screening list chosen in the sidebar: read it, show it, keep it current from
``Changes``, and turn what the user does on its page into requests for undo steps."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QModelIndex, QObject, QPoint, Qt, Signal, Slot
from PySide6.QtWidgets import QMenu

from filmdesk.core.catalog import Catalog
from filmdesk.core.errors import ScreeningListNotFoundError
from filmdesk.core.operations import Changes
from filmdesk.core.records import ScreeningListRecord
from filmdesk.core.validation import EntryFields
from filmdesk.ui.screening_lists.list_view import ScreeningListView


class ListEditor(Protocol):
    """The changes a list's page asks for (``operations.lists`` makes them undo steps)."""

    def edit_details(self, list_id: int) -> None: ...
    def pick_films(self, screening_list: ScreeningListRecord) -> None: ...
    def add_films(
        self, list_id: int, film_ids: Sequence[int], position: int | None = None
    ) -> None: ...
    def remove_entries(self, screening_list: ScreeningListRecord, film_ids: list[int]) -> None: ...
    def move_entries(
        self, screening_list: ScreeningListRecord, order: list[int], moved: list[int]
    ) -> None: ...
    def put_in_date_order(self, screening_list: ScreeningListRecord) -> None: ...
    def edit_entry(
        self, screening_list: ScreeningListRecord, film_id: int, fields: EntryFields
    ) -> None: ...
    def edit_note(self, screening_list: ScreeningListRecord, film_id: int) -> None: ...


class ListFiles(Protocol):
    """What a list's page prints and writes (``operations.files``)."""

    def open_handout(self, screening_list: ScreeningListRecord) -> None: ...
    def export_list(self, screening_list: ScreeningListRecord) -> None: ...


class ScreeningListController(QObject):
    """The list shown in a ``ScreeningListView``."""

    film_chosen = Signal(int)  # an entry became current: show this film's details
    nothing_chosen = Signal()  # the list has no entries to show

    def __init__(
        self,
        catalog: Catalog,
        view: ScreeningListView,
        editor: ListEditor,
        files: ListFiles,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.view = view
        view.model.poster_file = lambda key: catalog.posters.thumbnails.get(key)
        self.editor = editor
        self.files = files
        self._list: ScreeningListRecord | None = None
        self._connect()

    def _connect(self) -> None:
        view = self.view
        view.edit_details_requested.connect(self.edit_details)
        view.add_films_requested.connect(self.pick_films)
        view.remove_requested.connect(self.remove_selected)
        view.table.remove_pressed.connect(self.remove_selected)
        view.handout_requested.connect(self.open_handout)
        view.export_requested.connect(self.export)
        view.table.move_by.connect(self.move_selected)
        view.table.clear_date.connect(self._clear_date)
        view.model.entry_edited.connect(self.edit_entry)
        # After the drop has finished: the change sets the entries again.
        queued = Qt.ConnectionType.QueuedConnection
        view.model.move_requested.connect(self.move_entries, queued)
        view.model.films_dropped.connect(self._films_dropped, queued)
        view.table.selectionModel().currentRowChanged.connect(self._entry_current_changed)
        view.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.table.customContextMenuRequested.connect(self._entries_menu)

    # --- reading ------------------------------------------------------------------------

    def current(self) -> ScreeningListRecord | None:
        """The list shown, as last read."""
        return self._list

    def show_list(self, list_id: int, *, first: bool = False) -> None:
        """Read and show a list; ``first``: it was just chosen (select its first entry)."""
        try:
            record = self.catalog.lists.get(list_id)
        except ScreeningListNotFoundError:
            return
        same = self._list is not None and self._list.id == list_id
        self._list = record
        self.view.set_list(record)
        if first or not same:
            self.view.select_films([], None)
            if record.entries:
                self.view.table.selectRow(0)
            else:
                self.nothing_chosen.emit()

    def clear(self) -> None:
        """No list is chosen."""
        self._list = None

    def apply_changes(self, changes: Changes) -> None:
        """Read the list shown again when it changed, or any film did (titles, runtimes)."""
        if self._list is None:
            return
        if self._list.id in changes.lists_changed | changes.lists_added or changes.touches_films:
            self.show_list(self._list.id)

    @Slot(QModelIndex, QModelIndex)
    def _entry_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._list is not None and current.isValid():
            self.film_chosen.emit(self.view.model.entry_at(current.row()).film_id)

    # --- what the user does on the page --------------------------------------------------

    @Slot()
    def edit_details(self) -> None:
        """Edit details…: the list's title, audience and description."""
        if self._list is not None:
            self.editor.edit_details(self._list.id)

    @Slot()
    def pick_films(self) -> None:
        """Add films…"""
        if self._list is not None:
            self.editor.pick_films(self._list)

    @Slot()
    def remove_selected(self) -> None:
        """Take the selected films out of the list (they stay in the catalog)."""
        film_ids = self.view.selected_film_ids()
        if self._list is not None and film_ids:
            self.editor.remove_entries(self._list, film_ids)

    @Slot(int)
    def move_selected(self, delta: int) -> None:
        """Alt+Up / Alt+Down: move the selected entries one place."""
        if self._list is None:
            return
        selected = set(self.view.selected_film_ids())
        order = list(self._list.film_ids)
        steps = range(1, len(order)) if delta < 0 else range(len(order) - 2, -1, -1)
        for i in steps:
            j = i + delta
            if order[i] in selected and order[j] not in selected:
                order[i], order[j] = order[j], order[i]
        if order != list(self._list.film_ids):
            self.editor.move_entries(self._list, order, [f for f in order if f in selected])

    @Slot(list, int)
    def move_entries(self, film_ids: list[int], row: int) -> None:
        """Entries dragged to before ``row`` (0-based, counted before they were taken out)."""
        if self._list is None:
            return
        current = list(self._list.film_ids)
        moving = [f for f in current if f in set(film_ids)]
        before = sum(1 for f in current[:row] if f in set(moving))
        rest = [f for f in current if f not in set(moving)]
        at = max(0, min(row - before, len(rest)))
        order = rest[:at] + moving + rest[at:]
        if order != current:
            self.editor.move_entries(self._list, order, moving)

    @Slot(int, dict)
    def edit_entry(self, film_id: int, fields: EntryFields) -> None:
        """An entry's date, note or screened mark changed."""
        if self._list is not None:
            self.editor.edit_entry(self._list, film_id, fields)

    def edit_note(self, film_id: int) -> None:
        """The note on an entry, in a box big enough for several lines."""
        if self._list is not None:
            self.editor.edit_note(self._list, film_id)

    def sort_by_date(self) -> None:
        """Order the list by date and time."""
        if self._list is not None:
            self.editor.put_in_date_order(self._list)

    def open_handout(self) -> None:
        """Handout…: options, preview, print or save."""
        if self._list is not None:
            self.files.open_handout(self._list)

    def export(self) -> None:
        """Export…: the list as CSV, or as a Letterboxd list."""
        if self._list is not None:
            self.files.export_list(self._list)

    @Slot(int)
    def _clear_date(self, row: int) -> None:
        if self._list is not None and 0 <= row < len(self._list.entries):
            entry = self._list.entries[row]
            if entry.scheduled_at is not None:
                self.edit_entry(entry.film_id, {"scheduled_at": None})

    @Slot(list, int)
    def _films_dropped(self, film_ids: list[int], position: int) -> None:
        if self._list is not None:
            self.editor.add_films(self._list.id, film_ids, position)

    @Slot(QPoint)
    def _entries_menu(self, position: QPoint) -> None:
        table = self.view.table
        index = table.indexAt(position)
        # (Every item of the menu changes the list: none in a read-only catalog.)
        if self._list is None or not index.isValid() or not self.view.editable():
            return
        entry = self._list.entries[index.row()]
        menu = QMenu(self.view)
        menu.addAction(self.tr("Edit note…"), lambda: self.edit_note(entry.film_id))
        menu.addAction(
            self.tr("Set date and time…"), lambda: table.edit(table.model().index(index.row(), 1))
        )
        clear = menu.addAction(
            self.tr("Clear date"), lambda: self.edit_entry(entry.film_id, {"scheduled_at": None})
        )
        clear.setEnabled(entry.scheduled_at is not None)
        menu.addAction(
            self.tr("Mark not screened") if entry.screened else self.tr("Mark screened"),
            lambda: self.edit_entry(entry.film_id, {"screened": not entry.screened}),
        )
        menu.addSeparator()
        menu.addAction(self.tr("Move up\tAlt+Up"), lambda: self.move_selected(-1))
        menu.addAction(self.tr("Move down\tAlt+Down"), lambda: self.move_selected(1))
        menu.addAction(self.tr("Put the list in date order"), self.sort_by_date)
        menu.addSeparator()
        menu.addAction(self.tr("Remove from list"), self.remove_selected)
        menu.exec(table.viewport().mapToGlobal(position))
