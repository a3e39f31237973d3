"""StarDelegate: the table's Rating column, drawn by the shared StarPainter; click to rate."""

from __future__ import annotations

import math

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QMouseEvent, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from filmdesk.ui.films.film_table_model import FilmIdRole, RatingRole
from filmdesk.ui.widgets.star_rating import StarPainter

_Index = QModelIndex | QPersistentModelIndex
STAR_SIZE = 16
PADDING = 4


class StarDelegate(QStyledItemDelegate):
    """Paints a rating as stars; a click in the cell asks for that rating (or clears it)."""

    rating_clicked = Signal(int, object)  # film id, float | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hover: tuple[int, float] | None = None  # (film id, preview value)
        self._pixmaps: dict[tuple[object, ...], QPixmap] = {}

    @staticmethod
    def stars_rect(cell: QRectF) -> QRectF:
        """Where the stars sit inside a cell."""
        size = min(STAR_SIZE, max(8.0, cell.height() - 2 * PADDING))
        return QRectF(
            cell.left() + PADDING,
            cell.top() + (cell.height() - size) / 2,
            StarPainter.width_for(size),
            size,
        )

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        self.paint_stars(
            painter, QRectF(option.rect), index.data(RatingRole), index.data(FilmIdRole),
            option.palette,
        )  # fmt: skip

    def paint_stars(
        self,
        painter: QPainter,
        cell: QRectF,
        rating: float | None,
        film_id: int | None,
        palette: QPalette,
    ) -> None:
        """The stars of ``rating`` in ``cell`` (a preview of another while the mouse is over
        the film's stars), on whatever the cell's background is."""
        preview = None
        if self._hover is not None and self._hover[0] == film_id:
            preview = self._hover[1]
        rect = self.stars_rect(cell)
        # Every visible row is repainted on each keystroke of a search: draw each look once
        # (with the shared StarPainter) and reuse the picture.
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        key = (rating, preview, rect.width(), rect.height(), ratio, palette.cacheKey())
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            pixmap = QPixmap(math.ceil(rect.width() * ratio), math.ceil(rect.height() * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            pixmap_painter = QPainter(pixmap)
            StarPainter.paint(
                pixmap_painter,
                QRectF(0, 0, rect.width(), rect.height()),
                rating,
                palette,
                preview=preview,
            )
            pixmap_painter.end()
            if len(self._pixmaps) > 256:
                self._pixmaps.clear()
            self._pixmaps[key] = pixmap
        painter.drawPixmap(rect.topLeft(), pixmap)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        hint = super().sizeHint(option, index)
        hint.setWidth(int(StarPainter.width_for(STAR_SIZE)) + 2 * PADDING)
        return hint

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: _Index,
    ) -> bool:
        if not isinstance(event, QMouseEvent):
            return False
        rect = self.stars_rect(QRectF(option.rect))
        value = StarPainter.value_at(event.position().x(), rect)
        if event.type() == QEvent.Type.MouseMove:
            hover = (index.data(FilmIdRole), value) if value is not None else None
            if hover != self._hover:
                self._hover = hover
                if option.widget is not None:
                    option.widget.update()
            return False
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and event.button() == Qt.MouseButton.LeftButton
            and value is not None
        ):
            current = index.data(RatingRole)
            self._hover = None
            self.rating_clicked.emit(index.data(FilmIdRole), None if value == current else value)
            return True
        return False

    def clear_hover(self) -> None:
        """Forget the hover preview (the mouse left the table)."""
        self._hover = None
