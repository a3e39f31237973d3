"""A scroll bar that paints again only when what it shows has changed.

Each key typed into the film table's search changes how many rows there are, so the table's
scroll bar gets a new range and repaints. At 100,000 films its handle is the same size and in
the same place before and after (the least handle, at the top), but the style draws it anew
every time: a fifth of a keystroke's time with Fusion's gradients. ``KeptScrollBar`` keeps
the picture it painted and draws that again while everything the picture depends on is the
same (its size, state, palette, style, the handle's place and whether it is at an end).
It keeps its last few pictures, for a search that goes back and forth between a few looks (the
vertical bar shown and hidden makes the horizontal one longer and shorter; a message under the
search field makes the table shorter), and its groove apart from them: the groove is most of
the style's time and depends on none of the handle's place, so a handle of a new size is drawn
over a copy of it. Hovered or pressed, it lets Qt paint: those parts of its state are Qt's own.

The picture is drawn over the colour Qt paints behind the bar (the window's, or that of the
first widget around it that fills its background), so it is Qt's own to the last pixel; where
that is not one plain colour, with another style than Fusion, or when the screen's scale is not
a whole number, Qt paints it every time.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QApplication, QScrollBar, QStyle, QStyleOptionSlider, QWidget

from filmdesk.ui.widgets.pictures import drawn_over, plain_colour

_KEPT = 8  # pictures kept; one more made, the one shown longest ago goes
_ALL_BUT_GROOVE = QStyle.SubControl.SC_All & ~QStyle.SubControl.SC_ScrollBarGroove


class KeptScrollBar(QScrollBar):
    """A QScrollBar that draws a kept picture again when it looks as it did before."""

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self._pictures: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()
        self._grooves: dict[tuple[object, ...], QPixmap] = {}
        self._picture: QPixmap | None = None  # (the one shown last; None when Qt painted)

    def paintEvent(self, event: QPaintEvent) -> None:
        background = self._background()
        ratio = self.devicePixelRatio()
        if (
            background is None
            # Fusion (filmdesk's style on Linux) draws a bar from its state alone; others may
            # animate it (a fade, an overlay bar), which a kept picture would stop.
            or self.style().name().casefold() != "fusion"
            or not ratio.is_integer()  # (a picture at 1.25 may round otherwise than Qt does)
            or self.isSliderDown()
            or self.underMouse()
            or QApplication.mouseButtons() != Qt.MouseButton.NoButton
        ):
            self._picture = None  # (hovered or pressed: Qt knows which part)
            super().paintEvent(event)
            return
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        option.subControls = QStyle.SubControl.SC_All
        option.activeSubControls = QStyle.SubControl.SC_None
        style = self.style()
        handle = style.subControlRect(
            QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarSlider, self
        )
        # The groove (most of the style's time: its gradient) depends on none of the handle's
        # place: it is kept apart, and a new handle is drawn over a copy of it.
        groove_look = (
            style,
            option.rect.getRect(),
            int(option.state.value),
            option.orientation,
            option.direction,
            option.upsideDown,
            option.palette.cacheKey(),
            ratio,
            background.rgba(),
        )
        look = (
            *groove_look,
            handle.getRect(),
            # (Some styles grey an arrow at an end, or draw no handle when all rows fit.)
            option.minimum == option.maximum,
            option.sliderPosition == option.minimum,
            option.sliderPosition == option.maximum,
        )
        picture = self._pictures.get(look)
        if picture is None:
            picture = QPixmap(self._groove(groove_look, option, background, ratio))
            painter = QPainter(picture)  # (on its own copy: the groove's is shared until then)
            option.subControls = _ALL_BUT_GROOVE
            style.drawComplexControl(QStyle.ComplexControl.CC_ScrollBar, option, painter, self)
            painter.end()
            self._pictures[look] = picture
            if len(self._pictures) > _KEPT:
                self._pictures.popitem(last=False)
        else:
            self._pictures.move_to_end(look)
        self._picture = picture
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._picture)
        painter.end()

    def _groove(
        self, look: tuple[object, ...], option: QStyleOptionSlider, background: QColor, ratio: float
    ) -> QPixmap:
        """The bar's groove alone, over ``background``, as the style draws it (kept)."""
        found = self._grooves.get(look)
        if found is None:
            option.subControls = QStyle.SubControl.SC_ScrollBarGroove
            style = self.style()
            found = drawn_over(
                background,
                self.size(),
                ratio,
                lambda painter: style.drawComplexControl(
                    QStyle.ComplexControl.CC_ScrollBar, option, painter, self
                ),
            )
            if len(self._grooves) >= _KEPT:
                self._grooves.clear()
            self._grooves[look] = found
        return found

    def _background(self) -> QColor | None:
        """The plain colour Qt paints behind the bar, or None when it is not one."""
        widget: QWidget | None = self
        while widget is not None:
            if widget.autoFillBackground() or widget.isWindow():
                return plain_colour(widget.palette().brush(widget.backgroundRole()))
            widget = widget.parentWidget()
        return None
