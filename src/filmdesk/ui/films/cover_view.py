"""The cover view: the films as a grid of posters, title and year under each.

It shows the film table's own model and shares the table's selection model, so search, scope,
sort and selection are the table's: selecting in one selects in the other. For 100,000 films it
is a QListView in list mode, wrapping left to right, with items of one size in a fixed grid:
Qt places the items without asking for each one's size, and paints only those on screen. The
posters come from a ``ThumbnailLoader`` (read in the background, only for the films on screen
and a page ahead); a film without a poster, or whose poster is still on its way, gets its card
(``widgets.poster_card``) or a quiet placeholder.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from filmdesk.core.records import FilmRow
from filmdesk.ui.films.film_table_model import FilmRole, FilmTableModel
from filmdesk.ui.films.thumbnails import ImageCache, ThumbnailLoader
from filmdesk.ui.widgets.poster_card import paint_poster_card

POSTER_WIDTH = 132  # logical pixels; posters are 2:3
CARD_MEMORY = 16 * 1024 * 1024  # bytes of cards painted ahead, kept to be copied on screen
CARDS_PER_STEP = 6  # cards painted ahead at a time, between events
PADDING = 8  # around the poster, inside the cell
TEXT_GAP = 6  # between the poster and its title
_Index = QModelIndex | QPersistentModelIndex


def poster_size() -> QSize:
    """The size a poster is painted in (logical pixels)."""
    return QSize(POSTER_WIDTH, POSTER_WIDTH * 3 // 2)


class CoverDelegate(QStyledItemDelegate):
    """Paints one film: its poster (or card), then its title and year below."""

    def __init__(self, loader: ThumbnailLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.loader = loader
        self.cell = QSize(POSTER_WIDTH + 2 * PADDING, 300)
        self.ratio = 1.0  # device pixels per logical pixel, of the view's screen
        # Cards are painted ahead, a page below the one shown, and copied when it is shown:
        # painting a page of new cards in type would take most of a frame.
        self.cards = ImageCache(CARD_MEMORY)
        self.set_font(QFont())

    def set_font(self, base: QFont) -> None:
        """The view's font: the year in it, the title in it a little bolder. (Made once, not
        for every cover painted.)"""
        self._year_font = QFont(base)
        self._year_metrics = QFontMetrics(base)
        self._title_font = QFont(base)
        self._title_font.setWeight(QFont.Weight.DemiBold)
        self._title_metrics = QFontMetrics(self._title_font)

    def cell_height(self) -> int:
        """A cell's height: the poster, then a line of title and a line of year."""
        title = self._title_metrics.lineSpacing()
        year = self._year_metrics.lineSpacing()
        return PADDING + poster_size().height() + TEXT_GAP + title + year + PADDING

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(self.cell)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        film = index.data(FilmRole)
        if not isinstance(film, FilmRow):
            return
        rect: QRect = option.rect
        state: QStyle.StateFlag = option.state
        palette: QPalette = option.palette
        selected = bool(state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        painter.save()
        size = poster_size()
        cell = QRect(rect.topLeft(), self.cell).intersected(rect)
        poster = QRect(
            cell.left() + (cell.width() - size.width()) // 2,
            cell.top() + PADDING,
            size.width(),
            size.height(),
        )
        if selected:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(group, QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(cell.adjusted(2, 2, -2, -2), 6, 6)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self._paint_poster(painter, poster, film, palette)

        # Title and year, centred under the poster, elided to its width (the tooltip has all).
        text_role = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.WindowText
        )
        text_colour = palette.color(group, text_role)
        width = cell.width() - 2 * PADDING + 4
        left = cell.left() + PADDING - 2
        top = poster.bottom() + 1 + TEXT_GAP
        title_metrics = self._title_metrics
        painter.setFont(self._title_font)
        painter.setPen(text_colour)
        title = title_metrics.elidedText(film.title, Qt.TextElideMode.ElideRight, width)
        line = QRect(left, top, width, title_metrics.lineSpacing())
        painter.drawText(line, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, title)
        if film.year:
            painter.setFont(self._year_font)
            quiet = QColor(text_colour)
            if not selected:
                quiet.setAlphaF(0.65)
            painter.setPen(quiet)
            year_line = QRect(left, line.bottom() + 1, width, self._year_metrics.lineSpacing())
            painter.drawText(
                year_line, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, str(film.year)
            )
        if state & QStyle.StateFlag.State_HasFocus and not selected:
            focus = QColor(palette.color(group, QPalette.ColorRole.Highlight))
            painter.setPen(focus)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cell.adjusted(2, 2, -3, -3))
        painter.restore()

    @staticmethod
    def card_key(film: FilmRow) -> str:
        """What a film's card shows, as a key of the cards painted ahead."""
        director = film.directors[0] if film.directors else ""
        return f"{film.title}\x1f{film.year or ''}\x1f{director}"

    def needs_card(self, film: FilmRow) -> bool:
        """Whether the film shows a card that is not painted yet."""
        shows_card = film.poster is None or self.loader.is_missing(film.poster)
        return shows_card and self.card_key(film) not in self.cards

    def paint_card(self, film: FilmRow) -> QImage:
        """The film's card as an image the size of a poster, kept for the next paints."""
        key = self.card_key(film)
        image = self.cards.get(key)
        if image is None:
            size = poster_size()
            image = QImage(
                round(size.width() * self.ratio),
                round(size.height() * self.ratio),
                QImage.Format.Format_ARGB32_Premultiplied,
            )
            image.setDevicePixelRatio(self.ratio)
            painter = QPainter(image)
            director = film.directors[0] if film.directors else ""
            paint_poster_card(painter, QRect(QPoint(0, 0), size), film.title, film.year, director)
            painter.end()
            self.cards.put(key, image)
        return image

    def _paint_poster(
        self, painter: QPainter, box: QRect, film: FilmRow, palette: QPalette
    ) -> None:
        if film.poster is None or self.loader.is_missing(film.poster):
            painter.drawImage(box.topLeft(), self.paint_card(film))
            return
        image = self.loader.image(film.poster)
        if image is None:  # on its way: a quiet placeholder, then the poster (not a card first)
            painter.fillRect(box, palette.color(QPalette.ColorRole.Mid))
            return
        ratio = image.devicePixelRatio()
        width, height = round(image.width() / ratio), round(image.height() / ratio)
        # Centred in the poster's box, sitting on its bottom edge (a wide poster keeps its shape).
        target = QRect(
            box.left() + (box.width() - width) // 2, box.bottom() + 1 - height, width, height
        )
        painter.drawImage(target, image)


