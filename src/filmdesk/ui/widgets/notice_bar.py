"""A bar across the top of the window that says something holds for as long as it is shown
(the catalog is read-only), in a warm colour that suits a light or a dark palette."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QWidget

from filmdesk.ui.widgets.plain_text import plain_label

ICON_SIZE = 18


class NoticeBar(QFrame):
    """An icon and one wrapped line of plain text (it may carry a file's path)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.icon = QLabel()
        self.text = plain_label(QLabel())
        self.text.setObjectName("noticeText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(10)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        self._tune()
        self.hide()

    def show_text(self, text: str) -> None:
        """Show the bar with ``text``."""
        self.text.setText(text)
        self.show()

    def _tune(self) -> None:
        base = self.window().palette() if self.window() is not self else self.palette()
        dark = base.color(QPalette.ColorRole.Window).lightness() < 128
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#4d4219" if dark else "#fdf1c7"))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#f3e7c0" if dark else "#3d3000"))
        self.setPalette(palette)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        self.icon.setPixmap(icon.pixmap(ICON_SIZE, ICON_SIZE))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self._tune()
        super().changeEvent(event)
