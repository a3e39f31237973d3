"""Action icons: the desktop's icon theme where it has the icon and decides the colours, else a
small drawing shipped with filmdesk (``resources/icons/actions/<name>.svg``, freedesktop icon
names) painted in the palette's text colour, with its own greyed Disabled mode.

The drawings are painted again when the appearance changes, so they stay light on a dark
window and dark on a light one.
"""

from __future__ import annotations

from functools import cache

import shiboken6
from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from filmdesk.paths import shipped_file

_MODES = (
    (QIcon.Mode.Normal, QPalette.ColorGroup.Active),
    (QIcon.Mode.Active, QPalette.ColorGroup.Active),
    (QIcon.Mode.Selected, QPalette.ColorGroup.Active),
    (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled),
)


@cache
def _drawing(name: str) -> str | None:
    path = shipped_file("resources", "icons", "actions", f"{name}.svg")
    return path.read_text(encoding="utf-8") if path.exists() else None


def drawn_icon(name: str, palette: QPalette) -> QIcon:
    """The shipped drawing ``name`` in ``palette``'s button text colour (greyed when disabled);
    an empty icon when filmdesk ships no such drawing."""
    svg = _drawing(name)
    if svg is None:
        return QIcon()
    active = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    looks: dict[QIcon.Mode, tuple[bytes, float]] = {}
    for mode, group in _MODES:
        colour = palette.color(group, QPalette.ColorRole.ButtonText)
        # A palette without a disabled colour of its own still greys a disabled action.
        opacity = 0.4 if mode is QIcon.Mode.Disabled and colour == active else 1.0
        looks[mode] = (svg.replace("currentColor", colour.name()).encode(), opacity)
    return QIcon(_Drawn(looks))


class _Drawn(QIconEngine):
    """A drawing painted at each size and look the first time it is asked for.

    Painting every size of every look of each of the window's icons at start took a tenth of
    its construction (220 pictures); a window shows a few of them.
    """

    def __init__(self, looks: dict[QIcon.Mode, tuple[bytes, float]]) -> None:
        super().__init__()
        self._looks = looks
        self._painted: dict[tuple[int, QIcon.Mode, float], QPixmap] = {}

    def clone(self) -> QIconEngine:
        # PySide6 leaves the engine ``clone`` returns to Python, not to the icon that asked for
        # it: kept here until Qt deletes it (a copy of an icon changed on its own), else it
        # would go at once, under Qt's feet.
        _cloned[:] = [engine for engine in _cloned if shiboken6.isValid(engine)]
        engine = _Drawn(self._looks)
        _cloned.append(engine)
        return engine

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        side = min(size.width(), size.height())  # (the drawings are square)
        key = (side, mode, scale)
        pixmap = self._painted.get(key)
        if pixmap is None:
            svg, opacity = self._looks.get(mode, self._looks[QIcon.Mode.Normal])
            pixels = max(1, round(side * scale))
            pixmap = QPixmap(pixels, pixels)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setOpacity(opacity)
            QSvgRenderer(QByteArray(svg)).render(painter, QRectF(0, 0, pixels, pixels))
            painter.end()
            pixmap.setDevicePixelRatio(scale)
            self._painted[key] = pixmap
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        pixmap = self.scaledPixmap(rect.size(), mode, state, scale)
        side = min(rect.width(), rect.height())  # (square, in the middle of the rectangle)
        painter.drawPixmap(
            QRect(rect.x() + (rect.width() - side) // 2, rect.y() + (rect.height() - side) // 2,
                  side, side),
            pixmap,
        )  # fmt: skip


_cloned: list[_Drawn] = []


def action_icon(name: str, palette: QPalette, *, from_theme: bool) -> QIcon:
    """The icon for a freedesktop icon ``name``: the theme's when ``from_theme`` (the window
    follows the desktop's appearance, so the theme's colours suit it) and the theme has it,
    otherwise the shipped drawing in ``palette``'s colours."""
    if from_theme and QIcon.hasThemeIcon(name):
        return QIcon.fromTheme(name)
    return drawn_icon(name, palette)
