"""Bar charts drawn with matplotlib in the palette's colours and the application's font.

Imported in the background (``background.StatsBackground``) when the statistics page first
opens, or ahead of it for someone who has used the page: matplotlib and NumPy take most of a
second to import, which start-up does not pay.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from matplotlib import font_manager
from matplotlib.backend_bases import MouseEvent, PickEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

FIGURE_DPI = 96.0  # Qt's logical dpi: a point in the chart is a point in the window
BAR_WIDTH = 0.7
ROTATE_OVER = 14  # more bars than this: their labels stand upright
MIN_SLOTS = 8  # two years are not two slabs: a few bars keep a bar's width


def _hex(colour: QColor) -> str:
    return str(colour.name(QColor.NameFormat.HexRgb))


def _mix(first: QColor, second: QColor, share: float) -> str:
    """``share`` of ``second`` over ``first``: a quiet colour for grid lines."""
    red = first.redF() * (1 - share) + second.redF() * share
    green = first.greenF() * (1 - share) + second.greenF() * share
    blue = first.blueF() * (1 - share) + second.blueF() * share
    return _hex(QColor.fromRgbF(red, green, blue))


@cache
def _known_families() -> frozenset[str]:
    return frozenset(entry.name for entry in font_manager.fontManager.ttflist)


def font_families(font: QFont) -> list[str]:
    """The application font's family when matplotlib can find it, then a fallback that has
    Cyrillic (matplotlib warns about each family it cannot find, so none is guessed)."""
    families = [f for f in (font.family(), *font.families()) if f in _known_families()]
    return [*dict.fromkeys(families), "DejaVu Sans"]


class BarChart(FigureCanvasQTAgg):
    """One bar chart; ``bar_clicked`` carries the index of the bar clicked."""

    bar_clicked = Signal(int)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        self.figure = Figure(dpi=FIGURE_DPI)
        super().__init__(self.figure)  # type: ignore[no-untyped-call]
        self.setParent(parent)
        self.title = title
        self.axes = self.figure.add_subplot()
        self._labels: list[str] = []
        self._values: list[int] = []
        self._tips: list[str] = []
        self._bars: list[Rectangle] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(240)
        self.setMouseTracking(True)
        self.mpl_connect("pick_event", self._picked)
        self.mpl_connect("motion_notify_event", self._moved)

    def show_bars(
        self, labels: Sequence[str], values: Sequence[int], tips: Sequence[str] = ()
    ) -> None:
        """Draw these bars (a label under each); ``tips``: a tooltip for each bar."""
        self._labels, self._values = list(labels), list(values)
        self._tips = list(tips) or [str(v) for v in values]
        self.redraw()

    def redraw(self) -> None:
        """Draw again in the palette and font of now (after the appearance changed)."""
        # (matplotlib gives the canvas a white palette of its own: the page's is the one.)
        parent = self.parentWidget()
        palette = parent.palette() if parent is not None else QApplication.palette()
        font = self.font()
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        bar = palette.color(QPalette.ColorRole.Highlight)
        size = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
        families = font_families(font)
        axes = self.axes
        axes.clear()
        self.figure.set_facecolor(_hex(window))
        axes.set_facecolor(_hex(window))
        positions = range(len(self._values))
        bars = axes.bar(positions, self._values, width=BAR_WIDTH, color=_hex(bar), picker=True)
        self._bars = list(bars)
        for index, patch in enumerate(bars):
            patch.set_gid(str(index))
        axes.set_title(
            self.title, loc="left", color=_hex(text), fontsize=size * 1.15,
            fontfamily=families, fontweight="bold",
        )  # fmt: skip
        axes.set_xticks(list(positions), self._labels, fontfamily=families)
        rotate = self._rotated()
        axes.tick_params(
            axis="x", colors=_hex(text), labelsize=size, length=0,
            labelrotation=90 if rotate else 0,
        )  # fmt: skip
        axes.tick_params(
            axis="y", colors=_hex(text), labelsize=size * 0.9, length=0,
            labelfontfamily=families[0],
        )  # fmt: skip
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.grid(axis="y", color=_mix(window, text, 0.18), linewidth=0.8)
        axes.set_axisbelow(True)
        for side in ("top", "right", "left"):
            axes.spines[side].set_visible(False)
        axes.spines["bottom"].set_color(_mix(window, text, 0.45))
        if self._values and max(self._values) > 0 and len(self._values) <= ROTATE_OVER:
            axes.bar_label(
                bars, labels=[str(v) if v else "" for v in self._values], color=_hex(text),
                fontsize=size * 0.85, fontfamily=families, padding=2,
            )  # fmt: skip
            axes.margins(y=0.15)
        slots = max(len(self._values), MIN_SLOTS)
        spare = (slots - len(self._values)) / 2
        axes.set_xlim(-0.5 - spare, len(self._values) - 0.5 + spare)
        if not any(self._values):
            axes.set_yticks([])
        self._place_axes()
        self.draw_idle()  # type: ignore[no-untyped-call]

    def _rotated(self) -> bool:
        return len(self._labels) > ROTATE_OVER

    def _place_axes(self) -> None:
        """Margins in pixels for the title, the tick labels and the bars' figures: matplotlib's
        own layout engines measure every text on each draw, which took most of the page's
        paint."""
        width, height = max(self.width(), 1), max(self.height(), 1)
        size = self.font().pointSizeF() if self.font().pointSizeF() > 0 else 9.0
        em = size * FIGURE_DPI / 72  # the font's size in pixels
        digits = len(str(max(self._values, default=0)))
        longest = max((len(label) for label in self._labels), default=1)
        left = em * (0.6 * digits + 1.0) + 4
        bottom = em * (0.62 * longest + 1.0) if self._rotated() else em * 2.0
        top = em * 2.6
        self.figure.subplots_adjust(
            left=min(left / width, 0.4),
            right=1 - 8 / width,
            bottom=min(bottom / height, 0.5),
            top=max(1 - top / height, 0.55),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place_axes()
        super().resizeEvent(event)  # type: ignore[no-untyped-call]

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # the page scrolls under the charts (matplotlib would take the wheel)

    def _bar_at(self, event: MouseEvent) -> int | None:
        for index, patch in enumerate(self._bars):
            if patch.contains(event)[0]:
                return index
        return None

    def _picked(self, event: PickEvent) -> None:
        gid = event.artist.get_gid()
        if gid is not None and event.mouseevent.button == 1:
            self.bar_clicked.emit(int(gid))

    def _moved(self, event: MouseEvent) -> None:
        index = self._bar_at(event)
        if index is None or not self._values[index]:
            self.unsetCursor()
            self.setToolTip("")
            return
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self._tips[index])

    def bar_centre(self, index: int) -> tuple[int, int]:
        """Where bar ``index`` is on the widget (for tests: a click there picks it)."""
        self.draw()  # type: ignore[no-untyped-call]
        patch = self._bars[index]
        x, y = patch.get_x() + patch.get_width() / 2, patch.get_y() + patch.get_height() / 2
        px, py = self.axes.transData.transform((x, y))
        ratio = self.devicePixelRatioF()
        return int(px / ratio), int(self.height() - py / ratio)
