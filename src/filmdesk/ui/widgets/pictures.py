"""Pictures the style draws once and a view draws again where they show (kept pictures).

A kept picture is drawn over the plain colour Qt paints behind it, so drawing it again gives
Qt's own picture to the pixel; over anything but one plain, opaque colour it could not, and
the style paints in place instead.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPixmap


def plain_colour(brush: QBrush) -> QColor | None:
    """The brush's colour when it is one plain, opaque colour; else None."""
    colour = brush.color()
    if brush.style() == Qt.BrushStyle.SolidPattern and colour.alpha() == 255:
        return colour
    return None


def drawn_over(
    under: QColor, size: QSize, ratio: float, draw: Callable[[QPainter], None]
) -> QPixmap:
    """A picture ``size`` large (at the screen's ``ratio``), ``under`` all over, then ``draw``
    on it."""
    picture = QPixmap(size * ratio)
    picture.setDevicePixelRatio(ratio)
    picture.fill(under)
    painter = QPainter(picture)
    try:
        draw(painter)
    finally:
        painter.end()
    return picture
