"""The sidebar: the library, collections, screening lists and tags, each a way into the films.

Selecting an entry announces it (``entry_selected``); films dragged from the film table onto a
collection or a list are announced with ``films_dropped``. What to do is the controller's.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QBrush,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from filmdesk.core.records import CollectionRecord, ScreeningListSummary, TagCount
from filmdesk.core.searches import SavedSearchRecord
from filmdesk.ui.widgets.film_drag import FILM_IDS_MIME, film_ids_from_mime
from filmdesk.ui.widgets.plain_text import as_typed

# What an entry is: (kind, key). Kinds: "all", "watched", "unwatched", "collection" (key: id),
# "list" (key: id), "saved" (a saved search, key: id), "tag" (key: name), and "section"
# headings that are not selectable.
Entry = tuple[str, object]
ALL: Entry = ("all", None)
_ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
_EDITABLE = ("collection", "list", "saved")  # F2 renames, Delete deletes, double-click edits


class _Tree(QTreeWidget):
    """The tree itself: takes films dropped onto a collection or a list."""

    films_dropped = Signal(str, int, list)  # kind, id, film ids
    key_action = Signal(str)  # "rename", "delete"
    editable = True  # (False: a read-only catalog; nothing is dropped, renamed or deleted)

    def _target(self, position: QPoint) -> Entry | None:
        if not self.editable:
            return None
        item = self.itemAt(position)
        entry = item.data(0, _ENTRY_ROLE) if item is not None else None
        if entry and entry[0] in ("collection", "list"):
            return (str(entry[0]), entry[1])
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.editable and event.mimeData().hasFormat(FILM_IDS_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        # The entry under the pointer lights up; selecting it would leave the films' page.
        position = event.position().toPoint()
        target = self._target(position)
        self._light(self.itemAt(position) if target is not None else None)
        if target is not None and event.mimeData().hasFormat(FILM_IDS_MIME):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._light(None)
        super().dragLeaveEvent(event)

    _lit: QTreeWidgetItem | None = None

    def _light(self, item: QTreeWidgetItem | None) -> None:
        if item is self._lit:
            return
        for old in (self._lit,):
            if old is not None and old.treeWidget() is self:
                for column in (0, 1):
                    old.setBackground(column, QBrush())
        self._lit = item
        if item is not None:
            for column in (0, 1):
                item.setBackground(column, self.palette().highlight())

    def dropEvent(self, event: QDropEvent) -> None:
        self._light(None)
        target = self._target(event.position().toPoint())
        ids = film_ids_from_mime(event.mimeData())
        if target is None or not ids:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        kind, key = target
        assert isinstance(key, int)
        self.films_dropped.emit(kind, key, ids)

    def event(self, event: QEvent) -> bool:
        # F2 and Delete are the window's shortcuts too (edit film, delete films): here they
        # act on the sidebar's entry.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_F2, Qt.Key.Key_Delete)
            and self._editable()
        ):
            event.accept()
            return True
        return super().event(event)

    def _editable(self) -> bool:
        if not self.editable:
            return False
        item = self.currentItem()
        entry = item.data(0, _ENTRY_ROLE) if item is not None else None
        return entry is not None and len(entry) == 2 and entry[0] in _EDITABLE

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F2 and self._editable():
            self.key_action.emit("rename")
            return
        if event.key() == Qt.Key.Key_Delete and self._editable():
            self.key_action.emit("delete")
            return
        super().keyPressEvent(event)


class Sidebar(QWidget):
    """Library, Collections, Screening lists and Tags, with buttons to make new ones."""

    entry_selected = Signal(str, object)  # kind, key
    films_dropped = Signal(str, int, list)  # "collection" | "list", id, film ids
    new_collection_requested = Signal()
    new_list_requested = Signal()
    rename_requested = Signal(str, int)
    edit_requested = Signal(str, int)
    duplicate_requested = Signal(int)
    delete_requested = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 0)
        layout.setSpacing(4)
        self.tree = _Tree()
        self.tree.setObjectName("sidebarTree")
        self.tree.setAccessibleName(self.tr("Library, collections, lists and tags"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(12)
        self.tree.setAcceptDrops(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.tree.setDropIndicatorShown(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.tree, 1)

        buttons = QVBoxLayout()
        buttons.setSpacing(4)
        self.new_collection_button = QPushButton(self.tr("+ New collection"))
        self.new_collection_button.setObjectName("newCollection")
        self.new_collection_button.setToolTip(self.tr("Make a new collection of films"))
        self.new_collection_button.clicked.connect(self.new_collection_requested)
        self.new_list_button = QPushButton(self.tr("+ New screening list"))
        self.new_list_button.setObjectName("newList")
        self.new_list_button.setToolTip(
            self.tr("Plan screenings for a class or a club: films in order, with dates and notes")
        )
        self.new_list_button.clicked.connect(self.new_list_requested)
        buttons.addWidget(self.new_collection_button)
        buttons.addWidget(self.new_list_button)
        layout.addLayout(buttons)

        self._items: dict[Entry, QTreeWidgetItem] = {}
        self._entries_width = 0
        self._selected: Entry = ALL
        self._filling = False
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.tree.films_dropped.connect(self.films_dropped)
        self.tree.key_action.connect(self._key_action)
        self.tree.itemDoubleClicked.connect(self._double_clicked)

    def set_editable(self, editable: bool) -> None:
        """Whether collections, lists and saved searches can be made, changed and deleted here
        (not in a read-only catalog): the buttons, the menu, F2, Delete, a double-click and
        films dropped onto an entry. Choosing an entry is the same either way."""
        self.tree.editable = editable
        for button in (self.new_collection_button, self.new_list_button):
            button.setEnabled(editable)

    # --- content --------------------------------------------------------------------------

    def populate(
        self,
        counts: tuple[int, int, int],
        collections: Sequence[CollectionRecord],
        lists: Sequence[ScreeningListSummary],
        tags: Sequence[TagCount],
        saved: Sequence[tuple[SavedSearchRecord, int]] = (),
    ) -> None:
        """Fill the tree (again), keeping the selected entry when it is still there.
        ``saved``: the saved searches with how many films each finds."""
        self._filling = True
        try:
            self.tree.clear()
            self._items.clear()
            total, watched, unwatched = counts
            library = self._section(self.tr("Library"))
            self._add(library, ALL, self.tr("All films"), total)
            self._add(library, ("watched", None), self.tr("Watched"), watched)
            self._add(library, ("unwatched", None), self.tr("Not watched"), unwatched)
            section = self._section(self.tr("Collections"))
            for collection in collections:
                self._add(
                    section, ("collection", collection.id), collection.name,
                    len(collection.film_ids), collection.description,
                )  # fmt: skip
            if not collections:
                self._hint(section, self.tr("None yet"), self.tr("Click “+ New collection”"))
            section = self._section(self.tr("Screening lists"))
            for summary in lists:
                tip = summary.audience and self.tr("For {audience}").replace(
                    "{audience}", summary.audience
                )
                self._add(section, ("list", summary.id), summary.name, summary.film_count, tip)
            if not lists:
                self._hint(section, self.tr("None yet"), self.tr("Click “+ New screening list”"))
            if saved:
                section = self._section(self.tr("Saved searches"))
                for search, count in saved:
                    tip = self.tr("Search: {query}").replace("{query}", search.query or "—")
                    self._add(section, ("saved", search.id), search.name, count, tip)
            if tags:
                section = self._section(self.tr("Tags"))
                for tag in tags:
                    self._add(section, ("tag", tag.name), tag.name, tag.films)
            self.tree.expandAll()
            item = self._items.get(self._selected) or self._items[ALL]
            self.tree.setCurrentItem(item, 0)
        finally:
            self._filling = False
        self._fit_entries()
        entry = item.data(0, _ENTRY_ROLE)
        if (entry[0], entry[1]) != self._selected:
            self._selected = (entry[0], entry[1])
            self.entry_selected.emit(entry[0], entry[1])

    # --- width ------------------------------------------------------------------------------

    def minimumSizeHint(self) -> QSize:
        # The splitter never makes the sidebar narrower than this (short of hiding it).
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self._entries_width), hint.height())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_entries()

    def _fit_entries(self) -> None:
        """Work out the width at which no text of ours and no count is cut.

        Our own words (the library's entries, headings, hints) differ by language:
        «Непросмотренные» is much longer than "Not watched". Names of collections, lists and
        tags are the user's and may be any length: they are left out, and are cut where they
        must (the tooltip has them whole). Room for the scroll bar is always kept: a few tags
        bring it, and it takes its width from the entries.
        """
        tree = self.tree
        style = tree.style()
        # What Qt's item views put on either side of a cell's text (QCommonStyle).
        margins = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1)

        def text_width(item: QTreeWidgetItem, column: int) -> int:
            font = item.data(column, Qt.ItemDataRole.FontRole)  # the headings' own font
            font = font.resolve(tree.font()) if isinstance(font, QFont) else tree.font()
            return math.ceil(QFontMetricsF(font).horizontalAdvance(item.text(column))) + margins

        words = counts = 0
        for top in range(tree.topLevelItemCount()):
            section = tree.topLevelItem(top)
            assert section is not None
            rows = [(section, 0)] + [(section.child(i), 1) for i in range(section.childCount())]
            for item, depth in rows:
                assert item is not None
                entry = item.data(0, _ENTRY_ROLE)
                if entry and entry[0] not in ("collection", "list", "saved", "tag"):
                    words = max(words, depth * tree.indentation() + text_width(item, 0))
                if item.text(1):
                    counts = max(counts, text_width(item, 1))
        # The count column is never narrower than the header's smallest section.
        counts = max(counts, tree.header().minimumSectionSize())
        scroll_bar = style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, tree)
        layout = self.layout()
        assert layout is not None
        outside = layout.contentsMargins().left() + layout.contentsMargins().right()
        gap = tree.fontMetrics().horizontalAdvance("  ")  # a name and its count do not touch
        width = outside + 2 * tree.frameWidth() + scroll_bar + words + gap + counts
        if width != self._entries_width:
            self._entries_width = width
            self.updateGeometry()  # the splitter reads minimumSizeHint again

    def _section(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [title.upper(), ""])
        font = QFont(item.font(0))
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.85)
        item.setFont(0, font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setData(0, _ENTRY_ROLE, ("section", None))
        if self.tree.topLevelItemCount() > 1:  # air above every section but the first
            item.setSizeHint(0, QSize(1, self.fontMetrics().height() + 14))
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        return item

    def _hint(self, parent: QTreeWidgetItem, text: str, tip: str) -> None:
        item = QTreeWidgetItem(parent, [text, ""])
        item.setToolTip(0, tip)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        item.setData(0, _ENTRY_ROLE, ("section", None))

    def _add(
        self, parent: QTreeWidgetItem, entry: Entry, name: str, count: int, tip: str = ""
    ) -> None:
        item = QTreeWidgetItem(parent, [name, str(count)])
        item.setSizeHint(0, QSize(1, self.fontMetrics().height() + 8))  # room to aim a drop
        item.setData(0, _ENTRY_ROLE, entry)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setToolTip(0, as_typed(tip or name))
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self._items[entry] = item

    # --- selection --------------------------------------------------------------------------

    def selected(self) -> Entry:
        """The entry selected now."""
        return self._selected

    def select(self, kind: str, key: object = None) -> bool:
        """Select an entry (announced like a click); False when there is no such entry."""
        item = self._items.get((kind, key))
        if item is None:
            return False
        self.tree.setCurrentItem(item, 0)
        return True

    def item(self, kind: str, key: object = None) -> QTreeWidgetItem | None:
        """The tree item of an entry (for tests and drops)."""
        return self._items.get((kind, key))

    @staticmethod
    def entry_of(item: QTreeWidgetItem) -> Entry | None:
        """What a tree item stands for (kind "section" for headings and hints)."""
        entry = item.data(0, _ENTRY_ROLE)
        return (str(entry[0]), entry[1]) if entry else None

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if self._filling or current is None:
            return
        entry = current.data(0, _ENTRY_ROLE)
        if not entry or entry[0] == "section":
            return
        if (entry[0], entry[1]) == self._selected:
            return
        self._selected = (entry[0], entry[1])
        self.entry_selected.emit(entry[0], entry[1])

    # --- menu -------------------------------------------------------------------------------

    @Slot(QPoint)
    def _menu(self, position: QPoint) -> None:
        if not self.tree.editable:  # (every item of the menu changes the catalog)
            return
        item = self.tree.itemAt(position)
        entry = item.data(0, _ENTRY_ROLE) if item is not None else None
        menu = QMenu(self)
        if entry and entry[0] == "collection":
            key = int(entry[1])
            menu.addAction(
                self.tr("Rename…"), lambda: self.rename_requested.emit("collection", key)
            )
            menu.addAction(
                self.tr("Edit description…"), lambda: self.edit_requested.emit("collection", key)
            )
            menu.addSeparator()
            menu.addAction(
                self.tr("Delete collection"), lambda: self.delete_requested.emit("collection", key)
            )
            menu.addSeparator()
        elif entry and entry[0] == "saved":
            key = int(entry[1])
            menu.addAction(self.tr("Edit search…"), lambda: self.edit_requested.emit("saved", key))
            menu.addAction(self.tr("Rename…"), lambda: self.rename_requested.emit("saved", key))
            menu.addSeparator()
            menu.addAction(
                self.tr("Delete saved search"), lambda: self.delete_requested.emit("saved", key)
            )
            menu.addSeparator()
        elif entry and entry[0] == "list":
            key = int(entry[1])
            menu.addAction(self.tr("Rename…"), lambda: self.rename_requested.emit("list", key))
            menu.addAction(self.tr("Edit details…"), lambda: self.edit_requested.emit("list", key))
            menu.addAction(self.tr("Duplicate"), lambda: self.duplicate_requested.emit(key))
            menu.addSeparator()
            menu.addAction(self.tr("Delete list"), lambda: self.delete_requested.emit("list", key))
            menu.addSeparator()
        menu.addAction(self.tr("New collection…"), lambda: self.new_collection_requested.emit())
        menu.addAction(self.tr("New screening list…"), lambda: self.new_list_requested.emit())
        menu.exec(self.tree.viewport().mapToGlobal(position))

    @Slot(str)
    def _key_action(self, action: str) -> None:
        kind, key = self._selected
        if kind not in _EDITABLE or not isinstance(key, int):
            return
        if action == "rename":
            self.rename_requested.emit(kind, key)
        else:
            self.delete_requested.emit(kind, key)

    @Slot(QTreeWidgetItem, int)
    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        entry = item.data(0, _ENTRY_ROLE)
        if entry and entry[0] in _EDITABLE and self.tree.editable:
            self.edit_requested.emit(entry[0], int(entry[1]))
