"""Windows and the screens they are on."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def bring_on_screen(window: QWidget) -> None:
    """Move a window saved on a monitor that is gone to the middle of the primary screen
    (it would otherwise open where nobody can see it), no bigger than that screen."""
    frame = window.frameGeometry()
    if QGuiApplication.screenAt(frame.center()) is not None:
        return
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return
    available = screen.availableGeometry()
    width = min(frame.width(), available.width())
    height = min(frame.height(), available.height())
    window.resize(width, height)
    window.move(
        available.left() + (available.width() - width) // 2,
        available.top() + (available.height() - height) // 2,
    )
