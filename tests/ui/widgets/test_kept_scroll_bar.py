"""The film table's scroll bar paints again only when what it shows changes (KeptScrollBar):
its picture is always Qt's own, pixel for pixel, whatever came before it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QScrollBar, QWidget
from pytestqt.qtbot import QtBot

from filmdesk.ui.shell.settings import apply_appearance
from filmdesk.ui.widgets.kept_scroll_bar import KeptScrollBar

# (minimum, maximum, value, enabled): a table of 100,000 rows at its top, middle and end, one
# whose rows all fit, a short one (a long handle) and a disabled one.
STATES = [
    (0, 99_976, 0, True),
    (0, 99_976, 50_000, True),
    (0, 99_976, 99_976, True),
    (0, 0, 0, True),
    (0, 12, 5, True),
    (0, 12, 5, False),
]


@pytest.fixture(params=["light", "dark"])
def appearance(request: pytest.FixtureRequest) -> Iterator[str]:
    apply_appearance(request.param)
    yield request.param
    apply_appearance("light")


class Host(QWidget):
    """A window holding a scroll bar at the size the film table gives its own."""

    def __init__(self, bar: QScrollBar) -> None:
        super().__init__()
        self.bar = bar
        bar.setParent(self)
        vertical = bar.orientation() == Qt.Orientation.Vertical
        # (Away from the corner where the offscreen pointer rests: a hovered bar is Qt's.)
        bar.setGeometry(300, 10, *((15, 600) if vertical else (600, 15)))
        bar.setPageStep(24)
        self.resize(920, 620)


def shown(qtbot: QtBot, host: Host, state: tuple[int, int, int, bool]) -> QImage:
    minimum, maximum, value, enabled = state
    host.bar.setRange(minimum, maximum)
    host.bar.setValue(value)
    host.bar.setEnabled(enabled)
    if not host.isVisible():
        qtbot.addWidget(host)
        host.show()
        qtbot.waitExposed(host)
    # The window, where the bar is: the bar over what Qt paints behind it.
    picture = host.grab(host.bar.geometry()).toImage()
    if isinstance(host.bar, KeptScrollBar):
        assert host.bar._picture is not None  # (its own picture, not Qt's painting)
    return picture


@pytest.mark.parametrize("orientation", [Qt.Orientation.Vertical, Qt.Orientation.Horizontal])
def test_each_state_looks_as_qt_paints_it_whatever_was_shown_before(
    qtbot: QtBot, appearance: str, orientation: Qt.Orientation
) -> None:
    stock = Host(QScrollBar(orientation))
    expected = {state: shown(qtbot, stock, state) for state in STATES}
    stock.close()
    kept = Host(KeptScrollBar(orientation))
    # Every state after every other: a kept picture is never shown where it no longer fits.
    for before in STATES:
        for state in STATES:
            shown(qtbot, kept, before)
            assert shown(qtbot, kept, state) == expected[state], (before, state)


def test_a_new_range_that_leaves_the_handle_where_it_was_paints_the_same_picture(
    qtbot: QtBot,
) -> None:
    """What it is for: a key typed into the search (100,000 rows, then 90,000) leaves the
    handle as it was; the picture is drawn again, not painted anew by the style."""
    host = Host(KeptScrollBar(Qt.Orientation.Vertical))
    bar = host.bar
    assert isinstance(bar, KeptScrollBar)
    first = shown(qtbot, host, (0, 99_976, 0, True))
    picture = bar._picture
    assert picture is not None
    assert shown(qtbot, host, (0, 89_976, 0, True)) == first
    assert bar._picture is picture
    # A handle that moves, or a new palette, is painted anew.
    shown(qtbot, host, (0, 50, 0, True))
    assert bar._picture is not picture
    longer = bar._picture
    # Back to the first look (a search cleared): its picture was kept.
    assert shown(qtbot, host, (0, 99_976, 0, True)) == first
    assert bar._picture is picture
    shown(qtbot, host, (0, 50, 0, True))
    assert bar._picture is longer
    apply_appearance("dark")
    try:
        QApplication.processEvents()  # (the new palette reaches the bar)
        shown(qtbot, host, (0, 50, 0, True))
        assert bar._picture is not longer
    finally:
        apply_appearance("light")
