"""Collections and screening lists in the window: the sidebar, the list page, the collection
panel, and every change to them as an undo step on the window's stack.

The main window only places the widgets this builds and hands over its film table's context
menu; everything else about collections and lists is here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPoint, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from filmdesk.core.records import (
    CollectionRecord,
    CommentRecord,
    ScreeningListRecord,
    TagCount,
)
from filmdesk.core.service import CollectionNotFoundError, ScreeningListNotFoundError
from filmdesk.core.validation import CollectionFields, EntryFields, ListFields
from filmdesk.ui.collection_panel import CollectionPanel
from filmdesk.ui.dialogs.list_dialogs import DetailsDialog, FilmPickerDialog
from filmdesk.ui.list_commands import (
    AddCommentCommand,
    AddToListCommand,
    CollectionFilmsCommand,
    CreateCollectionCommand,
    CreateListCommand,
    DeleteCollectionCommand,
    DeleteCommentCommand,
    DeleteListCommand,
    EditCollectionCommand,
    EditCommentCommand,
    EditEntryCommand,
    EditListCommand,
    RemoveFromListCommand,
    ReorderListCommand,
)
from filmdesk.ui.list_view import ScreeningListView
from filmdesk.ui.plain_text import as_typed
from filmdesk.ui.sidebar import ALL, Sidebar

if TYPE_CHECKING:
    from filmdesk.ui.main_window import MainWindow

SIDEBAR_WIDTH = 180


def quoted(name: str) -> str:
    """A name in typographic quotes, for step names and messages."""
    return QCoreApplication.translate("ListsController", "“{name}”").replace("{name}", name)


class ListsController(QObject):
    """Builds and runs the sidebar, the screening list page and the collection panel."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.catalog = window.catalog
        self.undo_stack = window.undo_stack
        self.sidebar = Sidebar()
        self.list_view = ScreeningListView()
        self.collection_panel = CollectionPanel()
        self._list: ScreeningListRecord | None = None
        self._collection: CollectionRecord | None = None
        self._scoping = False
        self._counts: tuple[tuple[int, int, int], list[TagCount]] | None = None
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(50)
        self._refresh_timer.timeout.connect(self._refresh_after_change)
        # Film edits change the counts of the library and tags; the steps here refresh at once.
        self._refreshed = False
        self.undo_stack.indexChanged.connect(lambda _index: self._refresh_timer.start())
        self._connect()

    # --- layout (called by the window) ------------------------------------------------------

    def wrap_center(self, films_page: QWidget) -> QWidget:
        """The window's search and film table, or the list page when a list is selected."""
        self.center = QStackedWidget()
        self.center.setObjectName("centerStack")
        self.films_page = films_page
        self.center.addWidget(films_page)
        self.center.addWidget(self.list_view)
        return self.center

    def wrap_side(self, detail: QWidget) -> QWidget:
        """The film's details, or (with a collection selected) the collection's panel."""
        self.side = QWidget()
        self.side.setObjectName("side")
        layout = QVBoxLayout(self.side)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(0)
        self.switch = QWidget()
        row = QHBoxLayout(self.switch)
        row.setContentsMargins(14, 0, 14, 0)
        row.setSpacing(0)
        self.show_collection_button = QPushButton(self.tr("Collection"))
        self.show_collection_button.setObjectName("showCollection")
        self.show_film_button = QPushButton(self.tr("Film"))
        self.show_film_button.setObjectName("showFilm")
        self.switch_group = QButtonGroup(self)
        for button in (self.show_collection_button, self.show_film_button):
            button.setCheckable(True)
            self.switch_group.addButton(button)
            row.addWidget(button, 1)
        self.show_collection_button.clicked.connect(lambda: self.show_side("collection"))
        self.show_film_button.clicked.connect(lambda: self.show_side("film"))
        self.switch.hide()
        layout.addWidget(self.switch)
        self.side_stack = QStackedWidget()
        self.detail = detail
        self.side_stack.addWidget(detail)
        self.side_stack.addWidget(self.collection_panel)
        layout.addWidget(self.side_stack, 1)
        return self.side

    def wrap_window(self, splitter: QSplitter) -> QWidget:
        """The sidebar beside everything else."""
        self.outer = QSplitter()
        self.outer.setObjectName("sidebarSplitter")
        self.outer.addWidget(self.sidebar)
        self.outer.addWidget(splitter)
        self.outer.setStretchFactor(0, 0)
        self.outer.setStretchFactor(1, 1)
        self.outer.setCollapsible(1, False)
        self.outer.setSizes([SIDEBAR_WIDTH, splitter.sizeHint().width()])
        state = self.window.settings.value("window/sidebar")
        if state is not None:
            self.outer.restoreState(state)
        return self.outer

    def save_state(self) -> None:
        """Remember the sidebar's width and the entry chosen in it."""
        settings = self.window.settings
        settings.setValue("window/sidebar", self.outer.saveState())
        kind, key = self.sidebar.selected()
        settings.setValue("sidebar/selected", f"{kind}:{'' if key is None else key}")

    def start(self) -> None:
        """Fill the sidebar and choose the entry chosen last time. A big catalog paints its
        first page first (see ``MainWindow.reload``); the sidebar follows right after."""
        window = self.window
        if window.is_loading() and not window._loading_painted:
            QTimer.singleShot(20, self.start)
            return
        self.refresh()
        self.restore_selection()

    def restore_selection(self) -> None:
        """Choose the sidebar entry that was chosen when the window closed."""
        kind, _, key = str(self.window.settings.value("sidebar/selected", "all:")).partition(":")
        if kind in ("collection", "list") and key.isdigit():
            self.sidebar.select(kind, int(key))
        elif kind == "tag" and key:
            self.sidebar.select(kind, key)
        elif kind in ("watched", "unwatched"):
            self.sidebar.select(kind)

    def show_side(self, page: str) -> None:
        """Show the collection panel or the film's details on the right."""
        collection = page == "collection" and self._collection is not None
        self.side_stack.setCurrentWidget(self.collection_panel if collection else self.detail)
        (self.show_collection_button if collection else self.show_film_button).setChecked(True)

    def _connect(self) -> None:
        sidebar = self.sidebar
        sidebar.entry_selected.connect(self._entry_selected)
        sidebar.films_dropped.connect(self.add_films_to)
        sidebar.new_collection_requested.connect(self.new_collection)
        sidebar.new_list_requested.connect(self.new_list)
        sidebar.rename_requested.connect(self.rename)
        sidebar.edit_requested.connect(self.edit_details)
        sidebar.duplicate_requested.connect(self.duplicate_list)
        sidebar.delete_requested.connect(self.delete)
        view = self.list_view
        view.edit_details_requested.connect(
            lambda: self._list and self.edit_details("list", self._list.id)
        )
        view.add_films_requested.connect(self.pick_films_for_list)
        view.remove_requested.connect(self.remove_selected_entries)
        view.table.remove_pressed.connect(self.remove_selected_entries)
        view.handout_requested.connect(self.open_handout)
        view.export_requested.connect(self.export_list)
        view.table.move_by.connect(self.move_selected_entries)
        view.table.clear_date.connect(self._clear_date)
        view.model.entry_edited.connect(self.edit_entry)
        # After the drop has finished: the change sets the entries again.
        queued = Qt.ConnectionType.QueuedConnection
        view.model.move_requested.connect(self.move_entries, queued)
        view.model.films_dropped.connect(self._films_dropped_on_list, queued)
        view.table.selectionModel().currentRowChanged.connect(self._entry_current_changed)
        view.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.table.customContextMenuRequested.connect(self._entries_menu)
        panel = self.collection_panel
        panel.rating_changed.connect(self.rate_collection)
        panel.comment_added.connect(self.add_comment)
        panel.comment_edit_requested.connect(self.edit_comment)
        panel.comment_delete_requested.connect(self.delete_comment)
        panel.edit_requested.connect(lambda cid: self.edit_details("collection", cid))

    def connect_film_table(self) -> None:
        """Called once the window's table exists: films can be dragged from it onto the
        sidebar, and a film chosen there shows its details."""
        table = self.window.table
        table.setDragEnabled(True)
        table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        table.setDefaultDropAction(Qt.DropAction.CopyAction)
        table.selectionModel().currentRowChanged.connect(self._film_current_changed)

    def empty_scope_text(self) -> str:
        """What the empty film table says when a sidebar entry has no films."""
        kind, _key = self.sidebar.selected()
        if kind == "collection":
            return self.tr(
                "This collection has no films yet. Choose “All films”, then drag films onto "
                "the collection in the sidebar, or right-click them: Add to."
            )
        return self.tr("No films here.")

    # --- reading ------------------------------------------------------------------------

    @Slot()
    def _refresh_after_change(self) -> None:
        if self._refreshed:  # a step of ours, shown already
            self._refreshed = False
            return
        self.refresh()

    @Slot()
    def refresh(self, *, counts: bool = True) -> None:
        """Read the sidebar's entries (and the list or collection shown) again; ``counts``
        False keeps the library's and the tags' counts (a change to lists or collections)."""
        if counts or self._counts is None:
            model = self.window.model
            if self.window.is_loading():
                stats = self.catalog.stats()
                total, watched = stats.films, stats.watched
            else:  # the table knows already, at no cost
                total, watched = model.film_count(), model.watched_count()
            self._counts = ((total, watched, total - watched), self.catalog.tag_counts())
        library, tags = self._counts
        scroll = self.sidebar.tree.verticalScrollBar().value()
        self.sidebar.populate(
            library, self.catalog.collections(), self.catalog.screening_lists(), tags
        )
        self.sidebar.tree.verticalScrollBar().setValue(scroll)
        kind, key = self.sidebar.selected()
        if kind == "list" and isinstance(key, int):
            self._show_list(key)
        elif kind == "collection" and isinstance(key, int):
            self._show_collection(key, rescope=False)

    @Slot(str, object)
    def _entry_selected(self, kind: str, key: object) -> None:
        self.window.detail.flush()
        if kind == "list" and isinstance(key, int):
            self._collection = None
            self.switch.hide()
            self.show_side("film")
            self.center.setCurrentWidget(self.list_view)
            self._show_list(key, first=True)
            self._set_film_actions(False)
            return
        self._list = None
        self.center.setCurrentWidget(self.films_page)
        self._set_film_actions(True)
        if kind == "collection" and isinstance(key, int):
            self._show_collection(key, rescope=True)
            return
        self._collection = None
        self.switch.hide()
        self.show_side("film")
        model = self.window.model
        if self.window.is_loading() and kind != "all":
            # A big catalog's first page is all the table has yet: filter once it has all.
            QTimer.singleShot(100, lambda: self._retry_selection(kind, key))
            return
        if kind == "watched":
            scope: list[int] | None = [f.id for f in model.films_for_benchmark() if f.watched]
        elif kind == "unwatched":
            scope = [f.id for f in model.films_for_benchmark() if not f.watched]
        elif kind == "tag":
            # A tag is one row of the catalog, spelled the same on every film that has it.
            name = str(key)
            scope = [f.id for f in model.films_for_benchmark() if name in f.tags]
        else:
            scope = None
        self._set_scope(scope)

    def _retry_selection(self, kind: str, key: object) -> None:
        if self.sidebar.selected() == (kind, key):
            self._entry_selected(kind, key)

    def _set_scope(self, film_ids: Sequence[int] | None) -> None:
        window = self.window
        self._scoping = True
        try:
            window.model.set_scope(film_ids)
            window.detail.set_film(None)
        finally:
            self._scoping = False
        window._after_rows_changed()
        window._update_actions()

    def _set_film_actions(self, enabled: bool) -> None:
        # With a list shown, the film table is hidden: its actions would act on films the
        # user cannot see.
        window = self.window
        if enabled:
            window._update_actions()
            return
        for action in (
            window.edit_action,
            window.delete_action,
            window.watched_action,
            window.unwatched_action,
            window.add_tag_action,
            window.remove_tag_action,
        ):
            action.setEnabled(False)

    def _show_collection(self, collection_id: int, *, rescope: bool) -> None:
        try:
            collection = self.catalog.collection(collection_id)
            comments = self.catalog.comments(collection_id)
        except CollectionNotFoundError:
            return
        changed_films = self._collection is None or self._collection.film_ids != collection.film_ids
        self._collection = collection
        self.collection_panel.set_collection(collection, comments)
        self.switch.show()
        if rescope:
            self._set_scope(collection.film_ids)
            self.show_side("collection")
        elif changed_films:
            self._set_scope(collection.film_ids)

    def _show_list(self, list_id: int, *, first: bool = False) -> None:
        try:
            record = self.catalog.screening_list(list_id)
        except ScreeningListNotFoundError:
            return
        same = self._list is not None and self._list.id == list_id
        self._list = record
        self.list_view.set_list(record)
        if first or not same:
            self.list_view.select_films([], None)
            if record.entries:
                self.list_view.table.selectRow(0)
            else:
                self.window.detail.set_film(None)

    def current_list(self) -> ScreeningListRecord | None:
        """The list shown, as last read."""
        return self._list

    def current_collection(self) -> CollectionRecord | None:
        """The collection selected, as last read."""
        return self._collection

    @Slot(QModelIndex, QModelIndex)
    def _entry_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._list is None or not current.isValid():
            return
        film_id = self.list_view.model.entry_at(current.row()).film_id
        shown = self.window.detail.film()
        if shown is None or shown.id != film_id:
            self.window.detail.set_film(self.window._load_film(film_id))

    @Slot(QModelIndex, QModelIndex)
    def _film_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._scoping and current.isValid() and self._collection is not None:
            self.show_side("film")

    # --- what commands report -----------------------------------------------------------

    def collections_changed(self, collection_id: int | None, select: bool) -> None:
        """A collection or its comments changed (or the change was undone)."""
        self._refreshed = True
        self.refresh(counts=False)
        if select and collection_id is not None:
            self.sidebar.select("collection", collection_id)

    def lists_changed(self, list_id: int | None, select: bool) -> None:
        """A screening list changed (or the change was undone)."""
        self._refreshed = True
        self.refresh(counts=False)
        if select and list_id is not None:
            self.sidebar.select("list", list_id)

    def command_failed(self, action: str, error: Exception) -> None:
        """A change could not be saved: say so, and show the catalog as it is."""
        self.window.command_failed(action, error)
        self.refresh()

    def _message(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 6000)

    def _ask(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self.window, title, label, text=text)
        value = " ".join(value.split())
        return value if ok and value else None

    # --- collections ----------------------------------------------------------------------

    @Slot()
    def new_collection(self, film_ids: Sequence[int] = ()) -> int | None:
        """Make a collection (with these films, in one step); returns its id."""
        dialog = DetailsDialog(self.tr("New collection"), parent=self.window)
        if dialog.exec() != DetailsDialog.DialogCode.Accepted:
            return None
        values = dialog.values()
        command = CreateCollectionCommand(self.catalog, self, values["name"], values["description"])
        if film_ids:
            self.undo_stack.beginMacro(command.text())
        self.undo_stack.push(command)
        if command.record is not None and film_ids:
            self._add_to_collection(command.record.id, film_ids)
        if film_ids:
            self.undo_stack.endMacro()
        return command.record.id if command.record is not None else None

    def _add_to_collection(self, collection_id: int, film_ids: Sequence[int]) -> None:
        collection = self.catalog.collection(collection_id)
        adding = [f for f in film_ids if f not in collection.film_ids]
        if not adding:
            self._message(
                self.tr("Those films are in {name} already.").replace(
                    "{name}", quoted(collection.name)
                )
            )
            return
        text = self._adding_text(adding, collection.name)
        self.undo_stack.push(
            CollectionFilmsCommand(text, self.catalog, self, collection_id, adding)
        )
        self._message(text)

    def remove_from_collection(self, film_ids: Sequence[int]) -> None:
        """Take films out of the selected collection (they stay in the catalog)."""
        collection = self._collection
        if collection is None:
            return
        removing = [f for f in film_ids if f in collection.film_ids]
        if not removing:
            return
        text = self.tr("Remove %n film(s) from {name}", "", len(removing)).replace(
            "{name}", quoted(collection.name)
        )
        self.undo_stack.push(
            CollectionFilmsCommand(text, self.catalog, self, collection.id, removing, remove=True)
        )

    @Slot(int, object)
    def rate_collection(self, collection_id: int, rating: float | None) -> None:
        """The user rated a collection (None clears it)."""
        name = quoted(self.catalog.collection(collection_id).name)
        text = (
            self.tr("Clear rating of {name}") if rating is None else self.tr("Rate {name}")
        ).replace("{name}", name)
        fields: CollectionFields = {"rating": rating}
        self.undo_stack.push(EditCollectionCommand(text, self.catalog, self, collection_id, fields))

    @Slot(int, str)
    def add_comment(self, collection_id: int, text: str) -> None:
        """Write a comment on a collection."""
        self.undo_stack.push(AddCommentCommand(self.catalog, self, collection_id, text))

    @Slot(object)
    def edit_comment(self, comment: CommentRecord) -> None:
        """Change a comment's text."""
        text, ok = QInputDialog.getMultiLineText(
            self.window, self.tr("Edit comment"), self.tr("Comment:"), comment.text
        )
        text = text.strip()
        if ok and text and text != comment.text:
            self.undo_stack.push(EditCommentCommand(self.catalog, self, comment, text))

    @Slot(object)
    def delete_comment(self, comment: CommentRecord) -> None:
        """Delete a comment (Edit › Undo brings it back)."""
        self.undo_stack.push(DeleteCommentCommand(self.catalog, self, comment))
        self._message(self.tr("Comment deleted. Edit › Undo brings it back."))

    # --- lists ----------------------------------------------------------------------------

    @Slot()
    def new_list(self, film_ids: Sequence[int] = ()) -> int | None:
        """Make a screening list (with these films, in one step); returns its id."""
        dialog = DetailsDialog(self.tr("New screening list"), audience="", parent=self.window)
        if dialog.exec() != DetailsDialog.DialogCode.Accepted:
            return None
        values = dialog.values()
        command = CreateListCommand(
            self.catalog, self, values["name"], values["audience"], values["description"]
        )
        if film_ids:
            self.undo_stack.beginMacro(command.text())
        self.undo_stack.push(command)
        if command.list_id is not None and film_ids:
            self._add_to_list(command.list_id, film_ids)
        if film_ids:
            self.undo_stack.endMacro()
        return command.list_id

    @Slot(int)
    def duplicate_list(self, list_id: int) -> None:
        """A copy of a list (unscreened), selected."""
        original = self.catalog.screening_list(list_id)
        self.undo_stack.push(CreateListCommand(self.catalog, self, "", copy_of=original))

    def _add_to_list(
        self, list_id: int, film_ids: Sequence[int], position: int | None = None
    ) -> None:
        screening_list = self.catalog.screening_list(list_id)
        adding = [f for f in dict.fromkeys(film_ids) if f not in screening_list.film_ids]
        if not adding:
            self._message(
                self.tr(
                    "Those films are in {name} already; a film appears in a list once."
                ).replace("{name}", quoted(screening_list.name))
            )
            return
        text = self._adding_text(adding, screening_list.name)
        self.undo_stack.push(AddToListCommand(text, self.catalog, self, list_id, adding, position))
        skipped = len(set(film_ids)) - len(adding)
        message = text
        if skipped:
            message += " · " + self.tr("%n in it already", "", skipped)
        self._message(message)

    def _adding_text(self, film_ids: Sequence[int], name: str) -> str:
        film = self.window.model.film(film_ids[0]) if len(film_ids) == 1 else None
        if film is not None:
            text = self.tr("Add {film} to {name}").replace("{film}", quoted(film.title))
        else:
            text = self.tr("Add %n film(s) to {name}", "", len(film_ids))
        return text.replace("{name}", quoted(name))

    @Slot(str, int, list)
    def add_films_to(self, kind: str, key: int, film_ids: list[int]) -> None:
        """Films dropped on (or sent to) a collection or a list."""
        if kind == "collection":
            self._add_to_collection(key, film_ids)
        else:
            self._add_to_list(key, film_ids)

    @Slot(list, int)
    def _films_dropped_on_list(self, film_ids: list[int], position: int) -> None:
        if self._list is not None:
            self._add_to_list(self._list.id, film_ids, position)

    @Slot()
    def pick_films_for_list(self) -> None:
        """Add films… on the list page."""
        if self._list is None:
            return
        dialog = FilmPickerDialog(
            self.tr("Add films to {name}").replace("{name}", quoted(self._list.name)),
            self.window.model.films_for_benchmark(),
            self._list.film_ids,
            self.window,
        )
        if dialog.exec() == FilmPickerDialog.DialogCode.Accepted and dialog.film_ids():
            self._add_to_list(self._list.id, dialog.film_ids())

    @Slot()
    def remove_selected_entries(self) -> None:
        """Take the selected films out of the list shown (they stay in the catalog)."""
        if self._list is None:
            return
        film_ids = self.list_view.selected_film_ids()
        if not film_ids:
            return
        entry = self._list.entry(film_ids[0])
        name = quoted(self._list.name)
        if len(film_ids) == 1 and entry is not None:
            text = (
                self.tr("Remove {film} from {name}")
                .replace("{film}", quoted(entry.film.title))
                .replace("{name}", name)
            )
        else:
            text = self.tr("Remove %n film(s) from {name}", "", len(film_ids)).replace(
                "{name}", name
            )
        self.undo_stack.push(
            RemoveFromListCommand(text, self.catalog, self, self._list.id, film_ids)
        )

    @Slot(int)
    def move_selected_entries(self, delta: int) -> None:
        """Alt+Up / Alt+Down: move the selected entries one place."""
        if self._list is None:
            return
        selected = set(self.list_view.selected_film_ids())
        order = list(self._list.film_ids)
        steps = range(1, len(order)) if delta < 0 else range(len(order) - 2, -1, -1)
        for i in steps:
            j = i + delta
            if order[i] in selected and order[j] not in selected:
                order[i], order[j] = order[j], order[i]
        if order != list(self._list.film_ids):
            self._reorder(order, [f for f in order if f in selected])

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
            self._reorder(order, moving)

    def _reorder(self, order: list[int], moved: list[int]) -> None:
        assert self._list is not None
        if len(moved) == 1 and (entry := self._list.entry(moved[0])) is not None:
            text = self.tr("Move {film} in {name}").replace("{film}", quoted(entry.film.title))
        else:
            text = self.tr("Move %n film(s) in {name}", "", len(moved))
        text = text.replace("{name}", quoted(self._list.name))
        self.undo_stack.push(ReorderListCommand(text, self.catalog, self, self._list.id, order))

    @Slot(int, dict)
    def edit_entry(self, film_id: int, fields: EntryFields) -> None:
        """An entry's date, note or screened mark changed in the table."""
        if self._list is None or (entry := self._list.entry(film_id)) is None:
            return
        film = quoted(entry.film.title)
        if "note" in fields:
            text = self.tr("Edit note on {film}")
        elif "scheduled_at" in fields:
            text = (
                self.tr("Clear date of {film}")
                if fields["scheduled_at"] is None
                else self.tr("Schedule {film}")
            )
        elif fields.get("screened"):
            text = self.tr("Mark {film} screened")
        else:
            text = self.tr("Mark {film} not screened")
        self.undo_stack.push(
            EditEntryCommand(
                text.replace("{film}", film), self.catalog, self, self._list.id, film_id, fields
            )
        )

    @Slot(int)
    def _clear_date(self, row: int) -> None:
        if self._list is not None and 0 <= row < len(self._list.entries):
            entry = self._list.entries[row]
            if entry.scheduled_at is not None:
                self.edit_entry(entry.film_id, {"scheduled_at": None})

    # --- both ---------------------------------------------------------------------------

    @Slot(str, int)
    def rename(self, kind: str, key: int) -> None:
        """Rename a collection or a list."""
        if kind == "collection":
            old = self.catalog.collection(key).name
            name = self._ask(self.tr("Rename collection"), self.tr("New name:"), old)
            if name and name != old:
                text = self.tr("Rename collection {name}").replace("{name}", quoted(old))
                fields: CollectionFields = {"name": name}
                self.undo_stack.push(EditCollectionCommand(text, self.catalog, self, key, fields))
            return
        old = self.catalog.screening_list(key).name
        name = self._ask(self.tr("Rename list"), self.tr("New name:"), old)
        if name and name != old:
            text = self.tr("Rename list {name}").replace("{name}", quoted(old))
            list_fields: ListFields = {"name": name}
            self.undo_stack.push(EditListCommand(text, self.catalog, self, key, list_fields))

    @Slot(str, int)
    def edit_details(self, kind: str, key: int) -> None:
        """Edit a collection's name and description, or a list's title, audience, description."""
        if kind == "collection":
            collection = self.catalog.collection(key)
            dialog = DetailsDialog(
                self.tr("Edit collection"), collection.name, collection.description,
                parent=self.window,
            )  # fmt: skip
            if dialog.exec() != DetailsDialog.DialogCode.Accepted:
                return
            values = dialog.values()
            fields: CollectionFields = {}
            if values["name"] != collection.name:
                fields["name"] = values["name"]
            if values["description"] != collection.description:
                fields["description"] = values["description"]
            if fields:
                text = self.tr("Edit collection {name}").replace("{name}", quoted(collection.name))
                self.undo_stack.push(EditCollectionCommand(text, self.catalog, self, key, fields))
            return
        screening_list = self.catalog.screening_list(key)
        dialog = DetailsDialog(
            self.tr("Edit screening list"), screening_list.name, screening_list.description,
            audience=screening_list.audience, parent=self.window,
        )  # fmt: skip
        if dialog.exec() != DetailsDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        list_fields: ListFields = {}
        for name in ("name", "audience", "description"):
            if values[name] != getattr(screening_list, name):
                list_fields[name] = values[name]
        if list_fields:
            text = self.tr("Edit list {name}").replace("{name}", quoted(screening_list.name))
            self.undo_stack.push(EditListCommand(text, self.catalog, self, key, list_fields))

    def confirm_delete(self, title: str, text: str) -> bool:
        """Ask before deleting a whole list or collection."""
        box = QMessageBox(
            QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, self.window
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # the text names the list or collection
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is delete

    @Slot(str, int)
    def delete(self, kind: str, key: int) -> None:
        """Delete a collection or a list (after asking); its films stay in the catalog."""
        undo_hint = self.tr("Its films stay in the catalog. You can undo this with Edit › Undo.")
        if kind == "collection":
            collection = self.catalog.collection(key)
            question = self.tr("Delete the collection {name}?").replace(
                "{name}", quoted(collection.name)
            )
            if self.confirm_delete(self.tr("Delete collection"), question + "\n\n" + undo_hint):
                self.undo_stack.push(DeleteCollectionCommand(self.catalog, self, collection))
            return
        screening_list = self.catalog.screening_list(key)
        question = self.tr("Delete the screening list {name}?").replace(
            "{name}", quoted(screening_list.name)
        )
        if self.confirm_delete(self.tr("Delete list"), question + "\n\n" + undo_hint):
            self.undo_stack.push(DeleteListCommand(self.catalog, self, screening_list))

    # --- handout and export -------------------------------------------------------------------

    @Slot()
    def open_handout(self) -> None:
        """Handout…: options, preview, print or save."""
        if self._list is None:
            return
        # Loaded when first used: printing brings Qt's print support and the PDF writer along.
        from filmdesk.ui.dialogs.handout_dialog import HandoutDialog

        dialog = HandoutDialog(self._list, self.window._last_folder(), self.window)
        dialog.exec()
        if dialog.saved is not None:
            self.window.settings.setValue("files/last_folder", str(dialog.saved.parent))
            self._message(self.tr("Handout saved to {path}").replace("{path}", str(dialog.saved)))

    @Slot()
    def export_list(self) -> None:
        """Export…: the list as CSV, or as a Letterboxd list."""
        if self._list is None:
            return
        from filmdesk.core.exchange.letterboxd import export_letterboxd_list
        from filmdesk.core.exchange.list_csv import export_list_csv
        from filmdesk.ui.dialogs.handout_dialog import safe_file_name

        csv_filter = self.tr("List as CSV (*.csv)")
        letterboxd_filter = self.tr("Letterboxd list import (*.csv)")
        start = Path(self.window._last_folder()) / f"{safe_file_name(self._list.name)}.csv"
        path, chosen = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export the list"),
            str(start),
            f"{csv_filter};;{letterboxd_filter}",
        )
        if not path:
            return
        target = Path(path)
        try:
            if chosen == letterboxd_filter:
                export_letterboxd_list(target, self._list)
            else:
                export_list_csv(target, self._list)
        except OSError as exc:
            QMessageBox.warning(
                self.window,
                self.tr("Export"),
                self.tr("{path} could not be written.").replace("{path}", path)
                + f"\n\n{exc.strerror or exc}",
            )
            return
        self.window.settings.setValue("files/last_folder", str(target.parent))
        done = self.tr("Exported {name} to {path}")
        self._message(done.replace("{name}", quoted(self._list.name)).replace("{path}", path))

    @Slot(QPoint)
    def _entries_menu(self, position: QPoint) -> None:
        table = self.list_view.table
        index = table.indexAt(position)
        if self._list is None or not index.isValid():
            return
        entry = self._list.entries[index.row()]
        menu = QMenu(self.window)
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
        menu.addAction(self.tr("Move up\tAlt+Up"), lambda: self.move_selected_entries(-1))
        menu.addAction(self.tr("Move down\tAlt+Down"), lambda: self.move_selected_entries(1))
        menu.addAction(self.tr("Put the list in date order"), self.sort_by_date)
        menu.addSeparator()
        menu.addAction(self.tr("Remove from list"), self.remove_selected_entries)
        menu.exec(table.viewport().mapToGlobal(position))

    def sort_by_date(self) -> None:
        """Order the list by date and time; films without a date keep their order at the end."""
        if self._list is None:
            return
        dated = sorted(
            (e for e in self._list.entries if e.scheduled_at is not None),
            key=lambda e: (e.scheduled_at, e.position),
        )
        order = [e.film_id for e in dated]
        order += [e.film_id for e in self._list.entries if e.scheduled_at is None]
        if order != list(self._list.film_ids):
            text = self.tr("Put {name} in date order").replace("{name}", quoted(self._list.name))
            self.undo_stack.push(ReorderListCommand(text, self.catalog, self, self._list.id, order))

    def edit_note(self, film_id: int) -> None:
        """The teacher's note on an entry, in a box big enough for several lines."""
        if self._list is None or (entry := self._list.entry(film_id)) is None:
            return
        text, ok = QInputDialog.getMultiLineText(
            self.window,
            self.tr("Note"),
            as_typed(
                self.tr("Note on {film} (printed on the handout):").replace(
                    "{film}", quoted(entry.film.title)
                )
            ),
            entry.note,
        )
        if ok and text.strip() != entry.note:
            self.edit_entry(film_id, {"note": text.strip()})

    def add_menu_actions(self, menu: QMenu) -> None:
        """File › New Collection… and New Screening List…"""
        menu.addAction(self.tr("New &Collection…"), lambda: self.new_collection())
        menu.addAction(self.tr("New &Screening List…"), lambda: self.new_list())

    # --- the film table's context menu --------------------------------------------------------

    def add_film_menu(self, menu: QMenu, film_ids: Sequence[int]) -> None:
        """Add to ▸ (collections, lists, new ones) and Remove from the collection shown."""
        if not film_ids:
            return
        ids = list(film_ids)
        menu.addSeparator()
        add_to = menu.addMenu(self.tr("Add to"))
        add_to.setObjectName("addToMenu")
        # Where the films are already is ticked (and cannot be chosen again).
        add_to.addSection(self.tr("Collections"))
        for collection in self.catalog.collections():
            action = add_to.addAction(collection.name)
            action.triggered.connect(
                lambda _=False, c=collection.id: self._add_to_collection(c, ids)
            )
            if set(ids) <= set(collection.film_ids):
                action.setCheckable(True)
                action.setChecked(True)
                action.setEnabled(False)
        add_to.addAction(self.tr("New collection…"), lambda: self.new_collection(ids))
        add_to.addSection(self.tr("Screening lists"))
        in_lists: set[int] | None = None
        if len(ids) <= 50:
            for film_id in ids:
                have = {e.list_id for e in self.catalog.lists_with_film(film_id)}
                in_lists = have if in_lists is None else in_lists & have
        for summary in self.catalog.screening_lists():
            action = add_to.addAction(summary.name)
            action.triggered.connect(lambda _=False, s=summary.id: self._add_to_list(s, ids))
            if in_lists is not None and summary.id in in_lists:
                action.setCheckable(True)
                action.setChecked(True)
                action.setEnabled(False)
        add_to.addAction(self.tr("New screening list…"), lambda: self.new_list(ids))
        if self._collection is not None:
            menu.addAction(
                self.tr("Remove from {name}").replace("{name}", quoted(self._collection.name)),
                lambda: self.remove_from_collection(ids),
            )


__all__ = ["ALL", "ListsController"]
