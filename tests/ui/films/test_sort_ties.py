"""Films that tie on the sorted column stay in title order, whichever way the column is sorted."""

from __future__ import annotations

from itertools import groupby

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from filmdesk.core.catalog import Catalog
from filmdesk.core.records import FilmRow
from filmdesk.core.sorting import title_sort_key
from filmdesk.ui.films.film_table_model import Column, FilmTableModel, RatingRole
from filmdesk.ui.main_window import MainWindow
from tests.ui.test_main_window import make_window

# Four films rated 4 whose titles are in no particular order by id; one 5; five unrated.
FOURS = [6, 9, 10, 7]  # Cranes, House, Ballad, Lady


@pytest.fixture
def rated(catalog: Catalog) -> Catalog:
    for film_id in FOURS:
        catalog.films.rate(film_id, 4.0)
    catalog.films.rate(8, 5.0)  # The Story of Asya Klyachina
    return catalog


def click_header(qtbot: QtBot, window: MainWindow, column: Column) -> None:
    header = window.films.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + 10
    with qtbot.waitSignal(window.films.model.layoutChanged):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def shown(model: FilmTableModel, role: int, column: Column) -> list[object]:
    return [model.index(r, column).data(role) for r in range(model.rowCount())]


def ties_in_title_order(values: list[object], titles: list[str]) -> bool:
    """Within each run of equal values, the titles ascend (as titles sort: "The" aside)."""
    rows = iter(range(len(values)))
    for _value, run in groupby(values):
        group = [titles[next(rows)] for _ in run]
        if [title_sort_key(t) for t in group] != sorted(title_sort_key(t) for t in group):
            return False
    return True


def test_reversing_the_rating_sort_keeps_equal_ratings_in_title_order(
    qtbot: QtBot, rated: Catalog
) -> None:
    window = make_window(qtbot, rated)
    model = window.films.model
    display = Qt.ItemDataRole.DisplayRole
    click_header(qtbot, window, Column.RATING)  # best first
    assert window.films.model.sort_state() == (Column.RATING, Qt.SortOrder.AscendingOrder)
    ratings = shown(model, RatingRole, Column.RATING)
    titles = [str(t) for t in shown(model, display, Column.TITLE)]
    assert ratings[:5] == [5.0, 4.0, 4.0, 4.0, 4.0]
    assert titles[1:5] == [
        "The Ballad of a Soldier",
        "The Cranes Are Flying",
        "The House I Live In",
        "The Lady with the Dog",
    ]
    assert ties_in_title_order(ratings, titles)

    click_header(qtbot, window, Column.RATING)  # the other way
    assert window.films.model.sort_state() == (Column.RATING, Qt.SortOrder.DescendingOrder)
    ratings = shown(model, RatingRole, Column.RATING)
    titles = [str(t) for t in shown(model, display, Column.TITLE)]
    assert ratings[:5] == [4.0, 4.0, 4.0, 4.0, 5.0]
    assert titles[:4] == [
        "The Ballad of a Soldier",
        "The Cranes Are Flying",
        "The House I Live In",
        "The Lady with the Dog",
    ]
    assert ties_in_title_order(ratings, titles)
    # Unrated films come last either way, as filmdesk-cli list --sort -rating shows them.
    assert ratings[5:] == [None] * 5


@pytest.mark.parametrize(
    "column", [Column.YEAR, Column.WATCHED, Column.ORIGINAL_TITLE], ids=lambda c: c.name.lower()
)
def test_ties_keep_title_order_in_both_directions(
    qtbot: QtBot, rated: Catalog, column: Column
) -> None:
    window = make_window(qtbot, rated)
    model = window.films.model
    display = Qt.ItemDataRole.DisplayRole
    click_header(qtbot, window, column)
    for _ in range(2):
        values = shown(model, display, column)
        titles = [str(t) for t in shown(model, display, Column.TITLE)]
        assert ties_in_title_order(values, titles)
        click_header(qtbot, window, column)
    # The two films of 1957, when it shows: Cranes before House, both ways.
    if column is Column.YEAR:
        titles = [str(t) for t in shown(model, display, Column.TITLE)]
        assert titles.index("The Cranes Are Flying") < titles.index("The House I Live In")


def test_a_film_added_while_sorted_in_reverse_lands_among_its_ties_by_title(
    qtbot: QtBot, rated: Catalog, qtmodeltester: object
) -> None:
    model = FilmTableModel()
    model.set_films([FilmRow.of(f) for f in rated.films.all()])
    model.sort(Column.RATING, Qt.SortOrder.DescendingOrder)
    new = rated.films.add({"title": "The Cranes Come Back", "rating": 4.0})
    with qtbot.waitSignal(model.rowsInserted):
        model.add_films([new])
    titles = [model.film_at(r).title for r in range(model.rowCount())]
    assert titles[:5] == [
        "The Ballad of a Soldier",
        "The Cranes Are Flying",
        "The Cranes Come Back",
        "The House I Live In",
        "The Lady with the Dog",
    ]
    unrated = rated.films.add({"title": "Aelita"})
    with qtbot.waitSignal(model.rowsInserted):
        model.add_films([unrated])
    assert model.film_at(6).title == "Aelita"  # first of the unrated, after the rated ones
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_a_rating_changed_while_sorted_in_reverse_moves_it_among_its_ties_by_title(
    rated: Catalog,
) -> None:
    model = FilmTableModel()
    model.set_films([FilmRow.of(f) for f in rated.films.all()])
    model.sort(Column.RATING, Qt.SortOrder.DescendingOrder)
    model.update_film(rated.films.rate(4, 4.0))  # The Stationmaster: unrated -> 4
    model.sort(Column.RATING, Qt.SortOrder.DescendingOrder)  # as a search or a click re-sorts
    titles = [model.film_at(r).title for r in range(model.rowCount())]
    assert titles[:5] == [
        "The Ballad of a Soldier",
        "The Cranes Are Flying",
        "The House I Live In",
        "The Lady with the Dog",
        "The Stationmaster",
    ]
