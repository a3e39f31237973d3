"""Half-star ratings: one painter shared by the rating widget and the table's delegate.

Stars are vector paths, so they are crisp at any scale; colours come from the palette, so they
read well in light and dark themes.
"""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from filmdesk.ui.shell.i18n import format_number

STAR_COUNT = 5
GOLD = QColor("#e8a317")
GOLD_DARK_THEME = QColor("#f4b63f")


@lru_cache(maxsize=32)
def _star_path(size: float) -> QPainterPath:
    # A five-pointed star inscribed in a size x size square, top point up.
    path = QPainterPath()
    centre = size / 2
    outer = size * 0.48
    inner = outer * 0.45
    for point in range(10):
        radius = outer if point % 2 == 0 else inner
        angle = math.pi / 2 + point * math.pi / 5
        position = QPointF(centre + radius * math.cos(angle), centre - radius * math.sin(angle))
        if point == 0:
            path.moveTo(position)
        else:
            path.lineTo(position)
    path.closeSubpath()
    return path


def is_dark(palette: QPalette) -> bool:
    """True when the palette's window colour is dark."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def rating_text(rating: float | None) -> str:
    """A rating as words for tooltips and screen readers."""
    if rating is None:
        return QCoreApplication.translate("StarRating", "Not rated")
    return (
        QCoreApplication.translate("StarRating", "{rating} of {count} stars")
        .replace("{rating}", format_number(rating))
        .replace("{count}", format_number(STAR_COUNT))
    )


class StarPainter:
    """Draws a row of five stars filled to a half-star value, and maps positions to values."""

    @staticmethod
    def star_size(rect: QRectF) -> float:
        """The size of one star that fits ``rect``."""
        return max(4.0, min(rect.height(), rect.width() / STAR_COUNT))

    @staticmethod
    def paint(
        painter: QPainter,
        rect: QRectF,
        rating: float | None,
        palette: QPalette,
        *,
        preview: float | None = None,
        enabled: bool = True,
    ) -> None:
        """Paint the stars left-aligned and vertically centred in ``rect``."""
        size = StarPainter.star_size(rect)
        top = rect.top() + (rect.height() - size) / 2
        path = _star_path(size)
        dark = is_dark(palette)
        fill = GOLD_DARK_THEME if dark else GOLD
        if preview is not None:
            # The value the click would set: the same gold, lighter, visible on any background
            # (the highlight of a selected row included).
            fill = QColor(fill)
            fill.setAlpha(150)
        if not enabled:
            fill = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        outline = palette.color(QPalette.ColorRole.PlaceholderText)
        value = preview if preview is not None else (rating or 0.0)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for star in range(STAR_COUNT):
            painter.save()
            painter.translate(rect.left() + star * size, top)
            amount = max(0.0, min(1.0, value - star))
            if amount > 0:
                painter.save()
                painter.setClipRect(QRectF(0, 0, size * amount, size))
                painter.fillPath(path, fill)
                painter.restore()
            pen_colour = fill if amount >= 1 else outline
            painter.setPen(pen_colour)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.restore()
        painter.restore()

    @staticmethod
    def value_at(x: float, rect: QRectF) -> float | None:
        """The half-star value under ``x`` (None left of the first star or past the last)."""
        size = StarPainter.star_size(rect)
        offset = x - rect.left()
        if offset < 0 or offset > size * STAR_COUNT:
            return None
        halves = math.ceil(offset / (size / 2))
        return max(1, min(STAR_COUNT * 2, halves)) / 2

    @staticmethod
    def width_for(size: float) -> float:
        """The width of five stars of ``size``."""
        return size * STAR_COUNT


class StarRatingWidget(QWidget):
    """Five stars with half steps: hover previews, click sets, clicking the value clears it.

    Keyboard: Left/Right change by half a star, 0-5 set whole stars, Delete clears.
    """

    rating_changed = Signal(object)  # float | None, emitted only for the user's changes

    def __init__(self, parent: QWidget | None = None, *, star_size: int = 22) -> None:
        super().__init__(parent)
        self._rating: float | None = None
        self._preview: float | None = None
        self._star_size = star_size
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(self.tr("Rating"))
        self._update_accessibility()

    def rating(self) -> float | None:
        """The current value (None when not rated)."""
        return self._rating

    def set_rating(self, rating: float | None) -> None:
        """Show a value without emitting ``rating_changed``."""
        self._rating = rating
        self._update_accessibility()
        self.update()

    def _user_set(self, rating: float | None) -> None:
        if rating == self._rating:
            return
        self.set_rating(rating)
        self.rating_changed.emit(rating)

    def _update_accessibility(self) -> None:
        text = rating_text(self._rating)
        self.setAccessibleDescription(text)
        self.setToolTip(
            self.tr(
                "{rating}. Click a star to rate; click the current rating to clear it."
            ).replace("{rating}", text)
        )

    def _stars_rect(self) -> QRectF:
        margin = 3.0
        return QRectF(margin, margin, self._star_size * STAR_COUNT, float(self._star_size))

    def sizeHint(self) -> QSize:
        return QSize(self._star_size * STAR_COUNT + 6, self._star_size + 6)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        StarPainter.paint(
            painter,
            self._stars_rect(),
            self._rating,
            self.palette(),
            preview=self._preview,
            enabled=self.isEnabled(),
        )
        if self.hasFocus():
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            pen = self.palette().color(QPalette.ColorRole.Highlight)
            painter.setPen(pen)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        preview = StarPainter.value_at(event.position().x(), self._stars_rect())
        if preview != self._preview:
            self._preview = preview
            self.update()

    def leaveEvent(self, event: object) -> None:
        self._preview = None
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        value = StarPainter.value_at(event.position().x(), self._stars_rect())
        if value is None:
            return
        self._preview = None
        self._user_set(None if value == self._rating else value)

    _KEYS = (
        Qt.Key.Key_Right,
        Qt.Key.Key_Up,
        Qt.Key.Key_Plus,
        Qt.Key.Key_Left,
        Qt.Key.Key_Down,
        Qt.Key.Key_Minus,
        Qt.Key.Key_Delete,
        Qt.Key.Key_Backspace,
        *range(Qt.Key.Key_0, Qt.Key.Key_5 + 1),
    )

    def event(self, event: QEvent) -> bool:
        # Delete and digits mean "rate" here, not the window's shortcuts (Delete film, ...).
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and event.key() in self._KEYS
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        current = self._rating or 0.0
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Plus):
            self._user_set(min(float(STAR_COUNT), current + 0.5))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Down, Qt.Key.Key_Minus):
            lowered = current - 0.5
            self._user_set(lowered if lowered >= 0.5 else None)
        elif Qt.Key.Key_0 <= key <= Qt.Key.Key_5:
            stars = key - Qt.Key.Key_0
            self._user_set(float(stars) if stars else None)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._user_set(None)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()
