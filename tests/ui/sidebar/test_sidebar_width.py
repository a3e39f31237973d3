"""The sidebar is as wide as its own words need: nothing of ours is cut, in English or Russian.

«Просмотренные» and «Непросмотренные» were cut at the default window size as soon as the font
was a desktop's usual size, or the tree had a scroll bar (a few tags), or counts ran to thousands.
Collection, list and tag names are the user's and may be cut (their tooltip has them whole).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QStyle, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import Catalog
from filmdesk.ui.main_window import MainWindow
from filmdesk.ui.shell.i18n import install_translators
from filmdesk.ui.sidebar.sidebar import Sidebar
from tests.ui.test_main_window import make_window

NAMED = ("collection", "list", "tag")


@pytest.fixture(params=["ru", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    install_translators(request.param)
    yield request.param
    install_translators("en")


@pytest.fixture(params=[9.0, 12.0], ids=["9pt", "12pt"])
def font_size(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[float]:
    """The application's font at this size (large print, or a desktop that likes it large)."""
    before = QFont(qapp.font())
    font = QFont(before)
    font.setPointSizeF(request.param)
    qapp.setFont(font)
    yield request.param
    qapp.setFont(before)


def items(sidebar: Sidebar) -> Iterator[QTreeWidgetItem]:
    tree = sidebar.tree
    for top in range(tree.topLevelItemCount()):
        section = tree.topLevelItem(top)
        yield section
        for child in range(section.childCount()):
            yield section.child(child)


def cut_entries(sidebar: Sidebar) -> list[str]:
    """Texts of ours (and every count) that do not fit the space the tree shows them in."""
    tree = sidebar.tree
    style = tree.style()
    margins = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tree) + 1)
    visible = tree.viewport().rect()
    cut = []
    for item in items(sidebar):
        entry = sidebar.entry_of(item)
        for column in (0, 1):
            text = item.text(column)
            if not text or (column == 0 and entry is not None and entry[0] in NAMED):
                continue
            index = tree.indexFromItem(item, column)
            rect = tree.visualRect(index)
            needed = QFontMetrics(item.font(column)).horizontalAdvance(text) + margins
            # Rows scrolled out of view count as shown: only the width matters here.
            shown = min(rect.right(), visible.right()) - max(rect.left(), visible.left()) + 1
            if needed > shown:
                cut.append(f"{text!r}: needs {needed} px, shows {shown} px")
    return cut


def settle(qtbot: QtBot, window: MainWindow) -> None:
    # The splitter gives the sidebar its width once the layout has run.
    qtbot.waitUntil(lambda: window.sidebar_view.tree.viewport().width() > 0)
    QApplication.processEvents()


def test_nothing_of_ours_is_cut_at_the_default_size(
    qtbot: QtBot, catalog: Catalog, language: str, font_size: float
) -> None:
    window = make_window(qtbot, catalog)
    settle(qtbot, window)
    assert cut_entries(window.sidebar_view) == []


def test_nor_with_a_scroll_bar_and_counts_in_thousands(
    qtbot: QtBot, catalog: Catalog, language: str
) -> None:
    # Enough tags for the tree to need a scroll bar, which takes its width from the entries.
    for number in range(30):
        film_id = 1 + number % 10
        catalog.films.set_tags(film_id, [*catalog.films.get(film_id).tags, f"tag {number}"])
    window = make_window(qtbot, catalog)
    settle(qtbot, window)
    sidebar = window.sidebar_view
    assert sidebar.tree.verticalScrollBar().isVisible()
    assert cut_entries(sidebar) == []
    # A big catalog's counts: the sidebar widens as they grow.
    with qtbot.waitSignal(sidebar.entry_selected, timeout=500, raising=False):
        sidebar.populate(
            (12345, 2345, 10000), catalog.collections.all(), [], catalog.films.tag_counts()
        )
    qtbot.waitUntil(lambda: not cut_entries(sidebar), timeout=2000)
