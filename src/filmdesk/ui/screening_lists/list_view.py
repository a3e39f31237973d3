"""The page of one screening list: its header, its entries in order, and what to do with them.

The entries model never writes to the catalog: edits (date, note, screened), moves and drops
are announced with signals; the controller records them for undo and sets the list again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QDate,
    QEvent,
    QLocale,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from filmdesk.core.records import ListEntryRecord, ScreeningListRecord
from filmdesk.ui.screening_lists.when_edit import WhenEdit
from filmdesk.ui.shell.i18n import format_runtime, format_short_date
from filmdesk.ui.widgets.film_drag import FILM_IDS_MIME, film_ids_from_mime
from filmdesk.ui.widgets.plain_text import as_typed, plain_label

ENTRIES_MIME = "application/x-filmdesk-list-entries"
_Index = QModelIndex | QPersistentModelIndex

POSITION, WHEN, FILM, RUNTIME, NOTE, SCREENED = range(6)
COLUMN_COUNT = 6
POSTER_SIZE = (28, 42)  # a list's poster beside the title (the rows grow to fit it)
PosterFile = Callable[[str], Path | None]  # a poster's hash -> its thumbnail's file


def when_display(entry: ListEntryRecord) -> str:
    """The entry's date (and time) as the table shows it, in the user's language."""
    at = entry.scheduled_at
    if at is None:
        return ""
    locale = QLocale()
    day = locale.toString(QDate(at.year, at.month, at.day), "ddd d MMM yyyy")
    if not entry.has_time:
        return day
    return f"{day}, {locale.toString(QTime(at.hour, at.minute), 'HH:mm')}"


class ListEntriesModel(QAbstractTableModel):
    """The entries of one screening list, in order."""

    entry_edited = Signal(int, dict)  # film id, fields for Catalog.edit_entry
    move_requested = Signal(list, int)  # film ids, 0-based row to put them before
    films_dropped = Signal(list, int)  # film ids from the film table, 1-based position

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._list: ScreeningListRecord | None = None
        # Small posters beside the titles, when any film of the list has one.
        self.poster_file: PosterFile | None = None
        self._posters: dict[str, QPixmap] = {}
        self._blank = QPixmap()
        self.editable = True  # (False: a read-only catalog)

    def set_list(self, screening_list: ScreeningListRecord | None) -> None:
        """Show this list's entries (None: nothing)."""
        self.beginResetModel()
        self._list = screening_list
        self.endResetModel()

    def has_posters(self) -> bool:
        """Whether a film of the list has a poster (the rows then show them)."""
        return (
            self.poster_file is not None
            and self._list is not None
            and any(e.film.poster for e in self._list.entries)
        )

    def _poster(self, key: str | None) -> QPixmap:
        """The small poster of ``key`` (read once), or a blank of its size so titles line
        up."""
        if key is not None and key not in self._posters and self.poster_file is not None:
            path = self.poster_file(key)
            picture = QPixmap(str(path)) if path is not None else QPixmap()
            if not picture.isNull():
                picture = picture.scaled(
                    *POSTER_SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            self._posters[key] = picture
        found = self._posters.get(key) if key is not None else None
        if found is not None and not found.isNull():
            return found
        if self._blank.isNull():
            self._blank = QPixmap(*POSTER_SIZE)
            self._blank.fill(QColor(0, 0, 0, 0))
        return self._blank

    def screening_list(self) -> ScreeningListRecord | None:
        """The list shown."""
        return self._list

    def entry_at(self, row: int) -> ListEntryRecord:
        """The entry in ``row``."""
        assert self._list is not None
        return self._list.entries[row]

    def row_of(self, film_id: int) -> int | None:
        """The row of the film's entry, or None."""
        if self._list is None:
            return None
        return next((r for r, e in enumerate(self._list.entries) if e.film_id == film_id), None)

    # --- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        if parent.isValid() or self._list is None:
            return 0
        return len(self._list.entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = {
            POSITION: self.tr("#"),
            WHEN: self.tr("Date and time"),
            FILM: self.tr("Film"),
            RUNTIME: self.tr("Runtime"),
            NOTE: self.tr("Note"),
            SCREENED: self.tr("Screened"),
        }
        return names.get(section)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not self.editable:  # (a read-only catalog: entries are looked at, not changed)
            return super().flags(index)
        flags = super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return flags
        flags |= Qt.ItemFlag.ItemIsDragEnabled
        if index.column() in (WHEN, NOTE):
            flags |= Qt.ItemFlag.ItemIsEditable
        if index.column() == SCREENED:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._list is None or index.row() >= len(self._list.entries):
            return None
        entry = self._list.entries[index.row()]
        column = index.column()
        film = entry.film
        if role == Qt.ItemDataRole.DisplayRole:
            if column == POSITION:
                return str(entry.position)
            if column == WHEN:
                return when_display(entry)
            if column == FILM:
                return film.display_title
            if column == RUNTIME:
                return format_runtime(film.runtime_minutes) if film.runtime_minutes else "—"
            if column == NOTE:
                return " ".join(entry.note.split())
            if column == SCREENED:
                return format_short_date(entry.screened_on) if entry.screened_on else ""
            return None
        if role == Qt.ItemDataRole.EditRole:
            if column == WHEN:
                return entry.scheduled_at
            if column == NOTE:
                return entry.note
            return None
        if role == Qt.ItemDataRole.CheckStateRole and column == SCREENED:
            return Qt.CheckState.Checked if entry.screened else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DecorationRole and column == FILM and self.has_posters():
            return self._poster(film.poster)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (POSITION, RUNTIME):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == FILM and film.original_title and film.original_title != film.title:
                return as_typed(film.original_title)
            if column == NOTE and entry.note:
                return as_typed(entry.note)
            if column == WHEN:
                return self.tr("Double-click to set the date and time; Delete clears it.")
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self._list is None:
            return False
        entry = self._list.entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == SCREENED:
            screened = Qt.CheckState(value) == Qt.CheckState.Checked
            if screened != entry.screened:
                self.entry_edited.emit(entry.film_id, {"screened": screened})
            return True
        if role != Qt.ItemDataRole.EditRole:
            return False
        if column == NOTE:
            text = str(value)
            if text != entry.note:
                self.entry_edited.emit(entry.film_id, {"note": text})
            return True
        if column == WHEN:
            at = value if isinstance(value, datetime) or value is None else None
            if at != entry.scheduled_at:
                self.entry_edited.emit(entry.film_id, {"scheduled_at": at})
            return True
        return False

    # --- drag and drop: reorder, and films from the film table ---------------------------------

    def mimeTypes(self) -> list[str]:
        return [ENTRIES_MIME, FILM_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime = QMimeData()
        ids = "\n".join(str(self.entry_at(r).film_id) for r in rows)
        mime.setData(ENTRIES_MIME, QByteArray(ids.encode()))
        return mime

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        return self._list is not None and (
            data.hasFormat(ENTRIES_MIME) or data.hasFormat(FILM_IDS_MIME)
        )

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        if self._list is None:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._list.entries)
        if data.hasFormat(ENTRIES_MIME):
            text = bytes(data.data(ENTRIES_MIME).data()).decode()
            ids = [int(part) for part in text.split() if part.isdigit()]
            if ids:
                self.move_requested.emit(ids, row)
            return False  # the order comes back from the catalog; the view removes nothing
        ids = film_ids_from_mime(data)
        if ids:
            self.films_dropped.emit(ids, row + 1)
        return False


class DateTimeDelegate(QStyledItemDelegate):
    """Edits an entry's date and time as text (see ``when_edit``), with a calendar to pick from.

    00:00, or no time, means the day only; an empty cell, no date.
    """

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        return WhenEdit(parent)

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, WhenEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        if not isinstance(value, datetime):
            # A class that meets weekly: a week after the film before it, same time.
            for row in range(index.row() - 1, -1, -1):
                before = index.sibling(row, index.column()).data(Qt.ItemDataRole.EditRole)
                if isinstance(before, datetime):
                    value = before + timedelta(days=7 * (index.row() - row))
                    break
        if not isinstance(value, datetime):
            value = datetime.combine(date.today(), datetime.min.time())
        editor.set_when(value)

    def setModelData(self, editor: QWidget, model: Any, index: _Index) -> None:
        assert isinstance(editor, WhenEdit)
        try:
            at = editor.when()
        except ValueError:
            return  # not a date: the view only gets here when focus left; keep what was there
        model.setData(index, at, Qt.ItemDataRole.EditRole)


class EntriesTable(QTableView):
    """The entries table: Alt+Up / Alt+Down move the current entry, Delete clears a date."""

    move_by = Signal(int)  # -1 up, +1 down
    clear_date = Signal(int)  # row
    remove_pressed = Signal()

    def event(self, event: QEvent) -> bool:
        # Keep the window's own shortcuts (Delete deletes films) from taking these keys.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._editable()
            and self._handles(event)
            and self.state() != QAbstractItemView.State.EditingState
        ):
            event.accept()
            return True
        return super().event(event)

    def _editable(self) -> bool:
        # (Its model's: in a read-only catalog the keys are the window's again.)
        model = self.model()
        return not isinstance(model, ListEntriesModel) or model.editable

    @staticmethod
    def _handles(event: QKeyEvent) -> bool:
        alt = event.modifiers() == Qt.KeyboardModifier.AltModifier
        key = event.key()
        return (alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down)) or (
            event.modifiers() == Qt.KeyboardModifier.NoModifier
            and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            self._editable()
            and self.state() != QAbstractItemView.State.EditingState
            and self._handles(event)
        ):
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_by.emit(-1 if key == Qt.Key.Key_Up else 1)
            elif self.currentIndex().column() == WHEN:
                self.clear_date.emit(self.currentIndex().row())
            else:
                self.remove_pressed.emit()
            return
        super().keyPressEvent(event)


