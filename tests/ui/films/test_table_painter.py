"""The film table paints its rows in one pass (TablePainter): the picture is Qt's own, pixel
for pixel, cell by cell through the delegates, in light and dark, with a selection, the
focus, ratings, watched dates, a column hidden and one moved."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QRect, Qt
from PySide6.QtGui import QFont, QImage, QPaintEvent
from PySide6.QtWidgets import QStyleFactory, QTableView, QWidget
from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import open_catalog
from filmdesk.ui.films.film_order import Column
from filmdesk.ui.films.film_table import FilmTable
from filmdesk.ui.films.film_table_model import FilmTableModel
from filmdesk.ui.shell.settings import apply_appearance

LONG = "A Title Far Too Long for Its Column, Which the Table Cuts Short with an Ellipsis"


class StockTable(FilmTable):
    """The same table painted as QTableView paints: a delegate call per cell."""

    def paintEvent(self, event: QPaintEvent) -> None:
        QTableView.paintEvent(self, event)


@pytest.fixture
def model(db_path: Path) -> FilmTableModel:
    catalog = open_catalog(str(db_path)).catalog  # (painting is the same on any backend)
    rows = catalog.films.rows()
    catalog.close()
    changed = [
        rows[0]._replace(title=LONG, rating=3.5, watched=True, watched_on=date(2024, 3, 9)),
        rows[1]._replace(rating=5.0, watched=True, watched_on=None, tags=("war", "classic")),
        rows[2]._replace(rating=0.5, year=None, directors=()),
        *rows[3:],
    ]
    model = FilmTableModel()
    model.set_films(changed)
    return model


@pytest.fixture(autouse=True)
def hosts() -> Iterator[None]:
    yield
    _HOSTS.clear()


@pytest.fixture(params=["light", "dark"])
def appearance(request: pytest.FixtureRequest) -> Iterator[str]:
    apply_appearance(request.param)
    yield request.param
    apply_appearance("light")


_HOSTS: list[QWidget] = []


def picture(qtbot: QtBot, table: FilmTable, focus: bool, current: int = Column.DIRECTOR) -> QImage:
    """The table's rows as shown, in a window of its own (kept until the test ends)."""
    host = QWidget()
    _HOSTS.append(host)
    qtbot.addWidget(host)
    table.setParent(host)
    table.resize(900, 300)
    host.resize(900, 300)
    host.show()
    qtbot.waitExposed(host)
    selection = table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.select(table.model().index(1, 0), flags)
    selection.select(table.model().index(4, 0), flags)
    selection.setCurrentIndex(
        table.model().index(4, current), QItemSelectionModel.SelectionFlag.NoUpdate
    )
    if focus:
        host.activateWindow()
        table.setFocus()
        qtbot.waitUntil(table.hasFocus)
    image = table.viewport().grab().toImage()
    host.hide()
    return image


@pytest.mark.parametrize("focus", [False, True])
@pytest.mark.parametrize("current", [Column.DIRECTOR, Column.RATING, Column.WATCHED])
def test_the_rows_look_as_qt_paints_them(
    qtbot: QtBot, model: FilmTableModel, appearance: str, focus: bool, current: Column
) -> None:
    ours = picture(qtbot, FilmTable(model), focus, current)
    stock = picture(qtbot, StockTable(model), focus, current)
    assert ours.size() == stock.size()
    assert ours == stock


@pytest.mark.parametrize("points", [9, 10, 11])
@pytest.mark.parametrize("height", [25, 26, 27, 31, 40])
def test_texts_sit_where_qt_puts_them_in_any_font_size_and_row_height(
    qtbot: QtBot, model: FilmTableModel, points: int, height: int
) -> None:
    pictures = []
    for kind in (FilmTable, StockTable):
        table = kind(model)
        font = QFont("DejaVu Sans", points)
        table.setFont(font)
        table.verticalHeader().setDefaultSectionSize(height)
        pictures.append(picture(qtbot, table, focus=True))
    assert pictures[0] == pictures[1]


@pytest.mark.parametrize("case", ["right to left", "another style"])
def test_where_the_painting_is_not_qts_own_qt_paints(
    qtbot: QtBot, model: FilmTableModel, case: str
) -> None:
    tables = [FilmTable(model), StockTable(model)]
    for table in tables:
        if case == "right to left":
            table.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        else:
            table.setStyle(QStyleFactory.create("Windows"))
    assert not tables[0].painter.fits()
    assert picture(qtbot, tables[0], focus=True) == picture(qtbot, tables[1], focus=True)


def test_a_hidden_column_and_a_moved_one_look_as_qt_paints_them(
    qtbot: QtBot, model: FilmTableModel
) -> None:
    pictures = []
    for kind in (FilmTable, StockTable):
        table = kind(model)
        table.horizontalHeader().setSectionHidden(Column.ORIGINAL_TITLE, True)
        table.horizontalHeader().moveSection(Column.WATCHED, Column.TITLE)
        table.horizontalHeader().resizeSection(Column.DIRECTOR, 50)  # (names cut short)
        pictures.append(picture(qtbot, table, focus=False))
    assert pictures[0] == pictures[1]


def test_texts_are_cut_short_to_fit_their_cells(qtbot: QtBot, model: FilmTableModel) -> None:
    table = FilmTable(model)
    picture(qtbot, table, focus=False)
    area = QRect(0, 0, table.viewport().width(), table.viewport().height())
    cells = list(table.painter.cells(area))
    row = next(r for r in range(model.rowCount()) if model.film_at(r).title == LONG)
    title = next(c for c in cells if c.row == row and c.column == Column.TITLE)
    assert title.text.endswith("…") and LONG.startswith(title.text[:-1])
    metrics = table.fontMetrics()
    assert all(metrics.horizontalAdvance(c.text) <= c.rect.width() for c in cells)
    assert {c.row for c in cells} == set(range(model.rowCount()))  # (all ten fit)
    watched = next(c for c in cells if c.row == row and c.column == Column.WATCHED)
    assert watched.text == model.index(row, Column.WATCHED).data() != ""
