"""Action icons: the desktop's icon theme where it has the icon and decides the colours, else a
small drawing shipped with filmdesk (``resources/icons/actions/<name>.svg``, freedesktop icon
names) painted in the palette's text colour, with its own greyed Disabled mode.

The drawings are painted again when the appearance changes, so they stay light on a dark
window and dark on a light one.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from filmdesk.paths import shipped_file

SIZES = (16, 22, 24, 32, 48)
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
    icon = QIcon()
    if svg is None:
        return icon
    active = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    for mode, group in _MODES:
        colour = palette.color(group, QPalette.ColorRole.ButtonText)
        # A palette without a disabled colour of its own still greys a disabled action.
        opacity = 0.4 if mode is QIcon.Mode.Disabled and colour == active else 1.0
        renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", colour.name()).encode()))
        for size in SIZES:
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setOpacity(opacity)
            renderer.render(painter, QRectF(0, 0, size, size))
            painter.end()
            icon.addPixmap(pixmap, mode)
    return icon


def action_icon(name: str, palette: QPalette, *, from_theme: bool) -> QIcon:
    """The icon for a freedesktop icon ``name``: the theme's when ``from_theme`` (the window
    follows the desktop's appearance, so the theme's colours suit it) and the theme has it,
    otherwise the shipped drawing in ``palette``'s colours."""
    if from_theme and QIcon.hasThemeIcon(name):
        return QIcon.fromTheme(name)
    return drawn_icon(name, palette)
