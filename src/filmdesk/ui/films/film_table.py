"""The film table view: columns, widths, stars, the Watched check box, drags, the header menu."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QRect, Qt, Signal, Slot
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QMenu,
    QTableView,
    QWidget,
)

from filmdesk.ui.films.film_order import Column
from filmdesk.ui.films.film_table_model import FilmIdRole, FilmTableModel, header_text
from filmdesk.ui.films.star_delegate import StarDelegate
from filmdesk.ui.films.table_painter import TablePainter
from filmdesk.ui.shell.i18n import format_short_date
from filmdesk.ui.widgets.kept_scroll_bar import KeptScrollBar
from filmdesk.ui.widgets.poster_input import has_image
from filmdesk.ui.widgets.star_rating import is_dark

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


class FilmTable(QTableView):
    """The films as rows. Says when a film is to be edited and when it first painted."""

    edit_requested = Signal()
    first_painted = Signal()
    image_dropped = Signal(int, object)  # film id, the QMimeData dropped on its row

    def __init__(self, model: FilmTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("films")
        # (Each key typed into the search gives the vertical one a new range, and the table
        # lays out its bars again: they repaint only if that shows.)
        self.setVerticalScrollBar(KeptScrollBar(Qt.Orientation.Vertical, self))
        self.setHorizontalScrollBar(KeptScrollBar(Qt.Orientation.Horizontal, self))
        self.setModel(model)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setMouseTracking(True)
        self.setTabKeyNavigation(False)
        self.setAccessibleName(self.tr("Films"))
        # Films are dragged onto a collection or a screening list.
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        # An image dropped on a row is that film's poster (films dragged out stay as they
        # were: the table takes nothing else).
        self.setAcceptDrops(True)
        self.posters_droppable = True  # (not in a read-only catalog)
        self._drop_row: int | None = None
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        vertical = self.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.setSortIndicator(Column.TITLE, Qt.SortOrder.AscendingOrder)
        header.customContextMenuRequested.connect(self._header_menu)
        # The Watched column fits a date as the interface writes it (31.12.2026 is wider
        # than Dec 31, 2026 in some fonts), beside its check box.
        widths = dict(DEFAULT_WIDTHS)
        date_width = self.fontMetrics().horizontalAdvance(format_short_date(date(2026, 12, 31)))
        grown = max(0, date_width + 38 - widths[Column.WATCHED])
        widths[Column.WATCHED] += grown
        widths[Column.TITLE] -= grown  # so the table still fits without scrolling sideways
        for column, width in widths.items():
            header.resizeSection(column, width)
        self.tune_palette()
        self.star_delegate = StarDelegate(self)
        self.setItemDelegateForColumn(Column.RATING, self.star_delegate)
        self.painter = TablePainter(self, self.star_delegate)
        self.viewport().installEventFilter(self)  # hover ends; first paint (big catalogs)
        self._painted = False
        self.doubleClicked.connect(self._double_clicked)

    def tune_palette(self) -> None:
        """Fusion outlines check boxes with the window colour made darker, which vanishes on a
        dark base; the table gets a lighter window colour so its Watched boxes stay visible."""
        palette = QApplication.palette()
        if is_dark(palette):
            palette.setColor(
                QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Window).lighter(190)
            )
        self.setPalette(palette)

    def fill_columns_menu(self, menu: QMenu) -> None:
        """One check item per column (View › Columns, and the header's menu)."""
        menu.clear()
        header = self.horizontalHeader()
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
        self.fill_columns_menu(menu)
        menu.exec(self.horizontalHeader().mapToGlobal(position))

    @Slot(QModelIndex)
    def _double_clicked(self, index: QModelIndex) -> None:
        # A double click in the stars or the check box is two clicks there, not "edit".
        if index.column() not in (Column.RATING, Column.WATCHED):
            self.edit_requested.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport():
            if event.type() == QEvent.Type.Leave:
                self.star_delegate.clear_hover()  # no preview left on a row the mouse has left
                self.viewport().update()
            elif event.type() == QEvent.Type.Paint and not self._painted:
                self._painted = True
                self.first_painted.emit()
        return super().eventFilter(watched, event)

    # --- images dropped on a row: its film's poster -------------------------------------------

    def _image_row(self, event: QDragMoveEvent | QDropEvent) -> int | None:
        if not self.posters_droppable or not has_image(event.mimeData()):
            return None
        index = self.indexAt(event.position().toPoint())
        return index.row() if index.isValid() else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.posters_droppable and has_image(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        row = self._image_row(event)
        if row is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self._show_drop_row(row)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._show_drop_row(None)
        event.accept()

    def _show_drop_row(self, row: int | None) -> None:
        # The row the poster would go to is outlined under the pointer.
        if row != self._drop_row:
            self._drop_row = row
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        # The rows in one pass (TablePainter), not a delegate's call per cell and role.
        ours = self.painter.fits()
        if not ours:
            super().paintEvent(event)
        painter = QPainter(self.viewport())
        if ours:
            self.painter.paint(painter, event.rect())
        if self._drop_row is None:
            return
        first = self.visualRect(self.model().index(self._drop_row, 0))
        width = self.viewport().width()
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
        painter.setPen(pen)
        painter.drawRect(QRect(1, first.top() + 1, width - 2, first.height() - 2))

    def dropEvent(self, event: QDropEvent) -> None:
        self._show_drop_row(None)
        row = self._image_row(event)
        if row is None:
            event.ignore()
            return
        event.acceptProposedAction()
        film_id = self.model().index(row, Column.TITLE).data(FilmIdRole)
        if isinstance(film_id, int):
            self.image_dropped.emit(film_id, event.mimeData())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self.tune_palette()
        super().changeEvent(event)
