"""The poster at the top of the film's details: the picture scaled to the panel, or, for a film
without one, a small place to drop an image on. What the user asks for (set, replace, remove,
copy, save, an image dropped) is announced by signals; the window makes the steps."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from filmdesk.ui.widgets.poster_input import has_image

MAX_HEIGHT = 380  # a tall picture does not push the film's details far out of sight


class PosterPicture(QWidget):
    """A picture as wide as it may be (never wider than itself), its aspect kept."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap = QPixmap()
        self._scaled = QPixmap()
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_pixmap(self, pixmap: QPixmap) -> None:
        """Show ``pixmap`` (a null one: nothing)."""
        self._pixmap = pixmap
        self._scaled = QPixmap()
        self.updateGeometry()
        self.update()

    def pixmap(self) -> QPixmap:
        """The picture shown, at its own size."""
        return self._pixmap

    def _shown_size(self, width: int) -> QSize:
        if self._pixmap.isNull() or self._pixmap.width() == 0:
            return QSize(0, 0)
        picture = self._pixmap.size()
        shown = picture.scaled(
            min(width, picture.width()), MAX_HEIGHT, Qt.AspectRatioMode.KeepAspectRatio
        )
        return QSize(max(1, shown.width()), max(1, shown.height()))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._shown_size(width).height()

    def sizeHint(self) -> QSize:
        return QSize(280, self.heightForWidth(280))

    def shown_rect(self) -> QRect:
        """Where the picture is painted: centred, as large as it may be."""
        size = self._shown_size(self.width())
        return QRect(QPoint((self.width() - size.width()) // 2, 0), size)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._pixmap.isNull():
            return
        target = self.shown_rect()
        ratio = self.devicePixelRatioF()
        wanted = QSize(round(target.width() * ratio), round(target.height() * ratio))
        if self._scaled.size() != wanted:  # scaled once per size, not on every paint
            self._scaled = self._pixmap.scaled(
                wanted,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            self._scaled.setDevicePixelRatio(ratio)
        painter = QPainter(self)
        painter.drawPixmap(target.topLeft(), self._scaled)


class PosterBox(QFrame):
    """The film's poster, or a place to drop one; takes images dropped on it."""

    set_requested = Signal()  # Set Poster… / Replace…
    remove_requested = Signal()
    copy_requested = Signal()
    save_requested = Signal()
    image_dropped = Signal(object)  # the QMimeData dropped (read at once, while it lives)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("posterBox")
        self.setAcceptDrops(True)
        self._key: str | None = None
        self._editable = True

        self.picture = PosterPicture()
        self.picture.setObjectName("posterPicture")
        self.picture.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        self.replace_button = QToolButton()
        self.replace_button.setText(self.tr("Replace…"))
        self.replace_button.setToolTip(self.tr("Choose another image for the poster"))
        self.replace_button.clicked.connect(self.set_requested)
        self.remove_button = QToolButton()
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the poster (Edit › Undo brings it back)"))
        self.remove_button.clicked.connect(self.remove_requested)
        self.more_button = QToolButton()
        self.more_button.setText(self.tr("More"))
        self.more_button.setAccessibleName(self.tr("More poster actions"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self.more_button)
        self.copy_action = more.addAction(self.tr("&Copy Poster"))
        self.copy_action.triggered.connect(self.copy_requested)
        self.save_action = more.addAction(self.tr("&Save Poster As…"))
        self.save_action.triggered.connect(self.save_requested)
        self.more_button.setMenu(more)
        for button in (self.replace_button, self.remove_button, self.more_button):
            button.setAutoRaise(True)
        picture_page = QWidget()
        column = QVBoxLayout(picture_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.picture)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.replace_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.more_button)
        buttons.addStretch(1)
        column.addLayout(buttons)

        # No poster: a compact, dashed place to drop one, the button first ("Set Poster…
        # or drop an image here").
        self.drop_area = QFrame()
        self.drop_area.setObjectName("posterDrop")
        self._style_drop_area()
        self.drop_text = QLabel(self.tr("or drop an image here"))
        self.drop_text.setWordWrap(True)
        self.drop_text.setEnabled(False)  # a hint, in the greyed text colour
        self.set_button = QPushButton(self.tr("Set Poster…"))
        self.set_button.setObjectName("setPoster")
        self.set_button.clicked.connect(self.set_requested)
        self.drop_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Stacked, each centred: side by side, a narrow panel wraps the words on three lines.
        drop = QVBoxLayout(self.drop_area)
        drop.setContentsMargins(10, 8, 10, 8)
        drop.setSpacing(4)
        drop.addWidget(self.set_button, 0, Qt.AlignmentFlag.AlignHCenter)
        drop.addWidget(self.drop_text)

        self.pages = QStackedWidget()
        self.pages.addWidget(picture_page)
        self.pages.addWidget(self.drop_area)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.show_poster(None)

    # --- showing ----------------------------------------------------------------------------

    def shown_key(self) -> str | None:
        """The hash of the poster shown (None: none)."""
        return self._key

    def show_poster(self, key: str | None, data: bytes | None = None) -> None:
        """Show the poster kept under ``key`` from its bytes ``data`` (None: the film has no
        poster, or it could not be read)."""
        pixmap = QPixmap()
        if key is not None and data:
            pixmap.loadFromData(data)
        self._key = key if not pixmap.isNull() else None
        self.picture.set_pixmap(pixmap)
        has = self._key is not None
        self.pages.setCurrentIndex(0 if has else 1)
        self._fit_page()
        self.picture.setAccessibleName(self.tr("Poster") if has else "")
        self._update_enabled()

    def _fit_page(self) -> None:
        # A stacked widget is as tall as its tallest page: the small drop area would get the
        # picture's height otherwise.
        for index in range(self.pages.count()):
            page = self.pages.widget(index)
            assert page is not None
            current = index == self.pages.currentIndex()
            page.setSizePolicy(
                QSizePolicy.Policy.Preferred,
                QSizePolicy.Policy.Preferred if current else QSizePolicy.Policy.Ignored,
            )
        self.pages.adjustSize()
        self.updateGeometry()

    def set_editable(self, editable: bool) -> None:
        """Whether the poster may be changed (not in a read-only catalog, nor for a film
        deleted elsewhere)."""
        self._editable = editable
        self._update_enabled()

    def _update_enabled(self) -> None:
        for widget in (self.replace_button, self.remove_button, self.set_button):
            widget.setEnabled(self._editable)

    def _style_drop_area(self) -> None:
        # The text colour, faint: palette(mid) vanishes on a dark window.
        text = self.palette().color(QPalette.ColorRole.WindowText)
        line = f"rgba({text.red()}, {text.green()}, {text.blue()}, 110)"
        self.drop_area.setStyleSheet(
            f"#posterDrop {{ border: 1px dashed {line}; border-radius: 6px; }}"
            '#posterDrop[dragging="true"] { border: 2px solid palette(highlight); }'
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._style_drop_area()
        super().changeEvent(event)

    # --- dropping -----------------------------------------------------------------------------

    def _set_dragging(self, dragging: bool) -> None:
        self.drop_area.setProperty("dragging", dragging)
        self.drop_area.style().unpolish(self.drop_area)
        self.drop_area.style().polish(self.drop_area)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._editable and has_image(event.mimeData()):
            event.acceptProposedAction()
            self._set_dragging(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._editable and has_image(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_dragging(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_dragging(False)
        if not (self._editable and has_image(event.mimeData())):
            event.ignore()
            return
        event.acceptProposedAction()
        self.image_dropped.emit(event.mimeData())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        if self._key is not None:
            self._menu_item(menu, self.tr("&Replace Poster…"), self.set_requested.emit)
            menu.addAction(self.copy_action)
            menu.addAction(self.save_action)
            menu.addSeparator()
            self._menu_item(menu, self.tr("Re&move Poster"), self.remove_requested.emit)
        else:
            self._menu_item(menu, self.tr("Set &Poster…"), self.set_requested.emit)
        menu.exec(event.globalPos())

    def _menu_item(self, menu: QMenu, text: str, handler: Callable[[], object]) -> None:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: handler())
        action.setEnabled(self._editable)
