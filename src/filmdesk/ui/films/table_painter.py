"""TablePainter: the film table's visible rows painted in one pass.

QTableView asks its delegate to paint each cell, and the delegate asks the model for each of
about eight roles: some 1,300 calls from C++ into Python for a page of 24 rows, 12-16 ms, most
of a keystroke's time at 100,000 films. Here a page is one Python loop over the rows shown:
backgrounds, each cell's text (elided as the style elides it, and laid out once), the stars,
the Watched check box, the focus frame; 1-2 ms. Where things go is still asked of the style
(its text margin, where an item's check box sits), so clicks land on what is drawn; the
delegates still take the clicks and the hovering.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPixmap,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import QStyle, QStyleOptionFocusRect, QStyleOptionViewItem, QTableView

from filmdesk.ui.films.film_order import Column
from filmdesk.ui.films.film_table_model import FilmTableModel, cell_text
from filmdesk.ui.films.star_delegate import StarDelegate
from filmdesk.ui.widgets.pictures import drawn_over, plain_colour

# (Plain numbers: an enum member read in a loop over a page's cells costs.)
_YEAR, _RATING, _WATCHED = int(Column.YEAR), int(Column.RATING), int(Column.WATCHED)


@dataclass(frozen=True)
class Cell:
    """One cell as painted: its row and column, where it is, and the text written in it."""

    row: int
    column: int
    rect: QRect
    text: str


@dataclass(frozen=True)
class _Page:
    """What one paint needs, worked out once: the rows, where they are, and the columns."""

    rows: range
    top: int  # of the first row
    height: int
    texts: list[tuple[int, int, int]]  # (column, x, width) of each text, left to right
    stars: tuple[int, int] | None  # (x, width) of the Rating column, if it shows
    check: QRect | None  # the Watched check box in a row at y = 0, if it shows

    def top_of(self, row: int) -> int:
        return self.top + (row - self.rows.start) * self.height


class TablePainter:
    """Paints the rows of a film table (``FilmTable.paintEvent``)."""

    def __init__(self, view: QTableView, stars: StarDelegate) -> None:
        self._view = view
        self._stars = stars
        self._laid_out: dict[tuple[str, int], QStaticText] = {}  # (text, width) -> as written
        self._checks: dict[tuple[object, ...], QPixmap] = {}  # the Watched boxes, by look
        self._font_key: object = None
        # The Watched column's check box and text, where the style puts them in a cell at
        # (0, 0) of a size: (width, height, style's name) -> (check box, text).
        self._watched: dict[tuple[int, int, str], tuple[QRect, QRect]] = {}

    def fits(self) -> bool:
        """This painting is Qt's own picture for the view as it is: Fusion's look (filmdesk's
        on Linux; another style keeps Qt's painting), left to right."""
        view = self._view
        return (
            view.style().name().casefold() == "fusion"
            and view.layoutDirection() == Qt.LayoutDirection.LeftToRight
        )

    def _model(self) -> FilmTableModel:
        model = self._view.model()
        assert isinstance(model, FilmTableModel)
        return model

    def rows(self, area: QRect) -> range:
        """The rows that show in ``area`` of the viewport."""
        count = self._model().rowCount()
        if count == 0:
            return range(0)
        first = self._view.rowAt(area.top())
        if first < 0:
            return range(0)
        last = self._view.rowAt(area.bottom())
        return range(first, (last if last >= 0 else count - 1) + 1)

    def columns(self, area: QRect) -> list[tuple[int, int, int]]:
        """(column, x, width) of the columns that show in ``area``, left to right."""
        header = self._view.horizontalHeader()
        shown = []
        for visual in range(header.count()):
            column = header.logicalIndex(visual)
            if header.isSectionHidden(column):
                continue
            x, width = header.sectionViewportPosition(column), header.sectionSize(column)
            if x + width > area.left() and x <= area.right():
                shown.append((column, x, width))
        return shown

    def _page(self, area: QRect) -> _Page:
        view = self._view
        rows = self.rows(area)
        height = view.verticalHeader().defaultSectionSize()
        top = view.rowViewportPosition(rows.start) if rows else 0
        self._forget_written_if_font_changed(view.fontMetrics())
        margin = self._text_margin()
        texts: list[tuple[int, int, int]] = []
        stars = check = None
        for column, x, width in self.columns(area):
            if column == _RATING:
                stars = x, width
            elif column == _WATCHED:
                check, text = self._watched_layout(QRect(x, 0, width, height))
                texts.append((column, text.left(), text.width()))
            else:
                texts.append((column, x + margin, width - 2 * margin))
        return _Page(rows, top, height, texts, stars, check)

    def cells(self, area: QRect) -> Iterator[Cell]:
        """Every text cell that shows in ``area``, with its text as written (elided to fit)."""
        page = self._page(area)
        for row, column, x, top, width, written in self._texts(page):
            yield Cell(row, column, QRect(x, top, width, page.height), written.text())

    def _texts(self, page: _Page) -> Iterator[tuple[int, int, int, int, int, QStaticText]]:
        """(row, column, x, top, width, the text as written) of each text cell of ``page``."""
        model = self._model()
        written = self._written
        for row in page.rows:
            film = model.film_at(row)
            top = page.top_of(row)
            for column, x, width in page.texts:
                yield row, column, x, top, width, written(cell_text(film, column) or "", width)

    def paint(self, painter: QPainter, area: QRect) -> None:
        """Paint the rows that show in ``area``."""
        view = self._view
        palette = view.palette()
        group = (
            QPalette.ColorGroup.Disabled
            if not view.isEnabled()
            else QPalette.ColorGroup.Active
            if view.isActiveWindow()
            else QPalette.ColorGroup.Inactive
        )
        page = self._page(area)
        rows, height = page.rows, page.height
        selected = self._selected(rows)
        highlight = palette.brush(group, QPalette.ColorRole.Highlight)
        alternate = palette.brush(group, QPalette.ColorRole.AlternateBase)
        alternating = view.alternatingRowColors()
        across = view.viewport().width()
        for row in rows:
            if row in selected:
                painter.fillRect(QRect(0, page.top_of(row), across, height), highlight)
            elif alternating and row % 2:
                painter.fillRect(QRect(0, page.top_of(row), across, height), alternate)
        pens = (
            palette.color(group, QPalette.ColorRole.Text),
            palette.color(group, QPalette.ColorRole.HighlightedText),
        )
        # Where QStyledItemDelegate puts a line of text: its layout's height (a text line's is
        # rounded up) centred in the cell in whole pixels (a laid-out text is drawn from its
        # top, an ascent above the baseline); a year is centred across. Drawn at that point:
        # no alignment worked out per text.
        font = QFontMetricsF(view.font())
        below = (height - math.ceil(font.ascent() + font.descent())) // 2
        pen = None
        for row, column, x, top, width, written in self._texts(page):
            if written is _NOTHING:
                continue
            if pen is not (chosen := pens[row in selected]):
                painter.setPen(chosen)
                pen = chosen
            left: float = x
            if column == _YEAR:
                left += (width - font.horizontalAdvance(written.text())) / 2
            painter.drawStaticText(QPointF(left, top + below), written)
        if page.check is not None:
            self._paint_checks(painter, page, group, selected)
        self._paint_focus(painter, page, group, selected)  # (under the stars, as Qt draws it)
        if page.stars is not None:
            self._paint_stars(painter, page, palette)

    def _selected(self, rows: range) -> set[int]:
        """Those of ``rows`` that are selected. Only rows within a selection range are asked
        about (``isRowSelected`` asks the model for each column's flags: a call into Python
        per cell, for every row of the page, at every keystroke)."""
        selection = self._view.selectionModel()
        if not selection.hasSelection():
            return set()
        spans = selection.selection()
        within = {
            row
            for span in map(spans.at, range(spans.count()))
            for row in range(max(span.top(), rows.start), min(span.bottom() + 1, rows.stop))
        }
        return {row for row in within if selection.isRowSelected(row, QModelIndex())}

    def _paint_stars(self, painter: QPainter, page: _Page, palette: QPalette) -> None:
        assert page.stars is not None
        model = self._model()
        x, width = page.stars
        narrow = StarDelegate.stars_rect(QRectF(x, 0, width, page.height)).right() > x + width
        if narrow:  # (a column made narrower than its stars: they stay in it)
            painter.save()
            painter.setClipRect(QRect(x, 0, width, self._view.viewport().height()))
        for row in page.rows:
            film = model.film_at(row)
            cell = QRectF(x, page.top_of(row), width, page.height)
            self._stars.paint_stars(painter, cell, film.rating, film.id, palette)
        if narrow:
            painter.restore()

    def _paint_checks(
        self, painter: QPainter, page: _Page, group: QPalette.ColorGroup, selected: set[int]
    ) -> None:
        view, model = self._view, self._model()
        assert page.check is not None
        style = view.style()
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.palette.setCurrentColorGroup(group)
        enabled = QStyle.StateFlag.State_Enabled if view.isEnabled() else QStyle.StateFlag(0)
        states = [
            [enabled | on_off, enabled | on_off | QStyle.StateFlag.State_Selected]
            for on_off in (QStyle.StateFlag.State_Off, QStyle.StateFlag.State_On)
        ]
        # Each look of a box is drawn once, over the colour of the row behind it, and that
        # picture drawn again where it shows (the style draws each box anew: its gradients).
        plain, alternate, highlight = self._row_colours(group)
        alternating = view.alternatingRowColors()
        ratio = view.devicePixelRatio()
        kept = ratio.is_integer()  # (at 1.25, a picture may round otherwise than Qt does)
        look = (style.name(), option.palette.cacheKey(), int(group.value), page.check.size())
        check = QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck
        for row in page.rows:
            chosen = row in selected
            state = states[model.film_at(row).watched][chosen]
            rect = page.check.translated(0, page.top_of(row))
            under = highlight if chosen else alternate if alternating and row % 2 else plain
            if not kept or under is None:
                option.rect, option.state = rect, state
                style.drawPrimitive(check, option, painter, view)
                continue
            key = (*look, int(state.value), under.rgba(), ratio)
            picture = self._checks.get(key)
            if picture is None:
                if len(self._checks) > 64:
                    self._checks.clear()
                option.rect, option.state = QRect(QPoint(0, 0), rect.size()), state
                picture = drawn_over(
                    under,
                    rect.size(),
                    ratio,
                    lambda drawn: style.drawPrimitive(check, option, drawn, view),
                )
                self._checks[key] = picture
            painter.drawPixmap(rect.topLeft(), picture)

    def _row_colours(self, group: QPalette.ColorGroup) -> list[QColor | None]:
        """The plain colour of a row (what the view fills behind it), an alternate row and a
        selected one; None for any that is not one plain colour."""
        view = self._view
        viewport = view.viewport()
        brushes = (
            viewport.palette().brush(group, viewport.backgroundRole()),
            view.palette().brush(group, QPalette.ColorRole.AlternateBase),
            view.palette().brush(group, QPalette.ColorRole.Highlight),
        )
        return [plain_colour(brush) for brush in brushes]

    def _paint_focus(
        self, painter: QPainter, page: _Page, group: QPalette.ColorGroup, selected: set[int]
    ) -> None:
        """The current cell's focus frame, as QStyledItemDelegate draws it (the style may draw
        none): beside the Watched check box, within the cell."""
        view = self._view
        current = view.currentIndex()
        if not view.hasFocus() or not current.isValid() or current.row() not in page.rows:
            return
        item = QStyleOptionViewItem()
        view.initViewItemOption(item)
        cell = view.visualRect(current)
        item.rect = cell
        item.state |= QStyle.StateFlag.State_HasFocus
        chosen = current.row() in selected
        if chosen:
            item.state |= QStyle.StateFlag.State_Selected
        if current.column() == _WATCHED:
            _with_check_box(item)
        style = view.style()
        frame = QStyleOptionFocusRect()
        frame.initFrom(view)
        frame.state = item.state | QStyle.StateFlag.State_KeyboardFocusChange
        frame.state |= QStyle.StateFlag.State_Item
        frame.rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemFocusRect, item, view)
        frame.backgroundColor = view.palette().color(
            group, QPalette.ColorRole.Highlight if chosen else QPalette.ColorRole.Window
        )
        painter.save()
        painter.setClipRect(cell)  # (as the style clips an item's painting to its cell)
        style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, frame, painter, view)
        painter.restore()

    # --- where the style puts things -----------------------------------------------------------

    def _text_margin(self) -> int:
        # (As QStyledItemDelegate's text: the focus frame's margin and a pixel, each side.)
        style = self._view.style()
        return style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self._view) + 1

    def _watched_layout(self, cell: QRect) -> tuple[QRect, QRect]:
        """Where the style puts an item's check box in ``cell`` (where a click toggles it,
        as QStyledItemDelegate works it out) and the text beside it."""
        style = self._view.style()
        key = (cell.width(), cell.height(), style.name())
        found = self._watched.get(key)
        if found is None:
            option = QStyleOptionViewItem()
            self._view.initViewItemOption(option)
            option.rect = QRect(0, 0, cell.width(), cell.height())
            _with_check_box(option)
            check = style.subElementRect(
                QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, self._view
            )
            margin = self._text_margin()
            text = style.subElementRect(
                QStyle.SubElement.SE_ItemViewItemText, option, self._view
            ).adjusted(margin, 0, -margin, 0)
            found = self._watched[key] = (check, text)
        return found[0].translated(cell.topLeft()), found[1].translated(cell.topLeft())

    def _forget_written_if_font_changed(self, metrics: QFontMetrics) -> None:
        key = (self._view.font().key(), metrics.height())
        if key != self._font_key:
            self._font_key = key
            self._laid_out.clear()
            self._watched.clear()

    def _written(self, text: str, width: int) -> QStaticText:
        """``text`` as written in a cell ``width`` wide: elided as the style elides it, and laid
        out (its glyphs found and placed) once. A page repeats the same years, directors and
        dates, and the next key's page many of the same films."""
        if not text:
            return _NOTHING
        key = (text, width)
        found = self._laid_out.get(key)
        if found is None:
            if len(self._laid_out) > 5_000:
                self._laid_out.clear()
            view = self._view
            found = QStaticText(view.fontMetrics().elidedText(text, view.textElideMode(), width))
            found.setTextFormat(Qt.TextFormat.PlainText)
            found.prepare(QTransform(), view.font())
            self._laid_out[key] = found
        return found


_NOTHING = QStaticText()  # (an empty cell: nothing to draw)


def _with_check_box(item: QStyleOptionViewItem) -> None:
    """``item`` as the Watched column's: a check box beside a text (where the style puts
    either depends on both being there)."""
    item.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    item.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
    item.text = "0"