class ScreeningListView(QWidget):
    """One screening list: header, entries, totals and the buttons that act on it."""

    edit_details_requested = Signal()
    add_films_requested = Signal()
    remove_requested = Signal()
    handout_requested = Signal()
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("listView")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 0)
        layout.setSpacing(6)

        top = QHBoxLayout()
        heading = QVBoxLayout()
        heading.setSpacing(2)
        # The list's name, audience and description are the user's text: shown as typed.
        self.title = plain_label(QLabel())
        self.title.setObjectName("listTitle")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.audience = plain_label(QLabel())
        self.audience.setObjectName("listAudience")
        audience_font = QFont(self.audience.font())
        audience_font.setPointSizeF(audience_font.pointSizeF() * 1.1)
        self.audience.setFont(audience_font)
        heading.addWidget(self.title)
        heading.addWidget(self.audience)
        top.addLayout(heading, 1)
        self.edit_button = QPushButton(self.tr("Edit details…"))
        self.edit_button.setObjectName("editList")
        self.edit_button.setToolTip(self.tr("Change the list's title, audience and description"))
        self.edit_button.clicked.connect(self.edit_details_requested)
        top.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)

        self.description = plain_label(QLabel())
        self.description.setObjectName("listDescription")
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.description)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add films…"))
        self.add_button.setObjectName("addFilms")
        self.add_button.clicked.connect(self.add_films_requested)
        self.remove_button = QPushButton(self.tr("Remove from list"))
        self.remove_button.setObjectName("removeFromList")
        self.remove_button.setToolTip(self.tr("The films stay in the catalog"))
        self.remove_button.clicked.connect(self.remove_requested)
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.setToolTip(self.tr("Alt+Up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.setToolTip(self.tr("Alt+Down"))
        self.handout_button = QPushButton(self.tr("Handout…"))
        self.handout_button.setObjectName("handout")
        self.handout_button.setToolTip(self.tr("Preview, print or save a handout for the class"))
        self.handout_button.clicked.connect(self.handout_requested)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("exportList")
        self.export_button.setToolTip(self.tr("Save the list as CSV or for Letterboxd"))
        self.export_button.clicked.connect(self.export_requested)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.handout_button)
        buttons.addWidget(self.export_button)
        layout.addLayout(buttons)

        self.model = ListEntriesModel(self)
        self.table = EntriesTable()
        self.table.setObjectName("entries")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Films in the list"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDragDropOverwriteMode(False)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        vertical = self.table.verticalHeader()
        vertical.hide()
        self._row_height = self.table.fontMetrics().height() + 14
        vertical.setDefaultSectionSize(self._row_height)
        self.table.setIconSize(QSize(*POSTER_SIZE))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((POSITION, 30), (WHEN, 170), (FILM, 220), (RUNTIME, 75),
                              (SCREENED, 105)):  # fmt: skip
            header.resizeSection(column, width)
        self.date_delegate = DateTimeDelegate(self.table)
        self.table.setItemDelegateForColumn(WHEN, self.date_delegate)
        self.empty_page = QWidget()
        empty = QVBoxLayout(self.empty_page)
        empty.addStretch(1)
        self._empty_text = self.tr(
            "This list has no films yet.\n\nAdd them here, or choose “All films” in the "
            "sidebar and drag films onto the list's name."
        )
        self.empty_hint = QLabel(self._empty_text)
        self.empty_hint.setObjectName("emptyListHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint_font = QFont(self.empty_hint.font())
        hint_font.setPointSizeF(hint_font.pointSizeF() * 1.15)
        self.empty_hint.setFont(hint_font)
        empty.addWidget(self.empty_hint)
        self.empty_add_button = QPushButton(self.tr("Add films…"))
        self.empty_add_button.clicked.connect(self.add_films_requested)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.empty_add_button)
        row.addStretch(1)
        empty.addLayout(row)
        empty.addStretch(2)
        self.table_stack = QStackedWidget()
        self.table_stack.addWidget(self.table)
        self.table_stack.addWidget(self.empty_page)
        layout.addWidget(self.table_stack, 1)

        self.totals = QLabel()
        self.totals.setObjectName("listTotals")
        layout.addWidget(self.totals)

        self.up_button.clicked.connect(lambda: self.table.move_by.emit(-1))
        self.down_button.clicked.connect(lambda: self.table.move_by.emit(1))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_list(self, screening_list: ScreeningListRecord | None) -> None:
        """Show a list (again, after a change), keeping the selection on the same films."""
        kept = self.selected_film_ids()
        current = self.current_film_id()
        self.model.set_list(screening_list)
        # Taller rows only where there are posters to show in them.
        tall = POSTER_SIZE[1] + 6 if self.model.has_posters() else 0
        self.table.verticalHeader().setDefaultSectionSize(max(self._row_height, tall))
        if screening_list is None:
            return
        self.title.setText(screening_list.name)
        self.audience.setText(
            self.tr("For {audience}").replace("{audience}", screening_list.audience)
            if screening_list.audience
            else self.tr("No audience given")
        )
        self.description.setText(screening_list.description)
        self.description.setVisible(bool(screening_list.description))
        self.table_stack.setCurrentWidget(self.table if screening_list.entries else self.empty_page)
        self.totals.setText(self.totals_text(screening_list))
        self.select_films(kept, current)
        self._update_buttons()

    def totals_text(self, screening_list: ScreeningListRecord) -> str:
        """ "4 films · 6 h 12 min · 1 screened"."""
        parts = [self.tr("%n film(s)", "", screening_list.film_count)]
        if screening_list.runtime_minutes:
            parts.append(format_runtime(screening_list.runtime_minutes))
        if screening_list.unknown_runtimes:
            parts.append(self.tr("runtime unknown for %n", "", screening_list.unknown_runtimes))
        if screening_list.screened_count:
            parts.append(self.tr("%n screened", "", screening_list.screened_count))
        return " · ".join(parts)

    def select_films(self, film_ids: Sequence[int], current: int | None) -> None:
        """Select the entries of these films; make ``current`` the current one."""
        selection = self.table.selectionModel()
        selection.clear()
        flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
        for film_id in film_ids:
            row = self.model.row_of(film_id)
            if row is not None:
                selection.select(self.model.index(row, 0), flags)
        row = self.model.row_of(current) if current is not None else None
        if row is not None:
            selection.setCurrentIndex(self.model.index(row, FILM), selection.SelectionFlag.NoUpdate)

    def selected_film_ids(self) -> list[int]:
        """The films of the selected entries, in list order."""
        if self.model.screening_list() is None:
            return []
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return [self.model.entry_at(r).film_id for r in rows if r < self.model.rowCount()]

    def current_film_id(self) -> int | None:
        """The film of the current entry."""
        index = self.table.currentIndex()
        if not index.isValid() or self.model.screening_list() is None:
            return None
        return self.model.entry_at(index.row()).film_id

    def set_editable(self, editable: bool) -> None:
        """Whether the list can be changed here (not in a read-only catalog): its details,
        and its entries added, removed, moved, dated, noted or marked screened. The handout
        and the export are there either way."""
        self.model.editable = editable
        self.table.setAcceptDrops(editable)
        self.table.setDragDropMode(
            QAbstractItemView.DragDropMode.DragDrop
            if editable
            else QAbstractItemView.DragDropMode.NoDragDrop
        )
        for button in (self.edit_button, self.add_button, self.empty_add_button):
            button.setEnabled(editable)
        self.empty_add_button.setVisible(editable)
        read_only_text = self.tr("This list has no films.")
        self.empty_hint.setText(self._empty_text if editable else read_only_text)
        self._update_buttons()

    def editable(self) -> bool:
        """Whether the list can be changed here (``set_editable``)."""
        return self.model.editable

    def _update_buttons(self) -> None:
        some = bool(self.selected_film_ids()) and self.model.editable
        for button in (self.remove_button, self.up_button, self.down_button):
            button.setEnabled(some)
        has_entries = self.model.rowCount() > 0
        self.handout_button.setEnabled(has_entries)
        self.export_button.setEnabled(has_entries)


__all__ = ["ENTRIES_MIME", "ListEntriesModel", "ScreeningListView"]