class CoverView(QListView):
    """The films as a grid of covers; says when a film is to be edited and when it first
    painted, as the table does."""

    edit_requested = Signal()
    first_painted = Signal()

    def __init__(
        self, model: FilmTableModel, loader: ThumbnailLoader, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("covers")
        self.loader = loader
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setLayoutMode(QListView.LayoutMode.SinglePass)
        self.setMovement(QListView.Movement.Static)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Film covers"))
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.delegate = CoverDelegate(loader, self)
        self.setItemDelegate(self.delegate)
        self.setModel(model)
        self._model = model
        self._painted = False
        self._ahead = range(0)
        self._fit_grid()
        self._card_timer = QTimer(self)
        self._card_timer.setSingleShot(True)
        self._card_timer.timeout.connect(self._paint_cards_ahead)
        self.doubleClicked.connect(self.edit_requested)
        loader.loaded.connect(self._thumbnail_loaded)
        self.viewport().installEventFilter(self)

    # --- the grid -----------------------------------------------------------------------

    def _fit_grid(self) -> None:
        """Cells as wide as make whole columns fill the width (the posters keep their size)."""
        least = POSTER_WIDTH + 2 * PADDING
        # QListView lays items out as if its scroll bar were shown, whether it is or not:
        # columns that fill the width less the bar's never wrap one cell short.
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        width = max(least, self.width() - 2 * self.frameWidth() - bar - 1)
        columns = max(1, width // least)
        self.delegate.set_font(self.font())
        cell = QSize(width // columns, self.delegate.cell_height())
        if cell != self.gridSize():
            self.delegate.cell = cell
            self.setGridSize(cell)
        ratio = self.devicePixelRatioF()
        if ratio != self.delegate.ratio:
            self.delegate.ratio = ratio
            self.delegate.cards.clear()
        size = poster_size()
        self.loader.set_size(QSize(round(size.width() * ratio), round(size.height() * ratio)))
        self.verticalScrollBar().setSingleStep(max(1, cell.height() // 4))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_grid()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._fit_grid()
        super().changeEvent(event)

    def visible_rows(self) -> range:
        """The rows with a cell on screen (in reading order, so one range)."""
        count = self._model.rowCount()
        if count == 0:
            return range(0)
        area = self.viewport().rect()
        first = self.indexAt(QPoint(1, 1))
        start = first.row() if first.isValid() else self._row_near(area.top())
        last = self.indexAt(QPoint(1, area.bottom() - 1))
        end = last.row() if last.isValid() else self._row_near(area.bottom())
        columns = max(1, area.width() // max(1, self.gridSize().width()))
        return range(max(0, start), min(count, end + columns))

    def _row_near(self, y: int) -> int:
        # Between cells (a margin), the row of the cell just below or above.
        for dy in (4, -4, 12, -12):
            index = self.indexAt(QPoint(4, y + dy))
            if index.isValid():
                return index.row()
        return 0 if y <= 0 else self._model.rowCount() - 1

    def _wish_for_posters(self) -> None:
        """Ask for the posters on screen, then those a page below."""
        shown = self.visible_rows()
        if not shown:
            return
        ahead = range(shown.stop, min(self._model.rowCount(), shown.stop + len(shown)))
        film_at = self._model.film_at
        keys = [poster for r in (*shown, *ahead) if (poster := film_at(r).poster) is not None]
        self.loader.want(keys)
        self._ahead = ahead
        if not self._card_timer.isActive():
            self._card_timer.start(0)

    @Slot()
    def _paint_cards_ahead(self) -> None:
        """Paint the cards of the page below, a few at a time between events (the posters'
        thumbnails come in the background meanwhile)."""
        film_at, delegate, count = self._model.film_at, self.delegate, self._model.rowCount()
        left = CARDS_PER_STEP
        for row in self._ahead:
            if row >= count:
                break
            film = film_at(row)
            if delegate.needs_card(film):
                delegate.paint_card(film)
                left -= 1
                if left == 0:
                    self._card_timer.start(0)  # the rest after the events waiting
                    return

    def is_settled(self) -> bool:
        """Nothing being prepared: the posters wished for are read, the cards ahead painted."""
        return self.loader.is_idle() and not self._card_timer.isActive()

    @Slot(str)
    def _thumbnail_loaded(self, key: str) -> None:
        if not self.isVisible():
            return
        film_at = self._model.film_at
        for row in self.visible_rows():
            if film_at(row).poster == key:
                self.update(self._model.index(row, 0))

    # --- Qt -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_painted.emit()
        return super().eventFilter(watched, event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self._wish_for_posters()
