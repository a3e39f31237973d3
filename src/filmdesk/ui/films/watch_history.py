"""A film's watch history in the detail panel: how often and when it was seen, each viewing
(most recent first: the day, the rating given then, rewatch, the note), and buttons to add,
edit and remove one. The panel turns the requests into steps; nothing here writes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from filmdesk.core.records import ViewingRecord
from filmdesk.ui.shell.i18n import format_date, format_medium_date
from filmdesk.ui.shell.icons import drawn_icon
from filmdesk.ui.widgets.plain_text import as_typed
from filmdesk.ui.widgets.star_rating import StarPainter, rating_text

_Index = QModelIndex | QPersistentModelIndex
ViewingRole = Qt.ItemDataRole.UserRole + 1
STAR_SIZE = 12
PAD_X = 6
PAD_Y = 5
GAP = 10
VISIBLE_LINES = 7  # the list grows to about this many lines of text, then scrolls
REWATCH_MARK = "↻"


def viewing_day(viewing: ViewingRecord) -> str:
    """The day of a viewing as the list shows it: "Mar 12, 2024", or "day not known"."""
    if viewing.watched_on is None:
        return QCoreApplication.translate("WatchHistory", "day not known")
    return format_medium_date(viewing.watched_on)


def viewing_text(viewing: ViewingRecord) -> str:
    """A viewing in words, on one line (what a screen reader says of a row)."""
    parts = [viewing_day(viewing)]
    if viewing.rating is not None:
        parts.append(rating_text(viewing.rating))
    if viewing.rewatch:
        parts.append(QCoreApplication.translate("WatchHistory", "rewatch"))
    if viewing.note:
        parts.append(" ".join(viewing.note.split()))
    return ", ".join(parts)


def viewing_tooltip(viewing: ViewingRecord) -> str:
    """A viewing in full: the day, the rating, rewatch, and the whole note."""
    day = (
        format_date(viewing.watched_on)
        if viewing.watched_on is not None
        else QCoreApplication.translate("WatchHistory", "Day not known")
    )
    lines = [day, rating_text(viewing.rating)]
    if viewing.rewatch:
        lines.append(QCoreApplication.translate("WatchHistory", "Rewatch: seen before"))
    if viewing.note:
        lines += ["", viewing.note]
    return as_typed("\n".join(lines))


class ViewingListModel(QAbstractListModel):
    """A film's viewings, most recent first (undated ones last)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._viewings: list[ViewingRecord] = []

    def set_viewings(self, viewings: Iterable[ViewingRecord]) -> None:
        """Show these viewings (in any order)."""
        self.beginResetModel()
        self._viewings = sorted(viewings, key=lambda v: v.order_key, reverse=True)
        self.endResetModel()

    def viewings(self) -> tuple[ViewingRecord, ...]:
        """The viewings, as listed."""
        return tuple(self._viewings)

    def viewing_at(self, row: int) -> ViewingRecord:
        """The viewing of a row."""
        return self._viewings[row]

    def row_of(self, viewing_id: int) -> int | None:
        """The row of a viewing, if listed."""
        return next((r for r, v in enumerate(self._viewings) if v.id == viewing_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._viewings)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._viewings):
            return None
        viewing = self._viewings[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return viewing_text(viewing)
        if role == Qt.ItemDataRole.ToolTipRole:
            return viewing_tooltip(viewing)
        if role == ViewingRole:
            return viewing
        return None


def _faded(palette: QPalette, role: QPalette.ColorRole) -> QColor:
    colour = QColor(palette.color(role))
    colour.setAlphaF(0.7)
    return colour


class ViewingDelegate(QStyledItemDelegate):
    """One viewing on one line (day, stars, rewatch), and its note on a second, elided."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.day_width = 0  # the widest day listed: the stars line up beneath each other

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        viewing = index.data(ViewingRole)
        lines = 2 if isinstance(viewing, ViewingRecord) and viewing.note.strip() else 1
        return QSize(0, lines * option.fontMetrics.height() + 2 * PAD_Y)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        viewing = index.data(ViewingRole)
        if not isinstance(viewing, ViewingRecord):
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        metrics: QFontMetrics = option.fontMetrics
        line = metrics.height()
        area = option.rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)
        painter.save()
        painter.setPen(option.palette.color(role))
        day_width = max(self.day_width, 1)
        painter.drawText(
            QRect(area.left(), area.top(), day_width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(viewing_day(viewing), Qt.TextElideMode.ElideRight, day_width),
        )
        x = area.left() + day_width + GAP
        if viewing.rating is not None:
            stars = QRectF(x, area.top() + (line - STAR_SIZE) / 2, STAR_SIZE * 5, STAR_SIZE)
            StarPainter.paint(painter, stars, viewing.rating, option.palette)
        x += int(StarPainter.width_for(STAR_SIZE)) + GAP
        if viewing.rewatch:
            room = area.right() - x
            mark = f"{REWATCH_MARK} {QCoreApplication.translate('WatchHistory', 'rewatch')}"
            if metrics.horizontalAdvance(mark) > room:
                mark = REWATCH_MARK
            painter.setPen(_faded(option.palette, role))
            painter.drawText(
                QRect(x, area.top(), max(room, 0), line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                mark,
            )
        note = " ".join(viewing.note.split())
        if note:
            painter.setPen(_faded(option.palette, role))
            painter.drawText(
                QRect(area.left(), area.top() + line, area.width(), line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(note, Qt.TextElideMode.ElideRight, area.width()),
            )
        painter.restore()


class ViewingList(QListView):
    """The viewings; double-click or Return edits one, Delete removes the selected ones."""

    edit_requested = Signal()
    remove_requested = Signal()

    def __init__(self, model: ViewingListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("viewings")
        self.setModel(model)
        self.view_delegate = ViewingDelegate(self)
        self.setItemDelegate(self.view_delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAccessibleName(self.tr("Viewings"))

    def event(self, event: QEvent) -> bool:
        # Delete here removes a viewing, not the film (the window's Delete shortcut).
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            if self.selectionModel().hasSelection():
                self.remove_requested.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.currentIndex().isValid():
                self.edit_requested.emit()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and event.button() == Qt.MouseButton.LeftButton:
            self.setCurrentIndex(index)  # the viewing double-clicked, alone
            self.edit_requested.emit()
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        if not index.isValid():
            return
        if not self.selectionModel().isSelected(index):
            self.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.tr("&Edit Viewing…"), self.edit_requested.emit)
        menu.addAction(self.tr("&Remove Viewing"), self.remove_requested.emit)
        menu.exec(event.globalPos())

    def fitting_height(self) -> int:
        """Tall enough for every row, up to ``VISIBLE_LINES`` lines of text."""
        frame = 2 * self.frameWidth()
        cap = VISIBLE_LINES * self.fontMetrics().height() + 4 * 2 * PAD_Y
        rows = sum(self.sizeHintForRow(r) for r in range(self.model().rowCount()))
        return frame + min(rows, cap)


class WatchHistory(QWidget):
    """How often and when the film was seen, its viewings, and buttons for them."""

    add_requested = Signal()
    edit_requested = Signal(object)  # ViewingRecord
    remove_requested = Signal(list)  # [ViewingRecord]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("historySummary")
        self.summary.setWordWrap(True)
        self.model = ViewingListModel(self)
        self.list = ViewingList(self.model)
        self.list.setFrameShape(QFrame.Shape.StyledPanel)
        self.list.edit_requested.connect(self._edit)
        self.list.remove_requested.connect(self._remove)
        self.list.selectionModel().selectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(self.tr("Add Viewing…"))
        self.add_button.setObjectName("addViewing")
        self.add_button.setToolTip(
            self.tr("Record a time you watched the film (today, or any day)")
        )
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button = QToolButton()
        self.edit_button.setObjectName("editViewing")
        self.edit_button.setToolTip(self.tr("Edit the selected viewing (double-click it)"))
        self.edit_button.setAccessibleName(self.tr("Edit viewing"))
        self.edit_button.clicked.connect(self._edit)
        self.remove_button = QToolButton()
        self.remove_button.setObjectName("removeViewing")
        self.remove_button.setToolTip(self.tr("Remove the selected viewings (Delete)"))
        self.remove_button.setAccessibleName(self.tr("Remove viewing"))
        self.remove_button.clicked.connect(self._remove)
        self._paint_icons()

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.show_viewings(())

    def show_viewings(self, viewings: Sequence[ViewingRecord]) -> None:
        """Show a film's viewings; the ones selected stay selected."""
        kept = {v.id for v in self.selected()}
        current = self.list.currentIndex()
        current_id = self.model.viewing_at(current.row()).id if current.isValid() else None
        self.model.set_viewings(viewings)
        self.summary.setText(self.summary_text(self.model.viewings()))
        self.summary.setEnabled(bool(viewings))  # "Not watched yet" in grey, as a hint
        metrics = self.list.fontMetrics()
        widest = max((metrics.horizontalAdvance(viewing_day(v)) for v in viewings), default=0)
        self.list.view_delegate.day_width = widest + 2  # (rounding elided the widest day)
        self.list.setVisible(bool(viewings))
        self.list.setFixedHeight(self.list.fitting_height())
        self._select(kept, current_id)
        self._update_buttons()

    def summary_text(self, viewings: Sequence[ViewingRecord]) -> str:
        """ "Seen 3 times · last Mar 12, 2024", or "Not watched yet"."""
        if not viewings:
            return self.tr("Not watched yet")
        text = self.tr("Seen %n time(s)", "", len(viewings))
        days = [v.watched_on for v in viewings if v.watched_on is not None]
        if days:
            day = format_medium_date(max(days)).replace(" ", "\u00a0")
            last = self.tr("last {date}") if len(viewings) > 1 else "{date}"
            text += " · " + last.replace("{date}", day)
        return text

    def viewings(self) -> tuple[ViewingRecord, ...]:
        """The viewings listed, most recent first."""
        return self.model.viewings()

    def selected(self) -> list[ViewingRecord]:
        """The selected viewings, as listed."""
        rows = sorted(i.row() for i in self.list.selectionModel().selectedRows())
        return [self.model.viewing_at(r) for r in rows]

    def select_viewing(self, viewing_id: int) -> None:
        """Make one viewing the selected, current one."""
        self._select({viewing_id}, viewing_id)

    def _select(self, viewing_ids: set[int], current_id: int | None) -> None:
        selection = QItemSelection()
        for viewing_id in viewing_ids:
            row = self.model.row_of(viewing_id)
            if row is not None:
                index = self.model.index(row)
                selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag
        row = self.model.row_of(current_id) if current_id is not None else None
        if row is not None:
            self.list.selectionModel().setCurrentIndex(self.model.index(row), flags.NoUpdate)
        self.list.selectionModel().select(selection, flags.ClearAndSelect)

    @Slot()
    def _update_buttons(self) -> None:
        any_viewing = self.model.rowCount() > 0
        chosen = self.list.selectionModel().hasSelection()
        for button in (self.edit_button, self.remove_button):
            button.setVisible(any_viewing)
            button.setEnabled(chosen)

    @Slot()
    def _edit(self) -> None:
        chosen = self.selected()
        current = self.list.currentIndex()
        if current.isValid() and self.list.selectionModel().isSelected(current):
            self.edit_requested.emit(self.model.viewing_at(current.row()))
        elif chosen:
            self.edit_requested.emit(chosen[0])

    @Slot()
    def _remove(self) -> None:
        chosen = self.selected()
        if chosen:
            self.remove_requested.emit(chosen)

    def _paint_icons(self) -> None:
        palette = self.palette()
        self.edit_button.setIcon(drawn_icon("document-properties", palette))
        self.remove_button.setIcon(drawn_icon("edit-delete", palette))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._paint_icons()  # light drawings on a dark window, dark on a light one
        super().changeEvent(event)
