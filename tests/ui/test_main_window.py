from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import Catalog
from filmdesk.ui.film_table_model import Column, FilmTableModel
from filmdesk.ui.main_window import MainWindow
from tests.ui.conftest import type_text


@pytest.fixture
def window(qtbot: QtBot, catalog: Catalog) -> Iterator[MainWindow]:
    win = MainWindow(catalog)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win


def shown_titles(win: MainWindow) -> list[str]:
    model = win.model
    return [model.index(r, Column.TITLE).data() for r in range(model.rowCount())]


def test_window_lists_the_catalog(window: MainWindow) -> None:
    assert window.windowTitle() == "filmdesk"
    assert len(shown_titles(window)) == 10
    assert window.status_label.text() == "10 films · 0 watched"


def test_typing_a_query_filters_the_table(qtbot: QtBot, window: MainWindow) -> None:
    type_text(window.search_field, "летят")
    assert shown_titles(window) == ["The Cranes Are Flying"]
    assert window.status_label.text() == "10 films · 0 watched · 1 shown"
    window.search_field.clear()
    qtbot.keyClicks(window.search_field, "year:1957")
    assert shown_titles(window) == ["The Cranes Are Flying", "The House I Live In"]


def test_a_bad_term_shows_a_message_instead_of_failing(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.search_field, "year:abc")
    assert window.search_error.isVisible()
    assert "year:abc" in window.search_error.text()
    window.search_field.clear()
    assert not window.search_error.isVisible()
    assert len(shown_titles(window)) == 10


def test_clicking_a_header_sorts_and_again_reverses(qtbot: QtBot, window: MainWindow) -> None:
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(Column.YEAR) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    years = [window.model.index(r, Column.YEAR).data() for r in range(10)]
    assert years == sorted(years)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    years_desc = [window.model.index(r, Column.YEAR).data() for r in range(10)]
    assert years_desc == sorted(years, reverse=True)


def test_film_table_model_passes_the_model_tester(qtmodeltester: object, catalog: Catalog) -> None:
    model = FilmTableModel()
    model.set_films(catalog.all_films())
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.sort(Column.YEAR, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
